/* aimsctl-assessments.c — impact assessments on the command line: the
 * computed columns of `list assessments`, and `export assessment`
 *
 * Assessments are started, answered, submitted and approved in AIMS Desk's
 * wizard; the command line lists them and prints one as a PDF. `update`
 * reaches only the assessor of a draft (aims_assessment_check_rules()).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "aimsctl.h"
#include "aimsctl-columns.h"

/* ── Computed columns ──────────────────────────────────────────────────── */

static char *
value_review_overdue (AimsRecord *assessment, const AimsctlListContext *context)
{
  return g_strdup (aims_assessment_reassessment_overdue (assessment, context->today) ? "true" : "false");
}

/* "Bo Approver, 2026-11-28", "Draft — not approved", or who it waits for. */
static char *
value_approval_shown (AimsRecord *assessment, const AimsctlListContext *context)
{
  const char *by = aims_record_get (assessment, "approved_by");
  const char *at = aims_record_get (assessment, "approved_at");
  const char *approver = aims_record_get_display (assessment, "approver_id");

  if (by != NULL)
    /* Translators: who approved an assessment and on which day, "Bo Approver, 2026-11-28" */
    return g_strdup_printf (_("%s, %.10s"), by, at != NULL ? at : "");
  if (aims_assessment_record_get_status (assessment) == AIMS_ASSESSMENT_IN_REVIEW && approver != NULL)
    /* Translators: an assessment in review, "waiting for Bo Approver" */
    return g_strdup_printf (_("waiting for %s"), approver);
  return g_strdup (_("not approved"));
}

/* The next reassessment, marked when overdue. */
static char *
value_next_review_shown (AimsRecord *assessment, const AimsctlListContext *context)
{
  const char *date = aims_record_get (assessment, "next_review_date");

  if (date != NULL && aims_assessment_reassessment_overdue (assessment, context->today))
    /* Translators: a date in a table, e.g. "2024-03-01 (overdue)" */
    return g_strdup_printf (_("%s (overdue)"), date);
  return g_strdup (date);
}

static const AimsctlComputedColumn assessment_columns[] = {
  { "review_overdue", N_("Reassessment overdue"), AIMSCTL_VALUE_BOOLEAN, value_review_overdue, FALSE },
  { "approval_shown", N_("Approval"), AIMSCTL_VALUE_TEXT, value_approval_shown, TRUE },
  { "next_review_shown", N_("Next reassessment"), AIMSCTL_VALUE_TEXT, value_next_review_shown, TRUE },
  { NULL }
};

static const char *const assessment_table[] = {
  "ai_system_id", "version", "status", "overall_level", "eu_class", "assessor_id", "approver_id",
  "+approval_shown", "+next_review_shown", NULL
};

const AimsctlComputedColumn *
aimsctl_assessment_computed_columns (const AimsEntity *entity)
{
  return entity == aims_entity_assessments () ? assessment_columns : NULL;
}

const char *const *
aimsctl_assessment_table_columns (const AimsEntity *entity)
{
  return entity == aims_entity_assessments () ? assessment_table : NULL;
}

/* ── export assessment ─────────────────────────────────────────────────── */

int
aimsctl_export_assessment (AimsctlInvocation *inv)
{
  const char *path = inv->args[1];
  const char *id = inv->n_args > 2 ? inv->args[2] : NULL;
  const char *out_path = inv->n_args > 3 ? inv->args[3] : NULL;
  g_autoptr(AimsDb) db = NULL;
  g_autoptr(AimsRecord) record = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (out_path == NULL)
    return aimsctl_usage_error (inv->command, _("export assessment wants DB ID OUT.pdf"));
  if (!g_str_has_suffix (out_path, ".pdf"))
    return aimsctl_usage_error (inv->command, _("the assessment’s file name must end in .pdf: %s"), out_path);

  if ((db = aimsctl_open (inv, path, AIMS_DB_OPEN_READ_ONLY, &status)) == NULL)
    return status;
  if ((record = aims_store_find (db, aims_entity_assessments (), id, &error)) == NULL)
    return aimsctl_fail_error (path, error);
  if (!aims_assessment_pdf_write (db, aims_record_get_id (record), out_path, &error))
    return aimsctl_fail_error (out_path, error);

  g_print (_("Wrote %s, version %s, to %s\n"), aims_record_get_reference (record),
           aims_record_get (record, "version"), out_path);
  return AIMSCTL_EXIT_OK;
}
