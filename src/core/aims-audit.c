/* aims-audit.c — the append-only audit log and its SHA-256 chain
 *
 * Each row's hash covers its own fields and the previous row's hash, so an
 * edit, a deletion or an insertion made outside the program breaks the chain
 * at the first row it touched.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "aims-audit.h"
#include "aims-date.h"
#include "aims-statement.h"

#define GENESIS_HASH "0000000000000000000000000000000000000000000000000000000000000000"

static char *
compute_hash (const char *prev_hash,
              gint64      id,
              const char *at,
              const char *actor,
              const char *entity,
              gint64      entity_id,
              const char *action,
              const char *before_json,
              const char *after_json)
{
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree char *head = NULL;

  /* Lengths make the encoding unambiguous: no two rows serialise alike. */
  head = g_strdup_printf ("%s|%" G_GINT64_FORMAT "|%" G_GINT64_FORMAT "|",
                          prev_hash, id, entity_id);
  g_checksum_update (sum, (const guchar *) head, -1);
#define FEED(s) G_STMT_START {                                              \
    g_autofree char *part = (s) != NULL                                     \
      ? g_strdup_printf ("%zu:%s|", strlen (s), (s)) : g_strdup ("-|");     \
    g_checksum_update (sum, (const guchar *) part, -1);                     \
  } G_STMT_END
  FEED (at);
  FEED (actor);
  FEED (entity);
  FEED (action);
  FEED (before_json);
  FEED (after_json);
#undef FEED
  return g_strdup (g_checksum_get_string (sum));
}

gboolean
aims_audit_append (AimsDb      *db,
                   const char  *actor,
                   const char  *entity_table,
                   gint64       entity_id,
                   const char  *action,
                   const char  *before_json,
                   const char  *after_json,
                   GError     **error)
{
  g_autoptr(AimsStatement) last = NULL;
  g_autoptr(AimsStatement) insert = NULL;
  g_autofree char *prev_hash = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *at = aims_timestamp_now ();
  gint64 id = 1;

  g_return_val_if_fail (AIMS_IS_DB (db), FALSE);
  g_return_val_if_fail (actor != NULL && entity_table != NULL && action != NULL, FALSE);

  last = aims_db_prepare (db, "SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1", error);
  if (last == NULL)
    return FALSE;
  switch (aims_statement_step (last, error))
    {
    case AIMS_STEP_ROW:
      id = aims_statement_column_int64 (last, 0) + 1;
      prev_hash = g_strdup (aims_statement_column_text (last, 1));
      break;
    case AIMS_STEP_DONE:
      prev_hash = g_strdup (GENESIS_HASH);
      break;
    case AIMS_STEP_ERROR:
    default:
      return FALSE;
    }

  hash = compute_hash (prev_hash, id, at, actor, entity_table, entity_id, action,
                       before_json, after_json);

  insert = aims_db_prepare (db,
                            "INSERT INTO audit_log (id, at, actor, entity, entity_id, action,"
                            " before_json, after_json, prev_hash, hash)"
                            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", error);
  if (insert == NULL)
    return FALSE;
  aims_statement_bind_int64 (insert, 1, id);
  aims_statement_bind_text (insert, 2, at);
  aims_statement_bind_text (insert, 3, actor);
  aims_statement_bind_text (insert, 4, entity_table);
  aims_statement_bind_int64 (insert, 5, entity_id);
  aims_statement_bind_text (insert, 6, action);
  aims_statement_bind_text (insert, 7, before_json);
  aims_statement_bind_text (insert, 8, after_json);
  aims_statement_bind_text (insert, 9, prev_hash);
  aims_statement_bind_text (insert, 10, hash);
  return aims_statement_run (insert, error);
}

gboolean
aims_audit_verify (AimsDb  *db,
                   gint64  *first_broken_id,
                   gint64  *n_rows,
                   GError **error)
{
  g_autoptr(AimsStatement) stmt = NULL;
  g_autofree char *expected_prev = g_strdup (GENESIS_HASH);
  gint64 count = 0;
  AimsStep step;

  g_return_val_if_fail (AIMS_IS_DB (db), FALSE);

  if (first_broken_id != NULL)
    *first_broken_id = 0;
  if (n_rows != NULL)
    *n_rows = 0;

  stmt = aims_db_prepare (db,
                          "SELECT id, at, actor, entity, entity_id, action, before_json,"
                          " after_json, prev_hash, hash FROM audit_log ORDER BY id", error);
  if (stmt == NULL)
    return FALSE;

  while ((step = aims_statement_step (stmt, error)) == AIMS_STEP_ROW)
    {
      gint64 id = aims_statement_column_int64 (stmt, 0);
      const char *prev_hash = aims_statement_column_text (stmt, 8);
      const char *stored = aims_statement_column_text (stmt, 9);
      g_autofree char *computed = NULL;

      count++;
      computed = compute_hash (prev_hash != NULL ? prev_hash : "", id,
                               aims_statement_column_text (stmt, 1),
                               aims_statement_column_text (stmt, 2),
                               aims_statement_column_text (stmt, 3),
                               aims_statement_column_int64 (stmt, 4),
                               aims_statement_column_text (stmt, 5),
                               aims_statement_column_text (stmt, 6),
                               aims_statement_column_text (stmt, 7));

      if (g_strcmp0 (prev_hash, expected_prev) != 0 || g_strcmp0 (computed, stored) != 0)
        {
          if (first_broken_id != NULL)
            *first_broken_id = id;
          if (n_rows != NULL)
            *n_rows = count;
          g_set_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_CORRUPT,
                       g_strcmp0 (prev_hash, expected_prev) != 0
                       ? _("The audit log is broken at row %lld: a row before it was changed, removed or inserted outside AIMS Desk")
                       : _("The audit log is broken at row %lld: the row was changed outside AIMS Desk"),
                       (long long) id);
          return FALSE;
        }
      g_free (expected_prev);
      expected_prev = g_strdup (stored);
    }

  if (n_rows != NULL)
    *n_rows = count;
  return step == AIMS_STEP_DONE;
}
