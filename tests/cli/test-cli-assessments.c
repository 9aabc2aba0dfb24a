/* test-cli-assessments.c — impact assessments on the command line: list,
 * export assessment (read back with poppler's pdfinfo and pdftotext), and
 * the refusal to change an approved one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "cli-runner.h"

static void
assert_contains (const char *text,
                 const char *expected)
{
  if (strstr (text, expected) == NULL)
    g_error ("“%s” not found in:\n%s", expected, text);
}

static void
test_list (void)
{
  g_autofree char *db = cli_new_demo_for_python ("demo.db");
  g_autofree char *table = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *json = NULL;
  g_autofree char *summary = NULL;

  if (db == NULL)
    return;
  table = cli_list ("assessments", db, "table");
  for (const char *const *h = (const char *const[]) { "Reference", "AI system", "Version", "Status",
                                                      "Overall impact level", "EU AI Act class", "Assessor",
                                                      "Approver", "Approval", "Next reassessment", NULL }; *h; h++)
    assert_contains (table, *h);
  assert_contains (table, "Superseded");
  assert_contains (table, "In review");
  assert_contains (table, "Draft");
  assert_contains (table, "waiting for Samuel Okafor");
  assert_contains (table, "Margit Ellison, ");

  csv = cli_list ("assessments", db, "csv");
  cli_assert_csv_value (csv, "AIA-002", "version", "2");
  cli_assert_csv_value (csv, "AIA-002", "status", "approved");
  cli_assert_csv_value (csv, "AIA-002", "status_label", "Approved");
  cli_assert_csv_value (csv, "AIA-002", "supersedes_id", "1");
  cli_assert_csv_value (csv, "AIA-002", "approved_by", "Margit Ellison");
  cli_assert_csv_value (csv, "AIA-002", "eu_class", "high");
  cli_assert_csv_value (csv, "AIA-002", "ai_system_name", "Consumer credit scoring model");
  cli_assert_csv_value (csv, "AIA-002", "review_overdue", "false");
  cli_assert_csv_value (csv, "AIA-001", "status", "superseded");
  cli_assert_csv_value (csv, "AIA-005", "approved_by", "");

  /* JSON: a record a line, with true booleans and numbers. */
  json = cli_list ("assessments", db, "json");
  summary = cli_python ("import json, sys\n"
                        "rows = json.load(sys.stdin)\n"
                        "print(len(rows), sorted(set(r['status'] for r in rows)),"
                        " all(isinstance(r['review_overdue'], bool) for r in rows),"
                        " all(isinstance(r['version'], int) for r in rows))\n", json);
  g_assert_cmpstr (g_strstrip (summary), ==, "5 ['approved', 'draft', 'in_review', 'superseded'] True True");
}

/* The text of a PDF, and its page count; FALSE (the test skipped) without
 * poppler's tools. */
static gboolean
read_pdf (const char  *path,
          char       **text,
          guint       *pages)
{
  g_auto(CliResult) info = { 0 };
  g_auto(CliResult) out = { 0 };
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autofree char *pdfinfo = g_find_program_in_path ("pdfinfo");
  const char *line;

  if (pdftotext == NULL || pdfinfo == NULL)
    {
      g_test_skip ("poppler-utils is not installed");
      return FALSE;
    }
  cli_spawn (&info, (const char *const[]) { "pdfinfo", path, NULL }, NULL, NULL);
  cli_assert_status (&info, 0);
  line = strstr (info.out, "Pages:");
  g_assert_nonnull (line);
  *pages = (guint) g_ascii_strtoull (line + strlen ("Pages:") + strspn (line + strlen ("Pages:"), " "), NULL, 10);
  cli_spawn (&out, (const char *const[]) { "pdftotext", path, "-", NULL }, NULL, NULL);
  cli_assert_status (&out, 0);
  *text = g_steal_pointer (&out.out);
  return TRUE;
}

static void
test_export (void)
{
  g_autofree char *db = cli_new_demo ("demo.db");
  g_autofree char *approved = cli_path ("approved.pdf");
  g_autofree char *draft = cli_path ("draft.pdf");
  g_autofree char *text = NULL;
  g_autofree char *draft_text = NULL;
  g_autofree char *last_page = NULL;
  g_auto(CliResult) result = { 0 };
  g_auto(CliResult) draft_result = { 0 };
  guint pages = 0, draft_pages = 0;

  cli_run (&result, "export", "assessment", db, "AIA-002", approved, NULL);
  cli_assert_status (&result, 0);
  assert_contains (result.out, "AIA-002");
  if (!read_pdf (approved, &text, &pages))
    return;
  g_assert_cmpuint (pages, >=, 4);
  assert_contains (text, "Impact assessment of Consumer credit");
  assert_contains (text, "AIA-002 · version 2");
  assert_contains (text, "Approved by Margit Ellison on ");
  assert_contains (text, "2 (replaces version 1, AIA-001)");
  assert_contains (text, "Elena Varga");
  assert_contains (text, "Impact ratings");
  assert_contains (text, "Fairness and non-discrimination");
  assert_contains (text, "High risk");
  assert_contains (text, "Annex III point 5");
  /* The answers: one the second version changed, one it kept. */
  assert_contains (text, "Retrained in 2026 with a fairness constraint");
  assert_contains (text, "How could it be misused, or used for something it was not made for?");
  assert_contains (text, "mortgages, business lending or collections");
  assert_contains (text, "RSK-001");
  last_page = g_strdup_printf ("Page %u of %u", pages, pages);
  assert_contains (text, "Page 1 of ");
  assert_contains (text, last_page);

  cli_run (&draft_result, "export", "assessment", db, "AIA-005", draft, NULL);
  cli_assert_status (&draft_result, 0);
  g_assert_true (read_pdf (draft, &draft_text, &draft_pages));
  assert_contains (draft_text, "Draft — not approved");
  assert_contains (draft_text, "Not answered");
  assert_contains (draft_text, "Help nurses on our health insurance helpline");
}

static void
test_export_refused (void)
{
  g_autofree char *db = cli_new_demo ("demo.db");
  g_autofree char *png = cli_path ("a.png");
  g_autofree char *pdf = cli_path ("a.pdf");
  g_auto(CliResult) usage = { 0 };
  g_auto(CliResult) short_usage = { 0 };
  g_auto(CliResult) missing = { 0 };

  cli_run (&usage, "export", "assessment", db, "AIA-001", png, NULL);
  cli_assert_status (&usage, 2);
  assert_contains (usage.err, ".pdf");
  cli_run (&short_usage, "export", "assessment", db, pdf, NULL);
  cli_assert_status (&short_usage, 2);
  cli_run (&missing, "export", "assessment", db, "AIA-999", pdf, NULL);
  cli_assert_failed (&missing, 1, "AIA-999");
  g_assert_false (g_file_test (png, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
}

/* update and add cannot change an approved assessment, and say why. */
static void
test_frozen (void)
{
  g_autofree char *db = cli_new_demo ("demo.db");
  g_autoptr(GBytes) before = cli_read_bytes (db);
  g_auto(CliResult) update = { 0 };
  g_auto(CliResult) superseded = { 0 };
  g_auto(CliResult) add = { 0 };
  g_auto(CliResult) draft = { 0 };

  cli_run (&update, "update", "assessments", db, "AIA-002", "--set", "assessor_id=Priya Raman", NULL);
  cli_assert_failed (&update, 1, db);
  assert_contains (update.err, "AIA-002 is approved and frozen");
  cli_run (&superseded, "update", "assessments", db, "AIA-001", "--set", "assessor_id=Priya Raman", NULL);
  cli_assert_failed (&superseded, 1, db);
  assert_contains (superseded.err, "superseded");
  cli_run (&add, "add", "assessments", db, "--set", "ai_system_id=AIS-001", "--set", "assessor_id=Priya Raman", NULL);
  cli_assert_failed (&add, 1, db);
  assert_contains (add.err, "not added as a plain record");
  cli_assert_unchanged (db, before);

  /* The assessor of a draft can be changed. */
  cli_run (&draft, "update", "assessments", db, "AIA-005", "--set", "assessor_id=Priya Raman", NULL);
  cli_assert_status (&draft, 0);
  assert_contains (draft.out, "AIA-005 row_version=");
}

/* The help lists every entity and every export. */
static void
test_help (void)
{
  g_auto(CliResult) help = { 0 };
  g_auto(CliResult) export = { 0 };

  cli_run (&help, "--help", NULL);
  cli_assert_status (&help, 0);
  g_assert_null (strstr (help.out, "systems, risks or people"));
  /* Every entity aimsctl knows, from the core's own list. */
  assert_contains (help.out, "ENTITY is one of: systems, risks, people, controls, clauses, objectives, "
                             "measurements, nonconformities, actions, assessments");
  assert_contains (help.out, "| report DB OUT.pdf");
  assert_contains (help.out, "| assessment DB ID OUT.pdf");
  cli_run (&export, "help", "export", NULL);
  cli_assert_status (&export, 0);
  assert_contains (export.out, "aimsctl export report demo.db review.pdf");
  assert_contains (export.out, "aimsctl export assessment demo.db AIA-001 assessment.pdf");
}

int
main (int argc, char **argv)
{
  cli_test_init (&argc, &argv);

  g_test_add_func ("/cli/assessments/list", test_list);
  g_test_add_func ("/cli/assessments/export", test_export);
  g_test_add_func ("/cli/assessments/export-refused", test_export_refused);
  g_test_add_func ("/cli/assessments/frozen", test_frozen);
  g_test_add_func ("/cli/assessments/help", test_help);

  return g_test_run ();
}
