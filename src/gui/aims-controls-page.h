/* aims-controls-page.h — the Statement of Applicability, its completeness
 * and the clause checklist
 *
 * Three views, switched in the header:
 *
 * - Statement of Applicability: a tile per group of Annex A (A.2 … A.10)
 *   with how far it has come ("9 of 9 decided · 3 implemented"), a click
 *   on a tile showing that group alone; below, the 38 controls in the
 *   order of the standard (reference, control, applicability,
 *   implementation, owner, last reviewed, linked risks, justification,
 *   evidence), open points standing out, beside the editor of the chosen
 *   one. Catalogue fields are shown, not edited; the store's refusals
 *   (excluding without a justification, implemented without evidence,
 *   excluding a control risks rely on) are shown at the field, and the
 *   last one offers to unlink those risks and exclude.
 * - Completeness: the findings of aims_soa_check(), run in a worker thread
 *   on a connection of its own whenever the data changes; choosing one
 *   goes to the control or requirement it is about (or to the Risks page).
 * - Clauses 4–10: a tile per clause with the percentage in place, and the
 *   requirements with status, notes and evidence, edited alike.
 *
 * Actions: page.search and page.flush (both lists), page.filter (the terms
 * of aims-controls-filter.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "aims-record-page.h"
#include "aims-soa-findings-view.h"

G_BEGIN_DECLS

#define AIMS_TYPE_CONTROLS_PAGE (aims_controls_page_get_type ())
G_DECLARE_FINAL_TYPE (AimsControlsPage, aims_controls_page, AIMS, CONTROLS_PAGE, AimsRecordPage)

GtkWidget           *aims_controls_page_new               (AimsContext      *context);

/* "soa", "completeness" or "clauses". */
const char          *aims_controls_page_get_view          (AimsControlsPage *self);
void                 aims_controls_page_set_view          (AimsControlsPage *self,
                                                           const char       *view);

AimsRecordList      *aims_controls_page_get_clauses_list  (AimsControlsPage *self);
AimsSoaFindingsView *aims_controls_page_get_findings_view (AimsControlsPage *self);
/* The tile of a group ("A.6") or of a clause ("6"), or NULL. */
GtkWidget           *aims_controls_page_get_tile          (AimsControlsPage *self,
                                                           const char       *key);
/* TRUE while the completeness check runs. */
gboolean             aims_controls_page_is_checking       (AimsControlsPage *self);

/* What "Unlink and Exclude" does for the control in the editor: excludes
 * it with the justification the editor holds, unlinking the risks that
 * rely on it, in one audited write. FALSE with error when refused. */
gboolean             aims_controls_page_unlink_and_exclude (AimsControlsPage *self,
                                                            GError          **error);

G_END_DECLS
