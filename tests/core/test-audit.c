/* test-audit.c — one audit row per write, and a chain that finds the row an
 * edit outside the program touched
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "core-fixtures.h"

#define SQLITE3_TOOL "/usr/bin/sqlite3"

/* The last audit row, as text columns. */
typedef struct
{
  char  *actor;
  char  *entity;
  gint64 entity_id;
  char  *action;
  char  *before_json;
  char  *after_json;
} AuditRow;

static void
audit_row_free (AuditRow *row)
{
  g_free (row->actor);
  g_free (row->entity);
  g_free (row->action);
  g_free (row->before_json);
  g_free (row->after_json);
  g_free (row);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AuditRow, audit_row_free)

static AuditRow *
last_audit_row (AimsDb *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AimsStatement) stmt = NULL;
  AuditRow *row = g_new0 (AuditRow, 1);

  stmt = aims_db_prepare (db, "SELECT actor, entity, entity_id, action, before_json, after_json"
                              " FROM audit_log ORDER BY id DESC LIMIT 1", &error);
  g_assert_no_error (error);
  g_assert_cmpint (aims_statement_step (stmt, &error), ==, AIMS_STEP_ROW);
  row->actor = g_strdup (aims_statement_column_text (stmt, 0));
  row->entity = g_strdup (aims_statement_column_text (stmt, 1));
  row->entity_id = aims_statement_column_int64 (stmt, 2);
  row->action = g_strdup (aims_statement_column_text (stmt, 3));
  row->before_json = g_strdup (aims_statement_column_text (stmt, 4));
  row->after_json = g_strdup (aims_statement_column_text (stmt, 5));
  return row;
}

static void
assert_contains (const char *haystack,
                 const char *needle)
{
  g_assert_nonnull (haystack);
  if (strstr (haystack, needle) == NULL)
    g_error ("“%s” does not contain “%s”", haystack, needle);
}

/* Each insert and update adds exactly one row, in the same transaction,
 * saying who changed what from what to what. */
static void
test_audit_one_row_per_write (FixtureDb     *f,
                              gconstpointer  data)
{
  g_autoptr(AimsRecord) system = NULL;
  g_autoptr(AimsRecord) updated = NULL;
  g_autoptr(AimsRecord) retired = NULL;
  g_autoptr(AuditRow) row = NULL;
  g_autoptr(GError) error = NULL;

  system = fixture_add_system (f->db, "Credit scoring", NULL);
  g_assert_cmpint (fixture_count_rows (f->db, "audit_log"), ==, 1);
  row = last_audit_row (f->db);
  g_assert_cmpstr (row->actor, ==, FIXTURE_AUTHOR);
  g_assert_cmpstr (row->entity, ==, "ai_system");
  g_assert_cmpint (row->entity_id, ==, aims_record_get_id (system));
  g_assert_nonnull (row->action);
  assert_contains (row->after_json, "\"Credit scoring\"");
  g_clear_pointer (&row, audit_row_free);

  /* JSON escaping: quotes, backslashes and line breaks survive. */
  updated = fixture_update_field (f->db, system, "description", "Says \"no\"\\maybe\nthen yes");
  g_assert_cmpint (fixture_count_rows (f->db, "audit_log"), ==, 2);
  row = last_audit_row (f->db);
  g_assert_cmpint (row->entity_id, ==, aims_record_get_id (system));
  assert_contains (row->after_json, "\"Says \\\"no\\\"\\\\maybe\\nthen yes\"");
  g_assert_true (row->before_json == NULL || strstr (row->before_json, "then yes") == NULL);
  g_clear_pointer (&row, audit_row_free);

  retired = aims_store_retire_system (f->db, aims_record_get_id (updated),
                                      aims_record_get_row_version (updated),
                                      "Another Author", &error);
  g_assert_no_error (error);
  g_assert_cmpint (fixture_count_rows (f->db, "audit_log"), ==, 3);
  row = last_audit_row (f->db);
  g_assert_cmpstr (row->actor, ==, "Another Author");
  assert_contains (row->after_json, "\"retired\"");
  g_assert_nonnull (row->before_json);
  g_assert_null (strstr (row->before_json, "\"retired\""));
}

/* An update keeps the value before and after, so a reviewer sees both. */
static void
test_audit_before_after (FixtureDb     *f,
                         gconstpointer  data)
{
  g_autoptr(AimsRecord) system = NULL;
  g_autoptr(AimsRecord) updated = NULL;
  g_autoptr(AuditRow) row = NULL;

  system = fixture_add_system (f->db, "Fraud detection", NULL);
  updated = fixture_update_field (f->db, system, "provider", "Old Vendor Ltd");
  g_clear_object (&system);
  system = fixture_update_field (f->db, updated, "provider", "New Vendor Ltd");
  row = last_audit_row (f->db);
  assert_contains (row->before_json, "Old Vendor Ltd");
  assert_contains (row->after_json, "New Vendor Ltd");
  g_assert_null (strstr (row->after_json, "Old Vendor Ltd"));
}

/* Every stored row has audit rows: counts match on the demo. */
static void
test_audit_demo_verifies (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *path = fixture_create_demo_file ("demo.aims");
  gint64 broken = -1, n_rows = 0;
  AimsDb *db = fixture_open_db (path, AIMS_DB_OPEN_DEFAULT);

  g_assert_true (aims_audit_verify (db, &broken, &n_rows, &error));
  g_assert_no_error (error);
  g_assert_cmpint (n_rows, ==, fixture_count_rows (db, "audit_log"));
  g_assert_cmpint (n_rows, >=, fixture_count_rows (db, "ai_system") + fixture_count_rows (db, "person"));
  g_assert_cmpint (fixture_query_int (db, "SELECT count(*) FROM ai_system s WHERE NOT EXISTS"
                                          " (SELECT 1 FROM audit_log a WHERE a.entity = 'ai_system'"
                                          " AND a.entity_id = s.id)"), ==, 0);

  g_assert_true (aims_check_database (db, problems, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);
  fixture_close_db (&db);
}

/* The log refuses changes made through SQL while its triggers stand. */
static void
test_audit_append_only (FixtureDb     *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AimsRecord) system = NULL;

  system = fixture_add_system (f->db, "CV screening", NULL);
  g_assert_false (aims_db_exec (f->db, "UPDATE audit_log SET actor = 'Mallory'", &error));
  g_assert_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_assert_false (aims_db_exec (f->db, "DELETE FROM audit_log", &error));
  g_assert_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_CONSTRAINT);
  g_assert_cmpint (fixture_count_rows (f->db, "audit_log"), ==, 1);
}

/* A problem line that names the audit log and the row. */
static gboolean
names_audit_row (const char *line,
                 gint64      id)
{
  g_autofree char *pattern = g_strdup_printf ("\\b%" G_GINT64_FORMAT "\\b", id);

  return fixture_contains_nocase (line, "audit") &&
         g_regex_match_simple (pattern, line, 0, 0);
}

static gboolean
any_problem (GPtrArray  *problems,
             gboolean  (*match) (const char *line, gint64 id),
             gint64      id)
{
  for (guint i = 0; i < problems->len; i++)
    if (match (problems->pdata[i], id))
      return TRUE;
  return FALSE;
}

static gboolean
names_dropped_trigger (const char *line,
                       gint64      id)
{
  return strstr (line, "audit_log_no_update") != NULL;
}

/* The chain breaks at row id and the database check says so. */
static void
assert_broken_at (const char *path,
                  gint64      id,
                  gboolean    trigger_dropped)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *pattern = g_strdup_printf ("\\b%" G_GINT64_FORMAT "\\b", id);
  gint64 broken = 0, n_rows = 0;
  AimsDb *db = fixture_open_db (path, AIMS_DB_OPEN_DEFAULT);

  g_assert_false (aims_audit_verify (db, &broken, &n_rows, &error));
  g_assert_cmpint (broken, ==, id);
  g_assert_nonnull (error);
  g_assert_true (g_regex_match_simple (pattern, error->message, 0, 0));
  g_clear_error (&error);

  g_assert_false (aims_check_database (db, problems, &error));
  g_assert_no_error (error);
  if (!any_problem (problems, names_audit_row, id))
    {
      g_ptr_array_add (problems, NULL);
      g_error ("no problem names audit row %" G_GINT64_FORMAT ": %s", id,
               g_strjoinv (" / ", (char **) problems->pdata));
    }
  if (trigger_dropped)
    g_assert_true (any_problem (problems, names_dropped_trigger, 0));
  fixture_close_db (&db);
}

/* An edit made behind the program's back through the SQLite C API, and the
 * row at which the chain must break. */
typedef struct
{
  const char *sql;
  gint64      broken_id;
  gboolean    trigger_dropped;  /* audit_log_no_update, which the check reports */
} Tampering;

static const Tampering change_actor = {
  "DROP TRIGGER audit_log_no_update; UPDATE audit_log SET actor = 'Mallory' WHERE id = 3;",
  3, TRUE,
};
/* A row removed from the middle breaks the chain at the row after it. */
static const Tampering delete_row = {
  "DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log WHERE id = 5;",
  6, FALSE,
};
/* A row whose stored hash was overwritten no longer verifies itself. */
static const Tampering overwrite_hash = {
  "DROP TRIGGER audit_log_no_update;"
  " UPDATE audit_log SET hash = '0000' || substr(hash, 5) WHERE id = 4;",
  4, TRUE,
};

static void
test_audit_tamper_c_api (gconstpointer data)
{
  const Tampering *t = data;
  g_autofree char *path = fixture_create_demo_file ("tampered.aims");

  fixture_raw_exec_file (path, t->sql);
  assert_broken_at (path, t->broken_id, t->trigger_dropped);
}

/* Edited with the sqlite3 command-line tool: one byte of one timestamp. */
static void
test_audit_tamper_sqlite3_tool (void)
{
  g_autofree char *path = NULL;
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  int status = -1;
  const char *sql =
    "DROP TRIGGER audit_log_no_update;"
    "UPDATE audit_log SET at = substr(at, 1, 3)"
    " || CASE substr(at, 4, 1) WHEN '9' THEN '8' ELSE '9' END"
    " || substr(at, 5) WHERE id = 7;"
    "SELECT changes();";

  if (!g_file_test (SQLITE3_TOOL, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("the sqlite3 tool is not installed");
      return;
    }
  path = fixture_create_demo_file ("tampered-by-tool.aims");
  g_assert_cmpint (fixture_raw_query_int (path, "SELECT count(*) FROM audit_log"), >, 7);

  g_assert_true (g_spawn_sync (NULL, (char *[]) { (char *) SQLITE3_TOOL, path, (char *) sql, NULL },
                               NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL,
                               &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (g_strstrip (out), ==, "1");

  assert_broken_at (path, 7, TRUE);
}

int
main (int   argc,
      char *argv[])
{
  fixture_init (&argc, &argv);

  FIXTURE_ADD_DB_TEST ("/core/audit/one-row-per-write", test_audit_one_row_per_write);
  FIXTURE_ADD_DB_TEST ("/core/audit/before-after", test_audit_before_after);
  g_test_add_func ("/core/audit/demo-verifies", test_audit_demo_verifies);
  FIXTURE_ADD_DB_TEST ("/core/audit/append-only", test_audit_append_only);
  g_test_add_data_func ("/core/audit/tamper/change-actor", &change_actor, test_audit_tamper_c_api);
  g_test_add_data_func ("/core/audit/tamper/delete-row", &delete_row, test_audit_tamper_c_api);
  g_test_add_data_func ("/core/audit/tamper/overwrite-hash", &overwrite_hash, test_audit_tamper_c_api);
  g_test_add_func ("/core/audit/tamper/sqlite3-tool", test_audit_tamper_sqlite3_tool);

  return g_test_run ();
}
