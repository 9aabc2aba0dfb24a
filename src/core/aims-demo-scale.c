/* aims-demo-scale.c — a demo organisation grown to a given size
 *
 * Rows are made in SQL from the demo's own (cycling through them), since
 * a hundred thousand audited inserts one by one would take minutes to make
 * a test database; one audit row records the whole addition. The
 * reference counters move past the new rows, so records added afterwards
 * are numbered on.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "aims-audit.h"
#include "aims-date.h"
#include "aims-demo-scale.h"
#include "aims-statement.h"
#include "aims-store.h"

#define RISKS_PER_SYSTEM 10

/* The columns copied from a demo row, every one but the identity and
 * bookkeeping ones. */
static char *
copied_columns (AimsDb      *db,
                const char  *table,
                GError     **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT name FROM pragma_table_info('%s')", table);
  g_autoptr(AimsStatement) stmt = aims_db_prepare (db, sql, error);
  g_autoptr(GString) columns = g_string_new (NULL);
  static const char *const own[] = {
    "id", "reference", "created_at", "created_by", "updated_at", "updated_by", "row_version",
    "name", "title", "ai_system_id", "inherent_likelihood", "inherent_impact",
    "residual_likelihood", "residual_impact", "import_batch_id", NULL
  };
  AimsStep step;

  if (stmt == NULL)
    return NULL;
  while ((step = aims_statement_step (stmt, error)) == AIMS_STEP_ROW)
    {
      const char *name = aims_statement_column_text (stmt, 0);

      if (g_strv_contains (own, name))
        continue;
      g_string_append_printf (columns, ", %s", name);
    }
  return step == AIMS_STEP_DONE ? g_strdup (columns->str) : NULL;
}

static gint64
count (AimsDb      *db,
       const char  *sql,
       GError     **error)
{
  g_autoptr(AimsStatement) stmt = aims_db_prepare (db, sql, error);

  if (stmt == NULL || aims_statement_step (stmt, error) != AIMS_STEP_ROW)
    return -1;
  return aims_statement_column_int64 (stmt, 0);
}

gboolean
aims_demo_scale (AimsDb  *db,
                 guint    n_systems,
                 GError **error)
{
  g_autofree char *system_columns = NULL;
  g_autofree char *risk_columns = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *now = aims_timestamp_now ();
  g_autofree char *summary = NULL;
  gint64 demo_systems, demo_risks, first_new;
  guint added;

  g_return_val_if_fail (AIMS_IS_DB (db), FALSE);

  if ((demo_systems = count (db, "SELECT count(*) FROM ai_system", error)) < 0 ||
      (demo_risks = count (db, "SELECT count(*) FROM risk", error)) < 0)
    return FALSE;
  if (demo_systems == 0 || demo_risks == 0)
    {
      g_set_error_literal (error, AIMS_DB_ERROR, AIMS_DB_ERROR_INVALID,
                           _("A database grows to a scale from the demo organisation: create it with --demo"));
      return FALSE;
    }
  if (n_systems <= demo_systems)
    return TRUE;
  added = n_systems - (guint) demo_systems;

  if ((system_columns = copied_columns (db, "ai_system", error)) == NULL ||
      (risk_columns = copied_columns (db, "risk", error)) == NULL)
    return FALSE;
  if (!aims_db_begin_write (db, error))
    return FALSE;
  if ((first_new = count (db, "SELECT coalesce(max(id), 0) + 1 FROM ai_system", error)) < 0)
    goto fail;

  /* Systems: the demo's in turn, named apart and spread over units. */
  sql = g_strdup_printf (
    "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < %u - 1),"
    " demo AS (SELECT *, row_number() OVER (ORDER BY id) - 1 AS k FROM ai_system)"
    " INSERT INTO ai_system (id, reference, created_at, created_by, updated_at, updated_by, name%s)"
    " SELECT %" G_GINT64_FORMAT " + i, printf('AIS-%%06d', %" G_GINT64_FORMAT " + i), ?1, ?2, ?1, ?2,"
    "   demo.name || ' — unit ' || (1 + i / %" G_GINT64_FORMAT ")%s"
    " FROM n JOIN demo ON demo.k = i %% %" G_GINT64_FORMAT,
    added, system_columns, first_new, first_new, demo_systems, system_columns, demo_systems);
  {
    g_autoptr(AimsStatement) stmt = aims_db_prepare (db, sql, error);

    if (stmt == NULL)
      goto fail;
    aims_statement_bind_text (stmt, 1, now);
    aims_statement_bind_text (stmt, 2, "AIMS Desk demo");
    if (!aims_statement_run (stmt, error))
      goto fail;
  }

  /* Risks: the demo's in turn, on the new systems, with levels of their own. */
  g_free (sql);
  sql = g_strdup_printf (
    "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < %u - 1),"
    " demo AS (SELECT *, row_number() OVER (ORDER BY id) - 1 AS k FROM risk WHERE id <= %" G_GINT64_FORMAT "),"
    " base AS (SELECT coalesce(max(id), 0) AS top FROM risk),"
    " size AS (SELECT coalesce((SELECT size FROM risk_matrix), 5) AS s)"
    " INSERT INTO risk (id, reference, created_at, created_by, updated_at, updated_by, title,"
    "   ai_system_id, inherent_likelihood, inherent_impact, residual_likelihood, residual_impact%s)"
    " SELECT base.top + 1 + i, printf('RSK-%%07d', base.top + 1 + i), ?1, ?2, ?1, ?2, demo.title,"
    "   %" G_GINT64_FORMAT " + i / %d,"
    "   1 + abs(random()) %% size.s, 1 + abs(random()) %% size.s,"
    "   CASE WHEN demo.residual_likelihood IS NULL THEN NULL ELSE 1 + abs(random()) %% (size.s - 1) END,"
    "   CASE WHEN demo.residual_impact IS NULL THEN NULL ELSE 1 + abs(random()) %% (size.s - 1) END%s"
    " FROM n JOIN demo ON demo.k = i %% %" G_GINT64_FORMAT ", base, size",
    added * RISKS_PER_SYSTEM, demo_risks, risk_columns, first_new, RISKS_PER_SYSTEM,
    risk_columns, demo_risks);
  {
    g_autoptr(AimsStatement) stmt = aims_db_prepare (db, sql, error);

    if (stmt == NULL)
      goto fail;
    aims_statement_bind_text (stmt, 1, now);
    aims_statement_bind_text (stmt, 2, "AIMS Desk demo");
    if (!aims_statement_run (stmt, error))
      goto fail;
  }

  /* References made later continue after the new ones. */
  if (!aims_db_exec (db,
                     "INSERT OR REPLACE INTO setting (key, value) VALUES"
                     " ('reference_counter.ai_system', (SELECT max(id) FROM ai_system)),"
                     " ('reference_counter.risk', (SELECT max(id) FROM risk))", error))
    goto fail;

  summary = g_strdup_printf ("{\"scaled_to_systems\":%u,\"systems_added\":%u,\"risks_added\":%u}",
                             n_systems, added, added * RISKS_PER_SYSTEM);
  if (!aims_audit_append (db, "AIMS Desk demo", "ai_system", first_new, "demo-scale", NULL, summary, error))
    goto fail;
  return aims_db_commit (db, error);

fail:
  aims_db_rollback (db);
  return FALSE;
}
