/* aims-soa.h — the Statement of Applicability and the clause checklist
 *
 * ISO/IEC 42001 clause 6.1.3 asks for a Statement of Applicability: for each
 * of the 38 Annex A controls, whether it applies, why (or why not), how far it
 * is implemented, who owns it and what shows it. Clauses 4 to 10 are kept as
 * a gap checklist beside it.
 *
 * Reading: aims_store_list (db, aims_entity_controls (), …) gives the 38
 * controls in Annex A order, each an AimsRecord with the fields of
 * aims-soa-entity.c (title, group_ref, guidance, applicable, justification,
 * implementation_status, owner_id, evidence, review_date, and the computed
 * soa_status and linked_risks); aims_store_find() takes a reference
 * ("A.6.2.4") or an id. The clause checklist is aims_entity_clauses(), one
 * record per requirement ("6.1.2") in clause order.
 *
 * Writing: aims_store_update() on either entity, or aims_soa_update() for a
 * control when the risks that rely on it are to be unlinked in the same
 * write. Both are audited and refuse, changing nothing, with
 * AIMS_DB_ERROR_INVALID and the reason:
 * - excluding a control without a justification;
 * - marking a control implemented without evidence;
 * - excluding a control that risks rely on (the message names them), unless
 *   aims_soa_update() is told to unlink them;
 * - changing a catalogue field (reference, title, group, guidance) or a
 *   computed one, or adding a control or a requirement.
 *
 * The links between risks and controls are in aims-risk-controls.h; the
 * completeness check in aims-soa-check.h; the spreadsheet in
 * aims-soa-sheet.h and aims-soa-export.h.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "aims-db.h"
#include "aims-record.h"
#include "aims-soa-entity.h"

G_BEGIN_DECLS

/* The number of Annex A controls in the catalogue. */
#define AIMS_SOA_N_CONTROLS 38

/* Changes the SoA entry of the control with id control_id, as
 * aims_store_update() does (expected_version -1: whatever is current;
 * changes: field name → text as a user gave it). With unlink_risks TRUE, a
 * control that ends up excluded first loses its links to risks, in the same
 * transaction, each risk's change audited: what a user chooses after seeing
 * the refusal that names the risks. Returns the control as stored after. */
AimsRecord *aims_soa_update          (AimsDb       *db,
                                      gint64        control_id,
                                      gint64        expected_version,
                                      GHashTable   *changes,
                                      gboolean      unlink_risks,
                                      const char   *author,
                                      GError      **error);

/* For the store, inside its write transaction: the rules above for a
 * control, against what is stored now. before is the stored control (NULL
 * for an insert, which is refused), changes maps field names to normalised
 * values (NULL: unset). */
gboolean    aims_soa_check_rules     (AimsDb       *db,
                                      AimsRecord   *before,
                                      GHashTable   *changes,
                                      GError      **error);

/* Where one group of Annex A stands. */
typedef struct
{
  const char *group_ref;      /* "A.6", static */
  const char *title;          /* "A.6 AI system life cycle", translated */
  guint       n_controls;
  guint       n_decided;      /* applicable or excluded */
  guint       n_applicable;
  guint       n_excluded;
  guint       n_implemented;  /* applicable and implemented */
} AimsSoaGroupProgress;

/* One AimsSoaGroupProgress per group, A.2 to A.10 in order, counted from
 * controls (records of aims_entity_controls(), as listed by the store). */
GArray     *aims_soa_group_progress  (GPtrArray    *controls);

/* Where one chapter of the clause checklist stands. */
typedef struct
{
  const char *clause;          /* "6", static */
  const char *title;           /* "6 Planning", translated */
  guint       n_requirements;
  guint       n_in_place;
  guint       n_partial;
  guint       percent;         /* requirements in place, 0..100, rounded down */
} AimsClauseProgress;

/* One AimsClauseProgress per chapter, 4 to 10 in order, counted from
 * requirements (records of aims_entity_clauses()). */
GArray     *aims_clause_progress     (GPtrArray    *requirements);

G_END_DECLS
