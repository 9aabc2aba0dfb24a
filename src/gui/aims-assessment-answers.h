/* aims-assessment-answers.h — every answer of an impact assessment on one
 * page, read-only: the wizard's review step and the detail of the
 * Impact Assessments page
 *
 * One group per page of the template, one row per question that applies,
 * with what a person reads (a choice's label, a person's name, a level's
 * label); a required question not answered says so.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "aims-core.h"

G_BEGIN_DECLS

#define AIMS_TYPE_ASSESSMENT_ANSWERS (aims_assessment_answers_get_type ())
G_DECLARE_FINAL_TYPE (AimsAssessmentAnswers, aims_assessment_answers, AIMS, ASSESSMENT_ANSWERS, GtkWidget)

GtkWidget *aims_assessment_answers_new            (void);
/* Shows assessment (NULL: nothing); it is read at once, not kept. */
void       aims_assessment_answers_set_assessment (AimsAssessmentAnswers *self,
                                                   AimsAssessment        *assessment);
/* Adds, after the pages of the mitigations step, the risks and the Annex A
 * controls linked to the impact areas (aims-assessment-mitigation.h), each
 * with its area; call after aims_assessment_answers_set_assessment(). */
void       aims_assessment_answers_show_links     (AimsAssessmentAnswers *self,
                                                   AimsAssessment        *assessment,
                                                   GPtrArray             *risk_links,
                                                   GPtrArray             *control_links);

G_END_DECLS
