/* aims-nc-workflow-view.h — the workflow part of a nonconformity's
 * detail: the steps it may take now (a button each) and the ones the
 * guards refuse with their reason, the similar nonconformities
 * (aims_nc_list_similar()) and its history as a timeline read from the
 * audit log (aims_nc_timeline()).
 *
 * It writes nothing: a step's button emits "move-requested" and the page
 * moves the record through aims_nc_transition().
 *
 * Signals:
 *   "move-requested" (gint64 id, guint target) — an AimsNcState;
 *   "nc-activated" (gint64 id) — a similar nonconformity was chosen.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "aims-context.h"

G_BEGIN_DECLS

#define AIMS_TYPE_NC_WORKFLOW_VIEW (aims_nc_workflow_view_get_type ())
G_DECLARE_FINAL_TYPE (AimsNcWorkflowView, aims_nc_workflow_view, AIMS, NC_WORKFLOW_VIEW, GtkWidget)

GtkWidget *aims_nc_workflow_view_new          (AimsContext        *context);
/* Reads nc's actions, similar records and history again; NULL: nothing. */
void       aims_nc_workflow_view_set_nc       (AimsNcWorkflowView *self,
                                               AimsRecord         *nc);
/* What is shown, for tests: the steps offered and refused, the similar
 * nonconformities and the events of the timeline. */
guint      aims_nc_workflow_view_get_n_steps   (AimsNcWorkflowView *self,
                                                gboolean            allowed);
guint      aims_nc_workflow_view_get_n_similar (AimsNcWorkflowView *self);
guint      aims_nc_workflow_view_get_n_events  (AimsNcWorkflowView *self);

G_END_DECLS
