/* aims-objective-entity.c — the field tables of AI objectives and of their
 * KPI measurements
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "aims-objective-entity.h"

/* ── Objective ─────────────────────────────────────────────────────────── */

/* Keys as in the CHECK constraint of data/schema/0001-initial.sql. */
static const AimsChoice direction_choices[] = {
  { AIMS_OBJECTIVE_DIRECTION_HIGHER, N_("Higher is better") },
  { AIMS_OBJECTIVE_DIRECTION_LOWER,  N_("Lower is better") },
  { NULL, NULL }
};

static const AimsChoice frequency_choices[] = {
  { AIMS_OBJECTIVE_FREQUENCY_WEEKLY,      N_("Weekly") },
  { AIMS_OBJECTIVE_FREQUENCY_MONTHLY,     N_("Monthly") },
  { AIMS_OBJECTIVE_FREQUENCY_QUARTERLY,   N_("Quarterly") },
  { AIMS_OBJECTIVE_FREQUENCY_HALF_YEARLY, N_("Every six months") },
  { AIMS_OBJECTIVE_FREQUENCY_YEARLY,      N_("Yearly") },
  { NULL, NULL }
};

static const AimsFieldGroup objective_groups[] = {
  { "objective", N_("The objective") },
  { "kpi",       N_("How it is measured") },
  { "target",    N_("Baseline and target") },
  { NULL, NULL }
};

static const AimsField objective_fields[] = {
  { .name = "title", .label = N_("Title"), .group = "objective",
    .type = AIMS_FIELD_TEXT, .required = TRUE },
  { .name = "rationale", .label = N_("Why it matters"), .group = "objective",
    .type = AIMS_FIELD_LONG_TEXT,
    .hint = N_("What the organisation gains when it is met, and what it risks when not") },
  { .name = "clause_or_control", .label = N_("Clause or control"), .group = "objective",
    .type = AIMS_FIELD_TEXT,
    .hint = N_("The clause of ISO/IEC 42001 or the Annex A control it serves, e.g. 6.2 or A.6.2.6") },
  { .name = "owner_id", .label = N_("Owner"), .group = "objective",
    .type = AIMS_FIELD_PERSON, .hint = N_("Accountable for meeting it") },

  { .name = "kpi_name", .label = N_("KPI"), .group = "kpi",
    .type = AIMS_FIELD_TEXT, .hint = N_("The indicator that measures it") },
  { .name = "kpi_unit", .label = N_("Unit"), .group = "kpi",
    .type = AIMS_FIELD_TEXT, .max_length = 20,
    .hint = N_("What the values count: %, days, models, people") },
  { .name = "kpi_method", .label = N_("How it is measured"), .group = "kpi",
    .type = AIMS_FIELD_LONG_TEXT,
    .hint = N_("Where the figure comes from and how it is worked out") },
  { .name = "frequency", .label = N_("Measured"), .group = "kpi",
    .type = AIMS_FIELD_CHOICE, .choices = frequency_choices,
    .hint = N_("How often a new value is due") },

  { .name = "baseline", .label = N_("Baseline"), .group = "target",
    .type = AIMS_FIELD_NUMBER, .hint = N_("Where it stood when the objective was set") },
  { .name = "target", .label = N_("Target"), .group = "target",
    .type = AIMS_FIELD_NUMBER },
  { .name = "target_date", .label = N_("Target date"), .group = "target",
    .type = AIMS_FIELD_DATE, .hint = N_("When the target is to be reached") },
  { .name = "direction", .label = N_("Direction"), .group = "target",
    .type = AIMS_FIELD_CHOICE, .choices = direction_choices },
  { .name = "at_risk_threshold", .label = N_("At risk from"), .group = "target",
    .type = AIMS_FIELD_NUMBER,
    .hint = N_("Between the target and this value it is at risk; past it, off track") },
};

const AimsEntity aims_objectives_entity = {
  "objectives", "objective", "OBJ",
  N_("objective"), N_("objectives"), "title",
  objective_fields, G_N_ELEMENTS (objective_fields), objective_groups,
};

/* ── Measurement ───────────────────────────────────────────────────────── */

static const AimsFieldGroup measurement_groups[] = {
  { "measurement", N_("Measurement") },
  { NULL, NULL }
};

static const AimsField measurement_fields[] = {
  { .name = "objective_id", .label = N_("Objective"), .group = "measurement",
    .type = AIMS_FIELD_LINK, .required = TRUE, .link_entity = "objectives" },
  { .name = "measured_on", .label = N_("Measured on"), .group = "measurement",
    .type = AIMS_FIELD_DATE, .required = TRUE },
  { .name = "value", .label = N_("Value"), .group = "measurement",
    .type = AIMS_FIELD_NUMBER, .required = TRUE },
  { .name = "note", .label = N_("Note"), .group = "measurement",
    .type = AIMS_FIELD_LONG_TEXT, .hint = N_("What explains the value, or what was corrected") },
};

const AimsEntity aims_measurements_entity = {
  "measurements", "measurement", "MEA",
  N_("measurement"), N_("measurements"), "measured_on",
  measurement_fields, G_N_ELEMENTS (measurement_fields), measurement_groups,
};

/* ── Accessors ─────────────────────────────────────────────────────────── */

const AimsEntity *
aims_entity_objectives (void)
{
  return &aims_objectives_entity;
}

const AimsEntity *
aims_entity_measurements (void)
{
  return &aims_measurements_entity;
}
