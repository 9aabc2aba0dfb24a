/* aims-review-entity.c — the field table of management reviews
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "aims-review-entity.h"

static const AimsChoice status_choices[] = {
  { AIMS_REVIEW_STATUS_DRAFT,  N_("Draft") },
  { AIMS_REVIEW_STATUS_CLOSED, N_("Closed") },
  { NULL, NULL }
};

static const AimsFieldGroup review_groups[] = {
  { "meeting",  N_("Meeting") },
  { "minutes",  N_("Minutes") },
  { "record",   N_("Record") },
  { NULL, NULL }
};

static const AimsField review_fields[] = {
  { .name = "title", .label = N_("Title"), .group = "meeting",
    .type = AIMS_FIELD_TEXT, .required = TRUE },
  { .name = "held_on", .label = N_("Held on"), .group = "meeting",
    .type = AIMS_FIELD_DATE, .required = TRUE,
    .hint = N_("The inputs are compiled as of this day") },
  { .name = "attendees", .label = N_("Also present"), .group = "meeting",
    .type = AIMS_FIELD_LONG_TEXT,
    .hint = N_("Attendees who are not among the people, one per line") },

  { .name = "notes", .label = N_("Discussion notes"), .group = "minutes",
    .type = AIMS_FIELD_LONG_TEXT },
  { .name = "decisions", .label = N_("Decisions"), .group = "minutes",
    .type = AIMS_FIELD_LONG_TEXT,
    .hint = N_("Opportunities for improvement and changes to the AI management system") },

  { .name = "status", .label = N_("Status"), .group = "record",
    .type = AIMS_FIELD_CHOICE, .choices = status_choices, .read_only = TRUE,
    .hint = N_("Closing the review freezes it with its inputs") },
  { .name = "closed_at", .label = N_("Closed at"), .group = "record",
    .type = AIMS_FIELD_TEXT, .read_only = TRUE },
  { .name = "closed_by", .label = N_("Closed by"), .group = "record",
    .type = AIMS_FIELD_TEXT, .read_only = TRUE },
  /* JSON, written once by aims_review_close() (aims-review-inputs.h). */
  { .name = "inputs", .label = N_("Inputs"), .group = "record",
    .type = AIMS_FIELD_LONG_TEXT, .read_only = TRUE },
};

const AimsEntity aims_reviews_entity = {
  "reviews", "management_review", "MR",
  N_("management review"), N_("management reviews"), "title",
  review_fields, G_N_ELEMENTS (review_fields), review_groups,
};

const AimsEntity *
aims_entity_reviews (void)
{
  return &aims_reviews_entity;
}
