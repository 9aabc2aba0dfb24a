/* aims-risk.c — what a risk of the register shows beside its stored fields,
 * and the rules across its fields
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>
#include <string.h>

#include "aims-date.h"
#include "aims-risk.h"
#include "aims-risk-matrix-db.h"

/* The stored level of field as a number inside the matrix; 0 when unset or
 * outside. */
static guint
stored_level (const AimsRiskMatrix *matrix,
              AimsRecord           *risk,
              const char           *field)
{
  const char *text = aims_record_get (risk, field);
  guint64 level;

  if (text == NULL || !g_ascii_string_to_unsigned (text, 10, 1, matrix->size, &level, NULL))
    return 0;
  return (guint) level;
}

gboolean
aims_risk_get_levels (const AimsRiskMatrix *matrix,
                      AimsRecord           *risk,
                      gboolean              residual,
                      guint                *likelihood,
                      guint                *impact)
{
  guint l, i;

  g_return_val_if_fail (matrix != NULL, FALSE);
  g_return_val_if_fail (AIMS_IS_RECORD (risk), FALSE);

  l = stored_level (matrix, risk, residual ? "residual_likelihood" : "inherent_likelihood");
  i = stored_level (matrix, risk, residual ? "residual_impact" : "inherent_impact");
  if (l == 0 || i == 0)
    l = i = 0;
  if (likelihood != NULL)
    *likelihood = l;
  if (impact != NULL)
    *impact = i;
  return l != 0;
}

void
aims_risk_rate (const AimsRiskMatrix *matrix,
                AimsRecord           *risk,
                gboolean              residual,
                AimsRiskRating       *rating)
{
  const AimsRiskBand *band;

  g_return_if_fail (matrix != NULL);
  g_return_if_fail (AIMS_IS_RECORD (risk));
  g_return_if_fail (rating != NULL);

  memset (rating, 0, sizeof *rating);
  rating->band = -1;
  if (!aims_risk_get_levels (matrix, risk, residual, &rating->likelihood, &rating->impact))
    return;
  rating->assessed = aims_risk_matrix_cell (matrix, rating->likelihood, rating->impact,
                                            &rating->score, &rating->band);
  if ((band = aims_risk_matrix_get_band (matrix, rating->band)) != NULL)
    {
      rating->band_name = band->name;
      rating->colour = band->colour;
    }
}

gboolean
aims_risk_is_closed (AimsRecord *risk)
{
  g_return_val_if_fail (AIMS_IS_RECORD (risk), FALSE);

  return g_strcmp0 (aims_record_get (risk, "status"), AIMS_RISK_STATUS_CLOSED) == 0;
}

static gboolean
is_accepted (AimsRecord *risk)
{
  return g_strcmp0 (aims_record_get (risk, "treatment"), AIMS_RISK_TREATMENT_ACCEPT) == 0 ||
         g_strcmp0 (aims_record_get (risk, "status"), AIMS_RISK_STATUS_ACCEPTED) == 0;
}

/* The date in field is before today. */
static gboolean
date_before (AimsRecord *risk,
             const char *field,
             GDate      *today)
{
  g_autoptr(GDate) date = aims_date_parse (aims_record_get (risk, field));

  return date != NULL && g_date_compare (date, today) < 0;
}

void
aims_risk_compute (const AimsRiskMatrix *matrix,
                   AimsRecord           *risk,
                   GDate                *today,
                   AimsRiskScores       *scores)
{
  gboolean open;

  g_return_if_fail (matrix != NULL);
  g_return_if_fail (AIMS_IS_RECORD (risk));
  g_return_if_fail (today != NULL);
  g_return_if_fail (scores != NULL);

  aims_risk_rate (matrix, risk, FALSE, &scores->inherent);
  aims_risk_rate (matrix, risk, TRUE, &scores->residual);
  scores->current = scores->residual.assessed ? &scores->residual : &scores->inherent;
  scores->above_appetite = aims_risk_matrix_band_above_appetite (matrix, scores->current->band);

  open = !aims_risk_is_closed (risk);
  scores->review_overdue = open && date_before (risk, "next_review_date", today);
  scores->acceptance_expired = open && is_accepted (risk) && date_before (risk, "accepted_until", today);
}

/* ── Rules ─────────────────────────────────────────────────────────────── */

static gboolean
check_levels (const AimsRiskMatrix  *matrix,
              AimsRecord            *risk,
              GError               **error)
{
  const AimsEntity *entity = aims_record_get_entity (risk);

  for (guint f = 0; f < entity->n_fields; f++)
    {
      const AimsField *field = &entity->fields[f];
      const char *value = aims_record_get (risk, field->name);

      if (field->type != AIMS_FIELD_LEVEL || value == NULL)
        continue;
      if (stored_level (matrix, risk, field->name) == 0)
        {
          g_set_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_INVALID,
                       _("%s: %s is outside the risk matrix (levels 1 to %u)"),
                       _(field->label), value, matrix->size);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
check_target_date (AimsRecord  *before,
                   AimsRecord  *after,
                   GError     **error)
{
  g_autoptr(GDate) today = aims_date_today ();
  const char *due = aims_record_get (after, "treatment_due_date");
  gboolean new_plan;

  if (!date_before (after, "treatment_due_date", today))
    return TRUE;
  new_plan = before == NULL ||
             g_strcmp0 (aims_record_get (before, "treatment_due_date"), due) != 0 ||
             (aims_record_get (before, "treatment_plan") == NULL &&
              aims_record_get (after, "treatment_plan") != NULL);
  if (!new_plan)
    return TRUE;

  g_set_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_INVALID,
               _("%s: %s is in the past; a new treatment plan needs a date from today on"),
               _(aims_entity_find_field (aims_entity_risks (), "treatment_due_date")->label), due);
  return FALSE;
}

static gboolean
check_acceptance (const AimsRiskMatrix  *matrix,
                  AimsRecord            *risk,
                  GError               **error)
{
  g_autoptr(GDate) today = aims_date_today ();
  const AimsEntity *entity = aims_entity_risks ();
  AimsRiskScores scores;

  if (!is_accepted (risk))
    return TRUE;
  aims_risk_compute (matrix, risk, today, &scores);
  if (!scores.above_appetite ||
      (aims_record_get (risk, "accepted_by_id") != NULL && aims_record_get (risk, "accepted_until") != NULL))
    return TRUE;

  g_set_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_INVALID,
               /* Translators: "Accepting a risk above the appetite (band High, appetite up to
                * Medium) needs Accepted by and Accepted until" */
               _("Accepting a risk above the appetite (band %s, appetite up to %s) needs %s and %s"),
               scores.current->band_name, matrix->appetite_band,
               _(aims_entity_find_field (entity, "accepted_by_id")->label),
               _(aims_entity_find_field (entity, "accepted_until")->label));
  return FALSE;
}

gboolean
aims_risk_check_rules (AimsDb      *db,
                       AimsRecord  *before,
                       GHashTable  *changes,
                       GError     **error)
{
  g_autoptr(AimsRiskMatrix) matrix = NULL;
  g_autoptr(AimsRecord) after = NULL;
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (AIMS_IS_DB (db), FALSE);

  if ((matrix = aims_risk_matrix_load (db, error)) == NULL)
    return FALSE;

  after = before != NULL ? aims_record_copy (before) : aims_record_new (aims_entity_risks ());
  g_hash_table_iter_init (&iter, changes);
  while (g_hash_table_iter_next (&iter, &key, &value))
    aims_record_set (after, key, value);

  return check_levels (matrix, after, error) &&
         check_target_date (before, after, error) &&
         check_acceptance (matrix, after, error);
}
