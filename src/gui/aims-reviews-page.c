/* aims-reviews-page.c — the management review records
 *
 * The record list and editor are the shared ones (AimsRecordList,
 * AimsRecordEditor: saved as typed, conflicts shown); this page adds to the
 * editor's groups what a review has beyond its fields: the attendees, the
 * actions decided, the inputs, and closing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "aims-nc-actions-view.h"
#include "aims-review-attendees-row.h"
#include "aims-review-frozen.h"
#include "aims-review-inputs-view.h"
#include "aims-reviews-page.h"

struct _AimsReviewsPage
{
  AimsRecordPage   parent_instance;

  /* Template widgets */
  AdwHeaderBar    *header_bar;
  AdwWindowTitle  *window_title;
  GtkWidget       *back_button;
  GtkWidget       *close_button;
  AimsRecordList  *record_list;

  GtkWidget       *attendees;   /* AimsReviewAttendeesRow */
  GtkWidget       *actions;     /* AimsNcActionsView, showing a review's */
  GtkWidget       *inputs;      /* AimsReviewInputsView */

  /* A closed review's fields as text, and the note that it is frozen. */
  AimsReviewFrozen *frozen;
  /* Closing runs in a worker thread: the spinner in the header meanwhile. */
  GtkWidget       *closing_box;
  GtkWidget       *closing_spinner;
  GtkWidget       *closing_label;
  GCancellable    *cancellable;
  gint64           closing_id;   /* 0 when no close is under way */
};

G_DEFINE_FINAL_TYPE (AimsReviewsPage, aims_reviews_page, AIMS_TYPE_RECORD_PAGE)

/* The fields a closed review keeps as they were. */
static const char *const editable_fields[] = { "title", "held_on", "attendees", "notes", "decisions", NULL };

static char *
format_count (AimsRecordPage *page,
              guint           shown,
              guint           total)
{
  if (shown == total)
    return g_strdup_printf (ngettext ("%u review", "%u reviews", total), total);
  /* Translators: "1 of 3 reviews", when a search hides some */
  return g_strdup_printf (ngettext ("%u of %u review", "%u of %u reviews", total), shown, total);
}

static AimsRecord *
current_review (AimsReviewsPage *self)
{
  return aims_record_editor_get_record (aims_record_list_get_editor (self->record_list));
}

static void
update_actions (AimsReviewsPage *self)
{
  AimsDb *db = aims_context_get_db (aims_record_page_get_context (AIMS_RECORD_PAGE (self)));
  AimsRecord *review = current_review (self);
  gboolean writable = db != NULL && !aims_db_is_read_only (db);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.add", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.close-review",
                                 writable && review != NULL && !aims_review_is_closed (review) &&
                                 self->closing_id == 0);
  gtk_widget_set_visible (self->close_button,
                          (review == NULL || !aims_review_is_closed (review)) && self->closing_id == 0);
  gtk_widget_set_visible (self->closing_box, self->closing_id != 0);
  gtk_spinner_set_spinning (GTK_SPINNER (self->closing_spinner), self->closing_id != 0);
}

/* The editor shows another record, or the same one saved. */
static void
review_shown_cb (AimsReviewsPage *self)
{
  AimsRecordEditor *editor = aims_record_list_get_editor (self->record_list);
  AimsRecord *review = current_review (self);
  gboolean closed = review != NULL && aims_review_is_closed (review);
  /* The review being closed takes no edits: they would wait on the close's
   * write lock, then be refused. */
  gboolean closing = review != NULL && aims_record_get_id (review) == self->closing_id;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus;

  for (guint i = 0; editable_fields[i] != NULL; i++)
    {
      GtkWidget *row = aims_record_editor_get_field_row (editor, editable_fields[i]);

      if (row == NULL)
        continue;
      /* A focused entry made insensitive never gets its focus-out. */
      if ((closed || closing) && root != NULL && (focus = gtk_root_get_focus (root)) != NULL &&
          (focus == row || gtk_widget_is_ancestor (focus, row)))
        gtk_root_set_focus (root, NULL);
      gtk_widget_set_sensitive (row, !closed && !closing);
    }
  aims_review_frozen_show (self->frozen, review);
  aims_review_attendees_row_set_review (AIMS_REVIEW_ATTENDEES_ROW (self->attendees), review);
  gtk_widget_set_sensitive (self->attendees, review != NULL);
  aims_nc_actions_view_set_review (AIMS_NC_ACTIONS_VIEW (self->actions), review);
  aims_review_inputs_view_set_review (AIMS_REVIEW_INPUTS_VIEW (self->inputs), review);
  update_actions (self);
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  AimsReviewsPage *self = AIMS_REVIEWS_PAGE (widget);
  g_autoptr(GHashTable) values = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autoptr(GDate) today = aims_date_today ();
  g_autoptr(AimsRecord) record = NULL;
  g_autoptr(GError) error = NULL;

  g_hash_table_insert (values, (gpointer) "title", g_strdup (_("Management review")));
  g_hash_table_insert (values, (gpointer) "held_on", aims_date_format_iso (today));

  aims_record_list_clear_search (self->record_list);
  record = aims_record_list_insert (self->record_list, values, &error);
  if (record == NULL)
    aims_record_list_show_error (self->record_list, _("Could Not Add a Review"), error->message);
  else
    aims_record_page_toast (AIMS_RECORD_PAGE (self), _("Added %s"), aims_record_get_reference (record));
}

static void
close_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(AimsReviewsPage) self = user_data;
  AimsRecordEditor *editor = aims_record_list_get_editor (self->record_list);
  g_autoptr(AimsRecord) closed = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = self->closing_id;

  closed = aims_review_close_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->closing_id = 0;
  /* Written on another connection: the list reads the review again either way. */
  aims_record_list_changed_here (self->record_list);
  aims_record_list_reload (self->record_list);
  if (closed == NULL)
    {
      aims_record_list_select_id (self->record_list, id);
      review_shown_cb (self);
      aims_record_list_show_error (self->record_list, _("Could Not Close the Review"), error->message);
      return;
    }
  aims_record_list_select_id (self->record_list, aims_record_get_id (closed));
  aims_record_editor_refresh (editor, closed);
  review_shown_cb (self);
  aims_record_page_toast (AIMS_RECORD_PAGE (self), _("Closed %s: its inputs are frozen"),
                          aims_record_get_reference (closed));
}

static void
close_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   AimsReviewsPage  *self)
{
  AimsContext *context = aims_record_page_get_context (AIMS_RECORD_PAGE (self));
  AimsRecordEditor *editor = aims_record_list_get_editor (self->record_list);
  AimsDb *db = aims_context_get_db (context);
  AimsRecord *review;
  g_autofree char *label = NULL;

  if (g_strcmp0 (response, "close") != 0 || db == NULL || current_review (self) == NULL ||
      self->closing_id != 0)
    return;
  /* What was typed last belongs to the record that is frozen. */
  aims_record_editor_flush (editor);
  review = current_review (self);
  self->closing_id = aims_record_get_id (review);
  /* Translators: in the header while a review is closed, "Closing MR-002…" */
  label = g_strdup_printf (_("Closing %s…"), aims_record_get_reference (review));
  gtk_label_set_label (GTK_LABEL (self->closing_label), label);
  /* The row_version the user saw: a change made meanwhile refuses the close. */
  aims_review_close_async (aims_db_get_path (db),
                           aims_db_get_mode (db) == AIMS_DB_MODE_SHARED ? AIMS_DB_OPEN_SHARED
                                                                        : AIMS_DB_OPEN_DEFAULT,
                           self->closing_id, aims_record_get_row_version (review),
                           aims_context_get_author (context), self->cancellable,
                           close_done_cb, g_object_ref (self));
  review_shown_cb (self);
}

static void
close_review_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  AimsReviewsPage *self = AIMS_REVIEWS_PAGE (widget);
  AimsRecord *review = current_review (self);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (review == NULL)
    return;
  /* Translators: "Close MR-002?" */
  heading = g_strdup_printf (_("Close %s?"), aims_record_get_reference (review));
  body = g_strdup_printf (_("The headline figures of every area are compiled as of %s and frozen with "
                            "the record. Nothing of the review can be changed afterwards; the actions "
                            "decided go on being tracked."),
                          aims_record_get (review, "held_on"));
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"), "close", _("C_lose Review"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "close", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (close_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static char *
status_text (AimsRecord *review,
             gpointer    data)
{
  return g_strdup (aims_review_is_closed (review) ? _("Closed") : _("Draft"));
}

static void
aims_reviews_page_constructed (GObject *object)
{
  AimsReviewsPage *self = AIMS_REVIEWS_PAGE (object);
  AimsRecordList *list = self->record_list;
  AimsContext *context = aims_record_page_get_context (AIMS_RECORD_PAGE (self));
  AimsRecordEditor *editor;
  static const AimsRecordColumnFuncs status_funcs = { .text = status_text };
  GtkWidget *inputs_row;

  G_OBJECT_CLASS (aims_reviews_page_parent_class)->constructed (object);

  aims_record_list_setup (list, context, aims_entity_reviews ());
  aims_record_list_add_column (list, NULL, _("Reference"), 90, AIMS_RECORD_COLUMN_DEFAULT);
  aims_record_list_add_column (list, "title", _("Title"), 220, AIMS_RECORD_COLUMN_EXPAND);
  aims_record_list_add_column (list, "held_on", _("Held on"), 110, AIMS_RECORD_COLUMN_DEFAULT);
  aims_record_list_add_custom_column (list, "status", _("Status"), 80, AIMS_RECORD_COLUMN_DEFAULT,
                                      &status_funcs, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (aims_record_list_get_column_view (list)),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Management reviews"),
                                  -1);
  aims_record_list_set_empty_texts (list, "x-office-presentation-symbolic",
                                    _("No Management Reviews"),
                                    _("Record a review meeting of top management: its inputs, decisions and actions."),
                                    _("No review matches the search."));

  editor = aims_record_list_get_editor (list);
  aims_record_editor_set_placeholder (editor, _("No Review Selected"),
                                      _("Choose a review in the list to see and edit it."));
  /* The raw frozen form is shown by the inputs view instead. */
  if ((inputs_row = aims_record_editor_get_field_row (editor, "inputs")) != NULL)
    gtk_widget_set_visible (inputs_row, FALSE);
  self->attendees = aims_review_attendees_row_new (context);
  aims_record_editor_add_row (editor, "meeting", self->attendees);
  self->actions = aims_nc_actions_view_new (context);
  aims_record_editor_add_row (editor, "minutes", self->actions);
  self->inputs = aims_review_inputs_view_new (context);
  aims_record_editor_add_row (editor, "record", self->inputs);
  self->frozen = aims_review_frozen_new (editor, editable_fields);

  self->closing_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  self->closing_spinner = gtk_spinner_new ();
  self->closing_label = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->closing_label, "dim-label");
  gtk_box_append (GTK_BOX (self->closing_box), self->closing_spinner);
  gtk_box_append (GTK_BOX (self->closing_box), self->closing_label);
  gtk_widget_set_visible (self->closing_box, FALSE);
  adw_header_bar_pack_end (self->header_bar, self->closing_box);

  g_signal_connect_object (editor, "notify::record", G_CALLBACK (review_shown_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (editor, "saved", G_CALLBACK (review_shown_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (context, "notify::db", G_CALLBACK (update_actions), self, G_CONNECT_SWAPPED);
  aims_record_page_setup (AIMS_RECORD_PAGE (self), list, self->window_title, self->back_button);
  review_shown_cb (self);
}

static void
aims_reviews_page_dispose (GObject *object)
{
  AimsReviewsPage *self = AIMS_REVIEWS_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->frozen, aims_review_frozen_free);
  gtk_widget_dispose_template (GTK_WIDGET (object), AIMS_TYPE_REVIEWS_PAGE);

  G_OBJECT_CLASS (aims_reviews_page_parent_class)->dispose (object);
}

static void
aims_reviews_page_class_init (AimsReviewsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = aims_reviews_page_constructed;
  object_class->dispose = aims_reviews_page_dispose;
  AIMS_RECORD_PAGE_CLASS (klass)->format_count = format_count;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/aimsdesk/AimsDesk/aims-reviews-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AimsReviewsPage, header_bar);
  gtk_widget_class_bind_template_child (widget_class, AimsReviewsPage, window_title);
  gtk_widget_class_bind_template_child (widget_class, AimsReviewsPage, back_button);
  gtk_widget_class_bind_template_child (widget_class, AimsReviewsPage, close_button);
  gtk_widget_class_bind_template_child (widget_class, AimsReviewsPage, record_list);

  gtk_widget_class_install_action (widget_class, "page.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "page.close-review", NULL, close_review_action);
}

static void
aims_reviews_page_init (AimsReviewsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
}

GtkWidget *
aims_reviews_page_new (AimsContext *context)
{
  g_return_val_if_fail (AIMS_IS_CONTEXT (context), NULL);

  return g_object_new (AIMS_TYPE_REVIEWS_PAGE,
                       "context", context,
                       NULL);
}

GtkWidget *
aims_reviews_page_get_attendees_row (AimsReviewsPage *self)
{
  g_return_val_if_fail (AIMS_IS_REVIEWS_PAGE (self), NULL);

  return self->attendees;
}

GtkWidget *
aims_reviews_page_get_actions_view (AimsReviewsPage *self)
{
  g_return_val_if_fail (AIMS_IS_REVIEWS_PAGE (self), NULL);

  return self->actions;
}

GtkWidget *
aims_reviews_page_get_inputs_view (AimsReviewsPage *self)
{
  g_return_val_if_fail (AIMS_IS_REVIEWS_PAGE (self), NULL);

  return self->inputs;
}

gboolean
aims_reviews_page_is_closing (AimsReviewsPage *self)
{
  g_return_val_if_fail (AIMS_IS_REVIEWS_PAGE (self), FALSE);

  return self->closing_id != 0;
}

const char *
aims_reviews_page_get_frozen_note (AimsReviewsPage *self)
{
  g_return_val_if_fail (AIMS_IS_REVIEWS_PAGE (self), NULL);

  return aims_review_frozen_get_note (self->frozen);
}
