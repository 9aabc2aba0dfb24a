/* aims-objective-entity.h — the field tables of AI objectives
 * ("objectives", OBJ-…) and of their KPI measurements ("measurements",
 * MEA-…), ISO/IEC 42001 clauses 6.2 and 9.1
 *
 * An objective names its KPI (name, unit, how it is measured), the baseline
 * and the target with its date, whether a higher or a lower value is better,
 * the value past which it is at risk, and how often it is measured. Its
 * status is never stored: aims_objective_status_compute() works it out from
 * the measurements whenever it is shown. The AI systems an objective concerns
 * are links of their own: aims_objective_systems_get() / _set().
 *
 * A measurement is one value of one objective's KPI on one day.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "aims-entity.h"

G_BEGIN_DECLS

/* Stored keys of an objective's direction. */
#define AIMS_OBJECTIVE_DIRECTION_HIGHER "higher"
#define AIMS_OBJECTIVE_DIRECTION_LOWER  "lower"

/* Stored keys of an objective's frequency. */
#define AIMS_OBJECTIVE_FREQUENCY_WEEKLY      "weekly"
#define AIMS_OBJECTIVE_FREQUENCY_MONTHLY     "monthly"
#define AIMS_OBJECTIVE_FREQUENCY_QUARTERLY   "quarterly"
#define AIMS_OBJECTIVE_FREQUENCY_HALF_YEARLY "half_yearly"
#define AIMS_OBJECTIVE_FREQUENCY_YEARLY      "yearly"

/* The tables themselves, for the list of aims_entity_lookup(). */
extern const AimsEntity aims_objectives_entity;
extern const AimsEntity aims_measurements_entity;

G_END_DECLS
