/* assessment-fixtures.h — what the impact assessment tests share: a system
 * with people, an assessment answered in full, the steps of the workflow
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "core-fixtures.h"

G_BEGIN_DECLS

/* The names the fixtures write as: the assessor submits, the approver
 * approves. */
#define ASSESSOR_NAME "Ada Assessor"
#define APPROVER_NAME "Bo Approver"

typedef struct
{
  AimsDb     *db;
  char       *path;
  AimsRecord *system;     /* started 2020-01-01, owned by the assessor */
  AimsRecord *assessor;
  AimsRecord *approver;
  gint64      id;         /* a draft assessment of system */
} AssessmentFixture;

void        assessment_fixture_set_up     (AssessmentFixture *f,
                                           gconstpointer      data);
void        assessment_fixture_tear_down  (AssessmentFixture *f,
                                           gconstpointer      data);
#define ASSESSMENT_TEST(path, func) \
  g_test_add ((path), AssessmentFixture, NULL, assessment_fixture_set_up, (func), assessment_fixture_tear_down)

/* The question at path of the assessment's template; asserts it exists. */
gint64      assessment_question_id        (AimsDb            *db,
                                           gint64             id,
                                           const char        *path);
/* Saves one answer as ASSESSOR_NAME; asserts it worked. */
void        assessment_answer             (AimsDb            *db,
                                           gint64             id,
                                           const char        *path,
                                           const char        *value);
/* The error of an answer that must be refused. */
GError     *assessment_answer_refused     (AimsDb            *db,
                                           gint64             id,
                                           const char        *path,
                                           const char        *value);
/* Answers every question that applies and is required (each impact area
 * relevant, rated likelihood × severity given, or not relevant after the
 * first three), and confirms the EU AI Act screening as proposed. */
void        assessment_complete           (AimsDb            *db,
                                           gint64             id,
                                           guint              likelihood,
                                           guint              severity);
/* Submits as ASSESSOR_NAME to approver; asserts it worked. */
AimsRecord *assessment_submit             (AssessmentFixture *f,
                                           gint64             id);
/* Submits and approves as APPROVER_NAME; asserts it worked. */
AimsRecord *assessment_approve            (AssessmentFixture *f,
                                           gint64             id);
/* The stored status. */
char       *assessment_status             (AimsDb            *db,
                                           gint64             id);

G_END_DECLS
