/* aims-review-workbook.h — the management-review workbook for leadership
 *
 * One .xlsx for ISO/IEC 42001 clause 9.3: a Summary sheet first (who, when,
 * which period, the headline figures, a chart), then one sheet per area as
 * an Excel table (frozen header, filters, real dates and numbers), the
 * heatmap as coloured cells and as the picture the application draws, the
 * changes made in the period (from the audit log), and a legend. Each area
 * adds its sheets to the table in aims-review-workbook.c when it lands.
 *
 * The same function serves `aimsctl export review` and the window's
 * "Export Management Review…", which calls it in a worker thread on a
 * connection of its own.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "aims-db.h"

G_BEGIN_DECLS

/* fraction 0..1 of the work done; what is a short phrase, "Risks". Called
 * in the thread that writes. */
typedef void (*AimsProgressFunc) (double      fraction,
                                  const char *what,
                                  gpointer    user_data);

typedef struct
{
  const char *from;        /* ISO date, first day of the period; NULL: a year before to */
  const char *to;          /* ISO date, last day; NULL: today */
  const char *author;      /* who exports, for the Summary and the properties */
} AimsReviewOptions;

/* Writes the workbook to path. The file appears only when complete: on
 * failure nothing is left at path (an existing file there is kept). A
 * period whose end is before its start is refused with AIMS_DB_ERROR_INVALID. */
gboolean aims_review_workbook_write (AimsDb                  *db,
                                     const char              *path,
                                     const AimsReviewOptions *options,
                                     AimsProgressFunc         progress,
                                     gpointer                 user_data,
                                     GError                 **error);

typedef enum
{
  AIMS_REVIEW_WORKBOOK,   /* the .xlsx of aims_review_workbook_write() */
  AIMS_REVIEW_PACK,       /* the PDF of aims_review_report_write() */
} AimsReviewFormat;

/* Either in a worker thread, on a read-only connection of its own to the
 * database file at db_path; progress (may be NULL) is called in the
 * caller's thread-default main context, at most once per main-loop turn. */
void     aims_review_workbook_write_async  (const char              *db_path,
                                            AimsReviewFormat         format,
                                            const char              *path,
                                            const AimsReviewOptions *options,
                                            AimsProgressFunc         progress,
                                            gpointer                 progress_data,
                                            GCancellable            *cancellable,
                                            GAsyncReadyCallback      callback,
                                            gpointer                 user_data);
gboolean aims_review_workbook_write_finish (GAsyncResult            *result,
                                            GError                 **error);

G_END_DECLS
