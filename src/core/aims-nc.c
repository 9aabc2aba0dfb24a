/* aims-nc.c — a nonconformity's step through the workflow, as one audited
 * write
 *
 * The guards run inside the write transaction, on the record and actions as
 * stored then, so that a step another user's change made impossible is
 * refused rather than written.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "aims-nc.h"
#include "aims-store.h"
#include "aims-store-private.h"

/* The check, cleared by a reopening: the new round of actions needs its own. */
static const char *const effectiveness_fields[] = {
  "effectiveness_by_id", "effectiveness_date", "effectiveness_evidence", "effectiveness_result", NULL
};

/* Adds to normalized what the step itself writes besides the caller's
 * changes, and gives the record with all of it, as the guards see it: the
 * state stays where the step starts from, since the guards look at both. */
static AimsRecord *
prepare_step (AimsRecord  *before,
              AimsNcState  target,
              GHashTable  *normalized)
{
  const char *reason_field = aims_nc_state_reason_field (target);

  /* A reason left from an earlier rejection or reopening is not this one's:
   * without a new one the step is refused, and nothing written. */
  if (reason_field != NULL && !g_hash_table_contains (normalized, reason_field))
    g_hash_table_insert (normalized, (gpointer) reason_field, NULL);
  if (target == AIMS_NC_STATE_REOPENED)
    for (guint i = 0; effectiveness_fields[i] != NULL; i++)
      g_hash_table_replace (normalized, (gpointer) effectiveness_fields[i], NULL);
  return aims_record_new_with_changes (aims_entity_nonconformities (), before, normalized);
}

static AimsRecord *
transition_in_transaction (AimsDb       *db,
                           gint64        id,
                           gint64        expected_version,
                           AimsNcState   target,
                           GHashTable   *normalized,
                           const char   *author,
                           GError      **error)
{
  const AimsEntity *entity = aims_entity_nonconformities ();
  g_autoptr(AimsRecord) before = NULL;
  g_autoptr(AimsRecord) after = NULL;
  g_autoptr(GPtrArray) actions = NULL;
  g_autofree char *refusal = NULL;

  if ((before = aims_store_load (db, entity, id, error)) == NULL)
    return NULL;
  if (expected_version >= 0 && aims_record_get_row_version (before) != expected_version)
    {
      aims_store_set_conflict_error (before, expected_version, error);
      return NULL;
    }
  if ((actions = aims_nc_list_actions (db, id, error)) == NULL)
    return NULL;

  after = prepare_step (before, target, normalized);
  if (!aims_nc_workflow_check (after, actions, target, &refusal))
    {
      g_set_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_INVALID,
                   /* Translators: "NC-003 cannot go to “Root cause analysed”: Record the root cause first" */
                   _("%s cannot go to “%s”: %s"),
                   aims_record_get_reference (before), aims_nc_state_label (target), refusal);
      return NULL;
    }

  g_hash_table_replace (normalized, "state", g_strdup (aims_nc_state_key (target)));
  return aims_store_update_in_transaction (db, entity, id, aims_record_get_row_version (before),
                                           normalized, author, "transition", TRUE, error);
}

AimsRecord *
aims_nc_transition (AimsDb       *db,
                    gint64        id,
                    gint64        expected_version,
                    AimsNcState   target,
                    GHashTable   *changes,
                    const char   *author,
                    GError      **error)
{
  g_autoptr(GHashTable) empty = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) normalized = NULL;
  g_autoptr(AimsRecord) record = NULL;

  g_return_val_if_fail (AIMS_IS_DB (db), NULL);
  g_return_val_if_fail (target < AIMS_NC_N_STATES, NULL);

  /* Checked before the transaction, as an update's values are. */
  normalized = aims_store_normalize_changes (db, aims_entity_nonconformities (),
                                             changes != NULL ? changes : empty, error);
  if (normalized == NULL)
    return NULL;
  if (!aims_db_begin_write (db, error))
    return NULL;
  record = transition_in_transaction (db, id, expected_version, target, normalized,
                                      author != NULL ? author : aims_default_author (), error);
  if (!aims_db_end_write (db, record != NULL, error))
    return NULL;
  return g_steal_pointer (&record);
}
