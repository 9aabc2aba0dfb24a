/* test-cli-records.c — aimsctl list, add and update on a demo database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "cli-runner.h"

/* Reads CSV with Python's csv module, an independent RFC 4180 reader, and
 * prints the number of records, then the header. */
static const char csv_script[] =
  "import csv, sys\n"
  "rows = list(csv.reader(sys.stdin))\n"
  "header, records = rows[0], rows[1:]\n"
  "assert all(len(r) == len(header) for r in records), 'ragged rows'\n"
  "print(len(records))\n"
  "print(','.join(header))\n";

static void
test_list_csv (void)
{
  g_autofree char *db = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *parsed = NULL;
  g_auto(GStrv) lines = NULL;

  if ((db = cli_new_demo_for_python ("demo.db")) == NULL)
    return;
  csv = cli_list ("systems", db, "csv");
  parsed = cli_python (csv_script, csv);
  lines = g_strsplit (parsed, "\n", -1);
  g_assert_cmpint (atoi (lines[0]), >=, 10);
  g_assert_true (g_str_has_prefix (lines[1],
                 "id,row_version,reference,created_at,created_by,updated_at,updated_by,"
                 "name,description,purpose,intended_use,model_type,criticality,owner_id,"));
  g_assert_nonnull (strstr (lines[1], ",owner_name,"));
  g_assert_nonnull (strstr (lines[1], ",lifecycle_stage_label,"));
  g_assert_true (g_str_has_suffix (lines[1], ",retired,review_overdue"));

  /* LF line ends, not CRLF. */
  g_assert_null (strstr (csv, "\r\n"));

  /* The demo has a retired forecasting model: the key, below the header. */
  g_assert_nonnull (strstr (strchr (csv, '\n'), ",retired,"));
  cli_assert_csv_value (csv, "AIS-001", "retired", "false");
}

static const char json_script[] =
  "import json, sys\n"
  "records = json.load(sys.stdin)\n"
  "assert isinstance(records, list)\n"
  "for r in records:\n"
  "    keys = list(r)\n"
  "    assert keys[:3] == ['id', 'row_version', 'reference'], keys\n"
  "    assert isinstance(r['id'], int) and isinstance(r['row_version'], int)\n"
  "    assert r['owner_id'] is None or isinstance(r['owner_id'], int)\n"
  "    assert isinstance(r['retired'], bool) and isinstance(r['review_overdue'], bool)\n"
  "    assert r['lifecycle_stage'] is None or r['lifecycle_stage'].islower()\n"
  "print(len(records), sum(r['retired'] for r in records))\n";

static void
test_list_json (void)
{
  g_autofree char *db = NULL;
  g_autofree char *json = NULL;
  g_autofree char *people = NULL;
  g_autofree char *parsed = NULL;
  g_autofree char *n_people = NULL;
  g_auto(GStrv) counts = NULL;

  if ((db = cli_new_demo_for_python ("demo.db")) == NULL)
    return;
  json = cli_list ("systems", db, "json");
  people = cli_list ("people", db, "json");
  parsed = cli_python (json_script, json);
  counts = g_strsplit (g_strstrip (parsed), " ", -1);
  g_assert_cmpint (atoi (counts[0]), >=, 10);
  g_assert_cmpint (atoi (counts[1]), >=, 1);

  n_people = cli_python ("import json, sys; print(len(json.load(sys.stdin)))", people);
  g_assert_cmpint (atoi (n_people), >=, 3);
}

/* The column (in characters) where text starts in line, or -1. */
static glong
column_of (const char *line,
           const char *text)
{
  const char *found = strstr (line, text);

  return found != NULL ? g_utf8_pointer_to_offset (line, found) : -1;
}

static void
test_list_table (void)
{
  g_autofree char *db = cli_new_demo ("demo.db");
  g_autofree char *table = NULL;
  g_auto(CliResult) add = { 0 };
  g_auto(CliResult) list = { 0 };
  g_auto(GStrv) lines = NULL;
  const char *long_name = "Übersetzungsassistent für Kundenbriefe und Beschwerden";
  guint new_row = 0;

  cli_run (&add, "add", "systems", db, "--set", "name=Übersetzungsassistent für Kundenbriefe und Beschwerden",
           "--set", "next_review_date=2001-01-01", "--set", "lifecycle_stage=operation", NULL);
  cli_assert_status (&add, 0);

  /* The table is the default. */
  cli_run (&list, "list", "systems", db, NULL);
  cli_assert_status (&list, 0);
  table = cli_list ("systems", db, "table");
  g_assert_cmpstr (list.out, ==, table);

  lines = g_strsplit (table, "\n", -1);
  g_assert_true (g_str_has_prefix (lines[0], "Reference"));
  g_assert_nonnull (strstr (lines[0], "Owner"));
  g_assert_nonnull (strstr (lines[0], "Next review"));
  g_assert_nonnull (strstr (table, "Retired"));

  for (guint i = 1; lines[i] != NULL; i++)
    if (strstr (lines[i], "Übersetzung") != NULL)
      new_row = i;
  g_assert_cmpuint (new_row, >, 0);

  /* Long text is cut with "…", and the columns after it still line up,
   * counted in characters, not bytes. */
  g_assert_null (strstr (table, long_name));
  g_assert_nonnull (strstr (lines[new_row], "…"));
  g_assert_cmpint (column_of (lines[new_row], "Übersetzung"), ==, column_of (lines[0], "Name"));
  g_assert_cmpint (column_of (lines[new_row], "Operation"), ==, column_of (lines[0], "Lifecycle stage"));
  g_assert_nonnull (strstr (lines[new_row], "2001-01-01 (overdue)"));
}

static void
test_add (void)
{
  g_autofree char *db = NULL;
  g_autofree char *systems = NULL;
  g_autofree char *people = NULL;
  g_autofree char *person_id = NULL;
  g_auto(CliResult) person = { 0 };
  g_auto(CliResult) system = { 0 };

  if ((db = cli_new_demo_for_python ("demo.db")) == NULL)
    return;
  cli_run (&person, "add", "people", db, "--set", "name=Ada Lovelace",
           "--set", "role=Model risk", "--set", "email=ada@example.org", NULL);
  cli_assert_status (&person, 0);
  g_assert_true (g_regex_match_simple ("^PER-[0-9]{3}\n$", person.out, 0, 0));
  g_strstrip (person.out);

  /* A person field takes a name; a choice its label. */
  cli_run (&system, "add", "systems", db, "--set", "name=Invoice OCR",
           "--set", "owner_id=ada lovelace", "--set", "sourcing=Third party",
           "--set", "next_review_date=2030-06-30", NULL);
  cli_assert_status (&system, 0);
  g_assert_true (g_regex_match_simple ("^AIS-[0-9]{3}\n$", system.out, 0, 0));
  g_strstrip (system.out);

  systems = cli_list ("systems", db, "csv");
  people = cli_list ("people", db, "csv");
  person_id = cli_csv_value (people, person.out, "id");
  cli_assert_csv_value (systems, system.out, "owner_id", person_id);
  cli_assert_csv_value (systems, system.out, "owner_name", "Ada Lovelace");
  cli_assert_csv_value (systems, system.out, "sourcing", "third_party");
  cli_assert_csv_value (systems, system.out, "created_by", CLI_TEST_AUTHOR);
  cli_assert_csv_value (systems, system.out, "row_version", "1");
}

static void
test_update_expect_version (void)
{
  g_autofree char *db = NULL;
  g_autofree char *csv = NULL;
  g_auto(CliResult) first = { 0 };
  g_auto(CliResult) second = { 0 };

  if ((db = cli_new_demo_for_python ("demo.db")) == NULL)
    return;
  cli_run (&first, "update", "systems", db, "AIS-002", "--set", "business_unit=Claims",
           "--expect-version", "1", "--author", "Alice", NULL);
  cli_assert_status (&first, 0);
  g_assert_cmpstr (first.out, ==, "AIS-002 row_version=2\n");

  /* Bob read version 1 too: his change is refused and nothing is written. */
  cli_run (&second, "update", "systems", db, "AIS-002", "--set", "business_unit=Retail",
           "--expect-version", "1", "--author", "Bob", NULL);
  cli_assert_failed (&second, 3, "version 2");
  g_assert_nonnull (strstr (second.err, "Alice"));
  g_assert_cmpstr (second.out, ==, "");

  csv = cli_list ("systems", db, "csv");
  cli_assert_csv_value (csv, "AIS-002", "business_unit", "Claims");
  cli_assert_csv_value (csv, "AIS-002", "row_version", "2");
  cli_assert_csv_value (csv, "AIS-002", "updated_by", "Alice");
}

static void
test_update_by_id_and_clear (void)
{
  g_autofree char *db = NULL;
  g_autofree char *csv = NULL;
  g_auto(CliResult) result = { 0 };
  const char *env[] = { "AIMS_AUTHOR=Env Author", NULL };

  if ((db = cli_new_demo_for_python ("demo.db")) == NULL)
    return;

  /* A numeric id, an empty value that clears, a person by reference. */
  cli_run_env (&result, env, "update", "systems", db, "1", "--set", "business_unit=",
               "--set", "approver_id=PER-002", NULL);
  cli_assert_status (&result, 0);
  g_assert_true (g_str_has_prefix (result.out, "AIS-001 row_version="));

  csv = cli_list ("systems", db, "csv");
  cli_assert_csv_value (csv, "AIS-001", "business_unit", "");
  cli_assert_csv_value (csv, "AIS-001", "approver_id", "2");
  cli_assert_csv_value (csv, "AIS-001", "updated_by", "Env Author");
}

/* A value the field refuses: exit 1, one line naming the field, nothing stored. */
static void
assert_refused (const char *command,
                const char *field,
                const char *value)
{
  g_autofree char *name = g_strdup_printf ("%s-%s.db", command, field);
  g_autofree char *db = cli_new_demo (name);
  g_autofree char *before = cli_list ("systems", db, "csv");
  g_autofree char *after = NULL;
  g_autofree char *set = g_strdup_printf ("%s=%s", field, value);
  g_auto(CliResult) result = { 0 };

  if (g_str_equal (command, "add"))
    cli_run (&result, "add", "systems", db, "--set", "name=Refused system", "--set", set, NULL);
  else
    cli_run (&result, "update", "systems", db, "AIS-003", "--set", "name=Renamed",
             "--set", set, NULL);
  cli_assert_failed (&result, 1, field);
  g_assert_nonnull (strstr (result.err, value));
  g_assert_cmpstr (result.out, ==, "");

  after = cli_list ("systems", db, "csv");
  g_assert_cmpstr (after, ==, before);
}

static void
test_refused_values (void)
{
  assert_refused ("update", "next_review_date", "2025-13-45");
  assert_refused ("update", "criticality", "apocalyptic");
  assert_refused ("update", "owner_id", "Nobody Known");
  assert_refused ("add", "start_date", "31/12/2024");
  assert_refused ("add", "eu_ai_act_class", "spicy");
}

static void
test_missing_record (void)
{
  g_autofree char *db = cli_new_demo ("demo.db");
  g_auto(CliResult) result = { 0 };
  g_auto(CliResult) name = { 0 };

  cli_run (&result, "update", "systems", db, "AIS-999", "--set", "name=x", NULL);
  cli_assert_failed (&result, 1, "AIS-999");

  /* A required field cannot be emptied or left out. */
  cli_run (&name, "add", "people", db, "--set", "role=Nobody", NULL);
  cli_assert_failed (&name, 1, "Name");
}

int
main (int    argc,
      char **argv)
{
  cli_test_init (&argc, &argv);

  g_test_add_func ("/cli/list/csv", test_list_csv);
  g_test_add_func ("/cli/list/json", test_list_json);
  g_test_add_func ("/cli/list/table", test_list_table);
  g_test_add_func ("/cli/add/listed", test_add);
  g_test_add_func ("/cli/update/expect-version", test_update_expect_version);
  g_test_add_func ("/cli/update/by-id-and-clear", test_update_by_id_and_clear);
  g_test_add_func ("/cli/update/refused-values", test_refused_values);
  g_test_add_func ("/cli/update/missing-record", test_missing_record);

  return g_test_run ();
}
