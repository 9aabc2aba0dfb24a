/* aims-colour-swatch.h — a small patch of a risk band's colour
 *
 * Beside a band's name in the risk table, the editor's score rows and the
 * matrix settings. It is never the only sign: the band's name is always
 * written next to it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* A size × size drawing area; round for a dot, else a square. */
GtkWidget *aims_colour_swatch_new (int         size,
                                   gboolean    round);
/* "#rrggbb", or NULL to hide the swatch. */
void       aims_colour_swatch_set (GtkWidget  *swatch,
                                   const char *colour);

G_END_DECLS
