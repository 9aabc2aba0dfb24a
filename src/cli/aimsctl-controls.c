/* aimsctl-controls.c — the Statement of Applicability on the command line:
 * check-soa, link, unlink and export soa
 *
 * Listing and updating controls and clauses are `list` and `update` with the
 * entities "controls" and "clauses" (aimsctl-records.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "aimsctl.h"
#include "aimsctl-format.h"

/* ── check-soa ─────────────────────────────────────────────────────────── */

static void
add_progress_lines (GString   *out,
                    GPtrArray *controls,
                    GPtrArray *requirements)
{
  g_autoptr(GArray) groups = aims_soa_group_progress (controls);
  g_autoptr(GArray) chapters = aims_clause_progress (requirements);

  g_string_append_printf (out, "%s\n", _("Statement of Applicability:"));
  for (guint i = 0; i < groups->len; i++)
    {
      const AimsSoaGroupProgress *p = &g_array_index (groups, AimsSoaGroupProgress, i);

      /* Translators: "  A.6 AI system life cycle: 8 of 9 decided, 3 of the 8 applicable implemented" */
      g_string_append_printf (out, _("  %s: %u of %u decided, %u of the %u applicable implemented\n"),
                              p->title, p->n_decided, p->n_controls, p->n_implemented, p->n_applicable);
    }
  g_string_append_printf (out, "%s\n", _("Clauses:"));
  for (guint i = 0; i < chapters->len; i++)
    {
      const AimsClauseProgress *p = &g_array_index (chapters, AimsClauseProgress, i);

      /* Translators: "  6 Planning: 67% in place (4 of 6, 2 partial)" */
      g_string_append_printf (out, _("  %s: %u%% in place (%u of %u, %u partial)\n"),
                              p->title, p->percent, p->n_in_place, p->n_requirements, p->n_partial);
    }
  g_string_append_c (out, '\n');
}

static AimsctlGrid *
findings_grid (GPtrArray *findings)
{
  AimsctlGrid *grid = aimsctl_grid_new ();

  aimsctl_grid_add_column (grid, "kind", AIMSCTL_VALUE_TEXT);
  aimsctl_grid_add_column (grid, "reference", AIMSCTL_VALUE_TEXT);
  aimsctl_grid_add_column (grid, "message", AIMSCTL_VALUE_TEXT);
  for (guint i = 0; i < findings->len; i++)
    {
      AimsSoaFinding *finding = g_ptr_array_index (findings, i);

      aimsctl_grid_begin_row (grid);
      aimsctl_grid_take_cell (grid, g_strdup (aims_soa_finding_kind_name (finding->kind)));
      aimsctl_grid_take_cell (grid, g_strdup (finding->reference));
      aimsctl_grid_take_cell (grid, g_strdup (finding->message));
    }
  return grid;
}

int
aimsctl_cmd_check_soa (AimsctlInvocation *inv)
{
  const char *path = inv->args[0];
  const char *format = inv->options->format != NULL ? inv->options->format : "table";
  g_autoptr(AimsDb) db = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GPtrArray) controls = NULL;
  g_autoptr(GPtrArray) requirements = NULL;
  g_autoptr(AimsctlGrid) grid = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GDate) today = aims_date_today ();
  g_autoptr(GError) error = NULL;
  int status;

  if (!g_str_equal (format, "table") && !g_str_equal (format, "csv") && !g_str_equal (format, "json"))
    return aimsctl_usage_error (inv->command, _("unknown --format “%s”; use table, csv or json"), format);

  if ((db = aimsctl_open (inv, path, AIMS_DB_OPEN_READ_ONLY, &status)) == NULL)
    return status;
  if ((findings = aims_soa_check (db, today, &error)) == NULL ||
      (controls = aims_store_list (db, aims_entity_controls (), &error)) == NULL ||
      (requirements = aims_store_list (db, aims_entity_clauses (), &error)) == NULL)
    return aimsctl_fail_error (path, error);

  grid = findings_grid (findings);
  if (g_str_equal (format, "csv"))
    aimsctl_write_csv (grid, out);
  else if (g_str_equal (format, "json"))
    aimsctl_write_json (grid, out);
  else
    {
      add_progress_lines (out, controls, requirements);
      if (findings->len == 0)
        g_string_append_printf (out, "%s\n", _("OK: nothing stands in the way of a defensible Statement of Applicability"));
      else
        aimsctl_write_table (grid, G_MAXUINT, TRUE, out);
    }
  if ((status = aimsctl_write_out (out)) != AIMSCTL_EXIT_OK)
    return status;
  if (findings->len == 0)
    return AIMSCTL_EXIT_OK;
  /* Like `check`: a gap is a failure for scripts, said in one line. */
  return aimsctl_fail (path, g_dngettext (GETTEXT_PACKAGE,
                                          "%u finding stands between it and a defensible Statement of Applicability",
                                          "%u findings stand between it and a defensible Statement of Applicability",
                                          findings->len), findings->len);
}

/* ── link, unlink ──────────────────────────────────────────────────────── */

static int
change_links (AimsctlInvocation *inv,
              gboolean           add)
{
  const char *path = inv->args[0];
  g_autoptr(AimsDb) db = NULL;
  g_autoptr(AimsRecord) risk = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) now = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  int status;

  if ((db = aimsctl_open_for_writing (inv, path, &status)) == NULL)
    return status;
  if ((risk = aims_store_find (db, aims_entity_risks (), inv->args[1], &error)) == NULL)
    return aimsctl_fail_error (path, error);
  for (guint i = 2; i < inv->n_args; i++)
    {
      g_autoptr(AimsRecord) control = aims_store_find (db, aims_entity_controls (), inv->args[i], &error);
      gint64 id;

      if (control == NULL)
        return aimsctl_fail_error (path, error);
      id = aims_record_get_id (control);
      g_array_append_val (ids, id);
    }

  if (!aims_risk_controls_change (db, aims_record_get_id (risk),
                                  add ? (const gint64 *) ids->data : NULL, add ? ids->len : 0,
                                  add ? NULL : (const gint64 *) ids->data, add ? 0 : ids->len,
                                  aimsctl_author (inv), &error) ||
      (now = aims_risk_controls_get (db, aims_record_get_id (risk), &error)) == NULL)
    return aimsctl_fail_error (path, error);

  /* For people and scripts alike: the risk and the controls it relies on now. */
  g_string_append (out, aims_record_get_reference (risk));
  for (guint i = 0; i < now->len; i++)
    {
      g_autoptr(AimsRecord) control = aims_store_load (db, aims_entity_controls (),
                                                       g_array_index (now, gint64, i), &error);

      if (control == NULL)
        return aimsctl_fail_error (path, error);
      g_string_append_printf (out, " %s", aims_record_get_reference (control));
    }
  g_string_append_c (out, '\n');
  return aimsctl_write_out (out);
}

int
aimsctl_cmd_link (AimsctlInvocation *inv)
{
  return change_links (inv, TRUE);
}

int
aimsctl_cmd_unlink (AimsctlInvocation *inv)
{
  return change_links (inv, FALSE);
}

/* ── export soa ────────────────────────────────────────────────────────── */

int
aimsctl_export_soa (AimsctlInvocation *inv)
{
  const char *path = inv->args[1];
  const char *out_path = inv->args[2];
  g_autoptr(AimsDb) db = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (!g_str_has_suffix (out_path, ".xlsx"))
    return aimsctl_usage_error (inv->command, _("the workbook’s name must end in .xlsx: %s"), out_path);

  if ((db = aimsctl_open (inv, path, AIMS_DB_OPEN_READ_ONLY, &status)) == NULL)
    return status;
  if (!aims_soa_export (db, out_path, aimsctl_author (inv), &error))
    return aimsctl_fail_error (out_path, error);

  g_print (_("Wrote the Statement of Applicability of %s to %s\n"), path, out_path);
  return AIMSCTL_EXIT_OK;
}
