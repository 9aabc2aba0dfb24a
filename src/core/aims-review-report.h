/* aims-review-report.h — the management review as a PDF pack
 *
 * The content of the workbook for people who read rather than filter: a
 * title page, the headline figures, the heatmaps, a chart, and the key
 * tables, paginated with page numbers. `aimsctl export report` and the
 * window's "Export Review Pack (PDF)…".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "aims-review-workbook.h"

G_BEGIN_DECLS

/* Writes the pack to path; nothing is left there on failure. */
gboolean aims_review_report_write (AimsDb                  *db,
                                   const char              *path,
                                   const AimsReviewOptions *options,
                                   GError                 **error);

G_END_DECLS
