/* aims-review-data.c — what the management review reports are made of
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "aims-date.h"
#include "aims-review-data.h"
#include "aims-review-record.h"
#include "aims-review-sheet.h"
#include "aims-risk-matrix-db.h"
#include "aims-statement.h"
#include "aims-store.h"

static gboolean
count_changes (AimsReviewExport  *export,
               guint             *changes,
               GError           **error)
{
  g_autoptr(AimsStatement) stmt = NULL;

  stmt = aims_db_prepare (export->db,
                          "SELECT count(*) FROM audit_log WHERE substr(at, 1, 10) BETWEEN ? AND ?",
                          error);
  if (stmt == NULL)
    return FALSE;
  aims_statement_bind_text (stmt, 1, export->from);
  aims_statement_bind_text (stmt, 2, export->to);
  if (aims_statement_step (stmt, error) != AIMS_STEP_ROW)
    return FALSE;
  *changes = (guint) aims_statement_column_int64 (stmt, 0);
  return TRUE;
}

gboolean
aims_review_headline (AimsReviewExport    *export,
                      AimsReviewHeadline  *figures,
                      GError             **error)
{
  const AimsDashboard *dashboard = export->dashboard;
  const AimsDashboardCount *high =
    aims_dashboard_breakdown_find (&dashboard->systems.by_eu_class, "high");

  *figures = (AimsReviewHeadline) {
    .systems = dashboard->systems.in_use,
    .high_risk_systems = high != NULL ? high->count : 0,
    .open_risks = dashboard->risks.open,
    .above_appetite = dashboard->risks.above_appetite,
    .reviews_overdue = dashboard->risks.review_overdue,
    .acceptances_expired = dashboard->risks.acceptance_expired,
  };
  return count_changes (export, &figures->changes, error);
}

gboolean
aims_review_since_load (AimsReviewExport  *export,
                        AimsReviewSince   *since,
                        GError           **error)
{
  g_autoptr(GError) local_error = NULL;

  *since = (AimsReviewSince) { 0 };
  if ((since->now = aims_review_inputs_compile_with (export->db, export->dashboard, error)) == NULL)
    return FALSE;
  since->last = aims_review_find_last_closed (export->db, export->to, TRUE, 0, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (since->last == NULL)
    {
      since->about = g_strdup_printf (_("Now: as of %s. No management review was closed by then, "
                                        "so there is nothing to compare with yet."), export->to);
      return TRUE;
    }
  /* Translators: "Now: as of 2026-11-28. At the last review: MR-001 “Management review…”, held on 2026-09-14, figures frozen when it was closed." */
  since->about = g_strdup_printf (_("Now: as of %s. At the last review: %s “%s”, held on %s, "
                                    "figures frozen when it was closed."),
                                  export->to, aims_record_get_reference (since->last),
                                  aims_record_get_title (since->last), aims_record_get (since->last, "held_on"));
  return (since->then = aims_review_get_inputs (since->last, error)) != NULL &&
         (since->actions = aims_review_list_actions (export->db, aims_record_get_id (since->last), error)) != NULL;
}

void
aims_review_since_clear (AimsReviewSince *since)
{
  g_clear_pointer (&since->now, aims_review_inputs_free);
  g_clear_object (&since->last);
  g_clear_pointer (&since->then, aims_review_inputs_free);
  g_clear_pointer (&since->actions, g_ptr_array_unref);
  g_clear_pointer (&since->about, g_free);
}

void
aims_review_export_clear (AimsReviewExport *export)
{
  /* The picture's thread reads the matrix and the dashboard's counts: it
   * is waited for before they go (an export that failed before its
   * Heatmap sheet leaves it running). */
  g_clear_pointer (&export->picture, aims_review_picture_free);
  g_free (export->from);
  g_free (export->to);
  g_free (export->author);
  g_free (export->organisation);
  g_free (export->exported_at);
  g_clear_pointer (&export->today, g_date_free);
  g_clear_pointer (&export->matrix, aims_risk_matrix_free);
  g_clear_pointer (&export->systems, g_ptr_array_unref);
  g_clear_pointer (&export->risks, g_ptr_array_unref);
  g_clear_pointer (&export->dashboard, aims_dashboard_free);
}

/* The period, checked: a year up to today unless given. */
static gboolean
read_period (AimsReviewExport         *export,
             const AimsReviewOptions  *options,
             GError                  **error)
{
  g_autoptr(GDate) from = NULL;
  g_autoptr(GDate) to = NULL;

  to = options->to != NULL ? aims_date_parse (options->to) : g_date_copy (export->today);
  if (to == NULL)
    {
      g_set_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_INVALID,
                   _("“%s” is not a date: write the end of the period as YYYY-MM-DD"), options->to);
      return FALSE;
    }
  if (options->from != NULL)
    from = aims_date_parse (options->from);
  else
    {
      from = g_date_copy (to);
      g_date_subtract_years (from, 1);
      g_date_add_days (from, 1);
    }
  if (from == NULL)
    {
      g_set_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_INVALID,
                   _("“%s” is not a date: write the start of the period as YYYY-MM-DD"), options->from);
      return FALSE;
    }
  if (g_date_compare (from, to) > 0)
    {
      g_set_error_literal (error, AIMS_DB_ERROR, AIMS_DB_ERROR_INVALID,
                           _("The period ends before it starts"));
      return FALSE;
    }
  export->from = aims_date_format_iso (from);
  export->to = aims_date_format_iso (to);
  return TRUE;
}

static gboolean
load_dashboard (AimsReviewExport  *export,
                GError           **error)
{
  const AimsDashboardRecords register_read = { export->systems, export->risks };
  g_autoptr(GDate) end = aims_date_parse (export->to);

  export->dashboard = aims_dashboard_load_from (export->db, end, &register_read, error);
  return export->dashboard != NULL;
}

gboolean
aims_review_export_init (AimsReviewExport         *export,
                         AimsDb                   *db,
                         const AimsReviewOptions  *options,
                         GError                  **error)
{
  static const AimsReviewOptions no_options = { 0 };

  if (options == NULL)
    options = &no_options;
  *export = (AimsReviewExport) { 0 };
  export->db = db;
  export->today = aims_date_today ();
  export->author = g_strdup (options->author != NULL ? options->author : aims_default_author ());
  export->organisation = aims_db_dup_organisation (db);
  export->exported_at = aims_timestamp_now ();

  return read_period (export, options, error) &&
         (export->matrix = aims_risk_matrix_load (db, error)) != NULL &&
         (export->systems = aims_store_list (db, aims_entity_systems (), error)) != NULL &&
         (export->risks = aims_store_list (db, aims_entity_risks (), error)) != NULL &&
         load_dashboard (export, error);
}
