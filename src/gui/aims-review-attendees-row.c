/* aims-review-attendees-row.c — who attended a management review
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "aims-pages.h"
#include "aims-review-attendees-row.h"

struct _AimsReviewAttendeesRow
{
  AdwExpanderRow  parent_instance;

  AimsContext    *context;
  gint64          review_id;
  GPtrArray      *rows;      /* the rows added to the expander */
  GPtrArray      *checks;    /* GtkCheckButton per person, "person-id" set */
  gboolean        updating;  /* set while the checks follow the database */
};

G_DEFINE_FINAL_TYPE (AimsReviewAttendeesRow, aims_review_attendees_row, ADW_TYPE_EXPANDER_ROW)

static void
show_names (AimsReviewAttendeesRow *self)
{
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; i < self->checks->len; i++)
    if (gtk_check_button_get_active (self->checks->pdata[i]))
      g_string_append_printf (names, "%s%s", names->len > 0 ? ", " : "",
                              (char *) g_object_get_data (self->checks->pdata[i], "name"));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), names->len > 0 ? names->str : _("Nobody ticked yet"));
}

static void
toggled_cb (GtkCheckButton         *check,
            AimsReviewAttendeesRow *self)
{
  AimsDb *db = aims_context_get_db (self->context);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;

  if (self->updating || db == NULL || self->review_id <= 0)
    return;
  for (guint i = 0; i < self->checks->len; i++)
    if (gtk_check_button_get_active (self->checks->pdata[i]))
      {
        gint64 id = GPOINTER_TO_SIZE (g_object_get_data (self->checks->pdata[i], "person-id"));

        g_array_append_val (ids, id);
      }
  if (!aims_review_attendees_set (db, self->review_id, (gint64 *) ids->data, ids->len,
                                  aims_context_get_author (self->context), &error))
    {
      aims_page_add_toast (GTK_WIDGET (self), adw_toast_new (error->message));
      aims_review_attendees_row_set_review (self, NULL);
      return;
    }
  show_names (self);
}

static void
clear (AimsReviewAttendeesRow *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    adw_expander_row_remove (ADW_EXPANDER_ROW (self), self->rows->pdata[i]);
  g_ptr_array_set_size (self->rows, 0);
  g_ptr_array_set_size (self->checks, 0);
}

void
aims_review_attendees_row_set_review (AimsReviewAttendeesRow *self,
                                      AimsRecord             *review)
{
  AimsDb *db;
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GArray) attended = NULL;
  g_autoptr(AimsRecord) loaded = NULL;
  gboolean closed;

  g_return_if_fail (AIMS_IS_REVIEW_ATTENDEES_ROW (self));

  db = aims_context_get_db (self->context);
  if (review != NULL)
    self->review_id = aims_record_get_id (review);
  clear (self);
  if (db == NULL || self->review_id <= 0 ||
      (people = aims_store_list (db, aims_entity_people (), NULL)) == NULL ||
      (attended = aims_review_attendees_get (db, self->review_id, NULL)) == NULL)
    return;
  /* Without a record: read again, after a refused write. */
  if (review == NULL)
    review = loaded = aims_store_load (db, aims_entity_reviews (), self->review_id, NULL);
  closed = review != NULL && aims_review_is_closed (review);

  self->updating = TRUE;
  for (guint i = 0; i < people->len; i++)
    {
      AimsRecord *person = people->pdata[i];
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();
      gint64 id = aims_record_get_id (person);
      gboolean ticked = FALSE;

      for (guint a = 0; a < attended->len; a++)
        ticked |= g_array_index (attended, gint64, a) == id;
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), aims_record_get_title (person));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      if (aims_record_get (person, "role") != NULL)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), aims_record_get (person, "role"));
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), ticked);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_widget_set_sensitive (check, !closed && !aims_db_is_read_only (db));
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      aims_record_get_title (person), -1);
      g_object_set_data (G_OBJECT (check), "person-id", GSIZE_TO_POINTER ((gsize) id));
      g_object_set_data_full (G_OBJECT (check), "name", g_strdup (aims_record_get_title (person)), g_free);
      g_signal_connect (check, "toggled", G_CALLBACK (toggled_cb), self);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (self), row);
      g_ptr_array_add (self->rows, row);
      g_ptr_array_add (self->checks, check);
    }
  self->updating = FALSE;
  show_names (self);
}

void
aims_review_attendees_row_set_person (AimsReviewAttendeesRow *self,
                                      gint64                  person_id,
                                      gboolean                attended)
{
  g_return_if_fail (AIMS_IS_REVIEW_ATTENDEES_ROW (self));

  for (guint i = 0; i < self->checks->len; i++)
    if (GPOINTER_TO_SIZE (g_object_get_data (self->checks->pdata[i], "person-id")) == (gsize) person_id)
      gtk_check_button_set_active (self->checks->pdata[i], attended);
}

static void
aims_review_attendees_row_dispose (GObject *object)
{
  AimsReviewAttendeesRow *self = AIMS_REVIEW_ATTENDEES_ROW (object);

  g_clear_object (&self->context);
  G_OBJECT_CLASS (aims_review_attendees_row_parent_class)->dispose (object);
}

static void
aims_review_attendees_row_finalize (GObject *object)
{
  AimsReviewAttendeesRow *self = AIMS_REVIEW_ATTENDEES_ROW (object);

  g_ptr_array_unref (self->rows);
  g_ptr_array_unref (self->checks);
  G_OBJECT_CLASS (aims_review_attendees_row_parent_class)->finalize (object);
}

static void
aims_review_attendees_row_class_init (AimsReviewAttendeesRowClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = aims_review_attendees_row_dispose;
  G_OBJECT_CLASS (klass)->finalize = aims_review_attendees_row_finalize;
}

/* The expander keeps its rows in a list of its own, which a screen reader
 * names by what it holds. */
static void
name_lists (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LIST_BOX (child))
        gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                        _("Attendees"), -1);
      name_lists (child);
    }
}

static void
aims_review_attendees_row_init (AimsReviewAttendeesRow *self)
{
  self->rows = g_ptr_array_new ();
  self->checks = g_ptr_array_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), _("Attendees"));
  name_lists (GTK_WIDGET (self));
}

GtkWidget *
aims_review_attendees_row_new (AimsContext *context)
{
  AimsReviewAttendeesRow *self;

  g_return_val_if_fail (AIMS_IS_CONTEXT (context), NULL);

  self = g_object_new (AIMS_TYPE_REVIEW_ATTENDEES_ROW, NULL);
  self->context = g_object_ref (context);
  return GTK_WIDGET (self);
}
