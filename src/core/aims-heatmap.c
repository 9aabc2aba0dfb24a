/* aims-heatmap.c — the risk heatmap: counts per cell, and the one renderer
 *
 * Drawing uses Cairo alone (its toy text API with the "Sans" face), so the
 * core needs no Pango and the picture is the same on screen and in files.
 * Sizes follow from the area drawn: fonts from its smaller side, cells square
 * and whole pixels, so that the grid is sharp at any size and scale.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "aims-heatmap.h"
#include "aims-risk.h"

/* ── Counting ──────────────────────────────────────────────────────────── */

static gint64
stored_id (AimsRecord *risk,
           const char *field)
{
  const char *text = aims_record_get (risk, field);

  return text != NULL ? g_ascii_strtoll (text, NULL, 10) : 0;
}

gboolean
aims_heatmap_filter_matches (const AimsHeatmapFilter *filter,
                             AimsRecord              *risk)
{
  static const AimsHeatmapFilter every_open_risk = { 0 };

  g_return_val_if_fail (AIMS_IS_RECORD (risk), FALSE);

  if (filter == NULL)
    filter = &every_open_risk;
  if (!filter->include_closed && aims_risk_is_closed (risk))
    return FALSE;
  if (filter->ai_system_id == AIMS_HEATMAP_ORGANISATION_WIDE
      ? aims_record_get (risk, "ai_system_id") != NULL
      : filter->ai_system_id != 0 && stored_id (risk, "ai_system_id") != filter->ai_system_id)
    return FALSE;
  if (filter->owner_id != 0 && stored_id (risk, "owner_id") != filter->owner_id)
    return FALSE;
  if (filter->source_category != NULL &&
      g_strcmp0 (aims_record_get (risk, "source_category"), filter->source_category) != 0)
    return FALSE;
  return TRUE;
}

void
aims_heatmap_counts_from_risks (const AimsRiskMatrix    *matrix,
                                GPtrArray               *risks,
                                gboolean                 residual,
                                const AimsHeatmapFilter *filter,
                                AimsHeatmapCounts       *counts)
{
  g_return_if_fail (matrix != NULL);
  g_return_if_fail (risks != NULL);
  g_return_if_fail (counts != NULL);

  memset (counts, 0, sizeof *counts);
  counts->size = matrix->size;
  counts->residual = residual;
  for (guint r = 0; r < risks->len; r++)
    {
      AimsRecord *risk = g_ptr_array_index (risks, r);
      guint likelihood, impact;

      if (!aims_heatmap_filter_matches (filter, risk))
        continue;
      if (aims_risk_get_levels (matrix, risk, residual, &likelihood, &impact))
        {
          counts->counts[likelihood - 1][impact - 1]++;
          counts->n_placed++;
        }
      else
        counts->n_unplaced++;
    }
}

guint
aims_heatmap_counts_get (const AimsHeatmapCounts *counts,
                         guint                    likelihood,
                         guint                    impact)
{
  g_return_val_if_fail (counts != NULL, 0);

  if (likelihood < 1 || likelihood > counts->size || impact < 1 || impact > counts->size)
    return 0;
  return counts->counts[likelihood - 1][impact - 1];
}

static char *
risks_text (guint n)
{
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u risk", "%u risks", n), n);
}

char *
aims_heatmap_describe_cell (const AimsRiskMatrix    *matrix,
                            const AimsHeatmapCounts *counts,
                            guint                    likelihood,
                            guint                    impact)
{
  g_autofree char *n_risks = NULL;
  const AimsRiskBand *band;
  int index;

  g_return_val_if_fail (matrix != NULL, NULL);
  g_return_val_if_fail (counts != NULL, NULL);

  if (!aims_risk_matrix_cell (matrix, likelihood, impact, NULL, &index))
    return NULL;
  band = aims_risk_matrix_get_band (matrix, index);
  n_risks = risks_text (aims_heatmap_counts_get (counts, likelihood, impact));
  /* Translators: "Likelihood 4 Likely, impact 5 Severe: 3 risks, band Critical" */
  return g_strdup_printf (_("Likelihood %u %s, impact %u %s: %s, band %s"),
                          likelihood, aims_risk_matrix_level_label (matrix, AIMS_RISK_AXIS_LIKELIHOOD, likelihood),
                          impact, aims_risk_matrix_level_label (matrix, AIMS_RISK_AXIS_IMPACT, impact),
                          n_risks, band != NULL ? band->name : "?");
}

/* ── Layout ────────────────────────────────────────────────────────────── */

typedef struct
{
  double          font;        /* the base font size */
  double          margin;
  double          title_h;     /* above a grid */
  double          labels_w;    /* left of a grid: level numbers and labels */
  double          axis_w;      /* left of the labels: the vertical axis title */
  double          below_h;     /* below a grid: numbers, labels, axis title */
  double          legend_h;
  double          legend_y;    /* top of the legend row */
  double          width;
  guint           n_grids;
  AimsHeatmapGrid grids[2];
} Layout;

static void
compute_layout (guint   size,
                guint   n_grids,
                double  width,
                double  height,
                Layout *layout)
{
  double panel_w, avail_w, avail_h, cell, content_w, content_h, top;

  memset (layout, 0, sizeof *layout);
  layout->width = width;
  layout->n_grids = n_grids;
  layout->font = CLAMP (MIN (width / n_grids, height) / 44.0, 8.0, 14.0);
  layout->margin = layout->font * 1.2;
  layout->title_h = layout->font * 2.6;
  layout->axis_w = layout->font * 2.0;
  layout->below_h = layout->font * 6.2;
  layout->legend_h = layout->font * 2.8;

  panel_w = (width - 2 * layout->margin) / n_grids;
  layout->labels_w = CLAMP (panel_w * 0.24, layout->font * 5.0, layout->font * 10.0);
  avail_w = panel_w - layout->axis_w - layout->labels_w - layout->font;
  avail_h = height - 2 * layout->margin - layout->title_h - layout->below_h - layout->legend_h;
  cell = floor (MAX (MIN (avail_w, avail_h) / size, 4.0));

  content_w = layout->axis_w + layout->labels_w + cell * size + layout->font;
  content_h = layout->title_h + cell * size + layout->below_h + layout->legend_h;
  top = layout->margin + MAX (0.0, (height - 2 * layout->margin - content_h) / 2);

  for (guint k = 0; k < n_grids; k++)
    {
      AimsHeatmapGrid *grid = &layout->grids[k];
      double left = layout->margin + k * panel_w + MAX (0.0, (panel_w - content_w) / 2);

      grid->x = round (left + layout->axis_w + layout->labels_w);
      grid->y = round (top + layout->title_h);
      grid->cell = cell;
      grid->gap = MAX (2.0, round (cell * 0.05));
      grid->size = size;
      grid->residual = n_grids == 2 && k == 1;
    }
  layout->legend_y = layout->grids[0].y + cell * size + layout->below_h;
}

guint
aims_heatmap_get_grids (const AimsRiskMatrix *matrix,
                        gboolean              pair,
                        double                width,
                        double                height,
                        AimsHeatmapGrid       grids[2])
{
  Layout layout;

  g_return_val_if_fail (matrix != NULL, 0);

  compute_layout (matrix->size, pair ? 2 : 1, width, height, &layout);
  for (guint k = 0; k < layout.n_grids; k++)
    grids[k] = layout.grids[k];
  return layout.n_grids;
}

gboolean
aims_heatmap_grid_cell_at (const AimsHeatmapGrid *grid,
                           double                 x,
                           double                 y,
                           guint                 *likelihood,
                           guint                 *impact)
{
  double column, row;

  g_return_val_if_fail (grid != NULL, FALSE);

  column = floor ((x - grid->x) / grid->cell);
  row = floor ((y - grid->y) / grid->cell);
  if (column < 0 || row < 0 || column >= grid->size || row >= grid->size ||
      x - grid->x - column * grid->cell > grid->cell - grid->gap ||
      y - grid->y - row * grid->cell > grid->cell - grid->gap)
    return FALSE;
  if (impact != NULL)
    *impact = (guint) column + 1;
  if (likelihood != NULL)
    *likelihood = grid->size - (guint) row;
  return TRUE;
}

void
aims_heatmap_grid_cell_rect (const AimsHeatmapGrid *grid,
                             guint                  likelihood,
                             guint                  impact,
                             cairo_rectangle_t     *rect)
{
  g_return_if_fail (grid != NULL && rect != NULL);

  rect->x = grid->x + (impact - 1) * grid->cell;
  rect->y = grid->y + (grid->size - likelihood) * grid->cell;
  rect->width = grid->cell - grid->gap;
  rect->height = grid->cell - grid->gap;
}

/* ── Colours ───────────────────────────────────────────────────────────── */

typedef struct
{
  double red, green, blue, alpha;
} Rgba;

typedef struct
{
  Rgba background;
  Rgba text;
  Rgba dim;      /* level numbers, summaries */
  Rgba line;     /* the appetite line, the focus ring */
  Rgba badge;    /* under a cell's count */
} Palette;

/* libadwaita's window colours and text opacities. */
static const Palette light_palette = {
  { 1.0, 1.0, 1.0, 1.0 }, { 0.0, 0.0, 0.0, 0.8 }, { 0.0, 0.0, 0.0, 0.55 },
  { 0.12, 0.12, 0.12, 1.0 }, { 1.0, 1.0, 1.0, 0.92 },
};
static const Palette dark_palette = {
  { 0.141, 0.141, 0.141, 1.0 }, { 1.0, 1.0, 1.0, 1.0 }, { 1.0, 1.0, 1.0, 0.6 },
  { 1.0, 1.0, 1.0, 1.0 }, { 0.118, 0.118, 0.118, 0.9 },
};

static void
set_rgba (cairo_t    *cr,
          const Rgba *colour)
{
  cairo_set_source_rgba (cr, colour->red, colour->green, colour->blue, colour->alpha);
}

/* A band's colour; grey for none. */
static void
band_colour (const AimsRiskBand *band,
             Rgba               *fill)
{
  fill->alpha = 1.0;
  if (band == NULL || !aims_risk_colour_parse (band->colour, &fill->red, &fill->green, &fill->blue))
    fill->red = fill->green = fill->blue = 0.6;
}

/* ── Text ──────────────────────────────────────────────────────────────── */

typedef enum
{
  ALIGN_LEFT,
  ALIGN_CENTER,
  ALIGN_RIGHT,
} Align;

static void
set_font (cairo_t  *cr,
          double    size,
          gboolean  bold)
{
  cairo_select_font_face (cr, "Sans", CAIRO_FONT_SLANT_NORMAL,
                          bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size (cr, size);
}

static double
text_width (cairo_t    *cr,
            const char *text)
{
  cairo_text_extents_t extents;

  cairo_text_extents (cr, text, &extents);
  return extents.x_advance;
}

/* text cut to max_width, ending in "…" when cut. */
static char *
fit_text (cairo_t    *cr,
          const char *text,
          double      max_width)
{
  g_autoptr(GString) cut = NULL;

  if (text_width (cr, text) <= max_width)
    return g_strdup (text);
  cut = g_string_new (text);
  while (cut->len > 0)
    {
      const char *last = g_utf8_find_prev_char (cut->str, cut->str + cut->len);
      g_autofree char *candidate = NULL;

      g_string_truncate (cut, last != NULL ? (gsize) (last - cut->str) : 0);
      candidate = g_strconcat (g_strchomp (cut->str), "…", NULL);
      if (text_width (cr, candidate) <= max_width)
        return g_steal_pointer (&candidate);
    }
  return g_strdup ("…");
}

/* text in at most two lines of max_width, broken between words. */
static void
wrap_text (cairo_t    *cr,
           const char *text,
           double      max_width,
           char      **first,
           char      **second)
{
  g_auto(GStrv) words = g_strsplit (text, " ", -1);
  g_autoptr(GString) line = g_string_new (NULL);
  guint w = 0;

  *second = NULL;
  for (; words[w] != NULL; w++)
    {
      g_autofree char *longer = line->len > 0 ? g_strconcat (line->str, " ", words[w], NULL)
                                              : g_strdup (words[w]);

      if (line->len > 0 && text_width (cr, longer) > max_width)
        break;
      g_string_assign (line, longer);
    }
  *first = fit_text (cr, line->str, max_width);
  if (words[w] != NULL)
    {
      g_autofree char *rest = g_strjoinv (" ", words + w);

      *second = fit_text (cr, rest, max_width);
    }
}

static void
show_text (cairo_t    *cr,
           const char *text,
           double      x,
           double      baseline,
           Align       align)
{
  double width = text_width (cr, text);

  if (align == ALIGN_CENTER)
    x -= width / 2;
  else if (align == ALIGN_RIGHT)
    x -= width;
  cairo_move_to (cr, x, baseline);
  cairo_show_text (cr, text);
}

/* The baseline that centres the current font's capitals on y. */
static double
centred_baseline (cairo_t *cr,
                  double   y)
{
  cairo_font_extents_t extents;

  cairo_font_extents (cr, &extents);
  return y + (extents.ascent - extents.descent) / 2;
}

/* The font size, from size down to 72 % of it, at which every word of the
 * labels fits max_width, so that labels wrap between words rather than
 * being cut. */
static double
fitting_font_size (cairo_t    *cr,
                   char      **labels,
                   double      max_width,
                   double      size)
{
  double widest = 0;

  set_font (cr, size, FALSE);
  for (guint l = 0; labels != NULL && labels[l] != NULL; l++)
    {
      g_auto(GStrv) words = g_strsplit (labels[l], " ", -1);

      for (guint w = 0; words[w] != NULL; w++)
        widest = MAX (widest, text_width (cr, words[w]));
    }
  if (widest <= max_width)
    return size;
  return MAX (size * max_width / widest, size * 0.72);
}

/* text in one or two lines of max_width, centred on y. */
static void
show_wrapped (cairo_t    *cr,
              const char *text,
              double      x,
              double      y,
              double      max_width,
              Align       align)
{
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  cairo_font_extents_t extents;
  double baseline = centred_baseline (cr, y);

  wrap_text (cr, text, max_width, &first, &second);
  cairo_font_extents (cr, &extents);
  if (second != NULL)
    {
      show_text (cr, first, x, baseline - extents.height / 2, align);
      show_text (cr, second, x, baseline + extents.height / 2, align);
    }
  else
    show_text (cr, first, x, baseline, align);
}

/* ── Drawing ───────────────────────────────────────────────────────────── */

static void
rounded_rectangle (cairo_t                 *cr,
                   const cairo_rectangle_t *rect,
                   double                   radius)
{
  double x = rect->x, y = rect->y, w = rect->width, h = rect->height;

  radius = MIN (radius, MIN (w, h) / 2);
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + w - radius, y + radius, radius, -G_PI / 2, 0);
  cairo_arc (cr, x + w - radius, y + h - radius, radius, 0, G_PI / 2);
  cairo_arc (cr, x + radius, y + h - radius, radius, G_PI / 2, G_PI);
  cairo_arc (cr, x + radius, y + radius, radius, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

static double
corner_radius (const AimsHeatmapGrid *grid)
{
  return MIN (grid->cell * 0.08, 8.0);
}

/* A count sits on a badge of the background's colour, so that it reads the
 * same on every band colour and a cell with risks stands out from an empty one. */
static void
draw_count (cairo_t                 *cr,
            const cairo_rectangle_t *rect,
            guint                    n,
            double                   font,
            const Palette           *palette)
{
  g_autofree char *number = g_strdup_printf ("%u", n);
  cairo_text_extents_t extents;
  double radius = MIN (MIN (rect->width, rect->height) * 0.25, font * 2.2);
  double cx = rect->x + rect->width / 2, cy = rect->y + rect->height / 2;
  double half_w;

  set_font (cr, MAX (radius * 1.05, 6.0), TRUE);
  cairo_text_extents (cr, number, &extents);
  half_w = MAX (radius, extents.width / 2 + radius * 0.45);

  cairo_new_sub_path (cr);
  cairo_arc (cr, cx + half_w - radius, cy, radius, -G_PI / 2, G_PI / 2);
  cairo_arc (cr, cx - half_w + radius, cy, radius, G_PI / 2, 3 * G_PI / 2);
  cairo_close_path (cr);
  set_rgba (cr, &palette->badge);
  cairo_fill (cr);

  set_rgba (cr, &palette->text);
  cairo_move_to (cr, cx - extents.width / 2 - extents.x_bearing, cy - extents.height / 2 - extents.y_bearing);
  cairo_show_text (cr, number);
}

static void
draw_cell (cairo_t                 *cr,
           const AimsRiskMatrix    *matrix,
           const AimsHeatmapCounts *counts,
           const AimsHeatmapGrid   *grid,
           guint                    likelihood,
           guint                    impact,
           double                   font,
           const Palette           *palette)
{
  cairo_rectangle_t rect;
  guint n = aims_heatmap_counts_get (counts, likelihood, impact);
  Rgba fill;
  int band;

  aims_risk_matrix_cell (matrix, likelihood, impact, NULL, &band);
  band_colour (aims_risk_matrix_get_band (matrix, band), &fill);
  aims_heatmap_grid_cell_rect (grid, likelihood, impact, &rect);

  set_rgba (cr, &fill);
  rounded_rectangle (cr, &rect, corner_radius (grid));
  cairo_fill (cr);
  if (n > 0)
    draw_count (cr, &rect, n, font, palette);
}

/* The staircase between the cells within the appetite and those above it. */
static void
draw_appetite_line (cairo_t               *cr,
                    const AimsRiskMatrix  *matrix,
                    const AimsHeatmapGrid *grid,
                    const Palette         *palette)
{
  double half_gap = grid->gap / 2;
  double side = grid->cell * grid->size - grid->gap;

  if (aims_risk_matrix_appetite_index (matrix) < 0)
    return;
  cairo_save (cr);
  cairo_rectangle (cr, grid->x, grid->y, side, side);
  cairo_clip (cr);
  set_rgba (cr, &palette->line);
  cairo_set_line_width (cr, MAX (2.0, grid->gap * 0.75));
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_SQUARE);
  for (guint l = 1; l <= grid->size; l++)
    for (guint i = 1; i <= grid->size; i++)
      {
        cairo_rectangle_t rect;

        if (!aims_risk_matrix_above_appetite (matrix, l, i))
          continue;
        aims_heatmap_grid_cell_rect (grid, l, i, &rect);
        /* Left edge: the cell of lower impact is within the appetite. */
        if (i > 1 && !aims_risk_matrix_above_appetite (matrix, l, i - 1))
          {
            cairo_move_to (cr, rect.x - half_gap, rect.y - half_gap);
            cairo_line_to (cr, rect.x - half_gap, rect.y + rect.height + half_gap);
          }
        /* Bottom edge: the cell of lower likelihood is within. */
        if (l > 1 && !aims_risk_matrix_above_appetite (matrix, l - 1, i))
          {
            cairo_move_to (cr, rect.x - half_gap, rect.y + rect.height + half_gap);
            cairo_line_to (cr, rect.x + rect.width + half_gap, rect.y + rect.height + half_gap);
          }
      }
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
draw_focus (cairo_t               *cr,
            const AimsHeatmapGrid *grid,
            guint                  likelihood,
            guint                  impact,
            const Palette         *palette)
{
  cairo_rectangle_t rect;
  double outer = MAX (2.0, grid->gap);

  if (likelihood < 1 || likelihood > grid->size || impact < 1 || impact > grid->size)
    return;
  aims_heatmap_grid_cell_rect (grid, likelihood, impact, &rect);
  cairo_save (cr);
  /* A dark ring with a light one inside reads on every band colour. */
  cairo_set_line_width (cr, outer * 1.5);
  set_rgba (cr, &palette->line);
  rounded_rectangle (cr, &rect, corner_radius (grid));
  cairo_stroke (cr);
  rect.x += outer;
  rect.y += outer;
  rect.width -= 2 * outer;
  rect.height -= 2 * outer;
  cairo_set_line_width (cr, outer * 0.75);
  set_rgba (cr, &palette->background);
  rounded_rectangle (cr, &rect, MAX (corner_radius (grid) - outer, 1.0));
  cairo_stroke (cr);
  cairo_restore (cr);
}

/* A level's number (bold, dimmed) and its label beside or below it. */
static void
draw_level (cairo_t       *cr,
            double         font,
            double         label_font,
            const Palette *palette,
            guint          level,
            double         number_x,
            double         number_y,
            const char    *label,
            double         label_x,
            double         label_y,
            double         label_width,
            Align          align)
{
  g_autofree char *number = g_strdup_printf ("%u", level);

  set_font (cr, font, TRUE);
  set_rgba (cr, &palette->dim);
  show_text (cr, number, number_x, centred_baseline (cr, number_y), align);
  set_font (cr, label_font, FALSE);
  set_rgba (cr, &palette->text);
  show_wrapped (cr, label, label_x, label_y, label_width, align);
}

static void
draw_axes (cairo_t               *cr,
           const AimsRiskMatrix  *matrix,
           const Layout          *layout,
           const AimsHeatmapGrid *grid,
           const Palette         *palette)
{
  double font = layout->font;
  double side = grid->cell * grid->size - grid->gap;
  double number_w = font * 2.1;
  double bottom = grid->y + side;
  double row_label_w = layout->labels_w - number_w - font * 0.4;
  double column_label_w = grid->cell - font * 0.3;
  double row_font = fitting_font_size (cr, matrix->likelihood_labels, row_label_w, font);
  double column_font = fitting_font_size (cr, matrix->impact_labels, column_label_w, font);

  for (guint level = 1; level <= grid->size; level++)
    {
      double row_y = grid->y + (grid->size - level) * grid->cell + (grid->cell - grid->gap) / 2;
      double column_x = grid->x + (level - 1) * grid->cell + (grid->cell - grid->gap) / 2;

      /* Likelihood levels up the left side, impact levels along the bottom. */
      draw_level (cr, font, row_font, palette, level, grid->x - font * 0.7, row_y,
                  aims_risk_matrix_level_label (matrix, AIMS_RISK_AXIS_LIKELIHOOD, level),
                  grid->x - number_w, row_y, row_label_w, ALIGN_RIGHT);
      draw_level (cr, font, column_font, palette, level, column_x, bottom + font * 1.3,
                  aims_risk_matrix_level_label (matrix, AIMS_RISK_AXIS_IMPACT, level),
                  column_x, bottom + font * 2.9, column_label_w, ALIGN_CENTER);
    }

  set_font (cr, font * 1.05, TRUE);
  set_rgba (cr, &palette->text);
  show_text (cr, aims_risk_axis_title (AIMS_RISK_AXIS_IMPACT), grid->x + side / 2,
             centred_baseline (cr, bottom + font * 5.0), ALIGN_CENTER);
  cairo_save (cr);
  cairo_translate (cr, grid->x - layout->labels_w - layout->axis_w / 2, grid->y + side / 2);
  cairo_rotate (cr, -G_PI / 2);
  show_text (cr, aims_risk_axis_title (AIMS_RISK_AXIS_LIKELIHOOD), 0, centred_baseline (cr, 0), ALIGN_CENTER);
  cairo_restore (cr);
}

static void
draw_title (cairo_t                 *cr,
            const Layout            *layout,
            const AimsHeatmapGrid   *grid,
            const AimsHeatmapCounts *counts,
            const char              *title,
            const char              *counted,
            const Palette           *palette)
{
  double font = layout->font;
  double side = grid->cell * grid->size - grid->gap;
  double left = grid->x - layout->labels_w;
  double baseline = grid->y - font * 1.1;
  g_autofree char *summary = counted != NULL ? g_strdup (counted) : risks_text (counts->n_placed);
  g_autofree char *fitted = NULL;
  double summary_w;

  if (counts->n_unplaced > 0 && counted == NULL)
    {
      g_autofree char *placed = g_steal_pointer (&summary);

      summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              /* Translators: "12 risks, 3 not assessed" */
                                              "%s, %u not assessed", "%s, %u not assessed",
                                              counts->n_unplaced),
                                 placed, counts->n_unplaced);
    }
  set_font (cr, font * 0.95, FALSE);
  set_rgba (cr, &palette->dim);
  summary_w = text_width (cr, summary);
  show_text (cr, summary, grid->x + side, baseline, ALIGN_RIGHT);

  set_font (cr, font * 1.3, TRUE);
  set_rgba (cr, &palette->text);
  fitted = fit_text (cr, title, grid->x + side - left - summary_w - font);
  show_text (cr, fitted, left, baseline, ALIGN_LEFT);
}

static void
draw_grid (cairo_t                 *cr,
           const AimsRiskMatrix    *matrix,
           const Layout            *layout,
           const AimsHeatmapGrid   *grid,
           const AimsHeatmapCounts *counts,
           const char              *title,
           gboolean                 focused,
           const AimsHeatmapStyle  *style,
           const Palette           *palette)
{
  if (title == NULL)
    title = counts->residual ? _("Residual risk") : _("Inherent risk");
  draw_title (cr, layout, grid, counts, title, style->summary, palette);
  draw_axes (cr, matrix, layout, grid, palette);
  for (guint l = 1; l <= grid->size; l++)
    for (guint i = 1; i <= grid->size; i++)
      draw_cell (cr, matrix, counts, grid, l, i, layout->font, palette);
  draw_appetite_line (cr, matrix, grid, palette);
  if (focused)
    draw_focus (cr, grid, style->focus_likelihood, style->focus_impact, palette);
}

/* One legend entry: a swatch (or the appetite line) and its text. */
typedef struct
{
  const AimsRiskBand *band;  /* NULL: the appetite line */
  char               *text;
} LegendItem;

static void
legend_item_clear (LegendItem *item)
{
  g_free (item->text);
}

static GArray *
legend_items (const AimsRiskMatrix *matrix,
              gboolean              with_scores)
{
  GArray *items = g_array_new (FALSE, TRUE, sizeof (LegendItem));

  g_array_set_clear_func (items, (GDestroyNotify) legend_item_clear);
  for (guint b = 0; b < matrix->bands->len; b++)
    {
      const AimsRiskBand *band = &g_array_index (matrix->bands, AimsRiskBand, b);
      LegendItem item = { band, NULL };

      if (!with_scores)
        item.text = g_strdup (band->name);
      else if (band->min_score == band->max_score)
        item.text = g_strdup_printf ("%s %u", band->name, band->min_score);
      else
        item.text = g_strdup_printf ("%s %u–%u", band->name, band->min_score, band->max_score);
      g_array_append_val (items, item);
    }
  if (aims_risk_matrix_appetite_index (matrix) >= 0)
    {
      /* Translators: the legend of the line around the cells above the appetite */
      LegendItem item = { NULL, g_strdup_printf (_("Appetite: up to %s"), matrix->appetite_band) };

      g_array_append_val (items, item);
    }
  return items;
}

static double
legend_width (cairo_t *cr,
              GArray  *items,
              double   font)
{
  double width = 0;

  for (guint k = 0; k < items->len; k++)
    width += (k > 0 ? font * 1.6 : 0) + font * 1.6 + text_width (cr, g_array_index (items, LegendItem, k).text);
  return width;
}

static void
draw_legend (cairo_t              *cr,
             const AimsRiskMatrix *matrix,
             const Layout         *layout,
             const Palette        *palette)
{
  g_autoptr(GArray) items = legend_items (matrix, TRUE);
  double font = layout->font * 0.95;
  double available = layout->width - 2 * layout->margin;
  double y = layout->legend_y + layout->legend_h / 2;
  double x, swatch = font * 1.1;

  set_font (cr, font, FALSE);
  if (legend_width (cr, items, font) > available)
    {
      g_clear_pointer (&items, g_array_unref);
      items = legend_items (matrix, FALSE);
    }
  x = MAX (layout->margin, (layout->width - legend_width (cr, items, font)) / 2);

  for (guint k = 0; k < items->len; k++)
    {
      const LegendItem *item = &g_array_index (items, LegendItem, k);
      cairo_rectangle_t rect = { x, y - swatch / 2, swatch, swatch };

      if (item->band != NULL)
        {
          Rgba fill;

          band_colour (item->band, &fill);
          set_rgba (cr, &fill);
          rounded_rectangle (cr, &rect, swatch * 0.2);
          cairo_fill (cr);
        }
      else
        {
          set_rgba (cr, &palette->line);
          cairo_set_line_width (cr, 2.5);
          cairo_move_to (cr, x, y);
          cairo_line_to (cr, x + swatch, y);
          cairo_stroke (cr);
        }
      set_rgba (cr, &palette->text);
      show_text (cr, item->text, x + font * 1.6, centred_baseline (cr, y), ALIGN_LEFT);
      x += font * 1.6 + text_width (cr, item->text) + font * 1.6;
    }
}

static void
draw_all (cairo_t                 *cr,
          const AimsRiskMatrix    *matrix,
          const AimsHeatmapCounts *counts[2],
          guint                    n_grids,
          const AimsHeatmapStyle  *style,
          double                   width,
          double                   height)
{
  static const AimsHeatmapStyle plain = { 0 };
  const Palette *palette;
  Layout layout;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (matrix != NULL);

  if (style == NULL)
    style = &plain;
  palette = style->dark ? &dark_palette : &light_palette;
  compute_layout (matrix->size, n_grids, width, height, &layout);

  cairo_save (cr);
  if (style->paint_background)
    {
      set_rgba (cr, &palette->background);
      cairo_rectangle (cr, 0, 0, width, height);
      cairo_fill (cr);
    }
  for (guint k = 0; k < n_grids; k++)
    draw_grid (cr, matrix, &layout, &layout.grids[k], counts[k],
               n_grids == 1 ? style->title : NULL,
               n_grids == 1 || layout.grids[k].residual == style->focus_residual,
               style, palette);
  draw_legend (cr, matrix, &layout, palette);
  cairo_restore (cr);
}

void
aims_heatmap_draw (cairo_t                 *cr,
                   const AimsRiskMatrix    *matrix,
                   const AimsHeatmapCounts *counts,
                   const AimsHeatmapStyle  *style,
                   double                   width,
                   double                   height)
{
  const AimsHeatmapCounts *grids[2] = { counts, NULL };

  g_return_if_fail (counts != NULL);

  draw_all (cr, matrix, grids, 1, style, width, height);
}

void
aims_heatmap_draw_pair (cairo_t                 *cr,
                        const AimsRiskMatrix    *matrix,
                        const AimsHeatmapCounts *inherent,
                        const AimsHeatmapCounts *residual,
                        const AimsHeatmapStyle  *style,
                        double                   width,
                        double                   height)
{
  const AimsHeatmapCounts *grids[2] = { inherent, residual };

  g_return_if_fail (inherent != NULL && residual != NULL);

  draw_all (cr, matrix, grids, 2, style, width, height);
}
