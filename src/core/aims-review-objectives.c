/* aims-review-objectives.c — the workbook's Objectives and Measurements
 *
 * Objectives with the status the application computes (one function,
 * aims_objective_compute()), their latest value and when the next
 * measurement is due; under the table, one line chart per objective drawn
 * by Excel from the Measurements sheet, with its target.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "aims-date.h"
#include "aims-objective.h"
#include "aims-review-sheet.h"
#include "aims-store.h"

/* Measurements are written first in objective order, so that each chart
 * names one block of rows; where each block is. */
typedef struct
{
  gint64    objective_id;
  lxw_row_t first;
  lxw_row_t last;
} Block;

static void
write_status (AimsReviewExport *export,
              lxw_worksheet    *sheet,
              lxw_row_t         row,
              lxw_col_t         col,
              AimsRecord       *objective)
{
  gint64 id = aims_record_get_id (objective);
  AimsObjectiveStatus status;
  AimsObjectiveState state;

  aims_objective_compute (objective, g_hash_table_lookup (export->objective_series, &id), export->today, &status);
  state = status.state;
  aims_xlsx_write_text (export->xlsx, sheet, row, col, aims_objective_state_label (state),
                        aims_xlsx_fill (export->xlsx, aims_objective_state_colour (state)));
  if (status.has_latest)
    {
      g_autofree char *date = aims_date_format_iso (&status.latest_date);

      aims_xlsx_write_number (export->xlsx, sheet, row, col + 1, status.latest, NULL);
      aims_xlsx_write_date (export->xlsx, sheet, row, col + 2, date, NULL);
    }
  if (g_date_valid (&status.next_due))
    {
      g_autofree char *due = aims_date_format_iso (&status.next_due);

      aims_xlsx_write_date (export->xlsx, sheet, row, col + 3, due,
                            state == AIMS_OBJECTIVE_OVERDUE ? aims_xlsx_format (export->xlsx, AIMS_XLSX_WARNING_DATE)
                                                            : NULL);
    }
}

/* The extra columns are written by one function, the first of four. */
static void
write_nothing (AimsReviewExport *export,
               lxw_worksheet    *sheet,
               lxw_row_t         row,
               lxw_col_t         col,
               AimsRecord       *objective)
{
}

/* The Measurements sheet, objective by objective; the rows of each are
 * appended to blocks for the charts. Returns the sheet's name. */
static char *
write_measurements (AimsReviewExport  *export,
                    GPtrArray         *objectives,
                    GArray            *blocks,
                    GError           **error)
{
  const AimsXlsxColumn columns[] = {
    { _("Objective"), 12 }, { _("Title"), 40 }, { _("Measured on"), 12 }, { _("Value"), 10 }, { _("Note"), 40 },
  };
  lxw_worksheet *sheet = aims_xlsx_add_data_sheet (export->xlsx, _("Measurements"));
  g_autoptr(GPtrArray) per_objective = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  lxw_row_t first = 2, row;
  guint n_rows = 0;

  for (guint o = 0; o < objectives->len; o++)
    {
      GPtrArray *measured = aims_objective_list_measurements (export->db,
                                                              aims_record_get_id (g_ptr_array_index (objectives, o)),
                                                              error);

      if (measured == NULL)
        return NULL;
      g_ptr_array_add (per_objective, measured);
      n_rows += measured->len;
    }

  aims_xlsx_write_text (export->xlsx, sheet, 0, 0, _("Measurements"), aims_xlsx_format (export->xlsx, AIMS_XLSX_TITLE));
  aims_xlsx_add_table (export->xlsx, sheet, first, n_rows, columns, G_N_ELEMENTS (columns), TRUE);
  row = first + 1;
  for (guint o = 0; o < objectives->len; o++)
    {
      AimsRecord *objective = g_ptr_array_index (objectives, o);
      GPtrArray *measured = g_ptr_array_index (per_objective, o);
      Block block = { aims_record_get_id (objective), row, row + measured->len - 1 };

      for (guint m = 0; m < measured->len; m++, row++)
        {
          AimsRecord *measurement = g_ptr_array_index (measured, m);
          const char *value = aims_record_get (measurement, "value");

          aims_xlsx_write_text (export->xlsx, sheet, row, 0, aims_record_get_reference (objective), NULL);
          aims_xlsx_write_text (export->xlsx, sheet, row, 1, aims_record_get_title (objective), NULL);
          aims_xlsx_write_date (export->xlsx, sheet, row, 2, aims_record_get (measurement, "measured_on"), NULL);
          if (value != NULL)
            aims_xlsx_write_number (export->xlsx, sheet, row, 3, g_ascii_strtod (value, NULL), NULL);
          aims_xlsx_write_text (export->xlsx, sheet, row, 4, aims_record_get (measurement, "note"), NULL);
        }
      if (measured->len > 0)
        g_array_append_val (blocks, block);
    }
  return g_strdup (sheet->name);
}

/* One line chart per measured objective, two across, under the table. */
static void
write_charts (AimsReviewExport *export,
              lxw_worksheet    *sheet,
              GPtrArray        *objectives,
              GArray           *blocks,
              const char       *measurements,
              lxw_row_t         top)
{
  for (guint b = 0; b < blocks->len; b++)
    {
      const Block *block = &g_array_index (blocks, Block, b);
      lxw_chart *chart = workbook_add_chart (aims_xlsx_get_workbook (export->xlsx), LXW_CHART_LINE);
      lxw_chart_series *series = chart_add_series (chart, NULL, NULL);
      AimsRecord *objective = NULL;
      lxw_chart_options options = { .x_scale = 1.2, .y_scale = 1.0 };

      for (guint o = 0; o < objectives->len; o++)
        if (aims_record_get_id (g_ptr_array_index (objectives, o)) == block->objective_id)
          objective = g_ptr_array_index (objectives, o);
      chart_series_set_categories (series, measurements, block->first, 2, block->last, 2);
      chart_series_set_values (series, measurements, block->first, 3, block->last, 3);
      chart_series_set_marker_type (series, LXW_CHART_MARKER_CIRCLE);
      chart_title_set_name (chart, objective != NULL ? aims_record_get_title (objective) : "");
      chart_legend_set_position (chart, LXW_CHART_LEGEND_NONE);
      chart_axis_set_num_format (chart->x_axis, "yyyy-mm");
      if (objective != NULL && aims_record_get (objective, "kpi_unit") != NULL)
        chart_axis_set_name (chart->y_axis, aims_record_get (objective, "kpi_unit"));
      worksheet_insert_chart_opt (sheet, top + (b / 2) * 18, (b % 2) * 6, chart, &options);
    }
}

gboolean
aims_review_sheet_objectives (AimsReviewExport  *export,
                              GError           **error)
{
  const AimsReviewColumn extra[] = {
    { _("Status"), 16, write_status },
    { _("Latest value"), 12, write_nothing },
    { _("Latest on"), 12, write_nothing },
    { _("Next measurement due"), 14, write_nothing },
  };
  g_autoptr(GPtrArray) objectives = NULL;
  g_autoptr(GArray) blocks = g_array_new (FALSE, TRUE, sizeof (Block));
  g_autofree char *measurements = NULL;
  lxw_worksheet *sheet;

  objectives = aims_store_list (export->db, aims_entity_objectives (), error);
  if (objectives == NULL ||
      (export->objective_series = aims_objective_load_all_series (export->db, error)) == NULL)
    return FALSE;

  sheet = aims_xlsx_add_sheet (export->xlsx, _("Objectives"));
  aims_review_write_records (export, sheet, aims_entity_objectives (), objectives,
                             extra, G_N_ELEMENTS (extra), NULL);
  measurements = write_measurements (export, objectives, blocks, error);
  if (measurements != NULL)
    write_charts (export, sheet, objectives, blocks, measurements, 2 + objectives->len + 3);
  g_clear_pointer (&export->objective_series, g_hash_table_unref);
  return measurements != NULL;
}
