/* aims-risks-page.h — the AI risk register
 *
 * The table of risks (reference, title, AI system, inherent score and band,
 * treatment, residual score and band, status, next review, owner, source)
 * beside the editor of the selected one, with filters by system, owner,
 * source, band, treatment and status, and the heatmap above the table: it
 * counts the risks of the chosen system, owner and source; a click on a
 * cell shows only that cell's risks in the table, a second click shows
 * them all again. Overdue reviews, expired acceptances and risks above the
 * appetite stand out. Actions: page.search, page.flush (AimsRecordPage),
 * page.add, page.clear-cell, page.filter (aims-pages.h; terms system=ID or
 * organisation, owner=ID, source=KEY, band=NAME, treatment=KEY, status=KEY,
 * attention=above_appetite|review_overdue|acceptance_expired,
 * cell=inherent|residual:L:I).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "aims-record-page.h"
#include "aims-risk-heatmap.h"

G_BEGIN_DECLS

#define AIMS_TYPE_RISKS_PAGE (aims_risks_page_get_type ())
G_DECLARE_FINAL_TYPE (AimsRisksPage, aims_risks_page, AIMS, RISKS_PAGE, AimsRecordPage)

GtkWidget       *aims_risks_page_new         (AimsContext   *context);

/* Asks for the new risk's title and owner, with the AI system chosen
 * (system_id 0: organisation-wide) and its owner proposed. */
void             aims_risks_page_new_risk    (AimsRisksPage *self,
                                              gint64         system_id);

/* What the heatmap's cell click does: filter the table to the risks of
 * the cell, or show them all again when it is the cell already chosen. */
void             aims_risks_page_toggle_cell (AimsRisksPage *self,
                                              gboolean       residual,
                                              guint          likelihood,
                                              guint          impact);

AimsRiskHeatmap *aims_risks_page_get_heatmap (AimsRisksPage *self);

G_END_DECLS
