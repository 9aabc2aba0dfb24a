/* test-concurrent.c — two processes writing the same file at the same time
 *
 * The test binary runs copies of itself as the writers: `test-concurrent
 * --writer DB GO-FILE N TAG shared|local` opens DB, waits until GO-FILE
 * exists (so both start together), and inserts N systems named TAG-1 … TAG-N.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdlib.h>

#include "core-fixtures.h"

#define N_PER_WRITER 50
#define WRITER_BUSY_TIMEOUT_MS 60000

static int
run_writer (char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AimsDb) db = NULL;
  const char *path = argv[2], *go = argv[3], *tag = argv[5];
  guint n = (guint) atoi (argv[4]);
  AimsDbOpenFlags flags = g_str_equal (argv[6], "shared") ? AIMS_DB_OPEN_SHARED : AIMS_DB_OPEN_DEFAULT;
  g_autofree char *author = g_strdup_printf ("Writer %s", tag);
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  if ((db = aims_db_open (path, flags, &error)) == NULL)
    {
      g_printerr ("%s: %s\n", tag, error->message);
      return 1;
    }
  aims_db_set_busy_timeout (db, WRITER_BUSY_TIMEOUT_MS);

  while (!g_file_test (go, G_FILE_TEST_EXISTS) && g_get_monotonic_time () < deadline)
    g_usleep (1000);

  for (guint i = 1; i <= n; i++)
    {
      g_autofree char *name = g_strdup_printf ("%s-%u", tag, i);
      g_autoptr(GHashTable) values = fixture_values ("name", name, "sourcing", "hybrid", NULL);
      g_autoptr(AimsRecord) record = aims_store_insert (db, aims_entity_systems (), values,
                                                        author, &error);

      if (record == NULL)
        {
          g_printerr ("%s: insert %u: %s\n", tag, i, error->message);
          return 1;
        }
      /* A pause, as between two people's edits, so that the writers
       * interleave instead of one finishing before the other gets the lock. */
      g_usleep (g_random_int_range (1000, 8000));
    }
  return 0;
}

static GPid
spawn_writer (const char *path,
              const char *go,
              const char *tag,
              const char *mode)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *self = g_file_read_link ("/proc/self/exe", &error);
  g_autofree char *n = g_strdup_printf ("%d", N_PER_WRITER);
  char *argv[] = { self, (char *) "--writer", (char *) path, (char *) go, n,
                   (char *) tag, (char *) mode, NULL };
  GPid pid = 0;

  g_assert_no_error (error);
  g_assert_true (g_spawn_async (NULL, argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                                NULL, NULL, &pid, &error));
  g_assert_no_error (error);
  return pid;
}

typedef struct
{
  GMainLoop *loop;
  guint      running;
  gboolean   failed;
} Writers;

static void
writer_exited_cb (GPid     pid,
                  int      status,
                  gpointer user_data)
{
  Writers *w = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_spawn_check_wait_status (status, &error))
    {
      g_printerr ("writer %d: %s\n", (int) pid, error->message);
      w->failed = TRUE;
    }
  g_spawn_close_pid (pid);
  if (--w->running == 0)
    g_main_loop_quit (w->loop);
}

static void
check_two_writers (AimsDbOpenFlags flags)
{
  const char *mode = (flags & AIMS_DB_OPEN_SHARED) ? "shared" : "local";
  const char *tags[] = { "A", "B" };
  g_autofree char *path = NULL;
  g_autofree char *go = fixture_path ("go");
  g_autoptr(GError) error = NULL;
  Writers w = { g_main_loop_new (NULL, FALSE), 0, FALSE };
  gint64 broken = 0, n_rows = 0;
  AimsDb *db = fixture_create_db ("two-writers.aims", flags, &path);

  fixture_close_db (&db);
  for (guint i = 0; i < G_N_ELEMENTS (tags); i++)
    {
      g_child_watch_add (spawn_writer (path, go, tags[i], mode), writer_exited_cb, &w);
      w.running++;
    }
  g_usleep (200 * 1000); /* let both open the file first */
  fixture_write_bytes (go, "go", 2);
  g_main_loop_run (w.loop);
  g_main_loop_unref (w.loop);
  g_assert_false (w.failed);

  db = fixture_open_db (path, AIMS_DB_OPEN_DEFAULT);
  g_assert_cmpint (aims_db_get_mode (db), ==,
                   (flags & AIMS_DB_OPEN_SHARED) ? AIMS_DB_MODE_SHARED : AIMS_DB_MODE_LOCAL);
  g_assert_cmpint (fixture_count_rows (db, "ai_system"), ==, 2 * N_PER_WRITER);
  g_assert_cmpint (fixture_query_int (db, "SELECT count(DISTINCT reference) FROM ai_system"), ==,
                   2 * N_PER_WRITER);
  g_assert_cmpint (fixture_query_int (db, "SELECT count(DISTINCT name) FROM ai_system"), ==,
                   2 * N_PER_WRITER);
  g_assert_cmpint (fixture_query_int (db, "SELECT count(*) FROM ai_system"
                                          " WHERE name LIKE 'A-%' AND created_by = 'Writer A'"), ==,
                   N_PER_WRITER);
  /* Every row has exactly its one audit row, and there are no others. */
  g_assert_cmpint (fixture_count_rows (db, "audit_log"), ==, 2 * N_PER_WRITER);
  g_assert_cmpint (fixture_query_int (db, "SELECT count(*) FROM ai_system s JOIN audit_log a"
                                          " ON a.entity = 'ai_system' AND a.entity_id = s.id"), ==,
                   2 * N_PER_WRITER);
  g_assert_true (aims_audit_verify (db, &broken, &n_rows, &error));
  g_assert_no_error (error);
  g_assert_cmpint (n_rows, ==, 2 * N_PER_WRITER);
  g_test_message ("%s: the writers took turns %" G_GINT64_FORMAT " times", mode,
                  fixture_query_int (db, "SELECT count(*) FROM ai_system a JOIN ai_system b"
                                         " ON b.id = a.id + 1 WHERE a.created_by != b.created_by"));
  fixture_close_db (&db);
}

static void
test_concurrent_local (void)
{
  check_two_writers (AIMS_DB_OPEN_DEFAULT);
}

static void
test_concurrent_shared (void)
{
  check_two_writers (AIMS_DB_OPEN_SHARED);
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 7 && g_str_equal (argv[1], "--writer"))
    return run_writer (argv);

  fixture_init (&argc, &argv);

  g_test_add_func ("/core/concurrent/local", test_concurrent_local);
  g_test_add_func ("/core/concurrent/shared", test_concurrent_shared);

  return g_test_run ();
}
