/* aims-assessment-wizard.c — an impact assessment, answered page by page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "aims-assessment-answers.h"
#include "aims-assessment-eu-box.h"
#include "aims-assessment-mitigations.h"
#include "aims-assessment-wizard.h"
#include "aims-colour-swatch.h"
#include "aims-link-chooser.h"

/* Pages with more than their questions, by section key. */
#define EU_SECTION          "eu_ai_act"
#define MITIGATIONS_SECTION "mitigations"

struct _AimsAssessmentWizard
{
  AdwWindow        parent_instance;

  AimsContext     *context;
  gint64           assessment_id;
  AimsAssessment  *assessment;
  gboolean         editable;
  guint            current;        /* index of the section shown */
  guint            reload_source;
  gboolean         extras_stale;   /* a step's extras kept as they were while focused */

  AdwToastOverlay *toasts;
  AdwWindowTitle  *title;
  AdwLeaflet      *leaflet;
  GtkListBox      *steps_list;
  GtkStack        *stack;
  GtkRevealer     *banner;
  GtkLabel        *banner_label;
  GtkImage        *banner_icon;
  GtkWidget       *back_button;
  GtkWidget       *next_button;
  GtkLabel        *page_label;

  GPtrArray       *page_rows;      /* per section: GPtrArray of AimsQuestionRow */
  GPtrArray       *step_icons;     /* per step: GtkImage */
  GtkWidget       *eu_box;
  GtkWidget       *mitigations;
  GtkWidget       *answers;
  GtkWidget       *overall_row;
  GtkWidget       *overall_label;
  GtkWidget       *overall_swatch;
  GtkWidget       *approver_chooser;
};

G_DEFINE_FINAL_TYPE (AimsAssessmentWizard, aims_assessment_wizard, ADW_TYPE_WINDOW)

enum {
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const AimsTemplateSection *
section_at (AimsAssessmentWizard *self,
            guint                 index)
{
  return self->assessment->template->sections->pdata[index];
}

static guint
n_sections (AimsAssessmentWizard *self)
{
  return self->assessment->template->sections->len;
}

/* What keeps the page from being complete (a warning), or why nothing can
 * change (a lock). */
static void
show_banner_with_icon (AimsAssessmentWizard *self,
                       const char           *message,
                       const char           *icon_name)
{
  if (message != NULL)
    {
      gtk_label_set_text (self->banner_label, message);
      gtk_image_set_from_icon_name (self->banner_icon, icon_name);
    }
  gtk_revealer_set_reveal_child (self->banner, message != NULL);
}

static void
show_banner (AimsAssessmentWizard *self,
             const char           *message)
{
  show_banner_with_icon (self, message, "dialog-warning-symbolic");
}

static void
toast (AimsAssessmentWizard *self,
       const char           *text)
{
  adw_toast_overlay_add_toast (self->toasts, adw_toast_new (text));
}

/* ── State from the database ─────────────────────────────────────────── */

static void
update_title (AimsAssessmentWizard *self)
{
  AimsRecord *record = self->assessment->record;
  g_autofree char *subtitle = NULL;

  /* Translators: the wizard's subtitle, "AIA-003 · Loan scoring · version 2 · Draft" */
  subtitle = g_strdup_printf (_("%s · %s · version %s · %s"), aims_record_get_reference (record),
                              aims_record_get_title (self->assessment->system),
                              aims_record_get (record, "version"),
                              aims_assessment_status_label (aims_assessment_record_get_status (record)));
  adw_window_title_set_subtitle (self->title, subtitle);
}

static gboolean
section_complete (AimsAssessmentWizard      *self,
                  const AimsTemplateSection *section)
{
  g_autoptr(GPtrArray) problems = aims_assessment_check_section (self->assessment, section);

  if (problems->len > 0)
    return FALSE;
  if (g_str_equal (section->key, EU_SECTION))
    return aims_assessment_eu_is_confirmed (self->assessment, NULL);
  return TRUE;
}

static void
update_steps (AimsAssessmentWizard *self)
{
  const AimsTemplateSection *shown = section_at (self, self->current);
  const AimsTemplateStep *current_step = aims_template_step_of (self->assessment->template, shown);

  for (guint i = 0; i < self->assessment->template->steps->len; i++)
    {
      const AimsTemplateStep *step = self->assessment->template->steps->pdata[i];
      gboolean complete = TRUE;

      for (guint s = 0; s < step->n_sections && complete; s++)
        complete = section_complete (self, section_at (self, step->first_section + s));
      gtk_widget_set_visible (self->step_icons->pdata[i], complete);
      if (step == current_step)
        gtk_list_box_select_row (self->steps_list, gtk_list_box_get_row_at_index (self->steps_list, i));
    }
}

static void
refresh_rows (AimsAssessmentWizard *self)
{
  for (guint s = 0; s < self->page_rows->len; s++)
    {
      GPtrArray *rows = self->page_rows->pdata[s];

      for (guint i = 0; i < rows->len; i++)
        {
          AimsQuestionRow *row = rows->pdata[i];
          const AimsQuestion *question = aims_question_row_get_question (row);

          gtk_widget_set_visible (GTK_WIDGET (row), aims_assessment_question_applies (self->assessment, question));
        }
    }
}

/* Whether the user is in widget: typing, or with a chooser open. */
static gboolean
holds_focus (AimsAssessmentWizard *self,
             GtkWidget            *widget)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

/* Each question shows its stored answer when that is newer than the one
 * it shows, except the question the user is in: its words stay until the
 * focus leaves it (then this runs again), and a save of them meanwhile
 * meets the newer answer as a conflict, which names both. */
static void
refresh_answers (AimsAssessmentWizard *self)
{
  for (guint s = 0; s < self->page_rows->len; s++)
    {
      GPtrArray *rows = self->page_rows->pdata[s];

      for (guint i = 0; i < rows->len; i++)
        {
          AimsQuestionRow *row = rows->pdata[i];
          const AimsAnswer *stored = aims_assessment_lookup_answer (self->assessment,
                                                                    aims_question_row_get_question (row));

          if (stored != NULL && stored->row_version > aims_question_row_get_answer_version (row) &&
              !holds_focus (self, GTK_WIDGET (row)))
            aims_question_row_set_answer (row, stored);
        }
    }
}

/* What the steps show besides their questions. spare_focused: a change from
 * elsewhere, which must not rebuild the box the user is in (a reason being
 * typed, a chooser open); that one follows once the focus leaves it. */
static void
refresh_extras (AimsAssessmentWizard *self,
                gboolean              spare_focused)
{
  g_autofree char *level = aims_assessment_overall_level (self->assessment);
  const AimsRiskBand *band = aims_risk_matrix_get_band (self->assessment->matrix,
                                                        aims_assessment_overall_band (self->assessment, NULL));
  AimsDb *db = aims_context_get_db (self->context);

  self->extras_stale = FALSE;
  if (self->eu_box != NULL && spare_focused && holds_focus (self, self->eu_box))
    self->extras_stale = TRUE;
  else if (self->eu_box != NULL)
    aims_assessment_eu_box_set_assessment (AIMS_ASSESSMENT_EU_BOX (self->eu_box), self->assessment, self->editable);
  if (self->mitigations != NULL && spare_focused && holds_focus (self, self->mitigations))
    self->extras_stale = TRUE;
  else if (self->mitigations != NULL)
    aims_assessment_mitigations_set_assessment (AIMS_ASSESSMENT_MITIGATIONS (self->mitigations),
                                                self->assessment, self->editable);
  aims_assessment_answers_set_assessment (AIMS_ASSESSMENT_ANSWERS (self->answers), self->assessment);
  if (db != NULL)
    {
      g_autoptr(GPtrArray) risk_links = aims_assessment_list_links (db, self->assessment_id, NULL);
      g_autoptr(GPtrArray) control_links = aims_assessment_list_control_links (db, self->assessment_id, NULL);

      aims_assessment_answers_show_links (AIMS_ASSESSMENT_ANSWERS (self->answers), self->assessment,
                                          risk_links, control_links);
    }
  gtk_label_set_text (GTK_LABEL (self->overall_label), level != NULL ? level : _("Not rated yet"));
  aims_colour_swatch_set (self->overall_swatch, band != NULL ? band->colour : NULL);
}

/* Reads the assessment again; FALSE when it cannot be. */
static gboolean
reload_sparing (AimsAssessmentWizard *self,
                gboolean              spare_focused)
{
  AimsDb *db = aims_context_get_db (self->context);
  g_autoptr(GError) error = NULL;
  AimsAssessment *fresh;

  g_clear_handle_id (&self->reload_source, g_source_remove);
  if (db == NULL || (fresh = aims_assessment_load (db, self->assessment_id, &error)) == NULL)
    {
      show_banner (self, error != NULL ? error->message : _("The database was closed"));
      return FALSE;
    }
  /* The rows point into the template; it stays the one they were built from. */
  if (self->assessment != NULL)
    {
      AimsTemplate *kept = g_steal_pointer (&self->assessment->template);

      g_clear_pointer (&fresh->template, aims_template_free);
      fresh->template = kept;
      aims_assessment_free (self->assessment);
    }
  self->assessment = fresh;
  update_title (self);
  refresh_rows (self);
  refresh_answers (self);
  refresh_extras (self, spare_focused);
  update_steps (self);
  return TRUE;
}

/* After a write of the wizard's own. */
static gboolean
reload (AimsAssessmentWizard *self)
{
  return reload_sparing (self, FALSE);
}

static gboolean
reload_idle_cb (gpointer data)
{
  AimsAssessmentWizard *self = data;

  self->reload_source = 0;
  reload (self);
  return G_SOURCE_REMOVE;
}

/* After a write made inside a widget's own signal: read again once it
 * returned, since reading rebuilds that widget. */
static void
written_cb (AimsAssessmentWizard *self)
{
  if (self->reload_source == 0)
    self->reload_source = g_idle_add (reload_idle_cb, self);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static void
answer_saved_cb (AimsAssessmentWizard *self,
                 AimsQuestionRow      *row)
{
  /* A conflict: show the answer stored now; the row keeps the user's words in its message. */
  if (self->assessment != NULL)
    written_cb (self);
}

/* ── Moving ──────────────────────────────────────────────────────────── */

void
aims_assessment_wizard_flush (AimsAssessmentWizard *self)
{
  g_return_if_fail (AIMS_IS_ASSESSMENT_WIZARD (self));

  for (guint s = 0; s < self->page_rows->len; s++)
    {
      GPtrArray *rows = self->page_rows->pdata[s];

      for (guint i = 0; i < rows->len; i++)
        aims_question_row_flush (rows->pdata[i]);
    }
}

/* Checks page index as stored; shows each problem under its question and
 * the count in the banner. */
static gboolean
check_page (AimsAssessmentWizard *self,
            guint                 index)
{
  const AimsTemplateSection *section = section_at (self, index);
  GPtrArray *rows = self->page_rows->pdata[index];
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  AimsQuestionRow *first = NULL;

  if (!self->editable)
    return TRUE;
  aims_assessment_wizard_flush (self);
  if (!reload (self))
    return FALSE;
  problems = aims_assessment_check_section (self->assessment, section);
  for (guint i = 0; i < rows->len; i++)
    {
      AimsQuestionRow *row = rows->pdata[i];
      const char *message = NULL;

      for (guint p = 0; p < problems->len && message == NULL; p++)
        {
          AimsAnswerProblem *problem = problems->pdata[p];

          if (problem->question == aims_question_row_get_question (row))
            message = problem->message;
        }
      aims_question_row_show_problem (row, message);
      if (message != NULL && first == NULL)
        first = row;
    }
  if (problems->len > 0)
    {
      AimsAnswerProblem *problem = problems->pdata[0];
      g_autofree char *text = NULL;

      /* Translators: above a page that is not complete; %s is the first problem */
      text = g_strdup_printf (ngettext ("%u answer on this page is missing or wrong: %s",
                                        "%u answers on this page are missing or wrong. The first: %s",
                                        problems->len), problems->len, problem->message);
      show_banner (self, text);
      if (first != NULL)
        aims_question_row_focus (first);
      return FALSE;
    }
  if (g_str_equal (section->key, EU_SECTION) && !aims_assessment_eu_is_confirmed (self->assessment, &error))
    {
      show_banner (self, error->message);
      return FALSE;
    }
  show_banner (self, NULL);
  return TRUE;
}

static void
update_navigation (AimsAssessmentWizard *self)
{
  const AimsTemplateSection *section = section_at (self, self->current);
  const AimsTemplateStep *step = aims_template_step_of (self->assessment->template, section);
  gboolean last = self->current + 1 == n_sections (self);
  g_autofree char *text = NULL;
  guint step_index = 0;

  g_ptr_array_find (self->assessment->template->steps, step, &step_index);
  if (step->n_sections > 1)
    /* Translators: under the pages, "Step 3 of 8 · page 2 of 9" */
    text = g_strdup_printf (_("Step %u of %u · page %u of %u"), step_index + 1,
                            self->assessment->template->steps->len,
                            self->current - step->first_section + 1, step->n_sections);
  else
    text = g_strdup_printf (_("Step %u of %u"), step_index + 1, self->assessment->template->steps->len);
  gtk_label_set_text (self->page_label, text);
  gtk_widget_set_sensitive (self->back_button, self->current > 0);
  gtk_button_set_label (GTK_BUTTON (self->next_button), last ? _("_Submit for Review") : _("_Next"));
  gtk_widget_set_visible (self->next_button, !last || self->editable);
  update_steps (self);
}

static void
show_section (AimsAssessmentWizard *self,
              guint                 index)
{
  const AimsTemplateSection *section = section_at (self, index);
  GPtrArray *rows = self->page_rows->pdata[index];
  AimsDb *db = aims_context_get_db (self->context);

  self->current = index;
  gtk_stack_set_visible_child_name (self->stack, section->key);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  if (self->editable && db != NULL)
    {
      g_autoptr(AimsRecord) record = NULL;
      g_autoptr(GError) error = NULL;

      /* Where to reopen: written as the page is shown. */
      record = aims_assessment_set_current_step (db, self->assessment_id, section->key,
                                                 aims_context_get_author (self->context), &error);
      if (record == NULL)
        show_banner (self, error->message);
    }
  update_navigation (self);
  for (guint i = 0; i < rows->len; i++)
    if (gtk_widget_get_visible (rows->pdata[i]))
      {
        aims_question_row_focus (rows->pdata[i]);
        break;
      }
}

/* Goes to page index; forward only past complete pages. */
static gboolean
go_to (AimsAssessmentWizard *self,
       guint                 index)
{
  g_return_val_if_fail (index < n_sections (self), FALSE);

  for (guint s = self->current; s < index; s++)
    if (!check_page (self, s))
      {
        if (s != self->current)
          {
            /* Where the first problem is, with its problems named. */
            show_section (self, s);
            check_page (self, s);
          }
        return FALSE;
      }
  show_banner (self, NULL);
  show_section (self, index);
  return TRUE;
}

/* Nothing can change any more: submitted here or elsewhere. */
static void
make_read_only (AimsAssessmentWizard *self)
{
  self->editable = FALSE;
  for (guint s = 0; s < self->page_rows->len; s++)
    {
      GPtrArray *rows = self->page_rows->pdata[s];

      for (guint i = 0; i < rows->len; i++)
        aims_question_row_set_editable (rows->pdata[i], FALSE);
    }
  gtk_widget_set_sensitive (self->approver_chooser, FALSE);
}

static gboolean
submit (AimsAssessmentWizard *self)
{
  AimsDb *db = aims_context_get_db (self->context);
  const char *approver = aims_link_chooser_get_record_id (AIMS_LINK_CHOOSER (self->approver_chooser));
  g_autoptr(AimsRecord) submitted = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  for (guint s = 0; s < n_sections (self); s++)
    if (!check_page (self, s))
      {
        if (s != self->current)
          {
            /* Where the first problem is, with its problems named. */
            show_section (self, s);
            check_page (self, s);
          }
        return FALSE;
      }
  if (approver == NULL)
    {
      show_banner (self, _("Choose the approver who reviews the assessment"));
      gtk_widget_grab_focus (self->approver_chooser);
      return FALSE;
    }
  submitted = aims_assessment_submit (db, self->assessment_id, aims_record_get_row_version (self->assessment->record),
                                      g_ascii_strtoll (approver, NULL, 10), aims_context_get_author (self->context),
                                      &error);
  if (submitted == NULL)
    {
      show_banner (self, g_error_matches (error, AIMS_DB_ERROR, AIMS_DB_ERROR_CONFLICT)
                         ? _("Someone else changed the assessment meanwhile; it has been read again. Submit once more.")
                         : error->message);
      reload (self);
      return FALSE;
    }
  /* Translators: a toast, "Submitted AIA-003 to Bo Approver for review" */
  text = g_strdup_printf (_("Submitted %s to %s for review"), aims_record_get_reference (submitted),
                          aims_link_chooser_get_record_title (AIMS_LINK_CHOOSER (self->approver_chooser)));
  toast (self, text);
  show_banner_with_icon (self, text, "changes-prevent-symbolic");
  make_read_only (self);
  reload (self);
  update_navigation (self);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
  return TRUE;
}

gboolean
aims_assessment_wizard_next (AimsAssessmentWizard *self)
{
  g_return_val_if_fail (AIMS_IS_ASSESSMENT_WIZARD (self), FALSE);

  if (self->current + 1 < n_sections (self))
    return go_to (self, self->current + 1);
  return self->editable && submit (self);
}

void
aims_assessment_wizard_back (AimsAssessmentWizard *self)
{
  g_return_if_fail (AIMS_IS_ASSESSMENT_WIZARD (self));

  if (self->current > 0)
    go_to (self, self->current - 1);
}

gboolean
aims_assessment_wizard_go_to_step (AimsAssessmentWizard *self,
                                   guint                 index)
{
  const AimsTemplateStep *step;

  g_return_val_if_fail (AIMS_IS_ASSESSMENT_WIZARD (self), FALSE);
  g_return_val_if_fail (index < self->assessment->template->steps->len, FALSE);

  step = self->assessment->template->steps->pdata[index];
  return go_to (self, step->first_section);
}

static void
step_activated_cb (AimsAssessmentWizard *self,
                   GtkListBoxRow        *row)
{
  if (!aims_assessment_wizard_go_to_step (self, gtk_list_box_row_get_index (row)))
    update_steps (self);   /* the indicator shows where the user still is */
}

/* ── Changes made elsewhere ──────────────────────────────────────────── */

/* Another user (or aimsctl) committed to the file: answers, ratings, links
 * and the steps' ticks are read again; when the assessment left the draft
 * state meanwhile, the wizard turns read-only and says why. */
static void
data_changed_cb (AimsAssessmentWizard *self)
{
  g_autoptr(GError) frozen = NULL;
  g_autofree char *text = NULL;
  const char *by;

  if (self->assessment == NULL || !reload_sparing (self, TRUE))
    return;
  if (!self->editable || aims_assessment_record_get_status (self->assessment->record) == AIMS_ASSESSMENT_DRAFT)
    return;
  make_read_only (self);
  aims_assessment_set_frozen_error (self->assessment->record, &frozen);
  by = aims_record_get (self->assessment->record, "updated_by");
  /* Translators: above the wizard when someone else submitted it, "Changed by Bo Approver meanwhile: AIA-003 is in review: …" */
  text = by != NULL ? g_strdup_printf (_("Changed by %s meanwhile: %s"), by, frozen->message)
                    : g_strdup (frozen->message);
  show_banner_with_icon (self, text, "changes-prevent-symbolic");
  refresh_extras (self, FALSE);
  update_navigation (self);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

/* The question or box left by the focus shows what came meanwhile. */
static void
focus_moved_cb (AimsAssessmentWizard *self)
{
  if (self->assessment == NULL || self->answers == NULL)
    return;
  refresh_answers (self);
  if (self->extras_stale)
    refresh_extras (self, TRUE);
}

/* ── Building ────────────────────────────────────────────────────────── */

static GtkWidget *
wrapped_label (const char *text,
               const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static GtkWidget *
review_extras (AimsAssessmentWizard *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  GtkWidget *level = adw_preferences_group_new ();
  GtkWidget *submit_group = adw_preferences_group_new ();
  gint64 approver = g_ascii_strtoll (aims_record_get (self->assessment->record, "approver_id") != NULL
                                     ? aims_record_get (self->assessment->record, "approver_id") : "0", NULL, 10);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (level), _("Everything Answered"));
  self->overall_row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->overall_row), _("Overall impact level"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->overall_row),
                               _("The highest band of the impacts rated relevant"));
  self->overall_swatch = aims_colour_swatch_new (12, TRUE);
  gtk_widget_set_valign (self->overall_swatch, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self->overall_row), self->overall_swatch);
  self->overall_label = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->overall_label, "heading");
  adw_action_row_add_suffix (ADW_ACTION_ROW (self->overall_row), self->overall_label);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (level), self->overall_row);
  gtk_box_append (GTK_BOX (box), level);

  self->answers = aims_assessment_answers_new ();
  gtk_box_append (GTK_BOX (box), self->answers);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (submit_group), _("Submit for Review"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (submit_group),
                                         _("The approver approves the assessment or sends it back with comments. "
                                           "It cannot be the assessor or you."));
  self->approver_chooser = aims_link_chooser_new (self->context, aims_entity_people (), _("Not chosen"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->approver_chooser), _("Approver"));
  if (approver > 0)
    {
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, approver);

      aims_link_chooser_set_record (AIMS_LINK_CHOOSER (self->approver_chooser), id, NULL);
    }
  gtk_widget_set_sensitive (self->approver_chooser, self->editable);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (submit_group), self->approver_chooser);
  gtk_box_append (GTK_BOX (box), submit_group);
  return box;
}

static GtkWidget *
build_page (AimsAssessmentWizard      *self,
            const AimsTemplateSection *section,
            GPtrArray                 *rows)
{
  const AimsTemplateStep *step = aims_template_step_of (self->assessment->template, section);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  GtkWidget *heading = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_margin_top (box, 24);
  gtk_widget_set_margin_bottom (box, 24);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  if (step != NULL && g_strcmp0 (step->title, section->title) != 0)
    gtk_box_append (GTK_BOX (heading), wrapped_label (step->title, "dim-label"));
  gtk_box_append (GTK_BOX (heading), wrapped_label (section->title, "title-2"));
  if (section->description != NULL)
    gtk_box_append (GTK_BOX (heading), wrapped_label (section->description, NULL));
  gtk_box_append (GTK_BOX (box), heading);

  for (guint i = 0; i < section->questions->len; i++)
    {
      const AimsQuestion *question = section->questions->pdata[i];
      GtkWidget *row = aims_question_row_new (self->context, self->assessment_id, question,
                                              self->assessment->matrix);

      aims_question_row_set_answer (AIMS_QUESTION_ROW (row), aims_assessment_lookup_answer (self->assessment, question));
      aims_question_row_set_editable (AIMS_QUESTION_ROW (row), self->editable);
      g_signal_connect_object (row, "saved", G_CALLBACK (answer_saved_cb), self, G_CONNECT_SWAPPED);
      g_ptr_array_add (rows, row);
      gtk_box_append (GTK_BOX (box), row);
    }

  if (g_str_equal (section->key, EU_SECTION))
    {
      self->eu_box = aims_assessment_eu_box_new (self->context);
      g_signal_connect_object (self->eu_box, "confirmed", G_CALLBACK (written_cb), self, G_CONNECT_SWAPPED);
      gtk_box_append (GTK_BOX (box), self->eu_box);
    }
  else if (g_str_equal (section->key, MITIGATIONS_SECTION))
    {
      self->mitigations = aims_assessment_mitigations_new (self->context);
      g_signal_connect_object (self->mitigations, "changed", G_CALLBACK (written_cb), self, G_CONNECT_SWAPPED);
      /* The impacts come first: the questions ask what else will be done. */
      gtk_box_insert_child_after (GTK_BOX (box), self->mitigations, heading);
    }
  if (section == self->assessment->template->sections->pdata[n_sections (self) - 1])
    gtk_box_append (GTK_BOX (box), review_extras (self));

  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 760);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  return scrolled;
}

static GtkWidget *
step_row (AimsAssessmentWizard   *self,
          const AimsTemplateStep *step,
          guint                   index)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *number, *title, *icon, *row;
  g_autofree char *digits = g_strdup_printf ("%u", index + 1);
  g_autofree char *name = NULL;

  number = gtk_label_new (digits);
  gtk_widget_add_css_class (number, "dim-label");
  gtk_widget_add_css_class (number, "numeric");
  gtk_label_set_width_chars (GTK_LABEL (number), 2);
  title = wrapped_label (step->title, NULL);
  gtk_widget_set_hexpand (title, TRUE);
  icon = gtk_image_new_from_icon_name ("object-select-symbolic");
  gtk_widget_add_css_class (icon, "success");
  gtk_widget_set_tooltip_text (icon, _("Complete"));
  g_ptr_array_add (self->step_icons, icon);
  gtk_box_append (GTK_BOX (box), number);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  /* Translators: a step of the indicator as a screen reader names it, "Step 3: Impacts" */
  name = g_strdup_printf (_("Step %u: %s"), index + 1, step->title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  return row;
}

static GtkWidget *
header_button (const char *icon_name,
               const char *label)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  return button;
}

static void
show_steps_cb (AimsAssessmentWizard *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static GtkWidget *
build_sidebar (AimsAssessmentWizard *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), adw_window_title_new (_("Steps"), NULL));
  g_object_bind_property (self->leaflet, "folded", header, "show-end-title-buttons", G_BINDING_SYNC_CREATE);
  gtk_box_append (GTK_BOX (box), header);
  self->steps_list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_widget_add_css_class (GTK_WIDGET (self->steps_list), "navigation-sidebar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->steps_list), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Steps"), -1);
  for (guint i = 0; i < self->assessment->template->steps->len; i++)
    gtk_list_box_append (self->steps_list, step_row (self, self->assessment->template->steps->pdata[i], i));
  g_signal_connect_object (self->steps_list, "row-activated", G_CALLBACK (step_activated_cb), self, G_CONNECT_SWAPPED);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->steps_list));
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (box), scrolled);
  gtk_widget_set_size_request (box, 260, -1);
  return box;
}

static GtkWidget *
build_content (AimsAssessmentWizard *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *steps_button = header_button ("go-previous-symbolic", _("Steps"));
  GtkWidget *banner_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  GtkWidget *action_bar = gtk_action_bar_new ();

  self->title = ADW_WINDOW_TITLE (adw_window_title_new (_("Impact Assessment"), NULL));
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), GTK_WIDGET (self->title));
  g_object_bind_property (self->leaflet, "folded", header, "show-start-title-buttons", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->leaflet, "folded", steps_button, "visible", G_BINDING_SYNC_CREATE);
  g_signal_connect_swapped (steps_button, "clicked", G_CALLBACK (show_steps_cb), self);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), steps_button);
  gtk_box_append (GTK_BOX (box), header);

  /* What keeps the page from being complete, or why it cannot change. */
  self->banner_icon = GTK_IMAGE (icon);
  self->banner_label = GTK_LABEL (wrapped_label (NULL, NULL));
  gtk_widget_set_hexpand (GTK_WIDGET (self->banner_label), TRUE);
  gtk_box_append (GTK_BOX (banner_box), icon);
  gtk_box_append (GTK_BOX (banner_box), GTK_WIDGET (self->banner_label));
  gtk_widget_add_css_class (banner_box, "card");
  gtk_widget_add_css_class (banner_box, "aims-wizard-banner");
  gtk_widget_set_margin_top (banner_box, 12);
  gtk_widget_set_margin_start (banner_box, 12);
  gtk_widget_set_margin_end (banner_box, 12);
  gtk_widget_set_margin_top (icon, 12);
  gtk_widget_set_margin_bottom (icon, 12);
  gtk_widget_set_margin_start (icon, 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->banner_label), 12);
  gtk_widget_set_margin_top (GTK_WIDGET (self->banner_label), 12);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->banner_label), 12);
  gtk_accessible_update_property (GTK_ACCESSIBLE (banner_box), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Problems"), -1);
  self->banner = GTK_REVEALER (gtk_revealer_new ());
  gtk_revealer_set_child (self->banner, banner_box);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->banner));

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_set_transition_type (self->stack, GTK_STACK_TRANSITION_TYPE_CROSSFADE);
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->stack));

  self->back_button = gtk_button_new_with_mnemonic (_("_Back"));
  g_signal_connect_swapped (self->back_button, "clicked", G_CALLBACK (aims_assessment_wizard_back), self);
  gtk_action_bar_pack_start (GTK_ACTION_BAR (action_bar), self->back_button);
  self->page_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->page_label), "dim-label");
  gtk_action_bar_set_center_widget (GTK_ACTION_BAR (action_bar), GTK_WIDGET (self->page_label));
  self->next_button = gtk_button_new_with_mnemonic (_("_Next"));
  gtk_widget_add_css_class (self->next_button, "suggested-action");
  g_signal_connect_swapped (self->next_button, "clicked", G_CALLBACK (aims_assessment_wizard_next), self);
  gtk_action_bar_pack_end (GTK_ACTION_BAR (action_bar), self->next_button);
  gtk_box_append (GTK_BOX (box), action_bar);
  gtk_widget_set_hexpand (box, TRUE);
  return box;
}

static void
build (AimsAssessmentWizard *self)
{
  GtkWidget *sidebar, *content;
  AdwLeafletPage *page;

  self->toasts = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  self->leaflet = ADW_LEAFLET (adw_leaflet_new ());
  adw_leaflet_set_can_navigate_back (self->leaflet, TRUE);
  sidebar = build_sidebar (self);
  content = build_content (self);
  adw_leaflet_append (self->leaflet, sidebar);
  page = adw_leaflet_append (self->leaflet, gtk_separator_new (GTK_ORIENTATION_VERTICAL));
  adw_leaflet_page_set_navigatable (page, FALSE);
  adw_leaflet_append (self->leaflet, content);
  adw_leaflet_set_visible_child (self->leaflet, content);
  adw_toast_overlay_set_child (self->toasts, GTK_WIDGET (self->leaflet));
  adw_window_set_content (ADW_WINDOW (self), GTK_WIDGET (self->toasts));

  for (guint s = 0; s < n_sections (self); s++)
    {
      const AimsTemplateSection *section = section_at (self, s);
      GPtrArray *rows = g_ptr_array_new ();

      g_ptr_array_add (self->page_rows, rows);
      gtk_stack_add_named (self->stack, build_page (self, section, rows), section->key);
    }
}

/* ── GObject ─────────────────────────────────────────────────────────── */

static gboolean
aims_assessment_wizard_close_request (GtkWindow *window)
{
  /* The words of the last half second are written before the window goes. */
  aims_assessment_wizard_flush (AIMS_ASSESSMENT_WIZARD (window));
  return GTK_WINDOW_CLASS (aims_assessment_wizard_parent_class)->close_request (window);
}

static void
aims_assessment_wizard_dispose (GObject *object)
{
  AimsAssessmentWizard *self = AIMS_ASSESSMENT_WIZARD (object);

  g_clear_handle_id (&self->reload_source, g_source_remove);
  G_OBJECT_CLASS (aims_assessment_wizard_parent_class)->dispose (object);
  g_clear_object (&self->context);
}

static void
aims_assessment_wizard_finalize (GObject *object)
{
  AimsAssessmentWizard *self = AIMS_ASSESSMENT_WIZARD (object);

  g_ptr_array_unref (self->page_rows);
  g_ptr_array_unref (self->step_icons);
  g_clear_pointer (&self->assessment, aims_assessment_free);
  G_OBJECT_CLASS (aims_assessment_wizard_parent_class)->finalize (object);
}

static void
aims_assessment_wizard_class_init (AimsAssessmentWizardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = aims_assessment_wizard_dispose;
  object_class->finalize = aims_assessment_wizard_finalize;
  window_class->close_request = aims_assessment_wizard_close_request;

  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
aims_assessment_wizard_init (AimsAssessmentWizard *self)
{
  self->page_rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  self->step_icons = g_ptr_array_new ();
  gtk_window_set_default_size (GTK_WINDOW (self), 1100, 780);
}

GtkWidget *
aims_assessment_wizard_new (GtkWindow    *parent,
                            AimsContext  *context,
                            gint64        assessment_id,
                            GError      **error)
{
  AimsDb *db = aims_context_get_db (context);
  g_autoptr(AimsAssessment) assessment = NULL;
  AimsAssessmentWizard *self;
  const AimsTemplateSection *resume;
  g_autoptr(GError) frozen = NULL;

  g_return_val_if_fail (AIMS_IS_CONTEXT (context), NULL);

  if (db == NULL)
    {
      g_set_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_INVALID, _("No database is open"));
      return NULL;
    }
  assessment = aims_assessment_load (db, assessment_id, error);
  if (assessment == NULL)
    return NULL;

  self = g_object_new (AIMS_TYPE_ASSESSMENT_WIZARD, "transient-for", parent, NULL);
  self->context = g_object_ref (context);
  self->assessment_id = assessment_id;
  self->assessment = g_steal_pointer (&assessment);
  self->editable = aims_assessment_record_get_status (self->assessment->record) == AIMS_ASSESSMENT_DRAFT &&
                   !aims_db_is_read_only (db);
  gtk_window_set_title (GTK_WINDOW (self), _("Impact Assessment"));
  build (self);
  reload (self);
  g_signal_connect_object (context, "data-changed", G_CALLBACK (data_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "notify::focus-widget", G_CALLBACK (focus_moved_cb), NULL);

  if (!self->editable)
    {
      aims_assessment_set_frozen_error (self->assessment->record, &frozen);
      show_banner_with_icon (self,
                             aims_assessment_record_get_status (self->assessment->record) == AIMS_ASSESSMENT_DRAFT
                             ? _("The database is open read-only: the answers cannot change")
                             : frozen->message,
                             "changes-prevent-symbolic");
      show_section (self, 0);
    }
  else
    {
      const char *comments = aims_record_get (self->assessment->record, "review_comments");

      resume = aims_assessment_resume_section (self->assessment);
      show_section (self, MAX (aims_template_section_index (self->assessment->template, resume->key), 0));
      if (comments != NULL)
        {
          /* Translators: above a draft the approver sent back; %s are their comments */
          g_autofree char *text = g_strdup_printf (_("Sent back with comments: %s"), comments);

          show_banner (self, text);
        }
    }
  return GTK_WIDGET (self);
}

gint64
aims_assessment_wizard_get_id (AimsAssessmentWizard *self)
{
  g_return_val_if_fail (AIMS_IS_ASSESSMENT_WIZARD (self), 0);
  return self->assessment_id;
}

gboolean
aims_assessment_wizard_get_editable (AimsAssessmentWizard *self)
{
  g_return_val_if_fail (AIMS_IS_ASSESSMENT_WIZARD (self), FALSE);
  return self->editable;
}

const char *
aims_assessment_wizard_get_section (AimsAssessmentWizard *self)
{
  g_return_val_if_fail (AIMS_IS_ASSESSMENT_WIZARD (self), NULL);
  return section_at (self, self->current)->key;
}

AimsQuestionRow *
aims_assessment_wizard_get_row (AimsAssessmentWizard *self,
                                const char           *path)
{
  g_return_val_if_fail (AIMS_IS_ASSESSMENT_WIZARD (self), NULL);

  for (guint s = 0; s < self->page_rows->len; s++)
    {
      GPtrArray *rows = self->page_rows->pdata[s];

      for (guint i = 0; i < rows->len; i++)
        if (g_strcmp0 (aims_question_row_get_question (rows->pdata[i])->path, path) == 0)
          return rows->pdata[i];
    }
  return NULL;
}

GtkWidget *
aims_assessment_wizard_get_approver_chooser (AimsAssessmentWizard *self)
{
  g_return_val_if_fail (AIMS_IS_ASSESSMENT_WIZARD (self), NULL);
  return self->approver_chooser;
}

GtkWidget *
aims_assessment_wizard_get_next_button (AimsAssessmentWizard *self)
{
  g_return_val_if_fail (AIMS_IS_ASSESSMENT_WIZARD (self), NULL);
  return self->next_button;
}

GtkWidget *
aims_assessment_wizard_get_eu_box (AimsAssessmentWizard *self)
{
  g_return_val_if_fail (AIMS_IS_ASSESSMENT_WIZARD (self), NULL);
  return self->eu_box;
}
