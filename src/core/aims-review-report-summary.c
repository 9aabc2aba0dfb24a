/* aims-review-report-summary.c — the pack's summary: every headline figure
 * as of the end of the period beside the one frozen with the last closed
 * management review, and where the actions decided at that review stand
 *
 * The figures are the review inputs (aims-review-inputs.h) compiled from
 * the export's dashboard, matched by key with the frozen ones, as the
 * workbook's Summary does: the change is exact, not guessed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "aims-nc-entity.h"
#include "aims-nc-workflow.h"
#include "aims-review-record.h"
#include "aims-review-report-private.h"

/* The change as a reader scans it: "+3", "−2", "no change". */
static char *
change_text (gint64 now,
             gint64 then)
{
  if (now == then)
    return g_strdup (_("no change"));
  /* U+2212 MINUS SIGN reads better than a hyphen in a column of numbers. */
  return now > then ? g_strdup_printf ("+%" G_GINT64_FORMAT, now - then)
                    : g_strdup_printf ("\u2212%" G_GINT64_FORMAT, then - now);
}

static void
add_figure (AimsReportRows         *rows,
            const AimsReviewFigure *now,
            const AimsReviewFigure *then)
{
  const AimsReviewFigure *any = now != NULL ? now : then;
  const char **row = aims_report_rows_add (rows);

  row[0] = any->label;
  if (now != NULL)
    row[1] = aims_report_rows_take (rows, g_strdup_printf ("%" G_GINT64_FORMAT, now->value));
  if (then != NULL)
    row[2] = aims_report_rows_take (rows, g_strdup_printf ("%" G_GINT64_FORMAT, then->value));
  if (now != NULL && then != NULL)
    row[3] = aims_report_rows_take (rows, change_text (now->value, then->value));
}

/* A figure that is nought now and was nought then says nothing. */
static gboolean
worth_a_row (const AimsReviewFigure *now,
             const AimsReviewFigure *then)
{
  return (now != NULL && now->value != 0) || (then != NULL && then->value != 0);
}

/* The rows of area, made when first asked for; areas keeps their order. */
static AimsReportRows *
rows_of (GHashTable *by_area,
         GPtrArray  *areas,
         const char *area)
{
  AimsReportRows *rows = g_hash_table_lookup (by_area, area);

  if (rows == NULL)
    {
      rows = aims_report_rows_new (4);
      g_hash_table_insert (by_area, (gpointer) area, rows);
      g_ptr_array_add (areas, (gpointer) area);
    }
  return rows;
}

/* One small table per area, headed by the area's name, so that a table
 * running onto the next page still says which area its figures are of. */
static void
figures_tables (AimsPdf                *pdf,
                const AimsReviewInputs *now,
                const AimsReviewInputs *then)
{
  g_autoptr(GHashTable) by_area = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                         (GDestroyNotify) aims_report_rows_free);
  g_autoptr(GPtrArray) areas = g_ptr_array_new ();

  for (guint i = 0; i < now->figures->len; i++)
    {
      const AimsReviewFigure *figure = &g_array_index (now->figures, AimsReviewFigure, i);
      const AimsReviewFigure *before = then != NULL ? aims_review_inputs_find (then, figure->key) : NULL;

      if (worth_a_row (figure, before))
        add_figure (rows_of (by_area, areas, figure->area), figure, before);
    }
  /* What was counted then and has no figure now (a band renamed since). */
  for (guint i = 0; then != NULL && i < then->figures->len; i++)
    {
      const AimsReviewFigure *figure = &g_array_index (then->figures, AimsReviewFigure, i);

      if (aims_review_inputs_find (now, figure->key) == NULL && worth_a_row (NULL, figure))
        add_figure (rows_of (by_area, areas, figure->area), NULL, figure);
    }

  for (guint a = 0; a < areas->len; a++)
    {
      const AimsPdfColumn columns[] = {
        { aims_review_area_title (areas->pdata[a]), 4.6 }, { _("Now"), 0.9, TRUE },
        { _("At the last review"), 1.1, TRUE }, { _("Change"), 1.1, TRUE },
      };

      aims_report_rows_write (g_hash_table_lookup (by_area, areas->pdata[a]), pdf, columns, 0, NULL);
    }
}

static void
actions_table (AimsReviewExport *export,
               AimsPdf          *pdf,
               GPtrArray        *actions)
{
  const AimsPdfColumn columns[] = {
    { _("Action"), 1 }, { _("What was decided"), 3.6 }, { _("Owner"), 1.5 },
    { _("Due"), 1.1 }, { _("Status"), 1.2 },
  };
  const AimsField *status = aims_entity_find_field (aims_entity_actions (), "status");
  g_autoptr(AimsReportRows) rows = aims_report_rows_new (G_N_ELEMENTS (columns));
  guint n_done = 0, n_open = 0, n_overdue = 0;
  g_autofree char *counts = NULL;

  for (guint i = 0; i < actions->len; i++)
    {
      AimsRecord *action = g_ptr_array_index (actions, i);
      gboolean overdue = aims_action_is_overdue (action, export->today);
      const char *label = _(aims_field_choice_label (status, aims_record_get (action, "status")));
      const char **row = aims_report_rows_add (rows);

      n_done += g_strcmp0 (aims_record_get (action, "status"), AIMS_ACTION_STATUS_DONE) == 0;
      n_open += aims_action_is_open (action);
      n_overdue += overdue;
      row[0] = aims_record_get_reference (action);
      row[1] = aims_record_get (action, "description");
      row[2] = aims_record_get_display (action, "owner_id");
      row[3] = aims_record_get (action, "due_date");
      /* Translators: the status of an action past its due date, "Open, overdue" */
      row[4] = overdue ? aims_report_rows_take (rows, g_strdup_printf (_("%s, overdue"), label)) : label;
    }
  counts = g_strdup_printf (/* Translators: "4 actions: 2 done, 2 still open, of which 1 overdue" */
                            ngettext ("%u action: %u done, %u still open, of which %u overdue",
                                      "%u actions: %u done, %u still open, of which %u overdue",
                                      actions->len),
                            actions->len, n_done, n_open, n_overdue);
  if (n_overdue > 0)
    aims_pdf_callout (pdf, counts, 0.85, 0.45, 0.05);
  else
    aims_pdf_paragraph (pdf, counts);
  if (actions->len > 0)
    aims_report_rows_write (rows, pdf, columns, 0, NULL);
}

gboolean
aims_report_summary (AimsReviewExport  *export,
                     AimsPdf           *pdf,
                     GError           **error)
{
  g_auto(AimsReviewSince) since = { 0 };

  if (!aims_review_since_load (export, &since, error))
    return FALSE;

  aims_pdf_document_title (pdf, _("Summary"), NULL);
  aims_pdf_paragraph (pdf, since.about);
  aims_pdf_heading (pdf, _("Headline figures"));
  figures_tables (pdf, since.now, since.then);

  if (since.last != NULL)
    {
      aims_pdf_heading (pdf, _("Actions decided at the last review"));
      actions_table (export, pdf, since.actions);
    }
  return TRUE;
}
