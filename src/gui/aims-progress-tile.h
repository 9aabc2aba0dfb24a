/* aims-progress-tile.h — a group of Annex A, or a chapter of the clause
 * checklist, and how far it has come
 *
 * A toggle button that reads "A.6  AI system life cycle", a bar in two
 * shades (the part begun, and within it the part done: decided and
 * implemented, partial and in place) and a caption ("9 of 9 decided ·
 * 3 implemented"). Active, it is the page's filter to that group. Its
 * accessible name says all of it, so a screen reader hears what the bar
 * shows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define AIMS_TYPE_PROGRESS_TILE (aims_progress_tile_get_type ())
G_DECLARE_FINAL_TYPE (AimsProgressTile, aims_progress_tile, AIMS, PROGRESS_TILE, GtkToggleButton)

/* key: what the tile stands for ("A.6", "6"), static. */
GtkWidget  *aims_progress_tile_new      (const char       *key);
const char *aims_progress_tile_get_key  (AimsProgressTile *self);

/* heading "A.6", title "AI system life cycle", figure "33 %" (NULL: none),
 * caption "9 of 9 decided · 3 implemented"; begun and done are fractions
 * of the whole, 0..1, done ≤ begun. */
void        aims_progress_tile_set      (AimsProgressTile *self,
                                         const char       *heading,
                                         const char       *title,
                                         const char       *figure,
                                         const char       *caption,
                                         double            begun,
                                         double            done);

/* What the tile shows, for tests. */
const char *aims_progress_tile_get_caption (AimsProgressTile *self);
const char *aims_progress_tile_get_figure  (AimsProgressTile *self);

G_END_DECLS
