/* aims-assessment-workflow.h — review and approval of impact assessments,
 * versions, and comparing two versions answer by answer
 *
 *   draft ──submit──▶ in_review ──approve──▶ approved ──(a newer version
 *     ▲                  │                              is approved)──▶ superseded
 *     └───send back──────┘
 *
 * submit     draft → in_review: every required answer given and valid
 *            (aims_assessment_validate_all()), the EU AI Act screening
 *            confirmed for the answers as they are, and an approver chosen
 *            who is neither the assessor nor the person submitting. Records
 *            who submitted and when, the overall impact level and the next
 *            reassessment date (the answer to "review.next_review").
 * approve    in_review → approved: only by the approver chosen (the author
 *            is the approver's name), never by the person who submitted it.
 *            Records who approved and when. Any other approved assessment of
 *            the same AI system becomes superseded in the same write.
 * send back  in_review → draft, with the approver's comments (required);
 *            by the approver, or by the submitter taking it back.
 * An approved assessment is frozen: nothing in it changes again except
 * becoming superseded; a change is a new version, a copy of the last one.
 *
 * Each step is one BEGIN IMMEDIATE transaction that checks the step on the
 * record as stored then, writes it, bumps row_version and appends its audit
 * row (actions "submit", "approve", "send_back", "supersede", "new_version").
 * expected_version is the row_version the caller read (-1: whatever is
 * current); a record changed since gives AIMS_DB_ERROR_CONFLICT and nothing
 * is written. A refused step gives AIMS_DB_ERROR_INVALID saying why.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "aims-assessment.h"

G_BEGIN_DECLS

/* The question whose date becomes the next reassessment date. */
#define AIMS_ASSESSMENT_Q_NEXT_REVIEW "review.next_review"

/* The step from → to exists in the state machine (guards aside). */
gboolean    aims_assessment_status_can_follow (AimsAssessmentStatus  from,
                                               AimsAssessmentStatus  to);

AimsRecord *aims_assessment_submit            (AimsDb               *db,
                                               gint64                assessment_id,
                                               gint64                expected_version,
                                               gint64                approver_id,
                                               const char           *author,
                                               GError              **error);
AimsRecord *aims_assessment_approve           (AimsDb               *db,
                                               gint64                assessment_id,
                                               gint64                expected_version,
                                               const char           *author,
                                               GError              **error);
AimsRecord *aims_assessment_send_back         (AimsDb               *db,
                                               gint64                assessment_id,
                                               gint64                expected_version,
                                               const char           *comments,
                                               const char           *author,
                                               GError              **error);
/* A new draft copying the last version of assessment_id (which must be
 * approved, and the newest of its line): its answers and risk links, the
 * template, the assessor and the EU AI Act result; version + 1, supersedes
 * the one copied. The copied version stays approved, and in force, until
 * the new one is approved. Returns the new record. */
AimsRecord *aims_assessment_new_version       (AimsDb               *db,
                                               gint64                assessment_id,
                                               const char           *author,
                                               GError              **error);

typedef enum
{
  AIMS_ANSWER_SAME,
  AIMS_ANSWER_CHANGED,
  AIMS_ANSWER_ADDED,    /* answered in the second only */
  AIMS_ANSWER_REMOVED,  /* answered in the first only */
} AimsAnswerChangeKind;

typedef struct
{
  AimsAnswerChangeKind  kind;
  char                 *path;           /* "fairness.likelihood" */
  char                 *section_title;
  char                 *prompt;
  char                 *before;         /* as a person reads it; NULL when not answered */
  char                 *after;
} AimsAnswerChange;

void        aims_answer_change_free           (AimsAnswerChange     *change);

/* Two assessments (two versions of one, usually) answer by answer, matched
 * by question path: the questions of b in its template's order, then those
 * answered in a only. Unanswered in both are left out, and so are
 * unchanged answers unless include_same. */
GPtrArray  *aims_assessment_compare           (AimsAssessment       *a,
                                               AimsAssessment       *b,
                                               gboolean              include_same);

G_END_DECLS
