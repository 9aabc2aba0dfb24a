/* aims-review-report-charts.c — the pack's charts, drawn by the renderers
 * the window uses (aims-chart.h): open risks by band in the matrix's
 * colours, AI systems by lifecycle stage, objectives by state, and each
 * objective's KPI over time with its target and at-risk band
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "aims-date.h"
#include "aims-objective.h"
#include "aims-objective-chart.h"
#include "aims-review-report-private.h"
#include "aims-store.h"

/* At most this many KPI charts, one across the page each: the objectives
 * that most need attention first. */
#define MAX_KPI_CHARTS 12
#define KPI_CHART_HEIGHT 150.0

typedef struct
{
  GArray     *items;    /* AimsChartItem */
  const char *centre;   /* a donut's centre, or NULL for bars */
} Items;

static void
draw_items (cairo_t  *cr,
            double    width,
            double    height,
            gpointer  user_data)
{
  Items *items = user_data;
  AimsChartStyle style = { .paint_background = FALSE };

  if (items->centre != NULL)
    aims_chart_draw_donut (cr, (AimsChartItem *) items->items->data, items->items->len, items->centre,
                           &style, width, height);
  else
    aims_chart_draw_bars (cr, (AimsChartItem *) items->items->data, items->items->len, &style, width, height);
}

/* A breakdown as chart items; with_zeros FALSE leaves out empty categories. */
static GArray *
items_from (const AimsDashboardBreakdown *breakdown,
            gboolean                      with_zeros)
{
  GArray *items = g_array_new (FALSE, TRUE, sizeof (AimsChartItem));

  for (guint i = 0; i < breakdown->counts->len; i++)
    {
      const AimsDashboardCount *count = &g_array_index (breakdown->counts, AimsDashboardCount, i);
      AimsChartItem item = { count->label, count->count, count->colour };

      if (with_zeros || count->count > 0)
        g_array_append_val (items, item);
    }
  return items;
}

static void
chart (AimsPdf                      *pdf,
       const char                   *heading,
       const char                   *explanation,
       const AimsDashboardBreakdown *breakdown,
       gboolean                      with_zeros,
       const char                   *centre)
{
  Items items = { items_from (breakdown, with_zeros), centre };

  aims_pdf_heading (pdf, heading);
  aims_pdf_paragraph (pdf, explanation);
  if (items.items->len == 0)
    aims_pdf_paragraph (pdf, _("Nothing to show."));
  else if (centre != NULL)
    aims_pdf_picture (pdf, 150, draw_items, &items);
  else
    aims_pdf_picture (pdf, 24.0 * items.items->len + 12, draw_items, &items);
  g_array_unref (items.items);
}

/* ── Each objective's KPI ──────────────────────────────────────────────── */

typedef struct
{
  AimsRecord          *objective;
  GArray              *points;    /* not owned */
  AimsObjectiveStatus  status;
  AimsObjectiveKpi     kpi;
  AimsTimeSeries       series;
} Kpi;

static void
draw_kpi (cairo_t  *cr,
          double    width,
          double    height,
          gpointer  user_data)
{
  Kpi *kpi = user_data;
  AimsChartStyle style = { .paint_background = FALSE };

  aims_chart_draw_time_series (cr, &kpi->series, &style, width, height);
}

/* Off track first, then at risk, overdue, and the others; in each, the
 * register's order. */
static int
urgency (AimsObjectiveState state)
{
  switch (state)
    {
    case AIMS_OBJECTIVE_OFF_TRACK: return 0;
    case AIMS_OBJECTIVE_AT_RISK:   return 1;
    case AIMS_OBJECTIVE_OVERDUE:   return 2;
    default:                       return 3;
    }
}

static int
compare_kpis (gconstpointer a,
              gconstpointer b)
{
  const Kpi *x = a, *y = b;

  return urgency (x->status.state) - urgency (y->status.state);
}

static gboolean
kpi_charts (AimsReviewExport  *export,
            AimsPdf           *pdf,
            GError           **error)
{
  g_autoptr(GPtrArray) objectives = aims_store_list (export->db, aims_entity_objectives (), error);
  g_autoptr(GHashTable) series = NULL;
  g_autoptr(GArray) kpis = g_array_new (FALSE, TRUE, sizeof (Kpi));
  guint shown;

  if (objectives == NULL || (series = aims_objective_load_all_series (export->db, error)) == NULL)
    return FALSE;

  for (guint i = 0; i < objectives->len; i++)
    {
      AimsRecord *objective = g_ptr_array_index (objectives, i);
      gint64 id = aims_record_get_id (objective);
      Kpi kpi = { objective, g_hash_table_lookup (series, &id) };
      if (kpi.points == NULL || kpi.points->len == 0)
        continue;
      aims_objective_compute (objective, kpi.points, export->today, &kpi.status);
      g_array_append_val (kpis, kpi);
    }
  /* g_array_sort is a stable merge sort: the register's order stays within a state. */
  g_array_sort (kpis, compare_kpis);

  aims_pdf_heading (pdf, _("Objectives over time"));
  if (kpis->len == 0)
    {
      aims_pdf_paragraph (pdf, _("No objective has been measured yet."));
      return TRUE;
    }
  aims_pdf_paragraph (pdf, _("Each measured objective's KPI: the blue line is the value measured, the "
                             "green line the target, the shaded band where it is at risk. Those off track or "
                             "at risk come first."));
  shown = MIN (kpis->len, MAX_KPI_CHARTS);
  /* Set up once the array no longer moves: the series point into each Kpi. */
  for (guint i = 0; i < shown; i++)
    {
      Kpi *kpi = &g_array_index (kpis, Kpi, i);
      g_autofree char *label = NULL;
      g_autofree char *latest = NULL;
      g_autofree char *about = NULL;
      g_autofree char *on = NULL;

      aims_objective_time_series_init (&kpi->series, kpi->objective, &kpi->kpi, kpi->points);
      /* The title in full above the chart, where it has the page's width. */
      kpi->series.title = NULL;
      /* Translators: above an objective's chart, "OBJ-001 Bias audit coverage" */
      label = g_strdup_printf (_("%s %s"), aims_record_get_reference (kpi->objective),
                               aims_record_get_title (kpi->objective));
      latest = aims_objective_format_value (kpi->objective, kpi->status.latest);
      /* Translators: under an objective's name, "At risk: 55 % on 2026-11-01" */
      on = aims_date_format_iso (&kpi->status.latest_date);
      about = g_strdup_printf (_("%s: %s on %s"), aims_objective_state_label (kpi->status.state), latest, on);
      aims_pdf_keep (pdf, KPI_CHART_HEIGHT + 40);
      aims_pdf_entry (pdf, label, about, NULL);
      aims_pdf_picture (pdf, KPI_CHART_HEIGHT, draw_kpi, kpi);
    }
  if (kpis->len > shown)
    {
      g_autofree char *more = g_strdup_printf (ngettext ("And %u more measured objective: see the "
                                                         "Objectives sheet of the workbook.",
                                                         "And %u more measured objectives: see the "
                                                         "Objectives sheet of the workbook.",
                                                         kpis->len - shown),
                                               kpis->len - shown);

      aims_pdf_paragraph (pdf, more);
    }
  return TRUE;
}

gboolean
aims_report_charts (AimsReviewExport  *export,
                    AimsPdf           *pdf,
                    GError           **error)
{
  const AimsDashboard *dashboard = export->dashboard;
  g_autofree char *objectives = g_strdup_printf ("%u", dashboard->objectives.total);

  aims_pdf_document_title (pdf, _("Charts"), NULL);
  chart (pdf, _("Open risks by band"),
         _("Where each open risk stands now (after treatment where it has been assessed), "
           "in the colours of the risk matrix."),
         &dashboard->risks.by_band, TRUE, NULL);
  chart (pdf, _("AI systems by lifecycle stage"),
         _("Every AI system in the inventory, retired ones included."),
         &dashboard->systems.by_stage, FALSE, NULL);
  chart (pdf, _("Objectives by status"),
         _("Where the AI objectives stand on their latest measurement."),
         &dashboard->objectives.by_state, FALSE, objectives);
  return kpi_charts (export, pdf, error);
}
