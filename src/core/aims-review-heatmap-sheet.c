/* aims-review-heatmap-sheet.c — the Heatmap sheet of the management-review
 * workbook: the inherent and residual grids as coloured cells with counts,
 * and the picture the application draws
 *
 * Drawing and compressing that picture (2,800 × 1,360 pixels, sharp when
 * printed) takes about as long as writing a thousand systems' rows, and
 * needs nothing but the matrix and the counts: it is drawn in a thread of
 * its own, started when the export has read the register, while the sheets
 * before this one are written.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "aims-heatmap-export.h"
#include "aims-review-sheet.h"

struct _AimsReviewPicture
{
  GThread       *thread;
  /* Read by the thread; the export keeps them unchanged while it runs. */
  const AimsRiskMatrix    *matrix;
  const AimsHeatmapCounts *inherent;
  const AimsHeatmapCounts *residual;
  /* Written by the thread. */
  GOutputStream *png;
  GError        *error;
};

static gpointer
draw_thread (gpointer data)
{
  AimsReviewPicture *picture = data;

  if (aims_heatmap_write (picture->png, AIMS_HEATMAP_FORMAT_PNG, picture->matrix,
                          picture->inherent, picture->residual, AIMS_HEATMAP_BOTH, &picture->error))
    g_output_stream_close (picture->png, NULL, &picture->error);
  return NULL;
}

AimsReviewPicture *
aims_review_picture_start (AimsReviewExport *export)
{
  AimsReviewPicture *picture = g_new0 (AimsReviewPicture, 1);

  picture->matrix = export->matrix;
  picture->inherent = &export->dashboard->risks.inherent;
  picture->residual = &export->dashboard->risks.residual;
  picture->png = g_memory_output_stream_new_resizable ();
  picture->thread = g_thread_new ("aims-heatmap-picture", draw_thread, picture);
  return picture;
}

/* Waits for the drawing; FALSE with its error when it failed. */
static gboolean
picture_finish (AimsReviewPicture  *picture,
                GError            **error)
{
  g_clear_pointer (&picture->thread, g_thread_join);
  if (picture->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&picture->error));
      return FALSE;
    }
  return TRUE;
}

void
aims_review_picture_free (AimsReviewPicture *picture)
{
  if (picture == NULL)
    return;
  g_clear_pointer (&picture->thread, g_thread_join);
  g_clear_error (&picture->error);
  g_clear_object (&picture->png);
  g_free (picture);
}

/* One grid of coloured cells with counts: likelihood down the left (highest
 * first, as drawn), impact along the bottom. Returns the rows it took. */
static lxw_row_t
write_grid (AimsReviewExport        *export,
            lxw_worksheet           *sheet,
            lxw_row_t                top,
            lxw_col_t                left,
            const char              *title,
            const AimsHeatmapCounts *counts)
{
  const AimsRiskMatrix *matrix = export->matrix;
  guint size = matrix->size;

  aims_xlsx_write_text (export->xlsx, sheet, top, left, title,
                        aims_xlsx_format (export->xlsx, AIMS_XLSX_SUBTITLE));
  for (guint l = size; l >= 1; l--)
    {
      lxw_row_t row = top + 1 + (size - l);

      aims_xlsx_write_text (export->xlsx, sheet, row, left,
                            aims_risk_matrix_level_label (matrix, AIMS_RISK_AXIS_LIKELIHOOD, l),
                            aims_xlsx_format (export->xlsx, AIMS_XLSX_LABEL));
      for (guint i = 1; i <= size; i++)
        {
          guint score = 0;
          int band = -1;
          const AimsRiskBand *b;

          aims_risk_matrix_cell (matrix, l, i, &score, &band);
          b = aims_risk_matrix_get_band (matrix, band);
          aims_xlsx_write_number (export->xlsx, sheet, row, left + i,
                                  aims_heatmap_counts_get (counts, l, i),
                                  b != NULL ? aims_xlsx_fill (export->xlsx, b->colour) : NULL);
        }
    }
  for (guint i = 1; i <= size; i++)
    aims_xlsx_write_text (export->xlsx, sheet, top + 1 + size, left + i,
                          aims_risk_matrix_level_label (matrix, AIMS_RISK_AXIS_IMPACT, i),
                          aims_xlsx_format (export->xlsx, AIMS_XLSX_LABEL));
  return size + 2;
}

gboolean
aims_review_sheet_heatmap (AimsReviewExport  *export,
                           GError           **error)
{
  lxw_worksheet *sheet = aims_xlsx_add_sheet (export->xlsx, _("Heatmap"));
  const AimsDashboardRisks *risks = &export->dashboard->risks;
  GMemoryOutputStream *png;
  /* The picture has two pixels per unit (sharp when printed): shown at
   * three quarters of its unit size it is about 1,050 pixels wide, so it
   * fits a laptop's screen beside the grids above it. */
  lxw_image_options image = { .x_scale = 0.375, .y_scale = 0.375 };
  lxw_row_t rows;
  guint size = export->matrix->size;

  worksheet_fit_to_pages (sheet, 1, 0);
  aims_xlsx_write_text (export->xlsx, sheet, 0, 0, _("Risk heatmap"),
                        aims_xlsx_format (export->xlsx, AIMS_XLSX_TITLE));
  aims_xlsx_write_text (export->xlsx, sheet, 1, 0,
                        _("Open risks per cell, in the colour of the cell's band. Inherent: before "
                          "treatment; residual: after it."),
                        aims_xlsx_format (export->xlsx, AIMS_XLSX_SUBTITLE));
  worksheet_set_column (sheet, 0, 0, 18, NULL);
  worksheet_set_column (sheet, 1, size, 11, NULL);
  worksheet_set_column (sheet, size + 2, size + 2, 18, NULL);
  worksheet_set_column (sheet, size + 3, 2 * size + 2, 11, NULL);

  /* The dashboard's counts: the open risks, as the application's heatmaps. */
  rows = write_grid (export, sheet, 3, 0, _("Inherent risk"), &risks->inherent);
  write_grid (export, sheet, 3, size + 2, _("Residual risk"), &risks->residual);

  if (!picture_finish (export->picture, error))
    return FALSE;
  /* libxlsxwriter reads the buffer when the workbook is closed; the
   * picture, owned by the export, lives until then. */
  png = G_MEMORY_OUTPUT_STREAM (export->picture->png);
  worksheet_insert_image_buffer_opt (sheet, 3 + rows + 2, 0,
                                     g_memory_output_stream_get_data (png),
                                     g_memory_output_stream_get_data_size (png),
                                     &image);
  return TRUE;
}
