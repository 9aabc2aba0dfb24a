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

/* People and systems through the store (a new file numbers both from 1);
 * the risks in one statement, since inserting is not what is measured here. */
static void
fill (AimsDb *db)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;

  for (guint i = 0; i < N_PEOPLE + N_SYSTEMS; i++)
    {
      g_autoptr(GHashTable) values = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
      g_autoptr(AimsRecord) record = NULL;
      gboolean person = i < N_PEOPLE;

      g_hash_table_insert (values, "name", g_strdup_printf (person ? "Person %u" : "System %u", i));
      record = aims_store_insert (db, person ? aims_entity_people () : aims_entity_systems (),
                                  values, "bench", &error);
      g_assert_no_error (error);
    }

  sql = g_strdup_printf (
    "BEGIN IMMEDIATE;"
    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %d)"
    " INSERT INTO risk (reference, created_at, created_by, updated_at, updated_by, title,"
    "   ai_system_id, source_category, owner_id, inherent_likelihood, inherent_impact,"
    "   residual_likelihood, residual_impact, treatment, status, next_review_date)"
    " SELECT printf('RSK-%%06d', i), '2025-01-01T00:00:00Z', 'bench', '2025-01-01T00:00:00Z', 'bench',"
    "   'Risk ' || i,"
    "   CASE WHEN i %% 10 = 0 THEN NULL ELSE 1 + i %% %d END,"
    "   CASE i %% 7 WHEN 0 THEN 'data' WHEN 1 THEN 'model' WHEN 2 THEN 'operational'"
    "     WHEN 3 THEN 'societal_ethical' WHEN 4 THEN 'legal_compliance' WHEN 5 THEN 'security'"
    "     ELSE 'third_party' END,"
    "   1 + i %% %d,"
    "   1 + abs(random()) %% 5, 1 + abs(random()) %% 5,"
    "   CASE WHEN i %% 5 = 0 THEN NULL ELSE 1 + abs(random()) %% 3 END, 1 + abs(random()) %% 4,"
    "   'mitigate', CASE WHEN i %% 50 = 0 THEN 'closed' ELSE 'assessed' END, '2030-01-01'"
    " FROM n;"
    "COMMIT;", N_RISKS, N_SYSTEMS, N_PEOPLE);
  aims_db_exec (db, sql, &error);
  g_assert_no_error (error);
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
  fill (db);
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
