/* aims-check.c — integrity, schema and audit chain in one report
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>
#include <sqlite3.h>

#include "aims-audit.h"
#include "aims-check.h"
#include "aims-migrate.h"
#include "aims-statement.h"

static void
add_problem (GPtrArray  *problems,
             const char *format,
             ...) G_GNUC_PRINTF (2, 3);

static void
add_problem (GPtrArray  *problems,
             const char *format,
             ...)
{
  va_list args;

  va_start (args, format);
  g_ptr_array_add (problems, g_strdup_vprintf (format, args));
  va_end (args);
}

static gboolean
check_integrity (AimsDb     *db,
                 GPtrArray  *problems,
                 GError    **error)
{
  g_autoptr(AimsStatement) stmt = aims_db_prepare (db, "PRAGMA integrity_check(20)", error);
  AimsStep step;

  if (stmt == NULL)
    return FALSE;
  while ((step = aims_statement_step (stmt, error)) == AIMS_STEP_ROW)
    {
      const char *line = aims_statement_column_text (stmt, 0);

      if (g_strcmp0 (line, "ok") != 0)
        add_problem (problems, _("Integrity: %s"), line);
    }
  return step == AIMS_STEP_DONE;
}

static gboolean
check_foreign_keys (AimsDb     *db,
                    GPtrArray  *problems,
                    GError    **error)
{
  g_autoptr(AimsStatement) stmt = aims_db_prepare (db, "PRAGMA foreign_key_check", error);
  AimsStep step;

  if (stmt == NULL)
    return FALSE;
  while ((step = aims_statement_step (stmt, error)) == AIMS_STEP_ROW)
    add_problem (problems, _("Table %s, row %lld: refers to a missing row of %s"),
                 aims_statement_column_text (stmt, 0),
                 (long long) aims_statement_column_int64 (stmt, 1),
                 aims_statement_column_text (stmt, 2));
  return step == AIMS_STEP_DONE;
}

/* type/name → sql of every table, index and trigger, read from a connection. */
static GHashTable *
read_schema (sqlite3 *handle)
{
  GHashTable *schema = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (handle,
                          "SELECT type, name, sql FROM sqlite_master"
                          " WHERE type IN ('table','index','trigger') AND name NOT LIKE 'sqlite_%'",
                          -1, &stmt, NULL) == SQLITE_OK)
    while (sqlite3_step (stmt) == SQLITE_ROW)
      g_hash_table_insert (schema,
                           g_strdup_printf ("%s %s", sqlite3_column_text (stmt, 0),
                                            sqlite3_column_text (stmt, 1)),
                           g_strdup ((const char *) sqlite3_column_text (stmt, 2)));
  sqlite3_finalize (stmt);
  return schema;
}

/* Compares the file's schema with one built from this program's migrations. */
static gboolean
check_schema (AimsDb     *db,
              GPtrArray  *problems,
              GError    **error)
{
  g_autoptr(GPtrArray) scripts = NULL;
  g_autoptr(GHashTable) expected = NULL;
  g_autoptr(GHashTable) actual = NULL;
  GHashTableIter iter;
  gpointer key, value;
  sqlite3 *reference = NULL;

  if (aims_db_get_schema_version (db) != aims_migrate_latest_version ())
    {
      add_problem (problems, _("Schema version %d is not the version this program knows (%d): its tables were not compared"),
                   aims_db_get_schema_version (db), aims_migrate_latest_version ());
      return TRUE;
    }

  scripts = aims_migrate_dup_scripts (error);
  if (scripts == NULL)
    return FALSE;
  if (sqlite3_open (":memory:", &reference) != SQLITE_OK)
    {
      g_set_error_literal (error, AIMS_DB_ERROR, AIMS_DB_ERROR_FAILED, sqlite3_errmsg (reference));
      sqlite3_close (reference);
      return FALSE;
    }
  for (guint i = 0; i < scripts->len; i++)
    sqlite3_exec (reference, g_ptr_array_index (scripts, i), NULL, NULL, NULL);
  expected = read_schema (reference);
  sqlite3_close (reference);
  actual = read_schema (aims_db_get_handle (db));

  g_hash_table_iter_init (&iter, expected);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const char *found = g_hash_table_lookup (actual, key);

      if (!g_hash_table_contains (actual, key))
        add_problem (problems, _("Schema: %s is missing"), (const char *) key);
      else if (g_strcmp0 (found, value) != 0)
        add_problem (problems, _("Schema: %s differs from what this version expects"), (const char *) key);
    }
  g_hash_table_iter_init (&iter, actual);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (expected, key))
      add_problem (problems, _("Schema: %s was added outside AIMS Desk"), (const char *) key);
  return TRUE;
}

static void
check_audit_chain (AimsDb    *db,
                   GPtrArray *problems)
{
  g_autoptr(GError) local_error = NULL;
  gint64 broken = 0, n_rows = 0;

  if (!aims_audit_verify (db, &broken, &n_rows, &local_error))
    add_problem (problems, "%s", local_error->message);
}

gboolean
aims_check_database (AimsDb     *db,
                     GPtrArray  *problems,
                     GError    **error)
{
  guint before;

  g_return_val_if_fail (AIMS_IS_DB (db), FALSE);
  g_return_val_if_fail (problems != NULL, FALSE);

  before = problems->len;
  if (!check_integrity (db, problems, error) ||
      !check_foreign_keys (db, problems, error) ||
      !check_schema (db, problems, error))
    return FALSE;
  check_audit_chain (db, problems);
  return problems->len == before;
}
