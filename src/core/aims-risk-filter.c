/* aims-risk-filter.c — which risks the register shows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "aims-date.h"
#include "aims-risk-filter.h"

void
aims_risk_filter_init (AimsRiskFilter *filter)
{
  g_return_if_fail (filter != NULL);

  *filter = (AimsRiskFilter) { .band = -1 };
}

gboolean
aims_risk_filter_matches (const AimsRiskFilter *filter,
                          const AimsRiskMatrix *matrix,
                          AimsRecord           *risk)
{
  AimsHeatmapFilter scope;

  g_return_val_if_fail (filter != NULL, FALSE);
  g_return_val_if_fail (matrix != NULL, FALSE);
  g_return_val_if_fail (AIMS_IS_RECORD (risk), FALSE);

  /* Closed risks are in the table unless a heatmap cell is chosen: the
   * heatmap counts open risks only, and its cell must list what it counts. */
  scope = filter->scope;
  scope.include_closed = filter->cell_likelihood == 0;
  if (!aims_heatmap_filter_matches (&scope, risk))
    return FALSE;

  if (filter->treatment != NULL &&
      g_strcmp0 (aims_record_get (risk, "treatment"), filter->treatment) != 0)
    return FALSE;
  if (filter->status != NULL &&
      g_strcmp0 (aims_record_get (risk, "status"), filter->status) != 0)
    return FALSE;

  if (filter->band >= 0)
    {
      AimsRiskRating rating;

      /* A closed risk stands in no band any more: the band is where an
       * open risk stands now, as the dashboard counts it. */
      if (aims_risk_is_closed (risk))
        return FALSE;
      /* The band where the risk stands now: residual once assessed. */
      aims_risk_rate (matrix, risk, TRUE, &rating);
      if (!rating.assessed)
        aims_risk_rate (matrix, risk, FALSE, &rating);
      if (rating.band != filter->band)
        return FALSE;
    }

  if (filter->attention != AIMS_RISK_ATTENTION_ANY)
    {
      g_autoptr(GDate) today = aims_date_today ();
      AimsRiskScores scores;
      gboolean needs;

      aims_risk_compute (matrix, risk, today, &scores);
      switch (filter->attention)
        {
        case AIMS_RISK_ATTENTION_ABOVE_APPETITE:
          needs = scores.above_appetite && !aims_risk_is_closed (risk);
          break;
        case AIMS_RISK_ATTENTION_REVIEW_OVERDUE:
          needs = scores.review_overdue;
          break;
        case AIMS_RISK_ATTENTION_ACCEPTANCE_EXPIRED:
          needs = scores.acceptance_expired;
          break;
        default:
          needs = TRUE;
          break;
        }
      if (!needs)
        return FALSE;
    }

  if (filter->cell_likelihood != 0)
    {
      guint likelihood, impact;

      if (!aims_risk_get_levels (matrix, risk, filter->cell_residual, &likelihood, &impact) ||
          likelihood != filter->cell_likelihood || impact != filter->cell_impact)
        return FALSE;
    }

  return TRUE;
}

gboolean
aims_risk_filter_is_active (const AimsRiskFilter *filter)
{
  g_return_val_if_fail (filter != NULL, FALSE);

  return filter->scope.ai_system_id != 0 || filter->scope.owner_id != 0 ||
         filter->scope.source_category != NULL || filter->band >= 0 ||
         filter->treatment != NULL || filter->status != NULL ||
         filter->attention != AIMS_RISK_ATTENTION_ANY || filter->cell_likelihood != 0;
}
