/* aims-soa-check.c — what stands between the organisation and a defensible
 * Statement of Applicability
 *
 * The store refuses most of these gaps as they are made; the check still
 * looks for all of them, because a file may hold data written before a rule
 * existed, or by another program.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "aims-date.h"
#include "aims-risk.h"
#include "aims-soa.h"
#include "aims-soa-check.h"
#include "aims-statement.h"
#include "aims-store.h"

static const struct
{
  const char *name;
  const char *entity;
} kinds[AIMS_SOA_N_FINDING_KINDS] = {
  [AIMS_SOA_FINDING_UNDECIDED]            = { "undecided",            "controls" },
  [AIMS_SOA_FINDING_NO_JUSTIFICATION]     = { "no_justification",     "controls" },
  [AIMS_SOA_FINDING_EXCLUDED_RELIED_ON]   = { "excluded_relied_on",   "controls" },
  [AIMS_SOA_FINDING_RISK_WITHOUT_CONTROL] = { "risk_without_control", "risks" },
  [AIMS_SOA_FINDING_NO_OWNER]             = { "no_owner",             "controls" },
  [AIMS_SOA_FINDING_NO_EVIDENCE]          = { "no_evidence",          "controls" },
  [AIMS_SOA_FINDING_EVIDENCE_STALE]       = { "evidence_stale",       "controls" },
  [AIMS_SOA_FINDING_CLAUSE_GAP]           = { "clause_gap",           "clauses" },
};

const char *
aims_soa_finding_kind_name (AimsSoaFindingKind kind)
{
  g_return_val_if_fail (kind < AIMS_SOA_N_FINDING_KINDS, NULL);

  return kinds[kind].name;
}

const char *
aims_soa_finding_kind_entity (AimsSoaFindingKind kind)
{
  g_return_val_if_fail (kind < AIMS_SOA_N_FINDING_KINDS, NULL);

  return kinds[kind].entity;
}

void
aims_soa_finding_free (AimsSoaFinding *finding)
{
  if (finding == NULL)
    return;
  g_free (finding->reference);
  g_free (finding->message);
  g_free (finding);
}

static void
add_finding_about (GPtrArray          *findings,
                   AimsSoaFindingKind  kind,
                   gint64              id,
                   const char         *reference,
                   char               *message)
{
  AimsSoaFinding *finding = g_new0 (AimsSoaFinding, 1);

  finding->kind = kind;
  finding->id = id;
  finding->reference = g_strdup (reference);
  finding->message = message;
  g_ptr_array_add (findings, finding);
}

static void
add_finding (GPtrArray          *findings,
             AimsSoaFindingKind  kind,
             AimsRecord         *record,
             char               *message)
{
  add_finding_about (findings, kind, aims_record_get_id (record), aims_record_get_reference (record), message);
}

static gboolean
is_blank (const char *text)
{
  return text == NULL || *text == '\0';
}

/* Evidence reviewed more than a year before today, or never. */
static char *
stale_evidence_message (AimsRecord *control,
                        GDate      *today)
{
  const char *reviewed = aims_record_get (control, "review_date");
  g_autoptr(GDate) date = aims_date_parse (reviewed);
  g_autoptr(GDate) year_ago = g_date_copy (today);

  if (date == NULL)
    return g_strdup_printf (_("%s %s: the evidence has no review date"),
                            aims_record_get_reference (control), aims_record_get_title (control));
  g_date_subtract_years (year_ago, 1);
  if (g_date_compare (date, year_ago) >= 0)
    return NULL;
  return g_strdup_printf (_("%s %s: the evidence was last reviewed on %s, more than a year ago"),
                          aims_record_get_reference (control), aims_record_get_title (control), reviewed);
}

/* One kind at a time, so that the findings come out grouped by kind. */
static void
check_control (GPtrArray          *findings,
               AimsSoaFindingKind  kind,
               AimsRecord         *control,
               GDate              *today)
{
  const char *ref = aims_record_get_reference (control);
  const char *title = aims_record_get_title (control);
  const char *applicable = aims_record_get (control, "applicable");
  gboolean excluded = g_strcmp0 (applicable, AIMS_SOA_APPLICABLE_NO) == 0;
  gboolean included = g_strcmp0 (applicable, AIMS_SOA_APPLICABLE_YES) == 0;
  char *message = NULL;

  switch (kind)
    {
    case AIMS_SOA_FINDING_UNDECIDED:
      if (applicable == NULL)
        message = g_strdup_printf (_("%s %s: not decided yet whether it applies"), ref, title);
      break;
    case AIMS_SOA_FINDING_NO_JUSTIFICATION:
      if (excluded && is_blank (aims_record_get (control, "justification")))
        message = g_strdup_printf (_("%s %s is excluded without a justification"), ref, title);
      else if (included && is_blank (aims_record_get (control, "justification")))
        message = g_strdup_printf (_("%s %s is applicable without a justification: say which risk, law, contract or policy calls for it"),
                                   ref, title);
      break;
    case AIMS_SOA_FINDING_EXCLUDED_RELIED_ON:
      if (excluded && !is_blank (aims_record_get (control, "linked_risks")))
        message = g_strdup_printf (_("%s %s is excluded, yet risks rely on it: %s"),
                                   ref, title, aims_record_get (control, "linked_risks"));
      break;
    case AIMS_SOA_FINDING_NO_OWNER:
      if (included && aims_record_get (control, "owner_id") == NULL)
        message = g_strdup_printf (_("%s %s is applicable but has no owner"), ref, title);
      break;
    case AIMS_SOA_FINDING_NO_EVIDENCE:
      if (included && is_blank (aims_record_get (control, "evidence")) &&
          g_strcmp0 (aims_record_get (control, "implementation_status"), AIMS_SOA_STATUS_IMPLEMENTED) == 0)
        message = g_strdup_printf (_("%s %s is marked implemented without evidence"), ref, title);
      break;
    case AIMS_SOA_FINDING_EVIDENCE_STALE:
      if (included && !is_blank (aims_record_get (control, "evidence")))
        message = stale_evidence_message (control, today);
      break;
    default:
      g_return_if_reached ();
    }
  if (message != NULL)
    add_finding (findings, kind, control, message);
}

/* Open risks to be mitigated that no applicable control carries. */
/* In SQL: the register can hold 100,000 risks, of which few are findings. */
static gboolean
check_risks (AimsDb     *db,
             GPtrArray  *findings,
             GError    **error)
{
  g_autoptr(AimsStatement) uncovered = NULL;
  AimsStep step;

  uncovered = aims_db_prepare (db, "SELECT id, reference, title FROM risk"
                                   " WHERE treatment = 'mitigate' AND status IS NOT ?"
                                   " AND id NOT IN (SELECT rc.risk_id FROM risk_control rc"
                                   "  JOIN soa_entry s ON s.control_id = rc.control_id WHERE s.applicable = 1)"
                                   " ORDER BY id",
                               error);
  if (uncovered == NULL)
    return FALSE;
  aims_statement_bind_text (uncovered, 1, AIMS_RISK_STATUS_CLOSED);
  while ((step = aims_statement_step (uncovered, error)) == AIMS_STEP_ROW)
    {
      const char *reference = aims_statement_column_text (uncovered, 1);

      add_finding_about (findings, AIMS_SOA_FINDING_RISK_WITHOUT_CONTROL,
                         aims_statement_column_int64 (uncovered, 0), reference,
                         g_strdup_printf (_("%s “%s” is to be mitigated, but no applicable control is linked to it"),
                                          reference, aims_statement_column_text (uncovered, 2)));
    }
  return step != AIMS_STEP_ERROR;
}

static gboolean
check_clauses (AimsDb     *db,
               GPtrArray  *findings,
               GError    **error)
{
  const AimsEntity *clauses = aims_entity_clauses ();
  const AimsField *status = aims_entity_find_field (clauses, "status");
  g_autoptr(GPtrArray) requirements = aims_store_list (db, clauses, error);

  if (requirements == NULL)
    return FALSE;
  for (guint i = 0; i < requirements->len; i++)
    {
      AimsRecord *requirement = g_ptr_array_index (requirements, i);
      const char *value = aims_record_get (requirement, "status");

      if (g_strcmp0 (value, AIMS_CLAUSE_STATUS_IN_PLACE) == 0)
        continue;
      add_finding (findings, AIMS_SOA_FINDING_CLAUSE_GAP, requirement,
                   /* Translators: "Clause 6.1.2 “How AI risks are assessed” is not in place yet (Partial)" */
                   g_strdup_printf (_("Clause %s “%s” is not in place yet (%s)"),
                                    aims_record_get_reference (requirement),
                                    aims_record_get_title (requirement),
                                    aims_field_choice_label (status, value)));
    }
  return TRUE;
}

GPtrArray *
aims_soa_check (AimsDb  *db,
                GDate   *today,
                GError **error)
{
  g_autoptr(GPtrArray) findings = g_ptr_array_new_with_free_func ((GDestroyNotify) aims_soa_finding_free);
  g_autoptr(GPtrArray) controls = NULL;

  g_return_val_if_fail (AIMS_IS_DB (db), NULL);
  g_return_val_if_fail (today != NULL, NULL);

  if ((controls = aims_store_list (db, aims_entity_controls (), error)) == NULL)
    return NULL;

  for (AimsSoaFindingKind kind = 0; kind <= AIMS_SOA_FINDING_EXCLUDED_RELIED_ON; kind++)
    for (guint i = 0; i < controls->len; i++)
      check_control (findings, kind, g_ptr_array_index (controls, i), today);
  if (!check_risks (db, findings, error))
    return NULL;
  for (AimsSoaFindingKind kind = AIMS_SOA_FINDING_NO_OWNER; kind <= AIMS_SOA_FINDING_EVIDENCE_STALE; kind++)
    for (guint i = 0; i < controls->len; i++)
      check_control (findings, kind, g_ptr_array_index (controls, i), today);
  if (!check_clauses (db, findings, error))
    return NULL;
  return g_steal_pointer (&findings);
}
