/* test-cli-db.c — aimsctl init, info, check and backup on real files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <unistd.h>

#include <glib/gstdio.h>

#include "cli-runner.h"

/* The value printed for label by `aimsctl info`. */
static char *
info_value (const char *info,
            const char *label)
{
  g_auto(GStrv) lines = g_strsplit (info, "\n", -1);
  g_autofree char *prefix = g_strdup_printf ("%s:", label);

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], prefix))
      return g_strstrip (g_strdup (lines[i] + strlen (prefix)));
  g_error ("no “%s” in the output of info:\n%s", label, info);
}

static char *
run_info (const char *db)
{
  g_auto(CliResult) result = { 0 };

  cli_run (&result, "info", db, NULL);
  cli_assert_status (&result, 0);
  g_assert_cmpstr (result.err, ==, "");
  return g_steal_pointer (&result.out);
}

static void
test_init_demo (void)
{
  g_autofree char *db = cli_new_demo ("demo.db");
  g_autofree char *info = run_info (db);
  g_autofree char *systems = info_value (info, "AI systems");
  g_autofree char *people = info_value (info, "People");
  g_autofree char *audit = info_value (info, "Audit log rows");
  g_autofree char *organisation = info_value (info, "Organisation");
  g_autofree char *mode = info_value (info, "Mode");
  g_autofree char *read_only = info_value (info, "Read-only");
  g_autofree char *version = info_value (info, "Schema version");

  g_assert_cmpint (atoi (systems), >=, 10);
  g_assert_cmpint (atoi (people), >=, 3);
  /* Every demo record was written through an audited write. */
  g_assert_cmpint (atoi (audit), >=, atoi (systems) + atoi (people));
  g_assert_cmpstr (organisation, !=, "");
  g_assert_true (g_str_has_prefix (mode, "local"));
  g_assert_cmpstr (read_only, ==, "no");
  g_assert_cmpint (atoi (version), >=, 1);
}

static void
test_init_empty (void)
{
  g_autofree char *db = cli_path ("empty.db");
  g_autofree char *info = NULL;
  g_autofree char *systems = NULL;
  g_autofree char *csv = NULL;
  g_auto(CliResult) result = { 0 };

  cli_run (&result, "init", db, NULL);
  cli_assert_status (&result, 0);

  info = run_info (db);
  systems = info_value (info, "AI systems");
  g_assert_cmpstr (systems, ==, "0");

  /* Only the header line. */
  csv = cli_list ("systems", db, "csv");
  g_assert_true (g_str_has_prefix (csv, "id,row_version,"));
  g_assert_cmpint (strchr (csv, '\n') - csv, ==, strlen (csv) - 1);
}

static void
test_init_shared (void)
{
  g_autofree char *db = cli_path ("shared.db");
  g_autofree char *info = NULL;
  g_autofree char *mode = NULL;
  g_auto(CliResult) result = { 0 };

  cli_run (&result, "init", db, "--shared", "--demo", NULL);
  cli_assert_status (&result, 0);

  /* The file remembers it is shared: opened later without --shared. */
  info = run_info (db);
  mode = info_value (info, "Mode");
  g_assert_true (g_str_has_prefix (mode, "shared"));
}

static void
test_init_existing (void)
{
  g_autofree char *db = cli_new_demo ("demo.db");
  g_autofree char *other = cli_path ("notes.txt");
  g_autoptr(GBytes) before = cli_read_bytes (db);
  g_autoptr(GBytes) other_before = NULL;
  g_auto(CliResult) again = { 0 };
  g_auto(CliResult) text = { 0 };

  cli_run (&again, "init", db, "--demo", NULL);
  cli_assert_failed (&again, 1, db);
  cli_assert_unchanged (db, before);

  g_assert_true (g_file_set_contents (other, "not a database\n", -1, NULL));
  other_before = cli_read_bytes (other);
  cli_run (&text, "init", other, NULL);
  cli_assert_failed (&text, 1, other);
  cli_assert_unchanged (other, other_before);
}

/* info says read-only and why, list works, add and update fail saying why,
 * and the file's bytes stay as they were. */
static void
assert_reads_but_refuses_writes (const char *db,
                                 const char *reason)
{
  g_autoptr(GBytes) before = cli_read_bytes (db);
  g_autofree char *info = run_info (db);
  g_autofree char *read_only = info_value (info, "Read-only");
  g_autofree char *csv = cli_list ("systems", db, "csv");
  g_auto(CliResult) add = { 0 };
  g_auto(CliResult) update = { 0 };

  g_assert_true (g_str_has_prefix (read_only, "yes"));
  g_assert_nonnull (strstr (read_only, reason));
  g_assert_true (g_str_has_prefix (csv, "id,row_version,"));

  cli_run (&add, "add", "people", db, "--set", "name=Ada", NULL);
  cli_assert_failed (&add, 1, reason);
  cli_run (&update, "update", "people", db, "PER-001", "--set", "role=Boss", NULL);
  cli_assert_failed (&update, 1, reason);

  cli_assert_unchanged (db, before);
}

static void
test_newer_schema (void)
{
  g_autofree char *db = cli_new_demo ("newer.db");

  cli_sqlite3 (db, "PRAGMA journal_mode=DELETE; PRAGMA user_version=999;");
  assert_reads_but_refuses_writes (db, "newer");
}

static void
test_read_only_file (void)
{
  g_autofree char *db = NULL;

  if (getuid () == 0)
    {
      g_test_skip ("file permissions do not hold for root");
      return;
    }
  db = cli_new_demo ("read-only.db");
  g_assert_cmpint (g_chmod (db, 0444), ==, 0);
  assert_reads_but_refuses_writes (db, "permission");
}

static void
test_check_fresh (void)
{
  g_autofree char *db = cli_new_demo ("demo.db");
  g_auto(CliResult) result = { 0 };

  cli_run (&result, "check", db, NULL);
  cli_assert_status (&result, 0);
  g_assert_cmpstr (result.out, ==, "OK\n");
  g_assert_cmpstr (result.err, ==, "");
}

static void
test_check_tampered (void)
{
  g_autofree char *db = cli_new_demo ("demo.db");
  g_autoptr(GBytes) before = NULL;
  g_auto(CliResult) result = { 0 };

  /* The schema forbids UPDATE on the audit log: someone determined drops that first. */
  cli_sqlite3 (db, "DROP TRIGGER audit_log_no_update; "
                   "UPDATE audit_log SET actor='Mallory' WHERE id=5;");
  before = cli_read_bytes (db);

  cli_run (&result, "check", db, NULL);
  cli_assert_status (&result, 1);
  g_assert_nonnull (strstr (result.out, "row 5"));
  g_assert_null (strstr (result.out, "row 4"));
  cli_assert_one_line_naming (result.err, db);

  /* A check changes nothing. */
  cli_assert_unchanged (db, before);
}

static void
test_backup (void)
{
  g_autofree char *db = cli_new_demo ("demo.db");
  g_autofree char *copy = cli_path ("copy.db");
  g_autofree char *original_csv = cli_list ("systems", db, "csv");
  g_autofree char *copy_csv = NULL;
  g_autoptr(GBytes) copy_bytes = NULL;
  g_auto(CliResult) backup = { 0 };
  g_auto(CliResult) check = { 0 };
  g_auto(CliResult) again = { 0 };

  cli_run (&backup, "backup", db, copy, NULL);
  cli_assert_status (&backup, 0);
  g_assert_cmpstr (backup.err, ==, "");

  cli_run (&check, "check", copy, NULL);
  cli_assert_status (&check, 0);
  copy_csv = cli_list ("systems", copy, "csv");
  g_assert_cmpstr (copy_csv, ==, original_csv);

  /* Never over an existing file, not even an earlier backup. */
  copy_bytes = cli_read_bytes (copy);
  cli_run (&again, "backup", db, copy, NULL);
  cli_assert_failed (&again, 1, copy);
  cli_assert_unchanged (copy, copy_bytes);
}

static void
test_backup_missing_source (void)
{
  g_autofree char *db = cli_path ("missing.db");
  g_autofree char *copy = cli_path ("copy.db");
  g_auto(CliResult) result = { 0 };

  cli_run (&result, "backup", db, copy, NULL);
  cli_assert_failed (&result, 1, db);
  g_assert_false (g_file_test (copy, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (db, G_FILE_TEST_EXISTS));
}

int
main (int    argc,
      char **argv)
{
  cli_test_init (&argc, &argv);

  g_test_add_func ("/cli/init/demo", test_init_demo);
  g_test_add_func ("/cli/init/empty", test_init_empty);
  g_test_add_func ("/cli/init/shared", test_init_shared);
  g_test_add_func ("/cli/init/existing", test_init_existing);
  g_test_add_func ("/cli/info/newer-schema", test_newer_schema);
  g_test_add_func ("/cli/info/read-only-file", test_read_only_file);
  g_test_add_func ("/cli/check/fresh", test_check_fresh);
  g_test_add_func ("/cli/check/tampered", test_check_tampered);
  g_test_add_func ("/cli/backup/copy", test_backup);
  g_test_add_func ("/cli/backup/missing-source", test_backup_missing_source);

  return g_test_run ();
}
