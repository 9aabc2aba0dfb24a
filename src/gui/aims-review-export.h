/* aims-review-export.h — "Export Management Review…" (Ctrl+E) and
 * "Export Review Pack (PDF)…"
 *
 * Asks for the review period (a year up to today, proposed) and then for
 * the file, writes the workbook (or the PDF pack) in a worker thread on a connection of its
 * own while the window shows the progress below the pages and stays
 * usable, and ends with a toast that opens the file and a notification
 * that opens the file or its folder. A failure is told in a dialog that
 * names the file; nothing half-written is left behind.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "aims-window.h"

G_BEGIN_DECLS

/* The whole flow, from the period dialog on. */
void     aims_review_export_start   (AimsWindow          *window,
                                     AimsReviewFormat     format);

/* What the dialogs lead to: writes the workbook to path for the period
 * (ISO dates; NULL for the defaults), with the window's progress and the
 * final toast. For tests, which skip the dialogs. */
void     aims_review_export_run     (AimsWindow          *window,
                                     AimsReviewFormat     format,
                                     const char          *path,
                                     const char          *from,
                                     const char          *to);
/* TRUE while an export is under way in window. */
gboolean aims_review_export_running (AimsWindow          *window);

G_END_DECLS
