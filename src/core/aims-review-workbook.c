/* aims-review-workbook.c — the management-review workbook for leadership:
 * the table of sheets, the Summary and the Legend
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>

#include <glib/gi18n.h>

#include "aims-date.h"
#include "aims-review-sheet.h"
#include "aims-risk.h"
#include "aims-risk-matrix-db.h"
#include "aims-statement.h"
#include "aims-store.h"

static gboolean summary_sheet (AimsReviewExport *export, GError **error);
static gboolean legend_sheet  (AimsReviewExport *export, GError **error);

/* In the order leadership reads them. An area adds its sheets here. */
static const struct
{
  const char          *what;   /* N_(), for the progress */
  AimsReviewSheetFunc  write;
} sheets[] = {
  { N_("Summary"),    summary_sheet },
  { N_("AI systems"), aims_review_sheet_systems },
  { N_("Risks"),      aims_review_sheet_risks },
  { N_("Heatmap"),    aims_review_sheet_heatmap },
  { N_("Impact assessments"), aims_review_sheet_assessments },
  { N_("Objectives"), aims_review_sheet_objectives },
  { N_("Nonconformities"), aims_review_sheet_nonconformities },
  { N_("Corrective actions"), aims_review_sheet_actions },
  { N_("Statement of Applicability"), aims_review_sheet_soa },
  { N_("Changes"),    aims_review_sheet_changes },
  { N_("Legend"),     legend_sheet },
};

/* ── Summary ─────────────────────────────────────────────────────────── */

static void
write_pair (AimsReviewExport *export,
            lxw_worksheet    *sheet,
            lxw_row_t         row,
            const char       *label,
            const char       *value,
            gboolean          date)
{
  aims_xlsx_write_text (export->xlsx, sheet, row, 0, label, aims_xlsx_format (export->xlsx, AIMS_XLSX_LABEL));
  if (date)
    aims_xlsx_write_date (export->xlsx, sheet, row, 1, value, NULL);
  else
    /* Across the figure and its explanation, so a long name reads whole. */
    worksheet_merge_range (sheet, row, 1, row, 2, value != NULL ? value : "",
                           aims_xlsx_format (export->xlsx, AIMS_XLSX_LABEL_VALUE));
}

/* libxlsxwriter's default chart height and a default row's, in pixels. */
#define CHART_HEIGHT 288
#define ROW_HEIGHT    20

/* The first n categories of a dashboard breakdown as a small table and a
 * chart under it (LXW_CHART_COLUMN, or LXW_CHART_BAR for long names), each column in its category's colour (the colours
 * the application's dashboard uses). Returns the first row after the chart. */
static lxw_row_t
breakdown_chart (AimsReviewExport             *export,
                 lxw_worksheet                *sheet,
                 const char                   *sheet_name,
                 lxw_row_t                     top,
                 const AimsDashboardBreakdown *breakdown,
                 guint                         n,
                 const AimsXlsxColumn          columns[2],
                 uint8_t                       chart_type,
                 const char                   *heading,
                 const char                   *chart_title)
{
  g_autofree lxw_chart_fill *fills = g_new0 (lxw_chart_fill, n);
  g_autofree lxw_chart_point *points = g_new0 (lxw_chart_point, n);
  g_autofree lxw_chart_point **point_ptrs = g_new0 (lxw_chart_point *, n + 1);
  /* A bar chart grows with its categories, so that each keeps its label. */
  lxw_chart_options placement = {
    .x_scale = chart_type == LXW_CHART_BAR ? 1.25 : 1,
    .y_scale = chart_type == LXW_CHART_BAR ? MAX (1.0, n / 5.0) : 1,
  };
  lxw_chart *chart;
  lxw_chart_series *series;

  aims_xlsx_write_text (export->xlsx, sheet, top, 0, heading,
                        aims_xlsx_format (export->xlsx, AIMS_XLSX_SUBTITLE));
  aims_xlsx_add_table (export->xlsx, sheet, top + 1, n, columns, 2, FALSE);
  for (guint i = 0; i < n; i++)
    {
      const AimsDashboardCount *count = &g_array_index (breakdown->counts, AimsDashboardCount, i);

      aims_xlsx_write_text (export->xlsx, sheet, top + 2 + i, 0, count->label,
                            aims_xlsx_fill (export->xlsx, count->colour));
      aims_xlsx_write_number (export->xlsx, sheet, top + 2 + i, 1, count->count,
                              aims_xlsx_format (export->xlsx, AIMS_XLSX_INTEGER));
      fills[i].color = (lxw_color_t) g_ascii_strtoull (count->colour + 1, NULL, 16);
      points[i].fill = &fills[i];
      point_ptrs[i] = &points[i];
    }

  chart = workbook_add_chart (aims_xlsx_get_workbook (export->xlsx), chart_type);
  series = chart_add_series (chart, NULL, NULL);
  chart_series_set_categories (series, sheet_name, top + 2, 0, top + 1 + n, 0);
  chart_series_set_values (series, sheet_name, top + 2, 1, top + 1 + n, 1);
  chart_series_set_points (series, point_ptrs);
  chart_set_series_gap (chart, 60);
  chart_title_set_name (chart, chart_title);
  chart_legend_set_position (chart, LXW_CHART_LEGEND_NONE);
  /* libxlsxwriter swaps the axes of a bar chart: x is the values. Bars
   * list their categories from the bottom up; top down reads in order. */
  if (chart_type == LXW_CHART_BAR)
    {
      chart_axis_set_name (chart->x_axis, columns[1].header);
      chart_axis_set_reverse (chart->y_axis);
    }
  else
    chart_axis_set_name (chart->y_axis, columns[1].header);
  /* Under its table, so the sheet prints on one page's width; then a blank row. */
  worksheet_insert_chart_opt (sheet, top + n + 3, 0, chart, &placement);
  return top + n + 3 + (lxw_row_t) ceil (CHART_HEIGHT * placement.y_scale / ROW_HEIGHT) + 1;
}

/* The two pictures a director reads without help: where the open risks
 * stand, and where the AI systems are in their life. */
static void
summary_charts (AimsReviewExport *export,
                lxw_worksheet    *sheet,
                const char       *sheet_name,
                lxw_row_t         top)
{
  const AimsDashboard *dashboard = export->dashboard;
  const AimsXlsxColumn band_columns[] = { { _("Band"), 24 }, { _("Open risks"), 18 } };
  const AimsXlsxColumn stage_columns[] = { { _("Lifecycle stage"), 24 }, { _("AI systems"), 18 } };

  /* The bands only: "Not assessed" follows them in the breakdown. */
  top = breakdown_chart (export, sheet, sheet_name, top, &dashboard->risks.by_band,
                         export->matrix->bands->len, band_columns, LXW_CHART_COLUMN,
                         _("Open risks by band"), _("Open risks by band, where each stands now"));
  breakdown_chart (export, sheet, sheet_name, top, &dashboard->systems.by_stage,
                   dashboard->systems.by_stage.counts->len, stage_columns, LXW_CHART_BAR,
                   _("AI systems by lifecycle stage"), _("AI systems by lifecycle stage, retired ones included"));
}

static gboolean
summary_sheet (AimsReviewExport  *export,
               GError           **error)
{
  /* The name the chart refers to: the sheet is the first one, so no
   * earlier sheet can have taken it. */
  const char *name = _("Summary");
  lxw_worksheet *sheet = aims_xlsx_add_sheet (export->xlsx, name);
  const AimsXlsxColumn columns[] = {
    { _("Area"), 24 }, { _("Figure"), 18 }, { _("What it counts"), 60 },
  };
  AimsReviewHeadline figures;
  struct { const char *area; guint value; const char *meaning; } rows[7];
  guint n = 0;
  lxw_row_t top;

  if (!aims_review_headline (export, &figures, error))
    return FALSE;

  /* The pages that are read rather than filtered print one page wide. */
  worksheet_fit_to_pages (sheet, 1, 0);
  aims_xlsx_write_text (export->xlsx, sheet, 0, 0, _("AI management review"),
                        aims_xlsx_format (export->xlsx, AIMS_XLSX_TITLE));
  aims_xlsx_write_text (export->xlsx, sheet, 1, 0,
                        _("ISO/IEC 42001 clause 9.3: the state of the AI management system for top management"),
                        aims_xlsx_format (export->xlsx, AIMS_XLSX_SUBTITLE));
  write_pair (export, sheet, 3, _("Organisation"), export->organisation, FALSE);
  write_pair (export, sheet, 4, _("Period from"), export->from, TRUE);
  write_pair (export, sheet, 5, _("Period to"), export->to, TRUE);
  write_pair (export, sheet, 6, _("Exported by"), export->author, FALSE);
  write_pair (export, sheet, 7, _("Exported at"), export->exported_at, TRUE);

#define ROW(a, v, m) rows[n++] = (typeof (rows[0])) { a, v, m }
  ROW (_("AI systems"), figures.systems, _("AI systems in the inventory, not retired"));
  ROW (_("AI systems"), figures.high_risk_systems, _("of which high-risk under the EU AI Act"));
  ROW (_("Risks"), figures.open_risks, _("Risks not closed"));
  ROW (_("Risks"), figures.above_appetite, _("Open risks above the risk appetite"));
  ROW (_("Risks"), figures.reviews_overdue, _("Open risks whose review is overdue"));
  ROW (_("Risks"), figures.acceptances_expired, _("Accepted risks whose acceptance has expired"));
  ROW (_("Changes"), figures.changes, _("Changes recorded in the period (sheet Changes)"));
#undef ROW

  top = 9;
  aims_xlsx_write_text (export->xlsx, sheet, top, 0, _("Headline figures"),
                        aims_xlsx_format (export->xlsx, AIMS_XLSX_SUBTITLE));
  aims_xlsx_add_table (export->xlsx, sheet, top + 1, n, columns, G_N_ELEMENTS (columns), FALSE);
  for (guint r = 0; r < n; r++)
    {
      aims_xlsx_write_text (export->xlsx, sheet, top + 2 + r, 0, rows[r].area, NULL);
      aims_xlsx_write_number (export->xlsx, sheet, top + 2 + r, 1, rows[r].value,
                              aims_xlsx_format (export->xlsx, AIMS_XLSX_INTEGER));
      aims_xlsx_write_text (export->xlsx, sheet, top + 2 + r, 2, rows[r].meaning, NULL);
    }
  if (!aims_review_summary_since_last (export, sheet, top + n + 3, &top, error))
    return FALSE;
  summary_charts (export, sheet, sheet->name, top + 1);
  worksheet_activate (sheet);
  return TRUE;
}

/* ── Legend ──────────────────────────────────────────────────────────── */

static gboolean
legend_sheet (AimsReviewExport  *export,
              GError           **error)
{
  const AimsRiskMatrix *matrix = export->matrix;
  lxw_worksheet *sheet = aims_xlsx_add_sheet (export->xlsx, _("Legend"));
  const AimsXlsxColumn columns[] = {
    { _("Band"), 24 }, { _("Lowest score"), 13 }, { _("Highest score"), 13 },
    { _("Within the appetite"), 18 },
  };
  int appetite = aims_risk_matrix_appetite_index (matrix);
  lxw_row_t row;

  worksheet_fit_to_pages (sheet, 1, 0);
  aims_xlsx_write_text (export->xlsx, sheet, 0, 0, _("How to read this workbook"),
                        aims_xlsx_format (export->xlsx, AIMS_XLSX_TITLE));
  aims_xlsx_write_text (export->xlsx, sheet, 1, 0,
                        _("A risk's score is its likelihood level times its impact level; the band "
                          "names the score and gives it its colour. Inherent: before treatment. "
                          "Residual: after it. Red text marks what needs attention: an overdue review, "
                          "an expired acceptance, a risk above the appetite."),
                        aims_xlsx_format (export->xlsx, AIMS_XLSX_TEXT));
  worksheet_merge_range (sheet, 1, 0, 1, 5, NULL, aims_xlsx_format (export->xlsx, AIMS_XLSX_TEXT));
  worksheet_set_row (sheet, 1, 48, NULL);

  row = 3;
  aims_xlsx_add_table (export->xlsx, sheet, row, matrix->bands->len, columns, G_N_ELEMENTS (columns), FALSE);
  for (guint b = 0; b < matrix->bands->len; b++)
    {
      const AimsRiskBand *band = aims_risk_matrix_get_band (matrix, b);

      aims_xlsx_write_text (export->xlsx, sheet, row + 1 + b, 0, band->name,
                            aims_xlsx_fill (export->xlsx, band->colour));
      aims_xlsx_write_number (export->xlsx, sheet, row + 1 + b, 1, band->min_score,
                              aims_xlsx_format (export->xlsx, AIMS_XLSX_INTEGER));
      aims_xlsx_write_number (export->xlsx, sheet, row + 1 + b, 2, band->max_score,
                              aims_xlsx_format (export->xlsx, AIMS_XLSX_INTEGER));
      aims_xlsx_write_text (export->xlsx, sheet, row + 1 + b, 3,
                            (int) b <= appetite ? _("Yes") : _("No"), NULL);
    }

  row += matrix->bands->len + 3;
  aims_xlsx_write_text (export->xlsx, sheet, row, 0, _("Likelihood levels"),
                        aims_xlsx_format (export->xlsx, AIMS_XLSX_SUBTITLE));
  aims_xlsx_write_text (export->xlsx, sheet, row, 2, _("Impact levels"),
                        aims_xlsx_format (export->xlsx, AIMS_XLSX_SUBTITLE));
  for (guint level = 1; level <= matrix->size; level++)
    {
      aims_xlsx_write_number (export->xlsx, sheet, row + level, 0, level,
                              aims_xlsx_format (export->xlsx, AIMS_XLSX_INTEGER));
      aims_xlsx_write_text (export->xlsx, sheet, row + level, 1,
                            aims_risk_matrix_level_label (matrix, AIMS_RISK_AXIS_LIKELIHOOD, level), NULL);
      aims_xlsx_write_number (export->xlsx, sheet, row + level, 2, level,
                              aims_xlsx_format (export->xlsx, AIMS_XLSX_INTEGER));
      aims_xlsx_write_text (export->xlsx, sheet, row + level, 3,
                            aims_risk_matrix_level_label (matrix, AIMS_RISK_AXIS_IMPACT, level), NULL);
    }
  return TRUE;
}

/* ── The workbook ────────────────────────────────────────────────────── */

gboolean
aims_review_workbook_write (AimsDb                  *db,
                            const char              *path,
                            const AimsReviewOptions *options,
                            AimsProgressFunc         progress,
                            gpointer                 user_data,
                            GError                 **error)
{
  AimsReviewExport export = { 0 };
  g_autofree char *title = NULL;
  gboolean ok = FALSE;

  g_return_val_if_fail (AIMS_IS_DB (db), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (progress != NULL)
    progress (0.0, _("Reading the database"), user_data);
  if (!aims_review_export_init (&export, db, options, error))
    goto out;
  export.picture = aims_review_picture_start (&export);

  /* Translators: the workbook's title in its properties, "AI management review 2026-11-28" */
  title = g_strdup_printf (_("AI management review %s"), export.to);
  export.xlsx = aims_xlsx_new (path, title, _("ISO/IEC 42001 management review (clause 9.3)"),
                               export.author, export.organisation, error);
  if (export.xlsx == NULL)
    goto out;

  for (guint i = 0; i < G_N_ELEMENTS (sheets); i++)
    {
      if (progress != NULL)
        progress ((i + 1.0) / (G_N_ELEMENTS (sheets) + 1), _(sheets[i].what), user_data);
      if (!sheets[i].write (&export, error))
        {
          aims_xlsx_abandon (g_steal_pointer (&export.xlsx));
          goto out;
        }
    }

  if (progress != NULL)
    progress (1.0, _("Writing the file"), user_data);
  ok = aims_xlsx_close (g_steal_pointer (&export.xlsx), error);

out:
  aims_review_export_clear (&export);
  return ok;
}
