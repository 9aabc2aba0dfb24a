/* aims-review-nc-sheets.c — the Nonconformities and Corrective actions
 * sheets of the management-review workbook
 *
 * Corrective actions are every tracked action: those raised by a
 * nonconformity and those decided at a management review (its column
 * "Management review" says which). Overdue is aims_action_is_overdue() on
 * the export's day, as the pages show it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "aims-nc.h"
#include "aims-review-sheet.h"
#include "aims-store.h"

/* ── Nonconformities ─────────────────────────────────────────────────── */

/* The actions of the nonconformity being written, counted once per row. */
static void
count_actions (AimsReviewExport *export,
               AimsRecord       *nc,
               guint            *n_open,
               guint            *n_overdue)
{
  GHashTable *by_nc = g_object_get_data (G_OBJECT (nc), "aims-review-actions-by-nc");
  GPtrArray *actions = by_nc != NULL ? aims_nc_actions_lookup (by_nc, aims_record_get_id (nc)) : NULL;

  *n_open = *n_overdue = 0;
  if (actions != NULL)
    aims_actions_count (actions, export->today, n_open, n_overdue);
}

static void
write_open_actions (AimsReviewExport *export,
                    lxw_worksheet    *sheet,
                    lxw_row_t         row,
                    lxw_col_t         col,
                    AimsRecord       *nc)
{
  guint n_open, n_overdue;

  count_actions (export, nc, &n_open, &n_overdue);
  aims_xlsx_write_number (export->xlsx, sheet, row, col, n_open,
                          aims_xlsx_format (export->xlsx, AIMS_XLSX_INTEGER));
}

static void
write_overdue_actions (AimsReviewExport *export,
                       lxw_worksheet    *sheet,
                       lxw_row_t         row,
                       lxw_col_t         col,
                       AimsRecord       *nc)
{
  guint n_open, n_overdue;

  count_actions (export, nc, &n_open, &n_overdue);
  aims_xlsx_write_number (export->xlsx, sheet, row, col, n_overdue,
                          aims_xlsx_format (export->xlsx, n_overdue > 0 ? AIMS_XLSX_WARNING : AIMS_XLSX_INTEGER));
}

gboolean
aims_review_sheet_nonconformities (AimsReviewExport  *export,
                                   GError           **error)
{
  const AimsReviewColumn extra[] = {
    { _("Open actions"), 13, write_open_actions },
    { _("Overdue actions"), 15, write_overdue_actions },
  };
  g_autoptr(GPtrArray) ncs = aims_store_list (export->db, aims_entity_nonconformities (), error);
  g_autoptr(GHashTable) by_nc = NULL;
  lxw_worksheet *sheet;

  if (ncs == NULL || (by_nc = aims_nc_load_actions_by_nc (export->db, error)) == NULL)
    return FALSE;
  /* The column writers get the record only: each carries the table. */
  for (guint i = 0; i < ncs->len; i++)
    g_object_set_data (g_ptr_array_index (ncs, i), "aims-review-actions-by-nc", by_nc);
  sheet = aims_xlsx_add_data_sheet (export->xlsx, _("Nonconformities"));
  aims_review_write_records (export, sheet, aims_entity_nonconformities (), ncs,
                             extra, G_N_ELEMENTS (extra), NULL);
  return TRUE;
}

/* ── Corrective actions ──────────────────────────────────────────────── */

static lxw_format *
action_cell_format (AimsReviewExport *export,
                    AimsRecord       *action,
                    const AimsField  *field)
{
  if (g_str_equal (field->name, "due_date") && aims_action_is_overdue (action, export->today))
    return aims_xlsx_format (export->xlsx, AIMS_XLSX_WARNING_DATE);
  return NULL;
}

static void
write_overdue (AimsReviewExport *export,
               lxw_worksheet    *sheet,
               lxw_row_t         row,
               lxw_col_t         col,
               AimsRecord       *action)
{
  gboolean overdue = aims_action_is_overdue (action, export->today);

  aims_xlsx_write_text (export->xlsx, sheet, row, col, overdue ? _("Yes") : _("No"),
                        overdue ? aims_xlsx_format (export->xlsx, AIMS_XLSX_WARNING) : NULL);
}

gboolean
aims_review_sheet_actions (AimsReviewExport  *export,
                           GError           **error)
{
  const AimsReviewColumn extra[] = { { _("Overdue"), 10, write_overdue } };
  g_autoptr(GPtrArray) actions = aims_store_list (export->db, aims_entity_actions (), error);
  lxw_worksheet *sheet;

  if (actions == NULL)
    return FALSE;
  sheet = aims_xlsx_add_data_sheet (export->xlsx, _("Corrective actions"));
  aims_review_write_records (export, sheet, aims_entity_actions (), actions,
                             extra, G_N_ELEMENTS (extra), action_cell_format);
  return TRUE;
}
