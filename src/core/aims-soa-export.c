/* aims-soa-export.c — the Statement of Applicability alone, as a workbook
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "aims-date.h"
#include "aims-soa-export.h"
#include "aims-soa-sheet.h"
#include "aims-store.h"
#include "aims-xlsx.h"

gboolean
aims_soa_export (AimsDb      *db,
                 const char  *path,
                 const char  *author,
                 GError     **error)
{
  g_autofree char *organisation = NULL;
  g_autoptr(GDate) today = aims_date_today ();
  AimsXlsx *xlsx;

  g_return_val_if_fail (AIMS_IS_DB (db), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  organisation = aims_db_dup_organisation (db);
  xlsx = aims_xlsx_new (path, _("Statement of Applicability"),
                        _("ISO/IEC 42001 Annex A controls: applicability, justification and implementation"),
                        author != NULL ? author : aims_default_author (), organisation, error);
  if (xlsx == NULL)
    return FALSE;
  if (!aims_soa_sheet_write (xlsx, db, today, error))
    {
      aims_xlsx_abandon (xlsx);
      return FALSE;
    }
  return aims_xlsx_close (xlsx, error);
}
