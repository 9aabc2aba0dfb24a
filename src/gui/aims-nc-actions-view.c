/* aims-nc-actions-view.c — the corrective actions in a nonconformity's
 * detail
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "aims-link-chooser.h"
#include "aims-nc-actions-view.h"
#include "aims-pages.h"
#include "aims-record-editor.h"

struct _AimsNcActionsView
{
  GtkWidget    parent_instance;

  AimsContext *context;
  GtkWidget   *box;
  GtkWidget   *list;       /* GtkListBox, boxed-list */
  GtkWidget   *add_row;
  GtkWidget   *heading;
  GtkWidget   *add_label;
  gint64       nc_id;
  guint        n_actions;
  /* What the actions belong to: "nonconformity_id", or "review_id" for the
   * actions decided at a management review (aims_nc_actions_view_set_review()). */
  const char  *link_field;
  gboolean     closed;     /* a closed review takes no new actions */
};

G_DEFINE_FINAL_TYPE (AimsNcActionsView, aims_nc_actions_view, GTK_TYPE_WIDGET)

enum { CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void reload (AimsNcActionsView *self);
static void add_clicked_cb (AimsNcActionsView *self);

static void
changed_here (AimsNcActionsView *self)
{
  reload (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

/* ── One action in the generic editor ────────────────────────────────── */

static void
editor_window_close_cb (GtkWindow         *window,
                        AimsNcActionsView *self)
{
  AimsRecordEditor *editor = g_object_get_data (G_OBJECT (window), "editor");

  /* Nothing typed may be lost when the window closes. */
  aims_record_editor_flush (editor);
}

static void
open_action (AimsNcActionsView *self,
             AimsRecord        *action)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *window = adw_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *editor = aims_record_editor_new (self->context, aims_entity_actions ());

  gtk_window_set_title (GTK_WINDOW (window), aims_record_get_reference (action));
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (root));
  gtk_window_set_default_size (GTK_WINDOW (window), 480, 640);
  gtk_box_append (GTK_BOX (box), header);
  gtk_widget_set_vexpand (editor, TRUE);
  gtk_box_append (GTK_BOX (box), editor);
  adw_window_set_content (ADW_WINDOW (window), box);
  aims_record_editor_set_record (AIMS_RECORD_EDITOR (editor), action);
  g_object_set_data (G_OBJECT (window), "editor", editor);
  g_signal_connect_object (editor, "saved", G_CALLBACK (changed_here), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (window, "close-request", G_CALLBACK (editor_window_close_cb), self, 0);
  gtk_window_present (GTK_WINDOW (window));
}

static void
row_activated_cb (GtkListBox        *list,
                  GtkListBoxRow     *row,
                  AimsNcActionsView *self)
{
  AimsRecord *action = g_object_get_data (G_OBJECT (row), "action");

  if (GTK_WIDGET (row) == self->add_row)
    add_clicked_cb (self);
  else if (action != NULL)
    open_action (self, action);
}

/* ── Adding ──────────────────────────────────────────────────────────── */

AimsRecord *
aims_nc_actions_view_add (AimsNcActionsView *self,
                          const char        *description,
                          const char        *owner_id,
                          const char        *due_date,
                          GError           **error)
{
  AimsDb *db;
  g_autoptr(GHashTable) values = NULL;
  g_autofree char *nc_id = NULL;
  AimsRecord *action;

  g_return_val_if_fail (AIMS_IS_NC_ACTIONS_VIEW (self), NULL);

  db = aims_context_get_db (self->context);
  if (db == NULL || self->nc_id <= 0)
    {
      g_set_error_literal (error, AIMS_DB_ERROR, AIMS_DB_ERROR_INVALID, _("No nonconformity is chosen"));
      return NULL;
    }
  nc_id = g_strdup_printf ("%" G_GINT64_FORMAT, self->nc_id);
  values = g_hash_table_new (g_str_hash, g_str_equal);
  g_hash_table_insert (values, (gpointer) self->link_field, nc_id);
  g_hash_table_insert (values, (gpointer) "description", (gpointer) description);
  g_hash_table_insert (values, (gpointer) "owner_id", (gpointer) owner_id);
  g_hash_table_insert (values, (gpointer) "status", (gpointer) AIMS_ACTION_STATUS_OPEN);
  if (due_date != NULL && *due_date != '\0')
    g_hash_table_insert (values, (gpointer) "due_date", (gpointer) due_date);

  action = aims_store_insert (db, aims_entity_actions (), values, aims_context_get_author (self->context), error);
  if (action != NULL)
    changed_here (self);
  return action;
}

typedef struct
{
  AimsNcActionsView *view;
  GtkWidget         *dialog;
  GtkWidget         *description;
  GtkWidget         *owner;
  GtkWidget         *due;
} AddAction;

static void
add_action_free (gpointer  data,
                 GClosure *closure)
{
  AddAction *add = data;

  g_clear_object (&add->view);
  g_free (add);
}

static void
add_validate (AddAction *add)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (add->description))));

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (add->dialog), "add",
                                           *text != '\0' &&
                                           aims_link_chooser_get_record_id (AIMS_LINK_CHOOSER (add->owner)) != NULL);
}

static void
add_response_cb (AdwMessageDialog *dialog,
                 const char       *response,
                 AddAction        *add)
{
  g_autoptr(AimsRecord) action = NULL;
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "add") != 0)
    return;
  action = aims_nc_actions_view_add (add->view,
                                     gtk_editable_get_text (GTK_EDITABLE (add->description)),
                                     aims_link_chooser_get_record_id (AIMS_LINK_CHOOSER (add->owner)),
                                     gtk_editable_get_text (GTK_EDITABLE (add->due)),
                                     &error);
  if (action == NULL)
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (add->view));
      GtkWidget *message = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                   _("Could Not Add the Action"), error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (message), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (message));
    }
  else
    {
      g_autofree char *text = g_strdup_printf (_("Added %s"), aims_record_get_reference (action));

      aims_page_add_toast (GTK_WIDGET (add->view), adw_toast_new (text));
    }
}

static void
add_clicked_cb (AimsNcActionsView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *group = gtk_list_box_new ();
  AddAction *add = g_new0 (AddAction, 1);

  add->view = g_object_ref (self);
  if (g_str_equal (self->link_field, "review_id"))
    add->dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                          _("New Action"),
                                          _("What the review decided, who does it, and by when."));
  else
    add->dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                          _("New Corrective Action"),
                                          _("What will remove the root cause, who does it, and by when."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (add->dialog),
                                    "cancel", _("_Cancel"), "add", _("_Add"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (add->dialog), "add", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (add->dialog), "cancel");

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (group), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (group, "boxed-list");
  add->description = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (add->description), _("Action"));
  g_signal_connect_swapped (add->description, "changed", G_CALLBACK (add_validate), add);
  gtk_list_box_append (GTK_LIST_BOX (group), add->description);
  add->owner = aims_link_chooser_new (self->context, aims_entity_people (), NULL);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (add->owner), _("Owner"));
  g_signal_connect_swapped (add->owner, "notify::record-id", G_CALLBACK (add_validate), add);
  gtk_list_box_append (GTK_LIST_BOX (group), add->owner);
  add->due = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (add->due), _("Due (YYYY-MM-DD)"));
  gtk_list_box_append (GTK_LIST_BOX (group), add->due);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (add->dialog), group);

  add_validate (add);
  g_signal_connect_data (add->dialog, "response", G_CALLBACK (add_response_cb), add, add_action_free, 0);
  gtk_window_present (GTK_WINDOW (add->dialog));
}

/* ── The list ────────────────────────────────────────────────────────── */

static GtkWidget *
action_row_new (AimsRecord  *action,
                const GDate *today)
{
  GtkWidget *row = adw_action_row_new ();
  const char *due = aims_record_get (action, "due_date");
  const char *owner = aims_record_get_display (action, "owner_id");
  const char *status = aims_record_get (action, "status") != NULL
                       ? aims_record_get_display (action, "status") : _("Open");
  g_autofree char *title = g_strdup_printf ("%s · %s", aims_record_get_reference (action),
                                            aims_record_get (action, "description"));
  g_autofree char *subtitle = NULL;

  /* Translators: under a corrective action, "Priya Raman · due 2025-03-01 · In progress" */
  subtitle = g_strdup_printf (_("%s · due %s · %s"), owner != NULL ? owner : _("no owner"),
                              due != NULL ? due : _("not set"), status);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  if (aims_action_is_overdue (action, today))
    {
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

      gtk_widget_add_css_class (icon, "overdue");
      gtk_widget_set_tooltip_text (icon, _("Overdue"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Overdue"), -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      gtk_widget_add_css_class (row, "aims-nc-overdue");
    }
  g_object_set_data_full (G_OBJECT (row), "action", g_object_ref (action), g_object_unref);
  return row;
}

static void
reload (AimsNcActionsView *self)
{
  AimsDb *db = aims_context_get_db (self->context);
  g_autoptr(GPtrArray) actions = NULL;
  g_autoptr(GDate) today = aims_date_today ();
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->list)) != NULL && child != self->add_row)
    gtk_list_box_remove (GTK_LIST_BOX (self->list), child);
  self->n_actions = 0;
  if (db != NULL && self->nc_id > 0)
    actions = aims_store_list_linked (db, aims_entity_actions (), self->link_field, self->nc_id, NULL);
  for (guint i = 0; actions != NULL && i < actions->len; i++)
    {
      gtk_list_box_insert (GTK_LIST_BOX (self->list), action_row_new (actions->pdata[i], today), (int) i);
      self->n_actions++;
    }
  gtk_widget_set_sensitive (self->add_row, db != NULL && !aims_db_is_read_only (db) && self->nc_id > 0);
  gtk_widget_set_visible (self->add_row, !self->closed);
}

void
aims_nc_actions_view_set_nc (AimsNcActionsView *self,
                             AimsRecord        *nc)
{
  g_return_if_fail (AIMS_IS_NC_ACTIONS_VIEW (self));

  self->nc_id = nc != NULL ? aims_record_get_id (nc) : 0;
  self->link_field = "nonconformity_id";
  self->closed = FALSE;
  reload (self);
}

void
aims_nc_actions_view_set_review (AimsNcActionsView *self,
                                 AimsRecord        *review)
{
  g_return_if_fail (AIMS_IS_NC_ACTIONS_VIEW (self));

  self->nc_id = review != NULL ? aims_record_get_id (review) : 0;
  self->link_field = "review_id";
  self->closed = review != NULL && aims_review_is_closed (review);
  gtk_label_set_text (GTK_LABEL (self->heading), _("Actions Decided"));
  gtk_label_set_text (GTK_LABEL (self->add_label), _("Add Action…"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Actions Decided"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->add_row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Add Action"), -1);
  reload (self);
}

guint
aims_nc_actions_view_get_n_actions (AimsNcActionsView *self)
{
  g_return_val_if_fail (AIMS_IS_NC_ACTIONS_VIEW (self), 0);

  return self->n_actions;
}

static void
aims_nc_actions_view_dispose (GObject *object)
{
  AimsNcActionsView *self = AIMS_NC_ACTIONS_VIEW (object);

  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_object (&self->context);
  G_OBJECT_CLASS (aims_nc_actions_view_parent_class)->dispose (object);
}

static void
aims_nc_actions_view_class_init (AimsNcActionsViewClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = aims_nc_actions_view_dispose;
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), GTK_TYPE_BIN_LAYOUT);
}

static void
aims_nc_actions_view_init (AimsNcActionsView *self)
{
  GtkWidget *heading = self->heading = gtk_label_new (_("Corrective Actions"));
  GtkWidget *add_label = self->add_label = gtk_label_new (_("Add Corrective Action…"));

  self->link_field = "nonconformity_id";

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_margin_top (self->box, 18);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "heading");
  gtk_box_append (GTK_BOX (self->box), heading);

  self->list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (self->list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (self->list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Corrective Actions"), -1);
  g_signal_connect (self->list, "row-activated", G_CALLBACK (row_activated_cb), self);
  gtk_box_append (GTK_BOX (self->box), self->list);

  self->add_row = gtk_list_box_row_new ();
  gtk_widget_add_css_class (add_label, "accent");
  gtk_widget_set_margin_top (add_label, 12);
  gtk_widget_set_margin_bottom (add_label, 12);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (self->add_row), add_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->add_row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Add Corrective Action"), -1);
  gtk_list_box_append (GTK_LIST_BOX (self->list), self->add_row);
}

GtkWidget *
aims_nc_actions_view_new (AimsContext *context)
{
  AimsNcActionsView *self;

  g_return_val_if_fail (AIMS_IS_CONTEXT (context), NULL);

  self = g_object_new (AIMS_TYPE_NC_ACTIONS_VIEW, NULL);
  self->context = g_object_ref (context);
  return GTK_WIDGET (self);
}
