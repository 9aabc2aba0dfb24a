/* aims-heatmap-export.c — the risk heatmap as a PNG, SVG or PDF file
 *
 * Cairo writes through a callback into a GOutputStream, so that a full disk
 * or a missing folder comes back as a GError with GIO's message, and a file
 * is replaced (g_file_replace) only when the drawing is complete.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>
#include <cairo-pdf.h>
#include <cairo-svg.h>

#include "aims-heatmap-export.h"
#include "aims-risk-matrix-db.h"
#include "aims-store.h"

/* The size drawn, in pixels at 1× or in points: a single heatmap, a pair. */
#define SINGLE_WIDTH  800
#define PAIR_WIDTH    1400
#define HEIGHT        680
/* PNG pixels per unit, so that the image stays sharp on a high-density
 * screen and in a printed workbook. */
#define PNG_SCALE     2

gboolean
aims_heatmap_format_for_path (const char         *path,
                              AimsHeatmapFormat  *format,
                              GError            **error)
{
  static const struct
  {
    const char        *extension;
    AimsHeatmapFormat  format;
  } formats[] = {
    { ".png", AIMS_HEATMAP_FORMAT_PNG },
    { ".svg", AIMS_HEATMAP_FORMAT_SVG },
    { ".pdf", AIMS_HEATMAP_FORMAT_PDF },
  };
  g_autofree char *lower = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  lower = g_ascii_strdown (path, -1);
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (g_str_has_suffix (lower, formats[i].extension))
      {
        *format = formats[i].format;
        return TRUE;
      }
  g_set_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_INVALID,
               _("%s: a heatmap is written as .png, .svg or .pdf"), path);
  return FALSE;
}

typedef struct
{
  GOutputStream *out;
  GError        *error;  /* the first write error */
} Sink;

static cairo_status_t
sink_write_cb (void                *closure,
               const unsigned char *data,
               unsigned int         length)
{
  Sink *sink = closure;

  if (sink->error != NULL)
    return CAIRO_STATUS_WRITE_ERROR;
  if (!g_output_stream_write_all (sink->out, data, length, NULL, NULL, &sink->error))
    return CAIRO_STATUS_WRITE_ERROR;
  return CAIRO_STATUS_SUCCESS;
}

/* What a file shows. */
typedef struct
{
  const AimsRiskMatrix    *matrix;
  const AimsHeatmapCounts *inherent;
  const AimsHeatmapCounts *residual;
  AimsHeatmapView          view;
} Picture;

static void
draw_picture (cairo_t       *cr,
              const Picture *picture,
              double         width)
{
  AimsHeatmapStyle style = { .paint_background = TRUE };

  if (picture->view == AIMS_HEATMAP_BOTH)
    aims_heatmap_draw_pair (cr, picture->matrix, picture->inherent, picture->residual,
                            &style, width, HEIGHT);
  else
    aims_heatmap_draw (cr, picture->matrix,
                       picture->view == AIMS_HEATMAP_RESIDUAL ? picture->residual : picture->inherent,
                       &style, width, HEIGHT);
}

/* What went wrong in Cairo or in the stream, as one error. */
static gboolean
check_status (cairo_status_t   status,
              Sink            *sink,
              GError         **error)
{
  if (sink->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&sink->error));
      return FALSE;
    }
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_FAILED,
                   _("Drawing the heatmap failed: %s"), cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}

static gboolean
write_picture (GOutputStream      *out,
               AimsHeatmapFormat   format,
               const Picture      *picture,
               GError            **error)
{
  double width = picture->view == AIMS_HEATMAP_BOTH ? PAIR_WIDTH : SINGLE_WIDTH;
  Sink sink = { out, NULL };
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  switch (format)
    {
    case AIMS_HEATMAP_FORMAT_PNG:
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width * PNG_SCALE, HEIGHT * PNG_SCALE);
      cairo_surface_set_device_scale (surface, PNG_SCALE, PNG_SCALE);
      break;
    case AIMS_HEATMAP_FORMAT_SVG:
      surface = cairo_svg_surface_create_for_stream (sink_write_cb, &sink, width, HEIGHT);
      break;
    case AIMS_HEATMAP_FORMAT_PDF:
      surface = cairo_pdf_surface_create_for_stream (sink_write_cb, &sink, width, HEIGHT);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, _("Risk heatmap"));
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "AIMS Desk " AIMS_VERSION);
      break;
    default:
      g_return_val_if_reached (FALSE);
    }

  cr = cairo_create (surface);
  draw_picture (cr, picture, width);
  status = cairo_status (cr);
  cairo_destroy (cr);
  if (status == CAIRO_STATUS_SUCCESS && format == AIMS_HEATMAP_FORMAT_PNG)
    status = cairo_surface_write_to_png_stream (surface, sink_write_cb, &sink);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  return check_status (status, &sink, error);
}

gboolean
aims_heatmap_write (GOutputStream            *out,
                    AimsHeatmapFormat         format,
                    const AimsRiskMatrix     *matrix,
                    const AimsHeatmapCounts  *inherent,
                    const AimsHeatmapCounts  *residual,
                    AimsHeatmapView           view,
                    GError                  **error)
{
  Picture picture = { matrix, inherent, residual, view };

  g_return_val_if_fail (G_IS_OUTPUT_STREAM (out), FALSE);
  g_return_val_if_fail (matrix != NULL, FALSE);
  g_return_val_if_fail (view == AIMS_HEATMAP_INHERENT || residual != NULL, FALSE);
  g_return_val_if_fail (view == AIMS_HEATMAP_RESIDUAL || inherent != NULL, FALSE);

  return write_picture (out, format, &picture, error);
}

static gboolean
write_file (const char         *path,
            AimsHeatmapFormat   format,
            const Picture      *picture,
            GError            **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileOutputStream) out = NULL;
  g_autoptr(GCancellable) abandon = g_cancellable_new ();
  g_autoptr(GError) local_error = NULL;

  out = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, NULL, &local_error);
  if (out != NULL &&
      write_picture (G_OUTPUT_STREAM (out), format, picture, &local_error) &&
      g_output_stream_close (G_OUTPUT_STREAM (out), NULL, &local_error))
    return TRUE;

  /* Closing cancelled leaves what was there before. */
  if (out != NULL)
    {
      g_cancellable_cancel (abandon);
      g_output_stream_close (G_OUTPUT_STREAM (out), abandon, NULL);
    }
  g_set_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_FAILED,
               _("Cannot write the heatmap to %s: %s"), path, local_error->message);
  return FALSE;
}

gboolean
aims_heatmap_export (AimsDb           *db,
                     const char       *path,
                     AimsHeatmapView   view,
                     GError          **error)
{
  g_autoptr(AimsRiskMatrix) matrix = NULL;
  g_autoptr(GPtrArray) risks = NULL;
  AimsHeatmapCounts inherent, residual;
  Picture picture = { NULL, &inherent, &residual, view };
  AimsHeatmapFormat format;

  g_return_val_if_fail (AIMS_IS_DB (db), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!aims_heatmap_format_for_path (path, &format, error) ||
      (matrix = aims_risk_matrix_load (db, error)) == NULL ||
      (risks = aims_store_list (db, aims_entity_risks (), error)) == NULL)
    return FALSE;
  aims_heatmap_counts_from_risks (matrix, risks, FALSE, NULL, &inherent);
  aims_heatmap_counts_from_risks (matrix, risks, TRUE, NULL, &residual);
  picture.matrix = matrix;
  return write_file (path, format, &picture, error);
}
