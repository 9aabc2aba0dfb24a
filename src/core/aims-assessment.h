/* aims-assessment.h — an AI system impact assessment: starting one, saving
 * its answers one at a time, and reading it back where it was left
 *
 * Built for a wizard that saves every answer as it is given: each answer is
 * one audited write of its own (aims_assessment_save_answer()), the page the
 * user is on another (aims_assessment_set_current_step()), so quitting, a
 * crash or a power cut loses at most the answer being typed, and
 * aims_assessment_load() + aims_assessment_resume_section() reopen it at the
 * page where it was left. Each answer has its own row_version: two people
 * answering different questions of one draft never conflict, and the same
 * answer changed meanwhile gives AIMS_DB_ERROR_CONFLICT.
 *
 * Answers change only while the assessment is a draft; submitting,
 * approving, sending back and new versions are in
 * aims-assessment-workflow.h, the impact ratings in
 * aims-assessment-impact.h, the EU AI Act screening in aims-eu-ai-act.h,
 * the links to risks in aims-assessment-mitigation.h and the PDF in
 * aims-assessment-pdf.h.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "aims-assessment-entity.h"
#include "aims-db.h"
#include "aims-record.h"
#include "aims-risk-matrix.h"
#include "aims-template.h"

G_BEGIN_DECLS

typedef enum
{
  AIMS_ASSESSMENT_DRAFT,
  AIMS_ASSESSMENT_IN_REVIEW,
  AIMS_ASSESSMENT_APPROVED,
  AIMS_ASSESSMENT_SUPERSEDED,
  AIMS_ASSESSMENT_N_STATUSES
} AimsAssessmentStatus;

/* The stored key ("in_review") and the label a person reads ("In review",
 * translated). */
const char          *aims_assessment_status_key        (AimsAssessmentStatus  status);
const char          *aims_assessment_status_label      (AimsAssessmentStatus  status);
/* The status of a record of aims_entity_assessments(). */
AimsAssessmentStatus aims_assessment_record_get_status (AimsRecord           *record);

/* One stored answer. */
typedef struct
{
  gint64  id;
  gint64  question_id;
  char   *value;        /* as stored (aims-template.h says the form of each type); NULL: cleared */
  gint64  row_version;
  char   *updated_at;
  char   *updated_by;
} AimsAnswer;

void                 aims_answer_free                  (AimsAnswer           *answer);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AimsAnswer, aims_answer_free)

/* An assessment with everything a page needs to show it. Read-only to
 * callers; free with aims_assessment_free(). */
typedef struct
{
  AimsRecord     *record;        /* of aims_entity_assessments(), display values filled */
  AimsTemplate   *template;      /* the template it was started with */
  AimsRecord     *system;        /* the AI system assessed */
  AimsRiskMatrix *matrix;        /* the organisation's matrix now: labels of levels */
  GHashTable     *answers;       /* question id (gint64 *) → AimsAnswer */
  GHashTable     *person_names;  /* person id as text → name, for person answers */
} AimsAssessment;

void                 aims_assessment_free              (AimsAssessment       *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AimsAssessment, aims_assessment_free)

/* Starts an assessment of AI system system_id as a draft, version 1, with
 * assessor_id as assessor, on template template_id (0: the newest version of
 * the default template, stored first when the database has none). One
 * audited write; the first page is its current step. Returns the record.
 * AIMS_DB_ERROR_INVALID when the system or the person does not exist. */
AimsRecord          *aims_assessment_create            (AimsDb               *db,
                                                        gint64                system_id,
                                                        gint64                template_id,
                                                        gint64                assessor_id,
                                                        const char           *author,
                                                        GError              **error);

AimsAssessment      *aims_assessment_load              (AimsDb               *db,
                                                        gint64                id,
                                                        GError              **error);

/* Saves the answer to one question, as a user gave it (value; "" or NULL
 * clears it), checked by its type: a choice by key or label, several
 * choices as keys separated by commas, yes/no, a point of the scale, a date
 * YYYY-MM-DD not before the AI system existed (its start date, else the day
 * it was recorded), a person by reference, id or name, a likelihood or
 * impact level by number or label of the current risk matrix.
 *
 * expected_version is the answer's row_version as the caller read it (0:
 * there was no answer yet; -1: whatever is stored now). One BEGIN
 * IMMEDIATE transaction writes the answer and its audit row.
 * Errors: AIMS_DB_ERROR_INVALID naming the question and what is wrong, or
 * when the assessment is not a draft; AIMS_DB_ERROR_CONFLICT when the
 * answer changed since expected_version (nothing written). Returns the
 * answer as stored. */
AimsAnswer          *aims_assessment_save_answer       (AimsDb               *db,
                                                        gint64                assessment_id,
                                                        gint64                question_id,
                                                        const char           *value,
                                                        gint64                expected_version,
                                                        const char           *author,
                                                        GError              **error);

/* Records the page (a section key of its template) where the wizard is, for
 * reopening there. Audited; nothing is written when it is already that one.
 * Only a draft has a current page that can change. Returns the record. */
AimsRecord          *aims_assessment_set_current_step  (AimsDb               *db,
                                                        gint64                assessment_id,
                                                        const char           *section_key,
                                                        const char           *author,
                                                        GError              **error);

/* The page to reopen at: the current step, else the first page. */
const AimsTemplateSection *aims_assessment_resume_section (AimsAssessment    *self);

/* The stored answer of question, or NULL. */
const AimsAnswer    *aims_assessment_lookup_answer     (AimsAssessment       *self,
                                                        const AimsQuestion   *question);
/* Its stored value, or NULL when unanswered. */
const char          *aims_assessment_get_value         (AimsAssessment       *self,
                                                        const AimsQuestion   *question);
/* The value of the question at path ("eu_ai_act.role"), or NULL. */
const char          *aims_assessment_get_value_at      (AimsAssessment       *self,
                                                        const char           *path);
/* Whether question is asked at all: its condition (aims-template.h) holds. */
gboolean             aims_assessment_question_applies  (AimsAssessment       *self,
                                                        const AimsQuestion   *question);
/* What a person reads for a stored value of question: a choice's label, "Yes",
 * a person's name, a level's label on the current matrix. NULL for NULL. */
char                *aims_assessment_display_value     (AimsAssessment       *self,
                                                        const AimsQuestion   *question,
                                                        const char           *value);

/* One answer that keeps a page from being complete. */
typedef struct
{
  const AimsQuestion *question;
  char               *message;   /* names the question and what is wrong */
} AimsAnswerProblem;

void                 aims_answer_problem_free          (AimsAnswerProblem    *problem);

/* Every required answer of section that is missing, and every answer that is
 * wrong (no longer valid: a level outside the matrix, a date before the
 * system existed), in the page's order; questions that do not apply are
 * skipped. An empty array when the page is complete. */
GPtrArray           *aims_assessment_check_section     (AimsAssessment       *self,
                                                        const AimsTemplateSection *section);
/* TRUE when the page section_key is complete; otherwise FALSE with the
 * first problem's message (AIMS_DB_ERROR_INVALID). */
gboolean             aims_assessment_validate_section  (AimsAssessment       *self,
                                                        const char           *section_key,
                                                        GError              **error);
/* The same for every page of a step ("impacts": its nine pages). */
gboolean             aims_assessment_validate_step     (AimsAssessment       *self,
                                                        const char           *step_key,
                                                        GError              **error);
/* Every page, as submitting requires. */
gboolean             aims_assessment_validate_all      (AimsAssessment       *self,
                                                        GError              **error);

/* Every version of every assessment of an AI system, newest first. */
GPtrArray           *aims_assessment_list_for_system   (AimsDb               *db,
                                                        gint64                system_id,
                                                        GError              **error);

/* Where an AI system stands. */
typedef struct
{
  gint64      system_id;
  AimsRecord *current;          /* the approved assessment in force, or NULL */
  AimsRecord *in_progress;      /* a newer draft or one in review, or NULL */
  char       *next_review_date; /* of current; NULL when none */
  gboolean    review_overdue;   /* next_review_date is before today */
} AimsSystemAssessment;

void                 aims_system_assessment_free       (AimsSystemAssessment *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AimsSystemAssessment, aims_system_assessment_free)

/* For one system: never NULL unless error (both records NULL when it was
 * never assessed). */
AimsSystemAssessment *aims_assessment_system_status    (AimsDb               *db,
                                                        gint64                system_id,
                                                        const GDate          *today,
                                                        GError              **error);
/* For every system that has an assessment: system id (gint64 *) →
 * AimsSystemAssessment, read in one pass for a list of systems. */
GHashTable          *aims_assessment_load_system_statuses (AimsDb            *db,
                                                           const GDate       *today,
                                                           GError           **error);

G_END_DECLS
