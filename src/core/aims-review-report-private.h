/* aims-review-report-private.h — the parts of the management review pack
 *
 * aims-review-report.c writes the title page and the heatmaps and calls
 * the parts in order: the summary (aims-review-report-summary.c), the
 * charts (aims-review-report-charts.c) and the key tables
 * (aims-review-report-tables.c). All of them read one AimsReviewExport, as
 * the workbook does, so the pack and the workbook can never disagree.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "aims-pdf.h"
#include "aims-review-data.h"

G_BEGIN_DECLS

/* A table that grows with the data shows at most this many rows; the rest
 * are in the workbook, which is for filtering. */
#define AIMS_REPORT_MAX_ROWS 25

/* Rows of strings for aims_pdf_table(), which owns what it is given. */
typedef struct
{
  guint      n_columns;
  GPtrArray *rows;    /* const char ** of n_columns */
  GPtrArray *owned;   /* every string and row, freed with the table */
} AimsReportRows;

AimsReportRows *aims_report_rows_new   (guint            n_columns);
void            aims_report_rows_free  (AimsReportRows  *rows);
/* A new row of empty cells. */
const char    **aims_report_rows_add   (AimsReportRows  *rows);
/* Stores text in the table (taking it) and returns it, for a cell. */
const char     *aims_report_rows_take  (AimsReportRows  *rows,
                                        char            *text);
/* Writes the table; when total is more than the rows given, a line under
 * it says how many more there are and where to find them. */
void            aims_report_rows_write (AimsReportRows      *rows,
                                        AimsPdf             *pdf,
                                        const AimsPdfColumn *columns,
                                        guint                total,
                                        const char          *sheet);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AimsReportRows, aims_report_rows_free)

/* The headline figures now beside those frozen with the last closed
 * review, and where the actions decided at it stand. */
gboolean aims_report_summary (AimsReviewExport  *export,
                              AimsPdf           *pdf,
                              GError           **error);
/* Open risks by band, AI systems by lifecycle stage, objectives by state
 * and each objective's KPI over time. */
gboolean aims_report_charts  (AimsReviewExport  *export,
                              AimsPdf           *pdf,
                              GError           **error);
/* AI systems, top risks by score, open nonconformities, overdue corrective
 * actions, impact assessments, the Statement of Applicability by group. */
gboolean aims_report_tables  (AimsReviewExport  *export,
                              AimsPdf           *pdf,
                              GError           **error);

G_END_DECLS
