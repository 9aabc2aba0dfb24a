/* aims-statement.h — a prepared statement whose step() tells row, done and error apart
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "aims-db.h"

G_BEGIN_DECLS

typedef enum
{
  AIMS_STEP_ERROR = -1,
  AIMS_STEP_DONE  = 0,
  AIMS_STEP_ROW   = 1,
} AimsStep;

AimsStep     aims_statement_step          (AimsStatement *self,
                                           GError       **error);
/* Steps to the end; TRUE when it finished without error. */
gboolean     aims_statement_run           (AimsStatement *self,
                                           GError       **error);
void         aims_statement_reset         (AimsStatement *self);

/* Parameters are 1-based as in SQLite. A NULL text binds SQL NULL. */
void         aims_statement_bind_text     (AimsStatement *self,
                                           int            index,
                                           const char    *value);
void         aims_statement_bind_int64    (AimsStatement *self,
                                           int            index,
                                           gint64         value);
void         aims_statement_bind_null     (AimsStatement *self,
                                           int            index);

/* Columns are 0-based as in SQLite. Text is valid until the next step. */
int          aims_statement_column_count  (AimsStatement *self);
const char  *aims_statement_column_name   (AimsStatement *self,
                                           int            column);
gboolean     aims_statement_column_is_null (AimsStatement *self,
                                            int            column);
const char  *aims_statement_column_text   (AimsStatement *self,
                                           int            column);
gint64       aims_statement_column_int64  (AimsStatement *self,
                                           int            column);

void         aims_statement_free          (AimsStatement *self);

/* Prepares sql and runs it with first bound to its first parameter and,
 * when not 0, second to its second: the writes of the link tables
 * ("DELETE … WHERE review_id = ?", "INSERT … VALUES (?, ?)"). */
gboolean     aims_db_run_with_ids         (AimsDb        *db,
                                           const char    *sql,
                                           gint64         first,
                                           gint64         second,
                                           GError       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AimsStatement, aims_statement_free)

/* Internal to the core. */
AimsStatement *aims_statement_new         (AimsDb        *db,
                                           gpointer       stmt);

G_END_DECLS
