/* aims-review-sheet.h — what a sheet of the management-review workbook
 * gets to write itself, and the writer every record sheet shares
 *
 * An area adds a sheet by writing one AimsReviewSheetFunc in a file of its
 * own and adding it to the table in aims-review-workbook.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "aims-review-data.h"
#include "aims-xlsx.h"

G_BEGIN_DECLS


typedef gboolean (*AimsReviewSheetFunc) (AimsReviewExport  *export,
                                         GError           **error);

/* A column after an entity's fields: a computed value (a risk's score). */
typedef struct
{
  const char *header;
  double      width;
  /* Writes the cell of record at row, col. */
  void      (*write) (AimsReviewExport *export,
                      lxw_worksheet    *sheet,
                      lxw_row_t         row,
                      lxw_col_t         col,
                      AimsRecord       *record);
} AimsReviewColumn;

/* A format instead of the field's own for this record's cell (NULL: the
 * field's), so that an overdue date stands out. */
typedef lxw_format *(*AimsReviewCellFormat) (AimsReviewExport *export,
                                             AimsRecord       *record,
                                             const AimsField  *field);

/* One row per record in an Excel table named by the sheet: the reference,
 * every field of the entity (dates as dates, levels as numbers, choices,
 * people and links by what a person reads), then the extra columns. */
void aims_review_write_records (AimsReviewExport       *export,
                                lxw_worksheet          *sheet,
                                const AimsEntity       *entity,
                                GPtrArray              *records,
                                const AimsReviewColumn *extra,
                                guint                   n_extra,
                                AimsReviewCellFormat    cell_format);

/* The sheets of the register and the audit log. */
gboolean aims_review_sheet_systems (AimsReviewExport *export, GError **error);
gboolean aims_review_sheet_risks   (AimsReviewExport *export, GError **error);
/* The Heatmap sheet (aims-review-heatmap-sheet.c) inserts the picture
 * started by aims_review_picture_start() once the register is read. */
gboolean aims_review_sheet_heatmap (AimsReviewExport *export, GError **error);
AimsReviewPicture *aims_review_picture_start (AimsReviewExport  *export);
void               aims_review_picture_free  (AimsReviewPicture *picture);
gboolean aims_review_sheet_changes (AimsReviewExport *export, GError **error);
gboolean aims_review_sheet_objectives (AimsReviewExport *export, GError **error);
/* Every version of every impact assessment (aims-review-assessments.c). */
gboolean aims_review_sheet_assessments (AimsReviewExport *export, GError **error);
/* Nonconformities and every tracked action (aims-review-nc-sheets.c). */
gboolean aims_review_sheet_nonconformities (AimsReviewExport *export, GError **error);
gboolean aims_review_sheet_actions (AimsReviewExport *export, GError **error);
/* The Summary's comparison with the last closed management review and the
 * state of the actions decided at it, from row top on; *next gets the
 * first row after it (aims-review-since.c). */
gboolean aims_review_summary_since_last (AimsReviewExport  *export,
                                         lxw_worksheet     *sheet,
                                         lxw_row_t          top,
                                         lxw_row_t         *next,
                                         GError           **error);
/* The Statement of Applicability (aims-soa-sheet.c). */
gboolean aims_review_sheet_soa     (AimsReviewExport *export, GError **error);

G_END_DECLS
