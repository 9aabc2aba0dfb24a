/* aimsctl-export.c — the export command: files made from a database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "aimsctl.h"

/* What `export` makes, and what DESIGN.md plans it to make later. */
static const char *const planned_exports[] = { "review", NULL };

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

int
aimsctl_cmd_export (AimsctlInvocation *inv)
{
  const char *what = inv->args[0];

  if (g_str_equal (what, "heatmap"))
    return export_heatmap (inv);
  if (g_strv_contains (planned_exports, what))
    return aimsctl_fail (NULL, _("export %s: not available yet; this version of aimsctl exports: heatmap"),
                         what);
  return aimsctl_usage_error (inv->command, _("unknown export “%s”; use heatmap"), what);
}
