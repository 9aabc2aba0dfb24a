/* aims-soa-entity.h — the field tables of the Statement of Applicability
 * ("controls") and of the clause checklist ("clauses")
 *
 * Both are fixed catalogues that come with the schema
 * (data/schema/0003-controls.sql): records are read and changed through the
 * store like any other, but none is ever added, and their catalogue fields
 * (reference, title, group, guidance) are read-only.
 *
 * "controls" reads the view soa: one row per Annex A control, whose id is the
 * control's id (the same in control, soa_entry and risk_control).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "aims-entity.h"

G_BEGIN_DECLS

/* Stored keys of the controls' fields. applicable is unset while the
 * control is not decided. */
#define AIMS_SOA_APPLICABLE_YES         "yes"
#define AIMS_SOA_APPLICABLE_NO          "no"
#define AIMS_SOA_STATUS_NOT_STARTED     "not_started"
#define AIMS_SOA_STATUS_PLANNED         "planned"
#define AIMS_SOA_STATUS_PARTIAL         "partial"
#define AIMS_SOA_STATUS_IMPLEMENTED     "implemented"
/* soa_status (read-only) is one of the implementation statuses, or one of: */
#define AIMS_SOA_STATUS_UNDECIDED       "undecided"
#define AIMS_SOA_STATUS_EXCLUDED        "excluded"

/* Stored keys of a clause requirement's status. */
#define AIMS_CLAUSE_STATUS_NOT_STARTED  "not_started"
#define AIMS_CLAUSE_STATUS_PARTIAL      "partial"
#define AIMS_CLAUSE_STATUS_IN_PLACE     "in_place"

/* The groups of Annex A in order, "A.2" … "A.10", with their titles (N_()
 * marked), terminated by { NULL }: the choices of the controls' group_ref. */
const AimsChoice *aims_soa_groups   (void);
/* The chapters of the clause checklist, "4" … "10", likewise. */
const AimsChoice *aims_clause_chapters (void);

/* The tables themselves, for the list of aims_entity_lookup(). */
extern const AimsEntity aims_controls_entity;
extern const AimsEntity aims_clauses_entity;

G_END_DECLS
