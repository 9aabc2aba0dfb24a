/* aims-assessment-mitigations.h — step 7 of the wizard: each impact rated
 * above the risk appetite, with the risks that treat it
 *
 * For each such area: its rating, the risks and the Annex A controls
 * linked (each can be unlinked), a chooser that links a risk of the
 * register, one that links a control ("Link Control…", the controls named
 * by reference and title as on the Controls page), and "Create Risk", which
 * turns the impact into a new risk in one click, pre-filled by
 * aims_assessment_risk_from_impact() (title, AI system, owner, likelihood,
 * impact, existing measures). Emits "changed" after a write.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "aims-context.h"

G_BEGIN_DECLS

#define AIMS_TYPE_ASSESSMENT_MITIGATIONS (aims_assessment_mitigations_get_type ())
G_DECLARE_FINAL_TYPE (AimsAssessmentMitigations, aims_assessment_mitigations, AIMS, ASSESSMENT_MITIGATIONS,
                      GtkWidget)

GtkWidget *aims_assessment_mitigations_new            (AimsContext               *context);
void       aims_assessment_mitigations_set_assessment (AimsAssessmentMitigations *self,
                                                       AimsAssessment            *assessment,
                                                       gboolean                   editable);
/* What "Create Risk" does for the area section_key; the new risk, or NULL
 * with the reason shown. */
AimsRecord *aims_assessment_mitigations_create_risk   (AimsAssessmentMitigations *self,
                                                       const char                *section_key);

G_END_DECLS
