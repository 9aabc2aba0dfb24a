/* aims-objective-chart.c — an objective's KPI chart, for a window and for
 * files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "aims-image-file.h"
#include "aims-objective-chart.h"
#include "aims-store.h"

void
aims_objective_time_series_init (AimsTimeSeries   *series,
                                 AimsRecord       *objective,
                                 AimsObjectiveKpi *kpi,
                                 GArray           *points)
{
  g_return_if_fail (series != NULL);
  g_return_if_fail (AIMS_IS_RECORD (objective));
  g_return_if_fail (kpi != NULL);

  aims_objective_kpi_from_record (objective, kpi);
  series->points = points != NULL ? (const AimsMeasurementPoint *) points->data : NULL;
  series->n_points = points != NULL ? points->len : 0;
  series->kpi = kpi;
  series->unit = aims_record_get (objective, "kpi_unit");
  series->title = aims_record_get_title (objective);
}

static void
draw_series_cb (cairo_t  *cr,
                double    width,
                double    height,
                gpointer  user_data)
{
  AimsChartStyle style = { .paint_background = TRUE };

  aims_chart_draw_time_series (cr, user_data, &style, width, height);
}

gboolean
aims_objective_chart_export (AimsDb      *db,
                             const char  *id_or_reference,
                             const char  *path,
                             GError     **error)
{
  g_autoptr(AimsRecord) objective = NULL;
  g_autoptr(GArray) points = NULL;
  AimsObjectiveKpi kpi;
  AimsTimeSeries series;
  AimsImageFormat format;

  g_return_val_if_fail (AIMS_IS_DB (db), FALSE);
  g_return_val_if_fail (id_or_reference != NULL && path != NULL, FALSE);

  if (!aims_image_format_for_path (path, &format))
    {
      g_set_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_INVALID,
                   _("%s: a chart is written as .png, .svg or .pdf"), path);
      return FALSE;
    }
  if ((objective = aims_store_find (db, aims_entity_objectives (), id_or_reference, error)) == NULL ||
      (points = aims_objective_load_series (db, aims_record_get_id (objective), error)) == NULL)
    return FALSE;

  aims_objective_time_series_init (&series, objective, &kpi, points);
  return aims_image_write_file (path, format, AIMS_OBJECTIVE_CHART_WIDTH, AIMS_OBJECTIVE_CHART_HEIGHT,
                                aims_record_get_title (objective), draw_series_cb, &series, error);
}
