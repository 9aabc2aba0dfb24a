/* assessment-fixtures.c — what the impact assessment tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "assessment-fixtures.h"

void
assessment_fixture_set_up (AssessmentFixture *f,
                           gconstpointer      data)
{
  g_autoptr(GHashTable) values = NULL;
  g_autoptr(AimsRecord) record = NULL;
  g_autoptr(GError) error = NULL;

  f->db = fixture_create_db ("assessment.aims", AIMS_DB_OPEN_DEFAULT, &f->path);
  f->assessor = fixture_add_person (f->db, ASSESSOR_NAME);
  f->approver = fixture_add_person (f->db, APPROVER_NAME);
  values = fixture_values ("name", "Loan scoring", "sourcing", "in_house", "start_date", "2020-01-01",
                           "owner_id", aims_record_get_reference (f->assessor), NULL);
  f->system = fixture_insert (f->db, aims_entity_systems (), values);
  record = aims_assessment_create (f->db, aims_record_get_id (f->system), 0, aims_record_get_id (f->assessor),
                                   ASSESSOR_NAME, &error);
  g_assert_no_error (error);
  f->id = aims_record_get_id (record);
}

void
assessment_fixture_tear_down (AssessmentFixture *f,
                              gconstpointer      data)
{
  g_clear_object (&f->system);
  g_clear_object (&f->assessor);
  g_clear_object (&f->approver);
  if (f->db != NULL)
    fixture_close_db (&f->db);
  g_free (f->path);
}

gint64
assessment_question_id (AimsDb     *db,
                        gint64      id,
                        const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AimsAssessment) assessment = aims_assessment_load (db, id, &error);
  const AimsQuestion *question;

  g_assert_no_error (error);
  question = aims_template_find_question (assessment->template, path);
  if (question == NULL)
    g_error ("no question %s", path);
  return question->id;
}

void
assessment_answer (AimsDb     *db,
                   gint64      id,
                   const char *path,
                   const char *value)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AimsAnswer) answer = aims_assessment_save_answer (db, id, assessment_question_id (db, id, path),
                                                              value, -1, ASSESSOR_NAME, &error);

  g_assert_no_error (error);
  g_assert_nonnull (answer);
}

GError *
assessment_answer_refused (AimsDb     *db,
                           gint64      id,
                           const char *path,
                           const char *value)
{
  GError *error = NULL;
  g_autoptr(AimsAnswer) answer = aims_assessment_save_answer (db, id, assessment_question_id (db, id, path),
                                                              value, -1, ASSESSOR_NAME, &error);

  g_assert_null (answer);
  g_assert_nonnull (error);
  return error;
}

/* A valid answer of each type. */
static const char *
sample_value (const AimsQuestion *question,
              guint               likelihood,
              guint               severity,
              char              **owned)
{
  switch (question->type)
    {
    case AIMS_QUESTION_TEXT:
      return "Everywhere";
    case AIMS_QUESTION_LONG_TEXT:
      return *owned = g_strdup_printf ("An answer to %s.", question->path);
    case AIMS_QUESTION_SINGLE_CHOICE:
    case AIMS_QUESTION_MULTIPLE_CHOICE:
      {
        const AimsQuestionChoice *last = g_ptr_array_index (question->choices, question->choices->len - 1);

        /* "none" where there is one: no prohibited practice, no area. */
        return last->key;
      }
    case AIMS_QUESTION_YES_NO:
      return "yes";
    case AIMS_QUESTION_SCALE:
      return "2";
    case AIMS_QUESTION_DATE:
      return "2031-01-31";
    case AIMS_QUESTION_PERSON:
      return ASSESSOR_NAME;
    case AIMS_QUESTION_LIKELIHOOD:
      return *owned = g_strdup_printf ("%u", likelihood);
    case AIMS_QUESTION_IMPACT:
      return *owned = g_strdup_printf ("%u", severity);
    case AIMS_QUESTION_N_TYPES:
    default:
      g_assert_not_reached ();
    }
}

void
assessment_complete (AimsDb *db,
                     gint64  id,
                     guint   likelihood,
                     guint   severity)
{
  g_autoptr(AimsAssessment) assessment = NULL;
  g_auto(AimsEuScreening) proposal = { 0 };
  g_autoptr(AimsRecord) confirmed = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AimsAssessment) outline = NULL;
  guint n_areas = 0;

  outline = aims_assessment_load (db, id, &error);
  g_assert_no_error (error);
  for (guint s = 0; s < outline->template->sections->len; s++)
    {
      AimsTemplateSection *section = g_ptr_array_index (outline->template->sections, s);
      gboolean area = g_str_equal (section->step_key, "impacts");

      for (guint q = 0; q < section->questions->len; q++)
        {
          const AimsQuestion *question = g_ptr_array_index (section->questions, q);
          g_autofree char *owned = NULL;
          const char *value;

          /* Answered in order, each on the answers before it, as the wizard does. */
          g_clear_pointer (&assessment, aims_assessment_free);
          assessment = aims_assessment_load (db, id, &error);
          g_assert_no_error (error);
          if (!question->required || !aims_assessment_question_applies (assessment, question))
            continue;
          value = sample_value (question, likelihood, severity, &owned);
          if (area && g_str_equal (question->key, "relevant"))
            value = n_areas++ < 3 ? "yes" : "no";
          if (g_str_equal (question->path, "affected.contest"))
            value = "no";
          assessment_answer (db, id, question->path, value);
        }
    }
  g_clear_pointer (&assessment, aims_assessment_free);
  assessment = aims_assessment_load (db, id, &error);
  g_assert_no_error (error);
  aims_assessment_screen_eu_ai_act (assessment, &proposal);
  confirmed = aims_assessment_confirm_eu_ai_act (db, id, proposal.eu_class, proposal.role, NULL, ASSESSOR_NAME, &error);
  g_assert_no_error (error);
}

AimsRecord *
assessment_submit (AssessmentFixture *f,
                   gint64             id)
{
  g_autoptr(GError) error = NULL;
  AimsRecord *record = aims_assessment_submit (f->db, id, -1, aims_record_get_id (f->approver), ASSESSOR_NAME, &error);

  g_assert_no_error (error);
  return record;
}

AimsRecord *
assessment_approve (AssessmentFixture *f,
                    gint64             id)
{
  g_autoptr(AimsRecord) submitted = assessment_submit (f, id);
  g_autoptr(GError) error = NULL;
  AimsRecord *record = aims_assessment_approve (f->db, id, aims_record_get_row_version (submitted),
                                                APPROVER_NAME, &error);

  g_assert_no_error (error);
  return record;
}

char *
assessment_status (AimsDb *db,
                   gint64  id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT status FROM impact_assessment WHERE id = %" G_GINT64_FORMAT, id);

  return fixture_query_text (db, sql);
}
