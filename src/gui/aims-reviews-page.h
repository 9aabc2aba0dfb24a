/* aims-reviews-page.h — the management review records (ISO/IEC 42001 9.3)
 *
 * A list of reviews, latest first, beside the editor of the one selected:
 * title, the day it is held, the attendees (people ticked, others as
 * text), the discussion notes and decisions (saved as typed), the actions
 * decided (added with owner and due date, overdue ones marked), and its
 * inputs: the headline figures with the change since the review before, a
 * preview while it is a draft, frozen once it is closed. Actions:
 * page.search, page.flush (AimsRecordPage), page.add (New Review),
 * page.close-review (asks, then closes the selected draft).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "aims-record-page.h"

G_BEGIN_DECLS

#define AIMS_TYPE_REVIEWS_PAGE (aims_reviews_page_get_type ())
G_DECLARE_FINAL_TYPE (AimsReviewsPage, aims_reviews_page, AIMS, REVIEWS_PAGE, AimsRecordPage)

GtkWidget *aims_reviews_page_new                (AimsContext     *context);
/* The parts the page adds to the editor, for tests. */
GtkWidget *aims_reviews_page_get_attendees_row  (AimsReviewsPage *self);
GtkWidget *aims_reviews_page_get_actions_view   (AimsReviewsPage *self);
GtkWidget *aims_reviews_page_get_inputs_view    (AimsReviewsPage *self);
/* A close under way in its worker thread. */
gboolean   aims_reviews_page_is_closing         (AimsReviewsPage *self);
/* "Closed on … — the record and inputs are frozen" above a closed review;
 * NULL while a draft is shown. */
const char *aims_reviews_page_get_frozen_note   (AimsReviewsPage *self);

G_END_DECLS
