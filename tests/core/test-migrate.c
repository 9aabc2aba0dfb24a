/* test-migrate.c — schema migrations: a new file, reopening, the backup copy
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "core-fixtures.h"

/* A new file is made at the latest schema version and marked as ours. */
static void
test_migrate_create (void)
{
  g_autofree char *path = NULL;
  AimsDb *db = fixture_create_db ("new.aims", AIMS_DB_OPEN_DEFAULT, &path);

  g_assert_cmpint (aims_migrate_latest_version (), >=, 1);
  g_assert_cmpint (aims_db_get_schema_version (db), ==, aims_migrate_latest_version ());
  g_assert_false (aims_db_is_read_only (db));
  /* Nothing was in the file, so there was nothing to back up. */
  g_assert_null (aims_db_get_migration_backup (db));
  g_assert_cmpint (fixture_count_rows (db, "ai_system"), ==, 0);
  fixture_close_db (&db);

  g_assert_cmpint (fixture_raw_query_int (path, "PRAGMA application_id"), ==, AIMS_APPLICATION_ID);
  g_assert_cmpint (fixture_raw_query_int (path, "PRAGMA user_version"), ==,
                   aims_migrate_latest_version ());
  /* Every entity of DESIGN.md has its table. */
  g_assert_cmpint (fixture_raw_query_int (path,
                     "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN "
                     "('person','ai_system','risk','risk_matrix','assessment_template',"
                     "'assessment_section','assessment_question','impact_assessment',"
                     "'assessment_answer','objective','measurement','nonconformity',"
                     "'corrective_action','control','soa_entry','audit_log')"), ==, 16);
}

/* Reopening a current file migrates nothing and copies nothing. */
static void
test_migrate_reopen (void)
{
  g_autofree char *path = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *listing_before = NULL;
  g_autofree char *listing_after = NULL;
  g_autoptr(AimsRecord) system = NULL;
  AimsDb *db = fixture_create_db ("reopen.aims", AIMS_DB_OPEN_DEFAULT, &path);

  system = fixture_add_system (db, "Fraud detection", NULL);
  fixture_close_db (&db);
  folder = g_path_get_dirname (path);
  listing_before = fixture_list_folder (folder);

  db = fixture_open_db (path, AIMS_DB_OPEN_DEFAULT);
  g_assert_cmpint (aims_db_get_schema_version (db), ==, aims_migrate_latest_version ());
  g_assert_null (aims_db_get_migration_backup (db));
  g_assert_cmpint (fixture_count_rows (db, "ai_system"), ==, 1);
  g_assert_cmpint (fixture_count_rows (db, "audit_log"), ==, 1);
  fixture_close_db (&db);

  listing_after = fixture_list_folder (folder);
  g_assert_cmpstr (listing_after, ==, listing_before);
}

/* A file that carries our application_id but was never migrated (user_version
 * 0, no tables) is ours: it is brought to the latest version on open. */
static void
test_migrate_marked_but_empty (void)
{
  g_autofree char *path = fixture_path ("marked.aims");
  g_autofree char *sql = g_strdup_printf ("PRAGMA application_id = %d", AIMS_APPLICATION_ID);
  AimsDb *db;

  fixture_raw_exec_file (path, sql);
  g_assert_cmpint (fixture_raw_query_int (path, "PRAGMA user_version"), ==, 0);

  db = fixture_open_db (path, AIMS_DB_OPEN_DEFAULT);
  g_assert_cmpint (aims_db_get_schema_version (db), ==, aims_migrate_latest_version ());
  g_assert_false (aims_db_is_read_only (db));
  g_assert_cmpint (fixture_count_rows (db, "ai_system"), ==, 0);
  fixture_close_db (&db);

  g_assert_cmpint (fixture_raw_query_int (path, "PRAGMA application_id"), ==, AIMS_APPLICATION_ID);
  g_assert_cmpint (fixture_raw_query_int (path, "PRAGMA user_version"), ==,
                   aims_migrate_latest_version ());
}

/* A file of ours at an older version that holds data is copied through the
 * backup API, beside the file, before it is migrated; the copy is the file
 * as it was, and the migration keeps the data. */
static void
test_migrate_backup_copy (void)
{
  g_autofree char *path = fixture_path ("old.aims");
  g_autofree char *sql = g_strdup_printf ("PRAGMA application_id = %d;"
                                          "CREATE TABLE legacy_note (body TEXT);"
                                          "INSERT INTO legacy_note VALUES ('one'), ('two'), ('three');",
                                          AIMS_APPLICATION_ID);
  g_autofree char *backup = NULL;
  g_autofree char *backup_folder = NULL;
  g_autofree char *folder = g_path_get_dirname (path);
  AimsDb *db;

  fixture_raw_exec_file (path, sql);

  db = fixture_open_db (path, AIMS_DB_OPEN_DEFAULT);
  g_assert_cmpint (aims_db_get_schema_version (db), ==, aims_migrate_latest_version ());
  g_assert_nonnull (aims_db_get_migration_backup (db));
  backup = g_strdup (aims_db_get_migration_backup (db));
  g_assert_cmpint (fixture_count_rows (db, "legacy_note"), ==, 3);
  fixture_close_db (&db);

  g_assert_true (g_file_test (backup, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpstr (backup, !=, path);
  backup_folder = g_path_get_dirname (backup);
  g_assert_cmpstr (backup_folder, ==, folder);

  g_assert_cmpint (fixture_raw_query_int (backup, "PRAGMA user_version"), ==, 0);
  g_assert_cmpint (fixture_raw_query_int (backup, "PRAGMA application_id"), ==, AIMS_APPLICATION_ID);
  g_assert_cmpint (fixture_raw_query_int (backup, "SELECT count(*) FROM legacy_note"), ==, 3);
  g_assert_cmpint (fixture_raw_query_int (backup,
                     "SELECT count(*) FROM sqlite_master WHERE name = 'ai_system'"), ==, 0);
  g_assert_cmpint (fixture_raw_query_int (backup,
                     "SELECT count(*) FROM pragma_integrity_check WHERE integrity_check = 'ok'"), ==, 1);
}

/* aims_migrate_run on a current database has nothing to do. */
static void
test_migrate_run_current (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = NULL;
  AimsDb *db = fixture_create_db ("current.aims", AIMS_DB_OPEN_DEFAULT, NULL);
  gint64 tables = fixture_query_int (db, "SELECT count(*) FROM sqlite_master");

  g_assert_true (aims_migrate_run (db, aims_migrate_latest_version (), &backup, &error));
  g_assert_no_error (error);
  g_assert_null (backup);
  g_assert_cmpint (fixture_query_int (db, "SELECT count(*) FROM sqlite_master"), ==, tables);
  g_assert_cmpint (fixture_query_int (db, "PRAGMA user_version"), ==, aims_migrate_latest_version ());
  fixture_close_db (&db);
}

/* aims_db_backup_to: a copy that opens as an AIMS database with the same rows. */
static void
test_migrate_backup_to (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *copy_path = fixture_path ("copy.aims");
  g_autoptr(AimsRecord) owner = NULL;
  g_autoptr(AimsRecord) system = NULL;
  g_autoptr(AimsRecord) copied = NULL;
  g_autoptr(GPtrArray) systems = NULL;
  g_autoptr(GBytes) before = NULL;
  gint64 n_rows = 0, broken = 0;
  AimsDb *db = fixture_create_db ("original.aims", AIMS_DB_OPEN_DEFAULT, NULL);
  AimsDb *copy;

  owner = fixture_add_person (db, "Grace Hopper");
  system = fixture_add_system (db, "Credit scoring", owner);
  g_assert_true (aims_db_backup_to (db, copy_path, &error));
  g_assert_no_error (error);

  copy = fixture_open_db (copy_path, AIMS_DB_OPEN_DEFAULT);
  g_assert_null (aims_db_get_migration_backup (copy));
  systems = aims_store_list (copy, aims_entity_systems (), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (systems->len, ==, 1);
  copied = fixture_reload (copy, system);
  fixture_assert_same_fields (system, copied);
  g_assert_cmpstr (aims_record_get_reference (copied), ==, aims_record_get_reference (system));
  g_assert_cmpint (aims_record_get_row_version (copied), ==, aims_record_get_row_version (system));
  g_assert_cmpint (fixture_count_rows (copy, "person"), ==, 1);
  g_assert_cmpint (fixture_count_rows (copy, "audit_log"), ==, fixture_count_rows (db, "audit_log"));
  g_assert_true (aims_audit_verify (copy, &broken, &n_rows, &error));
  g_assert_no_error (error);
  g_assert_cmpint (n_rows, ==, 2);
  fixture_close_db (&copy);

  /* A backup never overwrites a file. */
  before = fixture_read_bytes (copy_path);
  g_assert_false (aims_db_backup_to (db, copy_path, &error));
  fixture_assert_error_names_file (error, -1, copy_path);
  fixture_close_db (&db);
  fixture_assert_same_bytes (before, copy_path);
}

int
main (int   argc,
      char *argv[])
{
  fixture_init (&argc, &argv);

  g_test_add_func ("/core/migrate/create", test_migrate_create);
  g_test_add_func ("/core/migrate/reopen", test_migrate_reopen);
  g_test_add_func ("/core/migrate/marked-but-empty", test_migrate_marked_but_empty);
  g_test_add_func ("/core/migrate/backup-copy", test_migrate_backup_copy);
  g_test_add_func ("/core/migrate/run-current", test_migrate_run_current);
  g_test_add_func ("/core/migrate/backup-to", test_migrate_backup_to);

  return g_test_run ();
}
