/* aimsctl-columns.h — which columns `aimsctl list` shows, and their values
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "aims-core.h"
#include "aimsctl-format.h"

G_BEGIN_DECLS

/* For scripts (CSV, JSON): id, row_version, reference, created_at,
 * created_by, updated_at, updated_by, every field of the entity in order as
 * stored (choice keys, person ids, ISO dates), then what a person sees:
 * FIELD_name for a person field (owner_id → owner_name), FIELD_label for a
 * choice field, and for AI systems `retired` and `review_overdue`. */
AimsctlGrid *aimsctl_grid_for_scripts (const AimsEntity *entity,
                                       GPtrArray        *records,
                                       GDate            *today);

/* For people: the few columns that identify a record, with names and labels
 * instead of ids and keys, and overdue reviews marked. */
AimsctlGrid *aimsctl_grid_for_people  (const AimsEntity *entity,
                                       GPtrArray        *records,
                                       GDate            *today);

G_END_DECLS
