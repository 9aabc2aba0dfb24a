/* aims-nc-query.c — what the pages and aimsctl show about nonconformities
 * beside their fields: their actions, the overdue ones, similar ones
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "aims-date.h"
#include "aims-nc.h"
#include "aims-store.h"

GPtrArray *
aims_nc_list_actions (AimsDb  *db,
                      gint64   id,
                      GError **error)
{
  g_return_val_if_fail (AIMS_IS_DB (db), NULL);

  return aims_store_list_linked (db, aims_entity_actions (), "nonconformity_id", id, error);
}

GHashTable *
aims_nc_load_actions_by_nc (AimsDb  *db,
                            GError **error)
{
  g_autoptr(GPtrArray) actions = NULL;
  GHashTable *by_nc;

  g_return_val_if_fail (AIMS_IS_DB (db), NULL);

  if ((actions = aims_store_list (db, aims_entity_actions (), error)) == NULL)
    return NULL;
  by_nc = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  for (guint i = 0; i < actions->len; i++)
    {
      AimsRecord *action = g_ptr_array_index (actions, i);
      const char *nc_id = aims_record_get (action, "nonconformity_id");
      gint64 id = nc_id != NULL ? g_ascii_strtoll (nc_id, NULL, 10) : 0;
      GPtrArray *list = g_hash_table_lookup (by_nc, &id);

      if (list == NULL)
        {
          list = g_ptr_array_new_with_free_func (g_object_unref);
          g_hash_table_insert (by_nc, g_memdup2 (&id, sizeof id), list);
        }
      g_ptr_array_add (list, g_object_ref (action));
    }
  return by_nc;
}

GPtrArray *
aims_nc_actions_lookup (GHashTable *actions_by_nc,
                        gint64      id)
{
  g_return_val_if_fail (actions_by_nc != NULL, NULL);

  return g_hash_table_lookup (actions_by_nc, &id);
}

static int
compare_due_dates (gconstpointer a,
                   gconstpointer b)
{
  AimsRecord *x = *(AimsRecord **) a;
  AimsRecord *y = *(AimsRecord **) b;
  int order = g_strcmp0 (aims_record_get (x, "due_date"), aims_record_get (y, "due_date"));

  return order != 0 ? order : (aims_record_get_id (x) > aims_record_get_id (y)) - (aims_record_get_id (x) < aims_record_get_id (y));
}

GPtrArray *
aims_nc_list_overdue_actions (AimsDb       *db,
                              const GDate  *today,
                              GError      **error)
{
  g_autoptr(GPtrArray) actions = NULL;
  GPtrArray *overdue;

  g_return_val_if_fail (AIMS_IS_DB (db), NULL);
  g_return_val_if_fail (today != NULL, NULL);

  if ((actions = aims_store_list (db, aims_entity_actions (), error)) == NULL)
    return NULL;
  overdue = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < actions->len; i++)
    if (aims_action_is_overdue (g_ptr_array_index (actions, i), today))
      g_ptr_array_add (overdue, g_object_ref (g_ptr_array_index (actions, i)));
  g_ptr_array_sort (overdue, compare_due_dates);
  return overdue;
}

/* ── Similar nonconformities ───────────────────────────────────────────── */

static gboolean
same_value (AimsRecord *a,
            AimsRecord *b,
            const char *field)
{
  const char *value = aims_record_get (a, field);

  return value != NULL && *value != '\0' && g_strcmp0 (value, aims_record_get (b, field)) == 0;
}

AimsNcSimilarity
aims_nc_similarity (AimsRecord *a,
                    AimsRecord *b)
{
  AimsNcSimilarity similarity = AIMS_NC_SIMILAR_NONE;

  g_return_val_if_fail (AIMS_IS_RECORD (a) && AIMS_IS_RECORD (b), AIMS_NC_SIMILAR_NONE);

  if (same_value (a, b, "ai_system_id"))
    similarity |= AIMS_NC_SIMILAR_SYSTEM;
  if (same_value (a, b, "control_id"))
    similarity |= AIMS_NC_SIMILAR_CONTROL;
  if (same_value (a, b, "cause_category"))
    similarity |= AIMS_NC_SIMILAR_CAUSE;
  return similarity;
}

typedef struct
{
  AimsRecord *record;
  guint       shared;  /* how many of system, control and cause */
} Candidate;

static int
compare_candidates (gconstpointer a,
                    gconstpointer b)
{
  const Candidate *x = a;
  const Candidate *y = b;
  int order;

  if (x->shared != y->shared)
    return x->shared > y->shared ? -1 : 1;
  /* Most recently found first; then the newest record. */
  if ((order = g_strcmp0 (aims_record_get (y->record, "found_date"), aims_record_get (x->record, "found_date"))) != 0)
    return order;
  return (aims_record_get_id (y->record) > aims_record_get_id (x->record)) -
         (aims_record_get_id (y->record) < aims_record_get_id (x->record));
}

GPtrArray *
aims_nc_list_similar (AimsDb  *db,
                      gint64   id,
                      GError **error)
{
  g_autoptr(AimsRecord) nc = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GArray) candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));
  GPtrArray *similar;

  g_return_val_if_fail (AIMS_IS_DB (db), NULL);

  /* Nonconformities number in the hundreds: one read and a filter here keep
   * "similar" the same as aims_nc_similarity() says. */
  if ((nc = aims_store_load (db, aims_entity_nonconformities (), id, error)) == NULL ||
      (all = aims_store_list (db, aims_entity_nonconformities (), error)) == NULL)
    return NULL;
  for (guint i = 0; i < all->len; i++)
    {
      AimsRecord *other = g_ptr_array_index (all, i);
      AimsNcSimilarity similarity = aims_nc_similarity (nc, other);
      guint shared = ((similarity & AIMS_NC_SIMILAR_SYSTEM) != 0) + ((similarity & AIMS_NC_SIMILAR_CONTROL) != 0) +
                     ((similarity & AIMS_NC_SIMILAR_CAUSE) != 0);
      Candidate candidate = { other, shared };

      if (aims_record_get_id (other) != id && shared > 0)
        g_array_append_val (candidates, candidate);
    }
  g_array_sort (candidates, compare_candidates);

  similar = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < candidates->len; i++)
    g_ptr_array_add (similar, g_object_ref (g_array_index (candidates, Candidate, i).record));
  return similar;
}
