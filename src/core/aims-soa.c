/* aims-soa.c — the rules of the Statement of Applicability, its audited
 * update, and where each group and clause stands
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "aims-risk-controls-private.h"
#include "aims-soa.h"
#include "aims-store-private.h"

/* ── Rules ─────────────────────────────────────────────────────────────── */

static gboolean
is_blank (const char *text)
{
  return text == NULL || *text == '\0';
}

static const char *
field_label (const char *name)
{
  return _(aims_entity_find_field (aims_entity_controls (), name)->label);
}

gboolean
aims_soa_check_rules (AimsDb      *db,
                      AimsRecord  *before,
                      GHashTable  *changes,
                      GError     **error)
{
  g_autoptr(AimsRecord) after = NULL;
  g_autoptr(GArray) risk_ids = NULL;
  g_autofree char *risks = NULL;
  GHashTableIter iter;
  gpointer key, value;
  gboolean excluded;

  g_return_val_if_fail (AIMS_IS_DB (db), FALSE);

  if (before == NULL)
    {
      g_set_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_INVALID,
                   _("The %s are a fixed catalogue: none can be added"), _(aims_entity_controls ()->plural));
      return FALSE;
    }

  after = aims_record_copy (before);
  g_hash_table_iter_init (&iter, changes);
  while (g_hash_table_iter_next (&iter, &key, &value))
    aims_record_set (after, key, value);
  excluded = g_strcmp0 (aims_record_get (after, "applicable"), AIMS_SOA_APPLICABLE_NO) == 0;

  if (excluded && is_blank (aims_record_get (after, "justification")))
    {
      g_set_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_INVALID,
                   /* Translators: "A.10.4: Justification is required to exclude a control: …" */
                   _("%s: %s is required to exclude a control: say why it does not apply to the organisation"),
                   aims_record_get_reference (after), field_label ("justification"));
      return FALSE;
    }

  if (g_strcmp0 (aims_record_get (after, "implementation_status"), AIMS_SOA_STATUS_IMPLEMENTED) == 0 &&
      is_blank (aims_record_get (after, "evidence")))
    {
      g_set_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_INVALID,
                   /* Translators: "A.6.2.4: Evidence is required to mark a control Implemented: …" */
                   _("%s: %s is required to mark a control %s: name the documents, records or links that show it"),
                   aims_record_get_reference (after), field_label ("evidence"),
                   aims_field_choice_label (aims_entity_find_field (aims_entity_controls (), "implementation_status"),
                                            AIMS_SOA_STATUS_IMPLEMENTED));
      return FALSE;
    }

  if (!excluded)
    return TRUE;
  if ((risk_ids = aims_control_risks_get (db, aims_record_get_id (after), error)) == NULL)
    return FALSE;
  if (risk_ids->len == 0)
    return TRUE;
  if ((risks = aims_risks_describe (db, risk_ids, error)) == NULL)
    return FALSE;
  g_set_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_INVALID,
               g_dngettext (GETTEXT_PACKAGE,
                            "%s cannot be excluded while a risk relies on it: %s. Remove the link first, or keep the control applicable",
                            "%s cannot be excluded while risks rely on it: %s. Remove the links first, or keep the control applicable",
                            risk_ids->len),
               aims_record_get_reference (after), risks);
  return FALSE;
}

/* ── Writing ───────────────────────────────────────────────────────────── */

/* Whether the control will be excluded once normalized is written. */
static gboolean
ends_excluded (AimsDb      *db,
               gint64       control_id,
               GHashTable  *normalized,
               gboolean    *excluded,
               GError     **error)
{
  g_autoptr(AimsRecord) current = NULL;
  const char *applicable;

  if (g_hash_table_contains (normalized, "applicable"))
    applicable = g_hash_table_lookup (normalized, "applicable");
  else if ((current = aims_store_load (db, aims_entity_controls (), control_id, error)) == NULL)
    return FALSE;
  else
    applicable = aims_record_get (current, "applicable");
  *excluded = g_strcmp0 (applicable, AIMS_SOA_APPLICABLE_NO) == 0;
  return TRUE;
}

AimsRecord *
aims_soa_update (AimsDb      *db,
                 gint64       control_id,
                 gint64       expected_version,
                 GHashTable  *changes,
                 gboolean     unlink_risks,
                 const char  *author,
                 GError     **error)
{
  g_autoptr(GHashTable) normalized = NULL;
  g_autoptr(AimsRecord) record = NULL;
  gboolean excluded = FALSE;

  g_return_val_if_fail (AIMS_IS_DB (db), NULL);
  g_return_val_if_fail (changes != NULL, NULL);

  if (author == NULL)
    author = aims_default_author ();
  if ((normalized = aims_store_normalize_changes (db, aims_entity_controls (), changes, error)) == NULL)
    return NULL;
  if (!aims_db_begin_write (db, error))
    return NULL;

  /* The links go first, so that the rules then see the control unlinked;
   * a refusal or a conflict afterwards rolls them back too. */
  if (unlink_risks &&
      (!ends_excluded (db, control_id, normalized, &excluded, error) ||
       (excluded && !aims_control_unlink_risks_in_transaction (db, control_id, author, error))))
    {
      aims_db_end_write (db, FALSE, NULL);
      return NULL;
    }
  record = aims_store_update_in_transaction (db, aims_entity_controls (), control_id, expected_version,
                                             normalized, author, "update", TRUE, error);
  if (!aims_db_end_write (db, record != NULL, error))
    return NULL;
  return g_steal_pointer (&record);
}

/* ── Progress ──────────────────────────────────────────────────────────── */

GArray *
aims_soa_group_progress (GPtrArray *controls)
{
  GArray *groups = g_array_new (FALSE, TRUE, sizeof (AimsSoaGroupProgress));

  g_return_val_if_fail (controls != NULL, groups);

  for (const AimsChoice *g = aims_soa_groups (); g->key != NULL; g++)
    {
      AimsSoaGroupProgress progress = { g->key, _(g->label), 0, 0, 0, 0, 0 };

      for (guint i = 0; i < controls->len; i++)
        {
          AimsRecord *control = g_ptr_array_index (controls, i);
          const char *applicable = aims_record_get (control, "applicable");

          if (g_strcmp0 (aims_record_get (control, "group_ref"), g->key) != 0)
            continue;
          progress.n_controls++;
          progress.n_decided += applicable != NULL;
          if (g_strcmp0 (applicable, AIMS_SOA_APPLICABLE_NO) == 0)
            progress.n_excluded++;
          else if (g_strcmp0 (applicable, AIMS_SOA_APPLICABLE_YES) == 0)
            {
              progress.n_applicable++;
              progress.n_implemented += g_strcmp0 (aims_record_get (control, "implementation_status"),
                                                   AIMS_SOA_STATUS_IMPLEMENTED) == 0;
            }
        }
      g_array_append_val (groups, progress);
    }
  return groups;
}

GArray *
aims_clause_progress (GPtrArray *requirements)
{
  GArray *chapters = g_array_new (FALSE, TRUE, sizeof (AimsClauseProgress));

  g_return_val_if_fail (requirements != NULL, chapters);

  for (const AimsChoice *c = aims_clause_chapters (); c->key != NULL; c++)
    {
      AimsClauseProgress progress = { c->key, _(c->label), 0, 0, 0, 0 };

      for (guint i = 0; i < requirements->len; i++)
        {
          AimsRecord *requirement = g_ptr_array_index (requirements, i);
          const char *status = aims_record_get (requirement, "status");

          if (g_strcmp0 (aims_record_get (requirement, "clause"), c->key) != 0)
            continue;
          progress.n_requirements++;
          progress.n_in_place += g_strcmp0 (status, AIMS_CLAUSE_STATUS_IN_PLACE) == 0;
          progress.n_partial += g_strcmp0 (status, AIMS_CLAUSE_STATUS_PARTIAL) == 0;
        }
      if (progress.n_requirements > 0)
        progress.percent = progress.n_in_place * 100 / progress.n_requirements;
      g_array_append_val (chapters, progress);
    }
  return chapters;
}
