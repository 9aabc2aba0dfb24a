/* test-nonconformities-page.c — the Nonconformities page with real widgets
 * on a demo file: the table against SQL, page.filter, a step the guards
 * refuse (nothing written, the reason shown), an allowed step (stored, with
 * its audit row), a corrective action added, the five whys saved, and the
 * board's columns
 *
 * Counts are checked with SQL on another connection to the same file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "aims-core.h"
#include "aims-link-chooser.h"
#include "aims-nc-whys-row.h"
#include "aims-nonconformities-page.h"
#include "gui-test-util.h"

static gboolean have_display;

typedef struct
{
  GuiTestPage       base;
  AimsNonconformitiesPage *page;
  AimsRecordList          *list;
} Fixture;

#define SKIP_WITHOUT_DISPLAY() \
  G_STMT_START { if (!have_display) { g_test_skip ("no display"); return; } } G_STMT_END

static gint64
sql_int (Fixture    *fixture,
         const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AimsStatement) statement = aims_db_prepare (fixture->base.other, sql, &error);

  g_assert_no_error (error);
  g_assert_cmpint (aims_statement_step (statement, &error), ==, AIMS_STEP_ROW);
  g_assert_no_error (error);
  return aims_statement_column_int64 (statement, 0);
}

static char *
sql_text (Fixture    *fixture,
          const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AimsStatement) statement = aims_db_prepare (fixture->base.other, sql, &error);
  const char *text;

  g_assert_no_error (error);
  g_assert_cmpint (aims_statement_step (statement, &error), ==, AIMS_STEP_ROW);
  text = aims_statement_column_text (statement, 0);
  return g_strdup (text);
}

static AimsRecord *
nc_by_reference (Fixture    *fixture,
                 const char *reference)
{
  g_autoptr(GError) error = NULL;
  AimsRecord *nc = aims_store_find (fixture->base.other, aims_entity_nonconformities (), reference, &error);

  g_assert_no_error (error);
  g_assert_nonnull (nc);
  return nc;
}

static gboolean
listed (gpointer data)
{
  Fixture *fixture = data;

  return aims_record_list_get_n_total (fixture->list) > 0;
}

static void
settle (void)
{
  gui_test_iterate_for (50);
  gui_test_iterate_pending ();
}

static void
close_dialogs (void)
{
  AdwMessageDialog *dialog;

  while ((dialog = gui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, G_TYPE_INVALID)) != NULL)
    gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  if (!have_display)
    return;

  gui_test_page_open (&fixture->base, "nc");

  fixture->page = AIMS_NONCONFORMITIES_PAGE (aims_nonconformities_page_new (fixture->base.context));
  fixture->list = aims_record_page_get_record_list (AIMS_RECORD_PAGE (fixture->page));
  gui_test_page_show (&fixture->base, GTK_WIDGET (fixture->page));
  gui_test_iterate_until (listed, fixture);
  settle ();
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  gui_test_page_close (&fixture->base);
}

/* The table lists exactly the demo's nonconformities. */
static void
test_list (Fixture       *fixture,
           gconstpointer  data)
{
  GListModel *records;
  g_autoptr(GString) listed_refs = g_string_new (NULL);
  g_autofree char *stored_refs = NULL;

  SKIP_WITHOUT_DISPLAY ();

  g_assert_cmpint (aims_record_list_get_n_total (fixture->list), ==,
                   sql_int (fixture, "SELECT count(*) FROM nonconformity"));
  g_assert_cmpint (aims_record_list_get_n_shown (fixture->list), ==,
                   sql_int (fixture, "SELECT count(*) FROM nonconformity"));
  records = aims_record_list_get_records (fixture->list);
  for (guint i = 0; i < g_list_model_get_n_items (records); i++)
    {
      g_autoptr(AimsRecord) nc = g_list_model_get_item (records, i);

      g_string_append_printf (listed_refs, "%s%s", i > 0 ? "," : "", aims_record_get_reference (nc));
    }
  stored_refs = sql_text (fixture, "SELECT group_concat(reference, ',') FROM (SELECT reference FROM nonconformity ORDER BY id)");
  g_assert_cmpstr (listed_refs->str, ==, stored_refs);

  /* The board holds the same records, each in its state's column. */
  aims_nonconformities_page_set_view (fixture->page, "board");
  settle ();
  g_assert_cmpint (aims_nc_board_get_n_cards (aims_nonconformities_page_get_board (fixture->page),
                                              AIMS_NC_STATE_REPORTED), ==,
                   sql_int (fixture, "SELECT count(*) FROM nonconformity WHERE state = 'reported'"));
  g_assert_cmpint (aims_nc_board_get_n_cards (aims_nonconformities_page_get_board (fixture->page),
                                              AIMS_NC_STATE_CLOSED), ==,
                   sql_int (fixture, "SELECT count(*) FROM nonconformity WHERE state = 'closed'"));
}

static void
test_filter (Fixture       *fixture,
             gconstpointer  data)
{
  SKIP_WITHOUT_DISPLAY ();

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "page.filter", "s", "status=reported"));
  settle ();
  g_assert_cmpint (aims_record_list_get_n_shown (fixture->list), ==,
                   sql_int (fixture, "SELECT count(*) FROM nonconformity WHERE state = 'reported'"));
  g_assert_cmpint (aims_record_list_get_n_shown (fixture->list), >, 0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "page.filter", "s",
                                             "severity=major;overdue=1"));
  settle ();
  g_assert_cmpint (aims_record_list_get_n_shown (fixture->list), ==,
                   sql_int (fixture, "SELECT count(DISTINCT n.id) FROM nonconformity n JOIN corrective_action a "
                                     "ON a.nonconformity_id = n.id WHERE n.severity = 'major' "
                                     "AND coalesce(a.status, 'open') IN ('open', 'in_progress') "
                                     "AND a.due_date < date('now', 'localtime')"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "page.filter", "s", ""));
  settle ();
  g_assert_cmpint (aims_record_list_get_n_shown (fixture->list), ==,
                   sql_int (fixture, "SELECT count(*) FROM nonconformity"));
}

/* NC-003 is reported without a correction: the step is refused, the
 * reason shown, nothing written. With the correction on record (another
 * user's write) the same step is stored with its audit row. */
static void
test_transitions (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(AimsRecord) nc = NULL;
  g_autoptr(AimsRecord) updated = NULL;
  g_autoptr(GHashTable) changes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *refusal = NULL;
  g_autofree char *state = NULL;
  g_autofree char *audit_sql = NULL;
  AdwMessageDialog *dialog;
  gint64 version, audit_rows;

  SKIP_WITHOUT_DISPLAY ();

  nc = nc_by_reference (fixture, "NC-003");
  g_assert_cmpint (aims_nc_get_state (nc), ==, AIMS_NC_STATE_REPORTED);
  g_assert_null (aims_record_get (nc, "correction"));
  g_assert_false (aims_nc_workflow_check (nc, NULL, AIMS_NC_STATE_CORRECTION_TAKEN, &refusal));
  version = aims_record_get_row_version (nc);
  audit_rows = sql_int (fixture, "SELECT count(*) FROM audit_log");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "page.move", "(xs)",
                                             aims_record_get_id (nc), "correction_taken"));
  settle ();
  state = sql_text (fixture, "SELECT state FROM nonconformity WHERE reference = 'NC-003'");
  g_assert_cmpstr (state, ==, "reported");
  g_assert_cmpint (sql_int (fixture, "SELECT row_version FROM nonconformity WHERE reference = 'NC-003'"), ==, version);
  g_assert_cmpint (sql_int (fixture, "SELECT count(*) FROM audit_log"), ==, audit_rows);
  dialog = gui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, G_TYPE_INVALID);
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), refusal));
  close_dialogs ();

  changes = g_hash_table_new (g_str_hash, g_str_equal);
  g_hash_table_insert (changes, (gpointer) "correction", (gpointer) "Letter sent to the claimant the same day.");
  updated = aims_store_update (fixture->base.other, aims_entity_nonconformities (), aims_record_get_id (nc),
                               version, changes, "Someone Else", &error);
  g_assert_no_error (error);
  aims_context_emit_data_changed (fixture->base.context);
  settle ();

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "page.move", "(xs)",
                                             aims_record_get_id (nc), "correction_taken"));
  settle ();
  g_assert_null (gui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, G_TYPE_INVALID));
  g_free (state);
  state = sql_text (fixture, "SELECT state FROM nonconformity WHERE reference = 'NC-003'");
  g_assert_cmpstr (state, ==, "correction_taken");
  audit_sql = g_strdup_printf ("SELECT count(*) FROM audit_log WHERE entity = 'nonconformity' AND entity_id = %"
                               G_GINT64_FORMAT " AND action = 'transition' AND actor = 'Test User' "
                               "AND after_json LIKE '%%correction_taken%%'", aims_record_get_id (nc));
  g_assert_cmpint (sql_int (fixture, audit_sql), ==, 1);
}

/* An action added in NC-005's detail is stored, audited and listed; its
 * five whys typed in the entries are saved as the JSON array. */
static void
test_add_action (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(AimsRecord) nc = nc_by_reference (fixture, "NC-005");
  AimsNcActionsView *view = aims_nonconformities_page_get_actions_view (fixture->page);
  g_autoptr(GDate) due = aims_date_today ();
  g_autofree char *due_text = NULL;
  g_autofree char *count_sql = NULL;
  g_autofree char *whys = NULL;
  g_autoptr(AimsRecord) action = NULL;
  g_autoptr(GError) error = NULL;
  gint64 before, audit_before;
  guint listed_before;

  SKIP_WITHOUT_DISPLAY ();

  g_assert_true (aims_record_list_select_id (fixture->list, aims_record_get_id (nc)));
  settle ();
  count_sql = g_strdup_printf ("SELECT count(*) FROM corrective_action WHERE nonconformity_id = %" G_GINT64_FORMAT,
                               aims_record_get_id (nc));
  before = sql_int (fixture, count_sql);
  audit_before = sql_int (fixture, "SELECT count(*) FROM audit_log WHERE entity = 'corrective_action' AND action = 'insert'");
  listed_before = aims_nc_actions_view_get_n_actions (view);
  g_assert_cmpint (listed_before, ==, before);

  /* Refused by the store: no owner. Nothing is written. */
  g_assert_null (aims_nc_actions_view_add (view, "Retrain the reviewers", NULL, NULL, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpint (sql_int (fixture, count_sql), ==, before);

  g_date_add_days (due, 30);
  due_text = aims_date_format_iso (due);
  action = aims_nc_actions_view_add (view, "Retrain the reviewers", "1", due_text, &error);
  g_assert_no_error (error);
  g_assert_nonnull (action);
  settle ();
  g_assert_cmpint (sql_int (fixture, count_sql), ==, before + 1);
  g_assert_cmpint (sql_int (fixture, "SELECT count(*) FROM audit_log WHERE entity = 'corrective_action' AND action = 'insert'"),
                   ==, audit_before + 1);
  g_assert_cmpuint (aims_nc_actions_view_get_n_actions (view), ==, listed_before + 1);
  /* The step that needed an action with an owner and a due date is offered now. */
  g_assert_cmpuint (aims_nc_workflow_view_get_n_steps (aims_nonconformities_page_get_workflow_view (fixture->page),
                                                       TRUE), >=, 1);
  g_assert_cmpuint (aims_nc_workflow_view_get_n_events (aims_nonconformities_page_get_workflow_view (fixture->page)),
                    >=, 3);
}

static void
test_five_whys (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(AimsRecord) nc = nc_by_reference (fixture, "NC-004");
  GtkWidget *editor, *row = NULL, *entry;
  g_autofree char *sql = NULL;
  g_autofree char *stored = NULL;

  SKIP_WITHOUT_DISPLAY ();

  g_assert_true (aims_record_list_select_id (fixture->list, aims_record_get_id (nc)));
  settle ();
  editor = GTK_WIDGET (aims_record_list_get_editor (fixture->list));
  row = gui_test_find_widget (editor, ADW_TYPE_EXPANDER_ROW, NULL);
  g_assert_nonnull (row);
  entry = aims_nc_whys_row_get_entry (row, 0);
  gtk_editable_set_text (GTK_EDITABLE (entry), "The triage rules were not reviewed");
  g_signal_emit_by_name (entry, "apply");
  settle ();
  sql = g_strdup_printf ("SELECT five_whys FROM nonconformity WHERE id = %" G_GINT64_FORMAT, aims_record_get_id (nc));
  stored = sql_text (fixture, sql);
  g_assert_nonnull (stored);
  g_assert_nonnull (strstr (stored, "The triage rules were not reviewed"));
}

/* ── The whole loop through the page ─────────────────────────────────── */

static char *
day_from_today (int days)
{
  g_autoptr(GDate) day = aims_date_today ();

  if (days >= 0)
    g_date_add_days (day, days);
  else
    g_date_subtract_days (day, -days);
  return aims_date_format_iso (day);
}

/* Types text into a field of editor as a person would, and waits for it
 * to be saved (the editor saves after a pause in typing). */
static void
type_field (AimsRecordEditor *editor,
            const char       *field,
            const char       *text)
{
  GtkWidget *row = aims_record_editor_get_field_row (editor, field);

  g_assert_nonnull (row);
  if (ADW_IS_ENTRY_ROW (row))
    gtk_editable_set_text (GTK_EDITABLE (row), text);
  else
    {
      GtkWidget *view = gui_test_find_widget (row, GTK_TYPE_TEXT_VIEW, NULL);

      g_assert_nonnull (view);
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), text, -1);
    }
  aims_record_editor_flush (editor);
  settle ();
}

static void
choose_field (AimsRecordEditor *editor,
              const char       *field,
              guint             position)
{
  GtkWidget *row = aims_record_editor_get_field_row (editor, field);

  g_assert_true (ADW_IS_COMBO_ROW (row));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), position);
  aims_record_editor_flush (editor);
  settle ();
}

static char *
state_of (Fixture *fixture,
          gint64   id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT state FROM nonconformity WHERE id = %" G_GINT64_FORMAT, id);

  return sql_text (fixture, sql);
}

/* A step the guards refuse: the dialog says what is missing, the state and
 * the audit log stay as they were. */
static void
assert_step_refused (Fixture    *fixture,
                     gint64      id,
                     const char *target,
                     const char *missing)
{
  g_autofree char *before = state_of (fixture, id);
  g_autofree char *after = NULL;
  gint64 audit_rows = sql_int (fixture, "SELECT count(*) FROM audit_log");
  AdwMessageDialog *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "page.move", "(xs)", id, target));
  settle ();
  dialog = gui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, G_TYPE_INVALID);
  g_assert_nonnull (dialog);
  if (strstr (adw_message_dialog_get_body (dialog), missing) == NULL)
    g_error ("moving to %s: “%s” does not say “%s”", target, adw_message_dialog_get_body (dialog), missing);
  close_dialogs ();
  after = state_of (fixture, id);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (sql_int (fixture, "SELECT count(*) FROM audit_log"), ==, audit_rows);
}

static void
assert_step_taken (Fixture    *fixture,
                   gint64      id,
                   const char *target)
{
  g_autofree char *after = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "page.move", "(xs)", id, target));
  settle ();
  g_assert_null (gui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, G_TYPE_INVALID));
  after = state_of (fixture, id);
  g_assert_cmpstr (after, ==, target);
}

/* The action's own window, opened from its row as a click would. */
static AimsRecordEditor *
open_first_action (Fixture  *fixture,
                   GtkWindow **window)
{
  GtkWidget *view = GTK_WIDGET (aims_nonconformities_page_get_actions_view (fixture->page));
  GtkWidget *list = gui_test_find_widget (view, GTK_TYPE_LIST_BOX, NULL);
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0);

  g_assert_nonnull (row);
  g_signal_emit_by_name (list, "row-activated", row);
  settle ();
  *window = gui_test_find_toplevel (ADW_TYPE_WINDOW, G_TYPE_INVALID);
  g_assert_nonnull (*window);
  return g_object_get_data (G_OBJECT (*window), "editor");
}

/* One nonconformity from "Add Nonconformity" to closed, every record typed
 * in the page, each skipped step refused with what it misses. */
static void
test_full_loop (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *today = day_from_today (0);
  g_autofree char *tomorrow = day_from_today (1);
  g_autofree char *due = day_from_today (30);
  g_autofree char *person = NULL;
  g_autofree char *system = NULL;
  g_autofree char *whys = NULL;
  g_autofree char *whys_sql = NULL;
  g_autofree char *audit_sql = NULL;
  g_autoptr(AimsRecord) nc = NULL;
  g_autoptr(AimsRecord) refused = NULL;
  AimsNcNewDialog *dialog;
  AimsRecordEditor *editor = aims_record_list_get_editor (fixture->list);
  AimsRecordEditor *action_editor;
  AimsRecord *selected;
  GtkWindow *action_window = NULL;
  GtkWidget *why;
  gint64 count, id;

  SKIP_WITHOUT_DISPLAY ();

  person = sql_text (fixture, "SELECT min(id) FROM person");
  system = sql_text (fixture, "SELECT min(id) FROM ai_system");
  count = sql_int (fixture, "SELECT count(*) FROM nonconformity");

  /* Add Nonconformity: each required field named until given. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "page.add", NULL));
  settle ();
  dialog = gui_test_find_toplevel (AIMS_TYPE_NC_NEW_DIALOG, G_TYPE_INVALID);
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (aims_nc_new_dialog_get_problem (dialog), "Title"));
  g_assert_null (aims_nc_new_dialog_add (dialog));
  g_assert_true (aims_nc_new_dialog_set_value (dialog, "title", "Fairness report not sent to the board"));
  g_assert_nonnull (strstr (aims_nc_new_dialog_get_problem (dialog), "Found through"));
  g_assert_true (aims_nc_new_dialog_set_value (dialog, "source", "monitoring"));
  g_assert_nonnull (strstr (aims_nc_new_dialog_get_problem (dialog), "Severity"));
  g_assert_true (aims_nc_new_dialog_set_value (dialog, "severity", "Minor"));
  g_assert_true (aims_nc_new_dialog_set_value (dialog, "found_date", "28.11.2026"));
  g_assert_nonnull (strstr (aims_nc_new_dialog_get_problem (dialog), "Found on"));
  /* Found tomorrow: the store refuses; the dialog stays with the reason. */
  g_assert_true (aims_nc_new_dialog_set_value (dialog, "found_date", tomorrow));
  g_assert_null (aims_nc_new_dialog_get_problem (dialog));
  refused = aims_nc_new_dialog_add (dialog);
  g_assert_null (refused);
  g_assert_nonnull (strstr (aims_nc_new_dialog_get_problem (dialog), "after today"));
  g_assert_true (gui_test_find_toplevel (AIMS_TYPE_NC_NEW_DIALOG, G_TYPE_INVALID) == (gpointer) dialog);
  g_assert_cmpint (sql_int (fixture, "SELECT count(*) FROM nonconformity"), ==, count);
  g_assert_true (aims_nc_new_dialog_set_value (dialog, "found_date", today));
  g_assert_true (aims_nc_new_dialog_set_value (dialog, "description", "The quarterly fairness report was not sent."));
  g_assert_true (aims_nc_new_dialog_set_value (dialog, "found_by_id", person));
  g_assert_true (aims_nc_new_dialog_set_value (dialog, "ai_system_id", system));
  g_assert_true (aims_nc_new_dialog_set_value (dialog, "clause", "9.1"));
  nc = aims_nc_new_dialog_add (dialog);
  g_assert_nonnull (nc);
  settle ();
  g_assert_null (gui_test_find_toplevel (AIMS_TYPE_NC_NEW_DIALOG, G_TYPE_INVALID));
  g_assert_cmpint (sql_int (fixture, "SELECT count(*) FROM nonconformity"), ==, count + 1);
  id = aims_record_get_id (nc);
  g_assert_cmpstr (aims_record_get (nc, "ai_system_id"), ==, system);
  g_assert_cmpstr (aims_record_get (nc, "found_by_id"), ==, person);
  selected = aims_record_list_get_selected (fixture->list);
  g_assert_nonnull (selected);
  g_assert_cmpint (aims_record_get_id (selected), ==, id);
  g_assert_cmpstr (aims_nc_state_key (aims_nc_get_state (selected)), ==, "reported");

  /* Skipped steps: refused, saying what is missing. */
  assert_step_refused (fixture, id, "correction_taken", "Record the correction first");
  assert_step_refused (fixture, id, "closed", "Closed");

  type_field (editor, "correction", "The report was sent the day it was found.");
  assert_step_taken (fixture, id, "correction_taken");

  assert_step_refused (fixture, id, "root_cause_analysed", "Record the root cause first");
  type_field (editor, "root_cause", "Nobody owned the report after a reorganisation.");
  choose_field (editor, "cause_category", 2);   /* Not set, People, Process */
  /* The five whys are saved as typed, after a pause, without Enter. */
  why = aims_nc_whys_row_get_entry (gui_test_find_widget (GTK_WIDGET (editor), ADW_TYPE_EXPANDER_ROW, NULL), 0);
  gtk_editable_set_text (GTK_EDITABLE (why), "The owner left");
  gui_test_iterate_for (1200);
  whys_sql = g_strdup_printf ("SELECT five_whys FROM nonconformity WHERE id = %" G_GINT64_FORMAT, id);
  whys = sql_text (fixture, whys_sql);
  g_assert_cmpstr (whys, ==, "[\"The owner left\"]");
  assert_step_taken (fixture, id, "root_cause_analysed");

  assert_step_refused (fixture, id, "actions_planned", "corrective action");
  g_assert_nonnull (aims_nc_actions_view_add (aims_nonconformities_page_get_actions_view (fixture->page),
                                              "Name an owner for the fairness report", person, due, NULL));
  settle ();
  assert_step_taken (fixture, id, "actions_planned");

  assert_step_refused (fixture, id, "actions_implemented", "still open");
  action_editor = open_first_action (fixture, &action_window);
  /* Done needs its completion date first (else refused on saving). */
  type_field (action_editor, "completed_date", today);
  type_field (action_editor, "evidence", "Owner named in the RACI, v7");
  choose_field (action_editor, "status", 3);    /* Not set, Open, In progress, Done */
  gtk_window_close (action_window);
  settle ();
  g_assert_cmpint (sql_int (fixture, "SELECT count(*) FROM corrective_action WHERE status = 'done' AND "
                                     "evidence = 'Owner named in the RACI, v7'"), ==, 1);
  assert_step_taken (fixture, id, "actions_implemented");

  assert_step_refused (fixture, id, "effectiveness_verified", "effectiveness check");
  editor = aims_record_list_get_editor (fixture->list);
  aims_link_chooser_set_record (AIMS_LINK_CHOOSER (aims_record_editor_get_field_row (editor, "effectiveness_by_id")),
                                person, NULL);
  aims_record_editor_flush (editor);
  settle ();
  type_field (editor, "effectiveness_date", today);
  type_field (editor, "effectiveness_evidence", "The next report went out on time.");
  choose_field (editor, "effectiveness_result", 1);   /* Not set, Effective */
  assert_step_taken (fixture, id, "effectiveness_verified");
  assert_step_taken (fixture, id, "closed");

  /* Six steps, each one audited with who took it. */
  audit_sql = g_strdup_printf ("SELECT count(*) FROM audit_log WHERE entity = 'nonconformity' AND entity_id = %"
                               G_GINT64_FORMAT " AND action = 'transition' AND actor = 'Test User'", id);
  g_assert_cmpint (sql_int (fixture, audit_sql), ==, 6);
  g_assert_cmpuint (aims_nc_workflow_view_get_n_events (aims_nonconformities_page_get_workflow_view (fixture->page)),
                    >=, 8);
}

int
main (int   argc,
      char *argv[])
{
  have_display = gui_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/nonconformities-page/list", test_list);
  ADD ("/nonconformities-page/filter", test_filter);
  ADD ("/nonconformities-page/transitions", test_transitions);
  ADD ("/nonconformities-page/add-action", test_add_action);
  ADD ("/nonconformities-page/five-whys", test_five_whys);
  ADD ("/nonconformities-page/full-loop", test_full_loop);

  return g_test_run ();
}
