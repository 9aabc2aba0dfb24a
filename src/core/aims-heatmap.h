/* aims-heatmap.h — the risk heatmap: counts per cell, and the one renderer
 *
 * Risks are first counted into an AimsHeatmapCounts (a plain struct), so that
 * drawing is pure: the same counts drawn to a GTK widget, a PNG for the
 * workbook or an SVG or PDF give the same picture. Likelihood runs up the
 * vertical axis, impact along the horizontal one; each cell is filled with
 * its band's colour (aims_risk_matrix_cell()) and shows its count.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>

#include "aims-record.h"
#include "aims-risk-matrix.h"

G_BEGIN_DECLS

typedef enum
{
  AIMS_HEATMAP_INHERENT,  /* before treatment */
  AIMS_HEATMAP_RESIDUAL,  /* after treatment */
  AIMS_HEATMAP_BOTH,      /* the two side by side */
} AimsHeatmapView;

typedef struct
{
  guint    size;
  gboolean residual;
  /* [likelihood - 1][impact - 1] */
  guint    counts[AIMS_RISK_MATRIX_MAX_SIZE][AIMS_RISK_MATRIX_MAX_SIZE];
  guint    n_placed;    /* risks in a cell */
  guint    n_unplaced;  /* risks that match but lack this view's levels */
} AimsHeatmapCounts;

/* ai_system_id of the filter for risks to the whole organisation only. */
#define AIMS_HEATMAP_ORGANISATION_WIDE ((gint64) -1)

/* Which risks count; zeroed, it takes every risk that is not closed. */
typedef struct
{
  gint64      ai_system_id;     /* 0: any; or AIMS_HEATMAP_ORGANISATION_WIDE */
  gint64      owner_id;         /* 0: any */
  const char *source_category;  /* a choice key; NULL: any */
  gboolean    include_closed;   /* closed risks are left out unless TRUE */
} AimsHeatmapFilter;

/* The same test the counts apply, for a table that follows the heatmap.
 * filter may be NULL (every risk that is not closed). */
gboolean aims_heatmap_filter_matches       (const AimsHeatmapFilter *filter,
                                            AimsRecord              *risk);
/* Counts risks (records of aims_entity_risks()) into counts, by their
 * residual or their inherent levels. */
void     aims_heatmap_counts_from_risks    (const AimsRiskMatrix    *matrix,
                                            GPtrArray               *risks,
                                            gboolean                 residual,
                                            const AimsHeatmapFilter *filter,
                                            AimsHeatmapCounts       *counts);
/* 0 outside the grid. */
guint    aims_heatmap_counts_get           (const AimsHeatmapCounts *counts,
                                            guint                    likelihood,
                                            guint                    impact);
/* What a screen reader says of a cell: "Likelihood 4 Likely, impact 5
 * Severe: 3 risks, band Critical". */
char    *aims_heatmap_describe_cell        (const AimsRiskMatrix    *matrix,
                                            const AimsHeatmapCounts *counts,
                                            guint                    likelihood,
                                            guint                    impact);

typedef struct
{
  gboolean    dark;              /* light text and lines for a dark background */
  gboolean    paint_background;  /* fill the area first (files); a widget has its own */
  guint       focus_likelihood;  /* the highlighted cell; 0: none */
  guint       focus_impact;
  gboolean    focus_residual;    /* drawing a pair: the cell is on the residual grid */
  const char *title;             /* NULL: "Inherent risk" or "Residual risk" */
  const char *summary;           /* beside the title, what was counted: NULL: "12 risks" */
} AimsHeatmapStyle;

/* Where a grid falls in the area drawn, for hit-testing and tests. */
typedef struct
{
  double   x;         /* left edge of impact 1 */
  double   y;         /* top edge of likelihood size */
  double   cell;      /* distance from one cell to the next */
  double   gap;       /* space between two cells */
  guint    size;
  gboolean residual;
} AimsHeatmapGrid;

/* The grids of a drawing of width × height: one, or two for a pair
 * (inherent first). Returns how many. */
guint    aims_heatmap_get_grids            (const AimsRiskMatrix    *matrix,
                                            gboolean                 pair,
                                            double                   width,
                                            double                   height,
                                            AimsHeatmapGrid          grids[2]);
/* The cell under x, y; FALSE when none (the gaps belong to no cell). */
gboolean aims_heatmap_grid_cell_at         (const AimsHeatmapGrid   *grid,
                                            double                   x,
                                            double                   y,
                                            guint                   *likelihood,
                                            guint                   *impact);
/* The filled rectangle of a cell. */
void     aims_heatmap_grid_cell_rect       (const AimsHeatmapGrid   *grid,
                                            guint                    likelihood,
                                            guint                    impact,
                                            cairo_rectangle_t       *rect);

/* Draws one heatmap filling width × height of cr (user units): title, grid,
 * axis titles and level labels, legend of bands and the appetite line.
 * style may be NULL (light, no background, no focus). */
void     aims_heatmap_draw                 (cairo_t                 *cr,
                                            const AimsRiskMatrix    *matrix,
                                            const AimsHeatmapCounts *counts,
                                            const AimsHeatmapStyle  *style,
                                            double                   width,
                                            double                   height);
/* Inherent and residual side by side with one legend, so that the effect
 * of treatment shows at a glance. */
void     aims_heatmap_draw_pair            (cairo_t                 *cr,
                                            const AimsRiskMatrix    *matrix,
                                            const AimsHeatmapCounts *inherent,
                                            const AimsHeatmapCounts *residual,
                                            const AimsHeatmapStyle  *style,
                                            double                   width,
                                            double                   height);

G_END_DECLS
