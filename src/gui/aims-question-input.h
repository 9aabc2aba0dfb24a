/* aims-question-input.h — the input of one question of an impact
 * assessment, by the question's type
 *
 * One reusable input per type of aims-template.h, built from the template
 * data alone: a line (text), a paragraph box (long text), a list of radio
 * buttons (single choice, yes/no, the points of a scale, the likelihood or
 * impact levels labelled as the organisation's risk matrix labels them), a
 * list of check boxes (multiple choice, "none" excluding the others), a date
 * entry with a calendar, and a person chooser. AimsQuestionRow puts it under
 * its prompt and saves what it gives.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "aims-context.h"

G_BEGIN_DECLS

typedef struct _AimsQuestionInput AimsQuestionInput;

/* changed (data) is called whenever the user changes the value; never while
 * aims_question_input_set_value() writes it. */
AimsQuestionInput *aims_question_input_new        (AimsContext          *context,
                                                   const AimsQuestion   *question,
                                                   const AimsRiskMatrix *matrix,
                                                   GCallback             changed,
                                                   gpointer              data);
void               aims_question_input_free       (AimsQuestionInput    *self);

/* What to pack, and the control that takes the focus first. */
GtkWidget         *aims_question_input_get_widget (AimsQuestionInput    *self);
GtkWidget         *aims_question_input_get_focus  (AimsQuestionInput    *self);
/* TRUE when the value is typed (text, long text, date): its saving waits
 * for a pause in typing. */
gboolean           aims_question_input_is_typed   (AimsQuestionInput    *self);
/* The value as aims_assessment_save_answer() takes it; NULL when empty. */
char              *aims_question_input_dup_value  (AimsQuestionInput    *self);
/* Shows stored (as stored: "3/5", "a,b", a person id), or nothing. */
void               aims_question_input_set_value  (AimsQuestionInput    *self,
                                                   const char           *stored);
void               aims_question_input_set_editable (AimsQuestionInput  *self,
                                                     gboolean            editable);

G_END_DECLS
