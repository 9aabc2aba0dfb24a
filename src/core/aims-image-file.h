/* aims-image-file.h — a Cairo drawing written to a PNG, SVG or PDF file
 *
 * Cairo writes through a callback into a GOutputStream, so that a full disk
 * or a missing folder comes back as a GError with GIO's message, and the
 * file is replaced (g_file_replace) only when the drawing is complete.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum
{
  AIMS_IMAGE_FORMAT_PNG,
  AIMS_IMAGE_FORMAT_SVG,
  AIMS_IMAGE_FORMAT_PDF,
} AimsImageFormat;

/* Draws the picture into width × height user units of cr. */
typedef void (*AimsImageDrawFunc) (cairo_t  *cr,
                                   double    width,
                                   double    height,
                                   gpointer  user_data);

/* The format a file name asks for by its extension (.png, .svg, .pdf, in any
 * case); FALSE for any other. */
gboolean aims_image_format_for_path (const char         *path,
                                     AimsImageFormat    *format);

/* Writes draw's picture of width × height (pixels at 1×, or points) to path
 * in format: a PNG at twice the pixels, so it stays sharp on a high-density
 * screen and in print; title goes into a PDF's metadata. A failure names the
 * file and says why (AIMS_DB_ERROR_FAILED); what was at path before stays. */
gboolean aims_image_write_file      (const char         *path,
                                     AimsImageFormat     format,
                                     double              width,
                                     double              height,
                                     const char         *title,
                                     AimsImageDrawFunc   draw,
                                     gpointer            user_data,
                                     GError            **error);

G_END_DECLS
