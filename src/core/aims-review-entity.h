/* aims-review-entity.h — the field table of management reviews
 * ("reviews", MR-…), ISO/IEC 42001 clause 9.3
 *
 * A review has a title, the day it is held, the people who attended
 * (aims_review_attendees_set() in aims-review-record.h) and the others
 * present as text, the discussion notes and the decisions. Its actions are
 * corrective actions ("actions") whose review_id names it. Its status and
 * frozen inputs are read-only to the store: only aims_review_close() writes
 * them, once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "aims-entity.h"

G_BEGIN_DECLS

#define AIMS_REVIEW_STATUS_DRAFT  "draft"
#define AIMS_REVIEW_STATUS_CLOSED "closed"

/* For the table of entities in aims-entity.c. */
extern const AimsEntity aims_reviews_entity;
/* aims_entity_reviews() is declared in aims-entity.h. */

G_END_DECLS
