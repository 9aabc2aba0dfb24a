/* test-cli-risks.c — aimsctl list, add and update risks, and export heatmap
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "cli-runner.h"

/* The demo's risks by reference, in the order of demo-organisation.ini. */
#define CREDIT_BIAS       "RSK-001"  /* inherent 4×5 Critical, residual 2×4 Medium */
#define EXPIRED_ACCEPT    "RSK-009"  /* accepted until 20 days ago, above appetite */
#define ORGANISATION_WIDE "RSK-034"  /* no AI system */

static void
test_list_csv (void)
{
  g_autofree char *db = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *header = NULL;

  if ((db = cli_new_demo_for_python ("demo.db")) == NULL)
    return;
  csv = cli_list ("risks", db, "csv");
  header = g_strndup (csv, strchr (csv, '\n') - csv);

  g_assert_true (g_str_has_prefix (header,
                 "id,row_version,reference,created_at,created_by,updated_at,updated_by,"
                 "title,description,ai_system_id,source_category,"));
  g_assert_nonnull (strstr (header, ",ai_system_name,"));
  g_assert_nonnull (strstr (header, ",owner_name,"));
  g_assert_nonnull (strstr (header, ",inherent_likelihood_label,"));
  g_assert_true (g_str_has_suffix (header, ",inherent_score,inherent_band,residual_score,residual_band,"
                                           "above_appetite,review_overdue,acceptance_expired"));

  cli_assert_csv_value (csv, CREDIT_BIAS, "ai_system_name", "Consumer credit scoring model");
  cli_assert_csv_value (csv, CREDIT_BIAS, "owner_name", "Elena Varga");
  cli_assert_csv_value (csv, CREDIT_BIAS, "inherent_likelihood", "4");
  cli_assert_csv_value (csv, CREDIT_BIAS, "inherent_likelihood_label", "Likely");
  cli_assert_csv_value (csv, CREDIT_BIAS, "inherent_score", "20");
  cli_assert_csv_value (csv, CREDIT_BIAS, "inherent_band", "Critical");
  cli_assert_csv_value (csv, CREDIT_BIAS, "residual_score", "8");
  cli_assert_csv_value (csv, CREDIT_BIAS, "residual_band", "Medium");
  cli_assert_csv_value (csv, CREDIT_BIAS, "above_appetite", "false");
  cli_assert_csv_value (csv, CREDIT_BIAS, "acceptance_expired", "false");

  cli_assert_csv_value (csv, EXPIRED_ACCEPT, "treatment", "accept");
  cli_assert_csv_value (csv, EXPIRED_ACCEPT, "acceptance_expired", "true");
  cli_assert_csv_value (csv, EXPIRED_ACCEPT, "above_appetite", "true");
  cli_assert_csv_value (csv, EXPIRED_ACCEPT, "review_overdue", "true");

  cli_assert_csv_value (csv, ORGANISATION_WIDE, "ai_system_id", "");
  cli_assert_csv_value (csv, ORGANISATION_WIDE, "ai_system_name", "");
}

static const char json_script[] =
  "import json, sys\n"
  "records = json.load(sys.stdin)\n"
  "for r in records:\n"
  "    assert list(r)[:3] == ['id', 'row_version', 'reference']\n"
  "    assert isinstance(r['owner_id'], int)\n"
  "    assert r['ai_system_id'] is None or isinstance(r['ai_system_id'], int)\n"
  "    assert isinstance(r['inherent_likelihood'], int) and isinstance(r['inherent_score'], int)\n"
  "    assert r['inherent_score'] == r['inherent_likelihood'] * r['inherent_impact']\n"
  "    assert r['residual_score'] is None or r['residual_score'] == r['residual_likelihood'] * r['residual_impact']\n"
  "    for flag in ('above_appetite', 'review_overdue', 'acceptance_expired'):\n"
  "        assert isinstance(r[flag], bool), flag\n"
  "print(len(records), sum(r['ai_system_id'] is None for r in records),\n"
  "      sum(r['acceptance_expired'] for r in records))\n";

static void
test_list_json (void)
{
  g_autofree char *db = NULL;
  g_autofree char *json = NULL;
  g_autofree char *parsed = NULL;
  g_auto(GStrv) counts = NULL;

  if ((db = cli_new_demo_for_python ("demo.db")) == NULL)
    return;
  json = cli_list ("risks", db, "json");
  parsed = cli_python (json_script, json);
  counts = g_strsplit (g_strstrip (parsed), " ", -1);
  g_assert_cmpint (atoi (counts[0]), >=, 30);
  g_assert_cmpint (atoi (counts[1]), >=, 3);
  g_assert_cmpint (atoi (counts[2]), ==, 1);
}

static void
test_list_table (void)
{
  g_autofree char *db = cli_new_demo ("demo.db");
  g_autofree char *table = cli_list ("risks", db, "table");
  g_auto(GStrv) lines = g_strsplit (table, "\n", -1);
  const char *expired = NULL;

  g_assert_true (g_str_has_prefix (lines[0], "Reference"));
  g_assert_nonnull (strstr (lines[0], "AI system"));
  g_assert_nonnull (strstr (lines[0], "Inherent"));
  g_assert_nonnull (strstr (lines[0], "Residual"));
  g_assert_nonnull (strstr (table, "Organisation-wide"));
  g_assert_nonnull (strstr (table, "20 Critical"));
  g_assert_nonnull (strstr (table, "(overdue)"));
  for (guint i = 1; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], EXPIRED_ACCEPT))
      expired = lines[i];
  g_assert_nonnull (expired);
  g_assert_nonnull (strstr (expired, "above appetite"));
}

static void
test_add_update (void)
{
  g_autofree char *db = NULL;
  g_autofree char *csv = NULL;
  g_auto(CliResult) add = { 0 };
  g_auto(CliResult) update = { 0 };
  g_auto(CliResult) conflict = { 0 };

  if ((db = cli_new_demo_for_python ("demo.db")) == NULL)
    return;
  /* A system and people by name, levels by label or number. */
  cli_run (&add, "add", "risks", db, "--set", "title=Invoices misread",
           "--set", "ai_system_id=inbound document reader", "--set", "owner_id=Hanna Petersen",
           "--set", "source_category=Data", "--set", "inherent_likelihood=likely",
           "--set", "inherent_impact=3", NULL);
  cli_assert_status (&add, 0);
  g_assert_true (g_regex_match_simple ("^RSK-[0-9]{3}\n$", add.out, 0, 0));
  g_strstrip (add.out);

  cli_run (&update, "update", "risks", db, add.out, "--set", "residual_likelihood=Rare",
           "--set", "residual_impact=Moderate", "--expect-version", "1", NULL);
  cli_assert_status (&update, 0);
  g_assert_nonnull (strstr (update.out, "row_version=2"));

  cli_run (&conflict, "update", "risks", db, add.out, "--set", "status=treated",
           "--expect-version", "1", NULL);
  cli_assert_status (&conflict, 3);

  csv = cli_list ("risks", db, "csv");
  cli_assert_csv_value (csv, add.out, "ai_system_name", "Inbound document reader");
  cli_assert_csv_value (csv, add.out, "source_category", "data");
  cli_assert_csv_value (csv, add.out, "inherent_score", "12");
  cli_assert_csv_value (csv, add.out, "inherent_band", "High");
  cli_assert_csv_value (csv, add.out, "residual_score", "3");
  cli_assert_csv_value (csv, add.out, "residual_band", "Low");
  cli_assert_csv_value (csv, add.out, "status", "");
}

/* Bad input: the reason on one line, exit 1, and the file unchanged. */
static void
test_add_refused (void)
{
  g_autofree char *db = cli_new_demo ("demo.db");
  g_autoptr(GBytes) before = cli_read_bytes (db);
  const char *const cases[][3] = {
    { "owner_id=Hanna Petersen", "inherent_likelihood=6", "inherent_likelihood" },
    { "owner_id=Hanna Petersen", "inherent_impact=Likely", "inherent_impact" },
    { "description=No owner", "inherent_impact=2", "Owner" },
    { "owner_id=Hanna Petersen", "treatment_due_date=2001-01-01", "Target date" },
    { "owner_id=Hanna Petersen", "ai_system_id=No such system", "ai_system_id" },
  };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_auto(CliResult) result = { 0 };

      cli_run (&result, "add", "risks", db, "--set", "title=Refused", "--set", cases[c][0],
               "--set", cases[c][1], NULL);
      cli_assert_failed (&result, 1, db);
      g_assert_nonnull (strstr (result.err, cases[c][2]));
    }
  cli_assert_unchanged (db, before);
}

static void
test_export_heatmap (void)
{
  g_autofree char *db = cli_new_demo ("demo.db");
  g_autofree char *inherent_path = cli_path ("h.png");
  g_autofree char *residual_path = cli_path ("r.png");
  g_autofree char *svg_path = cli_path ("h.svg");
  g_autofree char *pdf_path = cli_path ("h.pdf");
  g_autoptr(GBytes) before = cli_read_bytes (db);
  g_autoptr(GBytes) inherent = NULL;
  g_autoptr(GBytes) residual = NULL;
  g_autoptr(GBytes) svg = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_auto(CliResult) a = { 0 };
  g_auto(CliResult) b = { 0 };
  g_auto(CliResult) c = { 0 };
  g_auto(CliResult) d = { 0 };

  cli_run (&a, "export", "heatmap", db, inherent_path, NULL);
  cli_assert_status (&a, 0);
  cli_run (&b, "export", "heatmap", db, residual_path, "--residual", NULL);
  cli_assert_status (&b, 0);
  g_assert_nonnull (strstr (b.out, "residual"));
  cli_run (&c, "export", "heatmap", db, svg_path, NULL);
  cli_assert_status (&c, 0);
  cli_run (&d, "export", "--residual", "heatmap", db, pdf_path, NULL);
  cli_assert_status (&d, 0);

  inherent = cli_read_bytes (inherent_path);
  residual = cli_read_bytes (residual_path);
  svg = cli_read_bytes (svg_path);
  pdf = cli_read_bytes (pdf_path);
  g_assert_cmpmem (g_bytes_get_data (inherent, NULL), 8, "\x89PNG\r\n\x1a\n", 8);
  g_assert_cmpmem (g_bytes_get_data (residual, NULL), 8, "\x89PNG\r\n\x1a\n", 8);
  g_assert_false (g_bytes_equal (inherent, residual));
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (svg, NULL), g_bytes_get_size (svg), "<svg"));
  g_assert_cmpmem (g_bytes_get_data (pdf, NULL), 5, "%PDF-", 5);

  /* Exporting reads the database and never changes it. */
  cli_assert_unchanged (db, before);
}

static void
test_export_refused (void)
{
  g_autofree char *db = cli_new_demo ("demo.db");
  g_autofree char *jpeg = cli_path ("h.jpg");
  g_autofree char *missing_db = cli_path ("missing.db");
  g_autofree char *png = cli_path ("h.png");
  g_autofree char *no_folder = cli_path ("no/such/folder/h.png");
  g_auto(CliResult) extension = { 0 };
  g_auto(CliResult) what = { 0 };
  g_auto(CliResult) review = { 0 };
  g_auto(CliResult) no_db = { 0 };
  g_auto(CliResult) folder = { 0 };
  g_auto(CliResult) help = { 0 };

  cli_run (&extension, "export", "heatmap", db, jpeg, NULL);
  cli_assert_status (&extension, 2);
  g_assert_nonnull (strstr (extension.err, ".png, .svg or .pdf"));
  g_assert_false (g_file_test (jpeg, G_FILE_TEST_EXISTS));

  cli_run (&what, "export", "pictures", db, png, NULL);
  cli_assert_status (&what, 2);
  /* The workbook is an .xlsx, told before the database is read. */
  cli_run (&review, "export", "review", db, png, NULL);
  cli_assert_status (&review, 2);
  g_assert_nonnull (strstr (review.err, ".xlsx"));
  g_assert_false (g_file_test (png, G_FILE_TEST_EXISTS));

  cli_run (&no_db, "export", "heatmap", missing_db, png, NULL);
  cli_assert_failed (&no_db, 1, missing_db);
  g_assert_false (g_file_test (png, G_FILE_TEST_EXISTS));

  cli_run (&folder, "export", "heatmap", db, no_folder, NULL);
  cli_assert_failed (&folder, 1, "h.png");

  cli_run (&help, "export", "--help", NULL);
  cli_assert_status (&help, 0);
  g_assert_nonnull (strstr (help.out, "Usage: aimsctl export heatmap DB OUT.png|OUT.svg|OUT.pdf [--residual]"));
  g_assert_nonnull (strstr (help.out, "--residual"));
}

int
main (int    argc,
      char **argv)
{
  cli_test_init (&argc, &argv);

  g_test_add_func ("/cli/risks/list-csv", test_list_csv);
  g_test_add_func ("/cli/risks/list-json", test_list_json);
  g_test_add_func ("/cli/risks/list-table", test_list_table);
  g_test_add_func ("/cli/risks/add-update", test_add_update);
  g_test_add_func ("/cli/risks/add-refused", test_add_refused);
  g_test_add_func ("/cli/risks/export-heatmap", test_export_heatmap);
  g_test_add_func ("/cli/risks/export-refused", test_export_refused);

  return g_test_run ();
}
