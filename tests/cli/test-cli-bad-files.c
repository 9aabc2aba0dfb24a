/* test-cli-bad-files.c — files aimsctl must refuse without touching them, and a busy database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>

#include "cli-runner.h"

/* Every command that opens DB, with DB where it goes. */
static void
run_command (CliResult  *result,
             guint       which,
             const char *db)
{
  g_autofree char *out = cli_path ("backup-out.db");

  switch (which)
    {
    case 0: cli_run (result, "list", "systems", db, NULL); break;
    case 1: cli_run (result, "list", "people", db, "--format", "json", NULL); break;
    case 2: cli_run (result, "info", db, NULL); break;
    case 3: cli_run (result, "check", db, NULL); break;
    case 4: cli_run (result, "add", "people", db, "--set", "name=Ada", NULL); break;
    case 5: cli_run (result, "update", "systems", db, "AIS-001", "--set", "name=x", NULL); break;
    case 6: cli_run (result, "backup", db, out, NULL); break;
    default: g_assert_not_reached ();
    }
  /* A refused source leaves no backup behind. */
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
}
#define N_COMMANDS 7

/* Each command exits 1 with one line naming the file and leaves its bytes,
 * and the folder around it, as they were. */
static void
assert_refused_by_every_command (const char *db,
                                 const char *reason)
{
  g_autoptr(GBytes) before = cli_read_bytes (db);
  g_autofree char *dir = g_path_get_dirname (db);
  g_autofree char *base = g_path_get_basename (db);

  for (guint which = 0; which < N_COMMANDS; which++)
    {
      g_auto(CliResult) result = { 0 };
      g_autoptr(GDir) listing = NULL;
      const char *name;

      run_command (&result, which, db);
      cli_assert_status (&result, 1);
      g_assert_cmpstr (result.out, ==, "");
      cli_assert_one_line_naming (result.err, db);
      g_assert_nonnull (strstr (result.err, reason));

      cli_assert_unchanged (db, before);

      /* No journal, WAL or copy was made beside it. */
      listing = g_dir_open (dir, 0, NULL);
      while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
        g_assert_cmpstr (name, ==, base);
    }
}

static void
test_random_bytes (void)
{
  g_autofree char *db = cli_path ("random.db");
  guint8 bytes[4096];

  for (guint i = 0; i < sizeof bytes; i++)
    bytes[i] = (guint8) g_test_rand_int_range (0, 256);
  g_assert_true (g_file_set_contents (db, (const char *) bytes, sizeof bytes, NULL));
  assert_refused_by_every_command (db, "not an AIMS Desk database");
}

static void
test_empty_file (void)
{
  g_autofree char *db = cli_path ("empty.db");

  g_assert_true (g_file_set_contents (db, "", 0, NULL));
  assert_refused_by_every_command (db, "empty");
}

static void
test_other_program (void)
{
  g_autofree char *db = cli_path ("other.db");

  cli_sqlite3 (db, "CREATE TABLE t(x); INSERT INTO t VALUES (42);");
  assert_refused_by_every_command (db, "another program");
}

static void
test_missing_file (void)
{
  g_autofree char *db = cli_path ("missing.db");

  assert_refused_by_every_command (db, "does not exist");
}

static void
test_folder (void)
{
  g_autofree char *db = cli_path ("folder.db");

  g_assert_cmpint (g_mkdir (db, 0700), ==, 0);
  assert_refused_by_every_command (db, "folder");
}

/* Another program holds the write lock while aimsctl runs. */
typedef struct
{
  GSubprocess   *sqlite3;
  GOutputStream *stdin_pipe;
} LockHolder;

static void
lock_holder_start (LockHolder *holder,
                   const char *db)
{
  const char *statements = "BEGIN IMMEDIATE;\nUPDATE person SET role=role;\n"
                           "SELECT 'locked';\n";
  g_autoptr(GDataInputStream) out = NULL;
  g_autofree char *line = NULL;
  g_autoptr(GError) error = NULL;

  holder->sqlite3 = g_subprocess_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE,
                                      &error, "sqlite3", "-bail", db, NULL);
  g_assert_no_error (error);
  holder->stdin_pipe = g_subprocess_get_stdin_pipe (holder->sqlite3);
  g_output_stream_write_all (holder->stdin_pipe, statements, strlen (statements), NULL, NULL, &error);
  g_assert_no_error (error);

  /* Wait until it has the lock. */
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (holder->sqlite3));
  line = g_data_input_stream_read_line_utf8 (out, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (line, ==, "locked");
}

static void
lock_holder_stop (LockHolder *holder)
{
  g_autoptr(GError) error = NULL;

  /* Closing stdin ends sqlite3, which rolls back. */
  g_output_stream_close (holder->stdin_pipe, NULL, &error);
  g_assert_no_error (error);
  g_subprocess_wait_check (holder->sqlite3, NULL, &error);
  g_assert_no_error (error);
  g_clear_object (&holder->sqlite3);
}

static void
check_busy (const char *db)
{
  const char *env[] = { "AIMS_BUSY_TIMEOUT=300", NULL };
  g_autofree char *before = cli_list ("people", db, "csv");
  g_autofree char *after = NULL;
  g_auto(CliResult) add = { 0 };
  g_auto(CliResult) update = { 0 };
  g_auto(CliResult) list = { 0 };
  LockHolder holder = { 0 };
  gint64 start;

  lock_holder_start (&holder, db);

  start = g_get_monotonic_time ();
  cli_run_env (&add, env, "add", "people", db, "--set", "name=Ada", NULL);
  cli_assert_failed (&add, 4, db);
  g_assert_nonnull (strstr (add.err, "busy"));
  /* It waited, but not the default 5 s. */
  g_assert_cmpint (g_get_monotonic_time () - start, >=, 300 * 1000);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 4 * G_USEC_PER_SEC);

  cli_run (&update, "update", "people", db, "PER-001", "--set", "role=Chief",
           "--timeout", "200", NULL);
  cli_assert_status (&update, 4);

  /* Readers are not held up by a writer. */
  cli_run (&list, "list", "people", db, NULL);
  cli_assert_status (&list, 0);

  lock_holder_stop (&holder);

  after = cli_list ("people", db, "csv");
  g_assert_cmpstr (after, ==, before);
}

static void
test_busy_local (void)
{
  g_autofree char *db = cli_new_demo ("local.db");

  check_busy (db);
}

static void
test_busy_shared (void)
{
  g_autofree char *db = cli_path ("shared.db");
  g_auto(CliResult) init = { 0 };

  cli_run (&init, "init", db, "--shared", "--demo", NULL);
  cli_assert_status (&init, 0);
  check_busy (db);
}

int
main (int    argc,
      char **argv)
{
  cli_test_init (&argc, &argv);

  g_test_add_func ("/cli/bad-files/random-bytes", test_random_bytes);
  g_test_add_func ("/cli/bad-files/empty", test_empty_file);
  g_test_add_func ("/cli/bad-files/other-program", test_other_program);
  g_test_add_func ("/cli/bad-files/missing", test_missing_file);
  g_test_add_func ("/cli/bad-files/folder", test_folder);
  g_test_add_func ("/cli/busy/local", test_busy_local);
  g_test_add_func ("/cli/busy/shared", test_busy_shared);

  return g_test_run ();
}
