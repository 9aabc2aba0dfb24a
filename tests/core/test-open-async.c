/* test-open-async.c — opening in a worker thread, as the GUI does
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "core-fixtures.h"

typedef struct
{
  GMainLoop *loop;
  AimsDb    *db;
  GError    *error;
} Opening;

static void
opened_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  Opening *o = user_data;

  o->db = aims_db_open_finish (result, &o->error);
  g_main_loop_quit (o->loop);
}

static void
open_async (const char      *path,
            AimsDbOpenFlags  flags,
            Opening         *o)
{
  o->loop = g_main_loop_new (NULL, FALSE);
  aims_db_open_async (path, flags, NULL, opened_cb, o);
  g_main_loop_run (o->loop);
  g_main_loop_unref (o->loop);
}

static void
test_open_async_creates (void)
{
  g_autofree char *path = fixture_path ("async.aims");
  Opening o = { 0 };

  open_async (path, AIMS_DB_OPEN_CREATE, &o);
  g_assert_no_error (o.error);
  g_assert_true (AIMS_IS_DB (o.db));
  g_assert_cmpint (aims_db_get_schema_version (o.db), ==, aims_migrate_latest_version ());
  fixture_close_db (&o.db);
}

static void
test_open_async_refuses (void)
{
  g_autofree char *path = fixture_path ("async-not-ours.sqlite");
  g_autoptr(GBytes) before = NULL;
  Opening o = { 0 };

  fixture_raw_exec_file (path, "CREATE TABLE t (x)");
  before = fixture_read_bytes (path);
  open_async (path, AIMS_DB_OPEN_DEFAULT, &o);
  g_assert_null (o.db);
  fixture_assert_error_names_file (o.error, AIMS_DB_ERROR_NOT_AIMS, path);
  g_clear_error (&o.error);
  fixture_assert_same_bytes (before, path);
}

int
main (int   argc,
      char *argv[])
{
  fixture_init (&argc, &argv);

  g_test_add_func ("/core/open-async/creates", test_open_async_creates);
  g_test_add_func ("/core/open-async/refuses", test_open_async_refuses);

  return g_test_run ();
}
