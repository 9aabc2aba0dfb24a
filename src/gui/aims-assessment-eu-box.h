/* aims-assessment-eu-box.h — step 6 of the wizard: the EU AI Act class and
 * role the screening proposes, with its reasons, confirmed or corrected
 *
 * The proposal is aims_assessment_screen_eu_ai_act() of the answers as they
 * are; "Confirm" and "Correct" write through
 * aims_assessment_confirm_eu_ai_act() (a correction needs a reason), which
 * also writes the result to the AI system. Emits "confirmed" after a write.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "aims-context.h"

G_BEGIN_DECLS

#define AIMS_TYPE_ASSESSMENT_EU_BOX (aims_assessment_eu_box_get_type ())
G_DECLARE_FINAL_TYPE (AimsAssessmentEuBox, aims_assessment_eu_box, AIMS, ASSESSMENT_EU_BOX, GtkWidget)

GtkWidget *aims_assessment_eu_box_new            (AimsContext         *context);
/* Shows the proposal for assessment (read at once, not kept). */
void       aims_assessment_eu_box_set_assessment (AimsAssessmentEuBox *self,
                                                  AimsAssessment      *assessment,
                                                  gboolean             editable);
/* Confirms the proposal as it is; FALSE with the reason when refused. */
gboolean   aims_assessment_eu_box_confirm        (AimsAssessmentEuBox *self,
                                                  GError             **error);

/* TRUE when the result is confirmed for the answers as they are now;
 * otherwise FALSE with what to do (AIMS_DB_ERROR_INVALID). */
gboolean   aims_assessment_eu_is_confirmed       (AimsAssessment      *assessment,
                                                  GError             **error);

G_END_DECLS
