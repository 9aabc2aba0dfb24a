/* aims-review-report.c — the management review as a PDF pack, for people
 * who read rather than filter
 *
 * A title page; the summary (every area's headline figures with the change
 * since the last review, and the actions decided at it); the inherent and
 * residual heatmaps; the charts; the key tables. The same data as the
 * workbook (aims-review-data.c), laid out by aims-pdf.h, whose footer
 * numbers every page "Page N of M".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "aims-heatmap.h"
#include "aims-review-report.h"
#include "aims-review-report-private.h"

/* ── Rows of a table ───────────────────────────────────────────────────── */

AimsReportRows *
aims_report_rows_new (guint n_columns)
{
  AimsReportRows *rows = g_new0 (AimsReportRows, 1);

  rows->n_columns = n_columns;
  rows->rows = g_ptr_array_new ();
  rows->owned = g_ptr_array_new_with_free_func (g_free);
  return rows;
}

void
aims_report_rows_free (AimsReportRows *rows)
{
  g_ptr_array_unref (rows->rows);
  g_ptr_array_unref (rows->owned);
  g_free (rows);
}

const char **
aims_report_rows_add (AimsReportRows *rows)
{
  const char **row = g_new0 (const char *, rows->n_columns);

  g_ptr_array_add (rows->owned, row);
  g_ptr_array_add (rows->rows, row);
  return row;
}

const char *
aims_report_rows_take (AimsReportRows *rows,
                       char           *text)
{
  if (text != NULL)
    g_ptr_array_add (rows->owned, text);
  return text;
}

void
aims_report_rows_write (AimsReportRows      *rows,
                        AimsPdf             *pdf,
                        const AimsPdfColumn *columns,
                        guint                total,
                        const char          *sheet)
{
  aims_pdf_table (pdf, columns, rows->n_columns, (const char *const *const *) rows->rows->pdata,
                  rows->rows->len);
  if (total > rows->rows->len)
    {
      guint more = total - rows->rows->len;
      /* Translators: under a table cut short, "And 975 more — see the “Risks” sheet of the workbook." */
      g_autofree char *note = g_strdup_printf (ngettext ("And %u more — see the “%s” sheet of the workbook.",
                                                         "And %u more — see the “%s” sheet of the workbook.",
                                                         more),
                                               more, sheet);

      aims_pdf_paragraph (pdf, note);
    }
}

/* ── Title page and heatmaps ───────────────────────────────────────────── */

/* "2026-11-28T13:31:04Z" as a reader says it: "2026-11-28 13:31 UTC". */
static char *
when_text (const char *timestamp)
{
  g_autoptr(GDateTime) when = g_date_time_new_from_iso8601 (timestamp, NULL);

  return when != NULL ? g_date_time_format (when, "%Y-%m-%d %H:%M UTC") : g_strdup (timestamp);
}

static void
title_page (AimsReviewExport *export,
            AimsPdf          *pdf)
{
  g_autofree char *when = when_text (export->exported_at);
  /* Translators: on the title page, "Period: 2025-11-29 to 2026-11-28" */
  g_autofree char *period = g_strdup_printf (_("Period: %s to %s"), export->from, export->to);
  /* Translators: on the title page, "Exported by Ada Lovelace on 2026-11-28 09:12 UTC" */
  g_autofree char *by = g_strdup_printf (_("Exported by %s on %s"), export->author, when);
  const char *lines[] = {
    period, by, "",
    _("ISO/IEC 42001 clause 9.3: the inputs to the management review — the state of the AI systems, "
      "risks, impact assessments, objectives, nonconformities and controls."),
    NULL
  };

  aims_pdf_title_page (pdf, _("Management review"), export->organisation, lines);
}

typedef struct
{
  const AimsRiskMatrix    *matrix;
  const AimsHeatmapCounts *counts;
} Heatmap;

static void
draw_heatmap (cairo_t  *cr,
              double    width,
              double    height,
              gpointer  user_data)
{
  Heatmap *heatmap = user_data;
  AimsHeatmapStyle style = { .paint_background = FALSE };

  aims_heatmap_draw (cr, heatmap->matrix, heatmap->counts, &style, width, height);
}

/* Inherent above residual, each across the page, so that the cells and
 * their labels are large enough to read on paper. */
static void
heatmaps (AimsReviewExport *export,
          AimsPdf          *pdf)
{
  Heatmap inherent = { export->matrix, &export->dashboard->risks.inherent };
  Heatmap residual = { export->matrix, &export->dashboard->risks.residual };
  double height = aims_pdf_text_width (pdf) * 0.55;

  aims_pdf_new_page (pdf);
  aims_pdf_document_title (pdf, _("Risk heatmaps"), NULL);
  aims_pdf_paragraph (pdf, _("The open risks in each cell of the risk matrix, in the colour of the cell's "
                             "band. Inherent: before treatment. Residual: after it, for the risks whose "
                             "residual likelihood and impact have been assessed. The line marks the risk "
                             "appetite: cells beyond it need treatment or a decision."));
  aims_pdf_picture (pdf, height, draw_heatmap, &inherent);
  aims_pdf_picture (pdf, height, draw_heatmap, &residual);
}

gboolean
aims_review_report_write (AimsDb                  *db,
                          const char              *path,
                          const AimsReviewOptions *options,
                          GError                 **error)
{
  AimsReviewExport export = { 0 };
  g_autofree char *title = NULL;
  AimsPdf *pdf = NULL;
  gboolean ok = FALSE;

  g_return_val_if_fail (AIMS_IS_DB (db), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!aims_review_export_init (&export, db, options, error))
    goto out;

  /* Translators: the pack's title in its properties, "Management review 2026-11-28" */
  title = g_strdup_printf (_("Management review %s"), export.to);
  pdf = aims_pdf_new (path, title, export.organisation, error);
  if (pdf == NULL)
    goto out;

  title_page (&export, pdf);
  if (!aims_report_summary (&export, pdf, error))
    goto out;
  heatmaps (&export, pdf);
  if (!aims_report_charts (&export, pdf, error) ||
      !aims_report_tables (&export, pdf, error))
    goto out;

  ok = aims_pdf_finish (g_steal_pointer (&pdf), error);

out:
  aims_pdf_abandon (pdf);
  aims_review_export_clear (&export);
  return ok;
}
