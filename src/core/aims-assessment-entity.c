/* aims-assessment-entity.c — the field table of impact assessments, and
 * the rules a plain update of one meets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "aims-assessment-entity.h"

/* In the order of the workflow (aims-assessment-workflow.h). */
static const AimsChoice status_choices[] = {
  { AIMS_ASSESSMENT_STATUS_DRAFT,      N_("Draft") },
  { AIMS_ASSESSMENT_STATUS_IN_REVIEW,  N_("In review") },
  { AIMS_ASSESSMENT_STATUS_APPROVED,   N_("Approved") },
  { AIMS_ASSESSMENT_STATUS_SUPERSEDED, N_("Superseded") },
  { NULL, NULL }
};

/* The keys of the AI system's fields eu_ai_act_class and eu_ai_act_role
 * (aims-entity.c) that the screening proposes (aims-eu-ai-act.h). */
static const AimsChoice eu_class_choices[] = {
  { "prohibited",   N_("Prohibited") },
  { "high",         N_("High risk") },
  { "limited",      N_("Limited risk") },
  { "minimal",      N_("Minimal risk") },
  { "not_assessed", N_("Not assessed") },
  { NULL, NULL }
};

static const AimsChoice eu_role_choices[] = {
  { "provider",    N_("Provider") },
  { "deployer",    N_("Deployer") },
  { "importer",    N_("Importer") },
  { "distributor", N_("Distributor") },
  { NULL, NULL }
};

static const AimsFieldGroup assessment_groups[] = {
  { "assessment", N_("Assessment") },
  { "review",     N_("Review and approval") },
  { "eu",         N_("EU AI Act") },
  { NULL, NULL }
};

static const AimsField assessment_fields[] = {
  { .name = "title", .label = N_("Title"), .group = "assessment",
    .type = AIMS_FIELD_TEXT, .read_only = TRUE },
  /* Not read-only so that a plain insert reaches the rules and hears why
   * it is refused; the rules keep it from ever changing. */
  { .name = "ai_system_id", .label = N_("AI system"), .group = "assessment",
    .type = AIMS_FIELD_LINK, .link_entity = "systems" },
  { .name = "version", .label = N_("Version"), .group = "assessment",
    .type = AIMS_FIELD_NUMBER, .read_only = TRUE },
  { .name = "status", .label = N_("Status"), .group = "assessment",
    .type = AIMS_FIELD_CHOICE, .choices = status_choices, .read_only = TRUE,
    .hint = N_("Moves only by submitting, approving or sending back") },
  { .name = "assessor_id", .label = N_("Assessor"), .group = "assessment",
    .type = AIMS_FIELD_PERSON, .required = TRUE, .hint = N_("Who answers the questions") },
  { .name = "current_step", .label = N_("Current page"), .group = "assessment",
    .type = AIMS_FIELD_TEXT, .read_only = TRUE, .hint = N_("Where the wizard was left") },
  { .name = "template_id", .label = N_("Template"), .group = "assessment",
    .type = AIMS_FIELD_TEXT, .read_only = TRUE },
  { .name = "supersedes_id", .label = N_("Supersedes"), .group = "assessment",
    .type = AIMS_FIELD_LINK, .link_entity = "assessments", .read_only = TRUE },

  { .name = "submitted_by", .label = N_("Submitted by"), .group = "review",
    .type = AIMS_FIELD_TEXT, .read_only = TRUE },
  { .name = "submitted_at", .label = N_("Submitted at"), .group = "review",
    .type = AIMS_FIELD_TEXT, .read_only = TRUE },
  { .name = "approver_id", .label = N_("Approver"), .group = "review",
    .type = AIMS_FIELD_PERSON, .read_only = TRUE, .hint = N_("Chosen when submitting") },
  { .name = "approved_by", .label = N_("Approved by"), .group = "review",
    .type = AIMS_FIELD_TEXT, .read_only = TRUE },
  { .name = "approved_at", .label = N_("Approved at"), .group = "review",
    .type = AIMS_FIELD_TEXT, .read_only = TRUE },
  { .name = "review_comments", .label = N_("Review comments"), .group = "review",
    .type = AIMS_FIELD_LONG_TEXT, .read_only = TRUE, .hint = N_("Why it was sent back") },
  { .name = "overall_level", .label = N_("Overall impact level"), .group = "review",
    .type = AIMS_FIELD_TEXT, .read_only = TRUE,
    .hint = N_("The highest band of the impacts rated, worked out when submitted") },
  { .name = "next_review_date", .label = N_("Next reassessment"), .group = "review",
    .type = AIMS_FIELD_DATE, .read_only = TRUE },

  { .name = "eu_proposed_class", .label = N_("Proposed EU AI Act class"), .group = "eu",
    .type = AIMS_FIELD_CHOICE, .choices = eu_class_choices, .read_only = TRUE },
  { .name = "eu_proposed_role", .label = N_("Proposed EU AI Act role"), .group = "eu",
    .type = AIMS_FIELD_CHOICE, .choices = eu_role_choices, .read_only = TRUE },
  { .name = "eu_class", .label = N_("EU AI Act class"), .group = "eu",
    .type = AIMS_FIELD_CHOICE, .choices = eu_class_choices, .read_only = TRUE },
  { .name = "eu_role", .label = N_("EU AI Act role"), .group = "eu",
    .type = AIMS_FIELD_CHOICE, .choices = eu_role_choices, .read_only = TRUE },
  { .name = "eu_reason", .label = N_("Reason for the correction"), .group = "eu",
    .type = AIMS_FIELD_LONG_TEXT, .read_only = TRUE },
};

const AimsEntity aims_assessments_entity = {
  "assessments", "impact_assessment", "AIA",
  N_("impact assessment"), N_("impact assessments"), "title",
  assessment_fields, G_N_ELEMENTS (assessment_fields), assessment_groups,
};

const AimsEntity *
aims_entity_assessments (void)
{
  return &aims_assessments_entity;
}

void
aims_assessment_set_frozen_error (AimsRecord  *assessment,
                                  GError     **error)
{
  const char *status = aims_record_get (assessment, "status");
  const char *reference = aims_record_get_reference (assessment);

  if (g_strcmp0 (status, AIMS_ASSESSMENT_STATUS_IN_REVIEW) == 0)
    g_set_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_INVALID,
                 _("%s is in review: nothing in it can change until the approver sends it back"), reference);
  else if (g_strcmp0 (status, AIMS_ASSESSMENT_STATUS_SUPERSEDED) == 0)
    g_set_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_INVALID,
                 _("%s is superseded by a newer version and frozen: nothing in it can change"), reference);
  else
    g_set_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_INVALID,
                 _("%s is approved and frozen: nothing in it can change; start a new version instead"), reference);
}

gboolean
aims_assessment_check_rules (AimsDb      *db,
                             AimsRecord  *before,
                             GHashTable  *changes,
                             GError     **error)
{
  const char *status;

  if (before == NULL)
    {
      /* aims_assessment_create() gives the template; a plain insert cannot. */
      if (g_hash_table_contains (changes, "template_id"))
        return TRUE;
      g_set_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_INVALID,
                   _("An impact assessment is started from its AI system in AIMS Desk, with its template and "
                     "first version, not added as a plain record"));
      return FALSE;
    }

  status = aims_record_get (before, "status");
  if (g_strcmp0 (status, AIMS_ASSESSMENT_STATUS_DRAFT) != 0)
    {
      aims_assessment_set_frozen_error (before, error);
      return FALSE;
    }
  if (g_hash_table_contains (changes, "ai_system_id") &&
      g_strcmp0 (g_hash_table_lookup (changes, "ai_system_id"), aims_record_get (before, "ai_system_id")) != 0)
    {
      g_set_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_INVALID,
                   _("%s stays the assessment of its AI system: start a new one for another system"),
                   aims_record_get_reference (before));
      return FALSE;
    }
  return TRUE;
}
