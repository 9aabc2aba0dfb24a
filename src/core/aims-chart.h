/* aims-chart.h — the charts of objectives and of the dashboard, drawn with
 * Cairo to any cairo_t
 *
 * One renderer per kind of chart, shared by the GUI (drawn in a widget's
 * snapshot), the exports (PNG, SVG, PDF) and the tests, the way
 * aims-heatmap.h draws the heatmap: plain data in, a picture of width ×
 * height user units out, light or dark. Text uses Cairo's toy API with the
 * "Sans" face, so the core needs no Pango.
 *
 * - a sparkline: a KPI's series in a card, with its target as a faint line;
 * - a time series: the series over time with dates along the x axis, the
 *   value axis titled with the unit, the target line and the at-risk band
 *   (between the at-risk threshold and the target) shaded;
 * - bars and a donut: counts per category with their colours, for the
 *   dashboard, the donut with a legend.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>

#include "aims-objective-status.h"

G_BEGIN_DECLS

typedef struct
{
  gboolean dark;              /* light text and lines for a dark background */
  gboolean paint_background;  /* fill the area first (files); a widget has its own */
} AimsChartStyle;

/* The colours every chart uses, "#rrggbb", for a GUI that draws a legend or
 * a swatch of its own beside a chart. */
const char *aims_chart_series_colour   (gboolean dark);  /* the KPI's line */
const char *aims_chart_target_colour   (gboolean dark);  /* the target line */
const char *aims_chart_band_colour     (void);           /* the at-risk band (drawn translucent) */
/* A category colour for index (wraps), for categories without one of their
 * own: the GNOME palette's blue, green, yellow, orange, red, purple, brown,
 * then darker shades. */
const char *aims_chart_palette_colour  (guint index);

/* ── Sparkline ─────────────────────────────────────────────────────────── */

/* The series (any order) as a line from its first to its latest value, the
 * latest marked with a dot, in colour ("#rrggbb"; NULL: the series colour).
 * kpi may be NULL; when it has a target, the target shows as a faint dashed
 * line. Nothing but the line: no axes, no text. Fewer than one point draws
 * nothing but the background. */
void     aims_chart_draw_sparkline     (cairo_t                    *cr,
                                        const AimsMeasurementPoint *points,
                                        guint                       n_points,
                                        const AimsObjectiveKpi     *kpi,
                                        const char                 *colour,
                                        const AimsChartStyle       *style,
                                        double                      width,
                                        double                      height);

/* ── Time series ───────────────────────────────────────────────────────── */

typedef struct
{
  const AimsMeasurementPoint *points;    /* any order */
  guint                       n_points;
  const AimsObjectiveKpi     *kpi;       /* target, threshold, direction; NULL: none */
  const char                 *unit;      /* titles the value axis; NULL or "": none */
  const char                 *title;     /* above the plot; NULL: none */
} AimsTimeSeries;

/* Where the plot of a time series falls, and its scales. */
typedef struct
{
  cairo_rectangle_t plot;        /* inside the axes */
  double            value_min;   /* at the bottom edge of plot */
  double            value_max;   /* at the top edge */
  double            value_step;  /* between two gridlines */
  guint32           day_first;   /* Julian day at the left edge */
  guint32           day_last;    /* Julian day at the right edge */
} AimsChartFrame;

/* The frame the series gets in width × height of cr (it measures text with
 * cr's font options, so pass the cairo_t that will draw). */
void     aims_chart_time_series_frame  (cairo_t                    *cr,
                                        const AimsTimeSeries       *series,
                                        double                      width,
                                        double                      height,
                                        AimsChartFrame             *frame);
/* The y of a value and the x of a day in a frame. */
double   aims_chart_frame_y            (const AimsChartFrame       *frame,
                                        double                      value);
double   aims_chart_frame_x            (const AimsChartFrame       *frame,
                                        const GDate                *date);
/* The point of series drawn nearest to x, y and at most radius from it, for
 * tooltips; -1 when none. */
int      aims_chart_time_series_point_at (const AimsChartFrame     *frame,
                                          const AimsTimeSeries     *series,
                                          double                    x,
                                          double                    y,
                                          double                    radius);
/* Draws the chart: gridlines with value labels, the unit as the value
 * axis's title, dates along the x axis, the at-risk band, the target line,
 * the series with a dot per value, and a legend of what is shown. With no
 * points it says so in the plot. */
void     aims_chart_draw_time_series   (cairo_t                    *cr,
                                        const AimsTimeSeries       *series,
                                        const AimsChartStyle       *style,
                                        double                      width,
                                        double                      height);

/* ── Categories: bars and donut ────────────────────────────────────────── */

typedef struct
{
  const char *label;   /* what a person reads */
  double      value;   /* a count; negative counts as 0 */
  const char *colour;  /* "#rrggbb"; NULL: aims_chart_palette_colour (index) */
} AimsChartItem;

/* One horizontal bar per item, top to bottom: the label on the left, the
 * bar scaled to the largest value, the value after it. */
void     aims_chart_draw_bars          (cairo_t                    *cr,
                                        const AimsChartItem        *items,
                                        guint                       n_items,
                                        const AimsChartStyle       *style,
                                        double                      width,
                                        double                      height);
/* The filled rectangle of item index's bar (zero width for 0), for tests
 * and hit-testing. */
void     aims_chart_bars_get_bar       (const AimsChartItem        *items,
                                        guint                       n_items,
                                        guint                       index,
                                        double                      width,
                                        double                      height,
                                        cairo_rectangle_t          *rect);

/* Where the ring of a donut falls. */
typedef struct
{
  double cx, cy;
  double outer;   /* radius */
  double inner;   /* radius of the hole */
} AimsChartRing;

/* A ring of one segment per item with a value, clockwise from twelve
 * o'clock in the items' order, centre (NULL: the total) in the hole, and a
 * legend of every item (colour, label, value) beside the ring, or below it
 * when the area is narrow. All zero draws an empty grey ring. */
void     aims_chart_draw_donut         (cairo_t                    *cr,
                                        const AimsChartItem        *items,
                                        guint                       n_items,
                                        const char                 *centre,
                                        const AimsChartStyle       *style,
                                        double                      width,
                                        double                      height);
void     aims_chart_donut_get_ring     (guint                       n_items,
                                        double                      width,
                                        double                      height,
                                        AimsChartRing              *ring);
/* The item whose segment is under x, y; -1 when none (the hole, the
 * legend, outside). */
int      aims_chart_donut_item_at      (const AimsChartItem        *items,
                                        guint                       n_items,
                                        double                      width,
                                        double                      height,
                                        double                      x,
                                        double                      y);

G_END_DECLS
