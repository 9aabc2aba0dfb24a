/* test-assessment-wizard.c — the impact assessment wizard with real
 * widgets on a file of its own, driven with the keyboard only: the focus moves
 * with Tab (gtk_widget_child_focus, what GTK does for the key), text is
 * typed into the focused field, choices and buttons are activated as
 * Space and Enter do. The answers are then read with SQL on another
 * connection to the same file.
 *
 * Also: a page with a missing answer keeps Next from moving and names the
 * question; a draft reopens at the page where it was left, with the words
 * typed just before closing; an approved assessment opens read-only; the
 * page lists, approves, starts version 2 and compares.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "aims-assessment-answers.h"
#include "aims-assessment-compare.h"
#include "aims-assessment-mitigations.h"
#include "aims-assessment-wizard.h"
#include "aims-assessments-page.h"
#include "aims-core.h"
#include "aims-link-chooser.h"
#include "gui-test-util.h"

static gboolean have_display;

#define ASSESSOR "Ada Assessor"
#define APPROVER "Bo Approver"

typedef struct
{
  char        *dir;
  char        *path;
  AimsDb      *db;
  AimsDb      *other;
  AimsContext *context;
  gint64       system_id;
  gint64       assessor_id;
  gint64       approver_id;
  gint64       id;          /* a draft of system_id */
} Fixture;

#define SKIP_WITHOUT_DISPLAY() \
  G_STMT_START { if (!have_display) { g_test_skip ("no display"); return; } } G_STMT_END

static char *
sql_text (Fixture    *fixture,
          const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AimsStatement) statement = aims_db_prepare (fixture->other, sql, &error);
  AimsStep step;

  g_assert_no_error (error);
  step = aims_statement_step (statement, &error);
  g_assert_no_error (error);
  if (step != AIMS_STEP_ROW)
    return NULL;
  return g_strdup (aims_statement_column_text (statement, 0));
}

/* The stored answer of question key of page section, or NULL. */
static char *
stored_answer (Fixture    *fixture,
               gint64      id,
               const char *section,
               const char *key)
{
  g_autofree char *sql =
    g_strdup_printf ("SELECT a.value FROM assessment_answer a JOIN assessment_question q ON q.id = a.question_id "
                     "JOIN assessment_section s ON s.id = q.section_id WHERE a.assessment_id = %" G_GINT64_FORMAT
                     " AND s.key = '%s' AND q.key = '%s'", id, section, key);

  return sql_text (fixture, sql);
}

static char *
stored_field (Fixture    *fixture,
              gint64      id,
              const char *column)
{
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM impact_assessment WHERE id = %" G_GINT64_FORMAT,
                                          column, id);

  return sql_text (fixture, sql);
}

static gint64
add_person (Fixture    *fixture,
            const char *name)
{
  g_autoptr(GHashTable) values = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(AimsRecord) person = NULL;
  g_autoptr(GError) error = NULL;

  g_hash_table_insert (values, (gpointer) "name", (gpointer) name);
  person = aims_store_insert (fixture->db, aims_entity_people (), values, "Test User", &error);
  g_assert_no_error (error);
  return aims_record_get_id (person);
}

static gint64
start_assessment (Fixture *fixture)
{
  g_autoptr(AimsRecord) record = NULL;
  g_autoptr(GError) error = NULL;

  record = aims_assessment_create (fixture->db, fixture->system_id, 0, fixture->assessor_id, "Test User", &error);
  g_assert_no_error (error);
  return aims_record_get_id (record);
}

static gint64
add_system (Fixture    *fixture,
            const char *name)
{
  g_autoptr(GHashTable) values = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(AimsRecord) system = NULL;
  g_autoptr(GError) error = NULL;

  g_hash_table_insert (values, (gpointer) "name", (gpointer) name);
  system = aims_store_insert (fixture->db, aims_entity_systems (), values, "Test User", &error);
  g_assert_no_error (error);
  return aims_record_get_id (system);
}

/* A file of its own, not the demo: what is assessed here is all there is. */
static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSettings) settings = NULL;

  if (!have_display)
    return;

  fixture->dir = g_dir_make_tmp ("aims-test-wizard-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "wizard.aimsdb", NULL);
  fixture->db = aims_db_open (fixture->path, AIMS_DB_OPEN_CREATE, &error);
  g_assert_no_error (error);
  fixture->other = aims_db_open (fixture->path, AIMS_DB_OPEN_DEFAULT, &error);
  g_assert_no_error (error);

  settings = gui_test_new_settings ();
  g_settings_set_string (settings, "author-name", ASSESSOR);
  fixture->context = aims_context_new (settings);
  aims_context_set_db (fixture->context, fixture->db);

  fixture->assessor_id = add_person (fixture, ASSESSOR);
  fixture->approver_id = add_person (fixture, APPROVER);
  fixture->system_id = add_system (fixture, "Loan scoring");
  fixture->id = start_assessment (fixture);
}

static void
close_toplevels (void)
{
  GtkWindow *window;

  while ((window = gui_test_find_toplevel (GTK_TYPE_WINDOW, G_TYPE_INVALID)) != NULL)
    gtk_window_destroy (window);
  gui_test_iterate_pending ();
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  close_toplevels ();
  g_clear_object (&fixture->context);
  g_clear_object (&fixture->db);
  g_clear_object (&fixture->other);
  if (fixture->dir != NULL)
    gui_test_remove_tree (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static void
settle (void)
{
  gui_test_iterate_for (30);
  gui_test_iterate_pending ();
}

static gboolean
window_mapped (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

static AimsAssessmentWizard *
open_wizard (Fixture *fixture,
             gint64   id)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *wizard = aims_assessment_wizard_new (NULL, fixture->context, id, &error);

  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (wizard));
  gui_test_iterate_until (window_mapped, wizard);
  settle ();
  return AIMS_ASSESSMENT_WIZARD (wizard);
}

/* ── The keyboard ────────────────────────────────────────────────────── */

static GtkWidget *
focused (AimsAssessmentWizard *wizard)
{
  return gtk_root_get_focus (GTK_ROOT (wizard));
}

/* Tab: what GTK does when the key is pressed. */
static void
press_tab (GtkWidget *window)
{
  if (!gtk_widget_child_focus (window, GTK_DIR_TAB_FORWARD))
    gtk_widget_child_focus (window, GTK_DIR_TAB_FORWARD);   /* wrapped around */
}

/* Enter on a button: GtkButton shows itself pressed and emits "clicked" a
 * quarter of a second later. */
static void
press_enter (GtkWidget *button)
{
  gtk_widget_activate (button);
  gui_test_iterate_for (400);
  gui_test_iterate_pending ();
}

/* Typing into the focused field. */
static void
type_text (GtkWidget  *widget,
           const char *text)
{
  if (GTK_IS_TEXT_VIEW (widget))
    gtk_text_buffer_insert_at_cursor (gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget)), text, -1);
  else
    {
      int position = -1;

      gtk_editable_insert_text (GTK_EDITABLE (widget), text, -1, &position);
    }
  settle ();
}

static char *
today_plus (int days)
{
  g_autoptr(GDate) date = aims_date_today ();

  g_date_add_days (date, days);
  return aims_date_format_iso (date);
}

static gboolean
search_focused (gpointer chooser)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (chooser));

  return focus != NULL && gtk_widget_get_ancestor (focus, GTK_TYPE_SEARCH_ENTRY) != NULL;
}

/* Answers every required question that applies through the core, as the
 * wizard saves them, and confirms the screening: for the tests that start
 * where the keyboard test ends. */
static void
answer_by_core (Fixture *fixture,
                AimsDb  *db,
                gint64   id)
{
  g_autoptr(AimsAssessment) outline = NULL;
  g_autoptr(AimsRecord) confirmed = NULL;
  g_auto(AimsEuScreening) proposal = { 0 };
  g_autoptr(GError) error = NULL;

  outline = aims_assessment_load (db, id, &error);
  g_assert_no_error (error);
  for (guint s = 0; s < outline->template->sections->len; s++)
    {
      AimsTemplateSection *section = outline->template->sections->pdata[s];

      for (guint q = 0; q < section->questions->len; q++)
        {
          const AimsQuestion *question = section->questions->pdata[q];
          g_autoptr(AimsAssessment) now = aims_assessment_load (db, id, &error);
          g_autoptr(AimsAnswer) answer = NULL;
          g_autofree char *value = NULL;

          g_assert_no_error (error);
          if (!question->required || !aims_assessment_question_applies (now, question))
            continue;
          if (question->type == AIMS_QUESTION_DATE)
            value = today_plus (g_str_equal (question->path, "context.in_use_since") ? 0 : 365);
          else if (question->type == AIMS_QUESTION_PERSON)
            value = g_strdup_printf ("%" G_GINT64_FORMAT, fixture->assessor_id);
          else if (question->type == AIMS_QUESTION_YES_NO)
            value = g_strdup ("yes");
          else if (question->type == AIMS_QUESTION_LIKELIHOOD || question->type == AIMS_QUESTION_IMPACT)
            value = g_strdup ("1");
          else if (question->type == AIMS_QUESTION_MULTIPLE_CHOICE && aims_question_choice_label (question, "none"))
            value = g_strdup ("none");
          else if (question->choices->len > 0)
            value = g_strdup (((AimsQuestionChoice *) question->choices->pdata[0])->key);
          else
            value = g_strdup_printf ("Answer to %s", question->path);
          answer = aims_assessment_save_answer (db, id, question->id, value, -1, ASSESSOR, &error);
          g_assert_no_error (error);
        }
    }
  g_clear_pointer (&outline, aims_assessment_free);
  outline = aims_assessment_load (db, id, &error);
  aims_assessment_screen_eu_ai_act (outline, &proposal);
  confirmed = aims_assessment_confirm_eu_ai_act (db, id, proposal.eu_class, proposal.role, NULL, ASSESSOR, &error);
  g_assert_no_error (error);
}

/* The same, then submitted to the approver. */
static void
submit_by_core (Fixture *fixture,
                gint64   id)
{
  g_autoptr(AimsRecord) submitted = NULL;
  g_autoptr(GError) error = NULL;

  answer_by_core (fixture, fixture->db, id);
  submitted = aims_assessment_submit (fixture->db, id, -1, fixture->approver_id, ASSESSOR, &error);
  g_assert_no_error (error);
}

/* A chooser is opened with Enter, text typed into its search, and Enter
 * chooses the first record found. */
static void
choose_record (GtkWidget  *chooser,
               const char *name)
{
  GtkWidget *search;

  /* A frame first, as between a person's key presses: the page scrolls
   * the chooser into view, where its popover is placed. */
  gui_test_iterate_for (150);
  gtk_widget_activate (chooser);
  /* The popover takes the focus, in its search field, once it is shown. */
  gui_test_iterate_until (search_focused, chooser);
  search = gtk_widget_get_ancestor (gtk_root_get_focus (gtk_widget_get_root (chooser)), GTK_TYPE_SEARCH_ENTRY);
  gtk_editable_set_text (GTK_EDITABLE (search), name);
  /* The list follows the search after the entry's pause for typing. */
  gui_test_iterate_for (400);
  g_signal_emit_by_name (search, "activate");
  settle ();
}

/* A person is chosen by name. */
static void
choose_person (GtkWidget  *chooser,
               const char *name)
{
  choose_record (chooser, name);
  g_assert_cmpstr (aims_link_chooser_get_record_title (AIMS_LINK_CHOOSER (chooser)), ==, name);
}

static const char *
button_text (GtkWidget *button)
{
  GtkWidget *child = gtk_check_button_get_child (GTK_CHECK_BUTTON (button));

  return GTK_IS_LABEL (child) ? gtk_label_get_text (GTK_LABEL (child)) : "";
}

/* Answers the question whose input has the focus, as a person at the
 * keyboard would: the first choice (or "None of these" where there is
 * one), sample words, a date that lies after the system existed. */
static void
answer_focused (AimsAssessmentWizard *wizard,
                GtkWidget            *focus)
{
  AimsQuestionRow *row = AIMS_QUESTION_ROW (gtk_widget_get_ancestor (focus, AIMS_TYPE_QUESTION_ROW));
  const AimsQuestion *question = aims_question_row_get_question (row);
  GtkWidget *chooser = gtk_widget_get_ancestor (focus, AIMS_TYPE_LINK_CHOOSER);

  if (chooser != NULL)
    {
      if (aims_link_chooser_get_record_id (AIMS_LINK_CHOOSER (chooser)) == NULL)
        choose_person (chooser, ASSESSOR);
      return;
    }
  if (GTK_IS_CHECK_BUTTON (focus))
    {
      GtkWidget *group = gtk_widget_get_parent (focus);
      gboolean any = FALSE, has_none = FALSE;

      for (GtkWidget *b = gtk_widget_get_first_child (group); b != NULL; b = gtk_widget_get_next_sibling (b))
        {
          any |= gtk_check_button_get_active (GTK_CHECK_BUTTON (b));
          has_none |= g_str_equal (button_text (b), "None of these");
        }
      if (any)
        return;
      if (question->type != AIMS_QUESTION_MULTIPLE_CHOICE || !has_none ||
          g_str_equal (button_text (focus), "None of these"))
        gtk_widget_activate (focus);   /* Space */
      settle ();
      return;
    }
  if (GTK_IS_TEXT_VIEW (focus) || GTK_IS_EDITABLE (focus))
    {
      g_autofree char *sample = NULL;
      gboolean empty = GTK_IS_TEXT_VIEW (focus)
                       ? gtk_text_buffer_get_char_count (gtk_text_view_get_buffer (GTK_TEXT_VIEW (focus))) == 0
                       : *gtk_editable_get_text (GTK_EDITABLE (focus)) == '\0';

      if (!empty)
        return;
      if (question->type == AIMS_QUESTION_DATE)
        sample = today_plus (g_str_equal (question->path, "context.in_use_since") ? 0 : 365);
      else
        sample = g_strdup_printf ("Typed answer to %s", question->path);
      type_text (focus, sample);
    }
}

/* One page: Tab from question to question, answering each, until the
 * focus reaches Next; then Enter on it. Returns the page shown after. */
static const char *
complete_page (AimsAssessmentWizard *wizard)
{
  GtkWidget *next = aims_assessment_wizard_get_next_button (wizard);
  g_autofree char *page = g_strdup (aims_assessment_wizard_get_section (wizard));

  for (guint steps = 0; steps < 400; steps++)
    {
      GtkWidget *focus = focused (wizard);

      if (focus == next)
        {
          press_enter (next);
          return aims_assessment_wizard_get_section (wizard);
        }
      if (focus != NULL && gtk_widget_get_ancestor (focus, AIMS_TYPE_QUESTION_ROW) != NULL)
        answer_focused (wizard, focus);
      else if (GTK_IS_BUTTON (focus) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (focus)), "Confirm as Proposed") == 0 &&
               gtk_widget_is_sensitive (focus))
        press_enter (focus);
      else if (focus != NULL && gtk_widget_get_ancestor (focus, AIMS_TYPE_LINK_CHOOSER) != NULL &&
               g_str_equal (page, "review"))
        {
          GtkWidget *chooser = gtk_widget_get_ancestor (focus, AIMS_TYPE_LINK_CHOOSER);

          if (aims_link_chooser_get_record_id (AIMS_LINK_CHOOSER (chooser)) == NULL)
            choose_person (chooser, APPROVER);
        }
      press_tab (GTK_WIDGET (wizard));
    }
  g_assert_not_reached ();
  return NULL;
}

/* What kept Next from moving on, for the log of a failure. */
static void
report_problems (AimsAssessmentWizard *wizard)
{
  for (GtkWidget *w = GTK_WIDGET (wizard); w != NULL;)
    {
      if (GTK_IS_LABEL (w) && gtk_widget_is_visible (w) &&
          (gtk_widget_has_css_class (w, "error") ||
           gtk_widget_has_css_class (gtk_widget_get_parent (w), "aims-wizard-banner")))
        g_test_message ("shown: %s", gtk_label_get_text (GTK_LABEL (w)));
      if (gtk_widget_get_first_child (w) != NULL)
        w = gtk_widget_get_first_child (w);
      else
        {
          while (w != NULL && gtk_widget_get_next_sibling (w) == NULL)
            w = w == GTK_WIDGET (wizard) ? NULL : gtk_widget_get_parent (w);
          if (w != NULL && w != GTK_WIDGET (wizard))
            w = gtk_widget_get_next_sibling (w);
          else
            w = NULL;
        }
    }
}

static void
complete_with_keyboard (AimsAssessmentWizard *wizard)
{
  for (guint pages = 0; pages < 40; pages++)
    {
      g_autofree char *before = g_strdup (aims_assessment_wizard_get_section (wizard));
      const char *after = complete_page (wizard);

      if (g_str_equal (before, "review"))
        return;
      /* Next moved on: every required answer of the page was given. */
      if (g_str_equal (after, before))
        report_problems (wizard);
      g_assert_cmpstr (after, !=, before);
    }
  g_assert_not_reached ();
}

static void
test_keyboard (Fixture       *fixture,
               gconstpointer  data)
{
  AimsAssessmentWizard *wizard;
  g_autofree char *purpose = NULL;
  g_autofree char *likelihood = NULL;
  g_autofree char *prohibited = NULL;
  g_autofree char *accountable = NULL;
  g_autofree char *status = NULL;
  g_autofree char *approver = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *eu_class = NULL;
  g_autofree char *count = NULL;

  SKIP_WITHOUT_DISPLAY ();

  wizard = open_wizard (fixture, fixture->id);
  g_assert_true (aims_assessment_wizard_get_editable (wizard));
  g_assert_cmpstr (aims_assessment_wizard_get_section (wizard), ==, "context");
  complete_with_keyboard (wizard);

  /* Submitted, with every answer in the file. */
  status = stored_field (fixture, fixture->id, "status");
  g_assert_cmpstr (status, ==, "in_review");
  approver = stored_field (fixture, fixture->id, "approver_id");
  expected = g_strdup_printf ("%" G_GINT64_FORMAT, fixture->approver_id);
  g_assert_cmpstr (approver, ==, expected);
  purpose = stored_answer (fixture, fixture->id, "context", "purpose");
  g_assert_cmpstr (purpose, ==, "Typed answer to context.purpose");
  likelihood = stored_answer (fixture, fixture->id, "fairness", "likelihood");
  g_assert_nonnull (likelihood);
  g_assert_true (g_str_has_prefix (likelihood, "1/"));
  prohibited = stored_answer (fixture, fixture->id, "eu_ai_act", "prohibited");
  g_assert_cmpstr (prohibited, ==, "none");
  accountable = stored_answer (fixture, fixture->id, "oversight", "accountable");
  g_assert_cmpstr (accountable, ==, g_strdup_printf ("%" G_GINT64_FORMAT, fixture->assessor_id));
  eu_class = stored_field (fixture, fixture->id, "eu_class");
  g_assert_nonnull (eu_class);
  count = sql_text (fixture, "SELECT count(*) FROM assessment_answer WHERE value IS NOT NULL");
  g_assert_cmpint (g_ascii_strtoll (count, NULL, 10), >=, 40);
  /* Read-only now that it is in review. */
  g_assert_false (aims_assessment_wizard_get_editable (wizard));
}

/* Next on an empty page stays, and names the question. */
static void
test_validation (Fixture       *fixture,
                 gconstpointer  data)
{
  AimsAssessmentWizard *wizard;
  AimsQuestionRow *row;
  GtkWidget *problem;

  SKIP_WITHOUT_DISPLAY ();

  wizard = open_wizard (fixture, fixture->id);
  g_assert_false (aims_assessment_wizard_next (wizard));
  g_assert_cmpstr (aims_assessment_wizard_get_section (wizard), ==, "context");
  row = aims_assessment_wizard_get_row (wizard, "context.purpose");
  /* The problem label under the question: the core's message, naming it. */
  problem = gtk_widget_get_last_child (GTK_WIDGET (row));
  g_assert_true (gtk_widget_get_visible (problem));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (problem)), "What is the system for?"));
  /* The focus went to it, ready to type. */
  g_assert_true (gtk_widget_is_ancestor (focused (wizard), GTK_WIDGET (row)) ||
                 focused (wizard) == aims_question_row_get_input (row));
  /* Going forward by the step indicator is refused the same way. */
  g_assert_false (aims_assessment_wizard_go_to_step (wizard, 3));
  g_assert_cmpstr (aims_assessment_wizard_get_section (wizard), ==, "context");
}

static gboolean
wizard_gone (gpointer data)
{
  return *(gpointer *) data == NULL;
}

static void
test_reopen (Fixture       *fixture,
             gconstpointer  data)
{
  AimsAssessmentWizard *wizard;
  AimsQuestionRow *row;
  GtkWidget *input;
  GtkTextIter start, end;
  g_autofree char *step = NULL;
  g_autofree char *stored = NULL;
  g_autofree char *shown = NULL;

  SKIP_WITHOUT_DISPLAY ();

  wizard = open_wizard (fixture, fixture->id);
  g_assert_cmpstr (complete_page (wizard), ==, "affected");
  step = stored_field (fixture, fixture->id, "current_step");
  g_assert_cmpstr (step, ==, "affected");

  /* Words typed and the window closed at once, before the pause that saves them. */
  row = aims_assessment_wizard_get_row (wizard, "affected.who");
  aims_question_row_focus (row);
  type_text (aims_question_row_get_input (row), "Applicants, typed just before closing");
  g_object_add_weak_pointer (G_OBJECT (wizard), (gpointer *) &wizard);
  gtk_window_close (GTK_WINDOW (wizard));
  gui_test_iterate_until (wizard_gone, &wizard);
  stored = stored_answer (fixture, fixture->id, "affected", "who");
  g_assert_cmpstr (stored, ==, "Applicants, typed just before closing");

  /* Reopened where it was left, with the answer shown. */
  wizard = open_wizard (fixture, fixture->id);
  g_assert_cmpstr (aims_assessment_wizard_get_section (wizard), ==, "affected");
  input = aims_question_row_get_input (aims_assessment_wizard_get_row (wizard, "affected.who"));
  gtk_text_buffer_get_bounds (gtk_text_view_get_buffer (GTK_TEXT_VIEW (input)), &start, &end);
  shown = gtk_text_buffer_get_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (input)), &start, &end, FALSE);
  g_assert_cmpstr (shown, ==, "Applicants, typed just before closing");
  /* The indicator goes back with a click. */
  g_assert_true (aims_assessment_wizard_go_to_step (wizard, 0));
  g_assert_cmpstr (aims_assessment_wizard_get_section (wizard), ==, "context");
}

static void
test_approved_read_only (Fixture       *fixture,
                         gconstpointer  data)
{
  AimsAssessmentWizard *wizard;
  g_autoptr(AimsRecord) approved = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  GtkWidget *input;

  SKIP_WITHOUT_DISPLAY ();

  submit_by_core (fixture, fixture->id);
  approved = aims_assessment_approve (fixture->db, fixture->id, -1, APPROVER, &error);
  g_assert_no_error (error);
  before = sql_text (fixture, "SELECT group_concat(value, '|') FROM assessment_answer");

  wizard = open_wizard (fixture, fixture->id);
  g_assert_false (aims_assessment_wizard_get_editable (wizard));
  g_assert_cmpstr (aims_assessment_wizard_get_section (wizard), ==, "context");
  input = aims_question_row_get_input (aims_assessment_wizard_get_row (wizard, "context.purpose"));
  g_assert_false (gtk_text_view_get_editable (GTK_TEXT_VIEW (input)));
  input = aims_question_row_get_input (aims_assessment_wizard_get_row (wizard, "affected.how_many"));
  g_assert_false (gtk_widget_is_sensitive (input));
  /* Every page can be read; nothing can be submitted or changed. */
  for (guint i = 0; i < 20 && aims_assessment_wizard_next (wizard); i++)
    ;
  g_assert_cmpstr (aims_assessment_wizard_get_section (wizard), ==, "review");
  g_assert_false (gtk_widget_get_visible (aims_assessment_wizard_get_next_button (wizard)));
  g_assert_false (gtk_widget_is_sensitive (aims_assessment_wizard_get_approver_chooser (wizard)));
  after = sql_text (fixture, "SELECT group_concat(value, '|') FROM assessment_answer");
  g_assert_cmpstr (before, ==, after);
}

/* The page: listed, approved by the approver, version 2, compared. */
static void
test_page_workflow (Fixture       *fixture,
                    gconstpointer  data)
{
  AimsAssessmentWizard *wizard;
  AimsAssessmentsPage *page;
  AimsRecordList *list;
  GtkWidget *window, *compare;
  g_autoptr(AimsRecord) submitted = NULL;
  g_autoptr(AimsRecord) approved = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *status = NULL;
  g_autofree char *latest = NULL;

  SKIP_WITHOUT_DISPLAY ();

  submit_by_core (fixture, fixture->id);

  page = AIMS_ASSESSMENTS_PAGE (aims_assessments_page_new (fixture->context));
  list = aims_record_page_get_record_list (AIMS_RECORD_PAGE (page));
  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 900);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (page));
  gtk_window_present (GTK_WINDOW (window));
  gui_test_iterate_until (window_mapped, window);
  settle ();
  g_assert_cmpuint (aims_record_list_get_n_total (list), >=, 1);

  /* By status. */
  gtk_widget_activate_action (GTK_WIDGET (page), "page.filter", "s", "status=in_review");
  settle ();
  g_assert_cmpuint (aims_record_list_get_n_shown (list), ==, 1);
  g_assert_true (aims_assessments_page_select (page, fixture->id));
  settle ();

  /* The assessor may not approve it: the core says why, nothing changes. */
  gtk_widget_activate_action (GTK_WIDGET (page), "page.approve", NULL);
  settle ();
  status = stored_field (fixture, fixture->id, "status");
  g_assert_cmpstr (status, ==, "in_review");
  close_toplevels ();

  approved = aims_assessment_approve (fixture->db, fixture->id, -1, APPROVER, &error);
  g_assert_no_error (error);
  window = gtk_window_new ();
  page = AIMS_ASSESSMENTS_PAGE (aims_assessments_page_new (fixture->context));
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (page));
  gtk_window_present (GTK_WINDOW (window));
  gui_test_iterate_until (window_mapped, window);
  settle ();
  g_assert_true (aims_assessments_page_select (page, fixture->id));
  settle ();
  gtk_widget_activate_action (GTK_WIDGET (page), "page.new-version", NULL);
  settle ();
  latest = sql_text (fixture, "SELECT max(id) FROM impact_assessment");
  wizard = gui_test_find_toplevel (AIMS_TYPE_ASSESSMENT_WIZARD, G_TYPE_INVALID);
  g_assert_nonnull (wizard);
  g_assert_cmpint (aims_assessment_wizard_get_id (wizard), ==, g_ascii_strtoll (latest, NULL, 10));
  g_assert_true (aims_assessment_wizard_get_editable (wizard));

  /* A change in version 2, then the comparison shows it, and only it. */
  aims_question_row_focus (aims_assessment_wizard_get_row (wizard, "context.where"));
  gtk_editable_set_text (GTK_EDITABLE (aims_question_row_get_input (aims_assessment_wizard_get_row (wizard, "context.where"))),
                         "Only in the EU");
  aims_assessment_wizard_flush (wizard);
  compare = aims_assessment_compare_new (NULL, fixture->context, fixture->id, aims_assessment_wizard_get_id (wizard),
                                         &error);
  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (compare));
  settle ();
  g_assert_cmpuint (aims_assessment_compare_get_n_rows (AIMS_ASSESSMENT_COMPARE (compare)), ==, 1);
  aims_assessment_compare_set_show_same (AIMS_ASSESSMENT_COMPARE (compare), TRUE);
  settle ();
  g_assert_cmpuint (aims_assessment_compare_get_n_rows (AIMS_ASSESSMENT_COMPARE (compare)), >, 10);
}

/* ── Step 7's controls, and changes made elsewhere ────────────────────── */

/* Saves one answer through the core on connection db, as author. */
static void
answer_path (AimsDb     *db,
             gint64      id,
             const char *path,
             const char *value,
             const char *author)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AimsAssessment) assessment = aims_assessment_load (db, id, &error);
  g_autoptr(AimsAnswer) answer = NULL;
  const AimsQuestion *found = NULL;

  g_assert_no_error (error);
  for (guint s = 0; s < assessment->template->sections->len && found == NULL; s++)
    {
      AimsTemplateSection *section = assessment->template->sections->pdata[s];

      for (guint q = 0; q < section->questions->len && found == NULL; q++)
        if (g_str_equal (((AimsQuestion *) section->questions->pdata[q])->path, path))
          found = section->questions->pdata[q];
    }
  g_assert_nonnull (found);
  answer = aims_assessment_save_answer (db, id, found->id, value, -1, author, &error);
  g_assert_no_error (error);
}

/* The impact area rated at the top of the matrix: above the appetite. */
static void
rate_high (Fixture    *fixture,
           const char *area)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AimsAssessment) assessment = aims_assessment_load (fixture->db, fixture->id, &error);
  g_autofree char *top = g_strdup_printf ("%u", assessment->matrix->size);
  g_autofree char *likelihood = g_strconcat (area, ".likelihood", NULL);
  g_autofree char *severity = g_strconcat (area, ".severity", NULL);

  answer_path (fixture->db, fixture->id, likelihood, top, ASSESSOR);
  answer_path (fixture->db, fixture->id, severity, top, ASSESSOR);
}

static char *
input_text (GtkWidget *input)
{
  GtkTextIter start, end;

  if (!GTK_IS_TEXT_VIEW (input))
    return g_strdup (gtk_editable_get_text (GTK_EDITABLE (input)));
  gtk_text_buffer_get_bounds (gtk_text_view_get_buffer (GTK_TEXT_VIEW (input)), &start, &end);
  return gtk_text_buffer_get_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (input)), &start, &end, FALSE);
}

typedef gboolean (*WidgetMatch) (GtkWidget     *widget,
                                 gconstpointer  data);

/* root or its first descendant, depth first, that match accepts. */
static GtkWidget *
find_descendant (GtkWidget     *root,
                 WidgetMatch    match,
                 gconstpointer  data)
{
  if (match (root, data))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, match, data);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
is_control_chooser (GtkWidget     *widget,
                    gconstpointer  data)
{
  return AIMS_IS_LINK_CHOOSER (widget) &&
         aims_link_chooser_get_entity (AIMS_LINK_CHOOSER (widget)) == aims_entity_controls ();
}

static gboolean
is_row_titled (GtkWidget     *widget,
               gconstpointer  prefix)
{
  return ADW_IS_ACTION_ROW (widget) &&
         g_str_has_prefix (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), prefix);
}

static gboolean
is_button_named (GtkWidget     *widget,
                 gconstpointer  tooltip)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_widget_get_tooltip_text (widget), tooltip) == 0;
}

/* The wizard's banner, when it shows text. */
static gboolean
is_banner_text (GtkWidget     *widget,
                gconstpointer  words)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_parent (widget) != NULL &&
         gtk_widget_has_css_class (gtk_widget_get_parent (widget), "aims-wizard-banner") &&
         strstr (gtk_label_get_text (GTK_LABEL (widget)), words) != NULL;
}

#define CONTROL_TITLE "A.5.4 Assessing AI system impact on individuals"

/* Step 7: a control linked through its chooser is in the file (read on
 * another connection), shown with an unlink button and on the review
 * step; the button unlinks it. */
static void
test_link_control (Fixture       *fixture,
                   gconstpointer  data)
{
  AimsAssessmentWizard *wizard;
  GtkWidget *mitigations, *chooser, *row, *unlink, *answers;
  g_autofree char *linked = NULL;
  g_autofree char *left = NULL;

  SKIP_WITHOUT_DISPLAY ();

  answer_by_core (fixture, fixture->db, fixture->id);
  rate_high (fixture, "fairness");
  wizard = open_wizard (fixture, fixture->id);
  g_assert_true (aims_assessment_wizard_go_to_step (wizard, 6));
  settle ();
  g_assert_cmpstr (aims_assessment_wizard_get_section (wizard), ==, "mitigations");

  mitigations = gui_test_find_widget (GTK_WIDGET (wizard), AIMS_TYPE_ASSESSMENT_MITIGATIONS, NULL);
  chooser = find_descendant (mitigations, is_control_chooser, NULL);
  g_assert_nonnull (chooser);
  choose_record (chooser, "A.5.4");
  settle ();
  linked = sql_text (fixture, "SELECT group_concat(s.key || '=' || c.reference) FROM assessment_control l"
                              " JOIN assessment_section s ON s.id = l.section_id"
                              " JOIN control c ON c.id = l.control_id");
  g_assert_cmpstr (linked, ==, "fairness=A.5.4");
  row = find_descendant (mitigations, is_row_titled, CONTROL_TITLE);
  g_assert_nonnull (row);
  g_assert_nonnull (find_descendant (row, is_button_named, "Unlink A.5.4"));

  /* The review step lists it with its area. */
  g_assert_true (aims_assessment_wizard_go_to_step (wizard, 7));
  settle ();
  answers = gui_test_find_widget (GTK_WIDGET (wizard), AIMS_TYPE_ASSESSMENT_ANSWERS, NULL);
  row = find_descendant (answers, is_row_titled, CONTROL_TITLE);
  g_assert_nonnull (row);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)),
                            "Fairness and non-discrimination · Annex A control"));

  g_assert_true (aims_assessment_wizard_go_to_step (wizard, 6));
  settle ();
  unlink = find_descendant (mitigations, is_button_named, "Unlink A.5.4");
  g_signal_emit_by_name (unlink, "clicked");
  settle ();
  left = sql_text (fixture, "SELECT count(*) FROM assessment_control");
  g_assert_cmpstr (left, ==, "0");
  g_assert_null (find_descendant (mitigations, is_row_titled, CONTROL_TITLE));
}

typedef struct
{
  GtkWidget  *input;
  const char *text;
} Shown;

static gboolean
input_shows (gpointer data)
{
  Shown *shown = data;
  g_autofree char *text = input_text (shown->input);

  return g_strcmp0 (text, shown->text) == 0;
}

static gboolean
wizard_read_only (gpointer wizard)
{
  return !aims_assessment_wizard_get_editable (wizard);
}

/* Another user answers on their own connection: the watch notices, the
 * wizard shows their answers except in the field being typed, whose words
 * stay and meet theirs as a conflict; submitted elsewhere, it turns
 * read-only and says why. */
static void
test_changed_elsewhere (Fixture       *fixture,
                        gconstpointer  data)
{
  AimsAssessmentWizard *wizard;
  AimsQuestionRow *purpose, *where;
  g_autoptr(AimsRecord) submitted = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *typed = NULL;
  g_autofree char *stored = NULL;
  g_autofree char *theirs = NULL;
  GtkWidget *problem;
  Shown shown;

  SKIP_WITHOUT_DISPLAY ();

  wizard = open_wizard (fixture, fixture->id);
  purpose = aims_assessment_wizard_get_row (wizard, "context.purpose");
  where = aims_assessment_wizard_get_row (wizard, "context.where");
  aims_question_row_focus (purpose);
  answer_path (fixture->other, fixture->id, "context.where", "Changed on another computer", "Other User");
  answer_path (fixture->other, fixture->id, "context.purpose", "Their purpose", "Other User");
  type_text (aims_question_row_get_input (purpose), "Mine, being typed");

  /* The watch of the shared file polls: no call tells the wizard. */
  shown = (Shown) { aims_question_row_get_input (where), "Changed on another computer" };
  gui_test_iterate_until (input_shows, &shown);
  typed = input_text (aims_question_row_get_input (purpose));
  g_assert_cmpstr (typed, ==, "Mine, being typed");

  /* Saving the words being typed overwrites nothing and names both. */
  aims_assessment_wizard_flush (wizard);
  stored = stored_answer (fixture, fixture->id, "context", "purpose");
  g_assert_cmpstr (stored, ==, "Their purpose");
  problem = gtk_widget_get_last_child (GTK_WIDGET (purpose));
  g_assert_true (gtk_widget_get_visible (problem));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (problem)), "Mine, being typed"));

  /* Once the focus leaves it, the question shows their answer. */
  aims_question_row_focus (where);
  settle ();
  theirs = input_text (aims_question_row_get_input (purpose));
  g_assert_cmpstr (theirs, ==, "Their purpose");

  /* Submitted elsewhere: nothing can change here any more, and it says why. */
  answer_by_core (fixture, fixture->other, fixture->id);
  submitted = aims_assessment_submit (fixture->other, fixture->id, -1, fixture->approver_id, "Other User", &error);
  g_assert_no_error (error);
  gui_test_iterate_until (wizard_read_only, wizard);
  g_assert_nonnull (find_descendant (GTK_WIDGET (wizard), is_banner_text, "is in review"));
  g_assert_false (gtk_text_view_get_editable (GTK_TEXT_VIEW (aims_question_row_get_input (purpose))));
}

/* ── Names for screen readers ────────────────────────────────────────── */

/* GTK's accessible name of an input: its label property, a labelled-by
 * relation (a question's prompt), or for a button the text it shows. */
static gboolean
has_accessible_name (GtkWidget *widget)
{
  const char *text = NULL;

  if (gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL) ||
      gtk_test_accessible_has_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY))
    return TRUE;
  if (GTK_IS_BUTTON (widget))
    text = gtk_button_get_label (GTK_BUTTON (widget));
  else if (GTK_IS_CHECK_BUTTON (widget))
    text = gtk_check_button_get_label (GTK_CHECK_BUTTON (widget));
  return text != NULL && *text != '\0';
}

/* The widget a screen reader announces for a focusable part: the entry
 * around its text, the menu button or drop-down around its button. */
static GtkWidget *
announced (GtkWidget *widget)
{
  GtkWidget *parent = gtk_widget_get_parent (widget);

  if (GTK_IS_TEXT (widget) && gtk_widget_get_ancestor (widget, GTK_TYPE_SPIN_BUTTON) != NULL)
    return gtk_widget_get_ancestor (widget, GTK_TYPE_SPIN_BUTTON);
  if (GTK_IS_TEXT (widget) && gtk_widget_get_ancestor (widget, GTK_TYPE_ENTRY) != NULL)
    return gtk_widget_get_ancestor (widget, GTK_TYPE_ENTRY);
  if (GTK_IS_MENU_BUTTON (parent) || GTK_IS_DROP_DOWN (parent))
    return parent;
  return widget;
}

static gboolean
is_input (GtkWidget *widget)
{
  return GTK_IS_TEXT (widget) || GTK_IS_TEXT_VIEW (widget) || GTK_IS_BUTTON (widget) ||
         GTK_IS_CHECK_BUTTON (widget) || GTK_IS_SWITCH (widget) || GTK_IS_DROP_DOWN (widget) ||
         GTK_IS_SCALE (widget) || GTK_IS_SPIN_BUTTON (widget);
}

/* Every input a person can reach under widget without a name goes into
 * unnamed; popovers are read when they open, not here. Returns the number
 * of inputs seen. */
static guint
collect_unnamed (GtkWidget *widget,
                 const char *page,
                 GPtrArray  *unnamed)
{
  guint n = 0;

  if (!gtk_widget_get_visible (widget) || GTK_IS_POPOVER (widget))
    return 0;
  if (is_input (widget) && gtk_widget_get_focusable (widget))
    {
      GtkWidget *named = announced (widget);

      n++;
      if (!has_accessible_name (named))
        {
          GtkWidget *row = gtk_widget_get_ancestor (widget, AIMS_TYPE_QUESTION_ROW);

          g_ptr_array_add (unnamed, g_strdup_printf ("%s: a %s%s%s", page, G_OBJECT_TYPE_NAME (named),
                                                     row != NULL ? " in " : "",
                                                     row != NULL ? aims_question_row_get_question (AIMS_QUESTION_ROW (row))->path : ""));
        }
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    n += collect_unnamed (child, page, unnamed);
  return n;
}

/* Every input on every page of every step has a name a screen reader
 * says, read from GTK's accessibility properties: the same names AT-SPI
 * publishes (test-a11y.py reads them from the main window). A draft, so
 * that every input is there, with an impact rated high and a control
 * linked, so that step 7 holds its choosers and buttons too. */
static void
test_accessible_names (Fixture       *fixture,
                       gconstpointer  data)
{
  AimsAssessmentWizard *wizard;
  g_autoptr(GPtrArray) unnamed = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) list = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(AimsAssessment) assessment = NULL;
  GtkStack *stack;

  SKIP_WITHOUT_DISPLAY ();

  answer_by_core (fixture, fixture->db, fixture->id);
  rate_high (fixture, "fairness");
  g_assert_true (aims_assessment_link_control (fixture->db, fixture->id, "fairness", "A.5.4", ASSESSOR, &error));
  g_assert_no_error (error);
  assessment = aims_assessment_load (fixture->db, fixture->id, &error);
  g_assert_no_error (error);
  wizard = open_wizard (fixture, fixture->id);
  stack = GTK_STACK (gui_test_find_widget (GTK_WIDGET (wizard), GTK_TYPE_STACK, NULL));

  for (guint s = 0; s < assessment->template->sections->len; s++)
    {
      AimsTemplateSection *section = assessment->template->sections->pdata[s];
      GtkWidget *page = gtk_stack_get_child_by_name (stack, section->key);
      guint n;

      g_assert_nonnull (page);
      n = collect_unnamed (page, section->key, unnamed);
      g_test_message ("page %s: %u inputs", section->key, n);
      g_assert_cmpuint (n, >, 0);
    }
  /* The window around the pages: the steps, Back, Next. */
  collect_unnamed (GTK_WIDGET (wizard), "window", unnamed);
  for (guint i = 0; i < unnamed->len; i++)
    g_string_append_printf (list, "\n  %s", (const char *) unnamed->pdata[i]);
  if (unnamed->len > 0)
    g_error ("inputs without an accessible name:%s", list->str);
}

int
main (int   argc,
      char *argv[])
{
  /* Drawing every page with GL on a software rasteriser takes seconds a
   * page on a busy machine; the test is about widgets, not drawing. */
  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  have_display = gui_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/assessment-wizard/keyboard", test_keyboard);
  ADD ("/assessment-wizard/validation", test_validation);
  ADD ("/assessment-wizard/reopen", test_reopen);
  ADD ("/assessment-wizard/approved-read-only", test_approved_read_only);
  ADD ("/assessment-wizard/page-workflow", test_page_workflow);
  ADD ("/assessment-wizard/link-control", test_link_control);
  ADD ("/assessment-wizard/changed-elsewhere", test_changed_elsewhere);
  ADD ("/assessment-wizard/accessible-names", test_accessible_names);

  return g_test_run ();
}
