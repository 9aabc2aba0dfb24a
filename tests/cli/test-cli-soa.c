/* test-cli-soa.c — aimsctl on the Statement of Applicability: list and
 * update controls and clauses, link and unlink risks, check-soa
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "cli-runner.h"

/* Reads CSV with Python's csv module: the number of records, the header,
 * then "reference soa_status" a line. */
static const char controls_script[] =
  "import csv, sys\n"
  "rows = list(csv.DictReader(sys.stdin))\n"
  "print(len(rows))\n"
  "print(','.join(rows[0].keys()))\n"
  "for r in rows:\n"
  "    print(r['reference'], r['soa_status'])\n";

/* The references of Annex A in order (tests/core/test-soa.c holds their titles). */
static const char annex_a_order[] =
  "A.2.2 A.2.3 A.2.4 A.3.2 A.3.3 A.4.2 A.4.3 A.4.4 A.4.5 A.4.6 A.5.2 A.5.3 A.5.4 A.5.5 "
  "A.6.1.2 A.6.1.3 A.6.2.2 A.6.2.3 A.6.2.4 A.6.2.5 A.6.2.6 A.6.2.7 A.6.2.8 A.7.2 A.7.3 "
  "A.7.4 A.7.5 A.7.6 A.8.2 A.8.3 A.8.4 A.8.5 A.9.2 A.9.3 A.9.4 A.10.2 A.10.3 A.10.4";

/* The done-when of the issue: the 38 controls with their SoA status. */
static void
test_list_controls_csv (void)
{
  g_autofree char *db = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *parsed = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GString) order = g_string_new (NULL);
  g_autoptr(GHashTable) statuses = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if ((db = cli_new_demo_for_python ("demo.db")) == NULL)
    return;
  csv = cli_list ("controls", db, "csv");
  parsed = cli_python (controls_script, csv);
  lines = g_strsplit (parsed, "\n", -1);

  g_assert_cmpstr (lines[0], ==, "38");
  g_assert_cmpstr (lines[1], ==,
                   "id,row_version,reference,created_at,created_by,updated_at,updated_by,"
                   "title,group_ref,guidance,applicable,justification,implementation_status,owner_id,"
                   "evidence,review_date,soa_status,linked_risks,"
                   "group_ref_label,applicable_label,implementation_status_label,owner_name,soa_status_label");
  for (guint i = 2; i < 40; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], " ", 2);

      g_string_append_printf (order, "%s%s", order->len > 0 ? " " : "", fields[0]);
      g_hash_table_add (statuses, g_strdup (fields[1]));
    }
  g_assert_cmpstr (order->str, ==, annex_a_order);
  /* A SoA in progress: every kind of standing is there. */
  for (guint i = 0; i < 6; i++)
    {
      const char *status[] = { "undecided", "excluded", "not_started", "planned", "partial", "implemented" };

      if (!g_hash_table_contains (statuses, status[i]))
        g_error ("no control is %s", status[i]);
    }

  cli_assert_csv_value (csv, "A.2.2", "soa_status", "implemented");
  cli_assert_csv_value (csv, "A.2.2", "soa_status_label", "Implemented");
  cli_assert_csv_value (csv, "A.2.2", "applicable", "yes");
  cli_assert_csv_value (csv, "A.2.2", "owner_name", "Margit Ellison");
  cli_assert_csv_value (csv, "A.10.4", "soa_status", "excluded");
  cli_assert_csv_value (csv, "A.10.4", "applicable_label", "Excluded");
  cli_assert_csv_value (csv, "A.7.6", "soa_status", "undecided");
  cli_assert_csv_value (csv, "A.7.6", "applicable", "");
  cli_assert_csv_value (csv, "A.6.2.7", "owner_id", "");
  cli_assert_csv_value (csv, "A.6.2.4", "group_ref_label", "A.6 AI system life cycle");
}

static void
test_list_controls_table (void)
{
  g_autofree char *db = cli_new_demo ("demo.db");
  g_autofree char *table = cli_list ("controls", db, "table");
  g_autofree char *clauses = cli_list ("clauses", db, "table");

  g_assert_true (g_str_has_prefix (table, "Reference"));
  g_assert_nonnull (strstr (table, "SoA status"));
  g_assert_nonnull (strstr (table, "Linked risks"));
  g_assert_nonnull (strstr (table, "A.10.4"));
  g_assert_nonnull (strstr (table, "Not decided"));
  g_assert_nonnull (strstr (table, "Margit Ellison"));
  g_assert_nonnull (strstr (clauses, "6.1.3"));
  g_assert_nonnull (strstr (clauses, "In place"));
}

static void
assert_output (const CliResult *result,
               const char      *expected)
{
  cli_assert_status (result, 0);
  g_assert_cmpstr (result->out, ==, expected);
}

/* Update by reference or id; a refusal says why and changes nothing. */
static void
test_update_controls (void)
{
  g_autofree char *db = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *csv = NULL;
  g_auto(CliResult) decided = { 0 };
  g_auto(CliResult) by_id = { 0 };
  g_auto(CliResult) no_reason = { 0 };
  g_auto(CliResult) no_evidence = { 0 };
  g_auto(CliResult) title = { 0 };
  g_auto(CliResult) added = { 0 };

  if ((db = cli_new_demo_for_python ("demo.db")) == NULL)
    return;

  cli_run (&decided, "update", "controls", db, "A.7.6", "--set", "applicable=Applicable",
           "--set", "justification=Our models are trained on prepared data",
           "--set", "owner_id=Priya Raman", "--set", "implementation_status=planned", NULL);
  assert_output (&decided, "A.7.6 row_version=2\n");
  cli_run (&by_id, "update", "controls", db, "28", "--set", "review_date=2026-01-31", NULL);
  assert_output (&by_id, "A.7.6 row_version=3\n");

  before = cli_list ("controls", db, "csv");
  cli_assert_csv_value (before, "A.7.6", "soa_status", "planned");
  cli_assert_csv_value (before, "A.7.6", "owner_name", "Priya Raman");
  cli_assert_csv_value (before, "A.7.6", "updated_by", CLI_TEST_AUTHOR);

  cli_run (&no_reason, "update", "controls", db, "A.8.5", "--set", "applicable=no", NULL);
  cli_assert_failed (&no_reason, 1, "Justification");
  cli_run (&no_evidence, "update", "controls", db, "A.4.5", "--set", "implementation_status=implemented", NULL);
  cli_assert_failed (&no_evidence, 1, "Evidence");
  cli_run (&title, "update", "controls", db, "A.4.5", "--set", "title=Computing", NULL);
  cli_assert_failed (&title, 1, "Control");
  cli_run (&added, "add", "controls", db, "--set", "applicable=yes", NULL);
  cli_assert_failed (&added, 1, "fixed catalogue");

  after = cli_list ("controls", db, "csv");
  g_assert_cmpstr (after, ==, before);
}

/* The reference of the demo's risk with this title, read from CSV. */
static char *
risk_reference (const char *db,
                const char *title)
{
  g_autofree char *csv = cli_list ("risks", db, "csv");
  g_autofree char *script = g_strdup_printf ("import csv, sys\n"
                                             "print(next(r['reference'] for r in csv.DictReader(sys.stdin)"
                                             " if r['title'] == '%s'), end='')\n", title);

  return cli_python (script, csv);
}

/* A control that risks rely on is not excluded until the links are gone;
 * link and unlink print what the risk relies on then. */
static void
test_links_and_exclusion (void)
{
  g_autofree char *db = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *drift = NULL;
  g_autofree char *fast_track = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *relying = NULL;
  g_auto(GStrv) risks = NULL;
  g_auto(CliResult) refused = { 0 };
  g_auto(CliResult) linked = { 0 };
  g_auto(CliResult) to_excluded = { 0 };
  g_auto(CliResult) excluded = { 0 };
  g_auto(CliResult) missing = { 0 };

  if ((db = cli_new_demo_for_python ("demo.db")) == NULL)
    return;
  drift = risk_reference (db, "Score drifts after interest-rate changes");
  fast_track = risk_reference (db, "Fraudulent claims routed to fast-track payment");

  cli_run (&linked, "link", db, fast_track, "A.6.2.4", "A.10.3", NULL);
  expected = g_strdup_printf ("%s A.6.2.4 A.10.3\n", fast_track);
  assert_output (&linked, expected);

  /* A.10.4 is excluded in the demo. */
  cli_run (&to_excluded, "link", db, drift, "A.10.4", NULL);
  cli_assert_failed (&to_excluded, 1, "A.10.4");

  cli_run (&refused, "update", "controls", db, "A.6.2.4", "--set", "applicable=no",
           "--set", "justification=We validate nothing", NULL);
  cli_assert_failed (&refused, 1, drift);
  g_assert_nonnull (strstr (refused.err, "Score drifts after interest-rate changes"));

  csv = cli_list ("controls", db, "csv");
  relying = cli_csv_value (csv, "A.6.2.4", "linked_risks");
  risks = g_strsplit (relying, " ", -1);
  g_assert_cmpuint (g_strv_length (risks), >=, 2);
  for (guint i = 0; risks[i] != NULL; i++)
    {
      g_auto(CliResult) unlinked = { 0 };

      cli_run (&unlinked, "unlink", db, risks[i], "A.6.2.4", NULL);
      cli_assert_status (&unlinked, 0);
      g_assert_true (g_str_has_prefix (unlinked.out, risks[i]));
      g_assert_null (strstr (unlinked.out, "A.6.2.4"));
    }

  cli_run (&excluded, "update", "controls", db, "A.6.2.4", "--set", "applicable=no",
           "--set", "justification=We validate nothing", NULL);
  assert_output (&excluded, "A.6.2.4 row_version=3\n");

  cli_run (&missing, "link", db, "RSK-999", "A.2.2", NULL);
  cli_assert_failed (&missing, 1, "RSK-999");
}

static void
test_clauses (void)
{
  g_autofree char *db = NULL;
  g_autofree char *csv = NULL;
  g_auto(CliResult) updated = { 0 };
  g_auto(CliResult) cleared = { 0 };

  if ((db = cli_new_demo_for_python ("demo.db")) == NULL)
    return;
  cli_run (&updated, "update", "clauses", db, "9.2.1", "--set", "status=In place",
           "--set", "evidence=Internal audit report IA-2026-01", NULL);
  assert_output (&updated, "9.2.1 row_version=2\n");
  cli_run (&cleared, "update", "clauses", db, "9.2.1", "--set", "status=", NULL);
  cli_assert_failed (&cleared, 1, "Status");

  csv = cli_list ("clauses", db, "csv");
  cli_assert_csv_value (csv, "9.2.1", "status", "in_place");
  cli_assert_csv_value (csv, "9.2.1", "status_label", "In place");
  cli_assert_csv_value (csv, "9.2.1", "clause_label", "9 Performance evaluation");
  cli_assert_csv_value (csv, "4.1", "title", "Context and our role in AI");
}

static const char findings_script[] =
  "import json, sys\n"
  "findings = json.load(sys.stdin)\n"
  "assert all(list(f) == ['kind', 'reference', 'message'] for f in findings)\n"
  "kinds = sorted(set(f['kind'] for f in findings))\n"
  "print(' '.join(kinds))\n";

/* The demo's gaps: exit 1 with one line on stderr; the findings for people
 * and for scripts; none once closed. */
static void
test_check_soa (void)
{
  g_autofree char *db = NULL;
  g_autofree char *kinds = NULL;
  g_auto(CliResult) table = { 0 };
  g_auto(CliResult) json = { 0 };
  g_auto(CliResult) usage = { 0 };

  if ((db = cli_new_demo_for_python ("demo.db")) == NULL)
    return;
  cli_run (&table, "check-soa", db, NULL);
  cli_assert_failed (&table, 1, "findings");
  g_assert_nonnull (strstr (table.out, "A.6 AI system life cycle: "));
  g_assert_nonnull (strstr (table.out, "6 Planning: "));
  g_assert_nonnull (strstr (table.out, "no_owner"));
  g_assert_nonnull (strstr (table.out, "A.6.2.7"));
  g_assert_nonnull (strstr (table.out, "evidence_stale"));

  cli_run (&json, "check-soa", db, "--format", "json", NULL);
  cli_assert_status (&json, 1);
  kinds = cli_python (findings_script, json.out);
  g_assert_cmpstr (kinds, ==, "clause_gap evidence_stale no_owner risk_without_control undecided\n");

  cli_run (&usage, "check-soa", db, "--format", "xml", NULL);
  cli_assert_status (&usage, 2);
}

int
main (int    argc,
      char **argv)
{
  cli_test_init (&argc, &argv);

  g_test_add_func ("/cli/soa/list-controls-csv", test_list_controls_csv);
  g_test_add_func ("/cli/soa/list-controls-table", test_list_controls_table);
  g_test_add_func ("/cli/soa/update-controls", test_update_controls);
  g_test_add_func ("/cli/soa/links-and-exclusion", test_links_and_exclusion);
  g_test_add_func ("/cli/soa/clauses", test_clauses);
  g_test_add_func ("/cli/soa/check-soa", test_check_soa);

  return g_test_run ();
}
