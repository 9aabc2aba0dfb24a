/* test-chart.c — the chart renderers' pixels: the target line at the
 * target's y, the at-risk band shaded on the right side of it for both
 * directions, the series' colour, labels drawn beside the axes, light and
 * dark; bars and donut segments in their items' colours
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>

#include "core-fixtures.h"

#define WIDTH  800
#define HEIGHT 420

typedef struct
{
  int red, green, blue;
} Pixel;

static Pixel
pixel_at (cairo_surface_t *surface,
          double           x,
          double           y)
{
  const unsigned char *data;
  int stride, ix = (int) floor (x), iy = (int) floor (y);
  Pixel pixel;

  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  g_assert_cmpint (ix, >=, 0);
  g_assert_cmpint (iy, >=, 0);
  g_assert_cmpint (ix, <, cairo_image_surface_get_width (surface));
  g_assert_cmpint (iy, <, cairo_image_surface_get_height (surface));
  /* ARGB32 in native endianness, opaque here: no premultiplication to undo. */
  pixel.blue = data[iy * stride + ix * 4 + 0];
  pixel.green = data[iy * stride + ix * 4 + 1];
  pixel.red = data[iy * stride + ix * 4 + 2];
  return pixel;
}

static void
assert_pixel_near (Pixel       pixel,
                   const char *colour,
                   int         tolerance)
{
  double r, g, b;

  g_assert_true (aims_risk_colour_parse (colour, &r, &g, &b));
  if (abs (pixel.red - (int) round (r * 255)) > tolerance ||
      abs (pixel.green - (int) round (g * 255)) > tolerance ||
      abs (pixel.blue - (int) round (b * 255)) > tolerance)
    g_error ("pixel (%d, %d, %d) is not %s", pixel.red, pixel.green, pixel.blue, colour);
}

/* Some pixel of the 3 × 3 around x, y is colour: for thin lines. */
static void
assert_near_point (cairo_surface_t *surface,
                   double           x,
                   double           y,
                   const char      *colour)
{
  double r, g, b;

  g_assert_true (aims_risk_colour_parse (colour, &r, &g, &b));
  for (int dy = -1; dy <= 1; dy++)
    for (int dx = -1; dx <= 1; dx++)
      {
        Pixel p = pixel_at (surface, x + dx, y + dy);

        if (abs (p.red - (int) round (r * 255)) <= 8 && abs (p.green - (int) round (g * 255)) <= 8 &&
            abs (p.blue - (int) round (b * 255)) <= 8)
          return;
      }
  g_error ("no pixel around (%g, %g) is %s", x, y, colour);
}

/* Background blended with the band's colour: warm, neither the background
 * nor the band's full colour. */
static void
assert_band_shaded (Pixel    pixel,
                    gboolean dark)
{
  g_assert_cmpint (pixel.red, >, pixel.blue + 15);
  g_assert_cmpint (pixel.green, >, pixel.blue + 5);
  if (dark)
    g_assert_cmpint (pixel.red, <, 120);
  else
    g_assert_cmpint (pixel.blue, <, 235);
}

static void
assert_background (Pixel    pixel,
                   gboolean dark)
{
  assert_pixel_near (pixel, dark ? "#242424" : "#ffffff", 2);
}

/* Twelve monthly values on the 15th, from 2024-07-15. */
static GArray *
monthly_points (const double *values,
                guint         n)
{
  GArray *points = g_array_new (FALSE, FALSE, sizeof (AimsMeasurementPoint));

  for (guint i = 0; i < n; i++)
    {
      AimsMeasurementPoint point;

      g_date_clear (&point.date, 1);
      g_date_set_dmy (&point.date, 15, 7, 2024);
      g_date_add_months (&point.date, i);
      point.value = values[i];
      g_array_append_val (points, point);
    }
  return points;
}

static cairo_surface_t *
render_series (const AimsTimeSeries *series,
               gboolean              dark,
               AimsChartFrame       *frame)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  cairo_t *cr = cairo_create (surface);
  AimsChartStyle style = { .dark = dark, .paint_background = TRUE };

  aims_chart_time_series_frame (cr, series, WIDTH, HEIGHT, frame);
  aims_chart_draw_time_series (cr, series, &style, WIDTH, HEIGHT);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  return surface;
}

/* How many pixels of a rectangle differ from the background: text. */
static guint
ink_in (cairo_surface_t *surface,
        double           x,
        double           y,
        double           width,
        double           height,
        gboolean         dark)
{
  guint ink = 0;

  for (double py = y; py < y + height; py++)
    for (double px = x; px < x + width; px++)
      {
        Pixel pixel = pixel_at (surface, px, py);
        int background = dark ? 36 : 255;

        ink += abs (pixel.red - background) > 60;
      }
  return ink;
}

static void
check_higher (gboolean dark)
{
  static const double values[] = { 52, 55, 61, 60, 66, 70, 73, 76, 79, 83, 86, 96 };
  g_autoptr(GArray) points = monthly_points (values, G_N_ELEMENTS (values));
  AimsObjectiveKpi kpi = { .direction = AIMS_DIRECTION_HIGHER, .has_target = TRUE, .target = 90,
                           .has_threshold = TRUE, .threshold = 75 };
  AimsTimeSeries series = { (AimsMeasurementPoint *) points->data, points->len, &kpi, "%", "Coverage" };
  const AimsMeasurementPoint *last = &g_array_index (points, AimsMeasurementPoint, points->len - 1);
  AimsChartFrame frame;
  cairo_surface_t *surface = render_series (&series, dark, &frame);
  double left = frame.plot.x + 3;
  double target_y = aims_chart_frame_y (&frame, 90);

  /* The frame holds every value, the target and the threshold. */
  g_assert_cmpfloat (frame.value_min, <=, 52);
  g_assert_cmpfloat (frame.value_max, >=, 96);
  g_assert_cmpfloat (target_y, >, frame.plot.y + 5);

  /* The target line where 90 is; the band below it, down to 75; nothing
   * above the line or below the band. */
  assert_pixel_near (pixel_at (surface, left, round (target_y) - 1), aims_chart_target_colour (dark), 4);
  assert_pixel_near (pixel_at (surface, left, round (target_y)), aims_chart_target_colour (dark), 4);
  assert_band_shaded (pixel_at (surface, left, aims_chart_frame_y (&frame, 82.5)), dark);
  assert_background (pixel_at (surface, left, aims_chart_frame_y (&frame, 95)), dark);
  assert_background (pixel_at (surface, left, aims_chart_frame_y (&frame, 65)), dark);

  /* The latest value's dot, in the series' colour. */
  assert_pixel_near (pixel_at (surface, aims_chart_frame_x (&frame, &last->date), aims_chart_frame_y (&frame, last->value)),
                     aims_chart_series_colour (dark), 4);
  g_assert_cmpint (aims_chart_time_series_point_at (&frame, &series, aims_chart_frame_x (&frame, &last->date) + 2,
                                                    aims_chart_frame_y (&frame, last->value) - 2, 6), ==, (int) points->len - 1);
  g_assert_cmpint (aims_chart_time_series_point_at (&frame, &series, frame.plot.x, frame.plot.y, 6), ==, -1);

  /* Dates under the plot, values left of it, the unit beside them, the
   * title and legend above. */
  g_assert_cmpuint (ink_in (surface, frame.plot.x, frame.plot.y + frame.plot.height + 3,
                            frame.plot.width, HEIGHT - frame.plot.y - frame.plot.height - 3, dark), >, 50);
  g_assert_cmpuint (ink_in (surface, 0, frame.plot.y, frame.plot.x - 2, frame.plot.height, dark), >, 50);
  g_assert_cmpuint (ink_in (surface, 0, 0, WIDTH, frame.plot.y - 2, dark), >, 100);
  /* The corner is background. */
  assert_background (pixel_at (surface, 1, HEIGHT - 2), dark);
  cairo_surface_destroy (surface);
}

static void
test_chart_series_higher (void)
{
  check_higher (FALSE);
}

static void
test_chart_series_dark (void)
{
  check_higher (TRUE);
}

/* Lower is better: the band lies above the target, up to the threshold. */
static void
test_chart_series_lower (void)
{
  static const double values[] = { 21, 19.5, 22, 18, 17, 16.5, 15, 13.5, 14, 12, 11, 9.5 };
  g_autoptr(GArray) points = monthly_points (values, G_N_ELEMENTS (values));
  AimsObjectiveKpi kpi = { .direction = AIMS_DIRECTION_LOWER, .has_target = TRUE, .target = 10,
                           .has_threshold = TRUE, .threshold = 14 };
  AimsTimeSeries series = { (AimsMeasurementPoint *) points->data, points->len, &kpi, "days", NULL };
  AimsChartFrame frame;
  cairo_surface_t *surface = render_series (&series, FALSE, &frame);
  double left = frame.plot.x + 3;
  double target_y = aims_chart_frame_y (&frame, 10);

  g_assert_cmpfloat (aims_chart_frame_y (&frame, 14), <, target_y);
  assert_pixel_near (pixel_at (surface, left, round (target_y) - 1), aims_chart_target_colour (FALSE), 4);
  assert_band_shaded (pixel_at (surface, left, aims_chart_frame_y (&frame, 12)), FALSE);
  assert_background (pixel_at (surface, left, aims_chart_frame_y (&frame, 7)), FALSE);
  assert_background (pixel_at (surface, left, aims_chart_frame_y (&frame, 17)), FALSE);
  cairo_surface_destroy (surface);
}

/* No values yet: the target line still shows; no band without a threshold;
 * a threshold on the wrong side draws no band either. */
static void
test_chart_series_empty (void)
{
  AimsObjectiveKpi kpi = { .direction = AIMS_DIRECTION_HIGHER, .has_target = TRUE, .target = 100,
                           .has_threshold = TRUE, .threshold = 120 };
  AimsTimeSeries series = { NULL, 0, &kpi, "%", "Supplier assessments" };
  AimsChartFrame frame;
  cairo_surface_t *surface = render_series (&series, FALSE, &frame);
  double target_y = aims_chart_frame_y (&frame, 100);

  assert_pixel_near (pixel_at (surface, frame.plot.x + 3, round (target_y) - 1), aims_chart_target_colour (FALSE), 4);
  for (double v = frame.value_min; v < frame.value_max; v += frame.value_step / 2)
    if (fabs (v - 100) > frame.value_step / 4)
      {
        Pixel p = pixel_at (surface, frame.plot.x + 3, aims_chart_frame_y (&frame, v) + 3);

        g_assert_cmpint (p.red - p.blue, <, 10);
      }
  /* "No measurements yet" in the middle of the plot. */
  g_assert_cmpuint (ink_in (surface, frame.plot.x + frame.plot.width / 4, frame.plot.y + frame.plot.height / 2 - 10,
                            frame.plot.width / 2, 20, FALSE), >, 20);
  cairo_surface_destroy (surface);
}

static void
test_chart_sparkline (void)
{
  static const double values[] = { 10, 40, 30, 80 };
  g_autoptr(GArray) points = monthly_points (values, G_N_ELEMENTS (values));
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 200, 40);
  cairo_t *cr = cairo_create (surface);
  AimsChartStyle style = { .paint_background = TRUE };
  double pad = MAX (2.0, 40 * 0.08);

  aims_chart_draw_sparkline (cr, (AimsMeasurementPoint *) points->data, points->len, NULL, "#e01b24",
                             &style, 200, 40);
  cairo_destroy (cr);
  /* The latest (highest) value ends at the top right, in the colour given;
   * the bottom right is empty. */
  assert_near_point (surface, 200 - pad, pad, "#e01b24");
  assert_background (pixel_at (surface, 199, 39), FALSE);
  /* The first (lowest) value at the bottom left. */
  assert_near_point (surface, pad, 40 - pad, "#e01b24");
  cairo_surface_destroy (surface);
}

static void
test_chart_bars (void)
{
  const AimsChartItem items[] = {
    { "Operation and monitoring", 3, "#e01b24" },
    { "Deployment", 6, "#33d17a" },
    { "Retired", 0, "#3584e4" },
    { "Inception", 1.5, NULL },
  };
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 500, 200);
  cairo_t *cr = cairo_create (surface);
  AimsChartStyle style = { .paint_background = TRUE };
  cairo_rectangle_t bars[G_N_ELEMENTS (items)];

  aims_chart_draw_bars (cr, items, G_N_ELEMENTS (items), &style, 500, 200);
  cairo_destroy (cr);
  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    aims_chart_bars_get_bar (items, G_N_ELEMENTS (items), i, 500, 200, &bars[i]);

  /* Lengths in proportion, top to bottom. */
  g_assert_cmpfloat (fabs (bars[1].width - 2 * bars[0].width), <=, 1);
  g_assert_cmpfloat (bars[2].width, ==, 0);
  g_assert_cmpfloat (bars[1].y, >, bars[0].y);
  assert_pixel_near (pixel_at (surface, bars[0].x + bars[0].width / 2, bars[0].y + bars[0].height / 2), "#e01b24", 2);
  assert_pixel_near (pixel_at (surface, bars[1].x + bars[1].width - 2, bars[1].y + bars[1].height / 2), "#33d17a", 2);
  assert_pixel_near (pixel_at (surface, bars[3].x + 2, bars[3].y + bars[3].height / 2), aims_chart_palette_colour (3), 2);
  /* Nothing where the bar of 0 would be; the labels on the left. */
  assert_background (pixel_at (surface, (bars[2].x + 500) / 2, bars[2].y + bars[2].height / 2), FALSE);
  g_assert_cmpuint (ink_in (surface, 0, bars[0].y, bars[0].x - 2, bars[0].height, FALSE), >, 20);
  cairo_surface_destroy (surface);
}

static void
check_donut (double width,
             double height)
{
  const AimsChartItem items[] = {
    { "On track", 3, "#2ec27e" },
    { "At risk", 1, "#e5a50a" },
    { "Off track", 0, "#e01b24" },
    { "Overdue", 2, "#9141ac" },
  };
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);
  AimsChartStyle style = { .dark = TRUE, .paint_background = TRUE };
  double total = 6, start = 0;
  AimsChartRing ring;

  aims_chart_draw_donut (cr, items, G_N_ELEMENTS (items), NULL, &style, width, height);
  cairo_destroy (cr);
  aims_chart_donut_get_ring (G_N_ELEMENTS (items), width, height, &ring);
  g_assert_cmpfloat (ring.inner, <, ring.outer);
  g_assert_cmpfloat (ring.cx - ring.outer, >=, 0);
  g_assert_cmpfloat (ring.cy + ring.outer, <=, height);

  /* Each segment, clockwise from twelve o'clock, has its item's colour in
   * the middle; an item of 0 has none. */
  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    {
      double sweep = 2 * G_PI * items[i].value / total;
      double angle = start + sweep / 2;
      double r = (ring.inner + ring.outer) / 2;
      double x = ring.cx + r * sin (angle), y = ring.cy - r * cos (angle);

      if (sweep > 0)
        {
          assert_pixel_near (pixel_at (surface, x, y), items[i].colour, 2);
          g_assert_cmpint (aims_chart_donut_item_at (items, G_N_ELEMENTS (items), width, height, x, y), ==, (int) i);
        }
      start += sweep;
    }
  /* The hole and the outside belong to no segment; the hole is background
   * away from the total written in it. */
  g_assert_cmpint (aims_chart_donut_item_at (items, G_N_ELEMENTS (items), width, height, ring.cx, ring.cy), ==, -1);
  g_assert_cmpint (aims_chart_donut_item_at (items, G_N_ELEMENTS (items), width, height,
                                             ring.cx, ring.cy - ring.outer - 2), ==, -1);
  assert_background (pixel_at (surface, ring.cx, ring.cy - ring.inner * 0.85), TRUE);
  g_assert_cmpuint (ink_in (surface, ring.cx - ring.inner / 2, ring.cy - ring.inner / 3,
                            ring.inner, ring.inner * 2 / 3, TRUE), >, 10);
  cairo_surface_destroy (surface);
}

static void
test_chart_donut (void)
{
  check_donut (460, 240);   /* legend beside */
  check_donut (240, 360);   /* legend below */
}

static void
test_chart_donut_empty (void)
{
  const AimsChartItem items[] = { { "On track", 0, "#2ec27e" }, { "At risk", 0, "#e5a50a" } };
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 400, 200);
  cairo_t *cr = cairo_create (surface);
  AimsChartStyle style = { .paint_background = TRUE };
  AimsChartRing ring;
  Pixel p;

  aims_chart_draw_donut (cr, items, G_N_ELEMENTS (items), NULL, &style, 400, 200);
  cairo_destroy (cr);
  aims_chart_donut_get_ring (G_N_ELEMENTS (items), 400, 200, &ring);
  p = pixel_at (surface, ring.cx, ring.cy - (ring.inner + ring.outer) / 2);
  g_assert_cmpint (p.red, <, 250);
  g_assert_cmpint (p.red, ==, p.blue);
  g_assert_cmpint (aims_chart_donut_item_at (items, G_N_ELEMENTS (items), 400, 200,
                                             ring.cx, ring.cy - (ring.inner + ring.outer) / 2), ==, -1);
  cairo_surface_destroy (surface);
}

int
main (int    argc,
      char **argv)
{
  fixture_init (&argc, &argv);

  g_test_add_func ("/chart/series/higher", test_chart_series_higher);
  g_test_add_func ("/chart/series/dark", test_chart_series_dark);
  g_test_add_func ("/chart/series/lower", test_chart_series_lower);
  g_test_add_func ("/chart/series/empty", test_chart_series_empty);
  g_test_add_func ("/chart/sparkline", test_chart_sparkline);
  g_test_add_func ("/chart/bars", test_chart_bars);
  g_test_add_func ("/chart/donut", test_chart_donut);
  g_test_add_func ("/chart/donut-empty", test_chart_donut_empty);

  return g_test_run ();
}
