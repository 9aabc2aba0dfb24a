/* aims-control-links-row.c — the Annex A controls a risk relies on
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include <glib/gi18n.h>

#include "aims-control-links-row.h"
#include "aims-record-filter.h"
#include "aims-soa-entity.h"

struct _AimsControlLinksRow
{
  AdwActionRow  parent_instance;

  AimsContext  *context;
  gint64        risk_id;
  GPtrArray    *controls;     /* AimsRecord of every control, Annex A order */
  GArray       *linked;       /* gint64 control ids */
  char         *summary;

  GtkWidget    *button;
  GtkWidget    *popover;
  GtkWidget    *search_entry;
  GtkWidget    *list;
  guint         updating;
};

G_DEFINE_FINAL_TYPE (AimsControlLinksRow, aims_control_links_row, ADW_TYPE_ACTION_ROW)

static AimsDb *
get_db (AimsControlLinksRow *self)
{
  return self->context != NULL ? aims_context_get_db (self->context) : NULL;
}

static gboolean
is_linked (AimsControlLinksRow *self,
           gint64               id)
{
  for (guint i = 0; self->linked != NULL && i < self->linked->len; i++)
    if (g_array_index (self->linked, gint64, i) == id)
      return TRUE;
  return FALSE;
}

static gboolean
is_excluded (AimsRecord *control)
{
  return g_strcmp0 (aims_record_get (control, "applicable"), AIMS_SOA_APPLICABLE_NO) == 0;
}

static void
update_summary (AimsControlLinksRow *self)
{
  g_autoptr(GString) summary = g_string_new (NULL);

  for (guint i = 0; self->controls != NULL && i < self->controls->len; i++)
    {
      AimsRecord *control = g_ptr_array_index (self->controls, i);

      if (!is_linked (self, aims_record_get_id (control)))
        continue;
      if (summary->len > 0)
        g_string_append (summary, ", ");
      g_string_append (summary, aims_record_get_reference (control));
    }
  g_free (self->summary);
  self->summary = g_string_free (g_steal_pointer (&summary), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self),
                               *self->summary != '\0' ? self->summary : _("None linked"));
}

/* Reads the catalogue and the risk's links again. */
static void
reload (AimsControlLinksRow *self)
{
  AimsDb *db = get_db (self);
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->controls, g_ptr_array_unref);
  g_clear_pointer (&self->linked, g_array_unref);
  if (db != NULL)
    {
      self->controls = aims_store_list (db, aims_entity_controls (), &error);
      if (self->controls == NULL)
        g_debug ("Could not list the controls: %s", error->message);
      g_clear_error (&error);
      if (self->risk_id > 0 && (self->linked = aims_risk_controls_get (db, self->risk_id, &error)) == NULL)
        g_debug ("Could not read the risk's controls: %s", error->message);
    }
  update_summary (self);
  gtk_widget_set_sensitive (self->button, db != NULL && !aims_db_is_read_only (db) && self->risk_id > 0);
}

static void
check_toggled_cb (GtkCheckButton      *check,
                  AimsControlLinksRow *self)
{
  const char *reference = g_object_get_data (G_OBJECT (check), "reference");
  g_autoptr(GError) error = NULL;

  if (self->updating > 0)
    return;
  if (!aims_control_links_row_set_linked (self, reference, gtk_check_button_get_active (check), &error))
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
      GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                  _("Could Not Link the Control"), error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      self->updating++;
      gtk_check_button_set_active (check, !gtk_check_button_get_active (check));
      self->updating--;
    }
}

static void
fill_list (AimsControlLinksRow *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->list)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (self->list), child);

  self->updating++;
  for (guint i = 0; self->controls != NULL && i < self->controls->len; i++)
    {
      AimsRecord *control = g_ptr_array_index (self->controls, i);
      g_autofree char *label = g_strdup_printf ("%s  %s", aims_record_get_reference (control),
                                                aims_record_get_title (control));
      g_autofree char *search = aims_record_filter_fold (label);
      GtkWidget *check = gtk_check_button_new_with_label (label);

      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), is_linked (self, aims_record_get_id (control)));
      /* An excluded control can be unlinked, never linked. */
      if (is_excluded (control))
        {
          gtk_widget_set_sensitive (check, is_linked (self, aims_record_get_id (control)));
          gtk_widget_set_tooltip_text (check, _("Excluded from the Statement of Applicability"));
        }
      g_object_set_data_full (G_OBJECT (check), "reference",
                              g_strdup (aims_record_get_reference (control)), g_free);
      g_object_set_data_full (G_OBJECT (check), "search", g_steal_pointer (&search), g_free);
      g_signal_connect (check, "toggled", G_CALLBACK (check_toggled_cb), self);
      gtk_list_box_append (GTK_LIST_BOX (self->list), check);
    }
  self->updating--;
}

static gboolean
filter_row (GtkListBoxRow *row,
            gpointer       user_data)
{
  AimsControlLinksRow *self = user_data;
  GtkWidget *check = gtk_list_box_row_get_child (row);
  const char *haystack = g_object_get_data (G_OBJECT (check), "search");
  g_autofree char *folded = aims_record_filter_fold (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  g_auto(GStrv) words = g_strsplit_set (folded, " \t", -1);

  for (guint i = 0; words[i] != NULL; i++)
    if (*words[i] != '\0' && strstr (haystack, words[i]) == NULL)
      return FALSE;
  return TRUE;
}

static void
search_changed_cb (AimsControlLinksRow *self)
{
  gtk_list_box_invalidate_filter (GTK_LIST_BOX (self->list));
}

static void
popover_show_cb (AimsControlLinksRow *self)
{
  reload (self);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  fill_list (self);
  gtk_widget_grab_focus (self->search_entry);
}

static void
aims_control_links_row_dispose (GObject *object)
{
  AimsControlLinksRow *self = AIMS_CONTROL_LINKS_ROW (object);

  if (self->popover != NULL)
    {
      gtk_menu_button_set_popover (GTK_MENU_BUTTON (self->button), NULL);
      self->popover = NULL;
    }
  g_clear_object (&self->context);
  g_clear_pointer (&self->controls, g_ptr_array_unref);
  g_clear_pointer (&self->linked, g_array_unref);

  G_OBJECT_CLASS (aims_control_links_row_parent_class)->dispose (object);
}

static void
aims_control_links_row_finalize (GObject *object)
{
  g_free (AIMS_CONTROL_LINKS_ROW (object)->summary);

  G_OBJECT_CLASS (aims_control_links_row_parent_class)->finalize (object);
}

static void
aims_control_links_row_class_init (AimsControlLinksRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = aims_control_links_row_dispose;
  object_class->finalize = aims_control_links_row_finalize;
}

static void
aims_control_links_row_init (AimsControlLinksRow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), _("Annex A controls"));
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (self), 3);

  self->button = gtk_menu_button_new ();
  gtk_menu_button_set_label (GTK_MENU_BUTTON (self->button), _("Choose"));
  gtk_widget_set_valign (self->button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (self->button, "flat");
  gtk_widget_set_tooltip_text (self->button, _("Choose the controls the treatment relies on"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Choose Annex A controls"), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), self->button);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (self), self->button);

  self->search_entry = gtk_search_entry_new ();
  g_object_set (self->search_entry, "placeholder-text", _("Search controls"), NULL);
  g_signal_connect_swapped (self->search_entry, "search-changed", G_CALLBACK (search_changed_cb), self);
  gtk_box_append (GTK_BOX (box), self->search_entry);

  self->list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (self->list), GTK_SELECTION_NONE);
  gtk_list_box_set_filter_func (GTK_LIST_BOX (self->list), filter_row, self, NULL);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 360);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), self->list);
  gtk_box_append (GTK_BOX (box), scrolled);
  gtk_widget_set_size_request (box, 420, -1);

  self->popover = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (self->popover), box);
  g_signal_connect_swapped (self->popover, "show", G_CALLBACK (popover_show_cb), self);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (self->button), self->popover);
  update_summary (self);
}

GtkWidget *
aims_control_links_row_new (AimsContext *context)
{
  AimsControlLinksRow *self;

  g_return_val_if_fail (AIMS_IS_CONTEXT (context), NULL);

  self = g_object_new (AIMS_TYPE_CONTROL_LINKS_ROW, NULL);
  self->context = g_object_ref (context);
  return GTK_WIDGET (self);
}

void
aims_control_links_row_set_risk (AimsControlLinksRow *self,
                                 gint64               risk_id)
{
  g_return_if_fail (AIMS_IS_CONTROL_LINKS_ROW (self));

  self->risk_id = risk_id;
  reload (self);
}

const char *
aims_control_links_row_get_summary (AimsControlLinksRow *self)
{
  g_return_val_if_fail (AIMS_IS_CONTROL_LINKS_ROW (self), NULL);

  return self->summary;
}

gboolean
aims_control_links_row_set_linked (AimsControlLinksRow  *self,
                                   const char           *reference,
                                   gboolean              linked,
                                   GError              **error)
{
  AimsDb *db = get_db (self);
  gint64 id = 0;

  g_return_val_if_fail (AIMS_IS_CONTROL_LINKS_ROW (self), FALSE);
  g_return_val_if_fail (reference != NULL, FALSE);

  if (db == NULL || self->risk_id <= 0)
    {
      g_set_error_literal (error, AIMS_DB_ERROR, AIMS_DB_ERROR_FAILED, _("No risk is open"));
      return FALSE;
    }
  for (guint i = 0; self->controls != NULL && i < self->controls->len; i++)
    {
      AimsRecord *control = g_ptr_array_index (self->controls, i);

      if (g_str_equal (aims_record_get_reference (control), reference))
        id = aims_record_get_id (control);
    }
  if (id == 0)
    {
      g_set_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_INVALID, _("There is no control %s"), reference);
      return FALSE;
    }

  if (!aims_risk_controls_change (db, self->risk_id, linked ? &id : NULL, linked ? 1 : 0,
                                  linked ? NULL : &id, linked ? 0 : 1,
                                  aims_context_get_author (self->context), error))
    return FALSE;

  reload (self);
  /* The SoA page shows which risks rely on each control. */
  aims_context_emit_data_changed (self->context);
  return TRUE;
}
