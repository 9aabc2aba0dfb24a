/* test-cli-objectives.c — aimsctl list objectives with their status, add
 * and correct measurements, refusals, export chart
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "cli-runner.h"

/* The demo's objectives, in the order of demo-objectives.ini. */
#define AT_RISK      "OBJ-001"
#define ON_TRACK     "OBJ-002"  /* lower is better, days */
#define OFF_TRACK    "OBJ-003"
#define OVERDUE      "OBJ-004"
#define NOT_MEASURED "OBJ-006"

static const char json_script[] =
  "import json, sys\n"
  "records = json.load(sys.stdin)\n"
  "states = {}\n"
  "for r in records:\n"
  "    assert list(r)[:3] == ['id', 'row_version', 'reference']\n"
  "    for number in ('baseline', 'target', 'at_risk_threshold', 'latest_value'):\n"
  "        assert r[number] is None or isinstance(r[number], (int, float)), number\n"
  "    assert isinstance(r['days_overdue'], int)\n"
  "    states[r['reference']] = r['status']\n"
  "print(' '.join(states[k] for k in sorted(states)))\n";

static void
test_list (void)
{
  g_autofree char *db = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *json = NULL;
  g_autofree char *states = NULL;
  g_autofree char *table = NULL;
  g_autofree char *header = NULL;

  if ((db = cli_new_demo_for_python ("demo.db")) == NULL)
    return;
  csv = cli_list ("objectives", db, "csv");
  header = g_strndup (csv, strchr (csv, '\n') - csv);
  g_assert_true (g_str_has_suffix (header, ",status,latest_value,latest_on,trend,next_due,days_overdue"));
  cli_assert_csv_value (csv, AT_RISK, "status", "at_risk");
  cli_assert_csv_value (csv, AT_RISK, "latest_value", "89");
  cli_assert_csv_value (csv, AT_RISK, "trend", "up");
  cli_assert_csv_value (csv, AT_RISK, "direction_label", "Higher is better");
  cli_assert_csv_value (csv, ON_TRACK, "status", "on_track");
  cli_assert_csv_value (csv, ON_TRACK, "latest_value", "9.5");
  cli_assert_csv_value (csv, ON_TRACK, "trend", "down");
  cli_assert_csv_value (csv, OFF_TRACK, "status", "off_track");
  cli_assert_csv_value (csv, OVERDUE, "status", "overdue");
  cli_assert_csv_value (csv, NOT_MEASURED, "status", "not_measured");
  cli_assert_csv_value (csv, NOT_MEASURED, "latest_value", "");
  cli_assert_csv_value (csv, NOT_MEASURED, "days_overdue", "0");

  json = cli_list ("objectives", db, "json");
  states = cli_python (json_script, json);
  g_assert_cmpstr (g_strstrip (states), ==, "at_risk on_track off_track overdue on_track not_measured");

  table = cli_list ("objectives", db, "table");
  g_assert_nonnull (strstr (table, "Status"));
  g_assert_nonnull (strstr (table, "Next due"));
  g_assert_nonnull (strstr (table, "Not measured yet"));
  g_assert_nonnull (strstr (table, "9.5 days"));
  g_assert_nonnull (strstr (table, "(overdue)"));
}

/* A value entered, then corrected: the objective's status follows. */
static void
test_add_measurement (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *db = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *corrected = NULL;
  g_autofree char *measured_on = NULL;
  g_auto(CliResult) add = { 0 };
  g_auto(CliResult) update = { 0 };

  if ((db = cli_new_demo_for_python ("demo.db")) == NULL)
    return;
  measured_on = g_strconcat ("measured_on=", today, NULL);
  cli_run (&add, "add", "measurements", db, "--set", "objective=" NOT_MEASURED,
           "--set", measured_on, "--set", "value=40", "--set", "note=First round", NULL);
  cli_assert_status (&add, 0);
  g_assert_true (g_regex_match_simple ("^MEA-[0-9]{3}\n$", add.out, 0, 0));
  g_strstrip (add.out);
  csv = cli_list ("objectives", db, "csv");
  cli_assert_csv_value (csv, NOT_MEASURED, "status", "off_track");
  cli_assert_csv_value (csv, NOT_MEASURED, "latest_on", today);

  cli_run (&update, "update", "measurements", db, add.out, "--set", "value=72.5", "--expect-version", "1", NULL);
  cli_assert_status (&update, 0);
  corrected = cli_list ("objectives", db, "csv");
  cli_assert_csv_value (corrected, NOT_MEASURED, "status", "at_risk");
  cli_assert_csv_value (corrected, NOT_MEASURED, "latest_value", "72.5");
  g_clear_pointer (&csv, g_free);
  csv = cli_list ("measurements", db, "csv");
  cli_assert_csv_value (csv, add.out, "objective_name", "AI suppliers with a completed third-party assessment");
  cli_assert_csv_value (csv, add.out, "row_version", "2");
}

/* Bad input: the reason on one line naming the file, exit 1. */
static void
test_refused (void)
{
  g_autofree char *db = cli_new_demo ("demo.db");
  const char *const cases[][5] = {
    /* entity, three assignments, what the message says */
    { "measurements", "measured_on=2025-01-15", "value=n/a", "objective=" AT_RISK, "not a number" },
    { "measurements", "measured_on=2999-01-01", "value=3", "objective=" AT_RISK, "future" },
    { "measurements", "measured_on=15/01/2025", "value=3", "objective=" AT_RISK, "YYYY-MM-DD" },
    { "measurements", "measured_on=2025-01-15", "value=3", "objective=OBJ-404", "OBJ-404" },
    { "objectives", "baseline=50", "target=50", "title=Refused", "Direction" },
    { "objectives", "target=100", "at_risk_threshold=110", "direction=higher", "below the target" },
    { "objectives", "target=10", "at_risk_threshold=5", "direction=lower", "above the target" },
  };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_auto(CliResult) result = { 0 };

      if (g_str_equal (cases[c][0], "objectives"))
        cli_run (&result, "add", cases[c][0], db, "--set", "title=Refused", "--set", cases[c][1],
                 "--set", cases[c][2], "--set", cases[c][3], NULL);
      else
        cli_run (&result, "add", cases[c][0], db, "--set", cases[c][1],
                 "--set", cases[c][2], "--set", cases[c][3], NULL);
      cli_assert_failed (&result, 1, db);
      if (strstr (result.err, cases[c][4]) == NULL)
        g_error ("“%s” does not say “%s”", result.err, cases[c][4]);
    }
}

/* Refusals leave the file as it was. */
static void
test_refused_unchanged (void)
{
  g_autofree char *db = cli_new_demo ("demo.db");
  g_autoptr(GBytes) before = cli_read_bytes (db);
  g_auto(CliResult) value = { 0 };
  g_auto(CliResult) threshold = { 0 };

  cli_run (&value, "add", "measurements", db, "--set", "objective=" AT_RISK,
           "--set", "measured_on=2025-01-15", "--set", "value=12 %", NULL);
  cli_assert_failed (&value, 1, db);
  cli_run (&threshold, "update", "objectives", db, ON_TRACK, "--set", "at_risk_threshold=5", NULL);
  cli_assert_failed (&threshold, 1, db);
  g_assert_nonnull (strstr (threshold.err, "above the target"));
  cli_assert_unchanged (db, before);
}

static void
test_export_chart (void)
{
  g_autofree char *db = cli_new_demo ("demo.db");
  g_autofree char *png = cli_path ("chart.png");
  g_autofree char *pdf = cli_path ("chart.pdf");
  g_autofree char *jpeg = cli_path ("chart.jpg");
  g_autoptr(GBytes) before = cli_read_bytes (db);
  g_autoptr(GBytes) bytes = NULL;
  g_auto(CliResult) a = { 0 };
  g_auto(CliResult) b = { 0 };
  g_auto(CliResult) missing = { 0 };
  g_auto(CliResult) extension = { 0 };
  g_auto(CliResult) too_few = { 0 };
  g_auto(CliResult) too_many = { 0 };

  cli_run (&a, "export", "chart", db, AT_RISK, png, NULL);
  cli_assert_status (&a, 0);
  bytes = cli_read_bytes (png);
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), 8, "\x89PNG\r\n\x1a\n", 8);
  cli_run (&b, "export", "chart", db, "2", pdf, NULL);
  cli_assert_status (&b, 0);
  g_clear_pointer (&bytes, g_bytes_unref);
  bytes = cli_read_bytes (pdf);
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), 5, "%PDF-", 5);

  cli_run (&missing, "export", "chart", db, "OBJ-404", png, NULL);
  cli_assert_failed (&missing, 1, db);
  g_assert_nonnull (strstr (missing.err, "OBJ-404"));
  cli_run (&extension, "export", "chart", db, AT_RISK, jpeg, NULL);
  cli_assert_status (&extension, 2);
  g_assert_false (g_file_test (jpeg, G_FILE_TEST_EXISTS));
  cli_run (&too_few, "export", "chart", db, png, NULL);
  cli_assert_status (&too_few, 2);
  cli_run (&too_many, "export", "heatmap", db, png, "extra", NULL);
  cli_assert_status (&too_many, 2);

  cli_assert_unchanged (db, before);
}

int
main (int    argc,
      char **argv)
{
  cli_test_init (&argc, &argv);

  g_test_add_func ("/cli/objectives/list", test_list);
  g_test_add_func ("/cli/objectives/add-measurement", test_add_measurement);
  g_test_add_func ("/cli/objectives/refused", test_refused);
  g_test_add_func ("/cli/objectives/refused-unchanged", test_refused_unchanged);
  g_test_add_func ("/cli/objectives/export-chart", test_export_chart);

  return g_test_run ();
}
