/* aims-soa-sheet.h — the Statement of Applicability as a worksheet
 *
 * One sheet, laid out as auditors read an SoA: a heading, then an Excel
 * table of the 38 Annex A controls in the order of the standard (frozen
 * header, filters) with Reference, Control, Group, Applicable,
 * Justification, Implementation status, Owner, Evidence, Last reviewed (a
 * real date), Linked risks and the Open points the completeness check finds
 * for that control; below it, the progress of each group and in total.
 *
 * The standalone export (aims-soa-export.h) and the management-review
 * workbook both add it with this function, into their own AimsXlsx, whose
 * C numeric locale and checked close keep the file sound.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "aims-db.h"
#include "aims-xlsx.h"

G_BEGIN_DECLS

/* Rows of the sheet, 0-based, for readers of the file (tests). */
#define AIMS_SOA_SHEET_TABLE_ROW     2   /* the table's header row, under the title and subtitle */
#define AIMS_SOA_SHEET_N_COLUMNS     11

/* Adds the sheet to xlsx, read from db as it is now; today decides which
 * evidence is stale. FALSE with error when db could not be read. */
gboolean aims_soa_sheet_write (AimsXlsx  *xlsx,
                               AimsDb    *db,
                               GDate     *today,
                               GError   **error);

G_END_DECLS
