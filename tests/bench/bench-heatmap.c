/* bench-heatmap.c — the risk heatmap over 100,000 risks
 *
 * Prints figures; asserts nothing about time. Loading the register, counting
 * it into cells and drawing are reported apart, since the GUI loads once
 * and then counts and draws again whenever a filter changes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>

#include "aims-core.h"
#include "bench-fill.h"

#define N_RISKS   100000
#define N_SYSTEMS 40
#define N_PEOPLE  25
#define N_DRAWS   20
#define WIDTH     800
#define HEIGHT    680

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1e3;
}

static double
draw_ms (const AimsRiskMatrix    *matrix,
         const AimsHeatmapCounts *inherent,
         const AimsHeatmapCounts *residual,
         gboolean                 pair)
{
  double width = pair ? 2 * WIDTH : WIDTH;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, HEIGHT);
  AimsHeatmapStyle style = { .paint_background = TRUE, .focus_likelihood = 3, .focus_impact = 4 };
  gint64 start = g_get_monotonic_time ();

  for (guint k = 0; k < N_DRAWS; k++)
    {
      cairo_t *cr = cairo_create (surface);

      if (pair)
        aims_heatmap_draw_pair (cr, matrix, inherent, residual, &style, width, HEIGHT);
      else
        aims_heatmap_draw (cr, matrix, inherent, &style, width, HEIGHT);
      cairo_destroy (cr);
      cairo_surface_flush (surface);
    }
  cairo_surface_destroy (surface);
  return ms_since (start) / N_DRAWS;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("aims-bench-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "bench.aimsdb", NULL);
  g_autofree char *png = g_build_filename (dir, "heatmap.png", NULL);
  g_autoptr(AimsDb) db = aims_db_open (path, AIMS_DB_OPEN_CREATE, &error);
  g_autoptr(AimsRiskMatrix) matrix = NULL;
  g_autoptr(GPtrArray) risks = NULL;
  AimsHeatmapCounts inherent, residual, filtered;
  AimsHeatmapFilter one_system = { 0 };
  double t_load, t_count, t_filter, t_draw, t_pair, t_export;
  gint64 start;

  g_assert_no_error (error);
  bench_fill_risks (db, N_RISKS, N_SYSTEMS, N_PEOPLE);
  matrix = aims_risk_matrix_load (db, &error);
  g_assert_no_error (error);

  start = g_get_monotonic_time ();
  risks = aims_store_list (db, aims_entity_risks (), &error);
  g_assert_no_error (error);
  t_load = ms_since (start);
  g_assert_cmpuint (risks->len, ==, N_RISKS);

  start = g_get_monotonic_time ();
  aims_heatmap_counts_from_risks (matrix, risks, FALSE, NULL, &inherent);
  aims_heatmap_counts_from_risks (matrix, risks, TRUE, NULL, &residual);
  t_count = ms_since (start) / 2;

  one_system.ai_system_id = g_ascii_strtoll (aims_record_get (risks->pdata[1], "ai_system_id"), NULL, 10);
  one_system.source_category = "model";
  start = g_get_monotonic_time ();
  aims_heatmap_counts_from_risks (matrix, risks, FALSE, &one_system, &filtered);
  t_filter = ms_since (start);

  t_draw = draw_ms (matrix, &inherent, &residual, FALSE);
  t_pair = draw_ms (matrix, &inherent, &residual, TRUE);

  start = g_get_monotonic_time ();
  g_assert_true (aims_heatmap_export (db, png, AIMS_HEATMAP_INHERENT, &error));
  g_assert_no_error (error);
  t_export = ms_since (start);

  g_print ("heatmap over %u risks (%u placed inherent, %u residual, %u not assessed residual):\n",
           N_RISKS, inherent.n_placed, residual.n_placed, residual.n_unplaced);
  g_print ("  load register (aims_store_list)      %8.1f ms  (%.2f us/risk)\n", t_load, t_load * 1e3 / N_RISKS);
  g_print ("  count one view into cells             %8.2f ms  (%.1f ns/risk)\n", t_count, t_count * 1e6 / N_RISKS);
  g_print ("  count with a system+category filter   %8.2f ms  (%u risks match)\n", t_filter, filtered.n_placed);
  g_print ("  draw one heatmap %dx%d (image)       %8.2f ms\n", WIDTH, HEIGHT, t_draw);
  g_print ("  draw inherent+residual %dx%d         %8.2f ms\n", 2 * WIDTH, HEIGHT, t_pair);
  g_print ("  export PNG end to end (load+count+draw+write, 2x) %8.1f ms\n", t_export);

  g_clear_object (&db);
  g_unlink (png);
  g_unlink (path);
  g_rmdir (dir);
  return 0;
}
