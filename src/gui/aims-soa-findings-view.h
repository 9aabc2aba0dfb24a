/* aims-soa-findings-view.h — the Completeness view of the Controls page
 *
 * What stands between the organisation and a defensible Statement of
 * Applicability: the findings of aims_soa_check(), one group per kind in
 * the check's order, each group saying what to do about it, each finding
 * a row that can be activated ("finding-activated") to go to the record it
 * is about. While the check runs the view says so; with no finding, it says
 * the SoA and the checklist are complete.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "aims-core.h"

G_BEGIN_DECLS

#define AIMS_TYPE_SOA_FINDINGS_VIEW (aims_soa_findings_view_get_type ())
G_DECLARE_FINAL_TYPE (AimsSoaFindingsView, aims_soa_findings_view, AIMS, SOA_FINDINGS_VIEW, GtkWidget)

GtkWidget  *aims_soa_findings_view_new            (void);

/* Shows findings (AimsSoaFinding; the view keeps a reference to the
 * array), or NULL: the check is running. */
void        aims_soa_findings_view_set_findings   (AimsSoaFindingsView *self,
                                                   GPtrArray           *findings);
/* The check failed: says why. */
void        aims_soa_findings_view_set_error      (AimsSoaFindingsView *self,
                                                   const char          *message);

/* The rows shown, in order (AdwActionRow, title: the finding's message);
 * a kind with very many findings lists the first ones and says how many
 * more there are. For tests. */
GPtrArray  *aims_soa_findings_view_get_rows       (AimsSoaFindingsView *self);

/* Signals:
 *   "finding-activated" (guint kind, gint64 id) — the user chose the
 *                       finding about record id (an AimsSoaFindingKind,
 *                       whose entity aims_soa_finding_kind_entity() names).
 */

G_END_DECLS
