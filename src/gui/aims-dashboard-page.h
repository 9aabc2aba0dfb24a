/* aims-dashboard-page.h — the AIMS at a glance, the window's first page
 *
 * Tiles for what a manager preparing a review asks first: AI systems by
 * lifecycle stage and by EU AI Act class, open risks by band with a small
 * heatmap, what needs attention (risks above the appetite, overdue reviews,
 * expired acceptances), objectives on track, at risk and off track. Each
 * tile and each of its rows opens the page it summarises, filtered to what
 * it counts. Areas that are not built yet have no tile; no figure is made
 * up. The figures are read in a worker thread (aims_dashboard_load_async())
 * whenever the database or its data changes, also by another user.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "aims-context.h"

G_BEGIN_DECLS

#define AIMS_TYPE_DASHBOARD_PAGE (aims_dashboard_page_get_type ())
G_DECLARE_FINAL_TYPE (AimsDashboardPage, aims_dashboard_page, AIMS, DASHBOARD_PAGE, GtkWidget)

GtkWidget           *aims_dashboard_page_new          (AimsContext       *context);

/* The figures shown, or NULL while none are read. */
const AimsDashboard *aims_dashboard_page_get_figures  (AimsDashboardPage *self);
/* TRUE while the figures are being read. */
gboolean             aims_dashboard_page_is_loading   (AimsDashboardPage *self);
/* The tiles, in their order. */
GtkFlowBox          *aims_dashboard_page_get_tiles    (AimsDashboardPage *self);

G_END_DECLS
