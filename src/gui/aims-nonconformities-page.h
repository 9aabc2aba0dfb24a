/* aims-nonconformities-page.h — nonconformities, root cause and corrective
 * actions (ISO/IEC 42001 clause 10.2)
 *
 * Two views of the same filtered records, switched in the header: the
 * table (reference, title, state, severity, source, AI system, found on,
 * open and overdue actions) beside the editor of the chosen one, and the
 * board (AimsNcBoard), one column per state. The editor holds the generic
 * fields, the five whys as five entries, the corrective actions
 * (AimsNcActionsView) and the steps, similar nonconformities and history
 * (AimsNcWorkflowView). Every step goes through aims_nc_transition(); a
 * refused one shows the core's reason in a dialog and writes nothing.
 *
 * Actions: page.search (AimsRecordPage); page.flush (also the five whys);
 * page.add (aims_nonconformities_page_new_nc()); page.move "(xs)"
 * (id, state key: asks for the reason when the step needs one);
 * page.view "s" ("list" or "board"); page.filter (aims-pages.h; terms
 * status=KEY, open=1 (neither closed nor rejected), severity=KEY,
 * source=KEY, system=ID, overdue=1, mine=1 —
 * "mine": found, checked or with an action owned by the person whose name
 * is the author name in Preferences).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "aims-nc-actions-view.h"
#include "aims-nc-board.h"
#include "aims-nc-new-dialog.h"
#include "aims-nc-workflow-view.h"
#include "aims-record-page.h"

G_BEGIN_DECLS

#define AIMS_TYPE_NONCONFORMITIES_PAGE (aims_nonconformities_page_get_type ())
G_DECLARE_FINAL_TYPE (AimsNonconformitiesPage, aims_nonconformities_page, AIMS, NONCONFORMITIES_PAGE, AimsRecordPage)

GtkWidget          *aims_nonconformities_page_new          (AimsContext             *context);

/* Moves nonconformity id to target through aims_nc_transition(), with
 * reason for a step into rejected or reopened (else NULL). TRUE when
 * stored (a toast says so); otherwise a dialog shows why and nothing is
 * written. */
gboolean            aims_nonconformities_page_move         (AimsNonconformitiesPage *self,
                                                            gint64                   id,
                                                            AimsNcState              target,
                                                            const char              *reason);
/* What a step's button does: asks for the reason first when the step
 * needs one, then aims_nonconformities_page_move(). */
void                aims_nonconformities_page_request_move (AimsNonconformitiesPage *self,
                                                            gint64                   id,
                                                            AimsNcState              target);
/* What "page.add" does: opens "Add Nonconformity" (AimsNcNewDialog), with
 * the user proposed as the finder; the nonconformity added is chosen in
 * the list. */
AimsNcNewDialog    *aims_nonconformities_page_new_nc       (AimsNonconformitiesPage *self);
/* What "page.flush" does: writes what is typed and not saved yet (the
 * editor's fields and the five whys). */
void                aims_nonconformities_page_flush        (AimsNonconformitiesPage *self);
/* "list" or "board". */
void                aims_nonconformities_page_set_view     (AimsNonconformitiesPage *self,
                                                            const char              *view);

AimsNcBoard        *aims_nonconformities_page_get_board        (AimsNonconformitiesPage *self);
AimsNcActionsView  *aims_nonconformities_page_get_actions_view (AimsNonconformitiesPage *self);
AimsNcWorkflowView *aims_nonconformities_page_get_workflow_view (AimsNonconformitiesPage *self);

G_END_DECLS
