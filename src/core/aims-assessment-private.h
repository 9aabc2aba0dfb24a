/* aims-assessment-private.h — what the files of impact assessments share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "aims-assessment.h"

G_BEGIN_DECLS

/* What an answer is checked against besides its question. */
typedef struct
{
  AimsDb               *db;          /* resolves a person by name; NULL: ids only */
  const AimsRiskMatrix *matrix;      /* the levels of likelihood and impact */
  const GDate          *not_before;  /* when the AI system began; NULL: any date */
} AimsAnswerRules;

/* A value of question as a user gave it → as stored, or NULL with
 * AIMS_DB_ERROR_INVALID naming the question. "" for an empty value. */
char        *aims_answer_normalize          (const AimsQuestion    *question,
                                             const char            *value,
                                             const AimsAnswerRules *rules,
                                             GError               **error);
/* A stored level ("4/5") on matrix's scale (mapped when the matrix has
 * another size now); 0 when value is no level. */
guint        aims_answer_level              (const char            *value,
                                             const AimsRiskMatrix  *matrix);
/* "“What could happen?” (Fairness and non-discrimination)": a question as a
 * message names it. */
char        *aims_question_describe         (const AimsQuestion    *question);
/* The first day the AI system existed: its start date, else the day it was
 * recorded. */
GDate       *aims_assessment_system_began   (AimsRecord            *system);

/* The assessment's answers: question id → AimsAnswer. */
GHashTable  *aims_assessment_load_answers   (AimsDb                *db,
                                             gint64                 assessment_id,
                                             GError               **error);
/* The record, checked to be a draft (else the refusal in words). */
AimsRecord  *aims_assessment_load_draft     (AimsDb                *db,
                                             gint64                 assessment_id,
                                             GError               **error);
/* "AIA-004 version 2" */
char        *aims_assessment_describe       (AimsRecord            *record);

/* Writes one answer row (insert, or update of the stored one) with its
 * audit row, inside the caller's write transaction; value NULL clears it.
 * action is the audit's ("answer", "copy"). */
AimsAnswer  *aims_assessment_write_answer   (AimsDb                *db,
                                             AimsRecord            *assessment,
                                             const AimsQuestion    *question,
                                             const AimsAnswer      *stored,
                                             const char            *value,
                                             const char            *author,
                                             const char            *action,
                                             GError               **error);

/* Copies the risk links of one assessment to another, inside the caller's
 * write transaction. */
gboolean     aims_assessment_copy_links     (AimsDb                *db,
                                             gint64                 from_id,
                                             gint64                 to_id,
                                             GError               **error);
/* The same for its control links (aims-assessment-control-link.c). */
gboolean     aims_assessment_copy_control_links (AimsDb            *db,
                                                 gint64             from_id,
                                                 gint64             to_id,
                                                 GError           **error);

/* One link added or removed (linking FALSE) inside a write transaction. */
typedef gboolean (*AimsAssessmentLinkWrite) (AimsDb      *db,
                                             gint64       assessment_id,
                                             const char  *section_key,
                                             gint64       target_id,
                                             gboolean     linking,
                                             const char  *author,
                                             GError     **error);
/* Runs change in one BEGIN IMMEDIATE transaction (author NULL: the
 * default author), committed only when it succeeds. */
gboolean     aims_assessment_write_link     (AimsDb                 *db,
                                             AimsAssessmentLinkWrite change,
                                             gint64                  assessment_id,
                                             const char             *section_key,
                                             gint64                  target_id,
                                             gboolean                linking,
                                             const char             *author,
                                             GError                **error);

/* The id of the impact area section_key of the assessment's template, or 0
 * with AIMS_DB_ERROR_INVALID naming it when it is no impact area. */
gint64       aims_assessment_area_section_id (AimsAssessment       *assessment,
                                              const char           *section_key,
                                              GError              **error);

G_END_DECLS
