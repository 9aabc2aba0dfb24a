/* test-modes.c — local files use WAL, shared files the rollback journal, and
 * a file remembers that it is shared
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "core-fixtures.h"

/* The connection's journal mode, synchronous level and foreign keys. */
static void
assert_connection (AimsDb     *db,
                   AimsDbMode  mode)
{
  g_autofree char *journal = fixture_query_text (db, "PRAGMA journal_mode");

  g_assert_cmpint (aims_db_get_mode (db), ==, mode);
  g_assert_cmpint (fixture_query_int (db, "PRAGMA foreign_keys"), ==, 1);
  if (mode == AIMS_DB_MODE_LOCAL)
    {
      g_assert_cmpstr (journal, ==, "wal");
      g_assert_cmpint (fixture_query_int (db, "PRAGMA synchronous"), ==, 1); /* NORMAL */
    }
  else
    {
      g_assert_cmpstr (journal, ==, "delete");
      g_assert_cmpint (fixture_query_int (db, "PRAGMA synchronous"), ==, 2); /* FULL */
    }
}

/* The file format's write and read versions (header bytes 18 and 19): 1
 * for the rollback journal, 2 for WAL. Only while the file is closed. */
static void
assert_file_format (const char *path,
                    guint8      version)
{
  g_autoptr(GBytes) bytes = fixture_read_bytes (path);
  const guint8 *data = g_bytes_get_data (bytes, NULL);

  g_assert_cmpuint (g_bytes_get_size (bytes), >=, 100);
  g_assert_cmpmem (data, 16, "SQLite format 3", 16);
  g_assert_cmpuint (data[18], ==, version);
  g_assert_cmpuint (data[19], ==, version);
}

/* Reopens path with flags and asserts the connection is set up for mode. */
static void
assert_reopens_as (const char      *path,
                   AimsDbOpenFlags  flags,
                   AimsDbMode       mode)
{
  AimsDb *db = fixture_open_db (path, flags);

  assert_connection (db, mode);
  fixture_close_db (&db);
}

static gboolean
has_wal (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);

  return g_file_test (wal, G_FILE_TEST_EXISTS);
}

static void
test_modes_local (void)
{
  g_autofree char *path = NULL;
  g_autoptr(AimsRecord) system = NULL;
  AimsDb *db = fixture_create_db ("local.aims", AIMS_DB_OPEN_DEFAULT, &path);

  assert_connection (db, AIMS_DB_MODE_LOCAL);
  system = fixture_add_system (db, "Fraud detection", NULL);
  fixture_close_db (&db);

  assert_file_format (path, 2);
  assert_reopens_as (path, AIMS_DB_OPEN_DEFAULT, AIMS_DB_MODE_LOCAL);
}

/* Shared: the rollback journal, and never a -wal file beside the database,
 * even after writes. */
static void
test_modes_shared (void)
{
  g_autofree char *path = NULL;
  g_autoptr(AimsRecord) system = NULL;
  g_autoptr(AimsRecord) updated = NULL;
  AimsDb *db = fixture_create_db ("shared.aims", AIMS_DB_OPEN_SHARED, &path);

  assert_connection (db, AIMS_DB_MODE_SHARED);
  system = fixture_add_system (db, "Support chatbot", NULL);
  updated = fixture_update_field (db, system, "provider", "Acme");
  g_assert_false (has_wal (path));
  fixture_close_db (&db);

  g_assert_false (has_wal (path));
  assert_file_format (path, 1);
}

/* Reopened without being told, a shared file is still shared. */
static void
test_modes_shared_remembered (void)
{
  g_autofree char *path = NULL;
  AimsDb *db = fixture_create_db ("remembered.aims", AIMS_DB_OPEN_SHARED, &path);

  fixture_close_db (&db);
  assert_reopens_as (path, AIMS_DB_OPEN_DEFAULT, AIMS_DB_MODE_SHARED);
}

/* A local file the user then opens as shared becomes, and stays, shared. */
static void
test_modes_local_made_shared (void)
{
  g_autofree char *path = NULL;
  g_autoptr(AimsRecord) system = NULL;
  AimsDb *db = fixture_create_db ("moved-to-share.aims", AIMS_DB_OPEN_DEFAULT, &path);

  system = fixture_add_system (db, "CV screening", NULL);
  fixture_close_db (&db);

  db = fixture_open_db (path, AIMS_DB_OPEN_SHARED);
  assert_connection (db, AIMS_DB_MODE_SHARED);
  g_assert_cmpint (fixture_count_rows (db, "ai_system"), ==, 1);
  fixture_close_db (&db);
  g_assert_false (has_wal (path));
  assert_file_format (path, 1);
  assert_reopens_as (path, AIMS_DB_OPEN_DEFAULT, AIMS_DB_MODE_SHARED);
}

/* Remembering the mode is no change a user made: it adds no audit row. */
static void
test_modes_shared_not_audited (void)
{
  g_autoptr(GError) error = NULL;
  gint64 broken = 0, n_rows = -1;
  AimsDb *db = fixture_create_db ("quiet.aims", AIMS_DB_OPEN_SHARED, NULL);

  g_assert_true (aims_audit_verify (db, &broken, &n_rows, &error));
  g_assert_no_error (error);
  g_assert_cmpint (n_rows, ==, 0);
  fixture_close_db (&db);
}

int
main (int   argc,
      char *argv[])
{
  fixture_init (&argc, &argv);

  g_test_add_func ("/core/modes/local", test_modes_local);
  g_test_add_func ("/core/modes/shared", test_modes_shared);
  g_test_add_func ("/core/modes/shared-remembered", test_modes_shared_remembered);
  g_test_add_func ("/core/modes/local-made-shared", test_modes_local_made_shared);
  g_test_add_func ("/core/modes/shared-not-audited", test_modes_shared_not_audited);

  return g_test_run ();
}
