/* aims-review-record.h — management review records (ISO/IEC 42001 9.3):
 * closing a review with its frozen inputs, its attendees and its actions
 *
 * The record's fields are read and written with aims-store.h
 * (aims_entity_reviews()) while it is a draft. aims_review_close() compiles
 * the inputs as of the day the review is held (aims-review-inputs.h) and
 * writes them, the status, who closed it and when, in one audited write;
 * from then on the record, its attendees and the set of its actions are
 * frozen (refused here with words, and by the triggers of
 * data/schema/0008-management-review.sql from any writer). The actions
 * decided are corrective actions with review_id set: their status and
 * completion go on being tracked after the close. The frozen inputs are the
 * baseline the next review counts "since the last review" from.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "aims-db.h"
#include "aims-record.h"
#include "aims-review-entity.h"
#include "aims-review-inputs.h"

G_BEGIN_DECLS

gboolean          aims_review_is_closed        (AimsRecord    *review);

/* Closes review id as one audited write (action "close"): its inputs as of
 * its held_on day, frozen. Errors: AIMS_DB_ERROR_CONFLICT when the row is no
 * longer at expected_version (-1: any), AIMS_DB_ERROR_INVALID when it is
 * closed already or held after today, AIMS_DB_ERROR_MISSING when there is no
 * such review. Returns the record as stored after. */
AimsRecord       *aims_review_close            (AimsDb        *db,
                                                gint64         id,
                                                gint64         expected_version,
                                                const char    *author,
                                                GError       **error);

/* The frozen inputs of a closed review; NULL without error for a draft. */
AimsReviewInputs *aims_review_get_inputs       (AimsRecord    *review,
                                                GError       **error);

/* The closed review held last before (on_or_before: on or before) the day
 * date, other than except_id (0: none), the latest held_on then the latest
 * made; NULL without error when there is none. */
AimsRecord       *aims_review_find_last_closed (AimsDb        *db,
                                                const char    *date,
                                                gboolean       on_or_before,
                                                gint64         except_id,
                                                GError       **error);

/* Every review, latest held first. */
GPtrArray        *aims_review_list             (AimsDb        *db,
                                                GError       **error);
/* The actions decided at review id (corrective action records), in the
 * order they were made. */
GPtrArray        *aims_review_list_actions     (AimsDb        *db,
                                                gint64         id,
                                                GError       **error);

/* The people who attended (ids of person rows, ascending). */
GArray           *aims_review_attendees_get    (AimsDb        *db,
                                                gint64         id,
                                                GError       **error);
/* Replaces them, as one audited write (action "attendees"); refused once
 * the review is closed. */
gboolean          aims_review_attendees_set    (AimsDb        *db,
                                                gint64         id,
                                                const gint64  *person_ids,
                                                guint          n_person_ids,
                                                const char    *author,
                                                GError       **error);

/* For the store, inside its write transaction (before: the stored record,
 * NULL for an insert; changes: field → normalised value): nothing of a
 * closed review changes. */
gboolean          aims_review_check_rules      (AimsDb        *db,
                                                AimsRecord    *before,
                                                GHashTable    *changes,
                                                GError       **error);
/* For aims_action_check_rules(), an action whose review_id is set (after:
 * the action with the changes): the review exists and is a draft when the
 * action joins it or its description changes, and the due date is not
 * before the review was held. */
gboolean          aims_review_check_action     (AimsDb        *db,
                                                AimsRecord    *before,
                                                AimsRecord    *after,
                                                GHashTable    *changes,
                                                GError       **error);

G_END_DECLS
