/* aims-review-report.c — the management review as a PDF pack, for people
 * who read rather than filter
 *
 * A title page, the headline figures, the heatmaps, open risks by band,
 * the AI systems by lifecycle stage and EU AI Act class, and the risks
 * that need attention: above the appetite, reviews overdue, acceptances
 * expired. The same data as the workbook (aims-review-data.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "aims-heatmap.h"
#include "aims-pdf.h"
#include "aims-review-data.h"
#include "aims-review-report.h"

typedef struct
{
  AimsReviewExport *export;
  guint            *counts;
} Bands;

static void
draw_heatmaps (cairo_t  *cr,
               double    width,
               double    height,
               gpointer  user_data)
{
  AimsReviewExport *export = user_data;
  AimsHeatmapCounts inherent, residual;

  aims_heatmap_counts_from_risks (export->matrix, export->risks, FALSE, NULL, &inherent);
  aims_heatmap_counts_from_risks (export->matrix, export->risks, TRUE, NULL, &residual);
  aims_heatmap_draw_pair (cr, export->matrix, &inherent, &residual, NULL, width, height);
}

/* One bar per band in its colour, its count at the end. */
static void
draw_bands (cairo_t  *cr,
            double    width,
            double    height,
            gpointer  user_data)
{
  Bands *bands = user_data;
  const AimsRiskMatrix *matrix = bands->export->matrix;
  guint n = matrix->bands->len, top = 1;
  double label_width = 90, bar_height = MIN (22, height / MAX (n, 1) - 6);

  for (guint b = 0; b < n; b++)
    top = MAX (top, bands->counts[b]);

  cairo_select_font_face (cr, "Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size (cr, 9);
  for (guint b = 0; b < n; b++)
    {
      const AimsRiskBand *band = aims_risk_matrix_get_band (matrix, b);
      double y = b * (bar_height + 6);
      double length = (width - label_width - 40) * bands->counts[b] / top;
      double red = 0.5, green = 0.5, blue = 0.5;
      g_autofree char *count = g_strdup_printf ("%u", bands->counts[b]);

      aims_risk_colour_parse (band->colour, &red, &green, &blue);
      cairo_set_source_rgb (cr, 0.1, 0.1, 0.12);
      cairo_move_to (cr, 0, y + bar_height * 0.7);
      cairo_show_text (cr, band->name);
      cairo_set_source_rgb (cr, red, green, blue);
      cairo_rectangle (cr, label_width, y, MAX (length, 1), bar_height);
      cairo_fill (cr);
      cairo_set_source_rgb (cr, 0.1, 0.1, 0.12);
      cairo_move_to (cr, label_width + length + 6, y + bar_height * 0.7);
      cairo_show_text (cr, count);
    }
}

static void
headline_table (AimsPdf                  *pdf,
                const AimsReviewHeadline *figures)
{
  const AimsPdfColumn columns[] = {
    { _("Area"), 1 }, { _("Figure"), 0.5, TRUE }, { _("What it counts"), 3 },
  };
  struct { const char *area; guint value; const char *meaning; } rows[] = {
    { _("AI systems"), figures->systems, _("AI systems in the inventory, not retired") },
    { _("AI systems"), figures->high_risk_systems, _("of which high-risk under the EU AI Act") },
    { _("Risks"), figures->open_risks, _("Risks not closed") },
    { _("Risks"), figures->above_appetite, _("Open risks above the risk appetite") },
    { _("Risks"), figures->reviews_overdue, _("Open risks whose review is overdue") },
    { _("Risks"), figures->acceptances_expired, _("Accepted risks whose acceptance has expired") },
    { _("Changes"), figures->changes, _("Changes recorded in the period") },
  };
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
  g_autofree const char *const **table = g_new0 (const char *const *, G_N_ELEMENTS (rows));

  for (guint r = 0; r < G_N_ELEMENTS (rows); r++)
    {
      const char **row = g_new0 (const char *, 3);
      char *value = g_strdup_printf ("%u", rows[r].value);

      row[0] = rows[r].area;
      row[1] = value;
      row[2] = rows[r].meaning;
      g_ptr_array_add (cells, value);
      g_ptr_array_add (cells, row);
      table[r] = row;
    }
  aims_pdf_table (pdf, columns, G_N_ELEMENTS (columns), table, G_N_ELEMENTS (rows));
}

/* Systems counted by a choice field, in the choices' order. */
static void
systems_by (AimsPdf          *pdf,
            AimsReviewExport *export,
            const char       *field_name,
            const char       *title)
{
  const AimsField *field = aims_entity_find_field (aims_entity_systems (), field_name);
  const AimsPdfColumn columns[] = { { title, 3 }, { _("AI systems"), 1, TRUE } };
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  guint n_choices = 0;

  while (field->choices[n_choices].key != NULL)
    n_choices++;
  for (guint c = 0; c <= n_choices; c++)
    {
      const char *key = c < n_choices ? field->choices[c].key : NULL;
      const char **row;
      guint count = 0;

      for (guint i = 0; i < export->systems->len; i++)
        count += g_strcmp0 (aims_record_get (g_ptr_array_index (export->systems, i), field_name), key) == 0;
      if (count == 0)
        continue;
      row = g_new0 (const char *, 2);
      row[0] = key != NULL ? _(field->choices[c].label) : _("Not set");
      row[1] = g_strdup_printf ("%u", count);
      g_ptr_array_add (cells, (gpointer) row[1]);
      g_ptr_array_add (cells, row);
      g_ptr_array_add (rows, row);
    }
  aims_pdf_table (pdf, columns, G_N_ELEMENTS (columns), (const char *const *const *) rows->pdata, rows->len);
}

typedef gboolean (*RiskTest) (const AimsRiskScores *scores);

static gboolean
is_above_appetite (const AimsRiskScores *scores)
{
  return scores->above_appetite;
}

static gboolean
is_review_overdue (const AimsRiskScores *scores)
{
  return scores->review_overdue;
}

static gboolean
is_acceptance_expired (const AimsRiskScores *scores)
{
  return scores->acceptance_expired;
}

/* The open risks that pass test, one line each. */
static void
risk_list (AimsPdf          *pdf,
           AimsReviewExport *export,
           const char       *heading,
           const char       *none,
           RiskTest          test)
{
  const AimsPdfColumn columns[] = {
    { _("Reference"), 1.3 }, { _("Risk"), 2.9 }, { _("AI system"), 2.1 }, { _("Owner"), 1.4 },
    { _("Now"), 1.15 }, { _("Next review"), 1.35 },
  };
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  aims_pdf_heading (pdf, heading);
  for (guint i = 0; i < export->risks->len; i++)
    {
      AimsRecord *risk = g_ptr_array_index (export->risks, i);
      AimsRiskScores scores;
      const char **row;

      if (aims_risk_is_closed (risk))
        continue;
      aims_risk_compute (export->matrix, risk, export->today, &scores);
      if (!test (&scores))
        continue;
      row = g_new0 (const char *, 6);
      row[0] = aims_record_get_reference (risk);
      row[1] = aims_record_get_title (risk);
      row[2] = aims_record_get_display (risk, "ai_system_id");
      if (row[2] == NULL)
        row[2] = _("Organisation-wide");
      row[3] = aims_record_get_display (risk, "owner_id");
      if (scores.current->assessed)
        {
          /* Translators: where a risk stands now, "12 High" */
          char *now = g_strdup_printf (_("%u %s"), scores.current->score, scores.current->band_name);

          g_ptr_array_add (cells, now);
          row[4] = now;
        }
      row[5] = aims_record_get (risk, "next_review_date");
      g_ptr_array_add (cells, row);
      g_ptr_array_add (rows, row);
    }
  if (rows->len == 0)
    aims_pdf_paragraph (pdf, none);
  else
    aims_pdf_table (pdf, columns, G_N_ELEMENTS (columns), (const char *const *const *) rows->pdata, rows->len);
}

gboolean
aims_review_report_write (AimsDb                  *db,
                          const char              *path,
                          const AimsReviewOptions *options,
                          GError                 **error)
{
  AimsReviewExport export = { 0 };
  AimsReviewHeadline figures;
  g_autofree char *title = NULL;
  g_autofree char *period = NULL;
  g_autofree char *by = NULL;
  g_autofree guint *counts = NULL;
  AimsPdf *pdf = NULL;
  gboolean ok = FALSE;

  g_return_val_if_fail (AIMS_IS_DB (db), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!aims_review_export_init (&export, db, options, error) ||
      !aims_review_headline (&export, &figures, error))
    goto out;

  /* Translators: the pack's title in its properties and footer, "AI management review 2026-11-28" */
  title = g_strdup_printf (_("AI management review %s"), export.to);
  pdf = aims_pdf_new (path, title, export.organisation, error);
  if (pdf == NULL)
    goto out;

  /* Translators: on the title page, "Period: 2025-11-29 to 2026-11-28" */
  period = g_strdup_printf (_("Period: %s to %s"), export.from, export.to);
  /* Translators: on the title page, "Exported by Ada Lovelace, 2026-11-28T09:12:00Z" */
  by = g_strdup_printf (_("Exported by %s, %s"), export.author, export.exported_at);
  {
    const char *lines[] = { export.organisation, period, by, NULL };

    aims_pdf_title_page (pdf, _("AI management review"),
                         _("ISO/IEC 42001 clause 9.3: the state of the AI management system"), lines);
  }

  aims_pdf_heading (pdf, _("Headline figures"));
  headline_table (pdf, &figures);

  aims_pdf_heading (pdf, _("Risk heatmaps"));
  aims_pdf_paragraph (pdf, _("Open risks per cell, in the colour of the cell's band. Inherent: before "
                             "treatment. Residual: after it."));
  aims_pdf_picture (pdf, aims_pdf_text_width (pdf) * 0.45, draw_heatmaps, &export);

  counts = aims_review_band_counts (&export);
  aims_pdf_heading (pdf, _("Open risks by band, where each stands now"));
  {
    Bands bands = { &export, counts };

    aims_pdf_picture (pdf, export.matrix->bands->len * 28.0, draw_bands, &bands);
  }

  aims_pdf_heading (pdf, _("AI systems"));
  systems_by (pdf, &export, "lifecycle_stage", _("Lifecycle stage"));
  systems_by (pdf, &export, "eu_ai_act_class", _("EU AI Act class"));

  risk_list (pdf, &export, _("Risks above the appetite"), _("No open risk is above the appetite."),
             is_above_appetite);
  risk_list (pdf, &export, _("Risk reviews overdue"), _("No risk review is overdue."), is_review_overdue);
  risk_list (pdf, &export, _("Acceptances expired"), _("No acceptance has expired."), is_acceptance_expired);

  ok = aims_pdf_finish (g_steal_pointer (&pdf), error);

out:
  aims_pdf_abandon (pdf);
  aims_review_export_clear (&export);
  return ok;
}
