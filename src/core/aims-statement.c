/* aims-statement.c — a prepared statement whose step() tells row, done and error apart
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <sqlite3.h>

#include "aims-statement.h"

struct _AimsStatement
{
  AimsDb       *db;    /* owned */
  sqlite3_stmt *stmt;
};

AimsStatement *
aims_statement_new (AimsDb   *db,
                    gpointer  stmt)
{
  AimsStatement *self = g_new0 (AimsStatement, 1);

  self->db = g_object_ref (db);
  self->stmt = stmt;
  return self;
}

void
aims_statement_free (AimsStatement *self)
{
  if (self == NULL)
    return;
  aims_db_release_statement (self->db, self->stmt);
  g_clear_object (&self->db);
  g_free (self);
}

AimsStep
aims_statement_step (AimsStatement  *self,
                     GError        **error)
{
  int rc;

  g_return_val_if_fail (self != NULL, AIMS_STEP_ERROR);

  rc = sqlite3_step (self->stmt);
  if (rc == SQLITE_ROW)
    return AIMS_STEP_ROW;
  if (rc == SQLITE_DONE)
    return AIMS_STEP_DONE;
  aims_db_set_error_from_sqlite (self->db, rc, error);
  return AIMS_STEP_ERROR;
}

gboolean
aims_statement_run (AimsStatement  *self,
                    GError        **error)
{
  AimsStep step;

  while ((step = aims_statement_step (self, error)) == AIMS_STEP_ROW)
    ;
  return step == AIMS_STEP_DONE;
}

void
aims_statement_reset (AimsStatement *self)
{
  g_return_if_fail (self != NULL);

  sqlite3_reset (self->stmt);
  sqlite3_clear_bindings (self->stmt);
}

void
aims_statement_bind_text (AimsStatement *self,
                          int            index,
                          const char    *value)
{
  g_return_if_fail (self != NULL);

  if (value == NULL)
    sqlite3_bind_null (self->stmt, index);
  else
    sqlite3_bind_text (self->stmt, index, value, -1, SQLITE_TRANSIENT);
}

void
aims_statement_bind_int64 (AimsStatement *self,
                           int            index,
                           gint64         value)
{
  g_return_if_fail (self != NULL);

  sqlite3_bind_int64 (self->stmt, index, value);
}

void
aims_statement_bind_null (AimsStatement *self,
                          int            index)
{
  g_return_if_fail (self != NULL);

  sqlite3_bind_null (self->stmt, index);
}

int
aims_statement_column_count (AimsStatement *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return sqlite3_column_count (self->stmt);
}

const char *
aims_statement_column_name (AimsStatement *self,
                            int            column)
{
  g_return_val_if_fail (self != NULL, NULL);

  return sqlite3_column_name (self->stmt, column);
}

gboolean
aims_statement_column_is_null (AimsStatement *self,
                               int            column)
{
  g_return_val_if_fail (self != NULL, TRUE);

  return sqlite3_column_type (self->stmt, column) == SQLITE_NULL;
}

const char *
aims_statement_column_text (AimsStatement *self,
                            int            column)
{
  g_return_val_if_fail (self != NULL, NULL);

  return (const char *) sqlite3_column_text (self->stmt, column);
}

gint64
aims_statement_column_int64 (AimsStatement *self,
                             int            column)
{
  g_return_val_if_fail (self != NULL, 0);

  return sqlite3_column_int64 (self->stmt, column);
}

gboolean
aims_db_run_with_ids (AimsDb      *db,
                      const char  *sql,
                      gint64       first,
                      gint64       second,
                      GError     **error)
{
  g_autoptr(AimsStatement) stmt = aims_db_prepare (db, sql, error);

  if (stmt == NULL)
    return FALSE;
  aims_statement_bind_int64 (stmt, 1, first);
  if (second != 0)
    aims_statement_bind_int64 (stmt, 2, second);
  return aims_statement_run (stmt, error);
}
