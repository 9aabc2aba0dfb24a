/* aims-xlsx.h — writing Excel workbooks the way every export of ours does
 *
 * A thin layer over libxlsxwriter 1.1.4 that keeps its traps in one place:
 *
 * - Numbers are formatted by the C library's printf, which follows the
 *   locale; under a decimal-comma locale the file would be corrupt. From
 *   aims_xlsx_new() to aims_xlsx_close() the calling thread formats numbers
 *   in the "C" locale (uselocale(), so other threads are left alone).
 * - Table header cells are written by the table itself: columns are given
 *   to aims_xlsx_add_table() with their headers, never written as cells.
 * - Sheet names are at most 31 characters, without []:*?/\ — made so by
 *   aims_xlsx_add_sheet() whatever a translation says.
 * - Errors writing the file appear only at workbook_close():
 *   aims_xlsx_close() checks it and names the problem.
 *
 * Dates are written as real dates (Excel serial numbers with a date
 * format), numbers as numbers, and a cell with no value stays empty.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <xlsxwriter.h>

G_BEGIN_DECLS

typedef struct _AimsXlsx AimsXlsx;

/* The formats every sheet uses, made once per workbook. */
typedef enum
{
  AIMS_XLSX_TEXT,         /* wrapped, top-aligned */
  AIMS_XLSX_DATE,         /* yyyy-mm-dd */
  AIMS_XLSX_DATETIME,     /* yyyy-mm-dd hh:mm */
  AIMS_XLSX_INTEGER,
  AIMS_XLSX_DECIMAL,      /* two decimals at most */
  AIMS_XLSX_TITLE,        /* a sheet's heading */
  AIMS_XLSX_SUBTITLE,
  AIMS_XLSX_LABEL,        /* bold, for label/value pairs */
  AIMS_XLSX_LABEL_VALUE,  /* the value beside a label: left-aligned, no wrap */
  AIMS_XLSX_WARNING,      /* red and bold: overdue, expired, above appetite */
  AIMS_XLSX_WARNING_DATE,
  AIMS_XLSX_CHANGE,       /* a difference with its sign: +3, -2, 0 */
  AIMS_XLSX_N_FORMATS
} AimsXlsxFormat;

typedef struct
{
  const char *header;   /* shown in the table's header row */
  double      width;    /* in characters */
} AimsXlsxColumn;

/* Creates the workbook at path (written at aims_xlsx_close()). title,
 * subject, author and company go into the document properties. */
AimsXlsx      *aims_xlsx_new             (const char           *path,
                                          const char           *title,
                                          const char           *subject,
                                          const char           *author,
                                          const char           *company,
                                          GError              **error);
lxw_workbook  *aims_xlsx_get_workbook    (AimsXlsx             *self);
lxw_format    *aims_xlsx_format          (AimsXlsx             *self,
                                          AimsXlsxFormat        format);
/* A solid fill of colour ("#rrggbb") with black or white text, whichever
 * reads better on it: the risk bands. Made once per colour. */
lxw_format    *aims_xlsx_fill            (AimsXlsx             *self,
                                          const char           *colour);

/* A sheet named name, made valid (and unique) for Excel. Never NULL. */
lxw_worksheet *aims_xlsx_add_sheet       (AimsXlsx             *self,
                                          const char           *name);
/* The same for a sheet that grows with the data (thousands of rows): its
 * rows are written to disk as they come instead of kept in memory, so they
 * must be written top to bottom, each row complete before the next; no
 * merged cells. Tables work as on any sheet, declared before their rows. */
lxw_worksheet *aims_xlsx_add_data_sheet  (AimsXlsx             *self,
                                          const char           *name);
/* An Excel table over rows first_row.. first_row + n_rows (header row
 * included at first_row), with filters, banded rows and the columns'
 * widths; freeze: the panes frozen under its header, for the data sheets.
 * n_rows may be 0 (a header alone). */
void           aims_xlsx_add_table       (AimsXlsx             *self,
                                          lxw_worksheet        *sheet,
                                          lxw_row_t             first_row,
                                          guint                 n_rows,
                                          const AimsXlsxColumn *columns,
                                          guint                 n_columns,
                                          gboolean              freeze);

/* NULL or "" leaves the cell empty. */
void           aims_xlsx_write_text      (AimsXlsx             *self,
                                          lxw_worksheet        *sheet,
                                          lxw_row_t             row,
                                          lxw_col_t             col,
                                          const char           *text,
                                          lxw_format           *format);
/* An ISO 8601 date ("2026-03-01") or timestamp ("2026-03-01T10:22:05Z")
 * as a real date; text that is neither is written as text. */
void           aims_xlsx_write_date      (AimsXlsx             *self,
                                          lxw_worksheet        *sheet,
                                          lxw_row_t             row,
                                          lxw_col_t             col,
                                          const char           *iso,
                                          lxw_format           *format);
void           aims_xlsx_write_number    (AimsXlsx             *self,
                                          lxw_worksheet        *sheet,
                                          lxw_row_t             row,
                                          lxw_col_t             col,
                                          double                value,
                                          lxw_format           *format);

/* Writes the file and frees self, whatever happens; FALSE with error
 * naming the problem when the file could not be written. */
gboolean       aims_xlsx_close           (AimsXlsx             *self,
                                          GError              **error);
/* Frees self without writing (after an earlier failure). */
void           aims_xlsx_abandon         (AimsXlsx             *self);

G_END_DECLS
