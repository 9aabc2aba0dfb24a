/* aims-dashboard-tile.h — one tile of the dashboard
 *
 * A card with a title, a headline figure and what it counts, a small
 * picture (drawn by one of the core's renderers), and one row per category
 * it counts: a colour, the name, the count. Every row, and the headline,
 * opens the page the tile summarises filtered to what it counts
 * ("win.show-page" with the page's name and a page.filter string). A row is
 * a real button, so the keyboard and screen readers reach every count.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define AIMS_TYPE_DASHBOARD_TILE (aims_dashboard_tile_get_type ())
G_DECLARE_FINAL_TYPE (AimsDashboardTile, aims_dashboard_tile, AIMS, DASHBOARD_TILE, GtkWidget)

/* Draws the tile's picture into width × height of cr; dark for a dark
 * background. */
typedef void (*AimsDashboardDrawFunc) (cairo_t  *cr,
                                       double    width,
                                       double    height,
                                       gboolean  dark,
                                       gpointer  user_data);

GtkWidget *aims_dashboard_tile_new         (const char            *title);

/* The headline: "12" and "AI systems in use"; clicking it opens page with
 * filter ("" for none). */
void       aims_dashboard_tile_set_figure  (AimsDashboardTile     *self,
                                            guint                  figure,
                                            const char            *caption,
                                            const char            *page,
                                            const char            *filter);
/* A picture height pixels high; user_data is freed with destroy when the
 * tile goes. */
void       aims_dashboard_tile_set_picture (AimsDashboardTile     *self,
                                            int                    height,
                                            AimsDashboardDrawFunc  draw,
                                            gpointer               user_data,
                                            GDestroyNotify         destroy);
/* A category row; colour may be NULL. warning: the row stands out (a count
 * that needs attention). */
void       aims_dashboard_tile_add_row     (AimsDashboardTile     *self,
                                            const char            *colour,
                                            const char            *label,
                                            guint                  count,
                                            gboolean               warning,
                                            const char            *page,
                                            const char            *filter);

G_END_DECLS
