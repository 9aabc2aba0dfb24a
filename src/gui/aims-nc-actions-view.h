/* aims-nc-actions-view.h — the corrective actions of one nonconformity, in
 * its detail: each with its owner, due date and status (overdue ones stand
 * out), opened in the generic editor to record progress, completion and
 * evidence; and "Add Corrective Action…" (description, owner, due date).
 *
 * Writes go through aims_store_insert() / the record editor, so the store's
 * rules (aims_action_check_rules()) hold and every change is audited.
 *
 * Signals:
 *   "changed" () — an action was added or edited here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "aims-context.h"

G_BEGIN_DECLS

#define AIMS_TYPE_NC_ACTIONS_VIEW (aims_nc_actions_view_get_type ())
G_DECLARE_FINAL_TYPE (AimsNcActionsView, aims_nc_actions_view, AIMS, NC_ACTIONS_VIEW, GtkWidget)

GtkWidget  *aims_nc_actions_view_new    (AimsContext       *context);
/* Shows nonconformity nc's actions, as read now; NULL shows none. */
void        aims_nc_actions_view_set_nc (AimsNcActionsView *self,
                                         AimsRecord        *nc);
/* Adds an action to the nonconformity shown (owner_id: a person's id as
 * text; due_date ISO or NULL); NULL with the store's refusal in error. */
AimsRecord *aims_nc_actions_view_add    (AimsNcActionsView *self,
                                         const char        *description,
                                         const char        *owner_id,
                                         const char        *due_date,
                                         GError           **error);
/* How many actions are listed. */
guint       aims_nc_actions_view_get_n_actions (AimsNcActionsView *self);
/* Shows the actions decided at a management review instead (review_id):
 * the same list, adding and editing; no adding once the review is closed. */
void        aims_nc_actions_view_set_review (AimsNcActionsView *self,
                                             AimsRecord        *review);

G_END_DECLS
