/* aims-image-file.c — a Cairo drawing written to a PNG, SVG or PDF file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>
#include <cairo-pdf.h>
#include <cairo-svg.h>

#include "aims-db.h"
#include "aims-image-file.h"

#define PNG_SCALE 2

gboolean
aims_image_format_for_path (const char      *path,
                            AimsImageFormat *format)
{
  g_autofree char *lower = NULL;

  g_return_val_if_fail (path != NULL && format != NULL, FALSE);

  lower = g_ascii_strdown (path, -1);
  if (g_str_has_suffix (lower, ".png"))
    *format = AIMS_IMAGE_FORMAT_PNG;
  else if (g_str_has_suffix (lower, ".svg"))
    *format = AIMS_IMAGE_FORMAT_SVG;
  else if (g_str_has_suffix (lower, ".pdf"))
    *format = AIMS_IMAGE_FORMAT_PDF;
  else
    return FALSE;
  return TRUE;
}

/* Where Cairo's bytes go, and the first error writing them. */
typedef struct
{
  GOutputStream *stream;
  GError        *error;
} StreamSink;

static cairo_status_t
stream_sink_cb (void                *closure,
                const unsigned char *data,
                unsigned int         length)
{
  StreamSink *sink = closure;

  if (sink->error == NULL)
    g_output_stream_write_all (sink->stream, data, length, NULL, NULL, &sink->error);
  return sink->error == NULL ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
}

static gboolean
draw_to_stream (GOutputStream      *stream,
                AimsImageFormat     format,
                double              width,
                double              height,
                const char         *title,
                AimsImageDrawFunc   draw,
                gpointer            user_data,
                GError            **error)
{
  StreamSink sink = { stream, NULL };
  cairo_surface_t *surface = NULL;
  cairo_status_t status;
  cairo_t *cr;

  if (format == AIMS_IMAGE_FORMAT_PNG)
    {
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width * PNG_SCALE, height * PNG_SCALE);
      cairo_surface_set_device_scale (surface, PNG_SCALE, PNG_SCALE);
    }
  else if (format == AIMS_IMAGE_FORMAT_SVG)
    surface = cairo_svg_surface_create_for_stream (stream_sink_cb, &sink, width, height);
  else
    {
      surface = cairo_pdf_surface_create_for_stream (stream_sink_cb, &sink, width, height);
      if (title != NULL)
        cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "AIMS Desk " AIMS_VERSION);
    }

  cr = cairo_create (surface);
  draw (cr, width, height, user_data);
  status = cairo_status (cr);
  cairo_destroy (cr);
  if (status == CAIRO_STATUS_SUCCESS && format == AIMS_IMAGE_FORMAT_PNG)
    status = cairo_surface_write_to_png_stream (surface, stream_sink_cb, &sink);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (sink.error != NULL)
    {
      g_propagate_error (error, sink.error);
      return FALSE;
    }
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_FAILED,
                   _("Drawing failed: %s"), cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}

gboolean
aims_image_write_file (const char         *path,
                       AimsImageFormat     format,
                       double              width,
                       double              height,
                       const char         *title,
                       AimsImageDrawFunc   draw,
                       gpointer            user_data,
                       GError            **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileOutputStream) out = NULL;
  g_autoptr(GCancellable) abandon = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (draw != NULL, FALSE);

  file = g_file_new_for_path (path);
  out = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, NULL, &local_error);
  if (out != NULL &&
      draw_to_stream (G_OUTPUT_STREAM (out), format, width, height, title, draw, user_data, &local_error) &&
      g_output_stream_close (G_OUTPUT_STREAM (out), NULL, &local_error))
    return TRUE;

  /* Closing cancelled leaves what was there before. */
  if (out != NULL)
    {
      abandon = g_cancellable_new ();
      g_cancellable_cancel (abandon);
      g_output_stream_close (G_OUTPUT_STREAM (out), abandon, NULL);
    }
  g_set_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_FAILED,
               _("Cannot write %s: %s"), path, local_error->message);
  return FALSE;
}
