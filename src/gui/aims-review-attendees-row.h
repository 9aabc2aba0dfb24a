/* aims-review-attendees-row.h — who attended a management review: an
 * expander row with a check button per person, saved as they are ticked
 * (aims_review_attendees_set(), audited), frozen once the review is closed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "aims-context.h"

G_BEGIN_DECLS

#define AIMS_TYPE_REVIEW_ATTENDEES_ROW (aims_review_attendees_row_get_type ())
G_DECLARE_FINAL_TYPE (AimsReviewAttendeesRow, aims_review_attendees_row, AIMS, REVIEW_ATTENDEES_ROW, AdwExpanderRow)

GtkWidget *aims_review_attendees_row_new        (AimsContext            *context);
void       aims_review_attendees_row_set_review (AimsReviewAttendeesRow *self,
                                                 AimsRecord             *review);
/* Ticks or unticks the person with id, as a click would. For tests. */
void       aims_review_attendees_row_set_person (AimsReviewAttendeesRow *self,
                                                 gint64                  person_id,
                                                 gboolean                attended);

G_END_DECLS
