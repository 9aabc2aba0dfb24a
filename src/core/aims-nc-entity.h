/* aims-nc-entity.h — the field tables of nonconformities ("nonconformities",
 * NC-…) and of their corrective actions ("actions", CA-…), ISO/IEC 42001
 * clause 10.2
 *
 * A nonconformity records what happened, where it was found, how severe it
 * is, what it concerns (an AI system, an Annex A control, a clause, a risk),
 * the correction (the immediate fix), the root cause with its five whys and
 * cause category, and the effectiveness check. Its state moves only through
 * the workflow of aims-nc-workflow.h: the field "state" is read-only to the
 * store, so no plain update can skip a step (aims_nc_transition() in
 * aims-nc.h is the one writer of it).
 *
 * A corrective action belongs to one nonconformity, or to the management
 * review that decided it (review_id, aims-review-record.h), and has a description,
 * an owner, a due date, a status and, once done, its completion date and
 * evidence.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "aims-entity.h"

G_BEGIN_DECLS

/* Stored keys of a nonconformity's source. */
#define AIMS_NC_SOURCE_INTERNAL_AUDIT    "internal_audit"
#define AIMS_NC_SOURCE_EXTERNAL_AUDIT    "external_audit"
#define AIMS_NC_SOURCE_INCIDENT          "incident"
#define AIMS_NC_SOURCE_MONITORING        "monitoring"
#define AIMS_NC_SOURCE_COMPLAINT         "complaint"
#define AIMS_NC_SOURCE_MANAGEMENT_REVIEW "management_review"

/* Stored keys of its severity. */
#define AIMS_NC_SEVERITY_MAJOR       "major"
#define AIMS_NC_SEVERITY_MINOR       "minor"
#define AIMS_NC_SEVERITY_OBSERVATION "observation"
#define AIMS_NC_SEVERITY_IMPROVEMENT "improvement"

/* Stored keys of its cause category. */
#define AIMS_NC_CAUSE_PEOPLE     "people"
#define AIMS_NC_CAUSE_PROCESS    "process"
#define AIMS_NC_CAUSE_TECHNOLOGY "technology"
#define AIMS_NC_CAUSE_DATA       "data"
#define AIMS_NC_CAUSE_SUPPLIER   "supplier"

/* Stored keys of the effectiveness check's result. */
#define AIMS_NC_RESULT_EFFECTIVE     "effective"
#define AIMS_NC_RESULT_NOT_EFFECTIVE "not_effective"

/* Stored keys of a corrective action's status. An action is open while it
 * is open or in progress; done and cancelled are final. */
#define AIMS_ACTION_STATUS_OPEN        "open"
#define AIMS_ACTION_STATUS_IN_PROGRESS "in_progress"
#define AIMS_ACTION_STATUS_DONE        "done"
#define AIMS_ACTION_STATUS_CANCELLED   "cancelled"

/* A root cause analysis holds at most this many whys. */
#define AIMS_NC_MAX_WHYS 5

/* The tables themselves, for the list of aims_entity_lookup(). The
 * accessors aims_entity_nonconformities() and aims_entity_actions() are
 * declared in aims-entity.h. */
extern const AimsEntity aims_nonconformities_entity;
extern const AimsEntity aims_actions_entity;

G_END_DECLS
