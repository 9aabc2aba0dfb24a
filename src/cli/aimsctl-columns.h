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
  /* For objectives: aims_objective_load_all_series(); may be NULL for
   * other entities. */
  GHashTable           *objective_series;
  /* For nonconformities: aims_nc_load_actions_by_nc(); else NULL. */
  GHashTable           *actions_by_nc;
} AimsctlListContext;

/* A computed column an entity declares in its own file, beside its fields:
 * under name in CSV and JSON, and where its table for people lists "+name". */
typedef struct
{
  const char        *name;
  const char        *label;  /* N_(): its header in the table for people */
  AimsctlValueKind   kind;
  char            *(*value) (AimsRecord               *record,
                             const AimsctlListContext *context);
  /* Only in the table: what scripts read from other columns, worded. */
  gboolean           people_only;
} AimsctlComputedColumn;

/* aimsctl-nonconformities.c: the computed columns of nonconformities and
 * actions (terminated by { NULL }), and the columns of their tables for
 * people; NULL for other entities. */
const AimsctlComputedColumn *aimsctl_nc_computed_columns (const AimsEntity *entity);
const char *const           *aimsctl_nc_table_columns    (const AimsEntity *entity);
/* aimsctl-assessments.c: the same for impact assessments. */
const AimsctlComputedColumn *aimsctl_assessment_computed_columns (const AimsEntity *entity);
const char *const           *aimsctl_assessment_table_columns    (const AimsEntity *entity);

/* For scripts (CSV, JSON): id, row_version, reference, created_at,
 * created_by, updated_at, updated_by, every field of the entity in order as
 * stored (choice keys, linked ids, level numbers, ISO dates), then what a
 * person sees: FIELD_name for a link (owner_id → owner_name, ai_system_id →
 * ai_system_name), FIELD_label for a choice or a level, and for AI systems
 * `retired` and `review_overdue`, for risks `inherent_score`,
 * `inherent_band`, `residual_score`, `residual_band`, `above_appetite`,
 * `review_overdue` and `acceptance_expired`, for objectives `status`
 * (aims_objective_state_key()), `latest_value`, `latest_on`, `trend`
 * (up, down, flat), `next_due` and `days_overdue`. */
AimsctlGrid *aimsctl_grid_for_scripts (const AimsEntity         *entity,
                                       GPtrArray                *records,
                                       const AimsctlListContext *context);

/* For people: the few columns that identify a record, with names and labels
 * instead of ids and keys, and overdue reviews marked. */
AimsctlGrid *aimsctl_grid_for_people  (const AimsEntity         *entity,
                                       GPtrArray                *records,
                                       const AimsctlListContext *context);

G_END_DECLS
