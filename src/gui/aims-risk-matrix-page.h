/* aims-risk-matrix-page.h — the organisation's risk matrix, in Preferences
 *
 * A preferences page that edits a draft of the matrix: its size (3 to 6),
 * the label of each likelihood and impact level, the score bands with their
 * names, score ranges and colours, and the appetite band. A heatmap of the
 * register drawn with the draft updates as it is edited, and the reason a
 * draft cannot be saved (a gap or an overlap between bands) is shown as it
 * appears. Saving shows first what re-scoring does to the register (which
 * risks move to which levels, which change band) and writes only once the
 * user confirms; a matrix changed meanwhile by someone else is not
 * overwritten.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "aims-context.h"

G_BEGIN_DECLS

#define AIMS_TYPE_RISK_MATRIX_PAGE (aims_risk_matrix_page_get_type ())
G_DECLARE_FINAL_TYPE (AimsRiskMatrixPage, aims_risk_matrix_page, AIMS, RISK_MATRIX_PAGE, AdwPreferencesPage)

GtkWidget            *aims_risk_matrix_page_new        (AimsContext        *context);

/* The matrix as edited, not yet saved. */
const AimsRiskMatrix *aims_risk_matrix_page_get_draft  (AimsRiskMatrixPage *self);
/* Sets the size as the size control does. */
void                  aims_risk_matrix_page_set_size   (AimsRiskMatrixPage *self,
                                                        guint               size);
/* What the user is asked before saving: "Re-score 37 risks?", and the
 * moves, one line each. NULL when the draft cannot be saved (error says
 * why). */
char                 *aims_risk_matrix_page_describe_save (AimsRiskMatrixPage *self,
                                                           char              **details,
                                                           GError            **error);
/* Saves the draft and re-scores the register (what the dialog's Save
 * does). */
gboolean              aims_risk_matrix_page_save       (AimsRiskMatrixPage *self,
                                                        GError            **error);

G_END_DECLS
