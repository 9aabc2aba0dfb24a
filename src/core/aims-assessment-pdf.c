/* aims-assessment-pdf.c — an impact assessment printed for a reader
 *
 * The page layout is aims-pdf.c's, the heatmap the one renderer of
 * aims-heatmap.c over the ratings of aims-assessment-impact.c, the EU AI Act
 * reasons those of aims_eu_ai_act_screen(): this file only decides what
 * comes in which order.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include <glib/gi18n.h>

#include "aims-assessment-impact.h"
#include "aims-assessment-mitigation.h"
#include "aims-assessment-pdf.h"
#include "aims-assessment-shown.h"
#include "aims-date.h"
#include "aims-eu-ai-act.h"
#include "aims-heatmap.h"
#include "aims-pdf.h"
#include "aims-risk.h"
#include "aims-store.h"

/* The step whose page is followed by the linked risks and controls. */
#define MITIGATIONS_STEP "mitigations"

static void
draw_ratings (cairo_t  *cr,
              double    width,
              double    height,
              gpointer  user_data)
{
  AimsAssessment *assessment = user_data;
  AimsHeatmapCounts counts;
  AimsHeatmapStyle style = { .paint_background = TRUE, .title = _("Impact areas rated") };
  g_autofree char *summary = NULL;

  aims_assessment_heatmap_counts (assessment, &counts);
  /* Translators: beside the heatmap of an assessment's ratings */
  summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u area", "%u areas", counts.n_placed), counts.n_placed);
  style.summary = summary;
  /* Square enough to read: the grid takes at most two thirds of the width. */
  aims_heatmap_draw (cr, assessment->matrix, &counts, &style, MIN (width, height * 1.9), height);
}

/* A stored timestamp as a reader takes it: "2026-11-28 10:12 UTC". */
static char *
timestamp_text (const char *stored)
{
  if (stored == NULL)
    return g_strdup ("—");
  if (strlen (stored) >= 16 && stored[10] == 'T')
    /* Translators: a date and a time, "2026-11-28 10:12 UTC" */
    return g_strdup_printf (_("%.10s %.5s UTC"), stored, stored + 11);
  return g_strdup (stored);
}

/* "Bo Approver, 2026-11-28 10:12 UTC", or NULL when neither is known. */
static char *
who_when (const char *who,
          const char *when)
{
  g_autofree char *at = NULL;

  if (who == NULL && when == NULL)
    return NULL;
  if (when == NULL)
    return g_strdup (who);
  at = timestamp_text (when);
  /* Translators: who did something and when, "Ada Assessor, 2026-11-28 10:12 UTC" */
  return g_strdup_printf (_("%s, %s"), who != NULL ? who : "—", at);
}

/* The coloured line under the title that says where the assessment stands. */
static void
status_callout (AimsPdf    *pdf,
                AimsRecord *record)
{
  AimsAssessmentStatus status = aims_assessment_record_get_status (record);
  const char *approved_by = aims_record_get (record, "approved_by");
  const char *approved_at = aims_record_get (record, "approved_at");
  const char *approver = aims_record_get_display (record, "approver_id");
  g_autofree char *at = timestamp_text (approved_at);
  g_autofree char *text = NULL;

  switch (status)
    {
    case AIMS_ASSESSMENT_APPROVED:
      /* Translators: "Approved by Bo Approver on 2026-11-28 10:12 UTC" */
      text = g_strdup_printf (_("Approved by %s on %s"), approved_by, at);
      aims_pdf_callout (pdf, text, 0.18, 0.55, 0.27);
      break;
    case AIMS_ASSESSMENT_SUPERSEDED:
      /* Translators: "Superseded by a newer version. Approved by Bo Approver on …" */
      text = g_strdup_printf (_("Superseded by a newer version. Approved by %s on %s"),
                              approved_by != NULL ? approved_by : "—", at);
      aims_pdf_callout (pdf, text, 0.45, 0.45, 0.5);
      break;
    case AIMS_ASSESSMENT_IN_REVIEW:
      /* Translators: "In review — not approved yet; waiting for Bo Approver" */
      text = g_strdup_printf (_("In review — not approved yet; waiting for %s"), approver != NULL ? approver : "—");
      aims_pdf_callout (pdf, text, 0.85, 0.55, 0.05);
      break;
    case AIMS_ASSESSMENT_DRAFT:
    default:
      aims_pdf_callout (pdf, _("Draft — not approved"), 0.85, 0.55, 0.05);
      break;
    }
}

/* A pair whose value may be missing: a dash rather than nothing. */
static void
pair (AimsPdf    *pdf,
      const char *label,
      const char *value)
{
  aims_pdf_pair (pdf, label, value != NULL && *value != '\0' ? value : "—");
}

static void
summary (AimsPdf        *pdf,
         AimsDb         *db,
         AimsAssessment *assessment)
{
  AimsRecord *record = assessment->record;
  const char *supersedes_id = aims_record_get (record, "supersedes_id");
  g_autoptr(AimsRecord) supersedes = supersedes_id != NULL
                                     ? aims_store_find (db, aims_entity_assessments (), supersedes_id, NULL) : NULL;
  g_autofree char *system = g_strdup_printf ("%s %s", aims_record_get_reference (assessment->system),
                                             aims_record_get_title (assessment->system));
  g_autofree char *version = NULL;
  g_autofree char *submitted = who_when (aims_record_get (record, "submitted_by"),
                                         aims_record_get (record, "submitted_at"));
  g_autofree char *approved = who_when (aims_record_get (record, "approved_by"),
                                        aims_record_get (record, "approved_at"));
  /* Translators: the template an assessment was made with, "AI system impact assessment, version 1" */
  g_autofree char *template = g_strdup_printf (_("%s, version %lld"), assessment->template->name,
                                               (long long) assessment->template->version);
  g_autofree char *overall = aims_assessment_overall_level (assessment);
  const char *stored_level = aims_record_get (record, "overall_level");

  if (supersedes != NULL)
    /* Translators: "2 (replaces version 1, AIA-001)" */
    version = g_strdup_printf (_("%s (replaces version %s, %s)"), aims_record_get (record, "version"),
                               aims_record_get (supersedes, "version"), aims_record_get_reference (supersedes));
  else
    version = g_strdup (aims_record_get (record, "version"));

  pair (pdf, _("AI system"), system);
  pair (pdf, _("Version"), version);
  pair (pdf, _("Status"), aims_assessment_status_label (aims_assessment_record_get_status (record)));
  pair (pdf, _("Assessor"), aims_record_get_display (record, "assessor_id"));
  pair (pdf, _("Approver"), aims_record_get_display (record, "approver_id"));
  pair (pdf, _("Submitted by"), submitted);
  pair (pdf, _("Approved by"), approved != NULL ? approved : _("Not approved"));
  /* The level recorded when submitted; a draft's as its answers give it now. */
  pair (pdf, _("Overall impact level"),
                 stored_level != NULL ? stored_level : overall != NULL ? overall : _("Not rated yet"));
  pair (pdf, _("EU AI Act class"), aims_assessment_choice_label (record, "eu_class"));
  pair (pdf, _("EU AI Act role"), aims_assessment_choice_label (record, "eu_role"));
  pair (pdf, _("Next reassessment"), aims_record_get (record, "next_review_date"));
  pair (pdf, _("Template"), template);
  if (aims_record_get (record, "review_comments") != NULL)
    aims_pdf_entry (pdf, _("Comments of the last review"), aims_record_get (record, "review_comments"), NULL);
}

static void
ratings (AimsPdf        *pdf,
         AimsAssessment *assessment)
{
  const AimsPdfColumn columns[] = {
    { _("Impact area"), 3 }, { _("Relevant"), 1 }, { _("Likelihood"), 1.6 }, { _("Severity"), 1.6 },
    { _("Rating"), 1.5 },
  };
  g_autoptr(GArray) rated = aims_assessment_impact_ratings (assessment);
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  const AimsRiskMatrix *matrix = assessment->matrix;

  aims_pdf_heading (pdf, _("Impact ratings"));
  aims_pdf_paragraph (pdf, _("Each relevant impact area rated by likelihood and severity on the organisation's "
                             "risk matrix; a cell counts the areas rated there, in the colour of its band."));
  if (aims_assessment_overall_band (assessment, NULL) >= 0)
    aims_pdf_picture (pdf, aims_pdf_text_width (pdf) * 0.5, draw_ratings, assessment);
  else
    aims_pdf_paragraph (pdf, _("No impact area has been rated yet."));

  for (guint i = 0; i < rated->len; i++)
    {
      const AimsImpactRating *rating = &g_array_index (rated, AimsImpactRating, i);
      const char **row = g_new0 (const char *, 5);
      g_autofree char *relevant_path = g_strconcat (rating->section->key, ".relevant", NULL);

      row[0] = rating->section->title;
      /* An area not answered yet is neither. */
      if (aims_assessment_get_value_at (assessment, relevant_path) == NULL)
        row[1] = "—";
      else
        row[1] = rating->relevant ? _("Yes") : _("No");
      if (rating->likelihood > 0)
        row[2] = aims_risk_matrix_level_label (matrix, AIMS_RISK_AXIS_LIKELIHOOD, rating->likelihood);
      if (rating->impact > 0)
        row[3] = aims_risk_matrix_level_label (matrix, AIMS_RISK_AXIS_IMPACT, rating->impact);
      if (rating->band >= 0)
        {
          /* Translators: an impact's score and band, "12 High" */
          char *shown = g_strdup_printf (_("%u %s"), rating->score,
                                         aims_risk_matrix_get_band (matrix, rating->band)->name);

          g_ptr_array_add (cells, shown);
          row[4] = shown;
        }
      g_ptr_array_add (cells, row);
      g_ptr_array_add (rows, row);
    }
  aims_pdf_table (pdf, columns, G_N_ELEMENTS (columns), (const char *const *const *) rows->pdata, rows->len);
}

static void
eu_ai_act (AimsPdf        *pdf,
           AimsAssessment *assessment)
{
  AimsRecord *record = assessment->record;
  g_auto(AimsEuScreening) screening = { 0 };
  const char *reason = aims_record_get (record, "eu_reason");

  aims_pdf_heading (pdf, _("EU AI Act screening"));
  aims_pdf_pair (pdf, _("Class"), aims_record_get (record, "eu_class") != NULL ? aims_assessment_choice_label (record, "eu_class")
                                                                              : _("Not confirmed yet"));
  aims_pdf_pair (pdf, _("Operator role"), aims_assessment_choice_label (record, "eu_role"));
  if (reason != NULL)
    {
      /* Translators: "Proposed: High risk, Deployer" */
      g_autofree char *proposed = g_strdup_printf (_("Proposed from the answers: %s, %s"),
                                                   aims_assessment_choice_label (record, "eu_proposed_class"),
                                                   aims_assessment_choice_label (record, "eu_proposed_role"));

      aims_pdf_paragraph (pdf, proposed);
      aims_pdf_entry (pdf, _("Reason for the correction"), reason, NULL);
    }
  aims_assessment_screen_eu_ai_act (assessment, &screening);
  aims_pdf_paragraph (pdf, _("Why, from the answers:"));
  g_ptr_array_add (screening.reasons, NULL);
  aims_pdf_bullets (pdf, (const char *const *) screening.reasons->pdata);
  g_ptr_array_set_size (screening.reasons, screening.reasons->len - 1);
  aims_pdf_paragraph (pdf, _("A first screening, not legal advice."));
}

static void
linked_risks (AimsPdf        *pdf,
              AimsAssessment *assessment,
              GPtrArray      *links)
{
  const AimsPdfColumn columns[] = {
    { _("Impact area"), 2.2 }, { _("Risk"), 1.1 }, { _("Title"), 3.2 }, { _("Owner"), 1.6 }, { _("Now"), 1.2 },
  };
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autoptr(GDate) today = aims_date_today ();

  aims_pdf_heading (pdf, _("Risks linked to the impacts"));
  if (links->len == 0)
    {
      aims_pdf_paragraph (pdf, _("No risk of the register is linked to this assessment."));
      return;
    }
  for (guint i = 0; i < links->len; i++)
    {
      AimsAssessmentLink *link = g_ptr_array_index (links, i);
      const AimsTemplateSection *section = aims_template_find_section (assessment->template, link->section_key);
      const char **row = g_new0 (const char *, 5);
      AimsRiskScores scores;

      aims_risk_compute (assessment->matrix, link->risk, today, &scores);
      row[0] = section != NULL ? section->title : link->section_key;
      row[1] = aims_record_get_reference (link->risk);
      row[2] = aims_record_get_title (link->risk);
      row[3] = aims_record_get_display (link->risk, "owner_id");
      if (scores.current->assessed)
        {
          /* Translators: where a risk stands now, "12 High" */
          char *now = g_strdup_printf (_("%u %s"), scores.current->score, scores.current->band_name);

          g_ptr_array_add (cells, now);
          row[4] = now;
        }
      g_ptr_array_add (cells, row);
      g_ptr_array_add (rows, row);
    }
  aims_pdf_table (pdf, columns, G_N_ELEMENTS (columns), (const char *const *const *) rows->pdata, rows->len);
}

static void
linked_controls (AimsPdf        *pdf,
                 AimsAssessment *assessment,
                 GPtrArray      *links)
{
  const AimsPdfColumn columns[] = {
    { _("Impact area"), 2.2 }, { _("Control"), 1.1 }, { _("Title"), 4.0 }, { _("In the SoA"), 2.0 },
  };
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_free);

  aims_pdf_heading (pdf, _("Annex A controls linked to the impacts"));
  if (links->len == 0)
    {
      aims_pdf_paragraph (pdf, _("No Annex A control is linked to this assessment."));
      return;
    }
  for (guint i = 0; i < links->len; i++)
    {
      AimsAssessmentControlLink *link = g_ptr_array_index (links, i);
      const AimsTemplateSection *section = aims_template_find_section (assessment->template, link->section_key);
      const char **row = g_new0 (const char *, 4);

      row[0] = section != NULL ? section->title : link->section_key;
      row[1] = aims_record_get_reference (link->control);
      row[2] = aims_record_get_title (link->control);
      row[3] = aims_record_get_display (link->control, "soa_status");
      g_ptr_array_add (rows, row);
    }
  aims_pdf_table (pdf, columns, G_N_ELEMENTS (columns), (const char *const *const *) rows->pdata, rows->len);
}

/* The risks and the controls that treat the impacts. */
static void
mitigations (AimsPdf        *pdf,
             AimsAssessment *assessment,
             GPtrArray      *links,
             GPtrArray      *control_links)
{
  linked_risks (pdf, assessment, links);
  linked_controls (pdf, assessment, control_links);
}

/* Every page of the template with its questions and answers. */
static void
answers (AimsPdf        *pdf,
         AimsAssessment *assessment,
         GPtrArray      *links,
         GPtrArray      *control_links)
{
  gboolean links_shown = FALSE;

  for (guint s = 0; s < assessment->template->sections->len; s++)
    {
      const AimsTemplateSection *section = g_ptr_array_index (assessment->template->sections, s);
      const AimsTemplateStep *step = aims_template_step_of (assessment->template, section);
      g_autofree char *heading = NULL;

      /* "Impacts: Privacy and data protection" where a step has several pages. */
      if (step != NULL && step->n_sections > 1)
        heading = g_strdup_printf ("%s: %s", step->title, section->title);
      aims_pdf_heading (pdf, heading != NULL ? heading : section->title);
      for (guint q = 0; q < section->questions->len; q++)
        {
          const AimsQuestion *question = g_ptr_array_index (section->questions, q);
          g_autofree char *shown = NULL;

          if (!aims_assessment_question_applies (assessment, question))
            continue;
          shown = aims_assessment_display_value (assessment, question,
                                                 aims_assessment_get_value (assessment, question));
          aims_pdf_entry (pdf, question->prompt, shown, _("Not answered"));
        }
      if (g_strcmp0 (section->step_key, MITIGATIONS_STEP) == 0 && !links_shown)
        {
          mitigations (pdf, assessment, links, control_links);
          links_shown = TRUE;
        }
    }
  if (!links_shown)
    mitigations (pdf, assessment, links, control_links);
}

gboolean
aims_assessment_pdf_write (AimsDb      *db,
                           gint64       assessment_id,
                           const char  *path,
                           GError     **error)
{
  g_autoptr(AimsAssessment) assessment = NULL;
  g_autoptr(GPtrArray) links = NULL;
  g_autoptr(GPtrArray) control_links = NULL;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *footer = NULL;
  const char *reference;
  AimsPdf *pdf;

  g_return_val_if_fail (AIMS_IS_DB (db), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if ((assessment = aims_assessment_load (db, assessment_id, error)) == NULL ||
      (links = aims_assessment_list_links (db, assessment_id, error)) == NULL ||
      (control_links = aims_assessment_list_control_links (db, assessment_id, error)) == NULL)
    return FALSE;

  reference = aims_record_get_reference (assessment->record);
  /* Translators: the PDF's title, "Impact assessment of Loan scoring" */
  title = g_strdup_printf (_("Impact assessment of %s"), aims_record_get_title (assessment->system));
  /* Translators: under the title, "AIA-004 · version 2 · ISO/IEC 42001 clause 6.1.4 and Annex A.5" */
  subtitle = g_strdup_printf (_("%s · version %s · ISO/IEC 42001 clause 6.1.4 and Annex A.5"), reference,
                              aims_record_get (assessment->record, "version"));
  /* Translators: the footer of its pages, "AIA-004 version 2 — Loan scoring" */
  footer = g_strdup_printf (_("%s version %s — %s"), reference, aims_record_get (assessment->record, "version"),
                            aims_record_get_title (assessment->system));

  if ((pdf = aims_pdf_new (path, title, footer, error)) == NULL)
    return FALSE;
  aims_pdf_document_title (pdf, title, subtitle);
  status_callout (pdf, assessment->record);
  summary (pdf, db, assessment);
  ratings (pdf, assessment);
  eu_ai_act (pdf, assessment);
  answers (pdf, assessment, links, control_links);
  return aims_pdf_finish (pdf, error);
}
