/* test-objectives-page.c — the Objectives page with real widgets on a demo
 * file: one card per objective with the status the core computes, the
 * status filter a dashboard tile opens, a new value entered on the card's
 * detail, values refused with nothing written, a measurement corrected
 * (audited, and a conflict with another user shown), the objective's own
 * number fields, its AI systems, and a new objective
 *
 * What is stored is read back on a second connection to the same file,
 * not through the page.
 *
 * Run under Xvfb (build-aux/dev test); without a display the tests skip.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "aims-conflict-dialog.h"
#include "aims-core.h"
#include "aims-objective-summary.h"
#include "aims-objective-systems-row.h"
#include "aims-objectives-page.h"
#include "gui-test-util.h"

static gboolean have_display;

typedef struct
{
  GuiTestPage       base;
  AimsObjectivesPage *page;
} Fixture;

#define SKIP_WITHOUT_DISPLAY() \
  G_STMT_START { if (!have_display) { g_test_skip ("no display"); return; } } G_STMT_END

/* ── The other connection ────────────────────────────────────────────── */

static gint64
sql_int (Fixture    *fixture,
         const char *sql,
         const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AimsStatement) statement = aims_db_prepare (fixture->base.other, sql, &error);

  g_assert_no_error (error);
  if (text != NULL)
    aims_statement_bind_text (statement, 1, text);
  g_assert_cmpint (aims_statement_step (statement, &error), ==, AIMS_STEP_ROW);
  g_assert_no_error (error);
  return aims_statement_column_int64 (statement, 0);
}

static char *
sql_text (Fixture    *fixture,
          const char *sql,
          const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AimsStatement) statement = aims_db_prepare (fixture->base.other, sql, &error);

  g_assert_no_error (error);
  if (text != NULL)
    aims_statement_bind_text (statement, 1, text);
  g_assert_cmpint (aims_statement_step (statement, &error), ==, AIMS_STEP_ROW);
  g_assert_no_error (error);
  return g_strdup (aims_statement_column_text (statement, 0));
}

static AimsRecord *
objective_by_reference (Fixture    *fixture,
                        const char *reference)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) objectives = aims_store_list (fixture->base.other, aims_entity_objectives (), &error);

  g_assert_no_error (error);
  for (guint k = 0; k < objectives->len; k++)
    if (g_strcmp0 (aims_record_get_reference (objectives->pdata[k]), reference) == 0)
      return g_object_ref (objectives->pdata[k]);
  g_error ("no objective %s", reference);
}

/* The status as the core computes it from what the other connection reads. */
static void
compute_other (Fixture             *fixture,
               AimsRecord          *objective,
               AimsObjectiveStatus *status)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) series = aims_objective_load_series (fixture->base.other, aims_record_get_id (objective), &error);
  g_autoptr(GDate) today = aims_date_today ();

  g_assert_no_error (error);
  aims_objective_compute (objective, series, today, status);
}

/* Every row of the objectives, measurements and links, and the log's
 * length: what a refused value must leave as it was. */
static char *
snapshot (Fixture *fixture)
{
  return sql_text (fixture,
                   "SELECT (SELECT count(*) FROM audit_log) || '|' || coalesce((SELECT group_concat(x, ';') FROM ("
                   " SELECT quote(id) || quote(row_version) || quote(target) || quote(at_risk_threshold) AS x FROM objective"
                   " UNION ALL SELECT quote(id) || quote(row_version) || quote(measured_on) || quote(value) || quote(note)"
                   "   FROM measurement"
                   " UNION ALL SELECT quote(objective_id) || quote(ai_system_id) FROM objective_system)), '')",
                   NULL);
}

static char *
day_from_today (int days)
{
  g_autoptr(GDate) date = aims_date_today ();

  if (days >= 0)
    g_date_add_days (date, (guint) days);
  else
    g_date_subtract_days (date, (guint) -days);
  return aims_date_format_iso (date);
}

/* ── Helpers ─────────────────────────────────────────────────────────── */

static void
settle (void)
{
  gui_test_iterate_for (50);
  gui_test_iterate_pending ();
}

static AimsObjectiveCard *
card_for (Fixture    *fixture,
          AimsRecord *objective)
{
  AimsObjectiveCard *card = aims_objectives_page_get_card (fixture->page, aims_record_get_id (objective));

  g_assert_nonnull (card);
  return card;
}

/* Opens the objective as a click on its card does. */
static AimsObjectiveDetail *
open_card (Fixture    *fixture,
           AimsRecord *objective)
{
  AimsObjectiveCard *card = card_for (fixture, objective);
  AimsObjectiveDetail *detail = aims_objectives_page_get_detail (fixture->page);

  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (card)));
  g_signal_emit_by_name (card, "clicked");
  settle ();
  g_assert_true (aims_objectives_page_is_open (fixture->page));
  g_assert_cmpint (aims_record_get_id (aims_objective_detail_get_objective (detail)), ==,
                   aims_record_get_id (objective));
  return detail;
}

static void
assert_accessible_label (GtkWidget  *widget,
                         const char *expected)
{
  char *wrong = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, expected);

  if (wrong != NULL)
    g_error ("a screen reader hears “%s”, not “%s”", wrong, expected);
}

/* The card says what the core computes for the objective as stored. */
static void
assert_card_matches (Fixture    *fixture,
                     AimsRecord *objective)
{
  g_autoptr(AimsRecord) stored = objective_by_reference (fixture, aims_record_get_reference (objective));
  AimsObjectiveCard *card = card_for (fixture, stored);
  AimsObjectiveStatus status;
  g_autofree char *latest = NULL;
  g_autofree char *sparkline = NULL;
  gint64 n_values;
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, aims_record_get_id (stored));

  compute_other (fixture, stored, &status);
  latest = status.has_latest ? aims_objective_format_value (stored, status.latest) : NULL;
  g_assert_cmpint (aims_objective_card_get_state (card), ==, status.state);
  g_assert_cmpstr (aims_objective_card_get_state_text (card), ==, aims_objective_state_label (status.state));
  g_assert_cmpstr (aims_objective_card_get_value_text (card), ==, latest);

  n_values = sql_int (fixture, "SELECT count(*) FROM measurement WHERE objective_id = ?1", id);
  if (n_values > 0)
    sparkline = g_strdup_printf ("Sparkline: %" G_GINT64_FORMAT " measurement%s, latest %s",
                                 n_values, n_values == 1 ? "" : "s", latest);
  else
    sparkline = g_strdup ("Sparkline: no measurements yet");
  assert_accessible_label (aims_objective_card_get_sparkline (card), sparkline);
}

/* ── Fixture ─────────────────────────────────────────────────────────── */

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  if (!have_display)
    return;

  gui_test_page_open (&fixture->base, "objectives");

  fixture->page = AIMS_OBJECTIVES_PAGE (aims_objectives_page_new (fixture->base.context));
  gui_test_page_show (&fixture->base, GTK_WIDGET (fixture->page));
  settle ();
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  gui_test_page_close (&fixture->base);
}

/* ── Tests ───────────────────────────────────────────────────────────── */

/* One card per objective of the demo, each with the status, the value and
 * the sparkline the core's computation gives; the demo's states vary. */
static void
test_cards (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GPtrArray) objectives = NULL;
  g_autoptr(GPtrArray) cards = NULL;
  g_autoptr(GError) error = NULL;
  guint seen[AIMS_OBJECTIVE_N_STATES] = { 0 };
  guint distinct = 0;

  SKIP_WITHOUT_DISPLAY ();

  objectives = aims_store_list (fixture->base.other, aims_entity_objectives (), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (objectives->len, ==, sql_int (fixture, "SELECT count(*) FROM objective", NULL));
  g_assert_cmpuint (objectives->len, >=, 4);
  cards = aims_objectives_page_get_cards (fixture->page);
  g_assert_cmpuint (cards->len, ==, objectives->len);
  g_assert_cmpuint (aims_objectives_page_get_n_shown (fixture->page), ==, objectives->len);

  for (guint k = 0; k < objectives->len; k++)
    {
      AimsObjectiveStatus status;

      assert_card_matches (fixture, objectives->pdata[k]);
      compute_other (fixture, objectives->pdata[k], &status);
      distinct += seen[status.state]++ == 0;
    }
  g_assert_cmpuint (distinct, >=, 4);

  /* The cards go in the order of their references. */
  for (guint k = 1; k < cards->len; k++)
    g_assert_cmpint (aims_objective_card_get_id (cards->pdata[k - 1]), <,
                     aims_objective_card_get_id (cards->pdata[k]));
}

/* "state=KEY", what a dashboard tile opens: only the cards of that status,
 * as many as the core counts; anything else shows them all again. */
static void
test_filter (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GPtrArray) objectives = NULL;
  g_autoptr(GPtrArray) cards = aims_objectives_page_get_cards (fixture->page);
  g_autoptr(GError) error = NULL;
  guint counts[AIMS_OBJECTIVE_N_STATES] = { 0 };

  SKIP_WITHOUT_DISPLAY ();

  objectives = aims_store_list (fixture->base.other, aims_entity_objectives (), &error);
  g_assert_no_error (error);
  for (guint k = 0; k < objectives->len; k++)
    {
      AimsObjectiveStatus status;

      compute_other (fixture, objectives->pdata[k], &status);
      counts[status.state]++;
    }

  /* A search typed before is cleared by the filter. */
  gtk_editable_set_text (GTK_EDITABLE (gtk_widget_get_template_child (GTK_WIDGET (fixture->page),
                                                                      AIMS_TYPE_OBJECTIVES_PAGE,
                                                                      "search_entry")), "zzz");
  settle ();
  for (AimsObjectiveState s = 0; s < AIMS_OBJECTIVE_N_STATES; s++)
    {
      g_autofree char *filter = g_strdup_printf ("state=%s", aims_objective_state_key (s));
      guint shown = 0;

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "page.filter", "s", filter));
      settle ();
      g_assert_cmpuint (aims_objectives_page_get_n_shown (fixture->page), ==, counts[s]);
      for (guint k = 0; k < cards->len; k++)
        {
          gboolean visible = gtk_widget_get_child_visible (gtk_widget_get_parent (cards->pdata[k]));

          g_assert_cmpint (aims_objectives_page_card_shown (fixture->page, cards->pdata[k]), ==, visible);
          g_assert_cmpint (visible, ==, aims_objective_card_get_state (cards->pdata[k]) == s);
          shown += visible;
        }
      g_assert_cmpuint (shown, ==, counts[s]);
    }

  /* From an open objective, the filter goes back to the cards. */
  g_assert_true (aims_objectives_page_open (fixture->page, aims_objective_card_get_id (cards->pdata[0])));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "page.filter", "s", "owner=1"));
  settle ();
  g_assert_false (aims_objectives_page_is_open (fixture->page));
  g_assert_cmpuint (aims_objectives_page_get_n_shown (fixture->page), ==, objectives->len);
}

/* A value entered on the detail is stored, audited, and the card shows it
 * with the status it now has. */
static void
test_enter_measurement (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(AimsRecord) objective = objective_by_reference (fixture, "OBJ-001");
  g_autoptr(AimsRecord) added = NULL;
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, aims_record_get_id (objective));
  g_autofree char *today = day_from_today (0);
  g_autofree char *stored = NULL;
  g_autofree char *chart = NULL;
  AimsObjectiveDetail *detail;
  AimsMeasurementEntry *entry;
  AimsObjectiveCard *card;
  AimsObjectiveKpi kpi;
  gint64 audit;

  SKIP_WITHOUT_DISPLAY ();

  /* OBJ-001 is at risk; its target would put it on track. */
  card = card_for (fixture, objective);
  g_assert_cmpint (aims_objective_card_get_state (card), ==, AIMS_OBJECTIVE_AT_RISK);
  aims_objective_kpi_from_record (objective, &kpi);
  g_assert_true (kpi.has_target);
  g_assert_cmpint (aims_objective_level_for_value (&kpi, kpi.target), ==, AIMS_OBJECTIVE_ON_TRACK);
  g_assert_cmpint (sql_int (fixture, "SELECT count(*) FROM measurement WHERE objective_id = ?1 "
                                     "AND measured_on = date('now', 'localtime')", id), ==, 0);
  audit = sql_int (fixture, "SELECT count(*) FROM audit_log", NULL);

  detail = open_card (fixture, objective);
  entry = aims_objective_detail_get_entry (detail);
  /* Today is offered; the value is typed as a person would. */
  g_assert_cmpstr (gtk_editable_get_text (aims_measurement_entry_get_date_field (entry)), ==, today);
  gtk_editable_set_text (aims_measurement_entry_get_value_field (entry), "100");
  gtk_editable_set_text (aims_measurement_entry_get_note_field (entry), "All assessments approved");
  gui_test_click (GTK_WIDGET (entry), "_Add");
  settle ();
  g_assert_null (aims_measurement_entry_get_error (entry));

  stored = sql_text (fixture, "SELECT value || '|' || note FROM measurement WHERE objective_id = ?1 "
                              "ORDER BY measured_on DESC, id DESC LIMIT 1", id);
  g_assert_cmpstr (stored, ==, "100.0|All assessments approved");
  g_assert_cmpint (sql_int (fixture, "SELECT count(*) FROM audit_log", NULL), ==, audit + 1);
  g_assert_cmpint (sql_int (fixture, "SELECT count(*) FROM audit_log WHERE entity = 'measurement' "
                                     "AND action = 'insert' AND after_json LIKE '%All assessments approved%'",
                           NULL), ==, 1);

  /* The card and the chart follow. */
  g_assert_cmpstr (aims_objective_card_get_value_text (card), ==, "100 %");
  g_assert_cmpint (aims_objective_card_get_state (card), ==, AIMS_OBJECTIVE_ON_TRACK);
  assert_card_matches (fixture, objective);
  chart = g_strdup_printf ("Chart: %" G_GINT64_FORMAT " measurements, latest 100 %%",
                           sql_int (fixture, "SELECT count(*) FROM measurement WHERE objective_id = ?1", id));
  assert_accessible_label (aims_objective_detail_get_chart (detail), chart);
  /* The fields are cleared for the next value; today stays offered. */
  g_assert_cmpstr (gtk_editable_get_text (aims_measurement_entry_get_value_field (entry)), ==, "");
  g_assert_cmpstr (gtk_editable_get_text (aims_measurement_entry_get_date_field (entry)), ==, today);

  /* Back to the cards: the one opened is there, on track. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "page.show-cards", NULL));
  settle ();
  g_assert_false (aims_objectives_page_is_open (fixture->page));
  g_assert_cmpint (aims_objective_card_get_state (card), ==, AIMS_OBJECTIVE_ON_TRACK);
}

/* Refuses text with the reason under the line, the field marked, and
 * nothing changed in the file. */
static void
assert_refused (Fixture              *fixture,
                AimsMeasurementEntry *entry,
                const char           *day,
                const char           *value,
                const char           *reason,
                GtkEditable          *marked)
{
  g_autofree char *before = snapshot (fixture);
  g_autofree char *after = NULL;
  const char *error;

  gtk_editable_set_text (aims_measurement_entry_get_date_field (entry), day);
  gtk_editable_set_text (aims_measurement_entry_get_value_field (entry), value);
  gui_test_click (GTK_WIDGET (entry), "_Add");
  settle ();

  error = aims_measurement_entry_get_error (entry);
  if (error == NULL || strstr (error, reason) == NULL)
    g_error ("“%s” on %s: refused with “%s”, not a message saying “%s”", value, day, error, reason);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (marked), "error"));
  /* What was typed stays, to be corrected. */
  g_assert_cmpstr (gtk_editable_get_text (aims_measurement_entry_get_value_field (entry)), ==, value);
  after = snapshot (fixture);
  g_assert_cmpstr (after, ==, before);
}

static void
test_refused (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(AimsRecord) objective = objective_by_reference (fixture, "OBJ-002");
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, aims_record_get_id (objective));
  g_autofree char *today = day_from_today (0);
  g_autofree char *tomorrow = day_from_today (1);
  g_autofree char *latest_day = NULL;
  g_autofree char *value_before = NULL;
  AimsObjectiveDetail *detail;
  AimsMeasurementEntry *entry;
  AimsObjectiveCard *card;
  AimsObjectiveState state_before;

  SKIP_WITHOUT_DISPLAY ();

  card = card_for (fixture, objective);
  value_before = g_strdup (aims_objective_card_get_value_text (card));
  state_before = aims_objective_card_get_state (card);
  latest_day = sql_text (fixture, "SELECT max(measured_on) FROM measurement WHERE objective_id = ?1", id);
  detail = open_card (fixture, objective);
  entry = aims_objective_detail_get_entry (detail);

  assert_refused (fixture, entry, today, "twelve", "not a number",
                  aims_measurement_entry_get_value_field (entry));
  assert_refused (fixture, entry, today, "", "enter a number",
                  aims_measurement_entry_get_value_field (entry));
  assert_refused (fixture, entry, tomorrow, "9", "in the future",
                  aims_measurement_entry_get_date_field (entry));
  assert_refused (fixture, entry, "2026-02-30", "9", "2026-02-30",
                  aims_measurement_entry_get_date_field (entry));
  assert_refused (fixture, entry, latest_day, "9", "correct that one instead",
                  aims_measurement_entry_get_date_field (entry));

  /* Typing again clears the mark; the card never moved. */
  gtk_editable_set_text (aims_measurement_entry_get_value_field (entry), "8");
  g_assert_null (aims_measurement_entry_get_error (entry));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (aims_measurement_entry_get_date_field (entry)), "error"));
  g_assert_cmpstr (aims_objective_card_get_value_text (card), ==, value_before);
  g_assert_cmpint (aims_objective_card_get_state (card), ==, state_before);
}

static AimsRecord *
shown_measurement (AimsObjectiveDetail *detail)
{
  AimsRecord *shown = aims_record_editor_get_record (aims_record_list_get_editor (
                        aims_objective_detail_get_measurements (detail)));

  g_assert_nonnull (shown);
  return shown;
}

static AimsConflictDialog *
find_conflict_dialog (void)
{
  return gui_test_find_toplevel (AIMS_TYPE_CONFLICT_DIALOG, G_TYPE_INVALID);
}

static gboolean
conflict_dialog_shown (gpointer data)
{
  return find_conflict_dialog () != NULL;
}

static void
type_value (AimsObjectiveDetail *detail,
            const char          *text)
{
  AimsRecordEditor *editor = aims_record_list_get_editor (aims_objective_detail_get_measurements (detail));
  GtkWidget *row = aims_record_editor_get_field_row (editor, "value");

  gtk_editable_set_text (GTK_EDITABLE (row), text);
  g_signal_emit_by_name (row, "entry-activated");
  settle ();
}

/* The table lists the objective's measurements, newest first; correcting
 * one writes an audited update; a correction made meanwhile by another
 * user is not overwritten but shown. */
static void
test_correct (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(AimsRecord) objective = objective_by_reference (fixture, "OBJ-001");
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, aims_record_get_id (objective));
  g_autofree char *latest_reference = NULL;
  g_autofree char *measurement_id = NULL;
  g_autofree char *after = NULL;
  g_autofree char *actor = NULL;
  g_autoptr(GHashTable) changes = NULL;
  g_autoptr(AimsRecord) theirs = NULL;
  g_autoptr(GError) error = NULL;
  AimsObjectiveDetail *detail;
  AimsRecordList *list;
  AimsRecord *shown;
  gint64 version;

  SKIP_WITHOUT_DISPLAY ();

  detail = open_card (fixture, objective);
  list = aims_objective_detail_get_measurements (detail);
  g_assert_cmpuint (aims_record_list_get_n_shown (list), ==,
                    sql_int (fixture, "SELECT count(*) FROM measurement WHERE objective_id = ?1", id));
  latest_reference = sql_text (fixture, "SELECT reference FROM measurement WHERE objective_id = ?1 "
                                        "ORDER BY measured_on DESC LIMIT 1", id);
  shown = shown_measurement (detail);
  g_assert_cmpstr (aims_record_get_reference (shown), ==, latest_reference);
  measurement_id = g_strdup_printf ("%" G_GINT64_FORMAT, aims_record_get_id (shown));
  version = aims_record_get_row_version (shown);

  type_value (detail, "87.5");
  g_assert_cmpint (sql_int (fixture, "SELECT value * 10 FROM measurement WHERE id = ?1", measurement_id), ==, 875);
  g_assert_cmpint (sql_int (fixture, "SELECT row_version FROM measurement WHERE id = ?1", measurement_id), ==,
                   version + 1);
  after = sql_text (fixture, "SELECT after_json FROM audit_log WHERE entity = 'measurement' AND action = 'update' "
                             "AND entity_id = ?1 ORDER BY id DESC LIMIT 1", measurement_id);
  g_assert_nonnull (strstr (after, "87.5"));
  actor = sql_text (fixture, "SELECT actor FROM audit_log ORDER BY id DESC LIMIT 1", NULL);
  g_assert_cmpstr (actor, ==, "Test User");
  g_assert_cmpstr (aims_objective_card_get_value_text (card_for (fixture, objective)), ==, "87.5 %");

  /* Another user corrects the same value; this one, not having seen it,
   * types another: nothing is overwritten, both are shown. */
  changes = g_hash_table_new (g_str_hash, g_str_equal);
  g_hash_table_insert (changes, (gpointer) "value", (gpointer) "88");
  /* (The editor holds the record as written now: shown is gone.) */
  theirs = aims_store_update (fixture->base.other, aims_entity_measurements (),
                              g_ascii_strtoll (measurement_id, NULL, 10), -1,
                              changes, "Another User", &error);
  g_assert_no_error (error);
  gtk_editable_set_text (GTK_EDITABLE (aims_record_editor_get_field_row (aims_record_list_get_editor (list), "value")),
                         "86");
  g_signal_emit_by_name (aims_record_editor_get_field_row (aims_record_list_get_editor (list), "value"),
                         "entry-activated");
  gui_test_iterate_until (conflict_dialog_shown, NULL);
  g_assert_cmpint (sql_int (fixture, "SELECT value FROM measurement WHERE id = ?1", measurement_id), ==, 88);
  g_assert_cmpstr (aims_record_get (aims_conflict_dialog_get_theirs (find_conflict_dialog ()), "value"), ==, "88");
  g_assert_cmpstr (aims_record_get (aims_conflict_dialog_get_mine (find_conflict_dialog ()), "value"), ==, "86");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (find_conflict_dialog ()), "theirs");
  settle ();
  g_assert_null (find_conflict_dialog ());
  g_assert_cmpint (sql_int (fixture, "SELECT value FROM measurement WHERE id = ?1", measurement_id), ==, 88);
}

/* The objective's own fields: a number refused with the reason and not
 * written; a target saved moves the card; the AI systems linked, audited. */
static void
test_objective_fields (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(AimsRecord) objective = objective_by_reference (fixture, "OBJ-003");
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, aims_record_get_id (objective));
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *system_text = NULL;
  g_autofree char *system_name = NULL;
  g_autoptr(GError) error = NULL;
  AimsObjectiveDetail *detail;
  AimsRecordEditor *editor;
  GtkWidget *target, *threshold, *systems;
  gint64 system_id, links;

  SKIP_WITHOUT_DISPLAY ();

  detail = open_card (fixture, objective);
  aims_objective_detail_edit_field (detail, "target");
  settle ();
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (aims_objective_detail_get_view_stack (detail)), ==,
                   "objective");
  editor = aims_objective_detail_get_editor (detail);
  target = aims_record_editor_get_field_row (editor, "target");
  g_assert_true (ADW_IS_ENTRY_ROW (target));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (target)), ==, aims_record_get (objective, "target"));

  before = snapshot (fixture);
  gtk_editable_set_text (GTK_EDITABLE (target), "a lot");
  g_signal_emit_by_name (target, "entry-activated");
  settle ();
  g_assert_true (gtk_widget_has_css_class (target, "error"));
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (target), "not a number"));
  after = snapshot (fixture);
  g_assert_cmpstr (after, ==, before);

  /* A target on the wrong side of the at-risk threshold (75): refused
   * with the rule's reason, nothing written. */
  gtk_editable_set_text (GTK_EDITABLE (target), "50");
  g_signal_emit_by_name (target, "entry-activated");
  settle ();
  g_assert_true (gtk_widget_has_css_class (target, "error"));
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (target), "must be below the target 50"));
  g_free (after);
  after = snapshot (fixture);
  g_assert_cmpstr (after, ==, before);

  /* The threshold lowered first, the target then holds: reached already,
   * the card says on track. */
  threshold = aims_record_editor_get_field_row (editor, "at_risk_threshold");
  gtk_editable_set_text (GTK_EDITABLE (threshold), "40");
  g_signal_emit_by_name (threshold, "entry-activated");
  settle ();
  g_assert_false (gtk_widget_has_css_class (threshold, "error"));
  g_signal_emit_by_name (target, "entry-activated");
  settle ();
  g_assert_false (gtk_widget_has_css_class (target, "error"));
  g_assert_cmpint (sql_int (fixture, "SELECT target FROM objective WHERE id = ?1", id), ==, 50);
  assert_card_matches (fixture, objective);
  g_assert_cmpint (aims_objective_card_get_state (card_for (fixture, objective)), ==, AIMS_OBJECTIVE_ON_TRACK);

  /* An AI system linked, as its check box does. */
  systems = aims_objective_detail_get_systems_row (detail);
  system_id = sql_int (fixture, "SELECT min(id) FROM ai_system WHERE id NOT IN "
                                "(SELECT ai_system_id FROM objective_system WHERE objective_id = ?1)", id);
  links = sql_int (fixture, "SELECT count(*) FROM objective_system WHERE objective_id = ?1", id);
  system_text = g_strdup_printf ("%" G_GINT64_FORMAT, system_id);
  g_assert_true (aims_objective_systems_row_set_linked (AIMS_OBJECTIVE_SYSTEMS_ROW (systems), system_id, TRUE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sql_int (fixture, "SELECT count(*) FROM objective_system WHERE objective_id = ?1", id), ==,
                   links + 1);
  g_assert_cmpint (sql_int (fixture, "SELECT count(*) FROM audit_log WHERE entity = 'objective' "
                                     "AND action = 'link_systems' AND entity_id = ?1", id), >=, 1);
  system_name = sql_text (fixture, "SELECT name FROM ai_system WHERE id = ?1", system_text);
  g_assert_nonnull (strstr (aims_objective_systems_row_get_summary (AIMS_OBJECTIVE_SYSTEMS_ROW (systems)),
                            system_name));
  g_assert_true (aims_objective_systems_row_set_linked (AIMS_OBJECTIVE_SYSTEMS_ROW (systems), system_id, FALSE, &error));
  g_assert_cmpint (sql_int (fixture, "SELECT count(*) FROM objective_system WHERE objective_id = ?1", id), ==, links);
}

/* Add Objective: stored, a card for it, opened on its fields. */
static void
test_add (Fixture       *fixture,
          gconstpointer  data)
{
  g_autoptr(GPtrArray) cards = NULL;
  gint64 before;
  g_autofree char *reference = NULL;
  AimsObjectiveDetail *detail;
  AimsRecord *shown;

  SKIP_WITHOUT_DISPLAY ();

  before = sql_int (fixture, "SELECT count(*) FROM objective", NULL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "page.add", NULL));
  settle ();
  g_assert_cmpint (sql_int (fixture, "SELECT count(*) FROM objective", NULL), ==, before + 1);
  reference = sql_text (fixture, "SELECT reference FROM objective ORDER BY id DESC LIMIT 1", NULL);

  detail = aims_objectives_page_get_detail (fixture->page);
  g_assert_true (aims_objectives_page_is_open (fixture->page));
  shown = aims_objective_detail_get_objective (detail);
  g_assert_cmpstr (aims_record_get_reference (shown), ==, reference);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (aims_objective_detail_get_view_stack (detail)), ==,
                   "objective");
  cards = aims_objectives_page_get_cards (fixture->page);
  g_assert_cmpuint (cards->len, ==, before + 1);
  g_assert_cmpint (aims_objective_card_get_state (aims_objectives_page_get_card (fixture->page,
                                                                                 aims_record_get_id (shown))),
                   ==, AIMS_OBJECTIVE_NOT_MEASURED);
}

int
main (int   argc,
      char *argv[])
{
  have_display = gui_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/objectives-page/cards", test_cards);
  ADD ("/objectives-page/filter", test_filter);
  ADD ("/objectives-page/enter-measurement", test_enter_measurement);
  ADD ("/objectives-page/refused", test_refused);
  ADD ("/objectives-page/correct", test_correct);
  ADD ("/objectives-page/objective-fields", test_objective_fields);
  ADD ("/objectives-page/add", test_add);

  return g_test_run ();
}
