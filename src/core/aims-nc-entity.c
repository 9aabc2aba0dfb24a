/* aims-nc-entity.c — the field tables of nonconformities and corrective
 * actions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "aims-nc-entity.h"

/* ── Nonconformity ─────────────────────────────────────────────────────── */

static const AimsChoice source_choices[] = {
  { AIMS_NC_SOURCE_INTERNAL_AUDIT,    N_("Internal audit") },
  { AIMS_NC_SOURCE_EXTERNAL_AUDIT,    N_("External audit") },
  { AIMS_NC_SOURCE_INCIDENT,          N_("AI incident") },
  { AIMS_NC_SOURCE_MONITORING,        N_("Monitoring") },
  { AIMS_NC_SOURCE_COMPLAINT,         N_("Complaint") },
  { AIMS_NC_SOURCE_MANAGEMENT_REVIEW, N_("Management review") },
  { NULL, NULL }
};

static const AimsChoice severity_choices[] = {
  { AIMS_NC_SEVERITY_MAJOR,       N_("Major") },
  { AIMS_NC_SEVERITY_MINOR,       N_("Minor") },
  { AIMS_NC_SEVERITY_OBSERVATION, N_("Observation") },
  { AIMS_NC_SEVERITY_IMPROVEMENT, N_("Opportunity for improvement") },
  { NULL, NULL }
};

static const AimsChoice cause_choices[] = {
  { AIMS_NC_CAUSE_PEOPLE,     N_("People") },
  { AIMS_NC_CAUSE_PROCESS,    N_("Process") },
  { AIMS_NC_CAUSE_TECHNOLOGY, N_("Technology") },
  { AIMS_NC_CAUSE_DATA,       N_("Data") },
  { AIMS_NC_CAUSE_SUPPLIER,   N_("Supplier") },
  { NULL, NULL }
};

static const AimsChoice result_choices[] = {
  { AIMS_NC_RESULT_EFFECTIVE,     N_("Effective") },
  { AIMS_NC_RESULT_NOT_EFFECTIVE, N_("Not effective") },
  { NULL, NULL }
};

/* The keys and labels of AimsNcState, in its order (aims-nc-workflow.c
 * gives them out; tests/core/test-nc-workflow.c holds the two in step). */
static const AimsChoice state_choices[] = {
  { "reported",               N_("Reported") },
  { "correction_taken",       N_("Correction taken") },
  { "root_cause_analysed",    N_("Root cause analysed") },
  { "actions_planned",        N_("Actions planned") },
  { "actions_implemented",    N_("Actions implemented") },
  { "effectiveness_verified", N_("Effectiveness verified") },
  { "closed",                 N_("Closed") },
  { "rejected",               N_("Rejected") },
  { "reopened",               N_("Reopened") },
  { NULL, NULL }
};

static const AimsFieldGroup nc_groups[] = {
  { "finding",       N_("What happened") },
  { "concerns",      N_("What it concerns") },
  { "correction",    N_("Correction") },
  { "cause",         N_("Root cause") },
  { "effectiveness", N_("Effectiveness check") },
  { "workflow",      N_("State") },
  { NULL, NULL }
};

static const AimsField nc_fields[] = {
  { .name = "title", .label = N_("Title"), .group = "finding",
    .type = AIMS_FIELD_TEXT, .required = TRUE },
  { .name = "description", .label = N_("What happened"), .group = "finding",
    .type = AIMS_FIELD_LONG_TEXT,
    .hint = N_("The facts: what was observed, where, and which requirement it misses") },
  { .name = "source", .label = N_("Found through"), .group = "finding",
    .type = AIMS_FIELD_CHOICE, .required = TRUE, .choices = source_choices },
  { .name = "severity", .label = N_("Severity"), .group = "finding",
    .type = AIMS_FIELD_CHOICE, .required = TRUE, .choices = severity_choices },
  { .name = "found_date", .label = N_("Found on"), .group = "finding",
    .type = AIMS_FIELD_DATE, .required = TRUE },
  { .name = "found_by_id", .label = N_("Found by"), .group = "finding",
    .type = AIMS_FIELD_PERSON },

  { .name = "ai_system_id", .label = N_("AI system"), .group = "concerns",
    .type = AIMS_FIELD_LINK, .link_entity = "systems" },
  { .name = "control_id", .label = N_("Annex A control"), .group = "concerns",
    .type = AIMS_FIELD_LINK, .link_entity = "controls",
    .hint = N_("By its reference, e.g. A.6.2.6") },
  { .name = "clause", .label = N_("Clause"), .group = "concerns",
    .type = AIMS_FIELD_TEXT, .max_length = 20,
    .hint = N_("The clause of ISO/IEC 42001 it misses, e.g. 8.4") },
  { .name = "risk_id", .label = N_("Risk"), .group = "concerns",
    .type = AIMS_FIELD_LINK, .link_entity = "risks" },

  { .name = "correction", .label = N_("Correction"), .group = "correction",
    .type = AIMS_FIELD_LONG_TEXT,
    .hint = N_("The immediate fix that contained it, apart from the corrective actions") },

  { .name = "root_cause", .label = N_("Root cause"), .group = "cause",
    .type = AIMS_FIELD_LONG_TEXT, .hint = N_("Why it happened, found by analysis") },
  { .name = "five_whys", .label = N_("Five whys"), .group = "cause",
    .type = AIMS_FIELD_LONG_TEXT,
    .hint = N_("Each answer to “why?” in turn, as a JSON array of text") },
  { .name = "cause_category", .label = N_("Cause category"), .group = "cause",
    .type = AIMS_FIELD_CHOICE, .choices = cause_choices },

  { .name = "effectiveness_by_id", .label = N_("Checked by"), .group = "effectiveness",
    .type = AIMS_FIELD_PERSON, .hint = N_("Who checked that the actions worked") },
  { .name = "effectiveness_date", .label = N_("Checked on"), .group = "effectiveness",
    .type = AIMS_FIELD_DATE },
  { .name = "effectiveness_evidence", .label = N_("Evidence of effectiveness"), .group = "effectiveness",
    .type = AIMS_FIELD_LONG_TEXT, .hint = N_("What shows that it has not happened again") },
  { .name = "effectiveness_result", .label = N_("Result"), .group = "effectiveness",
    .type = AIMS_FIELD_CHOICE, .choices = result_choices },

  { .name = "state", .label = N_("State"), .group = "workflow",
    .type = AIMS_FIELD_CHOICE, .choices = state_choices, .read_only = TRUE,
    .hint = N_("Moves only by the steps of the corrective action workflow") },
  { .name = "rejection_reason", .label = N_("Reason for rejection"), .group = "workflow",
    .type = AIMS_FIELD_LONG_TEXT, .hint = N_("Why it is not a nonconformity") },
  { .name = "reopen_reason", .label = N_("Reason for reopening"), .group = "workflow",
    .type = AIMS_FIELD_LONG_TEXT,
    .hint = N_("The effectiveness check failed, or it happened again") },
};

const AimsEntity aims_nonconformities_entity = {
  "nonconformities", "nonconformity", "NC",
  N_("nonconformity"), N_("nonconformities"), "title",
  nc_fields, G_N_ELEMENTS (nc_fields), nc_groups,
};

/* ── Corrective action ─────────────────────────────────────────────────── */

static const AimsChoice status_choices[] = {
  { AIMS_ACTION_STATUS_OPEN,        N_("Open") },
  { AIMS_ACTION_STATUS_IN_PROGRESS, N_("In progress") },
  { AIMS_ACTION_STATUS_DONE,        N_("Done") },
  { AIMS_ACTION_STATUS_CANCELLED,   N_("Cancelled") },
  { NULL, NULL }
};

static const AimsFieldGroup action_groups[] = {
  { "action",     N_("Corrective action") },
  { "completion", N_("Completion") },
  { NULL, NULL }
};

static const AimsField action_fields[] = {
  /* One of the two is set: what raised the action (aims_action_check_rules). */
  { .name = "nonconformity_id", .label = N_("Nonconformity"), .group = "action",
    .type = AIMS_FIELD_LINK, .link_entity = "nonconformities" },
  { .name = "review_id", .label = N_("Management review"), .group = "action",
    .type = AIMS_FIELD_LINK, .link_entity = "reviews",
    .hint = N_("For an action decided at a management review instead of a nonconformity") },
  { .name = "description", .label = N_("Action"), .group = "action",
    .type = AIMS_FIELD_LONG_TEXT, .required = TRUE,
    .hint = N_("What will be done to remove the root cause") },
  { .name = "owner_id", .label = N_("Owner"), .group = "action",
    .type = AIMS_FIELD_PERSON, .required = TRUE },
  { .name = "due_date", .label = N_("Due"), .group = "action",
    .type = AIMS_FIELD_DATE },
  { .name = "status", .label = N_("Status"), .group = "action",
    .type = AIMS_FIELD_CHOICE, .choices = status_choices,
    .hint = N_("Open when not given") },

  { .name = "completed_date", .label = N_("Completed on"), .group = "completion",
    .type = AIMS_FIELD_DATE },
  { .name = "evidence", .label = N_("Evidence"), .group = "completion",
    .type = AIMS_FIELD_LONG_TEXT, .hint = N_("What shows that it was done") },
};

const AimsEntity aims_actions_entity = {
  "actions", "corrective_action", "CA",
  N_("corrective action"), N_("corrective actions"), "description",
  action_fields, G_N_ELEMENTS (action_fields), action_groups,
};

/* ── Accessors ─────────────────────────────────────────────────────────── */

const AimsEntity *
aims_entity_nonconformities (void)
{
  return &aims_nonconformities_entity;
}

const AimsEntity *
aims_entity_actions (void)
{
  return &aims_actions_entity;
}
