/* test-assessment.c — starting an impact assessment, saving answers one at
 * a time as the wizard does, checking each page, and reopening mid-wizard
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "assessment-fixtures.h"

/* A new assessment is a draft, version 1, of its system, by its assessor,
 * at the first page, with its audit row. */
static void
test_create (AssessmentFixture *f,
             gconstpointer      data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AimsAssessment) assessment = aims_assessment_load (f->db, f->id, &error);
  g_autofree char *audit = g_strdup_printf ("SELECT action FROM audit_log WHERE entity = 'impact_assessment'"
                                            " AND entity_id = %" G_GINT64_FORMAT, f->id);
  g_autofree char *action = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (aims_assessment_record_get_status (assessment->record), ==, AIMS_ASSESSMENT_DRAFT);
  g_assert_cmpstr (aims_record_get (assessment->record, "version"), ==, "1");
  g_assert_cmpstr (aims_record_get (assessment->record, "title"), ==, "Impact assessment of Loan scoring");
  g_assert_cmpstr (aims_record_get_display (assessment->record, "ai_system_id"), ==, "Loan scoring");
  g_assert_cmpstr (aims_record_get_display (assessment->record, "assessor_id"), ==, ASSESSOR_NAME);
  g_assert_true (g_str_has_prefix (aims_record_get_reference (assessment->record), "AIA-"));
  g_assert_cmpstr (aims_assessment_resume_section (assessment)->key, ==, "context");
  g_assert_cmpuint (g_hash_table_size (assessment->answers), ==, 0);
  action = fixture_query_text (f->db, audit);
  g_assert_cmpstr (action, ==, "insert");
}

/* A system or an assessor that does not exist: refused, nothing written. */
static void
test_create_refused (AssessmentFixture *f,
                     gconstpointer      data)
{
  gint64 before = fixture_count_rows (f->db, "impact_assessment");
  g_autoptr(GError) error = NULL;
  g_autoptr(AimsRecord) none = aims_assessment_create (f->db, 9999, 0, aims_record_get_id (f->assessor),
                                                       FIXTURE_AUTHOR, &error);

  g_assert_null (none);
  g_assert_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_INVALID);
  g_clear_error (&error);
  none = aims_assessment_create (f->db, aims_record_get_id (f->system), 0, 9999, FIXTURE_AUTHOR, &error);
  g_assert_null (none);
  g_assert_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Assessor"));
  g_assert_cmpint (fixture_count_rows (f->db, "impact_assessment"), ==, before);

  /* Nor can a plain insert start one. */
  g_clear_error (&error);
  {
    g_autoptr(GHashTable) values = fixture_values ("ai_system_id", aims_record_get_reference (f->system),
                                                   "assessor_id", ASSESSOR_NAME, NULL);
    g_autoptr(GError) refused = fixture_insert_refused (f->db, aims_entity_assessments (), values);

    g_assert_nonnull (strstr (refused->message, "started from its AI system"));
  }
}

typedef struct
{
  const char *path;
  const char *typed;
  const char *stored;   /* NULL: refused */
  const char *shown;    /* as aims_assessment_display_value() gives it */
} AnswerCase;

/* Every type of question: what is accepted, stored as what, shown as what;
 * what is refused names the question. */
static void
test_answer_types (AssessmentFixture *f,
                   gconstpointer      data)
{
  static const AnswerCase cases[] = {
    { "context.where", "  Branches and the app  ", "Branches and the app", "Branches and the app" },
    { "context.where", "two\nlines", NULL, NULL },
    { "context.purpose", "Line one.\nLine two.", "Line one.\nLine two.", "Line one.\nLine two." },
    { "context.output", "recommends", "recommends", "It recommends, and a person decides" },
    { "context.output", "It informs a person's work", "informs", "It informs a person's work" },
    { "context.output", "it decides on its own", "decides", "It decides on its own" },
    { "context.output", "guesses", NULL, NULL },
    { "affected.groups", "society, individuals", "individuals,society", "Individual people it is used on or by; Society at large" },
    { "affected.groups", "individuals,individuals", "individuals", "Individual people it is used on or by" },
    { "affected.groups", "aliens", NULL, NULL },
    { "eu_ai_act.prohibited", "none", "none", "None of these" },
    { "eu_ai_act.prohibited", "none,manipulation", NULL, NULL },
    { "affected.aware", "Yes", "yes", "Yes" },
    { "affected.aware", "0", "no", "No" },
    { "affected.aware", "perhaps", NULL, NULL },
    { "affected.avoidable", "4", "4", "4 – Very hard" },
    { "affected.avoidable", "Impossible", "5", "5 – Impossible" },
    { "affected.avoidable", "6", NULL, NULL },
    { "context.in_use_since", "2022-02-14", "2022-02-14", "2022-02-14" },
    { "context.in_use_since", "14/02/2022", NULL, NULL },
    { "context.in_use_since", "2022-02-30", NULL, NULL },
    { "oversight.accountable", APPROVER_NAME, NULL /* an id */, APPROVER_NAME },
    { "oversight.accountable", "Nobody Known", NULL, NULL },
    { "fairness.relevant", "yes", "yes", "Yes" },
    { "fairness.likelihood", "Likely", "4/5", "4 Likely" },
    { "fairness.likelihood", "2", "2/5", "2 Unlikely" },
    { "fairness.likelihood", "7", NULL, NULL },
    { "fairness.severity", "severe", "5/5", "5 Severe" },
  };
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const AnswerCase *c = &cases[i];
      gint64 question_id = assessment_question_id (f->db, f->id, c->path);
      g_autoptr(AimsAnswer) answer = NULL;
      g_autoptr(AimsAssessment) assessment = NULL;
      g_autofree char *shown = NULL;
      const AimsQuestion *question;
      gboolean refused = c->stored == NULL && c->shown == NULL;

      g_test_message ("case %u: %s = %s", i, c->path, c->typed);
      answer = aims_assessment_save_answer (f->db, f->id, question_id, c->typed, -1, ASSESSOR_NAME, &error);
      if (refused)
        {
          g_autoptr(AimsAssessment) reread = aims_assessment_load (f->db, f->id, NULL);

          g_assert_null (answer);
          g_assert_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_INVALID);
          /* The message names the question by its prompt. */
          g_assert_nonnull (strstr (error->message,
                                    aims_template_find_question (reread->template, c->path)->prompt));
          g_clear_error (&error);
          continue;
        }
      g_assert_no_error (error);
      assessment = aims_assessment_load (f->db, f->id, &error);
      g_assert_no_error (error);
      question = aims_template_find_question (assessment->template, c->path);
      if (c->stored != NULL)
        g_assert_cmpstr (aims_assessment_get_value (assessment, question), ==, c->stored);
      shown = aims_assessment_display_value (assessment, question, aims_assessment_get_value (assessment, question));
      g_assert_cmpstr (shown, ==, c->shown);
    }
}

/* A date before the AI system existed is refused, naming the day it began. */
static void
test_date_before_system (AssessmentFixture *f,
                         gconstpointer      data)
{
  g_autoptr(GError) error = assessment_answer_refused (f->db, f->id, "context.in_use_since", "2019-12-31");

  g_assert_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "before the AI system existed"));
  g_assert_nonnull (strstr (error->message, "2020-01-01"));
  assessment_answer (f->db, f->id, "context.in_use_since", "2020-01-01");
}

/* Each answer is one audited write with its own row_version; saving the same
 * value again writes nothing; clearing keeps the row. */
static void
test_answer_audited (AssessmentFixture *f,
                     gconstpointer      data)
{
  gint64 question_id = assessment_question_id (f->db, f->id, "context.where");
  gint64 audit_before = fixture_count_rows (f->db, "audit_log");
  g_autoptr(GError) error = NULL;
  g_autoptr(AimsAnswer) first = aims_assessment_save_answer (f->db, f->id, question_id, "Here", 0, "A", &error);
  g_autoptr(AimsAnswer) same = NULL;
  g_autoptr(AimsAnswer) second = NULL;
  g_autoptr(AimsAnswer) cleared = NULL;
  g_autofree char *after = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (first->row_version, ==, 1);
  g_assert_cmpint (fixture_count_rows (f->db, "audit_log"), ==, audit_before + 1);
  same = aims_assessment_save_answer (f->db, f->id, question_id, " Here ", 1, "A", &error);
  g_assert_no_error (error);
  g_assert_cmpint (same->row_version, ==, 1);
  g_assert_cmpint (fixture_count_rows (f->db, "audit_log"), ==, audit_before + 1);
  second = aims_assessment_save_answer (f->db, f->id, question_id, "There", 1, "B", &error);
  g_assert_no_error (error);
  g_assert_cmpint (second->row_version, ==, 2);
  g_assert_cmpstr (second->updated_by, ==, "B");
  cleared = aims_assessment_save_answer (f->db, f->id, question_id, "", 2, "B", &error);
  g_assert_no_error (error);
  g_assert_null (cleared->value);
  g_assert_cmpint (fixture_count_rows (f->db, "audit_log"), ==, audit_before + 3);

  after = fixture_query_text (f->db, "SELECT after_json FROM audit_log WHERE entity = 'assessment_answer'"
                                     " ORDER BY id DESC LIMIT 1");
  g_assert_nonnull (strstr (after, "\"question\":\"context.where\""));
  g_assert_nonnull (strstr (after, "\"value\":null"));
  {
    gint64 broken = 0, n_rows = 0;

    g_assert_true (aims_audit_verify (f->db, &broken, &n_rows, &error));
    g_assert_no_error (error);
  }
}

/* The same answer changed by someone else since it was read: nothing is
 * written and the caller hears who changed it. Another answer of the same
 * draft is no conflict. */
static void
test_answer_conflict (AssessmentFixture *f,
                      gconstpointer      data)
{
  gint64 where = assessment_question_id (f->db, f->id, "context.where");
  gint64 purpose = assessment_question_id (f->db, f->id, "context.purpose");
  g_autoptr(GError) error = NULL;
  g_autoptr(AimsAnswer) mine = aims_assessment_save_answer (f->db, f->id, where, "Mine", 0, "Me", &error);
  g_autoptr(AimsAnswer) theirs = NULL;
  g_autoptr(AimsAnswer) stale = NULL;
  g_autoptr(AimsAnswer) first = NULL;
  g_autoptr(AimsAssessment) assessment = NULL;
  const AimsQuestion *question;

  g_assert_no_error (error);
  theirs = aims_assessment_save_answer (f->db, f->id, where, "Theirs", mine->row_version, "Them", &error);
  g_assert_no_error (error);
  stale = aims_assessment_save_answer (f->db, f->id, where, "Mine again", mine->row_version, "Me", &error);
  g_assert_null (stale);
  g_assert_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "Them"));
  g_clear_error (&error);
  /* Expecting no answer where one was given meanwhile is a conflict too. */
  stale = aims_assessment_save_answer (f->db, f->id, where, "New", 0, "Me", &error);
  g_assert_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_CONFLICT);
  g_clear_error (&error);
  first = aims_assessment_save_answer (f->db, f->id, purpose, "Scoring", 0, "Me", &error);
  g_assert_no_error (error);

  assessment = aims_assessment_load (f->db, f->id, &error);
  question = aims_template_find_question (assessment->template, "context.where");
  g_assert_cmpstr (aims_assessment_get_value (assessment, question), ==, "Theirs");
}

/* A page is complete when its required answers are there; the check names
 * exactly the first one missing, and questions that do not apply are not
 * required. */
static void
test_validate_steps (AssessmentFixture *f,
                     gconstpointer      data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AimsAssessment) assessment = NULL;
  g_autoptr(GPtrArray) problems = NULL;

  assessment = aims_assessment_load (f->db, f->id, &error);
  g_assert_false (aims_assessment_validate_section (assessment, "context", &error));
  g_assert_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "“What is the system for?” (The system and its context) needs an answer");
  g_clear_error (&error);

  problems = aims_assessment_check_section (assessment, aims_template_find_section (assessment->template, "context"));
  /* purpose, intended use, misuse, where, output: the date is optional. */
  g_assert_cmpuint (problems->len, ==, 5);

  assessment_answer (f->db, f->id, "context.purpose", "Scoring loans");
  assessment_answer (f->db, f->id, "context.intended_use", "By underwriters");
  assessment_answer (f->db, f->id, "context.misuse", "Used alone");
  assessment_answer (f->db, f->id, "context.where", "Online");
  aims_assessment_free (assessment);
  assessment = aims_assessment_load (f->db, f->id, &error);
  g_assert_false (aims_assessment_validate_section (assessment, "context", &error));
  g_assert_cmpstr (error->message, ==, "“What does its output do?” (The system and its context) needs an answer");
  g_clear_error (&error);
  assessment_answer (f->db, f->id, "context.output", "informs");
  aims_assessment_free (assessment);
  assessment = aims_assessment_load (f->db, f->id, &error);
  g_assert_true (aims_assessment_validate_section (assessment, "context", &error));
  g_assert_no_error (error);

  /* An impact area that is not relevant needs nothing more; one that is
   * needs its five answers. */
  assessment_answer (f->db, f->id, "fairness.relevant", "no");
  aims_assessment_free (assessment);
  assessment = aims_assessment_load (f->db, f->id, &error);
  g_assert_true (aims_assessment_validate_section (assessment, "fairness", &error));
  g_assert_false (aims_assessment_question_applies (assessment,
                                                    aims_template_find_question (assessment->template, "fairness.what")));
  assessment_answer (f->db, f->id, "fairness.relevant", "yes");
  aims_assessment_free (assessment);
  assessment = aims_assessment_load (f->db, f->id, &error);
  g_assert_false (aims_assessment_validate_section (assessment, "fairness", &error));
  g_assert_cmpstr (error->message, ==, "“What could happen?” (Fairness and non-discrimination) needs an answer");
  g_clear_error (&error);

  /* A step is its pages: "impacts" stops at the first incomplete one. */
  g_assert_false (aims_assessment_validate_step (assessment, "impacts", &error));
  g_assert_nonnull (strstr (error->message, "Fairness and non-discrimination"));
  g_clear_error (&error);
  g_assert_false (aims_assessment_validate_all (assessment, &error));
  g_assert_nonnull (strstr (error->message, "Who is affected"));
}

/* An answer valid when given becomes wrong when the system's start date
 * moves after it: the page check says so. */
static void
test_validate_wrong_answer (AssessmentFixture *f,
                            gconstpointer      data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AimsAssessment) assessment = NULL;
  g_autoptr(AimsRecord) moved = NULL;
  g_autoptr(GPtrArray) problems = NULL;

  assessment_answer (f->db, f->id, "context.in_use_since", "2020-06-01");
  moved = fixture_update_field (f->db, f->system, "start_date", "2021-01-01");
  assessment = aims_assessment_load (f->db, f->id, &error);
  problems = aims_assessment_check_section (assessment, aims_template_find_section (assessment->template, "context"));
  g_assert_cmpuint (problems->len, ==, 6);
  g_assert_nonnull (strstr (((AimsAnswerProblem *) g_ptr_array_index (problems, 5))->message,
                            "before the AI system existed"));
}

/* The wizard saves each answer and its page as they are given; closing the
 * database mid-wizard (a quit, a crash) and opening it again finds both,
 * and reopens at the page where it was left. */
static void
test_reopen_mid_wizard (AssessmentFixture *f,
                        gconstpointer      data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AimsRecord) stepped = NULL;
  g_autoptr(AimsAssessment) assessment = NULL;
  gint64 audit_before;

  assessment_answer (f->db, f->id, "context.purpose", "Scoring loans");
  stepped = aims_assessment_set_current_step (f->db, f->id, "affected", ASSESSOR_NAME, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (aims_record_get (stepped, "current_step"), ==, "affected");
  assessment_answer (f->db, f->id, "affected.groups", "individuals,vulnerable");
  assessment_answer (f->db, f->id, "affected.avoidable", "3");
  /* The same page again is no write. */
  audit_before = fixture_count_rows (f->db, "audit_log");
  g_clear_object (&stepped);
  stepped = aims_assessment_set_current_step (f->db, f->id, "affected", ASSESSOR_NAME, &error);
  g_assert_cmpint (fixture_count_rows (f->db, "audit_log"), ==, audit_before);
  g_clear_object (&stepped);
  stepped = aims_assessment_set_current_step (f->db, f->id, "no_such_page", ASSESSOR_NAME, &error);
  g_assert_null (stepped);
  g_assert_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_INVALID);
  g_clear_error (&error);

  fixture_close_db (&f->db);
  f->db = fixture_open_db (f->path, AIMS_DB_OPEN_DEFAULT);

  assessment = aims_assessment_load (f->db, f->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (aims_assessment_resume_section (assessment)->key, ==, "affected");
  g_assert_cmpstr (aims_assessment_get_value_at (assessment, "context.purpose"), ==, "Scoring loans");
  g_assert_cmpstr (aims_assessment_get_value_at (assessment, "affected.groups"), ==, "individuals,vulnerable");
  g_assert_cmpstr (aims_assessment_get_value_at (assessment, "affected.avoidable"), ==, "3");
  g_assert_cmpuint (g_hash_table_size (assessment->answers), ==, 3);
}

/* Where each AI system stands: never assessed, a draft in progress, an
 * approved one in force with its reassessment date (overdue or not). */
static void
test_system_status (AssessmentFixture *f,
                    gconstpointer      data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) today = aims_date_parse ("2031-02-01");
  g_autoptr(AimsSystemAssessment) standing = NULL;
  g_autoptr(AimsRecord) approved = NULL;
  g_autoptr(AimsRecord) other = fixture_add_system (f->db, "Never assessed", NULL);
  g_autoptr(GHashTable) all = NULL;
  g_autoptr(GPtrArray) versions = NULL;

  standing = aims_assessment_system_status (f->db, aims_record_get_id (f->system), today, &error);
  g_assert_no_error (error);
  g_assert_null (standing->current);
  g_assert_cmpint (aims_record_get_id (standing->in_progress), ==, f->id);
  g_clear_pointer (&standing, aims_system_assessment_free);

  assessment_complete (f->db, f->id, 2, 2);
  approved = assessment_approve (f, f->id);
  standing = aims_assessment_system_status (f->db, aims_record_get_id (f->system), today, &error);
  g_assert_cmpint (aims_record_get_id (standing->current), ==, f->id);
  g_assert_null (standing->in_progress);
  /* The fixture's review date is 2031-01-31. */
  g_assert_cmpstr (standing->next_review_date, ==, "2031-01-31");
  g_assert_true (standing->review_overdue);
  g_clear_pointer (&standing, aims_system_assessment_free);

  all = aims_assessment_load_system_statuses (f->db, today, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (all), ==, 1);
  standing = aims_assessment_system_status (f->db, aims_record_get_id (other), today, &error);
  g_assert_null (standing->current);
  g_assert_null (standing->in_progress);
  versions = aims_assessment_list_for_system (f->db, aims_record_get_id (f->system), &error);
  g_assert_cmpuint (versions->len, ==, 1);
}

int
main (int    argc,
      char **argv)
{
  fixture_init (&argc, &argv);

  ASSESSMENT_TEST ("/assessment/create", test_create);
  ASSESSMENT_TEST ("/assessment/create-refused", test_create_refused);
  ASSESSMENT_TEST ("/assessment/answer-types", test_answer_types);
  ASSESSMENT_TEST ("/assessment/date-before-system", test_date_before_system);
  ASSESSMENT_TEST ("/assessment/answer-audited", test_answer_audited);
  ASSESSMENT_TEST ("/assessment/answer-conflict", test_answer_conflict);
  ASSESSMENT_TEST ("/assessment/validate-steps", test_validate_steps);
  ASSESSMENT_TEST ("/assessment/validate-wrong-answer", test_validate_wrong_answer);
  ASSESSMENT_TEST ("/assessment/reopen-mid-wizard", test_reopen_mid_wizard);
  ASSESSMENT_TEST ("/assessment/system-status", test_system_status);

  return g_test_run ();
}
