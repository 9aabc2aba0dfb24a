/* aims-objective-systems-row.c — the AI systems an objective concerns
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include <glib/gi18n.h>

#include "aims-objective-systems-row.h"
#include "aims-record-filter.h"

struct _AimsObjectiveSystemsRow
{
  AdwActionRow  parent_instance;

  AimsContext  *context;
  gint64        objective_id;
  GPtrArray    *systems;      /* AimsRecord of every AI system */
  GArray       *linked;       /* gint64 system ids */
  char         *summary;

  GtkWidget    *button;
  GtkWidget    *search_entry;
  GtkWidget    *checks;
  guint         updating;
};

G_DEFINE_FINAL_TYPE (AimsObjectiveSystemsRow, aims_objective_systems_row, ADW_TYPE_ACTION_ROW)

static AimsDb *
get_db (AimsObjectiveSystemsRow *self)
{
  return self->context != NULL ? aims_context_get_db (self->context) : NULL;
}

static gboolean
contains (GArray *ids,
          gint64  id)
{
  for (guint i = 0; ids != NULL && i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return TRUE;
  return FALSE;
}

static void
reload (AimsObjectiveSystemsRow *self)
{
  g_autoptr(GString) summary = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  AimsDb *db = get_db (self);

  g_clear_pointer (&self->systems, g_ptr_array_unref);
  g_clear_pointer (&self->linked, g_array_unref);
  if (db != NULL && self->objective_id > 0)
    {
      if ((self->systems = aims_store_list (db, aims_entity_systems (), &error)) == NULL ||
          (self->linked = aims_objective_systems_get (db, self->objective_id, &error)) == NULL)
        g_debug ("Could not read the objective's AI systems: %s", error->message);
    }

  for (guint i = 0; self->systems != NULL && i < self->systems->len; i++)
    {
      AimsRecord *system = g_ptr_array_index (self->systems, i);

      if (!contains (self->linked, aims_record_get_id (system)))
        continue;
      if (summary->len > 0)
        g_string_append (summary, ", ");
      g_string_append (summary, aims_record_get_title (system));
    }
  g_free (self->summary);
  self->summary = g_string_free (g_steal_pointer (&summary), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), *self->summary != '\0' ? self->summary : _("None"));
  gtk_widget_set_sensitive (self->button, db != NULL && !aims_db_is_read_only (db) && self->objective_id > 0);
}

/* ── The popover ─────────────────────────────────────────────────────── */

static void
check_toggled_cb (GtkCheckButton          *check,
                  AimsObjectiveSystemsRow *self)
{
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (check), "aims-id");
  g_autoptr(GError) error = NULL;

  if (self->updating > 0)
    return;
  if (!aims_objective_systems_row_set_linked (self, id, gtk_check_button_get_active (check), &error))
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
      GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                  _("Could Not Link the AI System"), error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      self->updating++;
      gtk_check_button_set_active (check, contains (self->linked, id));
      self->updating--;
    }
}

static gboolean
check_visible (GtkListBoxRow *row,
               gpointer       user_data)
{
  AimsObjectiveSystemsRow *self = user_data;
  const char *folded = g_object_get_data (G_OBJECT (gtk_list_box_row_get_child (row)), "aims-search");
  g_autofree char *wanted = aims_record_filter_fold (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));

  return strstr (folded, g_strstrip (wanted)) != NULL;
}

static void
popover_show_cb (AimsObjectiveSystemsRow *self)
{
  GtkWidget *child;

  reload (self);
  while ((child = gtk_widget_get_first_child (self->checks)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (self->checks), child);

  self->updating++;
  for (guint i = 0; self->systems != NULL && i < self->systems->len; i++)
    {
      AimsRecord *system = g_ptr_array_index (self->systems, i);
      gint64 id = aims_record_get_id (system);
      g_autofree char *label = g_strdup_printf ("%s  %s", aims_record_get_reference (system),
                                                aims_record_get_title (system));
      GtkWidget *check = gtk_check_button_new_with_label (label);

      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), contains (self->linked, id));
      g_object_set_data_full (G_OBJECT (check), "aims-id", g_memdup2 (&id, sizeof id), g_free);
      g_object_set_data_full (G_OBJECT (check), "aims-search", aims_record_filter_fold (label), g_free);
      g_signal_connect (check, "toggled", G_CALLBACK (check_toggled_cb), self);
      gtk_list_box_append (GTK_LIST_BOX (self->checks), check);
    }
  self->updating--;
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_widget_grab_focus (self->search_entry);
}

/* ── GObject ─────────────────────────────────────────────────────────── */

static void
aims_objective_systems_row_dispose (GObject *object)
{
  AimsObjectiveSystemsRow *self = AIMS_OBJECTIVE_SYSTEMS_ROW (object);

  if (self->button != NULL)
    gtk_menu_button_set_popover (GTK_MENU_BUTTON (self->button), NULL);
  g_clear_object (&self->context);
  g_clear_pointer (&self->systems, g_ptr_array_unref);
  g_clear_pointer (&self->linked, g_array_unref);

  G_OBJECT_CLASS (aims_objective_systems_row_parent_class)->dispose (object);
}

static void
aims_objective_systems_row_finalize (GObject *object)
{
  g_free (AIMS_OBJECTIVE_SYSTEMS_ROW (object)->summary);

  G_OBJECT_CLASS (aims_objective_systems_row_parent_class)->finalize (object);
}

static void
aims_objective_systems_row_class_init (AimsObjectiveSystemsRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = aims_objective_systems_row_dispose;
  object_class->finalize = aims_objective_systems_row_finalize;
}

static void
aims_objective_systems_row_init (AimsObjectiveSystemsRow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *popover = gtk_popover_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), _("AI systems"));
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (self), 3);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), _("The AI systems this objective concerns"));

  self->button = gtk_menu_button_new ();
  gtk_menu_button_set_label (GTK_MENU_BUTTON (self->button), _("Choose"));
  gtk_widget_set_valign (self->button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (self->button, "flat");
  gtk_widget_set_tooltip_text (self->button, _("Choose the AI systems this objective concerns"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Choose AI systems"), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), self->button);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (self), self->button);

  self->search_entry = gtk_search_entry_new ();
  g_object_set (self->search_entry, "placeholder-text", _("Search AI systems"), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search_entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Search AI systems"), -1);
  gtk_box_append (GTK_BOX (box), self->search_entry);

  self->checks = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (self->checks), GTK_SELECTION_NONE);
  gtk_list_box_set_filter_func (GTK_LIST_BOX (self->checks), check_visible, self, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->checks), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("AI systems"), -1);
  g_signal_connect_swapped (self->search_entry, "search-changed",
                            G_CALLBACK (gtk_list_box_invalidate_filter), self->checks);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 360);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), self->checks);
  gtk_box_append (GTK_BOX (box), scrolled);
  gtk_widget_set_size_request (box, 380, -1);

  gtk_popover_set_child (GTK_POPOVER (popover), box);
  g_signal_connect_swapped (popover, "show", G_CALLBACK (popover_show_cb), self);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (self->button), popover);
  reload (self);
}

GtkWidget *
aims_objective_systems_row_new (AimsContext *context)
{
  AimsObjectiveSystemsRow *self;

  g_return_val_if_fail (AIMS_IS_CONTEXT (context), NULL);

  self = g_object_new (AIMS_TYPE_OBJECTIVE_SYSTEMS_ROW, NULL);
  self->context = g_object_ref (context);
  return GTK_WIDGET (self);
}

void
aims_objective_systems_row_set_objective (AimsObjectiveSystemsRow *self,
                                          gint64                   objective_id)
{
  g_return_if_fail (AIMS_IS_OBJECTIVE_SYSTEMS_ROW (self));

  self->objective_id = objective_id;
  reload (self);
}

const char *
aims_objective_systems_row_get_summary (AimsObjectiveSystemsRow *self)
{
  g_return_val_if_fail (AIMS_IS_OBJECTIVE_SYSTEMS_ROW (self), NULL);

  return self->summary;
}

gboolean
aims_objective_systems_row_set_linked (AimsObjectiveSystemsRow  *self,
                                       gint64                    system_id,
                                       gboolean                  linked,
                                       GError                  **error)
{
  g_autoptr(GArray) ids = NULL;
  AimsDb *db;

  g_return_val_if_fail (AIMS_IS_OBJECTIVE_SYSTEMS_ROW (self), FALSE);

  db = get_db (self);
  if (db == NULL || self->objective_id <= 0)
    {
      g_set_error_literal (error, AIMS_DB_ERROR, AIMS_DB_ERROR_FAILED, _("No objective is open"));
      return FALSE;
    }

  /* Read again just before writing: the set written is what is stored
   * now with this one change. */
  if ((ids = aims_objective_systems_get (db, self->objective_id, error)) == NULL)
    return FALSE;
  if (linked && !contains (ids, system_id))
    g_array_append_val (ids, system_id);
  for (guint i = ids->len; !linked && i > 0; i--)
    if (g_array_index (ids, gint64, i - 1) == system_id)
      g_array_remove_index (ids, i - 1);

  if (!aims_objective_systems_set (db, self->objective_id, (const gint64 *) ids->data, ids->len,
                                   aims_context_get_author (self->context), error))
    return FALSE;

  reload (self);
  aims_context_emit_data_changed (self->context);
  return TRUE;
}
