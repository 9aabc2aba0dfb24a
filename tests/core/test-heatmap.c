/* test-heatmap.c — heatmap counts against the database's own counts, the
 * renderer's pixels, hit-testing, and the PNG, SVG and PDF exports
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "core-fixtures.h"

/* ── Counts ────────────────────────────────────────────────────────────── */

typedef struct
{
  AimsDb         *db;
  AimsRiskMatrix *matrix;
  GPtrArray      *risks;
} DemoFixture;

static void
demo_set_up (DemoFixture   *f,
             gconstpointer  data)
{
  g_autofree char *path = fixture_create_demo_file ("demo.aims");
  g_autoptr(GError) error = NULL;

  f->db = fixture_open_db (path, AIMS_DB_OPEN_DEFAULT);
  f->matrix = aims_risk_matrix_load (f->db, &error);
  g_assert_no_error (error);
  f->risks = aims_store_list (f->db, aims_entity_risks (), &error);
  g_assert_no_error (error);
}

static void
demo_tear_down (DemoFixture   *f,
                gconstpointer  data)
{
  g_clear_pointer (&f->risks, g_ptr_array_unref);
  g_clear_pointer (&f->matrix, aims_risk_matrix_free);
  fixture_close_db (&f->db);
}

/* The counts of the filter as SQL finds them, cell by cell. */
static void
assert_counts_match_sql (DemoFixture             *f,
                         const AimsHeatmapFilter *filter,
                         const char              *where)
{
  for (int residual = 0; residual <= 1; residual++)
    {
      const char *l_column = residual ? "residual_likelihood" : "inherent_likelihood";
      const char *i_column = residual ? "residual_impact" : "inherent_impact";
      g_autofree char *open = g_strdup_printf ("(%s)%s", where,
                                               filter->include_closed ? "" : " AND coalesce(status, '') <> 'closed'");
      g_autofree char *unplaced_sql = g_strdup_printf ("SELECT count(*) FROM risk WHERE %s AND (%s IS NULL OR %s IS NULL)",
                                                       open, l_column, i_column);
      AimsHeatmapCounts counts;
      guint total = 0;

      aims_heatmap_counts_from_risks (f->matrix, f->risks, residual, filter, &counts);
      g_assert_cmpuint (counts.size, ==, f->matrix->size);
      g_assert_cmpint (counts.residual, ==, residual);
      for (guint l = 1; l <= counts.size; l++)
        for (guint i = 1; i <= counts.size; i++)
          {
            g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM risk WHERE %s AND %s = %u AND %s = %u",
                                                    open, l_column, l, i_column, i);

            g_assert_cmpint (aims_heatmap_counts_get (&counts, l, i), ==, fixture_query_int (f->db, sql));
            total += aims_heatmap_counts_get (&counts, l, i);
          }
      g_assert_cmpuint (counts.n_placed, ==, total);
      g_assert_cmpint (counts.n_unplaced, ==, fixture_query_int (f->db, unplaced_sql));
    }
}

static gint64
id_of (AimsDb     *db,
       const char *sql)
{
  gint64 id = fixture_query_int (db, sql);

  g_assert_cmpint (id, >, 0);
  return id;
}

static void
test_counts (DemoFixture   *f,
             gconstpointer  data)
{
  gint64 system = id_of (f->db, "SELECT id FROM ai_system WHERE name = 'CV screening and shortlisting'");
  gint64 owner = id_of (f->db, "SELECT id FROM person WHERE name = 'Jonas Aaltonen'");
  gint64 retired = id_of (f->db, "SELECT id FROM ai_system WHERE name = 'Branch cash demand forecast'");
  AimsHeatmapFilter every = { 0 };
  AimsHeatmapFilter with_closed = { .include_closed = TRUE };
  AimsHeatmapFilter one_system = { .ai_system_id = system };
  AimsHeatmapFilter closed_system = { .ai_system_id = retired, .include_closed = TRUE };
  AimsHeatmapFilter organisation = { .ai_system_id = AIMS_HEATMAP_ORGANISATION_WIDE };
  AimsHeatmapFilter one_owner = { .owner_id = owner };
  AimsHeatmapFilter one_category = { .source_category = "legal_compliance" };
  AimsHeatmapFilter combined = { .owner_id = owner, .source_category = "security" };
  g_autofree char *system_where = g_strdup_printf ("ai_system_id = %" G_GINT64_FORMAT, system);
  g_autofree char *retired_where = g_strdup_printf ("ai_system_id = %" G_GINT64_FORMAT, retired);
  g_autofree char *owner_where = g_strdup_printf ("owner_id = %" G_GINT64_FORMAT, owner);
  g_autofree char *combined_where = g_strdup_printf ("owner_id = %" G_GINT64_FORMAT " AND source_category = 'security'", owner);
  AimsHeatmapCounts counts;

  assert_counts_match_sql (f, &every, "1");
  assert_counts_match_sql (f, &with_closed, "1");
  assert_counts_match_sql (f, &one_system, system_where);
  assert_counts_match_sql (f, &closed_system, retired_where);
  assert_counts_match_sql (f, &organisation, "ai_system_id IS NULL");
  assert_counts_match_sql (f, &one_owner, owner_where);
  assert_counts_match_sql (f, &one_category, "source_category = 'legal_compliance'");
  assert_counts_match_sql (f, &combined, combined_where);

  /* The demo's heatmap tells a story: treatment moves risks down. */
  aims_heatmap_counts_from_risks (f->matrix, f->risks, FALSE, NULL, &counts);
  g_assert_cmpuint (counts.n_placed, >=, 30);
  g_assert_cmpuint (aims_heatmap_counts_get (&counts, 0, 1), ==, 0);
  g_assert_cmpuint (aims_heatmap_counts_get (&counts, 6, 1), ==, 0);
}

static void
test_describe (DemoFixture   *f,
               gconstpointer  data)
{
  AimsHeatmapCounts counts = { .size = 5 };
  g_autofree char *three = NULL;
  g_autofree char *one = NULL;

  counts.counts[3][4] = 3;
  counts.counts[0][0] = 1;
  three = aims_heatmap_describe_cell (f->matrix, &counts, 4, 5);
  one = aims_heatmap_describe_cell (f->matrix, &counts, 1, 1);
  g_assert_cmpstr (three, ==, "Likelihood 4 Likely, impact 5 Severe: 3 risks, band Critical");
  g_assert_cmpstr (one, ==, "Likelihood 1 Rare, impact 1 Negligible: 1 risk, band Low");
  g_assert_null (aims_heatmap_describe_cell (f->matrix, &counts, 6, 1));
}

/* ── Rendering ─────────────────────────────────────────────────────────── */

#define WIDTH  720
#define HEIGHT 600

/* Some counts, some empty cells, and a count of two digits. */
static void
sample_counts (guint              size,
               gboolean           residual,
               AimsHeatmapCounts *counts)
{
  memset (counts, 0, sizeof *counts);
  counts->size = size;
  counts->residual = residual;
  for (guint l = 0; l < size; l++)
    for (guint i = 0; i < size; i++)
      counts->counts[l][i] = (l * size + i) % 4 == 0 ? 0 : (l + 2 * i) % 5 + 1;
  counts->counts[size - 1][size - 1] = 12;
}

static cairo_surface_t *
render (const AimsRiskMatrix    *m,
        const AimsHeatmapCounts *counts,
        const AimsHeatmapStyle  *style)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  cairo_t *cr = cairo_create (surface);

  aims_heatmap_draw (cr, m, counts, style, WIDTH, HEIGHT);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

/* The pixel at x, y as 0xRRGGBB (the surfaces are opaque where sampled). */
static guint32
pixel (cairo_surface_t *surface,
       double           x,
       double           y)
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  guint32 argb = *(const guint32 *) (data + (int) y * stride + (int) x * 4);

  g_assert_cmpuint (argb >> 24, ==, 0xff);
  return argb & 0xffffff;
}

static guint32
colour_value (const char *colour)
{
  double r, g, b;

  g_assert_true (aims_risk_colour_parse (colour, &r, &g, &b));
  return ((guint32) (r * 255 + 0.5) << 16) | ((guint32) (g * 255 + 0.5) << 8) | (guint32) (b * 255 + 0.5);
}

/* The pixels of a square patch at the cell's centre, where a count goes. */
static GBytes *
centre_patch (cairo_surface_t         *surface,
              const cairo_rectangle_t *rect)
{
  GByteArray *patch = g_byte_array_new ();
  int half = (int) (rect->width * 0.2);
  int cx = (int) (rect->x + rect->width / 2), cy = (int) (rect->y + rect->height / 2);

  for (int y = cy - half; y <= cy + half; y++)
    for (int x = cx - half; x <= cx + half; x++)
      {
        guint32 value = pixel (surface, x, y);

        g_byte_array_append (patch, (const guint8 *) &value, sizeof value);
      }
  return g_byte_array_free_to_bytes (patch);
}

static gboolean
patch_is_plain (GBytes  *patch,
                guint32  colour)
{
  gsize n;
  const guint32 *values = g_bytes_get_data (patch, &n);

  for (gsize k = 0; k < n / sizeof (guint32); k++)
    if (values[k] != colour)
      return FALSE;
  return TRUE;
}

static void
test_cell_pixels (void)
{
  for (guint size = AIMS_RISK_MATRIX_MIN_SIZE; size <= AIMS_RISK_MATRIX_MAX_SIZE; size++)
    {
      g_autoptr(AimsRiskMatrix) m = aims_risk_matrix_new_for_size (size);
      g_autoptr(GHashTable) patches = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                             (GDestroyNotify) g_bytes_unref);
      AimsHeatmapStyle style = { .paint_background = TRUE };
      AimsHeatmapCounts counts;
      AimsHeatmapGrid grids[2];
      cairo_surface_t *surface;

      sample_counts (size, FALSE, &counts);
      surface = render (m, &counts, &style);
      g_assert_cmpuint (aims_heatmap_get_grids (m, FALSE, WIDTH, HEIGHT, grids), ==, 1);
      g_assert_cmpfloat (grids[0].cell, >=, 40);

      for (guint l = 1; l <= size; l++)
        for (guint i = 1; i <= size; i++)
          {
            const AimsRiskBand *band;
            cairo_rectangle_t rect;
            g_autoptr(GBytes) patch = NULL;
            guint32 fill;
            guint n = aims_heatmap_counts_get (&counts, l, i);
            int index;
            g_autofree char *key = NULL;
            GBytes *same;

            aims_risk_matrix_cell (m, l, i, NULL, &index);
            band = aims_risk_matrix_get_band (m, index);
            fill = colour_value (band->colour);
            aims_heatmap_grid_cell_rect (&grids[0], l, i, &rect);

            /* Away from the count, in from the rounded corners: the band's colour. */
            g_assert_cmphex (pixel (surface, rect.x + rect.width * 0.12, rect.y + rect.height * 0.5), ==, fill);
            g_assert_cmphex (pixel (surface, rect.x + rect.width * 0.5, rect.y + rect.height * 0.1), ==, fill);
            g_assert_cmphex (pixel (surface, rect.x + rect.width * 0.88, rect.y + rect.height * 0.88), ==, fill);

            /* An empty cell is plain; a count is drawn in the middle, and the
             * same count on the same colour looks the same everywhere. */
            patch = centre_patch (surface, &rect);
            g_assert_cmpint (patch_is_plain (patch, fill), ==, n == 0);
            key = g_strdup_printf ("%s/%u", band->colour, n);
            if ((same = g_hash_table_lookup (patches, key)) != NULL)
              g_assert_true (g_bytes_equal (same, patch));
            else
              g_hash_table_insert (patches, g_steal_pointer (&key), g_bytes_ref (patch));
          }
      /* Different counts on one colour look different. */
      for (guint b = 0; b < m->bands->len; b++)
        for (guint n = 1; n <= 12; n++)
          for (guint other = n + 1; other <= 12; other++)
            {
              const char *colour = g_array_index (m->bands, AimsRiskBand, b).colour;
              g_autofree char *a = g_strdup_printf ("%s/%u", colour, n);
              g_autofree char *c = g_strdup_printf ("%s/%u", colour, other);
              GBytes *pa = g_hash_table_lookup (patches, a), *pc = g_hash_table_lookup (patches, c);

              if (pa != NULL && pc != NULL)
                g_assert_false (g_bytes_equal (pa, pc));
            }
      cairo_surface_destroy (surface);
    }
}

static void
test_dark_and_focus (void)
{
  g_autoptr(AimsRiskMatrix) m = aims_risk_matrix_new_default ();
  AimsHeatmapStyle light = { .paint_background = TRUE };
  AimsHeatmapStyle dark = { .dark = TRUE, .paint_background = TRUE, .focus_likelihood = 2, .focus_impact = 3 };
  AimsHeatmapCounts counts;
  AimsHeatmapGrid grids[2];
  AimsHeatmapGrid *grid = &grids[0];
  cairo_rectangle_t rect;
  cairo_surface_t *light_surface, *dark_surface;
  int band;

  sample_counts (5, TRUE, &counts);
  light_surface = render (m, &counts, &light);
  dark_surface = render (m, &counts, &dark);
  aims_heatmap_get_grids (m, FALSE, WIDTH, HEIGHT, grids);

  g_assert_cmphex (pixel (light_surface, 1, 1), ==, 0xffffff);
  g_assert_cmphex (pixel (dark_surface, 1, 1), ==, 0x242424);

  /* Cells keep their band colours in the dark; the focused one has a ring. */
  aims_risk_matrix_cell (m, 2, 3, NULL, &band);
  aims_heatmap_grid_cell_rect (grid, 2, 3, &rect);
  g_assert_cmphex (pixel (dark_surface, rect.x + rect.width * 0.2, rect.y + rect.height * 0.5), ==,
                   colour_value (aims_risk_matrix_get_band (m, band)->colour));
  g_assert_cmphex (pixel (dark_surface, rect.x, rect.y + rect.height / 2), ==, 0xffffff);
  g_assert_cmphex (pixel (light_surface, rect.x, rect.y + rect.height / 2), ==,
                   colour_value (aims_risk_matrix_get_band (m, band)->colour));

  /* Without a background, what is not drawn stays transparent (a widget). */
  {
    AimsHeatmapStyle widget = { 0 };
    cairo_surface_t *surface = render (m, &counts, &widget);
    const guint8 *data = cairo_image_surface_get_data (surface);

    g_assert_cmpuint (*(const guint32 *) data, ==, 0);
    cairo_surface_destroy (surface);
  }
  cairo_surface_destroy (light_surface);
  cairo_surface_destroy (dark_surface);
}

static void
test_hit_testing (void)
{
  g_autoptr(AimsRiskMatrix) m = aims_risk_matrix_new_for_size (4);
  AimsHeatmapGrid grids[2];
  guint l, i;

  g_assert_cmpuint (aims_heatmap_get_grids (m, TRUE, 1200, 500, grids), ==, 2);
  g_assert_false (grids[0].residual);
  g_assert_true (grids[1].residual);
  g_assert_cmpfloat (grids[1].x, >, grids[0].x + grids[0].cell * 4);
  g_assert_cmpfloat (grids[0].y, ==, grids[1].y);

  for (guint k = 0; k < 2; k++)
    for (guint level = 1; level <= 4; level++)
      for (guint impact = 1; impact <= 4; impact++)
        {
          cairo_rectangle_t rect;

          aims_heatmap_grid_cell_rect (&grids[k], level, impact, &rect);
          g_assert_true (aims_heatmap_grid_cell_at (&grids[k], rect.x + rect.width / 2,
                                                    rect.y + rect.height / 2, &l, &i));
          g_assert_cmpuint (l, ==, level);
          g_assert_cmpuint (i, ==, impact);
          /* The gap right of a cell belongs to none. */
          g_assert_false (aims_heatmap_grid_cell_at (&grids[k], rect.x + rect.width + grids[k].gap / 2,
                                                     rect.y + 1, &l, &i));
        }
  /* Likelihood runs upwards: the top row is the highest. */
  g_assert_true (aims_heatmap_grid_cell_at (&grids[0], grids[0].x + 1, grids[0].y + 1, &l, &i));
  g_assert_cmpuint (l, ==, 4);
  g_assert_cmpuint (i, ==, 1);
  g_assert_false (aims_heatmap_grid_cell_at (&grids[0], grids[0].x - 1, grids[0].y + 1, &l, &i));
  g_assert_false (aims_heatmap_grid_cell_at (&grids[0], grids[0].x + 1, grids[0].y - 1, &l, &i));
}

/* The pair draws each grid with its own counts. */
static void
test_pair (void)
{
  g_autoptr(AimsRiskMatrix) m = aims_risk_matrix_new_default ();
  AimsHeatmapCounts inherent = { .size = 5 }, residual = { .size = 5, .residual = TRUE };
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1300, 560);
  cairo_t *cr = cairo_create (surface);
  AimsHeatmapStyle style = { .paint_background = TRUE };
  AimsHeatmapGrid grids[2];
  cairo_rectangle_t a, b;
  int band;

  inherent.counts[4][4] = 3;
  residual.counts[0][0] = 3;
  aims_heatmap_draw_pair (cr, m, &inherent, &residual, &style, 1300, 560);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  aims_heatmap_get_grids (m, TRUE, 1300, 560, grids);

  aims_heatmap_grid_cell_rect (&grids[0], 5, 5, &a);
  aims_heatmap_grid_cell_rect (&grids[1], 5, 5, &b);
  aims_risk_matrix_cell (m, 5, 5, NULL, &band);
  g_assert_cmphex (pixel (surface, a.x + a.width / 2, a.y + a.height / 2), !=,
                   colour_value (aims_risk_matrix_get_band (m, band)->colour));
  g_assert_cmphex (pixel (surface, b.x + b.width / 2, b.y + b.height / 2), ==,
                   colour_value (aims_risk_matrix_get_band (m, band)->colour));
  cairo_surface_destroy (surface);
}

/* ── Export ────────────────────────────────────────────────────────────── */

static GBytes *
export (AimsDb          *db,
        const char      *name,
        AimsHeatmapView  view)
{
  g_autofree char *path = fixture_path (name);
  g_autoptr(GError) error = NULL;

  g_assert_true (aims_heatmap_export (db, path, view, &error));
  g_assert_no_error (error);
  return fixture_read_bytes (path);
}

static gboolean
has_prefix (GBytes     *bytes,
            const char *prefix,
            gsize       len)
{
  return g_bytes_get_size (bytes) > len && memcmp (g_bytes_get_data (bytes, NULL), prefix, len) == 0;
}

static void
test_export (DemoFixture   *f,
             gconstpointer  data)
{
  g_autoptr(GBytes) png = export (f->db, "heatmap.png", AIMS_HEATMAP_INHERENT);
  g_autoptr(GBytes) residual = export (f->db, "residual.PNG", AIMS_HEATMAP_RESIDUAL);
  g_autoptr(GBytes) both = export (f->db, "both.png", AIMS_HEATMAP_BOTH);
  g_autoptr(GBytes) svg = export (f->db, "heatmap.svg", AIMS_HEATMAP_INHERENT);
  g_autoptr(GBytes) pdf = export (f->db, "heatmap.pdf", AIMS_HEATMAP_RESIDUAL);
  g_autofree char *png_path = fixture_path ("heatmap.png");
  g_autofree char *both_path = fixture_path ("both.png");
  g_autofree char *svg_text = g_strndup (g_bytes_get_data (svg, NULL), g_bytes_get_size (svg));
  cairo_surface_t *image = cairo_image_surface_create_from_png (png_path);
  cairo_surface_t *pair = cairo_image_surface_create_from_png (both_path);

  g_assert_true (has_prefix (png, "\x89PNG\r\n\x1a\n", 8));
  g_assert_true (has_prefix (residual, "\x89PNG\r\n\x1a\n", 8));
  g_assert_false (g_bytes_equal (png, residual));
  g_assert_true (has_prefix (pdf, "%PDF-", 5));
  g_assert_nonnull (strstr (svg_text, "<svg"));

  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (pair), >, cairo_image_surface_get_width (image));
  g_assert_cmpint (cairo_image_surface_get_height (pair), ==, cairo_image_surface_get_height (image));
  cairo_surface_destroy (image);
  cairo_surface_destroy (pair);

  /* A second export replaces the file. */
  {
    g_autoptr(GBytes) again = export (f->db, "heatmap.png", AIMS_HEATMAP_RESIDUAL);

    g_assert_true (g_bytes_equal (again, residual));
  }
}

static void
test_export_refused (DemoFixture   *f,
                     gconstpointer  data)
{
  g_autofree char *jpeg = fixture_path ("heatmap.jpg");
  g_autofree char *folder = fixture_path ("none");
  g_autofree char *missing = g_build_filename (folder, "deeper", "heatmap.svg", NULL);
  g_autofree char *kept = fixture_path ("kept.pdf");
  g_autofree char *kept_in_folder = g_build_filename (kept, "x.png", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) write_error = NULL;
  AimsHeatmapFormat format;

  g_assert_false (aims_heatmap_export (f->db, jpeg, AIMS_HEATMAP_INHERENT, &error));
  g_assert_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, ".png, .svg or .pdf"));
  g_assert_false (g_file_test (jpeg, G_FILE_TEST_EXISTS));
  g_assert_false (aims_heatmap_format_for_path ("heatmap", &format, NULL));
  g_assert_true (aims_heatmap_format_for_path ("A.Pdf", &format, NULL));
  g_assert_cmpint (format, ==, AIMS_HEATMAP_FORMAT_PDF);

  /* A folder that does not exist: the reason, naming the file. */
  g_assert_false (aims_heatmap_export (f->db, missing, AIMS_HEATMAP_INHERENT, &write_error));
  g_assert_error (write_error, AIMS_DB_ERROR, AIMS_DB_ERROR_FAILED);
  g_assert_nonnull (strstr (write_error->message, missing));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  g_clear_error (&write_error);

  /* A file in place of a folder. */
  fixture_write_bytes (kept, "x", 1);
  g_assert_false (aims_heatmap_export (f->db, kept_in_folder, AIMS_HEATMAP_INHERENT, &write_error));
  g_assert_error (write_error, AIMS_DB_ERROR, AIMS_DB_ERROR_FAILED);
}

/* A write error in the middle of the stream is reported, not swallowed. */
static void
test_write_error (void)
{
  g_autoptr(AimsRiskMatrix) m = aims_risk_matrix_new_default ();
  AimsHeatmapCounts counts;
  guint8 small[64];

  sample_counts (5, FALSE, &counts);
  for (AimsHeatmapFormat format = AIMS_HEATMAP_FORMAT_PNG; format <= AIMS_HEATMAP_FORMAT_PDF; format++)
    {
      g_autoptr(GOutputStream) out = g_memory_output_stream_new (small, sizeof small, NULL, NULL);
      g_autoptr(GError) error = NULL;

      g_assert_false (aims_heatmap_write (out, format, m, &counts, NULL, AIMS_HEATMAP_INHERENT, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
    }
}

int
main (int   argc,
      char *argv[])
{
  fixture_init (&argc, &argv);

  g_test_add ("/core/heatmap/counts", DemoFixture, NULL, demo_set_up, test_counts, demo_tear_down);
  g_test_add ("/core/heatmap/describe", DemoFixture, NULL, demo_set_up, test_describe, demo_tear_down);
  g_test_add_func ("/core/heatmap/cell-pixels", test_cell_pixels);
  g_test_add_func ("/core/heatmap/dark-and-focus", test_dark_and_focus);
  g_test_add_func ("/core/heatmap/hit-testing", test_hit_testing);
  g_test_add_func ("/core/heatmap/pair", test_pair);
  g_test_add ("/core/heatmap/export", DemoFixture, NULL, demo_set_up, test_export, demo_tear_down);
  g_test_add ("/core/heatmap/export-refused", DemoFixture, NULL, demo_set_up, test_export_refused, demo_tear_down);
  g_test_add_func ("/core/heatmap/write-error", test_write_error);

  return g_test_run ();
}
