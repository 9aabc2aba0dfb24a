/* aims-review-inputs-view.h — a management review's inputs, readable: the
 * headline figures by area, each with its change since the review before
 *
 * A closed review shows its frozen inputs; a draft shows a preview compiled
 * now as of its day, marked as such, which closing the review freezes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "aims-context.h"

G_BEGIN_DECLS

#define AIMS_TYPE_REVIEW_INPUTS_VIEW (aims_review_inputs_view_get_type ())
G_DECLARE_FINAL_TYPE (AimsReviewInputsView, aims_review_inputs_view, AIMS, REVIEW_INPUTS_VIEW, GtkWidget)

GtkWidget *aims_review_inputs_view_new        (AimsContext          *context);
void       aims_review_inputs_view_set_review (AimsReviewInputsView *self,
                                               AimsRecord           *review);
/* TRUE while a draft's preview is being compiled in its thread. */
gboolean   aims_review_inputs_view_is_busy    (AimsReviewInputsView *self);
/* The text of the row of the figure under key ("risks.open"): "12 (+2)";
 * NULL when not shown. For tests. */
char      *aims_review_inputs_view_dup_shown  (AimsReviewInputsView *self,
                                               const char           *key);

G_END_DECLS
