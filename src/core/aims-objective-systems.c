/* aims-objective-systems.c — the AI systems an objective concerns
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>
#include <string.h>

#include "aims-audit.h"
#include "aims-json.h"
#include "aims-objective.h"
#include "aims-statement.h"
#include "aims-store.h"

/* The linked systems as stored now: their ids, and their references as
 * one text for the audit log ("AIS-001 AIS-004"). */
static GArray *
read_links (AimsDb      *db,
            gint64       objective_id,
            GString     *references,
            GError     **error)
{
  g_autoptr(AimsStatement) stmt = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  AimsStep step;

  stmt = aims_db_prepare (db, "SELECT s.id, s.reference FROM objective_system os"
                              " JOIN ai_system s ON s.id = os.ai_system_id"
                              " WHERE os.objective_id = ? ORDER BY s.id", error);
  if (stmt == NULL)
    return NULL;
  aims_statement_bind_int64 (stmt, 1, objective_id);
  while ((step = aims_statement_step (stmt, error)) == AIMS_STEP_ROW)
    {
      gint64 id = aims_statement_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
      if (references != NULL)
        g_string_append_printf (references, "%s%s", references->len > 0 ? " " : "",
                                aims_statement_column_text (stmt, 1));
    }
  if (step == AIMS_STEP_ERROR)
    return NULL;
  return g_steal_pointer (&ids);
}

GArray *
aims_objective_systems_get (AimsDb  *db,
                            gint64   objective_id,
                            GError **error)
{
  g_autoptr(AimsRecord) objective = NULL;

  g_return_val_if_fail (AIMS_IS_DB (db), NULL);

  if ((objective = aims_store_load (db, aims_entity_objectives (), objective_id, error)) == NULL)
    return NULL;
  return read_links (db, objective_id, NULL, error);
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

/* ids sorted, without duplicates. */
static GArray *
unique_sorted (const gint64 *ids,
               guint         n_ids)
{
  GArray *sorted = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint kept = 0;

  g_array_append_vals (sorted, ids, n_ids);
  g_array_sort (sorted, compare_ids);
  for (guint i = 0; i < sorted->len; i++)
    if (kept == 0 || g_array_index (sorted, gint64, i) != g_array_index (sorted, gint64, kept - 1))
      g_array_index (sorted, gint64, kept++) = g_array_index (sorted, gint64, i);
  g_array_set_size (sorted, kept);
  return sorted;
}

static gboolean
same_ids (GArray *a,
          GArray *b)
{
  return a->len == b->len && (a->len == 0 || memcmp (a->data, b->data, a->len * sizeof (gint64)) == 0);
}

static char *
links_json (AimsRecord *objective,
            const char *references)
{
  GString *json = g_string_new ("{\"reference\":");

  aims_json_append_string (json, aims_record_get_reference (objective));
  g_string_append (json, ",\"title\":");
  aims_json_append_string (json, aims_record_get_title (objective));
  g_string_append (json, ",\"ai_systems\":");
  aims_json_append_string (json, references);
  g_string_append_c (json, '}');
  return g_string_free (json, FALSE);
}

/* Inside the write transaction. */
static gboolean
set_in_transaction (AimsDb      *db,
                    gint64       objective_id,
                    GArray      *wanted,
                    const char  *author,
                    GError     **error)
{
  g_autoptr(AimsRecord) objective = NULL;
  g_autoptr(GArray) current = NULL;
  g_autoptr(GString) before_refs = g_string_new (NULL);
  g_autoptr(GString) after_refs = g_string_new (NULL);
  g_autoptr(GArray) after = NULL;
  g_autofree char *before_json = NULL;
  g_autofree char *after_json = NULL;

  if ((objective = aims_store_load (db, aims_entity_objectives (), objective_id, error)) == NULL ||
      (current = read_links (db, objective_id, before_refs, error)) == NULL)
    return FALSE;
  if (same_ids (current, wanted))
    return TRUE;

  for (guint i = 0; i < wanted->len; i++)
    {
      gint64 id = g_array_index (wanted, gint64, i);
      g_autoptr(AimsRecord) system = aims_store_load (db, aims_entity_systems (), id, NULL);

      if (system == NULL)
        {
          g_set_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_INVALID,
                       _("There is no AI system with id %lld"), (long long) id);
          return FALSE;
        }
    }

  if (!aims_db_run_with_ids (db, "DELETE FROM objective_system WHERE objective_id = ?", objective_id, 0, error))
    return FALSE;
  for (guint i = 0; i < wanted->len; i++)
    if (!aims_db_run_with_ids (db, "INSERT INTO objective_system (objective_id, ai_system_id) VALUES (?, ?)",
                               objective_id, g_array_index (wanted, gint64, i), error))
      return FALSE;

  if ((after = read_links (db, objective_id, after_refs, error)) == NULL)
    return FALSE;
  before_json = links_json (objective, before_refs->str);
  after_json = links_json (objective, after_refs->str);
  return aims_audit_append (db, author, aims_entity_objectives ()->table, objective_id,
                            "link_systems", before_json, after_json, error);
}

gboolean
aims_objective_systems_set (AimsDb        *db,
                            gint64         objective_id,
                            const gint64  *system_ids,
                            guint          n_system_ids,
                            const char    *author,
                            GError       **error)
{
  g_autoptr(GArray) wanted = NULL;
  gboolean done;

  g_return_val_if_fail (AIMS_IS_DB (db), FALSE);
  g_return_val_if_fail (system_ids != NULL || n_system_ids == 0, FALSE);

  wanted = unique_sorted (system_ids, n_system_ids);
  if (!aims_db_begin_write (db, error))
    return FALSE;
  done = set_in_transaction (db, objective_id, wanted, author != NULL ? author : aims_default_author (),
                             error);
  return aims_db_end_write (db, done, error);
}
