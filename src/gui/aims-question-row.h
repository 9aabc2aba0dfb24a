/* aims-question-row.h — one question of an impact assessment, answered and
 * saved as it is given
 *
 * The prompt, its help, the input of its type (aims-question-input.h) and,
 * under it, what is missing or wrong. Every change is saved through
 * aims_assessment_save_answer(): a choice at once, typed text after half a
 * second without typing, and whatever is pending when the focus leaves the
 * question or aims_question_row_flush() is called (closing the wizard), so
 * a crash loses at most the words typed in the last half second. Emits
 * "saved" after each answer written.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "aims-context.h"

G_BEGIN_DECLS

#define AIMS_TYPE_QUESTION_ROW (aims_question_row_get_type ())
G_DECLARE_FINAL_TYPE (AimsQuestionRow, aims_question_row, AIMS, QUESTION_ROW, GtkWidget)

/* question must outlive the row; matrix (its labels of levels) is read
 * while the row is built. */
GtkWidget          *aims_question_row_new          (AimsContext          *context,
                                                    gint64                assessment_id,
                                                    const AimsQuestion   *question,
                                                    const AimsRiskMatrix *matrix);
const AimsQuestion *aims_question_row_get_question (AimsQuestionRow      *self);
/* Shows the stored answer (NULL: none), unless the user is typing. */
void                aims_question_row_set_answer   (AimsQuestionRow      *self,
                                                    const AimsAnswer     *answer);
/* The row_version of the answer the row shows (0: none), to tell whether
 * a stored answer read later is newer. */
gint64              aims_question_row_get_answer_version (AimsQuestionRow *self);
void                aims_question_row_set_editable (AimsQuestionRow      *self,
                                                    gboolean              editable);
/* Writes a change not saved yet; FALSE when it was refused (the reason is
 * shown under the question). */
gboolean            aims_question_row_flush        (AimsQuestionRow      *self);
/* What is missing or wrong, under the question; NULL clears it. */
void                aims_question_row_show_problem (AimsQuestionRow      *self,
                                                    const char           *message);
/* Puts the focus on the question's input. */
void                aims_question_row_focus        (AimsQuestionRow      *self);
GtkWidget          *aims_question_row_get_input    (AimsQuestionRow      *self);

G_END_DECLS
