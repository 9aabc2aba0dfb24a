/* aims-colour-swatch.c — a small patch of a risk band's colour
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>

#include "aims-core.h"
#include "aims-colour-swatch.h"

static void
swatch_draw_cb (GtkDrawingArea *area,
                cairo_t        *cr,
                int             width,
                int             height,
                gpointer        user_data)
{
  const char *colour = g_object_get_data (G_OBJECT (area), "colour");
  double red, green, blue;

  if (colour == NULL || !aims_risk_colour_parse (colour, &red, &green, &blue))
    return;
  if (GPOINTER_TO_INT (user_data))
    cairo_arc (cr, width / 2.0, height / 2.0, MIN (width, height) / 2.0 - 0.5, 0, 2 * M_PI);
  else
    cairo_rectangle (cr, 0.5, 0.5, width - 1, height - 1);
  cairo_set_source_rgb (cr, red, green, blue);
  cairo_fill_preserve (cr);
  /* A rim, so that a pale band still shows on a light background. */
  cairo_set_source_rgba (cr, 0, 0, 0, 0.25);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);
}

GtkWidget *
aims_colour_swatch_new (int      size,
                        gboolean round)
{
  GtkWidget *swatch = gtk_drawing_area_new ();

  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (swatch), size);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (swatch), size);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (swatch), swatch_draw_cb,
                                  GINT_TO_POINTER (round), NULL);
  gtk_widget_set_valign (swatch, GTK_ALIGN_CENTER);
  gtk_widget_set_visible (swatch, FALSE);
  return swatch;
}

void
aims_colour_swatch_set (GtkWidget  *swatch,
                        const char *colour)
{
  g_return_if_fail (GTK_IS_DRAWING_AREA (swatch));

  g_object_set_data_full (G_OBJECT (swatch), "colour", g_strdup (colour), g_free);
  gtk_widget_set_visible (swatch, colour != NULL);
  gtk_widget_queue_draw (swatch);
}
