/* aims-chart-series.c — a KPI over time: dates along the x axis, values up
 * the y axis titled with the unit, the target line and the at-risk band
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "aims-chart-private.h"
#include "aims-number.h"

/* ── Scales ────────────────────────────────────────────────────────────── */

static gboolean
point_valid (const AimsMeasurementPoint *point)
{
  return g_date_valid (&point->date) && isfinite (point->value);
}

/* The at-risk threshold when it lies on the worse side of the target. */
static gboolean
band_limits (const AimsObjectiveKpi *kpi,
             double                 *threshold,
             double                 *target)
{
  AimsDirection direction;

  if (kpi == NULL || !kpi->has_target || !kpi->has_threshold)
    return FALSE;
  direction = aims_objective_kpi_get_direction (kpi);
  if (!(direction == AIMS_DIRECTION_HIGHER && kpi->threshold < kpi->target) &&
      !(direction == AIMS_DIRECTION_LOWER && kpi->threshold > kpi->target))
    return FALSE;
  *threshold = kpi->threshold;
  *target = kpi->target;
  return TRUE;
}

/* 1, 2, 2.5 or 5 times a power of ten, at least x. */
static double
nice_step (double x)
{
  double power = pow (10, floor (log10 (x)));
  double f = x / power;

  if (f <= 1)
    return power;
  if (f <= 2)
    return 2 * power;
  if (f <= 2.5)
    return 2.5 * power;
  if (f <= 5)
    return 5 * power;
  return 10 * power;
}

static void
value_scale (const AimsTimeSeries *series,
             AimsChartFrame       *frame)
{
  double low = G_MAXDOUBLE, high = -G_MAXDOUBLE;
  double threshold, target;

  for (guint i = 0; i < series->n_points; i++)
    if (point_valid (&series->points[i]))
      {
        low = MIN (low, series->points[i].value);
        high = MAX (high, series->points[i].value);
      }
  if (series->kpi != NULL && series->kpi->has_target)
    {
      low = MIN (low, series->kpi->target);
      high = MAX (high, series->kpi->target);
    }
  if (band_limits (series->kpi, &threshold, &target))
    {
      low = MIN (low, threshold);
      high = MAX (high, threshold);
    }
  if (low > high)
    low = 0, high = 1;
  /* Counts and percentages near zero read truer from zero. */
  if (low > 0 && low <= high - low)
    low = 0;
  if (high - low < 1e-9 * MAX (1.0, fabs (high)))
    {
      double pad = MAX (fabs (high) * 0.1, 1.0);

      low -= pad;
      high += pad;
    }

  frame->value_step = nice_step ((high - low) / 4);
  frame->value_min = floor (low / frame->value_step) * frame->value_step;
  frame->value_max = ceil (high / frame->value_step) * frame->value_step;
  if (frame->value_max <= frame->value_min)
    frame->value_max = frame->value_min + frame->value_step;
}

static void
day_scale (const AimsTimeSeries *series,
           AimsChartFrame       *frame)
{
  guint32 first = G_MAXUINT32, last = 0;
  guint32 pad;

  for (guint i = 0; i < series->n_points; i++)
    if (point_valid (&series->points[i]))
      {
        first = MIN (first, g_date_get_julian (&series->points[i].date));
        last = MAX (last, g_date_get_julian (&series->points[i].date));
      }
  if (first > last)
    {
      frame->day_first = frame->day_last = 0;
      return;
    }
  /* One value, or a few on close days, still gets a month of axis. */
  if (last - first < 30)
    {
      guint32 widen = (30 - (last - first)) / 2;

      first = first > widen ? first - widen : 1;
      last += widen;
    }
  pad = MAX (1u, (last - first) / 30);
  frame->day_first = first > pad ? first - pad : 1;
  frame->day_last = last + pad;
}

/* The decimals a gridline label needs at this step. */
static guint
step_decimals (double step)
{
  return step >= 1 ? 0 : (guint) MIN (6.0, ceil (-log10 (step) - 1e-9));
}

/* ── Layout ────────────────────────────────────────────────────────────── */

typedef struct
{
  double font;
  double margin;
  double header_h;   /* title and legend */
  double unit_w;     /* the value axis's title */
  double labels_w;   /* the gridlines' values */
  double below_h;    /* the dates */
} Layout;

static void
layout_compute (cairo_t              *cr,
                const AimsTimeSeries *series,
                double                width,
                double                height,
                Layout               *layout,
                AimsChartFrame       *frame)
{
  guint decimals;

  memset (layout, 0, sizeof *layout);
  memset (frame, 0, sizeof *frame);
  value_scale (series, frame);
  day_scale (series, frame);

  layout->font = aims_chart_font_size (width, height);
  layout->margin = layout->font;
  layout->header_h = layout->font * 2.6;
  layout->below_h = layout->font * 2.4;
  layout->unit_w = series->unit != NULL && *series->unit != '\0' ? layout->font * 2.0 : 0;

  cairo_save (cr);
  aims_chart_set_font (cr, layout->font * 0.9, FALSE);
  decimals = step_decimals (frame->value_step);
  for (double v = frame->value_min; v <= frame->value_max + frame->value_step / 2; v += frame->value_step)
    {
      g_autofree char *label = aims_number_format_display (v, decimals);

      layout->labels_w = MAX (layout->labels_w, aims_chart_text_width (cr, label));
    }
  cairo_restore (cr);
  layout->labels_w += layout->font * 0.8;

  frame->plot.x = round (layout->margin + layout->unit_w + layout->labels_w);
  frame->plot.y = round (layout->margin + layout->header_h);
  /* Room on the right for half of the last date's label. */
  frame->plot.width = MAX (1.0, round (width - frame->plot.x - layout->margin * 2.5));
  frame->plot.height = MAX (1.0, round (height - frame->plot.y - layout->below_h - layout->margin * 0.5));
}

void
aims_chart_time_series_frame (cairo_t              *cr,
                              const AimsTimeSeries *series,
                              double                width,
                              double                height,
                              AimsChartFrame       *frame)
{
  Layout layout;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (series != NULL && (series->points != NULL || series->n_points == 0));
  g_return_if_fail (frame != NULL);

  layout_compute (cr, series, width, height, &layout, frame);
}

double
aims_chart_frame_y (const AimsChartFrame *frame,
                    double                value)
{
  g_return_val_if_fail (frame != NULL, 0);

  return frame->plot.y + frame->plot.height * (frame->value_max - value) / (frame->value_max - frame->value_min);
}

double
aims_chart_frame_x (const AimsChartFrame *frame,
                    const GDate          *date)
{
  g_return_val_if_fail (frame != NULL && date != NULL, 0);

  if (frame->day_last <= frame->day_first || !g_date_valid (date))
    return frame->plot.x + frame->plot.width / 2;
  return frame->plot.x + frame->plot.width *
         ((double) g_date_get_julian (date) - frame->day_first) / (frame->day_last - frame->day_first);
}

int
aims_chart_time_series_point_at (const AimsChartFrame *frame,
                                 const AimsTimeSeries *series,
                                 double                x,
                                 double                y,
                                 double                radius)
{
  double best = radius;
  int found = -1;

  g_return_val_if_fail (frame != NULL && series != NULL, -1);

  for (guint i = 0; i < series->n_points; i++)
    {
      const AimsMeasurementPoint *p = &series->points[i];
      double d;

      if (!point_valid (p))
        continue;
      d = hypot (aims_chart_frame_x (frame, &p->date) - x, aims_chart_frame_y (frame, p->value) - y);
      if (d <= best)
        {
          best = d;
          found = (int) i;
        }
    }
  return found;
}

/* ── Drawing ───────────────────────────────────────────────────────────── */

static void
draw_value_axis (cairo_t                *cr,
                 const AimsTimeSeries   *series,
                 const AimsChartFrame   *frame,
                 const Layout           *layout,
                 const AimsChartPalette *palette)
{
  guint decimals = step_decimals (frame->value_step);

  aims_chart_set_font (cr, layout->font * 0.9, FALSE);
  cairo_set_line_width (cr, 1);
  for (double v = frame->value_min; v <= frame->value_max + frame->value_step / 2; v += frame->value_step)
    {
      g_autofree char *label = aims_number_format_display (v, decimals);
      double y = round (aims_chart_frame_y (frame, v)) + 0.5;

      aims_chart_set_rgba (cr, &palette->grid);
      cairo_move_to (cr, frame->plot.x, y);
      cairo_line_to (cr, frame->plot.x + frame->plot.width, y);
      cairo_stroke (cr);
      aims_chart_set_rgba (cr, &palette->dim);
      aims_chart_show_text (cr, label, frame->plot.x - layout->font * 0.5, y, 1.0);
    }

  if (layout->unit_w > 0)
    {
      g_autofree char *unit = NULL;

      cairo_save (cr);
      cairo_translate (cr, layout->margin + layout->unit_w / 2, frame->plot.y + frame->plot.height / 2);
      cairo_rotate (cr, -G_PI / 2);
      unit = aims_chart_fit_text (cr, series->unit, frame->plot.height);
      aims_chart_set_rgba (cr, &palette->text);
      aims_chart_show_text (cr, unit, 0, 0, 0.5);
      cairo_restore (cr);
    }
}

static void
show_date_label (cairo_t              *cr,
                 const AimsChartFrame *frame,
                 const Layout         *layout,
                 const GDate          *date,
                 const char           *format,
                 double                width)
{
  char label[64];
  double x = aims_chart_frame_x (frame, date);
  double half;

  if (g_date_strftime (label, sizeof label, format, date) == 0)
    return;
  /* Kept inside the picture at either end. */
  half = aims_chart_text_width (cr, label) / 2;
  x = CLAMP (x, half + 1, width - half - 1);
  aims_chart_show_text (cr, label, x, frame->plot.y + frame->plot.height + layout->below_h / 2, 0.5);
}

/* Month starts along the axis, every step months (aligned to January, so a
 * quarterly axis shows Jan, Apr, Jul, Oct), with as few steps as the labels
 * need to stay apart; a range without two month starts is labelled at its
 * first and last values. */
static void
draw_date_axis (cairo_t                *cr,
                const AimsTimeSeries   *series,
                const AimsChartFrame   *frame,
                const Layout           *layout,
                const AimsChartPalette *palette,
                double                  width)
{
  static const guint steps[] = { 1, 2, 3, 6, 12, 24, 60 };
  g_autoptr(GArray) months = g_array_new (FALSE, FALSE, sizeof (GDate));
  GDate day, first, last;
  double label_w;
  guint step = steps[G_N_ELEMENTS (steps) - 1];

  if (frame->day_last <= frame->day_first)
    return;
  aims_chart_set_font (cr, layout->font * 0.9, FALSE);
  aims_chart_set_rgba (cr, &palette->dim);
  g_date_clear (&day, 1);
  g_date_set_julian (&day, frame->day_first);
  if (g_date_get_day (&day) != 1)
    {
      g_date_set_day (&day, 1);
      g_date_add_months (&day, 1);
    }
  for (; g_date_get_julian (&day) <= frame->day_last; g_date_add_months (&day, 1))
    g_array_append_val (months, day);

  if (months->len < 2)
    {
      g_date_clear (&first, 1);
      g_date_clear (&last, 1);
      for (guint i = 0; i < series->n_points; i++)
        if (point_valid (&series->points[i]))
          {
            if (!g_date_valid (&first) || g_date_compare (&series->points[i].date, &first) < 0)
              first = series->points[i].date;
            if (!g_date_valid (&last) || g_date_compare (&series->points[i].date, &last) > 0)
              last = series->points[i].date;
          }
      /* Translators: a date on a chart's axis, see strftime(3): "3 Mar 2025" */
      show_date_label (cr, frame, layout, &first, _("%e %b %Y"), width);
      if (g_date_compare (&first, &last) != 0)
        show_date_label (cr, frame, layout, &last, _("%e %b %Y"), width);
      return;
    }

  /* Translators: a month on a chart's axis, see strftime(3): "Mar 2025" */
  label_w = aims_chart_text_width (cr, _("Sep 2025")) + layout->font;
  for (guint s = 0; s < G_N_ELEMENTS (steps); s++)
    if ((months->len / (double) steps[s]) * label_w <= frame->plot.width)
      {
        step = steps[s];
        break;
      }

  cairo_set_line_width (cr, 1);
  for (guint i = 0; i < months->len; i++)
    {
      GDate *month = &g_array_index (months, GDate, i);
      double x = round (aims_chart_frame_x (frame, month)) + 0.5;

      if ((g_date_get_month (month) - 1 + 12 * g_date_get_year (month)) % step != 0)
        continue;
      aims_chart_set_rgba (cr, &palette->grid);
      cairo_move_to (cr, x, frame->plot.y);
      cairo_line_to (cr, x, frame->plot.y + frame->plot.height);
      cairo_stroke (cr);
      aims_chart_set_rgba (cr, &palette->dim);
      /* Translators: a month on a chart's axis, see strftime(3): "Mar 2025";
       * with a year or more between labels, only the year: "2025" */
      show_date_label (cr, frame, layout, month, step >= 12 ? _("%Y") : _("%b %Y"), width);
    }
}

static void
draw_series (cairo_t                *cr,
             const AimsTimeSeries   *series,
             const AimsChartFrame   *frame,
             const Layout           *layout,
             const AimsChartStyle   *style,
             const AimsChartPalette *palette)
{
  const char *colour = aims_chart_series_colour (style != NULL && style->dark);
  g_autoptr(GArray) sorted = g_array_new (FALSE, FALSE, sizeof (AimsMeasurementPoint));
  double dot = MAX (2.5, layout->font * 0.3);

  for (guint i = 0; i < series->n_points; i++)
    if (point_valid (&series->points[i]))
      g_array_append_val (sorted, series->points[i]);
  /* A point begins with its date. */
  g_array_sort (sorted, (GCompareFunc) g_date_compare);

  aims_chart_set_hex (cr, colour, 1.0);
  cairo_set_line_width (cr, MAX (2.0, layout->font * 0.18));
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  for (guint i = 0; i < sorted->len; i++)
    {
      const AimsMeasurementPoint *p = &g_array_index (sorted, AimsMeasurementPoint, i);

      cairo_line_to (cr, aims_chart_frame_x (frame, &p->date), aims_chart_frame_y (frame, p->value));
    }
  cairo_stroke (cr);

  for (guint i = 0; i < sorted->len; i++)
    {
      const AimsMeasurementPoint *p = &g_array_index (sorted, AimsMeasurementPoint, i);
      double r = i + 1 == sorted->len ? dot * 1.5 : dot;

      cairo_arc (cr, aims_chart_frame_x (frame, &p->date), aims_chart_frame_y (frame, p->value),
                 r + 1.5, 0, 2 * G_PI);
      aims_chart_set_rgba (cr, &palette->background);
      cairo_fill (cr);
      cairo_arc (cr, aims_chart_frame_x (frame, &p->date), aims_chart_frame_y (frame, p->value),
                 r, 0, 2 * G_PI);
      aims_chart_set_hex (cr, colour, 1.0);
      cairo_fill (cr);
    }
}

/* One entry of the legend: a short line or a square, then the text; the
 * x after it. */
static double
legend_entry (cairo_t                *cr,
              const AimsChartPalette *palette,
              const char             *colour,
              double                  alpha,
              gboolean                square,
              const char             *text,
              double                  x,
              double                  y,
              double                  font)
{
  double mark = font * 1.4;

  aims_chart_set_hex (cr, colour, alpha);
  if (square)
    cairo_rectangle (cr, x, y - font * 0.45, mark, font * 0.9);
  else
    cairo_rectangle (cr, x, round (y) - 1, mark, 2);
  cairo_fill (cr);
  aims_chart_set_rgba (cr, &palette->dim);
  aims_chart_show_text (cr, text, x + mark + font * 0.4, y, 0.0);
  return x + mark + font * 0.4 + aims_chart_text_width (cr, text) + font * 1.2;
}

static void
draw_header (cairo_t                *cr,
             const AimsTimeSeries   *series,
             const AimsChartFrame   *frame,
             const Layout           *layout,
             const AimsChartStyle   *style,
             const AimsChartPalette *palette,
             double                  width)
{
  gboolean dark = style != NULL && style->dark;
  double y = layout->margin + layout->header_h / 2 - layout->font * 0.3;
  double x = frame->plot.x;
  double threshold, target;

  if (series->title != NULL)
    {
      g_autofree char *title = NULL;

      aims_chart_set_font (cr, layout->font * 1.1, TRUE);
      title = aims_chart_fit_text (cr, series->title, width * 0.45);
      aims_chart_set_rgba (cr, &palette->text);
      aims_chart_show_text (cr, title, layout->margin, y, 0.0);
      x = MAX (x, layout->margin + aims_chart_text_width (cr, title) + layout->font * 2);
    }

  aims_chart_set_font (cr, layout->font * 0.9, FALSE);
  x = legend_entry (cr, palette, aims_chart_series_colour (dark), 1.0, FALSE,
                    _("Value"), x, y, layout->font);
  if (series->kpi != NULL && series->kpi->has_target)
    {
      g_autofree char *number = aims_number_format_display (series->kpi->target, 6);
      /* Translators: in a chart's legend, "Target 100 %" */
      g_autofree char *text = series->unit != NULL && *series->unit != '\0'
                              ? g_strdup_printf (_("Target %s %s"), number, series->unit)
                              : g_strdup_printf (_("Target %s"), number);

      x = legend_entry (cr, palette, aims_chart_target_colour (dark), 1.0, FALSE, text, x, y, layout->font);
    }
  if (band_limits (series->kpi, &threshold, &target))
    legend_entry (cr, palette, aims_chart_band_colour (), 0.35, TRUE, _("At risk"), x, y, layout->font);
}

void
aims_chart_draw_time_series (cairo_t              *cr,
                             const AimsTimeSeries *series,
                             const AimsChartStyle *style,
                             double                width,
                             double                height)
{
  const AimsChartPalette *palette = aims_chart_palette (style);
  gboolean dark = style != NULL && style->dark;
  AimsChartFrame frame;
  Layout layout;
  double threshold, target;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (series != NULL && (series->points != NULL || series->n_points == 0));

  cairo_save (cr);
  aims_chart_begin (cr, style, width, height);
  layout_compute (cr, series, width, height, &layout, &frame);

  draw_value_axis (cr, series, &frame, &layout, palette);
  draw_date_axis (cr, series, &frame, &layout, palette, width);

  if (band_limits (series->kpi, &threshold, &target))
    {
      double y1 = aims_chart_frame_y (&frame, threshold);
      double y2 = aims_chart_frame_y (&frame, target);

      aims_chart_set_hex (cr, aims_chart_band_colour (), dark ? 0.3 : 0.22);
      cairo_rectangle (cr, frame.plot.x, MIN (y1, y2), frame.plot.width, fabs (y2 - y1));
      cairo_fill (cr);
    }
  if (series->kpi != NULL && series->kpi->has_target)
    {
      double y = aims_chart_frame_y (&frame, series->kpi->target);

      aims_chart_set_hex (cr, aims_chart_target_colour (dark), 1.0);
      cairo_rectangle (cr, frame.plot.x, round (y) - 1, frame.plot.width, 2);
      cairo_fill (cr);
    }

  if (frame.day_last > frame.day_first)
    draw_series (cr, series, &frame, &layout, style, palette);
  else
    {
      aims_chart_set_font (cr, layout.font, FALSE);
      aims_chart_set_rgba (cr, &palette->dim);
      aims_chart_show_text (cr, _("No measurements yet"), frame.plot.x + frame.plot.width / 2,
                            frame.plot.y + frame.plot.height / 2, 0.5);
    }

  draw_header (cr, series, &frame, &layout, style, palette, width);
  cairo_restore (cr);
}
