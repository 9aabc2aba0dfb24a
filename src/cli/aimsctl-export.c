/* aimsctl-export.c — the export command: files made from a database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "aimsctl.h"


static int
export_heatmap (AimsctlInvocation *inv)
{
  const char *path = inv->args[1];
  const char *out_path = inv->args[2];
  AimsHeatmapView view = inv->options->residual ? AIMS_HEATMAP_RESIDUAL : AIMS_HEATMAP_INHERENT;
  g_autoptr(AimsDb) db = NULL;
  g_autoptr(GError) error = NULL;
  AimsHeatmapFormat format;
  int status;

  /* Bad usage is told before any file is opened. */
  if (!aims_heatmap_format_for_path (out_path, &format, &error))
    return aimsctl_usage_error (inv->command, "%s", error->message);

  if ((db = aimsctl_open (inv, path, AIMS_DB_OPEN_READ_ONLY, &status)) == NULL)
    return status;
  if (!aims_heatmap_export (db, out_path, view, &error))
    return aimsctl_fail_error (out_path, error);

  g_print (inv->options->residual
           ? _("Wrote the residual risk heatmap of %s to %s\n")
           : _("Wrote the inherent risk heatmap of %s to %s\n"), path, out_path);
  return AIMSCTL_EXIT_OK;
}

static void
review_progress_cb (double      fraction,
                    const char *what,
                    gpointer    user_data)
{
  /* Quiet unless asked: scripts read stdout. */
  if (g_getenv ("AIMSCTL_PROGRESS") != NULL)
    g_printerr ("%3.0f%% %s\n", fraction * 100, what);
}

static int
export_review (AimsctlInvocation *inv)
{
  const char *path = inv->args[1];
  const char *out_path = inv->args[2];
  AimsReviewOptions options = {
    .from = inv->options->from,
    .to = inv->options->to,
    .author = aimsctl_author (inv),
  };
  g_autoptr(AimsDb) db = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (!g_str_has_suffix (out_path, ".xlsx"))
    return aimsctl_usage_error (inv->command, _("the workbook’s name must end in .xlsx: %s"), out_path);

  if ((db = aimsctl_open (inv, path, AIMS_DB_OPEN_READ_ONLY, &status)) == NULL)
    return status;
  if (!aims_review_workbook_write (db, out_path, &options, review_progress_cb, NULL, &error))
    {
      if (g_error_matches (error, AIMS_DB_ERROR, AIMS_DB_ERROR_INVALID))
        return aimsctl_usage_error (inv->command, "%s", error->message);
      return aimsctl_fail_error (out_path, error);
    }

  g_print (_("Wrote the management review of %s to %s\n"), path, out_path);
  return AIMSCTL_EXIT_OK;
}

static int
export_report (AimsctlInvocation *inv)
{
  const char *path = inv->args[1];
  const char *out_path = inv->args[2];
  AimsReviewOptions options = {
    .from = inv->options->from,
    .to = inv->options->to,
    .author = aimsctl_author (inv),
  };
  g_autoptr(AimsDb) db = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (!g_str_has_suffix (out_path, ".pdf"))
    return aimsctl_usage_error (inv->command, _("the pack’s name must end in .pdf: %s"), out_path);

  if ((db = aimsctl_open (inv, path, AIMS_DB_OPEN_READ_ONLY, &status)) == NULL)
    return status;
  if (!aims_review_report_write (db, out_path, &options, &error))
    {
      if (g_error_matches (error, AIMS_DB_ERROR, AIMS_DB_ERROR_INVALID))
        return aimsctl_usage_error (inv->command, "%s", error->message);
      return aimsctl_fail_error (out_path, error);
    }

  g_print (_("Wrote the management review pack of %s to %s\n"), path, out_path);
  return AIMSCTL_EXIT_OK;
}

/* export chart DB OBJECTIVE OUT: the one command of export with four
 * arguments. */
static int
export_chart (AimsctlInvocation *inv)
{
  const char *path = inv->args[1];
  const char *objective = inv->args[2];
  const char *out_path = inv->args[3];
  g_autoptr(AimsDb) db = NULL;
  g_autoptr(GError) error = NULL;
  AimsImageFormat format;
  int status;

  if (inv->n_args != 4)
    return aimsctl_usage_error (inv->command, _("export chart wants DB OBJECTIVE OUT"));
  if (!aims_image_format_for_path (out_path, &format))
    return aimsctl_usage_error (inv->command, _("%s: a chart is written as .png, .svg or .pdf"), out_path);

  if ((db = aimsctl_open (inv, path, AIMS_DB_OPEN_READ_ONLY, &status)) == NULL)
    return status;
  if (!aims_objective_chart_export (db, objective, out_path, &error))
    return aimsctl_fail_error (g_error_matches (error, AIMS_DB_ERROR, AIMS_DB_ERROR_MISSING) ? path : out_path,
                               error);

  g_print (_("Wrote the chart of %s to %s\n"), objective, out_path);
  return AIMSCTL_EXIT_OK;
}

int
aimsctl_cmd_export (AimsctlInvocation *inv)
{
  const char *what = inv->args[0];

  if (g_str_equal (what, "chart"))
    return export_chart (inv);
  if (g_str_equal (what, "csv"))
    return aimsctl_export_csv (inv);
  if (g_str_equal (what, "assessment"))
    return aimsctl_export_assessment (inv);
  if (inv->n_args > 3)
    return aimsctl_usage_error (inv->command, _("unexpected argument “%s”"), inv->args[3]);

  if (g_str_equal (what, "heatmap"))
    return export_heatmap (inv);
  if (g_str_equal (what, "review"))
    return export_review (inv);
  if (g_str_equal (what, "report"))
    return export_report (inv);
  if (g_str_equal (what, "soa"))
    return aimsctl_export_soa (inv);
  return aimsctl_usage_error (inv->command, _("unknown export “%s”; use heatmap, review, report, soa, chart, csv or assessment"), what);
}
