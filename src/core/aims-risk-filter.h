/* aims-risk-filter.h — which risks the register shows
 *
 * The filters of the Risks page as a plain struct and one pure test, so
 * that the table, the heatmap beside it and the tests agree. The heatmap
 * counts the risks of `scope` (one system, one owner, one category); the
 * table shows those that also pass the band, treatment and status filters
 * and, after a click on a heatmap cell, only the risks counted in it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "aims-heatmap.h"
#include "aims-risk.h"

G_BEGIN_DECLS

/* What makes a risk need attention, as the table and the dashboard flag it. */
typedef enum
{
  AIMS_RISK_ATTENTION_ANY,                 /* no such filter */
  AIMS_RISK_ATTENTION_ABOVE_APPETITE,      /* open, current band above the appetite */
  AIMS_RISK_ATTENTION_REVIEW_OVERDUE,      /* open, next review before today */
  AIMS_RISK_ATTENTION_ACCEPTANCE_EXPIRED,  /* accepted until a day before today */
} AimsRiskAttention;

typedef struct
{
  AimsHeatmapFilter scope;       /* system, owner, category; include_closed
                                    is ignored: the other filters decide */
  int               band;        /* index of the current band of an open
                                    risk; -1: any */
  const char       *treatment;   /* a choice key; NULL: any */
  const char       *status;      /* a choice key; NULL: any */
  AimsRiskAttention attention;
  /* A heatmap cell: the risks counted in it (not closed, levels of that
   * view in the cell). likelihood 0: no cell. */
  guint             cell_likelihood;
  guint             cell_impact;
  gboolean          cell_residual;
} AimsRiskFilter;

/* Every risk, like a zeroed struct but with band -1. */
void     aims_risk_filter_init    (AimsRiskFilter       *filter);

gboolean aims_risk_filter_matches (const AimsRiskFilter *filter,
                                   const AimsRiskMatrix *matrix,
                                   AimsRecord           *risk);

/* TRUE when the filter hides some risks. */
gboolean aims_risk_filter_is_active (const AimsRiskFilter *filter);

G_END_DECLS
