/* test-bad-files.c — files that are not what we want: one clear error naming
 * the file, or a read-only database that says why; the bytes never change
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>
#include <sys/stat.h>

#include <glib/gstdio.h>

#include "core-fixtures.h"

/* Opening path fails with code and a message naming the file, and leaves
 * the file's bytes as they were. */
static void
assert_open_refused (const char *path,
                     int         code)
{
  g_autoptr(GBytes) before = fixture_read_bytes (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(AimsDb) db = aims_db_open (path, AIMS_DB_OPEN_DEFAULT, &error);

  g_assert_null (db);
  fixture_assert_error_names_file (error, code, path);
  fixture_assert_same_bytes (before, path);
}

/* A write on a read-only database fails with READ_ONLY and writes nothing. */
static void
assert_writes_refused (AimsDb *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) values = fixture_values ("name", "Should not be stored", NULL);
  gint64 systems = fixture_count_rows (db, "ai_system");
  gint64 audit = fixture_count_rows (db, "audit_log");

  error = fixture_insert_refused (db, aims_entity_systems (), values);
  g_assert_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_READ_ONLY);
  g_clear_error (&error);

  g_assert_false (aims_db_begin_write (db, &error));
  g_assert_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_READ_ONLY);

  g_assert_cmpint (fixture_count_rows (db, "ai_system"), ==, systems);
  g_assert_cmpint (fixture_count_rows (db, "audit_log"), ==, audit);
}

/* A folder chosen by mistake. */
static void
test_bad_file_folder (void)
{
  g_autofree char *path = fixture_path ("folder.aims/inside");
  g_autofree char *folder = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(AimsDb) db = aims_db_open (folder, AIMS_DB_OPEN_CREATE, &error);

  g_assert_null (db);
  fixture_assert_error_names_file (error, AIMS_DB_ERROR_NOT_AIMS, folder);
  g_assert_true (g_file_test (folder, G_FILE_TEST_IS_DIR));
}

/* A real AIMS database with one system, closed; returns its path. */
static char *
make_closed_db (const char *name)
{
  char *path = NULL;
  AimsDb *db = fixture_create_db (name, AIMS_DB_OPEN_DEFAULT, &path);
  g_autoptr(AimsRecord) system = fixture_add_system (db, "Predictive maintenance", NULL);

  fixture_close_db (&db);
  return path;
}

/* Opens path, which must come up read-only with a reason; checks that it
 * can be read but not written, and that its bytes did not change. */
static void
assert_opens_read_only (const char      *path,
                        AimsDbOpenFlags  flags)
{
  g_autoptr(GBytes) before = fixture_read_bytes (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) systems = NULL;
  AimsDb *db = fixture_open_db (path, flags);

  g_assert_true (aims_db_is_read_only (db));
  g_assert_nonnull (aims_db_get_read_only_reason (db));
  g_assert_cmpstr (aims_db_get_read_only_reason (db), !=, "");

  systems = aims_store_list (db, aims_entity_systems (), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (systems->len, ==, 1);
  assert_writes_refused (db);
  fixture_close_db (&db);

  fixture_assert_same_bytes (before, path);
}

static void
test_bad_file_random_bytes (void)
{
  g_autofree char *path = fixture_path ("random-bytes.aims");
  guint32 data[1024];

  for (guint i = 0; i < G_N_ELEMENTS (data); i++)
    data[i] = g_random_int ();
  fixture_write_bytes (path, data, sizeof data);
  assert_open_refused (path, AIMS_DB_ERROR_NOT_AIMS);
}

static void
test_bad_file_empty (void)
{
  g_autofree char *path = fixture_path ("empty.aims");

  fixture_write_bytes (path, "", 0);
  assert_open_refused (path, AIMS_DB_ERROR_NOT_AIMS);
}

/* A text file that happens to carry the .aims name. */
static void
test_bad_file_text (void)
{
  g_autofree char *path = fixture_path ("notes.aims");
  const char text[] = "Minutes of the management review\nAttendees: everyone\n";

  fixture_write_bytes (path, text, sizeof text - 1);
  assert_open_refused (path, AIMS_DB_ERROR_NOT_AIMS);
}

static void
test_bad_file_other_program (void)
{
  g_autofree char *path = fixture_path ("other-program.sqlite");

  fixture_raw_exec_file (path, "CREATE TABLE t (x); INSERT INTO t VALUES (1), (2), (3);");
  assert_open_refused (path, AIMS_DB_ERROR_NOT_AIMS);
  g_assert_cmpint (fixture_raw_query_int (path, "SELECT count(*) FROM t"), ==, 3);
}

/* Another program's database, even one with a user_version of its own. */
static void
test_bad_file_other_program_versioned (void)
{
  g_autofree char *path = fixture_path ("versioned.sqlite");

  fixture_raw_exec_file (path, "PRAGMA user_version = 1; CREATE TABLE person (id, name);");
  assert_open_refused (path, AIMS_DB_ERROR_NOT_AIMS);
}

/* A demo database (made with flags) whose page 2, the first table's, is
 * overwritten with garbage: SQLite can still read the header and the schema
 * on page 1. */
static char *
make_corrupt_db (const char      *name,
                 AimsDbOpenFlags  flags)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree guint8 *data = NULL;
  char *path = NULL;
  AimsDb *db = fixture_create_db (name, flags, &path);
  gsize size, page_size;

  g_assert_true (aims_demo_populate (db, &error));
  g_assert_no_error (error);
  fixture_close_db (&db);

  bytes = fixture_read_bytes (path);
  data = g_bytes_unref_to_data (g_steal_pointer (&bytes), &size);
  page_size = (gsize) data[16] << 8 | data[17];
  if (page_size == 1)
    page_size = 65536;
  g_assert_cmpuint (size, >=, 3 * page_size);
  memset (data + page_size, 0xa5, page_size);
  fixture_write_bytes (path, data, size);
  return path;
}

static void
test_bad_file_corrupt_local (void)
{
  g_autofree char *path = make_corrupt_db ("corrupt.aims", AIMS_DB_OPEN_DEFAULT);

  assert_open_refused (path, AIMS_DB_ERROR_CORRUPT);
}

/* A damaged shared file: not knowing it is shared must not switch it to
 * WAL before finding the damage. */
static void
test_bad_file_corrupt_shared (void)
{
  g_autofree char *path = make_corrupt_db ("corrupt-shared.aims", AIMS_DB_OPEN_SHARED);

  assert_open_refused (path, AIMS_DB_ERROR_CORRUPT);
}

/* Written by a newer AIMS Desk: aims-db.h and DESIGN.md allow opening it
 * read-only with a reason that says so, or refusing it with NEWER_SCHEMA.
 * Either way it is never migrated or written. */
static void
test_bad_file_newer_schema (void)
{
  g_autofree char *path = make_closed_db ("newer.aims");
  int newer = aims_migrate_latest_version () + 5;
  g_autofree char *sql = g_strdup_printf ("PRAGMA user_version = %d", newer);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GError) error = NULL;
  AimsDb *db;

  fixture_raw_exec_file (path, sql);
  before = fixture_read_bytes (path);

  db = aims_db_open (path, AIMS_DB_OPEN_DEFAULT, &error);
  if (db == NULL)
    {
      fixture_assert_error_names_file (error, AIMS_DB_ERROR_NEWER_SCHEMA, path);
    }
  else
    {
      g_assert_no_error (error);
      g_assert_true (aims_db_is_read_only (db));
      g_assert_nonnull (aims_db_get_read_only_reason (db));
      if (!fixture_contains_nocase (aims_db_get_read_only_reason (db), "newer"))
        g_error ("the reason “%s” does not say the file is newer", aims_db_get_read_only_reason (db));
      g_assert_cmpint (aims_db_get_schema_version (db), ==, newer);
      g_assert_null (aims_db_get_migration_backup (db));
      assert_writes_refused (db);
      fixture_close_db (&db);
    }

  fixture_assert_same_bytes (before, path);
  g_assert_cmpint (fixture_raw_query_int (path, "PRAGMA user_version"), ==, newer);
}

/* The user asked for read-only: this works even where permissions do not. */
static void
test_bad_file_read_only_flag (void)
{
  g_autofree char *path = make_closed_db ("asked-read-only.aims");

  assert_opens_read_only (path, AIMS_DB_OPEN_READ_ONLY);
}

static void
test_bad_file_read_only_file (void)
{
  g_autofree char *path = NULL;

  if (fixture_rerun_unprivileged ())
    return;
  path = make_closed_db ("read-only-file.aims");
  g_assert_cmpint (g_chmod (path, 0444), ==, 0);
  assert_opens_read_only (path, AIMS_DB_OPEN_DEFAULT);
  g_assert_cmpint (g_chmod (path, 0644), ==, 0);
}

static void
test_bad_file_read_only_folder (void)
{
  g_autofree char *path = NULL;
  g_autofree char *folder = NULL;

  if (fixture_rerun_unprivileged ())
    return;
  path = make_closed_db ("locked-folder/in-read-only-folder.aims");
  folder = g_path_get_dirname (path);
  g_assert_cmpint (g_chmod (folder, 0555), ==, 0);
  assert_opens_read_only (path, AIMS_DB_OPEN_DEFAULT);
  g_assert_cmpint (g_chmod (folder, 0755), ==, 0);
}

/* Missing, and not asked to create it: nothing is created either. */
static void
test_bad_file_missing (void)
{
  g_autofree char *path = fixture_path ("missing.aims");
  g_autoptr(GError) error = NULL;
  g_autoptr(AimsDb) db = aims_db_open (path, AIMS_DB_OPEN_DEFAULT, &error);

  g_assert_null (db);
  fixture_assert_error_names_file (error, AIMS_DB_ERROR_MISSING, path);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
test_bad_file_missing_folder (void)
{
  g_autofree char *folder = fixture_path ("gone");
  g_autofree char *path = g_build_filename (folder, "missing.aims", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(AimsDb) db = aims_db_open (path, AIMS_DB_OPEN_CREATE, &error);

  g_assert_null (db);
  fixture_assert_error_names_file (error, -1, path);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

/* Another writer holds the lock: the write waits for the busy timeout, then
 * fails with BUSY naming the file; nothing is written, and the connection
 * works again once the lock is gone. */
static void
check_locked (AimsDbOpenFlags flags)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) values = fixture_values ("name", "Waits for the lock", NULL);
  g_autoptr(AimsRecord) later = NULL;
  AimsDb *db = fixture_create_db ("locked.aims", flags, &path);
  sqlite3 *other_writer;
  gint64 started, waited;

  aims_db_set_busy_timeout (db, 200);
  other_writer = fixture_raw_open (path);
  fixture_raw_exec (other_writer, "BEGIN IMMEDIATE");

  started = g_get_monotonic_time ();
  error = fixture_insert_refused (db, aims_entity_systems (), values);
  waited = (g_get_monotonic_time () - started) / 1000;
  fixture_assert_error_names_file (error, AIMS_DB_ERROR_BUSY, path);
  g_clear_error (&error);
  g_assert_cmpint (waited, >=, 150);
  g_assert_cmpint (waited, <, 10000);

  fixture_raw_exec (other_writer, "ROLLBACK");
  g_assert_cmpint (sqlite3_close (other_writer), ==, SQLITE_OK);

  g_assert_cmpint (fixture_count_rows (db, "ai_system"), ==, 0);
  g_assert_cmpint (fixture_count_rows (db, "audit_log"), ==, 0);
  later = fixture_insert (db, aims_entity_systems (), values);
  g_assert_cmpint (fixture_count_rows (db, "ai_system"), ==, 1);
  fixture_close_db (&db);
}

static void
test_bad_file_locked_local (void)
{
  check_locked (AIMS_DB_OPEN_DEFAULT);
}

static void
test_bad_file_locked_shared (void)
{
  check_locked (AIMS_DB_OPEN_SHARED);
}

int
main (int   argc,
      char *argv[])
{
  fixture_init (&argc, &argv);

  g_test_add_func ("/core/bad-file/random-bytes", test_bad_file_random_bytes);
  g_test_add_func ("/core/bad-file/empty", test_bad_file_empty);
  g_test_add_func ("/core/bad-file/text", test_bad_file_text);
  g_test_add_func ("/core/bad-file/folder", test_bad_file_folder);
  g_test_add_func ("/core/bad-file/other-program", test_bad_file_other_program);
  g_test_add_func ("/core/bad-file/other-program-versioned", test_bad_file_other_program_versioned);
  g_test_add_func ("/core/bad-file/corrupt/local", test_bad_file_corrupt_local);
  g_test_add_func ("/core/bad-file/corrupt/shared", test_bad_file_corrupt_shared);
  g_test_add_func ("/core/bad-file/newer-schema", test_bad_file_newer_schema);
  g_test_add_func ("/core/bad-file/read-only-flag", test_bad_file_read_only_flag);
  g_test_add_func ("/core/bad-file/read-only-file", test_bad_file_read_only_file);
  g_test_add_func ("/core/bad-file/read-only-folder", test_bad_file_read_only_folder);
  g_test_add_func ("/core/bad-file/missing", test_bad_file_missing);
  g_test_add_func ("/core/bad-file/missing-folder", test_bad_file_missing_folder);
  g_test_add_func ("/core/bad-file/locked/local", test_bad_file_locked_local);
  g_test_add_func ("/core/bad-file/locked/shared", test_bad_file_locked_shared);

  return g_test_run ();
}
