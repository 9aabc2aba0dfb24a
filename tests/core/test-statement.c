/* test-statement.c — the connection and statement wrapper: step() tells a
 * row, the end and an error apart, and every failure is an AIMS_DB_ERROR
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "core-fixtures.h"

typedef FixtureDb Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  fixture_db_set_up (f, data);
  g_assert_true (aims_db_exec (f->db, "CREATE TEMP TABLE item (id INTEGER PRIMARY KEY,"
                                      " label TEXT NOT NULL UNIQUE, note TEXT)", NULL));
}

static AimsStatement *
prepare (Fixture    *f,
         const char *sql)
{
  g_autoptr(GError) error = NULL;
  AimsStatement *stmt = aims_db_prepare (f->db, sql, &error);

  g_assert_no_error (error);
  g_assert_nonnull (stmt);
  return stmt;
}

static void
test_statement_rows_then_done (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AimsStatement) stmt = prepare (f, "SELECT 1 AS one, 'two' AS two, NULL AS three"
                                              " UNION ALL SELECT 4, 'five', 6");

  g_assert_cmpint (aims_statement_column_count (stmt), ==, 3);
  g_assert_cmpstr (aims_statement_column_name (stmt, 1), ==, "two");
  g_assert_cmpint (aims_statement_step (stmt, &error), ==, AIMS_STEP_ROW);
  g_assert_cmpint (aims_statement_column_int64 (stmt, 0), ==, 1);
  g_assert_cmpstr (aims_statement_column_text (stmt, 1), ==, "two");
  g_assert_true (aims_statement_column_is_null (stmt, 2));
  g_assert_cmpint (aims_statement_step (stmt, &error), ==, AIMS_STEP_ROW);
  g_assert_false (aims_statement_column_is_null (stmt, 2));
  g_assert_cmpint (aims_statement_step (stmt, &error), ==, AIMS_STEP_DONE);
  g_assert_no_error (error);

  aims_statement_reset (stmt);
  g_assert_cmpint (aims_statement_step (stmt, &error), ==, AIMS_STEP_ROW);
  g_assert_cmpint (aims_statement_column_int64 (stmt, 0), ==, 1);
}

static void
test_statement_bind (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AimsStatement) insert = prepare (f, "INSERT INTO item (id, label, note) VALUES (?, ?, ?)");
  g_autoptr(AimsStatement) select = prepare (f, "SELECT label, note FROM item WHERE id = ?");

  aims_statement_bind_int64 (insert, 1, 10);
  aims_statement_bind_text (insert, 2, "ten");
  aims_statement_bind_text (insert, 3, NULL);
  g_assert_true (aims_statement_run (insert, &error));
  g_assert_no_error (error);
  g_assert_cmpint (aims_db_last_insert_rowid (f->db), ==, 10);
  g_assert_cmpint (aims_db_changes (f->db), ==, 1);

  aims_statement_reset (insert);
  aims_statement_bind_int64 (insert, 1, 11);
  aims_statement_bind_text (insert, 2, "eleven");
  aims_statement_bind_null (insert, 3);
  g_assert_true (aims_statement_run (insert, &error));

  aims_statement_bind_int64 (select, 1, 10);
  g_assert_cmpint (aims_statement_step (select, &error), ==, AIMS_STEP_ROW);
  g_assert_cmpstr (aims_statement_column_text (select, 0), ==, "ten");
  g_assert_true (aims_statement_column_is_null (select, 1));
  g_assert_null (aims_statement_column_text (select, 1));
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count(*) FROM item WHERE note IS NULL"), ==, 2);
}

/* A constraint failure is an error, distinct from the end of the rows. */
static void
test_statement_constraint (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AimsStatement) insert = prepare (f, "INSERT INTO item (label) VALUES ('same')");

  g_assert_cmpint (aims_statement_step (insert, &error), ==, AIMS_STEP_DONE);
  aims_statement_reset (insert);
  g_assert_cmpint (aims_statement_step (insert, &error), ==, AIMS_STEP_ERROR);
  g_assert_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_CONSTRAINT);
  g_clear_error (&error);

  aims_statement_reset (insert);
  g_assert_false (aims_statement_run (insert, &error));
  g_assert_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_CONSTRAINT);
}

static void
test_statement_bad_sql (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AimsStatement) stmt = aims_db_prepare (f->db, "SELEKT nothing", &error);

  g_assert_null (stmt);
  g_assert_nonnull (error);
  g_assert_true (error->domain == AIMS_DB_ERROR);
  g_clear_error (&error);

  g_assert_false (aims_db_exec (f->db, "INSERT INTO no_such_table VALUES (1)", &error));
  g_assert_true (error != NULL && error->domain == AIMS_DB_ERROR);
}

/* The schema's foreign keys are enforced on the core's connection. */
static void
test_statement_foreign_keys (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (aims_db_exec (f->db, "INSERT INTO ai_system (reference, created_at, created_by,"
                                       " updated_at, updated_by, name, owner_id)"
                                       " VALUES ('AIS-900', 'x', 'x', 'x', 'x', 'Orphan', 4242)",
                                &error));
  g_assert_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_CONSTRAINT);
  g_assert_cmpint (fixture_count_rows (f->db, "ai_system"), ==, 0);
}

/* A transaction rolled back leaves nothing; begin_write takes the lock. */
static void
test_statement_transaction (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (aims_db_begin_write (f->db, &error));
  g_assert_no_error (error);
  g_assert_true (aims_db_exec (f->db, "INSERT INTO item (label) VALUES ('gone')", &error));
  aims_db_rollback (f->db);
  g_assert_cmpint (fixture_count_rows (f->db, "item"), ==, 0);

  g_assert_true (aims_db_begin_write (f->db, &error));
  g_assert_true (aims_db_exec (f->db, "INSERT INTO item (label) VALUES ('kept')", &error));
  g_assert_true (aims_db_commit (f->db, &error));
  g_assert_no_error (error);
  g_assert_cmpint (fixture_count_rows (f->db, "item"), ==, 1);

  /* Rolling back outside a transaction is harmless. */
  aims_db_rollback (f->db);
  g_assert_cmpint (fixture_count_rows (f->db, "item"), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  fixture_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add ("/core/statement/" path, Fixture, NULL, fixture_set_up, func, fixture_db_tear_down)

  ADD ("rows-then-done", test_statement_rows_then_done);
  ADD ("bind", test_statement_bind);
  ADD ("constraint", test_statement_constraint);
  ADD ("bad-sql", test_statement_bad_sql);
  ADD ("foreign-keys", test_statement_foreign_keys);
  ADD ("transaction", test_statement_transaction);

#undef ADD

  return g_test_run ();
}
