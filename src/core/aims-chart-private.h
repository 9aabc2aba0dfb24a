/* aims-chart-private.h — what the chart renderers share: the palette of a
 * style and text in Cairo's toy API
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "aims-chart.h"

G_BEGIN_DECLS

typedef struct
{
  double red, green, blue, alpha;
} AimsChartRgba;

typedef struct
{
  AimsChartRgba background;
  AimsChartRgba text;
  AimsChartRgba dim;    /* axis labels, legends */
  AimsChartRgba grid;   /* gridlines, the empty ring */
} AimsChartPalette;

const AimsChartPalette *aims_chart_palette     (const AimsChartStyle *style);
/* Paints the background when the style asks for it. */
void    aims_chart_begin         (cairo_t              *cr,
                                  const AimsChartStyle *style,
                                  double                width,
                                  double                height);
void    aims_chart_set_rgba      (cairo_t              *cr,
                                  const AimsChartRgba  *colour);
/* "#rrggbb" with alpha; grey when colour does not parse. */
void    aims_chart_set_hex       (cairo_t              *cr,
                                  const char           *colour,
                                  double                alpha);

/* The base font size for an area. */
double  aims_chart_font_size     (double                width,
                                  double                height);
void    aims_chart_set_font      (cairo_t              *cr,
                                  double                size,
                                  gboolean              bold);
double  aims_chart_text_width    (cairo_t              *cr,
                                  const char           *text);
/* text cut to max_width with "…". */
char   *aims_chart_fit_text      (cairo_t              *cr,
                                  const char           *text,
                                  double                max_width);
/* Shows text with its left (align 0), centre (0.5) or right (1) at x and
 * its capitals centred on y. */
void    aims_chart_show_text     (cairo_t              *cr,
                                  const char           *text,
                                  double                x,
                                  double                y,
                                  double                align);

G_END_DECLS
