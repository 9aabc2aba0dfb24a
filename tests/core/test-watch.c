/* test-watch.c — AimsDbWatch notices commits made by other connections
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "core-fixtures.h"

#define INTERVAL_MS 100

typedef struct
{
  GMainLoop *loop;
  guint      changed;
} Watcher;

static void
watch_changed_cb (AimsDbWatch *watch,
                  Watcher     *w)
{
  w->changed++;
  g_main_loop_quit (w->loop);
}

static gboolean
timeout_cb (gpointer user_data)
{
  g_main_loop_quit (user_data);
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until ::changed or timeout_ms. */
static void
run_for (Watcher *w,
         guint    timeout_ms)
{
  guint timeout = g_timeout_add (timeout_ms, timeout_cb, w->loop);

  g_main_loop_run (w->loop);
  if (g_main_context_find_source_by_id (NULL, timeout) != NULL)
    g_source_remove (timeout);
}

static void
check_watch (AimsDbOpenFlags flags)
{
  g_autofree char *path = NULL;
  g_autoptr(AimsDbWatch) watch = NULL;
  g_autoptr(AimsRecord) own = NULL;
  g_autoptr(AimsRecord) other = NULL;
  Watcher w = { g_main_loop_new (NULL, FALSE), 0 };
  AimsDb *a = fixture_create_db ("watched.aims", flags, &path);
  AimsDb *b = fixture_open_db (path, flags);

  watch = aims_db_watch_new (a, INTERVAL_MS);
  g_signal_connect (watch, "changed", G_CALLBACK (watch_changed_cb), &w);

  /* Quiet while nobody writes, and while only A itself writes. */
  run_for (&w, 4 * INTERVAL_MS);
  own = fixture_add_system (a, "Written by A", NULL);
  run_for (&w, 4 * INTERVAL_MS);
  g_assert_cmpuint (w.changed, ==, 0);

  /* B's commit is noticed within a few intervals. B's short busy timeout
   * shows that the watch holds no lock between polls. */
  aims_db_set_busy_timeout (b, 1000);
  other = fixture_add_system (b, "Written by B", NULL);
  run_for (&w, 5000);
  g_assert_cmpuint (w.changed, ==, 1);
  g_assert_cmpint (fixture_count_rows (a, "ai_system"), ==, 2);

  /* Once per commit, not again and again. */
  run_for (&w, 4 * INTERVAL_MS);
  g_assert_cmpuint (w.changed, ==, 1);

  g_clear_object (&watch);
  g_main_loop_unref (w.loop);
  fixture_close_db (&b);
  fixture_close_db (&a);
}

static void
test_watch_local (void)
{
  check_watch (AIMS_DB_OPEN_DEFAULT);
}

static void
test_watch_shared (void)
{
  check_watch (AIMS_DB_OPEN_SHARED);
}

/* The watch does not keep its database alive, nor poll it once dropped. */
static void
test_watch_dropped (void)
{
  AimsDb *db = fixture_create_db ("dropped.aims", AIMS_DB_OPEN_DEFAULT, NULL);
  AimsDbWatch *watch = aims_db_watch_new (db, INTERVAL_MS);
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);

  g_object_unref (watch);
  fixture_close_db (&db);
  g_timeout_add (3 * INTERVAL_MS, timeout_cb, loop);
  g_main_loop_run (loop);
}

/* Polling happens on the GUI's main loop: while another writer holds the
 * lock of a shared file it answers "busy" (-1) at once instead of waiting
 * out the busy timeout. The timeout is set far beyond this test's own
 * timeout in meson, so a poll that waited would fail the test. */
static void
test_watch_locked_does_not_wait (void)
{
  g_autofree char *path = NULL;
  AimsDb *db = fixture_create_db ("locked.aims", AIMS_DB_OPEN_SHARED, &path);
  sqlite3 *holder = fixture_raw_open (path);

  aims_db_set_busy_timeout (db, 600 * 1000);
  g_assert_cmpint (aims_db_get_data_version (db), >=, 0);
  fixture_raw_exec (holder, "BEGIN EXCLUSIVE");
  g_assert_cmpint (aims_db_get_data_version (db), ==, -1);
  fixture_raw_exec (holder, "COMMIT");
  g_assert_cmpint (aims_db_get_data_version (db), >=, 0);

  sqlite3_close (holder);
  fixture_close_db (&db);
}

int
main (int   argc,
      char *argv[])
{
  fixture_init (&argc, &argv);

  g_test_add_func ("/core/watch/local", test_watch_local);
  g_test_add_func ("/core/watch/shared", test_watch_shared);
  g_test_add_func ("/core/watch/dropped", test_watch_dropped);
  g_test_add_func ("/core/watch/locked-does-not-wait", test_watch_locked_does_not_wait);

  return g_test_run ();
}
