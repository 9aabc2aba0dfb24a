/* aimsctl-columns.h — which columns `aimsctl list` shows, and their values
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "aims-core.h"
#include "aimsctl-format.h"

G_BEGIN_DECLS

/* What computed columns are computed from. */
typedef struct
{
  GDate                *today;
  const AimsRiskMatrix *matrix;  /* for risks; may be NULL for other entities */
} AimsctlListContext;

/* For scripts (CSV, JSON): id, row_version, reference, created_at,
 * created_by, updated_at, updated_by, every field of the entity in order as
 * stored (choice keys, linked ids, level numbers, ISO dates), then what a
 * person sees: FIELD_name for a link (owner_id → owner_name, ai_system_id →
 * ai_system_name), FIELD_label for a choice or a level, and for AI systems
 * `retired` and `review_overdue`, for risks `inherent_score`,
 * `inherent_band`, `residual_score`, `residual_band`, `above_appetite`,
 * `review_overdue` and `acceptance_expired`. */
AimsctlGrid *aimsctl_grid_for_scripts (const AimsEntity         *entity,
                                       GPtrArray                *records,
                                       const AimsctlListContext *context);

/* For people: the few columns that identify a record, with names and labels
 * instead of ids and keys, and overdue reviews marked. */
AimsctlGrid *aimsctl_grid_for_people  (const AimsEntity         *entity,
                                       GPtrArray                *records,
                                       const AimsctlListContext *context);

G_END_DECLS
