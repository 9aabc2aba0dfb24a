/* aims-review-report-tables.c — the pack's key tables
 *
 * What a director reads line by line: the AI systems, the risks with the
 * highest scores, the open nonconformities, the corrective actions past
 * their due date, the impact assessments in force or under way, and the
 * Statement of Applicability group by group. A table that grows with the
 * register shows the AIMS_REPORT_MAX_ROWS that matter most and says how
 * many more the workbook holds.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "aims-assessment.h"
#include "aims-assessment-shown.h"
#include "aims-date.h"
#include "aims-nc.h"
#include "aims-nc-workflow.h"
#include "aims-review-report-private.h"
#include "aims-soa.h"
#include "aims-store.h"

/* A heading, its explanation, the table's header and a few rows. */
#define KEEP_WITH_TABLE 150.0

/* Where key stands among the field's choices, those unset last. */
static guint
choice_rank (const AimsEntity *entity,
             const char       *field_name,
             const char       *key)
{
  const AimsField *field = aims_entity_find_field (entity, field_name);
  guint i = 0;

  for (; field->choices[i].key != NULL; i++)
    if (g_strcmp0 (field->choices[i].key, key) == 0)
      return i;
  return i + 1;
}

static const char *
choice_label (AimsRecord *record,
              const char *field_name)
{
  const AimsField *field = aims_entity_find_field (aims_record_get_entity (record), field_name);
  const char *key = aims_record_get (record, field_name);

  return key != NULL ? _(aims_field_choice_label (field, key)) : NULL;
}

/* ── AI systems ─────────────────────────────────────────────────────────── */

/* The criticality choices go from low to critical; unset is below low. */
static int
criticality (AimsRecord *system)
{
  const char *key = aims_record_get (system, "criticality");

  return key != NULL ? (int) choice_rank (aims_entity_systems (), "criticality", key) : -1;
}

/* Prohibited and high-risk first, then by criticality, most critical first. */
static int
compare_systems (gconstpointer a,
                 gconstpointer b)
{
  AimsRecord *x = *(AimsRecord **) a, *y = *(AimsRecord **) b;
  const AimsEntity *systems = aims_entity_systems ();
  int by_class = (int) choice_rank (systems, "eu_ai_act_class", aims_record_get (x, "eu_ai_act_class")) -
                 (int) choice_rank (systems, "eu_ai_act_class", aims_record_get (y, "eu_ai_act_class"));

  return by_class != 0 ? by_class : criticality (y) - criticality (x);
}

static void
systems_table (AimsReviewExport *export,
               AimsPdf          *pdf)
{
  const AimsPdfColumn columns[] = {
    { _("Reference"), 1 }, { _("AI system"), 2.6 }, { _("Owner"), 1.5 }, { _("Lifecycle stage"), 1.6 },
    { _("EU AI Act class"), 1.3 }, { _("Criticality"), 1 }, { _("Next review"), 1.2 },
  };
  g_autoptr(AimsReportRows) rows = aims_report_rows_new (G_N_ELEMENTS (columns));
  g_autoptr(GPtrArray) in_use = g_ptr_array_new ();

  for (guint i = 0; i < export->systems->len; i++)
    if (!aims_system_is_retired (g_ptr_array_index (export->systems, i)))
      g_ptr_array_add (in_use, g_ptr_array_index (export->systems, i));
  g_ptr_array_sort (in_use, compare_systems);

  aims_pdf_keep (pdf, KEEP_WITH_TABLE);
  aims_pdf_heading (pdf, _("AI systems"));
  aims_pdf_paragraph (pdf, _("The AI systems in use (not retired), high-risk under the EU AI Act and the most "
                             "critical first."));
  for (guint i = 0; i < in_use->len && i < AIMS_REPORT_MAX_ROWS; i++)
    {
      AimsRecord *system = g_ptr_array_index (in_use, i);
      const char **row = aims_report_rows_add (rows);

      row[0] = aims_record_get_reference (system);
      row[1] = aims_record_get_title (system);
      row[2] = aims_record_get_display (system, "owner_id");
      row[3] = choice_label (system, "lifecycle_stage");
      row[4] = choice_label (system, "eu_ai_act_class");
      row[5] = choice_label (system, "criticality");
      row[6] = aims_record_get (system, "next_review_date");
    }
  aims_report_rows_write (rows, pdf, columns, in_use->len, _("AI systems"));
}

/* ── Top risks ──────────────────────────────────────────────────────────── */

typedef struct
{
  AimsRecord     *risk;
  AimsRiskScores  scores;
} Scored;

/* Where the risk stands now, as aims_risk_compute() says; worked out
 * again here because scores->current points into the copy it was
 * computed in, and the array moves its elements. */
static const AimsRiskRating *
current_of (const Scored *scored)
{
  return scored->scores.residual.assessed ? &scored->scores.residual : &scored->scores.inherent;
}

static int
compare_scored (gconstpointer a,
                gconstpointer b)
{
  const Scored *x = a, *y = b;

  if (current_of (x)->score != current_of (y)->score)
    return current_of (x)->score > current_of (y)->score ? -1 : 1;
  if (x->scores.inherent.score != y->scores.inherent.score)
    return x->scores.inherent.score > y->scores.inherent.score ? -1 : 1;
  return 0;
}

static char *
rating_text (const AimsRiskRating *rating)
{
  /* Translators: a risk's score and band, "12 High" */
  return rating->assessed ? g_strdup_printf (_("%u %s"), rating->score, rating->band_name) : NULL;
}

static char *
attention_text (const AimsRiskScores *scores)
{
  g_autoptr(GPtrArray) what = g_ptr_array_new ();

  if (scores->above_appetite)
    g_ptr_array_add (what, (gpointer) _("Above appetite"));
  if (scores->review_overdue)
    g_ptr_array_add (what, (gpointer) _("Review overdue"));
  if (scores->acceptance_expired)
    g_ptr_array_add (what, (gpointer) _("Acceptance expired"));
  g_ptr_array_add (what, NULL);
  return g_strjoinv (", ", (char **) what->pdata);
}

static void
risks_table (AimsReviewExport *export,
             AimsPdf          *pdf)
{
  const AimsPdfColumn columns[] = {
    { _("Reference"), 1 }, { _("Risk"), 2.9 }, { _("AI system"), 1.9 }, { _("Owner"), 1.4 },
    { _("Inherent"), 1.05 }, { _("Now"), 1.05 }, { _("Needs attention"), 1.5 },
  };
  g_autoptr(AimsReportRows) rows = aims_report_rows_new (G_N_ELEMENTS (columns));
  g_autoptr(GArray) open = g_array_new (FALSE, TRUE, sizeof (Scored));

  for (guint i = 0; i < export->risks->len; i++)
    {
      Scored scored = { g_ptr_array_index (export->risks, i) };

      if (aims_risk_is_closed (scored.risk))
        continue;
      aims_risk_compute (export->matrix, scored.risk, export->today, &scored.scores);
      g_array_append_val (open, scored);
    }
  g_array_sort (open, compare_scored);

  aims_pdf_keep (pdf, KEEP_WITH_TABLE);
  aims_pdf_heading (pdf, _("Top risks by score"));
  aims_pdf_paragraph (pdf, _("The open risks with the highest score where each stands now: after treatment "
                             "where the residual risk has been assessed, before it otherwise."));
  for (guint i = 0; i < open->len && i < AIMS_REPORT_MAX_ROWS; i++)
    {
      Scored *scored = &g_array_index (open, Scored, i);
      const char **row = aims_report_rows_add (rows);

      row[0] = aims_record_get_reference (scored->risk);
      row[1] = aims_record_get_title (scored->risk);
      row[2] = aims_record_get_display (scored->risk, "ai_system_id");
      if (row[2] == NULL)
        row[2] = _("Organisation-wide");
      row[3] = aims_record_get_display (scored->risk, "owner_id");
      row[4] = aims_report_rows_take (rows, rating_text (&scored->scores.inherent));
      row[5] = aims_report_rows_take (rows, rating_text (current_of (scored)));
      row[6] = aims_report_rows_take (rows, attention_text (&scored->scores));
    }
  if (open->len == 0)
    aims_pdf_paragraph (pdf, _("No risk is open."));
  else
    aims_report_rows_write (rows, pdf, columns, open->len, _("Risks"));
}

/* ── Nonconformities and corrective actions ─────────────────────────────── */

static int
compare_ncs (gconstpointer a,
             gconstpointer b)
{
  AimsRecord *x = *(AimsRecord **) a, *y = *(AimsRecord **) b;
  const AimsEntity *ncs = aims_entity_nonconformities ();
  int by_severity = (int) choice_rank (ncs, "severity", aims_record_get (x, "severity")) -
                    (int) choice_rank (ncs, "severity", aims_record_get (y, "severity"));

  return by_severity != 0 ? by_severity
                          : g_strcmp0 (aims_record_get (x, "found_date"), aims_record_get (y, "found_date"));
}

static gboolean
nonconformities_table (AimsReviewExport  *export,
                       AimsPdf           *pdf,
                       GError           **error)
{
  const AimsPdfColumn columns[] = {
    { _("Reference"), 1 }, { _("Nonconformity"), 3.2 }, { _("Severity"), 1.1 }, { _("State"), 1.6 },
    { _("Found on"), 1.2 }, { _("Open actions"), 0.9, TRUE }, { _("Overdue"), 0.9, TRUE },
  };
  g_autoptr(AimsReportRows) rows = aims_report_rows_new (G_N_ELEMENTS (columns));
  g_autoptr(GPtrArray) all = aims_store_list (export->db, aims_entity_nonconformities (), error);
  g_autoptr(GHashTable) actions = NULL;
  g_autoptr(GPtrArray) open = g_ptr_array_new ();

  if (all == NULL || (actions = aims_nc_load_actions_by_nc (export->db, error)) == NULL)
    return FALSE;
  for (guint i = 0; i < all->len; i++)
    if (aims_nc_state_is_open (aims_nc_get_state (g_ptr_array_index (all, i))))
      g_ptr_array_add (open, g_ptr_array_index (all, i));
  g_ptr_array_sort (open, compare_ncs);

  aims_pdf_keep (pdf, KEEP_WITH_TABLE);
  aims_pdf_heading (pdf, _("Open nonconformities"));
  for (guint i = 0; i < open->len && i < AIMS_REPORT_MAX_ROWS; i++)
    {
      AimsRecord *nc = g_ptr_array_index (open, i);
      GPtrArray *its_actions = aims_nc_actions_lookup (actions, aims_record_get_id (nc));
      guint n_open = 0, n_overdue = 0;
      const char **row = aims_report_rows_add (rows);

      if (its_actions != NULL)
        aims_actions_count (its_actions, export->today, &n_open, &n_overdue);
      row[0] = aims_record_get_reference (nc);
      row[1] = aims_record_get_title (nc);
      row[2] = choice_label (nc, "severity");
      row[3] = aims_nc_state_label (aims_nc_get_state (nc));
      row[4] = aims_record_get (nc, "found_date");
      row[5] = aims_report_rows_take (rows, g_strdup_printf ("%u", n_open));
      row[6] = aims_report_rows_take (rows, g_strdup_printf ("%u", n_overdue));
    }
  if (open->len == 0)
    aims_pdf_paragraph (pdf, _("No nonconformity is open."));
  else
    aims_report_rows_write (rows, pdf, columns, open->len, _("Nonconformities"));
  return TRUE;
}

static gboolean
overdue_actions_table (AimsReviewExport  *export,
                       AimsPdf           *pdf,
                       GError           **error)
{
  const AimsPdfColumn columns[] = {
    { _("Reference"), 1 }, { _("Action"), 3.2 }, { _("Raised by"), 2 }, { _("Owner"), 1.5 },
    { _("Due"), 1.1 }, { _("Days overdue"), 0.9, TRUE },
  };
  g_autoptr(AimsReportRows) rows = aims_report_rows_new (G_N_ELEMENTS (columns));
  g_autoptr(GPtrArray) overdue = aims_nc_list_overdue_actions (export->db, export->today, error);

  if (overdue == NULL)
    return FALSE;
  aims_pdf_keep (pdf, KEEP_WITH_TABLE);
  aims_pdf_heading (pdf, _("Overdue corrective actions"));
  aims_pdf_paragraph (pdf, _("Open actions past their due date, raised by a nonconformity or decided at a "
                             "management review; the longest overdue first."));
  for (guint i = 0; i < overdue->len && i < AIMS_REPORT_MAX_ROWS; i++)
    {
      AimsRecord *action = g_ptr_array_index (overdue, i);
      g_autoptr(GDate) due = aims_date_parse (aims_record_get (action, "due_date"));
      const char **row = aims_report_rows_add (rows);

      row[0] = aims_record_get_reference (action);
      row[1] = aims_record_get (action, "description");
      row[2] = aims_record_get_display (action, "nonconformity_id");
      if (row[2] == NULL)
        row[2] = aims_record_get_display (action, "review_id");
      row[3] = aims_record_get_display (action, "owner_id");
      row[4] = aims_record_get (action, "due_date");
      if (due != NULL)
        row[5] = aims_report_rows_take (rows, g_strdup_printf ("%d", g_date_days_between (due, export->today)));
    }
  if (overdue->len == 0)
    aims_pdf_paragraph (pdf, _("No corrective action is overdue."));
  else
    aims_report_rows_write (rows, pdf, columns, overdue->len, _("Corrective actions"));
  return TRUE;
}

/* ── Impact assessments ─────────────────────────────────────────────────── */

static gboolean
assessments_table (AimsReviewExport  *export,
                   AimsPdf           *pdf,
                   GError           **error)
{
  const AimsPdfColumn columns[] = {
    { _("Reference"), 1 }, { _("AI system"), 2.6 }, { _("Version"), 0.8, TRUE }, { _("Status"), 1.2 },
    { _("Overall impact"), 1.2 }, { _("EU AI Act class"), 1.4 }, { _("Next reassessment"), 1.4 },
  };
  g_autoptr(AimsReportRows) rows = aims_report_rows_new (G_N_ELEMENTS (columns));
  g_autoptr(GPtrArray) all = aims_store_list (export->db, aims_entity_assessments (), error);
  guint n_current = 0;

  if (all == NULL)
    return FALSE;
  aims_pdf_keep (pdf, KEEP_WITH_TABLE);
  aims_pdf_heading (pdf, _("Impact assessments"));
  aims_pdf_paragraph (pdf, _("The current version of each impact assessment: approved and in force, in "
                             "review, or a draft. Superseded versions are in the workbook."));
  for (guint i = 0; i < all->len; i++)
    {
      AimsRecord *assessment = g_ptr_array_index (all, i);
      AimsAssessmentStatus status = aims_assessment_record_get_status (assessment);
      const char **row;

      if (status == AIMS_ASSESSMENT_SUPERSEDED || n_current++ >= AIMS_REPORT_MAX_ROWS)
        continue;
      row = aims_report_rows_add (rows);
      row[0] = aims_record_get_reference (assessment);
      row[1] = aims_record_get_display (assessment, "ai_system_id");
      row[2] = aims_record_get (assessment, "version");
      row[3] = aims_assessment_status_label (status);
      row[4] = aims_record_get (assessment, "overall_level");
      row[5] = aims_assessment_choice_label (assessment, "eu_class");
      row[6] = aims_record_get (assessment, "next_review_date");
    }
  if (n_current == 0)
    aims_pdf_paragraph (pdf, _("No impact assessment has been started."));
  else
    aims_report_rows_write (rows, pdf, columns, n_current, _("Impact assessments"));
  return TRUE;
}

/* ── Statement of Applicability ─────────────────────────────────────────── */

static gboolean
soa_table (AimsReviewExport  *export,
           AimsPdf           *pdf,
           GError           **error)
{
  const AimsPdfColumn columns[] = {
    { _("Annex A group"), 3.6 }, { _("Controls"), 0.9, TRUE }, { _("Decided"), 0.9, TRUE },
    { _("Applicable"), 0.9, TRUE }, { _("Excluded"), 0.9, TRUE }, { _("Implemented"), 1, TRUE },
  };
  g_autoptr(AimsReportRows) rows = aims_report_rows_new (G_N_ELEMENTS (columns));
  g_autoptr(GPtrArray) controls = aims_store_list (export->db, aims_entity_controls (), error);
  g_autoptr(GArray) groups = NULL;
  guint total[5] = { 0 };
  const char **row;

  if (controls == NULL)
    return FALSE;
  groups = aims_soa_group_progress (controls);
  aims_pdf_keep (pdf, KEEP_WITH_TABLE);
  aims_pdf_heading (pdf, _("Statement of Applicability"));
  aims_pdf_paragraph (pdf, _("Where the Annex A controls stand, group by group: decided applicable or "
                             "excluded, and of the applicable ones, implemented."));
  for (guint g = 0; g < groups->len; g++)
    {
      const AimsSoaGroupProgress *group = &g_array_index (groups, AimsSoaGroupProgress, g);
      const guint values[5] = { group->n_controls, group->n_decided, group->n_applicable,
                                group->n_excluded, group->n_implemented };

      row = aims_report_rows_add (rows);
      row[0] = group->title;
      for (guint v = 0; v < 5; v++)
        {
          row[1 + v] = aims_report_rows_take (rows, g_strdup_printf ("%u", values[v]));
          total[v] += values[v];
        }
    }
  row = aims_report_rows_add (rows);
  row[0] = _("All of Annex A");
  for (guint v = 0; v < 5; v++)
    row[1 + v] = aims_report_rows_take (rows, g_strdup_printf ("%u", total[v]));
  aims_report_rows_write (rows, pdf, columns, 0, NULL);
  return TRUE;
}

gboolean
aims_report_tables (AimsReviewExport  *export,
                    AimsPdf           *pdf,
                    GError           **error)
{
  aims_pdf_new_page (pdf);
  aims_pdf_document_title (pdf, _("Key tables"), NULL);
  systems_table (export, pdf);
  risks_table (export, pdf);
  return nonconformities_table (export, pdf, error) &&
         overdue_actions_table (export, pdf, error) &&
         assessments_table (export, pdf, error) &&
         soa_table (export, pdf, error);
}
