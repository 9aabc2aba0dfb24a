/* aims-assessment-entity.h — the field table of impact assessments
 * ("assessments", AIA-…), ISO/IEC 42001 clause 6.1.4 and Annex A.5
 *
 * An assessment row holds what the workflow records: the AI system, the
 * template, the version and the one it supersedes, the status, the step
 * where the wizard was left, the assessor, who submitted it and when, the
 * approver and the approval, the comments of a sending back, the overall
 * impact level, the next reassessment date and the EU AI Act screening.
 * The answers are rows of their own (aims-assessment.h).
 *
 * Only the assessor can be changed by a plain update (aims_store_update(),
 * `aimsctl update assessments`), and only in a draft; everything else is
 * read-only to the store and written by the functions of aims-assessment.h
 * and aims-assessment-workflow.h. An assessment is started with
 * aims_assessment_create(), never by a plain insert. The schema's triggers
 * (data/schema/0007-assessments.sql) hold the same rules against any other
 * writer.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "aims-db.h"
#include "aims-entity.h"
#include "aims-record.h"

G_BEGIN_DECLS

/* Stored keys of the status. */
#define AIMS_ASSESSMENT_STATUS_DRAFT      "draft"
#define AIMS_ASSESSMENT_STATUS_IN_REVIEW  "in_review"
#define AIMS_ASSESSMENT_STATUS_APPROVED   "approved"
#define AIMS_ASSESSMENT_STATUS_SUPERSEDED "superseded"

/* The table itself, for the list of aims_entity_lookup(); the accessor
 * aims_entity_assessments() is declared in aims-entity.h. */
extern const AimsEntity aims_assessments_entity;

/* For the store, inside its write transaction (before: the stored record,
 * NULL for an insert; changes: field → normalised value). Refuses a plain
 * insert (an assessment is started with aims_assessment_create()), any
 * change to an assessment that is not a draft (naming its status), and
 * moving an assessment to another AI system. */
gboolean aims_assessment_check_rules (AimsDb      *db,
                                      AimsRecord  *before,
                                      GHashTable  *changes,
                                      GError     **error);

/* The refusal of a change to assessment, which is not a draft: in review,
 * approved or superseded, in words. */
void     aims_assessment_set_frozen_error (AimsRecord  *assessment,
                                           GError     **error);

G_END_DECLS
