/* test-cli-import.c — aimsctl import, import batches, import undo and
 * export csv, run as a user runs them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "cli-runner.h"

static char *
data_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "import", name, NULL);
}

static char *
new_db (const char *name)
{
  g_auto(CliResult) result = { 0 };
  char *path = cli_path (name);

  cli_run (&result, "init", path, NULL);
  cli_assert_status (&result, 0);
  return path;
}

static guint
count_lines_with (const char *text,
                  const char *part)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  guint n = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    n += strstr (lines[i], part) != NULL;
  return n;
}

/* Records of ENTITY, from `list --format csv`: the lines that begin a
 * record ("12,1,AIS-012,"), since a cell may span lines. */
static guint
count_records (const char *entity,
               const char *db)
{
  g_autofree char *csv = cli_list (entity, db, "csv");
  g_auto(GStrv) lines = g_strsplit (csv, "\n", -1);
  g_autoptr(GRegex) start = g_regex_new ("^[0-9]+,[0-9]+,[A-Z]+-[0-9]+,", 0, 0, NULL);
  guint n = 0;

  for (guint i = 1; lines[i] != NULL; i++)
    n += g_regex_match (start, lines[i], 0, NULL);
  return n;
}

/* The proposal printed first, as options to copy; a row without a name
 * stops the import, with the report saying where. */
static void
test_import_proposal_and_refusal (void)
{
  g_autofree char *db = new_db ("org.db");
  g_autofree char *csv = data_path ("inventory.csv");
  g_autoptr(GBytes) before = cli_read_bytes (db);
  g_auto(CliResult) result = { 0 };

  cli_run (&result, "import", "systems", db, csv, NULL);
  cli_assert_failed (&result, 1, "inventory.csv");
  g_assert_nonnull (strstr (result.err, "row 6"));
  g_assert_nonnull (strstr (result.out, "--map 'Use Case Name=name' \\\n"));
  g_assert_nonnull (strstr (result.out, "--map 'Bureau=business_unit' \\\n"));
  g_assert_nonnull (strstr (result.out, "--value 'lifecycle_stage:Deployed=operation'"));
  g_assert_nonnull (strstr (result.out, "“Agency”"));
  g_assert_nonnull (strstr (result.out, "Rows read: 6\n"));
  g_assert_nonnull (strstr (result.out, "Errors: 1\n"));
  g_assert_nonnull (strstr (result.out, "error: row 6, “Use Case Name”: No Name"));
  g_assert_nonnull (strstr (result.out, "row 7, “Stage”: “Somewhere between” is none of the choices"));
  cli_assert_unchanged (db, before);
}

static void
test_import_skip_invalid (void)
{
  g_autofree char *db = new_db ("org.db");
  g_autofree char *csv = data_path ("inventory.csv");
  g_autofree char *listed = NULL;
  g_auto(CliResult) dry = { 0 };
  g_auto(CliResult) result = { 0 };
  g_auto(CliResult) batches = { 0 };

  cli_run (&dry, "import", "systems", db, csv, "--skip-invalid", "--dry-run", NULL);
  cli_assert_status (&dry, 0);
  g_assert_nonnull (strstr (dry.out, "To import: 4 new AI systems (nothing was written)"));
  g_assert_cmpuint (count_records ("systems", db), ==, 0);

  cli_run (&result, "import", "systems", db, csv, "--skip-invalid", NULL);
  cli_assert_status (&result, 0);
  g_assert_nonnull (strstr (result.out, "Imported: 4 new AI systems (import batch 1)\n"));
  g_assert_nonnull (strstr (result.out, "Skipped: 2\n"));
  g_assert_nonnull (strstr (result.out, "“Stage”: 1 row blank or N/A, Lifecycle stage left unset (row 4)"));
  g_assert_nonnull (strstr (result.out, "row 5, “Use Case Name”: The same Name and business unit as row 4: skipped"));
  listed = cli_list ("systems", db, "csv");
  g_assert_cmpuint (count_records ("systems", db), ==, 4);
  g_assert_nonnull (strstr (listed, "Chatbot \"\"Ask HR\"\""));

  cli_run (&batches, "import", "batches", db, NULL);
  cli_assert_status (&batches, 0);
  g_assert_true (g_str_has_prefix (batches.out, "1\t"));
  g_assert_nonnull (strstr (batches.out, "\t4 systems\tinventory.csv\tSHA-256 "));
  g_assert_nonnull (strstr (batches.out, CLI_TEST_AUTHOR));
}

/* A mapping given by hand: only those columns, values said for choices. */
static void
test_import_given_mapping (void)
{
  g_autofree char *db = new_db ("org.db");
  g_autofree char *csv = data_path ("inventory.csv");
  g_autofree char *listed = NULL;
  g_auto(CliResult) result = { 0 };

  cli_run (&result, "import", "systems", db, csv, "--skip-invalid",
           "--map", "use case name=name", "--map", "4=lifecycle_stage", "--map", "Agency=business_unit",
           "--value", "lifecycle_stage:Somewhere between=deployment", NULL);
  cli_assert_status (&result, 0);
  g_assert_null (strstr (result.out, "--map"));
  /* With Agency as the unit, the two Fraud scoring rows are still one. */
  g_assert_nonnull (strstr (result.out, "Imported: 4 new AI systems"));
  listed = cli_list ("systems", db, "csv");
  cli_assert_csv_value (listed, "AIS-004", "name", "Forecast demand");
  cli_assert_csv_value (listed, "AIS-004", "business_unit", "Dept of Examples");
  cli_assert_csv_value (listed, "AIS-004", "lifecycle_stage", "deployment");
  g_assert_null (strstr (listed, "Acme OCR"));
}

static void
test_import_usage (void)
{
  g_autofree char *db = new_db ("org.db");
  g_autofree char *csv = data_path ("inventory.csv");
  g_autoptr(GBytes) before = cli_read_bytes (db);
  static const char *const bad[][4] = {
    { "--on-duplicate", "merge", NULL, "--on-duplicate" },
    { "--map", "no equals sign", NULL, "--map" },
    { "--map", "No Such Column=name", NULL, "No Such Column" },
    { "--map", "Bureau=no_such_field", NULL, "no_such_field" },
    { "--value", "lifecycle_stage:Deployed=launched", NULL, "launched" },
    { "--value", "missing colon", NULL, "--value" },
    { "--header-row", "0", NULL, "--header-row" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_auto(CliResult) result = { 0 };

      cli_run (&result, "import", "systems", db, csv, "--map", "Use Case Name=name", bad[i][0], bad[i][1], NULL);
      cli_assert_status (&result, 2);
      g_assert_nonnull (strstr (result.err, bad[i][3]));
    }
  {
    /* Two columns into a field of one value: both are named. */
    g_auto(CliResult) result = { 0 };

    cli_run (&result, "import", "systems", db, csv, "--map", "Use Case Name=name",
             "--map", "Agency=business_unit", "--map", "Bureau=business_unit", NULL);
    cli_assert_status (&result, 2);
    g_assert_nonnull (strstr (result.err, "“Agency” and “Bureau”"));
  }
  {
    g_auto(CliResult) result = { 0 };

    cli_run (&result, "import", "controls", db, csv, NULL);
    cli_assert_status (&result, 2);
  }
  cli_assert_unchanged (db, before);
}

static void
test_import_bad_files (void)
{
  g_autofree char *db = new_db ("org.db");
  g_autofree char *binary = cli_path ("photo.csv");
  g_autofree char *quote = cli_path ("quote.csv");
  g_autofree char *absent = cli_path ("absent.csv");
  static const guint8 png[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, '\r' };
  g_autoptr(GBytes) before = NULL;
  g_auto(CliResult) r1 = { 0 };
  g_auto(CliResult) r2 = { 0 };
  g_auto(CliResult) r3 = { 0 };

  g_assert_true (g_file_set_contents (binary, (const char *) png, sizeof png, NULL));
  g_assert_true (g_file_set_contents (quote, "name,unit\nA,\"open\nB,C\n", -1, NULL));
  before = cli_read_bytes (db);

  cli_run (&r1, "import", "systems", db, binary, NULL);
  cli_assert_failed (&r1, 1, "photo.csv");
  g_assert_nonnull (strstr (r1.err, "not a text file"));
  cli_run (&r2, "import", "systems", db, quote, NULL);
  cli_assert_failed (&r2, 1, "quote.csv");
  g_assert_nonnull (strstr (r2.err, "Row 2, column 2"));
  cli_run (&r3, "import", "systems", db, absent, NULL);
  cli_assert_failed (&r3, 1, "absent.csv");
  cli_assert_unchanged (db, before);
}

static void
test_import_undo (void)
{
  g_autofree char *db = new_db ("org.db");
  g_autofree char *csv = data_path ("inventory.csv");
  g_autofree char *update_csv = data_path ("inventory-update.csv");
  g_auto(CliResult) first = { 0 };
  g_auto(CliResult) second = { 0 };
  g_auto(CliResult) refused = { 0 };
  g_auto(CliResult) undone = { 0 };
  g_auto(CliResult) again = { 0 };
  g_auto(CliResult) update = { 0 };

  cli_run (&first, "import", "systems", db, csv, "--skip-invalid", NULL);
  cli_assert_status (&first, 0);
  cli_run (&second, "import", "systems", db, update_csv, "--on-duplicate", "update", NULL);
  cli_assert_status (&second, 0);
  g_assert_nonnull (strstr (second.out, "Updated: 2\n"));

  /* Batch 1's Invoice reader was changed by batch 2: refused, exit 3. */
  cli_run (&refused, "import", "undo", db, "1", NULL);
  cli_assert_failed (&refused, 3, "org.db");
  g_assert_nonnull (strstr (refused.err, "AIS-001"));

  cli_run (&undone, "import", "undo", db, "2", NULL);
  cli_assert_status (&undone, 0);
  g_assert_cmpuint (count_records ("systems", db), ==, 4);
  cli_run (&again, "import", "undo", db, "2", NULL);
  cli_assert_failed (&again, 1, "org.db");

  /* Someone edits a system by hand: batch 1 stays. */
  cli_run (&update, "update", "systems", db, "AIS-002", "--set", "criticality=high", NULL);
  cli_assert_status (&update, 0);
  {
    g_auto(CliResult) result = { 0 };

    cli_run (&result, "import", "undo", db, "1", NULL);
    cli_assert_status (&result, 3);
  }
  g_assert_cmpuint (count_records ("systems", db), ==, 4);
}

/* export csv for every entity; systems and people read back unchanged. */
static const char export_script[] =
  "import csv, sys\n"
  "rows = list(csv.reader(open(sys.argv[1], encoding='utf-8-sig', newline='')))\n"
  "assert all(len(r) == len(rows[0]) for r in rows)\n"
  "print(len(rows) - 1, rows[0][0], rows[0][1])\n";

/* Each system's stored fields, by name, without what differs between two
 * databases by nature (ids, references, who and when). */
static const char stored_fields_script[] =
  "import csv, sys\n"
  "rows = list(csv.DictReader(sys.stdin))\n"
  "skip = {'id', 'row_version', 'created_at', 'created_by', 'updated_at', 'updated_by',"
  " 'owner_id', 'approver_id', 'reference'}\n"
  "for r in sorted(rows, key=lambda r: r['name']):\n"
  "    print(sorted((k, v) for k, v in r.items() if k not in skip))\n";

static void
test_export_round_trip (void)
{
  static const char *const entities[] = {
    "systems", "risks", "people", "controls", "clauses", "objectives", "measurements", "nonconformities", "actions"
  };
  g_autofree char *demo = NULL;
  g_autofree char *copy = NULL;
  g_autofree char *people = cli_path ("people.csv");
  g_autofree char *systems = cli_path ("systems.csv");
  g_autofree char *demo_list = NULL;
  g_autofree char *copy_list = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  if ((demo = cli_new_demo_for_python ("demo.db")) == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (entities); i++)
    {
      g_autofree char *path = cli_path (entities[i]);
      g_autofree char *file = g_strconcat (path, ".csv", NULL);
      const char *argv[] = { "/usr/bin/python3", "-c", export_script, file, NULL };
      g_auto(CliResult) result = { 0 };
      g_auto(CliResult) parsed = { 0 };

      cli_run (&result, "export", "csv", entities[i], demo, file, NULL);
      cli_assert_status (&result, 0);
      cli_spawn (&parsed, argv, NULL, NULL);
      cli_assert_status (&parsed, 0);
      g_assert_cmpint (atoi (parsed.out), >, 0);
      g_assert_nonnull (strstr (parsed.out, " reference "));
    }

  copy = new_db ("copy.db");
  {
    g_auto(CliResult) r1 = { 0 };
    g_auto(CliResult) r2 = { 0 };

    cli_run (&r1, "import", "people", copy, people, NULL);
    cli_assert_status (&r1, 0);
    cli_run (&r2, "import", "systems", copy, systems, NULL);
    cli_assert_status (&r2, 0);
    g_assert_nonnull (strstr (r2.out, "Errors: 0\n"));
  }
  /* Every stored field the same, people by name (their ids may differ). */
  demo_list = cli_list ("systems", demo, "csv");
  copy_list = cli_list ("systems", copy, "csv");
  before = cli_python (stored_fields_script, demo_list);
  after = cli_python (stored_fields_script, copy_list);
  g_assert_cmpstr (after, ==, before);
}

/* A real inventory with a title row, when ../shared/data is there. */
static void
test_import_shared_treasury (void)
{
  const char *dir = g_getenv ("AIMS_SHARED_DATA_DIR");
  g_autofree char *csv = g_build_filename (dir != NULL ? dir : "", "us-treasury-ai-inventory-2025.csv", NULL);
  g_autofree char *db = NULL;
  g_auto(CliResult) result = { 0 };

  if (dir == NULL || !g_file_test (csv, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("../shared/data is not here");
      return;
    }
  db = new_db ("org.db");
  cli_run (&result, "import", "systems", db, csv, NULL);
  cli_assert_status (&result, 0);
  g_assert_nonnull (strstr (result.out, "UTF-8 with a byte-order mark, comma-separated, header in row 2; 129 rows"));
  g_assert_nonnull (strstr (result.out, "Imported: 125 new AI systems"));
  g_assert_cmpuint (count_lines_with (result.out, "The same Name and business unit as row"), ==, 4);
  g_assert_cmpuint (count_records ("systems", db), ==, 125);
}

int
main (int   argc,
      char *argv[])
{
  cli_test_init (&argc, &argv);

  g_test_add_func ("/cli/import/proposal-and-refusal", test_import_proposal_and_refusal);
  g_test_add_func ("/cli/import/skip-invalid", test_import_skip_invalid);
  g_test_add_func ("/cli/import/given-mapping", test_import_given_mapping);
  g_test_add_func ("/cli/import/usage", test_import_usage);
  g_test_add_func ("/cli/import/bad-files", test_import_bad_files);
  g_test_add_func ("/cli/import/undo", test_import_undo);
  g_test_add_func ("/cli/import/shared-treasury", test_import_shared_treasury);
  g_test_add_func ("/cli/export/csv-round-trip", test_export_round_trip);

  return g_test_run ();
}
