/* aims-risk-rating-row.h — a risk's score and band, shown as its levels
 * are chosen
 *
 * A row for the risk editor's inherent and residual groups: "Score 12 ·
 * High", a dot in the band's colour, and a warning when the band is above
 * the organisation's appetite. Computed by aims_risk_matrix_cell(), like
 * every score the table, heatmap and exports show.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "aims-core.h"

G_BEGIN_DECLS

GtkWidget *aims_risk_rating_row_new    (const char           *title);
/* likelihood or impact 0: not rated yet. */
void       aims_risk_rating_row_update (GtkWidget            *row,
                                        const AimsRiskMatrix *matrix,
                                        guint                 likelihood,
                                        guint                 impact);

G_END_DECLS
