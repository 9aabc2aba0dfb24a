/* aims-chart.c — colours and text of the charts; the sparkline, the bars
 * and the donut (the time series is in aims-chart-series.c)
 *
 * Sizes follow from the area drawn, so a chart reads the same in a small
 * dashboard tile and in a large exported file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "aims-chart-private.h"
#include "aims-number.h"
#include "aims-risk-matrix.h"

/* ── Colours ───────────────────────────────────────────────────────────── */

/* libadwaita's window colours and text opacities, as aims-heatmap.c. */
static const AimsChartPalette light_palette = {
  { 1.0, 1.0, 1.0, 1.0 }, { 0.0, 0.0, 0.0, 0.8 }, { 0.0, 0.0, 0.0, 0.55 }, { 0.0, 0.0, 0.0, 0.1 },
};
static const AimsChartPalette dark_palette = {
  { 0.141, 0.141, 0.141, 1.0 }, { 1.0, 1.0, 1.0, 1.0 }, { 1.0, 1.0, 1.0, 0.6 }, { 1.0, 1.0, 1.0, 0.12 },
};

const AimsChartPalette *
aims_chart_palette (const AimsChartStyle *style)
{
  return style != NULL && style->dark ? &dark_palette : &light_palette;
}

const char *
aims_chart_series_colour (gboolean dark)
{
  /* GNOME Blue 3, and Blue 2 on dark for contrast. */
  return dark ? "#62a0ea" : "#3584e4";
}

const char *
aims_chart_target_colour (gboolean dark)
{
  /* Green 5, and Green 3 on dark. */
  return dark ? "#33d17a" : "#26a269";
}

const char *
aims_chart_band_colour (void)
{
  /* Yellow 5, the colour of "at risk". */
  return "#e5a50a";
}

const char *
aims_chart_palette_colour (guint index)
{
  static const char *const colours[] = {
    "#3584e4", "#33d17a", "#f6d32d", "#ff7800", "#e01b24", "#9141ac", "#986a44",
    "#1a5fb4", "#26a269", "#e5a50a", "#c64600", "#a51d2d", "#613583", "#63452c",
  };

  return colours[index % G_N_ELEMENTS (colours)];
}

void
aims_chart_set_rgba (cairo_t             *cr,
                     const AimsChartRgba *colour)
{
  cairo_set_source_rgba (cr, colour->red, colour->green, colour->blue, colour->alpha);
}

void
aims_chart_set_hex (cairo_t    *cr,
                    const char *colour,
                    double      alpha)
{
  double red, green, blue;

  if (colour == NULL || !aims_risk_colour_parse (colour, &red, &green, &blue))
    red = green = blue = 0.6;
  cairo_set_source_rgba (cr, red, green, blue, alpha);
}

void
aims_chart_begin (cairo_t              *cr,
                  const AimsChartStyle *style,
                  double                width,
                  double                height)
{
  if (style == NULL || !style->paint_background)
    return;
  aims_chart_set_rgba (cr, &aims_chart_palette (style)->background);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_fill (cr);
}

/* ── Text ──────────────────────────────────────────────────────────────── */

double
aims_chart_font_size (double width,
                      double height)
{
  return CLAMP (MIN (width / 2, height) / 22.0, 8.0, 14.0);
}

void
aims_chart_set_font (cairo_t  *cr,
                     double    size,
                     gboolean  bold)
{
  cairo_select_font_face (cr, "Sans", CAIRO_FONT_SLANT_NORMAL,
                          bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size (cr, size);
}

double
aims_chart_text_width (cairo_t    *cr,
                       const char *text)
{
  cairo_text_extents_t extents;

  cairo_text_extents (cr, text, &extents);
  return extents.x_advance;
}

char *
aims_chart_fit_text (cairo_t    *cr,
                     const char *text,
                     double      max_width)
{
  glong length = g_utf8_strlen (text, -1);

  if (aims_chart_text_width (cr, text) <= max_width)
    return g_strdup (text);
  /* Drop characters from the end until the rest and "…" fit. */
  for (glong keep = length - 1; keep > 0; keep--)
    {
      g_autofree char *head = g_utf8_substring (text, 0, keep);
      g_autofree char *candidate = g_strconcat (g_strchomp (head), "…", NULL);

      if (aims_chart_text_width (cr, candidate) <= max_width)
        return g_steal_pointer (&candidate);
    }
  return g_strdup ("…");
}

void
aims_chart_show_text (cairo_t    *cr,
                      const char *text,
                      double      x,
                      double      y,
                      double      align)
{
  cairo_font_extents_t font;

  cairo_font_extents (cr, &font);
  cairo_move_to (cr, x - align * aims_chart_text_width (cr, text),
                 y + (font.ascent - font.descent) / 2);
  cairo_show_text (cr, text);
}

/* ── Sparkline ─────────────────────────────────────────────────────────── */

void
aims_chart_draw_sparkline (cairo_t                    *cr,
                           const AimsMeasurementPoint *points,
                           guint                       n_points,
                           const AimsObjectiveKpi     *kpi,
                           const char                 *colour,
                           const AimsChartStyle       *style,
                           double                      width,
                           double                      height)
{
  g_autoptr(GArray) sorted = NULL;
  gboolean dark = style != NULL && style->dark;
  double low = G_MAXDOUBLE, high = -G_MAXDOUBLE;
  double pad = MAX (2.0, MIN (width, height) * 0.08);
  guint32 first, last;
  double x = 0, y = 0;
  gboolean target = kpi != NULL && kpi->has_target;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (points != NULL || n_points == 0);

  cairo_save (cr);
  aims_chart_begin (cr, style, width, height);
  sorted = g_array_sized_new (FALSE, FALSE, sizeof (AimsMeasurementPoint), n_points);
  for (guint i = 0; i < n_points; i++)
    if (g_date_valid (&points[i].date) && isfinite (points[i].value))
      g_array_append_val (sorted, points[i]);
  if (sorted->len == 0)
    {
      cairo_restore (cr);
      return;
    }
  /* A point begins with its date. */
  g_array_sort (sorted, (GCompareFunc) g_date_compare);

  for (guint i = 0; i < sorted->len; i++)
    {
      low = MIN (low, g_array_index (sorted, AimsMeasurementPoint, i).value);
      high = MAX (high, g_array_index (sorted, AimsMeasurementPoint, i).value);
    }
  if (target)
    {
      low = MIN (low, kpi->target);
      high = MAX (high, kpi->target);
    }
  if (high - low < 1e-9)
    {
      low -= 1;
      high += 1;
    }
  first = g_date_get_julian (&g_array_index (sorted, AimsMeasurementPoint, 0).date);
  last = g_date_get_julian (&g_array_index (sorted, AimsMeasurementPoint, sorted->len - 1).date);

#define SPARK_X(day) (pad + (width - 2 * pad) * (last > first ? ((double) (day) - first) / (last - first) : 0.5))
#define SPARK_Y(v)   (pad + (height - 2 * pad) * (high - (v)) / (high - low))

  if (target)
    {
      double dash = MAX (2.0, height * 0.06);

      cairo_save (cr);
      aims_chart_set_hex (cr, aims_chart_target_colour (dark), 0.6);
      cairo_set_line_width (cr, 1);
      cairo_set_dash (cr, &dash, 1, 0);
      cairo_move_to (cr, pad, round (SPARK_Y (kpi->target)) + 0.5);
      cairo_line_to (cr, width - pad, round (SPARK_Y (kpi->target)) + 0.5);
      cairo_stroke (cr);
      cairo_restore (cr);
    }

  aims_chart_set_hex (cr, colour != NULL ? colour : aims_chart_series_colour (dark), 1.0);
  cairo_set_line_width (cr, MAX (1.5, height * 0.05));
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  for (guint i = 0; i < sorted->len; i++)
    {
      const AimsMeasurementPoint *p = &g_array_index (sorted, AimsMeasurementPoint, i);

      x = SPARK_X (g_date_get_julian (&p->date));
      y = SPARK_Y (p->value);
      if (i == 0)
        cairo_move_to (cr, x, y);
      else
        cairo_line_to (cr, x, y);
    }
  cairo_stroke (cr);
  cairo_arc (cr, x, y, MAX (2.0, height * 0.07), 0, 2 * G_PI);
  cairo_fill (cr);
  cairo_restore (cr);

#undef SPARK_X
#undef SPARK_Y
}

/* ── Bars ──────────────────────────────────────────────────────────────── */

typedef struct
{
  double font;
  double label_w;   /* the labels' column */
  double value_w;   /* room for the value after the longest bar */
  double row_h;
  double bar_h;
  double top;
  double max_value;
} BarsLayout;

static double
item_value (const AimsChartItem *item)
{
  return isfinite (item->value) ? MAX (item->value, 0.0) : 0.0;
}

static void
bars_layout (const AimsChartItem *items,
             guint                n_items,
             double               width,
             double               height,
             BarsLayout          *layout)
{
  memset (layout, 0, sizeof *layout);
  layout->font = aims_chart_font_size (width, height);
  layout->label_w = round (width * 0.38);
  layout->value_w = layout->font * 4;
  layout->row_h = n_items > 0 ? MIN (height / n_items, layout->font * 3.0) : 0;
  layout->bar_h = round (layout->row_h * 0.62);
  layout->top = round ((height - layout->row_h * n_items) / 2);
  for (guint i = 0; i < n_items; i++)
    layout->max_value = MAX (layout->max_value, item_value (&items[i]));
}

void
aims_chart_bars_get_bar (const AimsChartItem *items,
                         guint                n_items,
                         guint                index,
                         double               width,
                         double               height,
                         cairo_rectangle_t   *rect)
{
  BarsLayout layout;
  double available;

  g_return_if_fail (items != NULL && index < n_items);
  g_return_if_fail (rect != NULL);

  bars_layout (items, n_items, width, height, &layout);
  available = MAX (0.0, width - layout.label_w - layout.font - layout.value_w);
  rect->x = layout.label_w + layout.font;
  rect->y = round (layout.top + index * layout.row_h + (layout.row_h - layout.bar_h) / 2);
  rect->height = layout.bar_h;
  rect->width = layout.max_value > 0 ? round (available * item_value (&items[index]) / layout.max_value) : 0;
}

static char *
value_text (double value)
{
  return aims_number_format_display (value, 1);
}

void
aims_chart_draw_bars (cairo_t              *cr,
                      const AimsChartItem  *items,
                      guint                 n_items,
                      const AimsChartStyle *style,
                      double                width,
                      double                height)
{
  const AimsChartPalette *palette = aims_chart_palette (style);
  BarsLayout layout;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (items != NULL || n_items == 0);

  cairo_save (cr);
  aims_chart_begin (cr, style, width, height);
  bars_layout (items, n_items, width, height, &layout);
  aims_chart_set_font (cr, layout.font, FALSE);

  for (guint i = 0; i < n_items; i++)
    {
      g_autofree char *label = aims_chart_fit_text (cr, items[i].label != NULL ? items[i].label : "",
                                                    layout.label_w);
      g_autofree char *number = value_text (item_value (&items[i]));
      double centre = layout.top + (i + 0.5) * layout.row_h;
      cairo_rectangle_t bar;

      aims_chart_bars_get_bar (items, n_items, i, width, height, &bar);

      aims_chart_set_rgba (cr, &palette->text);
      aims_chart_show_text (cr, label, layout.label_w, centre, 1.0);

      aims_chart_set_hex (cr, items[i].colour != NULL ? items[i].colour : aims_chart_palette_colour (i), 1.0);
      cairo_rectangle (cr, bar.x, bar.y, bar.width, bar.height);
      cairo_fill (cr);

      aims_chart_set_rgba (cr, &palette->dim);
      aims_chart_show_text (cr, number, bar.x + bar.width + layout.font * 0.5, centre, 0.0);
    }
  cairo_restore (cr);
}

/* ── Donut ─────────────────────────────────────────────────────────────── */

/* Side by side when the area is wide enough; else the legend below. */
static gboolean
donut_side_by_side (double width,
                    double height)
{
  return width >= height * 1.3;
}

static double
legend_row_height (double width,
                   double height)
{
  return aims_chart_font_size (width, height) * 1.9;
}

void
aims_chart_donut_get_ring (guint          n_items,
                           double         width,
                           double         height,
                           AimsChartRing *ring)
{
  double margin = aims_chart_font_size (width, height);

  g_return_if_fail (ring != NULL);

  if (donut_side_by_side (width, height))
    {
      ring->outer = MAX (1.0, MIN (height, width * 0.5) / 2 - margin);
      ring->cx = margin + ring->outer;
      ring->cy = height / 2;
    }
  else
    {
      double legend_h = n_items * legend_row_height (width, height);

      ring->outer = MAX (1.0, MIN (width, height - legend_h) / 2 - margin);
      ring->cx = width / 2;
      ring->cy = margin + ring->outer;
    }
  ring->inner = ring->outer * 0.6;
}

static double
items_total (const AimsChartItem *items,
             guint                n_items)
{
  double total = 0;

  for (guint i = 0; i < n_items; i++)
    total += item_value (&items[i]);
  return total;
}

int
aims_chart_donut_item_at (const AimsChartItem *items,
                          guint                n_items,
                          double               width,
                          double               height,
                          double               x,
                          double               y)
{
  double total = items_total (items, n_items);
  double distance, angle, start = 0;
  AimsChartRing ring;

  g_return_val_if_fail (items != NULL || n_items == 0, -1);

  aims_chart_donut_get_ring (n_items, width, height, &ring);
  distance = hypot (x - ring.cx, y - ring.cy);
  if (total <= 0 || distance < ring.inner || distance > ring.outer)
    return -1;
  /* Clockwise from twelve o'clock, in 0 … 2π. */
  angle = atan2 (x - ring.cx, -(y - ring.cy));
  if (angle < 0)
    angle += 2 * G_PI;
  for (guint i = 0; i < n_items; i++)
    {
      double sweep = 2 * G_PI * item_value (&items[i]) / total;

      if (sweep > 0 && angle >= start && angle < start + sweep)
        return (int) i;
      start += sweep;
    }
  return -1;
}

static void
draw_legend (cairo_t                *cr,
             const AimsChartItem    *items,
             guint                   n_items,
             const AimsChartPalette *palette,
             double                  x,
             double                  y,
             double                  max_width,
             double                  row_h,
             double                  font)
{
  double swatch = round (font * 0.9);

  aims_chart_set_font (cr, font, FALSE);
  for (guint i = 0; i < n_items; i++)
    {
      g_autofree char *number = value_text (item_value (&items[i]));
      g_autofree char *label = NULL;
      double centre = y + (i + 0.5) * row_h;
      double number_w = aims_chart_text_width (cr, number);

      aims_chart_set_hex (cr, items[i].colour != NULL ? items[i].colour : aims_chart_palette_colour (i), 1.0);
      cairo_rectangle (cr, x, round (centre - swatch / 2), swatch, swatch);
      cairo_fill (cr);

      label = aims_chart_fit_text (cr, items[i].label != NULL ? items[i].label : "",
                                   MAX (0.0, max_width - swatch - number_w - font * 1.6));
      aims_chart_set_rgba (cr, &palette->text);
      aims_chart_show_text (cr, label, x + swatch + font * 0.6, centre, 0.0);
      aims_chart_set_rgba (cr, &palette->dim);
      aims_chart_show_text (cr, number, x + max_width, centre, 1.0);
    }
}

void
aims_chart_draw_donut (cairo_t              *cr,
                       const AimsChartItem  *items,
                       guint                 n_items,
                       const char           *centre,
                       const AimsChartStyle *style,
                       double                width,
                       double                height)
{
  const AimsChartPalette *palette = aims_chart_palette (style);
  double total = items_total (items, n_items);
  double font = aims_chart_font_size (width, height);
  double row_h = legend_row_height (width, height);
  g_autofree char *total_text = NULL;
  double start = -G_PI / 2;
  AimsChartRing ring;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (items != NULL || n_items == 0);

  cairo_save (cr);
  aims_chart_begin (cr, style, width, height);
  aims_chart_donut_get_ring (n_items, width, height, &ring);

  if (total <= 0)
    {
      aims_chart_set_rgba (cr, &palette->grid);
      cairo_arc (cr, ring.cx, ring.cy, ring.outer, 0, 2 * G_PI);
      cairo_arc_negative (cr, ring.cx, ring.cy, ring.inner, 2 * G_PI, 0);
      cairo_fill (cr);
    }
  for (guint i = 0; i < n_items && total > 0; i++)
    {
      double sweep = 2 * G_PI * item_value (&items[i]) / total;

      if (sweep <= 0)
        continue;
      aims_chart_set_hex (cr, items[i].colour != NULL ? items[i].colour : aims_chart_palette_colour (i), 1.0);
      cairo_new_path (cr);
      cairo_arc (cr, ring.cx, ring.cy, ring.outer, start, start + sweep);
      cairo_arc_negative (cr, ring.cx, ring.cy, ring.inner, start + sweep, start);
      cairo_close_path (cr);
      cairo_fill (cr);
      start += sweep;
    }
  /* A thin line of the background where segments meet keeps neighbours of
   * similar colours apart. */
  start = -G_PI / 2;
  aims_chart_set_rgba (cr, &palette->background);
  cairo_set_line_width (cr, MAX (1.0, ring.outer * 0.02));
  for (guint i = 0; i < n_items && total > 0; i++)
    {
      double sweep = 2 * G_PI * item_value (&items[i]) / total;

      if (sweep <= 0 || sweep >= 2 * G_PI)
        continue;
      cairo_move_to (cr, ring.cx + ring.inner * cos (start), ring.cy + ring.inner * sin (start));
      cairo_line_to (cr, ring.cx + ring.outer * cos (start), ring.cy + ring.outer * sin (start));
      cairo_stroke (cr);
      start += sweep;
    }

  if (centre == NULL)
    centre = total_text = value_text (total);
  aims_chart_set_font (cr, MIN (ring.inner * 0.7, font * 2.4), TRUE);
  aims_chart_set_rgba (cr, &palette->text);
  aims_chart_show_text (cr, centre, ring.cx, ring.cy, 0.5);

  if (donut_side_by_side (width, height))
    {
      double x = ring.cx + ring.outer + font * 1.5;

      draw_legend (cr, items, n_items, palette, x, height / 2 - n_items * row_h / 2,
                   width - x - font, row_h, font);
    }
  else
    draw_legend (cr, items, n_items, palette, font, ring.cy + ring.outer + font,
                 width - 2 * font, row_h, font);
  cairo_restore (cr);
}
