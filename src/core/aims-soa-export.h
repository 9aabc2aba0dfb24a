/* aims-soa-export.h — the Statement of Applicability alone, as a workbook
 *
 * What `aimsctl export soa` writes and the Controls page's export button
 * calls (in a worker thread, on a connection of its own): one .xlsx holding
 * the sheet of aims-soa-sheet.h, with document properties naming the
 * organisation and the author.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "aims-db.h"

G_BEGIN_DECLS

/* Writes the workbook to path; author NULL means aims_default_author(). The
 * file appears only when complete: on failure nothing is left at path (an
 * existing file there is kept), and error names the problem. */
gboolean aims_soa_export (AimsDb      *db,
                          const char  *path,
                          const char  *author,
                          GError     **error);

G_END_DECLS
