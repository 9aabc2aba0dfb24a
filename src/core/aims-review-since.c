/* aims-review-since.c — the Summary's report on the last management review:
 * every headline figure now beside the one frozen with the last closed
 * review, and where the actions decided at it stand
 *
 * "Now" is the review inputs of the export's dashboard, as of the end of
 * the period; "at the last review" is that review's frozen inputs
 * (aims_review_get_inputs()), matched by key, so the change is exact rather
 * than guessed from the audit log.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "aims-date.h"
#include "aims-nc.h"
#include "aims-review-record.h"
#include "aims-review-sheet.h"
#include "aims-store.h"

static void
write_figure_row (AimsReviewExport       *export,
                  lxw_worksheet          *sheet,
                  lxw_row_t               row,
                  const AimsReviewFigure *now,
                  const AimsReviewFigure *then)
{
  AimsXlsx *xlsx = export->xlsx;
  const AimsReviewFigure *any = now != NULL ? now : then;
  lxw_format *integer = aims_xlsx_format (xlsx, AIMS_XLSX_INTEGER);

  aims_xlsx_write_text (xlsx, sheet, row, 0, aims_review_area_title (any->area), NULL);
  if (now != NULL)
    aims_xlsx_write_number (xlsx, sheet, row, 1, now->value, integer);
  aims_xlsx_write_text (xlsx, sheet, row, 2, any->label, NULL);
  if (then != NULL)
    aims_xlsx_write_number (xlsx, sheet, row, 3, then->value, integer);
  if (now != NULL && then != NULL)
    aims_xlsx_write_number (xlsx, sheet, row, 4, (double) (now->value - then->value),
                            aims_xlsx_format (xlsx, AIMS_XLSX_CHANGE));
}

/* A figure that is nought now and was nought (or not counted) then says
 * nothing: left out, so the table stays readable. */
static gboolean
worth_a_row (const AimsReviewFigure *now,
             const AimsReviewFigure *then)
{
  return (now != NULL && now->value != 0) || (then != NULL && then->value != 0);
}

static lxw_row_t
write_figures (AimsReviewExport       *export,
               lxw_worksheet          *sheet,
               lxw_row_t               top,
               const AimsReviewInputs *now,
               const AimsReviewInputs *then)
{
  const AimsXlsxColumn columns[] = {
    { _("Area"), 24 }, { _("Now"), 18 }, { _("What it counts"), 60 },
    { _("At the last review"), 18 }, { _("Change"), 12 },
  };
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();  /* pairs: now, then */

  for (guint i = 0; i < now->figures->len; i++)
    {
      const AimsReviewFigure *figure = &g_array_index (now->figures, AimsReviewFigure, i);
      const AimsReviewFigure *before = then != NULL ? aims_review_inputs_find (then, figure->key) : NULL;

      if (worth_a_row (figure, before))
        {
          g_ptr_array_add (rows, (gpointer) figure);
          g_ptr_array_add (rows, (gpointer) before);
        }
    }
  /* What was counted then and has no figure now (a band renamed since). */
  for (guint i = 0; then != NULL && i < then->figures->len; i++)
    {
      const AimsReviewFigure *figure = &g_array_index (then->figures, AimsReviewFigure, i);

      if (aims_review_inputs_find (now, figure->key) == NULL && worth_a_row (NULL, figure))
        {
          g_ptr_array_add (rows, NULL);
          g_ptr_array_add (rows, (gpointer) figure);
        }
    }

  aims_xlsx_add_table (export->xlsx, sheet, top, rows->len / 2, columns, G_N_ELEMENTS (columns), FALSE);
  for (guint r = 0; r < rows->len / 2; r++)
    write_figure_row (export, sheet, top + 1 + r, g_ptr_array_index (rows, 2 * r),
                      g_ptr_array_index (rows, 2 * r + 1));
  return top + 1 + rows->len / 2;
}

static const char *
action_status_label (AimsRecord *action)
{
  const AimsField *field = aims_entity_find_field (aims_entity_actions (), "status");

  return _(aims_field_choice_label (field, aims_record_get (action, "status")));
}

static lxw_row_t
write_actions (AimsReviewExport  *export,
               lxw_worksheet     *sheet,
               lxw_row_t          top,
               GPtrArray         *actions)
{
  AimsXlsx *xlsx = export->xlsx;
  const AimsXlsxColumn columns[] = {
    { _("Action"), 24 }, { _("Owner"), 18 }, { _("What was decided"), 60 },
    { _("Due"), 18 }, { _("Status"), 12 }, { _("Completed on"), 14 }, { _("Overdue"), 10 },
  };
  guint n_done = 0, n_open = 0, n_overdue = 0;
  g_autofree char *counts = NULL;

  for (guint i = 0; i < actions->len; i++)
    {
      AimsRecord *action = g_ptr_array_index (actions, i);

      n_done += g_strcmp0 (aims_record_get (action, "status"), AIMS_ACTION_STATUS_DONE) == 0;
      n_open += aims_action_is_open (action);
      n_overdue += aims_action_is_overdue (action, export->today);
    }
  counts = g_strdup_printf (/* Translators: "4 actions: 2 done, 2 still open, of which 1 overdue" */
                            ngettext ("%u action: %u done, %u still open, of which %u overdue",
                                      "%u actions: %u done, %u still open, of which %u overdue",
                                      actions->len),
                            actions->len, n_done, n_open, n_overdue);
  aims_xlsx_write_text (xlsx, sheet, top, 0, counts,
                        aims_xlsx_format (xlsx, n_overdue > 0 ? AIMS_XLSX_WARNING : AIMS_XLSX_LABEL_VALUE));
  if (actions->len == 0)
    return top + 1;

  aims_xlsx_add_table (xlsx, sheet, top + 1, actions->len, columns, G_N_ELEMENTS (columns), FALSE);
  for (guint i = 0; i < actions->len; i++)
    {
      AimsRecord *action = g_ptr_array_index (actions, i);
      lxw_row_t row = top + 2 + i;
      gboolean overdue = aims_action_is_overdue (action, export->today);
      const char *due = aims_record_get (action, "due_date");
      const char *completed = aims_record_get (action, "completed_date");

      aims_xlsx_write_text (xlsx, sheet, row, 0, aims_record_get_reference (action), NULL);
      aims_xlsx_write_text (xlsx, sheet, row, 1, aims_record_get_display (action, "owner_id"), NULL);
      aims_xlsx_write_text (xlsx, sheet, row, 2, aims_record_get (action, "description"),
                            aims_xlsx_format (xlsx, AIMS_XLSX_TEXT));
      if (due != NULL)
        aims_xlsx_write_date (xlsx, sheet, row, 3, due,
                              overdue ? aims_xlsx_format (xlsx, AIMS_XLSX_WARNING_DATE) : NULL);
      aims_xlsx_write_text (xlsx, sheet, row, 4, action_status_label (action), NULL);
      if (completed != NULL)
        aims_xlsx_write_date (xlsx, sheet, row, 5, completed, NULL);
      aims_xlsx_write_text (xlsx, sheet, row, 6, overdue ? _("Yes") : _("No"),
                            overdue ? aims_xlsx_format (xlsx, AIMS_XLSX_WARNING) : NULL);
    }
  return top + 2 + actions->len;
}

gboolean
aims_review_summary_since_last (AimsReviewExport  *export,
                                lxw_worksheet     *sheet,
                                lxw_row_t          top,
                                lxw_row_t         *next,
                                GError           **error)
{
  AimsXlsx *xlsx = export->xlsx;
  g_auto(AimsReviewSince) since = { 0 };
  lxw_row_t row;

  if (!aims_review_since_load (export, &since, error))
    return FALSE;

  aims_xlsx_write_text (xlsx, sheet, top, 0, _("Since the last management review"),
                        aims_xlsx_format (xlsx, AIMS_XLSX_SUBTITLE));
  aims_xlsx_write_text (xlsx, sheet, top + 1, 0, since.about, aims_xlsx_format (xlsx, AIMS_XLSX_LABEL_VALUE));
  row = write_figures (export, sheet, top + 2, since.now, since.then);

  if (since.last != NULL)
    {
      aims_xlsx_write_text (xlsx, sheet, row + 1, 0, _("Actions decided at the last review"),
                            aims_xlsx_format (xlsx, AIMS_XLSX_SUBTITLE));
      row = write_actions (export, sheet, row + 2, since.actions);
    }
  *next = row + 1;
  return TRUE;
}
