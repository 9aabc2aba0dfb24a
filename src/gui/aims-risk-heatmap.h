/* aims-risk-heatmap.h — the risk heatmap as a widget
 *
 * Draws with the one renderer of src/core/aims-heatmap.c into the widget's
 * snapshot (vector drawing at the display's scale, so sharp at any size),
 * in the colours of the risk matrix and, in dark mode, with light text.
 *
 * Each cell is also a real, focusable button laid over the drawing: a
 * pointer hovering a cell lists its risks in a tooltip, a click or Enter
 * emits "cell-activated", the arrow keys move between cells (from the
 * inherent grid into the residual one when both are shown), and a screen
 * reader announces each cell as aims_heatmap_describe_cell() says it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "aims-core.h"

G_BEGIN_DECLS

#define AIMS_TYPE_RISK_HEATMAP (aims_risk_heatmap_get_type ())
G_DECLARE_FINAL_TYPE (AimsRiskHeatmap, aims_risk_heatmap, AIMS, RISK_HEATMAP, GtkWidget)

GtkWidget       *aims_risk_heatmap_new              (void);

/* Counts risks (records of the risks entity; NULL: none) that pass filter
 * (NULL: every open risk) on matrix (copied). */
void             aims_risk_heatmap_set_risks        (AimsRiskHeatmap         *self,
                                                     const AimsRiskMatrix    *matrix,
                                                     GPtrArray               *risks,
                                                     const AimsHeatmapFilter *filter);

/* Inherent, residual, or both side by side. Property "view". */
AimsHeatmapView  aims_risk_heatmap_get_view         (AimsRiskHeatmap         *self);
void             aims_risk_heatmap_set_view         (AimsRiskHeatmap         *self,
                                                     AimsHeatmapView          view);

/* A preview (Preferences) shows counts but offers no cells to click. */
void             aims_risk_heatmap_set_interactive  (AimsRiskHeatmap         *self,
                                                     gboolean                 interactive);

/* The cell drawn highlighted: the one the table is filtered to.
 * likelihood 0 clears it. */
void             aims_risk_heatmap_set_selected     (AimsRiskHeatmap         *self,
                                                     gboolean                 residual,
                                                     guint                    likelihood,
                                                     guint                    impact);

guint            aims_risk_heatmap_get_count        (AimsRiskHeatmap         *self,
                                                     gboolean                 residual,
                                                     guint                    likelihood,
                                                     guint                    impact);

/* The cell that has the keyboard focus; FALSE when none has. */
gboolean         aims_risk_heatmap_get_focus_cell   (AimsRiskHeatmap         *self,
                                                     gboolean                *residual,
                                                     guint                   *likelihood,
                                                     guint                   *impact);
/* The button of a cell, or NULL when that cell is not shown. */
GtkWidget       *aims_risk_heatmap_get_cell_button  (AimsRiskHeatmap         *self,
                                                     gboolean                 residual,
                                                     guint                    likelihood,
                                                     guint                    impact);

/* Signals:
 *   "cell-activated" (gboolean residual, guint likelihood, guint impact) —
 *      a cell was clicked, or Enter or Space pressed on it.
 * Actions:
 *   "heatmap.move-focus" "(ii)" (likelihood step, impact step) — what the
 *      arrow keys do.
 */

G_END_DECLS
