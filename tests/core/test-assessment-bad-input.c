/* test-assessment-bad-input.c — what an impact assessment refuses, with the
 * reason, leaving what is stored as it was
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "assessment-fixtures.h"

static void
assert_says (const GError *error,
             const char   *expected)
{
  g_assert_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_INVALID);
  if (strstr (error->message, expected) == NULL)
    g_error ("“%s” does not say “%s”", error->message, expected);
}

/* Every date question refuses a day before the AI system existed: the
 * answer is not stored, nor is anything audited. */
static void
test_date_before_system (AssessmentFixture *f,
                         gconstpointer      data)
{
  static const char *const paths[] = { "context.in_use_since", "mitigations.due", AIMS_ASSESSMENT_Q_NEXT_REVIEW };
  gint64 answers = fixture_count_rows (f->db, "assessment_answer");
  gint64 audit = fixture_count_rows (f->db, "audit_log");

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(GError) error = assessment_answer_refused (f->db, f->id, paths[i], "2019-06-30");

      assert_says (error, "2019-06-30");
      assert_says (error, "before the AI system existed");
      assert_says (error, "2020-01-01");
    }
  g_assert_cmpint (fixture_count_rows (f->db, "assessment_answer"), ==, answers);
  g_assert_cmpint (fixture_count_rows (f->db, "audit_log"), ==, audit);
}

/* A template with a question of a type we do not know is refused whole,
 * naming the question and the type; nothing of it is stored. */
static void
test_unknown_type (AssessmentFixture *f,
                   gconstpointer      data)
{
  static const char text[] =
    "[template]\nfamily=org.own\nname=Our template\nversion=1\n"
    "[section.one]\ntitle=One\n"
    "[question.one.a]\ntype=yes_no\nprompt=A?\nrequired=true\n"
    "[question.one.b]\ntype=star_rating\nprompt=How many stars?\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, strlen (text));
  gint64 templates = fixture_count_rows (f->db, "assessment_template");
  gint64 questions = fixture_count_rows (f->db, "assessment_question");
  gint64 audit = fixture_count_rows (f->db, "audit_log");
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (aims_template_import (f->db, bytes, ASSESSOR_NAME, &error), <=, 0);
  assert_says (error, "“one.b”");
  assert_says (error, "star_rating");
  /* And says which types there are. */
  assert_says (error, "single_choice");
  g_assert_cmpint (fixture_count_rows (f->db, "assessment_template"), ==, templates);
  g_assert_cmpint (fixture_count_rows (f->db, "assessment_question"), ==, questions);
  g_assert_cmpint (fixture_count_rows (f->db, "audit_log"), ==, audit);
}

/* Submitting with a required answer skipped is refused, naming the
 * question; the assessment stays the draft it was. */
static void
test_required_skipped (AssessmentFixture *f,
                       gconstpointer      data)
{
  g_autoptr(AimsRecord) before = NULL;
  g_autoptr(AimsRecord) after = NULL;
  g_autoptr(AimsRecord) submitted = NULL;
  g_autoptr(GError) error = NULL;

  assessment_complete (f->db, f->id, 2, 2);
  assessment_answer (f->db, f->id, "oversight.intervene", "");
  before = aims_store_load (f->db, aims_entity_assessments (), f->id, &error);
  g_assert_no_error (error);

  submitted = aims_assessment_submit (f->db, f->id, -1, aims_record_get_id (f->approver), ASSESSOR_NAME, &error);
  g_assert_null (submitted);
  assert_says (error, "How can a person intervene in, override or correct an output?");
  assert_says (error, "needs an answer");
  after = aims_store_load (f->db, aims_entity_assessments (), f->id, NULL);
  fixture_assert_same_fields (before, after);
  g_assert_cmpint (aims_record_get_row_version (after), ==, aims_record_get_row_version (before));
}

/* An approved assessment refuses a plain update and a new answer through
 * the core, with the reason; nothing changes. */
static void
test_approved_frozen (AssessmentFixture *f,
                      gconstpointer      data)
{
  g_autoptr(AimsRecord) approved = NULL;
  g_autoptr(AimsRecord) after = NULL;
  g_autoptr(GHashTable) changes = NULL;
  g_autoptr(GError) update_error = NULL;
  g_autoptr(GError) answer_error = NULL;
  gint64 audit;

  assessment_complete (f->db, f->id, 2, 2);
  approved = assessment_approve (f, f->id);
  audit = fixture_count_rows (f->db, "audit_log");

  changes = fixture_values ("assessor_id", APPROVER_NAME, NULL);
  update_error = fixture_update_refused (f->db, approved, changes);
  assert_says (update_error, "approved and frozen");
  assert_says (update_error, aims_record_get_reference (approved));
  answer_error = assessment_answer_refused (f->db, f->id, "context.where", "Somewhere else");
  assert_says (answer_error, "approved");

  after = aims_store_load (f->db, aims_entity_assessments (), f->id, NULL);
  fixture_assert_same_fields (approved, after);
  g_assert_cmpint (fixture_count_rows (f->db, "audit_log"), ==, audit);
}

int
main (int argc, char **argv)
{
  fixture_init (&argc, &argv);

  ASSESSMENT_TEST ("/assessment-bad-input/date-before-system", test_date_before_system);
  ASSESSMENT_TEST ("/assessment-bad-input/unknown-type", test_unknown_type);
  ASSESSMENT_TEST ("/assessment-bad-input/required-skipped", test_required_skipped);
  ASSESSMENT_TEST ("/assessment-bad-input/approved-frozen", test_approved_frozen);

  return g_test_run ();
}
