/* aims-review-frozen.h — a closed management review shown as the record
 * it has become: its fields as text, with no edit affordances, and a note
 * saying when it was closed and that it is frozen
 *
 * The editor's field rows (entries with their edit and calendar icons) are
 * hidden while a closed review is shown, and a read-only row with the same
 * title and the stored value stands in each one's place.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "aims-record-editor.h"

G_BEGIN_DECLS

typedef struct _AimsReviewFrozen AimsReviewFrozen;

/* For the editor's rows of fields (NULL-terminated field names). */
AimsReviewFrozen *aims_review_frozen_new      (AimsRecordEditor   *editor,
                                               const char *const  *fields);
void              aims_review_frozen_free     (AimsReviewFrozen   *self);
/* Shows review read-only when it is closed, else the editor's own rows
 * (review may be NULL). */
void              aims_review_frozen_show     (AimsReviewFrozen   *self,
                                               AimsRecord         *review);
/* The note above the fields, for tests and screen readers: NULL while a
 * draft is shown. */
const char       *aims_review_frozen_get_note (AimsReviewFrozen   *self);

G_END_DECLS
