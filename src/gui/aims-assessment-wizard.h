/* aims-assessment-wizard.h — the window in which an impact assessment is
 * answered, page by page
 *
 * Built from the assessment's template, not by hand: one page per section,
 * one AimsQuestionRow per question (the input of its type), the steps in a
 * sidebar that is the step indicator (an AdwLeaflet that folds when
 * narrow). Back and Next move between pages; Next first checks the page
 * with aims_assessment_check_section() and, when something is missing or
 * wrong, names each problem under its question and stays. A step of the
 * indicator can be clicked to go back, or forward when every page before it
 * is complete. Every answer is saved as it is given (aims-question-row.h),
 * and the page the user is on is stored with
 * aims_assessment_set_current_step(), so a draft reopens where it was left.
 *
 * Step 6 (EU AI Act) adds the screening's proposal to confirm or correct,
 * step 7 the impacts rated high with their risks, step 8 every answer, the
 * overall impact level and Submit with the approver chosen. An assessment
 * that is not a draft opens read-only, at its first page, saying why.
 * Commits of other users ("data-changed" of the context) are read again
 * while it is open: every answer but the one being typed (which keeps its
 * words until the focus leaves it), the ratings, links and step ticks; a
 * draft submitted elsewhere turns the wizard read-only, saying why.
 * Emits "changed" after each write that the assessment's list shows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "aims-context.h"
#include "aims-question-row.h"

G_BEGIN_DECLS

#define AIMS_TYPE_ASSESSMENT_WIZARD (aims_assessment_wizard_get_type ())
G_DECLARE_FINAL_TYPE (AimsAssessmentWizard, aims_assessment_wizard, AIMS, ASSESSMENT_WIZARD, AdwWindow)

/* NULL with the reason when the assessment cannot be read. */
GtkWidget       *aims_assessment_wizard_new          (GtkWindow            *parent,
                                                      AimsContext          *context,
                                                      gint64                assessment_id,
                                                      GError              **error);
gint64           aims_assessment_wizard_get_id       (AimsAssessmentWizard *self);
gboolean         aims_assessment_wizard_get_editable (AimsAssessmentWizard *self);
/* The key of the page shown ("fairness"). */
const char      *aims_assessment_wizard_get_section  (AimsAssessmentWizard *self);
/* What Next does (on the last page: submit); FALSE when the page was not
 * complete, with the problems shown. */
gboolean         aims_assessment_wizard_next         (AimsAssessmentWizard *self);
void             aims_assessment_wizard_back         (AimsAssessmentWizard *self);
/* What clicking step index (0-based) of the indicator does. */
gboolean         aims_assessment_wizard_go_to_step   (AimsAssessmentWizard *self,
                                                      guint                 index);
/* The row of the question at path, or NULL. */
AimsQuestionRow *aims_assessment_wizard_get_row      (AimsAssessmentWizard *self,
                                                      const char           *path);
/* Writes every answer being typed. */
void             aims_assessment_wizard_flush        (AimsAssessmentWizard *self);
/* The approver chooser of the review page, and the Next button. */
GtkWidget       *aims_assessment_wizard_get_approver_chooser (AimsAssessmentWizard *self);
GtkWidget       *aims_assessment_wizard_get_next_button      (AimsAssessmentWizard *self);
GtkWidget       *aims_assessment_wizard_get_eu_box           (AimsAssessmentWizard *self);

G_END_DECLS
