/* aims-soa-entity.c — the field tables of the Statement of Applicability and
 * the clause checklist
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "aims-soa-entity.h"

/* ── Controls (the view soa) ───────────────────────────────────────────── */

/* The group references as in data/schema/0003-controls.sql. */
static const AimsChoice group_choices[] = {
  { "A.2",  N_("A.2 Policies related to AI") },
  { "A.3",  N_("A.3 Internal organization") },
  { "A.4",  N_("A.4 Resources for AI systems") },
  { "A.5",  N_("A.5 Assessing impacts of AI systems") },
  { "A.6",  N_("A.6 AI system life cycle") },
  { "A.7",  N_("A.7 Data for AI systems") },
  { "A.8",  N_("A.8 Information for interested parties of AI systems") },
  { "A.9",  N_("A.9 Use of AI systems") },
  { "A.10", N_("A.10 Third-party and customer relationships") },
  { NULL, NULL }
};

static const AimsChoice applicable_choices[] = {
  { AIMS_SOA_APPLICABLE_YES, N_("Applicable") },
  { AIMS_SOA_APPLICABLE_NO,  N_("Excluded") },
  { NULL, NULL }
};

static const AimsChoice implementation_choices[] = {
  { AIMS_SOA_STATUS_NOT_STARTED, N_("Not started") },
  { AIMS_SOA_STATUS_PLANNED,     N_("Planned") },
  { AIMS_SOA_STATUS_PARTIAL,     N_("Partly implemented") },
  { AIMS_SOA_STATUS_IMPLEMENTED, N_("Implemented") },
  { NULL, NULL }
};

static const AimsChoice soa_status_choices[] = {
  { AIMS_SOA_STATUS_UNDECIDED,   N_("Not decided") },
  { AIMS_SOA_STATUS_EXCLUDED,    N_("Excluded") },
  { AIMS_SOA_STATUS_NOT_STARTED, N_("Not started") },
  { AIMS_SOA_STATUS_PLANNED,     N_("Planned") },
  { AIMS_SOA_STATUS_PARTIAL,     N_("Partly implemented") },
  { AIMS_SOA_STATUS_IMPLEMENTED, N_("Implemented") },
  { NULL, NULL }
};

static const AimsFieldGroup control_groups[] = {
  { "control",        N_("The control") },
  { "decision",       N_("Applicability") },
  { "implementation", N_("Implementation") },
  { "standing",       N_("Where it stands") },
  { NULL, NULL }
};

static const AimsField control_fields[] = {
  { .name = "title", .label = N_("Control"), .group = "control",
    .type = AIMS_FIELD_TEXT, .read_only = TRUE },
  { .name = "group_ref", .label = N_("Group"), .group = "control",
    .type = AIMS_FIELD_CHOICE, .choices = group_choices, .read_only = TRUE },
  { .name = "guidance", .label = N_("What it asks"), .group = "control",
    .type = AIMS_FIELD_LONG_TEXT, .read_only = TRUE },

  { .name = "applicable", .label = N_("Applicable"), .group = "decision",
    .type = AIMS_FIELD_CHOICE, .choices = applicable_choices,
    .hint = N_("Leave empty while it is not decided") },
  { .name = "justification", .label = N_("Justification"), .group = "decision",
    .type = AIMS_FIELD_LONG_TEXT,
    .hint = N_("Why it is included (risk treatment, law, contract, policy) or why it does not apply") },

  { .name = "implementation_status", .label = N_("Implementation status"), .group = "implementation",
    .type = AIMS_FIELD_CHOICE, .choices = implementation_choices },
  { .name = "owner_id", .label = N_("Owner"), .group = "implementation",
    .type = AIMS_FIELD_PERSON, .hint = N_("Accountable for the control working") },
  { .name = "evidence", .label = N_("Evidence"), .group = "implementation",
    .type = AIMS_FIELD_LONG_TEXT,
    .hint = N_("Documents, records, links or files that show it is in place") },
  { .name = "review_date", .label = N_("Last reviewed"), .group = "implementation",
    .type = AIMS_FIELD_DATE, .hint = N_("When the entry and its evidence were last checked") },

  { .name = "soa_status", .label = N_("SoA status"), .group = "standing",
    .type = AIMS_FIELD_CHOICE, .choices = soa_status_choices, .read_only = TRUE },
  { .name = "linked_risks", .label = N_("Linked risks"), .group = "standing",
    .type = AIMS_FIELD_TEXT, .read_only = TRUE,
    .hint = N_("Risks whose treatment relies on this control") },
};

const AimsEntity aims_controls_entity = {
  "controls", "soa", NULL,
  N_("control"), N_("controls"), "title",
  control_fields, G_N_ELEMENTS (control_fields), control_groups,
};

/* ── Clause checklist ──────────────────────────────────────────────────── */

static const AimsChoice chapter_choices[] = {
  { "4",  N_("4 Context of the organisation") },
  { "5",  N_("5 Leadership") },
  { "6",  N_("6 Planning") },
  { "7",  N_("7 Support") },
  { "8",  N_("8 Operation") },
  { "9",  N_("9 Performance evaluation") },
  { "10", N_("10 Improvement") },
  { NULL, NULL }
};

static const AimsChoice clause_status_choices[] = {
  { AIMS_CLAUSE_STATUS_NOT_STARTED, N_("Not started") },
  { AIMS_CLAUSE_STATUS_PARTIAL,     N_("Partial") },
  { AIMS_CLAUSE_STATUS_IN_PLACE,    N_("In place") },
  { NULL, NULL }
};

static const AimsFieldGroup clause_groups[] = {
  { "requirement", N_("The requirement") },
  { "gap",         N_("Where we stand") },
  { NULL, NULL }
};

static const AimsField clause_fields[] = {
  { .name = "clause", .label = N_("Clause"), .group = "requirement",
    .type = AIMS_FIELD_CHOICE, .choices = chapter_choices, .read_only = TRUE },
  { .name = "title", .label = N_("Requirement"), .group = "requirement",
    .type = AIMS_FIELD_TEXT, .read_only = TRUE },
  { .name = "guidance", .label = N_("What it asks"), .group = "requirement",
    .type = AIMS_FIELD_LONG_TEXT, .read_only = TRUE },

  { .name = "status", .label = N_("Status"), .group = "gap",
    .type = AIMS_FIELD_CHOICE, .required = TRUE, .choices = clause_status_choices },
  { .name = "notes", .label = N_("Notes"), .group = "gap",
    .type = AIMS_FIELD_LONG_TEXT, .hint = N_("What is missing, and what is planned") },
  { .name = "evidence", .label = N_("Evidence"), .group = "gap",
    .type = AIMS_FIELD_LONG_TEXT,
    .hint = N_("Documents, records, links or files that show it is met") },
};

const AimsEntity aims_clauses_entity = {
  "clauses", "clause_requirement", NULL,
  N_("clause requirement"), N_("clause requirements"), "title",
  clause_fields, G_N_ELEMENTS (clause_fields), clause_groups,
};

/* ── Accessors ─────────────────────────────────────────────────────────── */

const AimsEntity *
aims_entity_controls (void)
{
  return &aims_controls_entity;
}

const AimsEntity *
aims_entity_clauses (void)
{
  return &aims_clauses_entity;
}

const AimsChoice *
aims_soa_groups (void)
{
  return group_choices;
}

const AimsChoice *
aims_clause_chapters (void)
{
  return chapter_choices;
}
