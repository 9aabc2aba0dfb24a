/* aims-nonconformities-page.c — nonconformities and corrective actions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "aims-nc-new-dialog.h"
#include "aims-nc-whys-row.h"
#include "aims-nonconformities-page.h"
#include "aims-pages.h"

struct _AimsNonconformitiesPage
{
  AimsRecordPage      parent_instance;

  /* Template widgets */
  AdwHeaderBar       *header_bar;
  AdwWindowTitle     *window_title;
  GtkWidget          *back_button;
  GtkToggleButton    *list_toggle;
  GtkToggleButton    *board_toggle;
  GtkWidget          *filter_box;
  GtkDropDown        *status_dropdown;
  GtkDropDown        *severity_dropdown;
  GtkDropDown        *source_dropdown;
  GtkDropDown        *system_dropdown;
  GtkToggleButton    *overdue_toggle;
  GtkToggleButton    *mine_toggle;
  GtkStack           *view_stack;
  AimsRecordList     *record_list;
  AimsNcBoard        *board;

  GtkWidget          *whys_row;
  AimsRecord         *whys_nc;        /* the nonconformity the whys show */
  GtkWidget          *actions_view;
  GtkWidget          *workflow_view;

  GArray             *system_ids;     /* gint64 per system_dropdown item */
  GHashTable         *actions_by_nc;  /* aims_nc_load_actions_by_nc() */
  gint64              my_person_id;   /* "mine": the author's person, or 0 */
  guint               board_idle_id;
  gboolean            updating_filters;
};

G_DEFINE_FINAL_TYPE (AimsNonconformitiesPage, aims_nonconformities_page, AIMS_TYPE_RECORD_PAGE)

static const AimsField *
nc_field (const char *name)
{
  return aims_entity_find_field (aims_entity_nonconformities (), name);
}

static AimsContext *
get_context (AimsNonconformitiesPage *self)
{
  return aims_record_page_get_context (AIMS_RECORD_PAGE (self));
}

static GPtrArray *
actions_of (AimsNonconformitiesPage *self,
            AimsRecord              *nc)
{
  return self->actions_by_nc != NULL ? aims_nc_actions_lookup (self->actions_by_nc, aims_record_get_id (nc)) : NULL;
}

/* ── Columns ─────────────────────────────────────────────────────────── */

static char *
state_text (AimsRecord *nc,
            gpointer    data)
{
  return g_strdup (aims_nc_state_label (aims_nc_get_state (nc)));
}

static int
compare_state (AimsRecord *a,
               AimsRecord *b,
               gpointer    data)
{
  return (int) aims_nc_get_state (a) - (int) aims_nc_get_state (b);
}

static char *
actions_text (AimsRecord *nc,
              gpointer    data)
{
  g_autoptr(GDate) today = aims_date_today ();
  GPtrArray *actions = actions_of (data, nc);
  guint n_open = 0, n_overdue = 0;

  if (actions == NULL)
    return g_strdup (_("None"));
  aims_actions_count (actions, today, &n_open, &n_overdue);
  /* Translators: a nonconformity's corrective actions in the table, "2 open of 3" */
  return g_strdup_printf (ngettext ("%u open of %u", "%u open of %u", actions->len), n_open, actions->len);
}

static char *
actions_warning (AimsRecord *nc,
                 gpointer    data)
{
  g_autoptr(GDate) today = aims_date_today ();
  GPtrArray *actions = actions_of (data, nc);
  guint n_open = 0, n_overdue = 0;

  aims_actions_count (actions, today, &n_open, &n_overdue);
  if (n_overdue == 0)
    return NULL;
  return g_strdup_printf (ngettext ("%u corrective action is overdue", "%u corrective actions are overdue",
                                    n_overdue), n_overdue);
}

static int
compare_actions (AimsRecord *a,
                 AimsRecord *b,
                 gpointer    data)
{
  g_autoptr(GDate) today = aims_date_today ();
  guint oa = 0, va = 0, ob = 0, vb = 0;

  aims_actions_count (actions_of (data, a), today, &oa, &va);
  aims_actions_count (actions_of (data, b), today, &ob, &vb);
  if (va != vb)
    return (va > vb) - (va < vb);
  return (oa > ob) - (oa < ob);
}

static void
add_columns (AimsNonconformitiesPage *self)
{
  static const AimsRecordColumnFuncs state = { .text = state_text, .compare = compare_state };
  static const AimsRecordColumnFuncs actions = {
    .text = actions_text, .warning = actions_warning, .compare = compare_actions,
  };
  AimsRecordList *list = self->record_list;

  aims_record_list_add_column (list, NULL, _("Reference"), 80, AIMS_RECORD_COLUMN_DEFAULT);
  aims_record_list_add_column (list, "title", _("Title"), 200, AIMS_RECORD_COLUMN_EXPAND);
  aims_record_list_add_custom_column (list, "state", _("State"), 150, AIMS_RECORD_COLUMN_DEFAULT, &state, self);
  aims_record_list_add_column (list, "severity", _("Severity"), 100, AIMS_RECORD_COLUMN_DEFAULT);
  aims_record_list_add_custom_column (list, NULL, _("Actions"), 140, AIMS_RECORD_COLUMN_DEFAULT, &actions, self);
  aims_record_list_add_column (list, "found_date", _("Found on"), 100, AIMS_RECORD_COLUMN_DEFAULT);
  aims_record_list_add_column (list, "source", _("Found through"), 120, AIMS_RECORD_COLUMN_DEFAULT);
  aims_record_list_add_column (list, "ai_system_id", _("AI system"), 150, AIMS_RECORD_COLUMN_DEFAULT);
}

/* ── Filters ─────────────────────────────────────────────────────────── */

static gboolean
is_mine (AimsNonconformitiesPage *self,
         AimsRecord              *nc)
{
  g_autofree char *me = NULL;
  GPtrArray *actions;

  if (self->my_person_id <= 0)
    return FALSE;
  me = g_strdup_printf ("%" G_GINT64_FORMAT, self->my_person_id);
  if (g_strcmp0 (aims_record_get (nc, "found_by_id"), me) == 0 ||
      g_strcmp0 (aims_record_get (nc, "effectiveness_by_id"), me) == 0)
    return TRUE;
  actions = actions_of (self, nc);
  for (guint i = 0; actions != NULL && i < actions->len; i++)
    if (g_strcmp0 (aims_record_get (actions->pdata[i], "owner_id"), me) == 0)
      return TRUE;
  return FALSE;
}

static gint64
system_filter (AimsNonconformitiesPage *self)
{
  return aims_system_filter_get (self->system_dropdown, self->system_ids);
}

/* The state filter: "All states", "Open", then one item per state. */
#define STATUS_OPEN_POSITION  1
#define STATUS_FIRST_STATE    2

static GListModel *
status_filter_model (void)
{
  GtkStringList *labels = gtk_string_list_new (NULL);

  gtk_string_list_append (labels, _("All states"));
  gtk_string_list_append (labels, _("Open (not closed or rejected)"));
  for (AimsNcState state = 0; state < AIMS_NC_N_STATES; state++)
    gtk_string_list_append (labels, aims_nc_state_label (state));
  return G_LIST_MODEL (labels);
}

static gboolean
status_matches (AimsNonconformitiesPage *self,
                AimsRecord              *nc)
{
  guint selected = gtk_drop_down_get_selected (self->status_dropdown);
  AimsNcState state = aims_nc_get_state (nc);

  if (selected == GTK_INVALID_LIST_POSITION || selected < STATUS_OPEN_POSITION)
    return TRUE;
  if (selected == STATUS_OPEN_POSITION)
    return aims_nc_state_is_open (state);
  return state == selected - STATUS_FIRST_STATE;
}

static gboolean
match_cb (AimsRecord *nc,
          gpointer    data)
{
  AimsNonconformitiesPage *self = data;
  const char *severity = aims_choice_filter_key (self->severity_dropdown, nc_field ("severity"));
  const char *source = aims_choice_filter_key (self->source_dropdown, nc_field ("source"));
  gint64 system = system_filter (self);

  if (!status_matches (self, nc))
    return FALSE;
  if (severity != NULL && g_strcmp0 (severity, aims_record_get (nc, "severity")) != 0)
    return FALSE;
  if (source != NULL && g_strcmp0 (source, aims_record_get (nc, "source")) != 0)
    return FALSE;
  if (system > 0 && g_ascii_strtoll (aims_record_get (nc, "ai_system_id") ? aims_record_get (nc, "ai_system_id") : "0",
                                     NULL, 10) != system)
    return FALSE;
  if (gtk_toggle_button_get_active (self->overdue_toggle))
    {
      g_autoptr(GDate) today = aims_date_today ();
      guint n_open = 0, n_overdue = 0;

      aims_actions_count (actions_of (self, nc), today, &n_open, &n_overdue);
      if (n_overdue == 0)
        return FALSE;
    }
  if (gtk_toggle_button_get_active (self->mine_toggle) && !is_mine (self, nc))
    return FALSE;
  return TRUE;
}

static gboolean
rebuild_board_cb (gpointer data)
{
  AimsNonconformitiesPage *self = data;
  GListModel *shown = G_LIST_MODEL (gtk_column_view_get_model (aims_record_list_get_column_view (self->record_list)));

  self->board_idle_id = 0;
  aims_nc_board_set_records (self->board, shown, self->actions_by_nc);
  return G_SOURCE_REMOVE;
}

/* Once per burst: a reload replaces every record at once. */
static void
queue_board (AimsNonconformitiesPage *self)
{
  if (self->board_idle_id == 0)
    self->board_idle_id = g_idle_add (rebuild_board_cb, self);
}

static void
filter_changed_cb (AimsNonconformitiesPage *self)
{
  if (self->updating_filters)
    return;
  aims_record_list_refilter (self->record_list);
  queue_board (self);
}

static void
fill_system_dropdown (AimsNonconformitiesPage *self)
{
  aims_system_filter_fill (self->system_dropdown, self->system_ids, aims_context_get_db (get_context (self)),
                           system_filter (self));
}

/* "mine" is the person whose name is the author name. */
static void
find_me (AimsNonconformitiesPage *self,
         AimsDb                  *db)
{
  const char *author = aims_context_get_author (get_context (self));
  g_autoptr(GPtrArray) people = aims_store_list (db, aims_entity_people (), NULL);

  self->my_person_id = 0;
  for (guint i = 0; people != NULL && i < people->len; i++)
    if (g_strcmp0 (aims_record_get_title (people->pdata[i]), author) == 0)
      self->my_person_id = aims_record_get_id (people->pdata[i]);
}

static void
reload_side_data (AimsNonconformitiesPage *self)
{
  AimsDb *db = aims_context_get_db (get_context (self));

  g_clear_pointer (&self->actions_by_nc, g_hash_table_unref);
  if (db != NULL)
    {
      self->actions_by_nc = aims_nc_load_actions_by_nc (db, NULL);
      find_me (self, db);
    }
  self->updating_filters = TRUE;
  fill_system_dropdown (self);
  self->updating_filters = FALSE;
  aims_record_list_refilter (self->record_list);
  aims_record_list_redraw (self->record_list);
  queue_board (self);
}

static void
filter_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AimsNonconformitiesPage *self = AIMS_NONCONFORMITIES_PAGE (widget);
  g_auto(GStrv) terms = g_strsplit (g_variant_get_string (parameter, NULL), ";", -1);

  self->updating_filters = TRUE;
  aims_record_list_clear_search (self->record_list);
  gtk_drop_down_set_selected (self->status_dropdown, 0);
  gtk_drop_down_set_selected (self->severity_dropdown, 0);
  gtk_drop_down_set_selected (self->source_dropdown, 0);
  gtk_drop_down_set_selected (self->system_dropdown, 0);
  gtk_toggle_button_set_active (self->overdue_toggle, FALSE);
  gtk_toggle_button_set_active (self->mine_toggle, FALSE);
  for (guint t = 0; terms[t] != NULL; t++)
    {
      g_auto(GStrv) pair = g_strsplit (terms[t], "=", 2);
      const char *key = pair[0], *value = pair[1];

      if (value == NULL)
        continue;
      if (g_str_equal (key, "status") || g_str_equal (key, "state"))
        {
          AimsNcState state;

          if (aims_nc_state_from_text (value, &state))
            gtk_drop_down_set_selected (self->status_dropdown, STATUS_FIRST_STATE + state);
        }
      else if (g_str_equal (key, "open"))
        {
          if (g_str_equal (value, "1"))
            gtk_drop_down_set_selected (self->status_dropdown, STATUS_OPEN_POSITION);
        }
      else if (g_str_equal (key, "severity"))
        aims_choice_filter_select (self->severity_dropdown, nc_field ("severity"), value);
      else if (g_str_equal (key, "source"))
        aims_choice_filter_select (self->source_dropdown, nc_field ("source"), value);
      else if (g_str_equal (key, "system"))
        {
          gint64 id = g_ascii_strtoll (value, NULL, 10);

          for (guint i = 0; i < self->system_ids->len; i++)
            if (g_array_index (self->system_ids, gint64, i) == id)
              gtk_drop_down_set_selected (self->system_dropdown, i);
        }
      else if (g_str_equal (key, "overdue"))
        gtk_toggle_button_set_active (self->overdue_toggle, g_str_equal (value, "1"));
      else if (g_str_equal (key, "mine"))
        gtk_toggle_button_set_active (self->mine_toggle, g_str_equal (value, "1"));
    }
  self->updating_filters = FALSE;
  filter_changed_cb (self);
}

/* ── Adding ──────────────────────────────────────────────────────────── */

static void
show_all (AimsNonconformitiesPage *self)
{
  g_autoptr(GVariant) all = g_variant_ref_sink (g_variant_new_string (""));

  filter_action (GTK_WIDGET (self), "page.filter", all);
}

static AimsRecord *
insert_nc (GHashTable  *values,
           gpointer     data,
           GError     **error)
{
  AimsNonconformitiesPage *self = data;
  AimsRecord *record;

  /* So that the new one is in view, in the list where it is edited. */
  show_all (self);
  aims_nonconformities_page_set_view (self, "list");
  record = aims_record_list_insert (self->record_list, values, error);
  if (record != NULL)
    aims_record_page_toast (AIMS_RECORD_PAGE (self), _("Added %s"), aims_record_get_reference (record));
  return record;
}

AimsNcNewDialog *
aims_nonconformities_page_new_nc (AimsNonconformitiesPage *self)
{
  GtkRoot *root;
  g_autofree char *me = NULL;
  AimsNcNewDialog *dialog;

  g_return_val_if_fail (AIMS_IS_NONCONFORMITIES_PAGE (self), NULL);

  root = gtk_widget_get_root (GTK_WIDGET (self));
  if (self->my_person_id > 0)
    me = g_strdup_printf ("%" G_GINT64_FORMAT, self->my_person_id);
  dialog = aims_nc_new_dialog_new (get_context (self), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   me, insert_nc, self);
  /* The page outlives its dialog only while it is shown. */
  g_signal_connect_object (self, "destroy", G_CALLBACK (gtk_window_destroy), dialog, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (aims_nc_new_dialog_get_row (dialog, "title"));
  return dialog;
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  aims_nonconformities_page_new_nc (AIMS_NONCONFORMITIES_PAGE (widget));
}

static void
update_actions (AimsNonconformitiesPage *self)
{
  AimsDb *db = aims_context_get_db (get_context (self));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.add", db != NULL && !aims_db_is_read_only (db));
}

/* ── Moves ───────────────────────────────────────────────────────────── */

void
aims_nonconformities_page_flush (AimsNonconformitiesPage *self)
{
  g_return_if_fail (AIMS_IS_NONCONFORMITIES_PAGE (self));

  aims_nc_whys_row_flush (self->whys_row);
  aims_record_list_flush (self->record_list);
}

static void
flush_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  aims_nonconformities_page_flush (AIMS_NONCONFORMITIES_PAGE (widget));
}

static AimsRecord *
listed_record (AimsNonconformitiesPage *self,
               gint64                   id)
{
  GListModel *records = aims_record_list_get_records (self->record_list);

  for (guint i = 0; i < g_list_model_get_n_items (records); i++)
    {
      g_autoptr(AimsRecord) nc = g_list_model_get_item (records, i);

      if (aims_record_get_id (nc) == id)
        return g_steal_pointer (&nc);
    }
  return NULL;
}

static void
show_message (AimsNonconformitiesPage *self,
              const char              *heading,
              const char              *body)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

gboolean
aims_nonconformities_page_move (AimsNonconformitiesPage *self,
                                gint64                   id,
                                AimsNcState              target,
                                const char              *reason)
{
  AimsDb *db;
  g_autoptr(AimsRecord) listed = NULL;
  g_autoptr(AimsRecord) stored = NULL;
  g_autoptr(GHashTable) changes = NULL;
  g_autoptr(GError) error = NULL;
  const char *reason_field;

  g_return_val_if_fail (AIMS_IS_NONCONFORMITIES_PAGE (self), FALSE);
  g_return_val_if_fail (target < AIMS_NC_N_STATES, FALSE);

  db = aims_context_get_db (get_context (self));
  if (db == NULL)
    return FALSE;
  /* Edits typed but not written yet go first: the guards read them. */
  aims_nonconformities_page_flush (self);
  listed = listed_record (self, id);
  changes = g_hash_table_new (g_str_hash, g_str_equal);
  reason_field = aims_nc_state_reason_field (target);
  if (reason_field != NULL && reason != NULL)
    g_hash_table_insert (changes, (gpointer) reason_field, (gpointer) reason);

  stored = aims_nc_transition (db, id, listed != NULL ? aims_record_get_row_version (listed) : -1,
                               target, changes, aims_context_get_author (get_context (self)), &error);
  if (stored == NULL)
    {
      g_autofree char *heading = g_strdup_printf (_("Could Not Move %s"),
                                                  listed != NULL ? aims_record_get_reference (listed) : "");

      if (g_error_matches (error, AIMS_DB_ERROR, AIMS_DB_ERROR_CONFLICT))
        show_message (self, heading, _("Someone else changed it meanwhile. It has been read again: look at it and try once more."));
      else
        show_message (self, heading, error->message);
      aims_record_list_changed_here (self->record_list);
      return FALSE;
    }

  aims_record_list_changed_here (self->record_list);
  aims_record_page_toast (AIMS_RECORD_PAGE (self), _("%s moved to %s"),
                          aims_record_get_reference (stored), aims_nc_state_label (target));
  return TRUE;
}

typedef struct
{
  AimsNonconformitiesPage *page;
  GtkWidget               *entry;
  gint64                   id;
  AimsNcState              target;
} AskReason;

static void
ask_reason_free (gpointer  data,
                 GClosure *closure)
{
  AskReason *ask = data;

  g_clear_object (&ask->page);
  g_free (ask);
}

static void
ask_reason_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        AskReason        *ask)
{
  if (g_strcmp0 (response, "move") == 0)
    aims_nonconformities_page_move (ask->page, ask->id, ask->target,
                                    gtk_editable_get_text (GTK_EDITABLE (ask->entry)));
}

static void
ask_reason_changed_cb (GtkEditable      *entry,
                       AdwMessageDialog *dialog)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "move", *text != '\0');
}

void
aims_nonconformities_page_request_move (AimsNonconformitiesPage *self,
                                        gint64                   id,
                                        AimsNcState              target)
{
  GtkRoot *root;
  GtkWidget *dialog, *group;
  AskReason *ask;
  const AimsField *field;

  g_return_if_fail (AIMS_IS_NONCONFORMITIES_PAGE (self));
  g_return_if_fail (target < AIMS_NC_N_STATES);

  if (aims_nc_state_reason_field (target) == NULL)
    {
      aims_nonconformities_page_move (self, id, target, NULL);
      return;
    }

  field = nc_field (aims_nc_state_reason_field (target));
  root = gtk_widget_get_root (GTK_WIDGET (self));
  ask = g_new0 (AskReason, 1);
  ask->page = g_object_ref (self);
  ask->id = id;
  ask->target = target;
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   aims_nc_state_label (target), gettext (field->hint));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "move", _("_Move"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "move", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "move", FALSE);
  group = gtk_list_box_new ();
  gtk_widget_add_css_class (group, "boxed-list");
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (group), GTK_SELECTION_NONE);
  ask->entry = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (ask->entry), gettext (field->label));
  g_signal_connect (ask->entry, "changed", G_CALLBACK (ask_reason_changed_cb), dialog);
  gtk_list_box_append (GTK_LIST_BOX (group), ask->entry);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), group);
  g_signal_connect_data (dialog, "response", G_CALLBACK (ask_reason_response_cb), ask, ask_reason_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AimsNonconformitiesPage *self = AIMS_NONCONFORMITIES_PAGE (widget);
  gint64 id;
  const char *key;
  AimsNcState target;

  g_variant_get (parameter, "(x&s)", &id, &key);
  if (!aims_nc_state_from_text (key, &target))
    {
      g_autofree char *body = g_strdup_printf (_("“%s” is not a state of the workflow"), key);

      show_message (self, _("Could Not Move"), body);
      return;
    }
  aims_nonconformities_page_request_move (self, id, target);
}

static void
board_move_requested_cb (AimsNonconformitiesPage *self,
                         gint64                   id,
                         guint                    target)
{
  aims_nonconformities_page_request_move (self, id, target);
}

/* ── Views ───────────────────────────────────────────────────────────── */

void
aims_nonconformities_page_set_view (AimsNonconformitiesPage *self,
                                    const char              *view)
{
  g_return_if_fail (AIMS_IS_NONCONFORMITIES_PAGE (self));

  gtk_toggle_button_set_active (g_strcmp0 (view, "board") == 0 ? self->board_toggle : self->list_toggle, TRUE);
}

static void
view_toggled_cb (AimsNonconformitiesPage *self)
{
  gboolean board = gtk_toggle_button_get_active (self->board_toggle);

  gtk_stack_set_visible_child_name (self->view_stack, board ? "board" : "list");
  if (board)
    queue_board (self);
}

static void
view_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  aims_nonconformities_page_set_view (AIMS_NONCONFORMITIES_PAGE (widget), g_variant_get_string (parameter, NULL));
}

/* A card or a similar nonconformity: its detail, in the list. */
static void
open_nc_cb (AimsNonconformitiesPage *self,
            gint64                   id)
{
  aims_nonconformities_page_set_view (self, "list");
  if (!aims_record_list_select_id (self->record_list, id))
    {
      /* Hidden by a filter: show everything, then choose it. */
      show_all (self);
      aims_record_list_select_id (self->record_list, id);
    }
}

/* ── The detail ──────────────────────────────────────────────────────── */

/* The whys are saved to the nonconformity they were typed for, read as
 * freshly as the editor has it. */
static void
whys_apply_cb (gpointer data)
{
  AimsNonconformitiesPage *self = data;
  AimsRecord *shown = aims_record_editor_get_record (aims_record_list_get_editor (self->record_list));
  AimsRecord *nc = self->whys_nc;
  AimsDb *db = aims_context_get_db (get_context (self));
  g_autofree char *json = aims_nc_whys_row_dup_json (self->whys_row);
  g_autoptr(GHashTable) changes = NULL;
  g_autoptr(AimsRecord) stored = NULL;
  g_autoptr(GError) error = NULL;

  if (shown != NULL && nc != NULL && aims_record_get_id (shown) == aims_record_get_id (nc))
    nc = shown;
  if (nc == NULL || db == NULL || g_strcmp0 (json, aims_record_get (nc, "five_whys")) == 0)
    return;
  changes = g_hash_table_new (g_str_hash, g_str_equal);
  g_hash_table_insert (changes, (gpointer) "five_whys", json);
  stored = aims_store_update (db, aims_entity_nonconformities (), aims_record_get_id (nc),
                              aims_record_get_row_version (nc), changes,
                              aims_context_get_author (get_context (self)), &error);
  if (stored == NULL)
    aims_record_list_show_error (self->record_list, _("Could Not Save the Five Whys"),
                                 g_error_matches (error, AIMS_DB_ERROR, AIMS_DB_ERROR_CONFLICT)
                                 ? _("Someone else changed this nonconformity meanwhile; it has been read again.")
                                 : error->message);
  aims_record_list_changed_here (self->record_list);
}

static void
detail_changed_cb (AimsNonconformitiesPage *self)
{
  AimsRecord *nc = aims_record_editor_get_record (aims_record_list_get_editor (self->record_list));
  GtkWidget *raw = aims_record_editor_get_field_row (aims_record_list_get_editor (self->record_list), "five_whys");

  /* The JSON text is edited as five entries instead. */
  if (raw != NULL)
    gtk_widget_set_visible (raw, FALSE);
  /* Whys typed for the nonconformity shown before are saved to it first. */
  if (self->whys_nc != NULL && (nc == NULL || aims_record_get_id (nc) != aims_record_get_id (self->whys_nc)))
    aims_nc_whys_row_flush (self->whys_row);
  nc = aims_record_editor_get_record (aims_record_list_get_editor (self->record_list));
  g_set_object (&self->whys_nc, nc);
  aims_nc_whys_row_set_json (self->whys_row, nc != NULL ? aims_record_get (nc, "five_whys") : NULL);
  aims_nc_actions_view_set_nc (AIMS_NC_ACTIONS_VIEW (self->actions_view), nc);
  aims_nc_workflow_view_set_nc (AIMS_NC_WORKFLOW_VIEW (self->workflow_view), nc);
}

static void
actions_changed_cb (AimsNonconformitiesPage *self)
{
  aims_record_list_changed_here (self->record_list);
  reload_side_data (self);
  detail_changed_cb (self);
}

static void
workflow_move_requested_cb (AimsNonconformitiesPage *self,
                            gint64                   id,
                            guint                    target)
{
  aims_nonconformities_page_request_move (self, id, target);
}

static void
setup_detail (AimsNonconformitiesPage *self)
{
  AimsRecordEditor *editor = aims_record_list_get_editor (self->record_list);
  AimsContext *context = get_context (self);

  aims_record_editor_set_placeholder (editor, _("No Nonconformity Selected"),
                                      _("Choose a nonconformity in the list to see and edit it."));
  self->whys_row = aims_nc_whys_row_new ();
  aims_nc_whys_row_set_apply_func (self->whys_row, whys_apply_cb, self);
  aims_record_editor_add_row (editor, "cause", self->whys_row);
  self->actions_view = aims_nc_actions_view_new (context);
  g_signal_connect_object (self->actions_view, "changed", G_CALLBACK (actions_changed_cb), self, G_CONNECT_SWAPPED);
  aims_record_editor_add_row (editor, "cause", self->actions_view);
  self->workflow_view = aims_nc_workflow_view_new (context);
  g_signal_connect_object (self->workflow_view, "move-requested", G_CALLBACK (workflow_move_requested_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->workflow_view, "nc-activated", G_CALLBACK (open_nc_cb), self, G_CONNECT_SWAPPED);
  aims_record_editor_add_row (editor, "workflow", self->workflow_view);
  g_signal_connect_object (editor, "notify::record", G_CALLBACK (detail_changed_cb), self, G_CONNECT_SWAPPED);
}

/* ── GObject ─────────────────────────────────────────────────────────── */

static char *
format_count (AimsRecordPage *page,
              guint           shown,
              guint           total)
{
  if (shown == total)
    return g_strdup_printf (ngettext ("%u nonconformity", "%u nonconformities", total), total);
  /* Translators: "3 of 12 nonconformities", when a search or a filter hides some */
  return g_strdup_printf (ngettext ("%u of %u nonconformity", "%u of %u nonconformities", total), shown, total);
}

static void
aims_nonconformities_page_constructed (GObject *object)
{
  AimsNonconformitiesPage *self = AIMS_NONCONFORMITIES_PAGE (object);
  AimsRecordList *list = self->record_list;
  AimsContext *context = get_context (self);
  g_autoptr(GListModel) states = NULL;
  g_autoptr(GListModel) severities = NULL;
  g_autoptr(GListModel) sources = NULL;

  G_OBJECT_CLASS (aims_nonconformities_page_parent_class)->constructed (object);

  self->updating_filters = TRUE;
  states = status_filter_model ();
  gtk_drop_down_set_model (self->status_dropdown, states);
  severities = aims_choice_filter_model (nc_field ("severity"), _("All severities"));
  gtk_drop_down_set_model (self->severity_dropdown, severities);
  sources = aims_choice_filter_model (nc_field ("source"), _("All sources"));
  gtk_drop_down_set_model (self->source_dropdown, sources);
  self->updating_filters = FALSE;

  aims_record_list_setup (list, context, aims_entity_nonconformities ());
  aims_record_list_set_match_func (list, match_cb, self);
  add_columns (self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (aims_record_list_get_column_view (list)),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Nonconformities"), -1);
  aims_record_list_set_empty_texts (list, "dialog-error-symbolic", _("No Nonconformities"),
                                    _("What an audit, an incident or monitoring found that misses a requirement is recorded here."),
                                    _("No nonconformity matches the search and filters."));
  setup_detail (self);

  g_signal_connect_object (list, "counts-changed", G_CALLBACK (queue_board), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (context, "notify::db", G_CALLBACK (reload_side_data), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (context, "notify::db", G_CALLBACK (update_actions), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (context, "data-changed", G_CALLBACK (reload_side_data), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (context, "data-changed", G_CALLBACK (detail_changed_cb), self, G_CONNECT_SWAPPED);
  aims_record_page_setup (AIMS_RECORD_PAGE (self), list, self->window_title, self->back_button);
  reload_side_data (self);
  update_actions (self);
}

static void
aims_nonconformities_page_dispose (GObject *object)
{
  AimsNonconformitiesPage *self = AIMS_NONCONFORMITIES_PAGE (object);

  g_clear_handle_id (&self->board_idle_id, g_source_remove);
  g_clear_object (&self->whys_nc);
  gtk_widget_dispose_template (GTK_WIDGET (object), AIMS_TYPE_NONCONFORMITIES_PAGE);
  G_OBJECT_CLASS (aims_nonconformities_page_parent_class)->dispose (object);
}

static void
aims_nonconformities_page_finalize (GObject *object)
{
  AimsNonconformitiesPage *self = AIMS_NONCONFORMITIES_PAGE (object);

  g_array_unref (self->system_ids);
  g_clear_pointer (&self->actions_by_nc, g_hash_table_unref);
  G_OBJECT_CLASS (aims_nonconformities_page_parent_class)->finalize (object);
}

static void
aims_nonconformities_page_class_init (AimsNonconformitiesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = aims_nonconformities_page_constructed;
  object_class->dispose = aims_nonconformities_page_dispose;
  object_class->finalize = aims_nonconformities_page_finalize;
  AIMS_RECORD_PAGE_CLASS (klass)->format_count = format_count;

  g_type_ensure (AIMS_TYPE_NC_BOARD);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/aimsdesk/AimsDesk/aims-nonconformities-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AimsNonconformitiesPage, header_bar);
  gtk_widget_class_bind_template_child (widget_class, AimsNonconformitiesPage, window_title);
  gtk_widget_class_bind_template_child (widget_class, AimsNonconformitiesPage, back_button);
  gtk_widget_class_bind_template_child (widget_class, AimsNonconformitiesPage, list_toggle);
  gtk_widget_class_bind_template_child (widget_class, AimsNonconformitiesPage, board_toggle);
  gtk_widget_class_bind_template_child (widget_class, AimsNonconformitiesPage, filter_box);
  gtk_widget_class_bind_template_child (widget_class, AimsNonconformitiesPage, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, AimsNonconformitiesPage, severity_dropdown);
  gtk_widget_class_bind_template_child (widget_class, AimsNonconformitiesPage, source_dropdown);
  gtk_widget_class_bind_template_child (widget_class, AimsNonconformitiesPage, system_dropdown);
  gtk_widget_class_bind_template_child (widget_class, AimsNonconformitiesPage, overdue_toggle);
  gtk_widget_class_bind_template_child (widget_class, AimsNonconformitiesPage, mine_toggle);
  gtk_widget_class_bind_template_child (widget_class, AimsNonconformitiesPage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, AimsNonconformitiesPage, record_list);
  gtk_widget_class_bind_template_child (widget_class, AimsNonconformitiesPage, board);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, view_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, board_move_requested_cb);
  gtk_widget_class_bind_template_callback (widget_class, open_nc_cb);

  gtk_widget_class_install_action (widget_class, "page.filter", "s", filter_action);
  /* Replace AimsRecordPage's: the five whys are saved too. */
  gtk_widget_class_install_action (widget_class, "page.flush", NULL, flush_action);
  gtk_widget_class_install_action (widget_class, "page.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "page.move", "(xs)", move_action);
  gtk_widget_class_install_action (widget_class, "page.view", "s", view_action);
}

static void
aims_nonconformities_page_init (AimsNonconformitiesPage *self)
{
  self->system_ids = g_array_new (FALSE, TRUE, sizeof (gint64));
  self->updating_filters = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  self->updating_filters = FALSE;
}

GtkWidget *
aims_nonconformities_page_new (AimsContext *context)
{
  g_return_val_if_fail (AIMS_IS_CONTEXT (context), NULL);

  return g_object_new (AIMS_TYPE_NONCONFORMITIES_PAGE, "context", context, NULL);
}

AimsNcBoard *
aims_nonconformities_page_get_board (AimsNonconformitiesPage *self)
{
  g_return_val_if_fail (AIMS_IS_NONCONFORMITIES_PAGE (self), NULL);
  return self->board;
}

AimsNcActionsView *
aims_nonconformities_page_get_actions_view (AimsNonconformitiesPage *self)
{
  g_return_val_if_fail (AIMS_IS_NONCONFORMITIES_PAGE (self), NULL);
  return AIMS_NC_ACTIONS_VIEW (self->actions_view);
}

AimsNcWorkflowView *
aims_nonconformities_page_get_workflow_view (AimsNonconformitiesPage *self)
{
  g_return_val_if_fail (AIMS_IS_NONCONFORMITIES_PAGE (self), NULL);
  return AIMS_NC_WORKFLOW_VIEW (self->workflow_view);
}
