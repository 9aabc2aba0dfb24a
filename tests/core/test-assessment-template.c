/* test-assessment-template.c — templates of impact assessments: the default
 * one as bundled and as stored, bad templates refused with the reason, and
 * a template in use kept as it was
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "assessment-fixtures.h"

static AimsTemplate *
parse_text (const char  *text,
            GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));

  return aims_template_parse (bytes, error);
}

/* The eight steps of the wizard, the nine impact areas of step 3 with the
 * same six questions, and every type of question used. */
static void
test_default_template (void)
{
  static const char *const steps[] = {
    "context", "affected", "impacts", "data", "oversight", "eu_ai_act", "mitigations", "review", NULL
  };
  static const char *const areas[] = {
    "fairness", "privacy", "safety", "rights", "transparency", "accountability", "economic",
    "environment", "security", NULL
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(AimsTemplate) template = aims_template_new_default (&error);
  gboolean used[AIMS_QUESTION_N_TYPES] = { FALSE };
  const AimsTemplateStep *impacts;

  g_assert_no_error (error);
  g_assert_cmpstr (template->family, ==, AIMS_TEMPLATE_DEFAULT_FAMILY);
  g_assert_cmpint (template->version, >=, 1);
  g_assert_cmpuint (template->steps->len, ==, g_strv_length ((char **) steps));
  for (guint i = 0; steps[i] != NULL; i++)
    g_assert_cmpstr (((AimsTemplateStep *) g_ptr_array_index (template->steps, i))->key, ==, steps[i]);

  impacts = g_ptr_array_index (template->steps, 2);
  g_assert_cmpuint (impacts->n_sections, ==, g_strv_length ((char **) areas));
  for (guint i = 0; areas[i] != NULL; i++)
    {
      AimsTemplateSection *section = g_ptr_array_index (template->sections, impacts->first_section + i);
      static const AimsQuestionType types[] = {
        AIMS_QUESTION_YES_NO, AIMS_QUESTION_LONG_TEXT, AIMS_QUESTION_LONG_TEXT,
        AIMS_QUESTION_LIKELIHOOD, AIMS_QUESTION_IMPACT, AIMS_QUESTION_LONG_TEXT,
      };

      g_assert_cmpstr (section->key, ==, areas[i]);
      g_assert_true (aims_template_step_of (template, section) == impacts);
      g_assert_cmpuint (section->questions->len, ==, G_N_ELEMENTS (types));
      for (guint q = 0; q < G_N_ELEMENTS (types); q++)
        {
          AimsQuestion *question = g_ptr_array_index (section->questions, q);

          g_assert_cmpint (question->type, ==, types[q]);
          /* Everything after "relevant?" is asked only when it is. */
          if (q > 0)
            {
              g_autofree char *relevant = g_strconcat (areas[i], ".relevant", NULL);

              g_assert_cmpstr (question->condition_path, ==, relevant);
              g_assert_cmpstr (question->condition_value, ==, "yes");
            }
        }
    }

  for (guint s = 0; s < template->sections->len; s++)
    {
      AimsTemplateSection *section = g_ptr_array_index (template->sections, s);

      for (guint q = 0; q < section->questions->len; q++)
        used[((AimsQuestion *) g_ptr_array_index (section->questions, q))->type] = TRUE;
    }
  for (guint t = 0; t < AIMS_QUESTION_N_TYPES; t++)
    if (!used[t])
      g_error ("the default template has no question of type %s", aims_question_type_key (t));

  g_assert_nonnull (aims_template_find_question (template, AIMS_EU_Q_PROHIBITED));
  g_assert_nonnull (aims_template_find_question (template, AIMS_ASSESSMENT_Q_NEXT_REVIEW));
  g_assert_true (aims_template_find_question (template, AIMS_EU_Q_EXCEPTION)->condition_negated);
}

static const char valid_header[] =
  "[template]\nfamily=test.t\nname=Test template\nversion=1\n"
  "[section.one]\ntitle=One\n"
  "[question.one.a]\ntype=yes_no\nprompt=A?\nrequired=true\n";

typedef struct
{
  const char *tail;      /* appended to valid_header */
  const char *expected;  /* in the message */
} BadCase;

/* Each refused with a message that names what is wrong. */
static void
test_bad_templates (void)
{
  static const BadCase cases[] = {
    { "[question.one.b]\ntype=slider\nprompt=B?\n", "“one.b” has the unknown type “slider”" },
    { "[question.one.b]\nprompt=B?\n", "“one.b” has the unknown type “”" },
    { "[question.one.b]\ntype=single_choice\nprompt=B?\nchoice.x=X\n", "“one.b” needs at least two choices" },
    { "[question.one.b]\ntype=text\nprompt=B?\nchoice.x=X\n", "which has no choices" },
    { "[question.one.b]\ntype=scale\nprompt=B?\nchoice.1=Low\nchoice.3=High\n", "1, 2, 3" },
    { "[question.one.b]\ntype=text\nprompt=B?\nwhen=missing=yes\n", "depends on “one.missing”" },
    { "[question.one.b]\ntype=text\nprompt=B?\nwhen=a=maybe\n", "not yes or no" },
    { "[question.one.b]\ntype=text\nprompt=B?\nwhen=a\n", "QUESTION=ANSWER" },
    { "[question.one.b]\ntype=text\n", "“one.b” needs a prompt" },
    { "[question.one.b]\ntype=text\nprompt=B?\nrequierd=true\n", "unknown key “requierd”" },
    { "[question.one.b]\ntype=text\nprompt=B?\nrequired=yes\n", "required is true or false" },
    { "[question.two.b]\ntype=text\nprompt=B?\n", "[section.two]" },
    { "[widget.x]\nsize=3\n", "[widget.x]" },
    { "[section.two]\ntitle=Two\n", "page “two” has no questions" },
    { "[section.two]\ntitle=Two\nstep=s\n[question.two.b]\ntype=text\nprompt=B?\n"
      "[section.three]\ntitle=Three\n[question.three.c]\ntype=text\nprompt=C?\n"
      "[section.four]\ntitle=Four\nstep=s\n[question.four.d]\ntype=text\nprompt=D?\n",
      "step “s” must follow each other" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = g_strconcat (valid_header, cases[i].tail, NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(AimsTemplate) template = parse_text (text, &error);

      g_test_message ("case %u: %s", i, cases[i].tail);
      g_assert_null (template);
      g_assert_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_INVALID);
      if (strstr (error->message, cases[i].expected) == NULL)
        g_error ("“%s” does not say “%s”", error->message, cases[i].expected);
    }

  /* The header alone is a valid template. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(AimsTemplate) template = parse_text (valid_header, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (template->sections->len, ==, 1);
  }
}

/* A stored template whose question has a type this program does not know
 * (written by another program or by hand) is refused when loaded, and no
 * assessment can be started on it. */
static void
test_stored_unknown_type (AssessmentFixture *f,
                          gconstpointer      data)
{
  g_autofree char *text = g_strconcat (valid_header, "[question.one.b]\ntype=text\nprompt=B?\n", NULL);
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(GError) error = NULL;
  g_autoptr(AimsTemplate) template = NULL;
  g_autoptr(AimsRecord) assessment = NULL;
  gint64 before;
  gint64 id = aims_template_import (f->db, bytes, FIXTURE_AUTHOR, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_true (aims_db_exec (f->db, "UPDATE assessment_question SET answer_type = 'slider' WHERE key = 'b'"
                                      " AND section_id IN (SELECT id FROM assessment_section WHERE template_id ="
                                      " (SELECT id FROM assessment_template WHERE family = 'test.t'))", NULL));

  template = aims_template_load (f->db, id, &error);
  g_assert_null (template);
  g_assert_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Test template"));
  g_assert_nonnull (strstr (error->message, "“one.b” has the unknown type “slider”"));
  g_clear_error (&error);

  before = fixture_count_rows (f->db, "impact_assessment");
  assessment = aims_assessment_create (f->db, aims_record_get_id (f->system), id, aims_record_get_id (f->assessor),
                                       FIXTURE_AUTHOR, &error);
  g_assert_null (assessment);
  g_assert_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "slider"));
  g_assert_cmpint (fixture_count_rows (f->db, "impact_assessment"), ==, before);
}

/* Importing stores one version once, with its audit row; the same family
 * and version again is refused. */
static void
test_import (AssessmentFixture *f,
             gconstpointer      data)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (valid_header, strlen (valid_header));
  g_autoptr(GError) error = NULL;
  g_autoptr(AimsTemplate) loaded = NULL;
  gint64 id = aims_template_import (f->db, bytes, FIXTURE_AUTHOR, &error);
  g_autofree char *audit = NULL;

  g_assert_no_error (error);
  loaded = aims_template_load (f->db, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (loaded->name, ==, "Test template");
  g_assert_cmpstr (loaded->family, ==, "test.t");
  g_assert_cmpint (aims_template_find_question (loaded, "one.a")->type, ==, AIMS_QUESTION_YES_NO);
  g_assert_true (aims_template_find_question (loaded, "one.a")->required);
  audit = g_strdup_printf ("SELECT count(*) FROM audit_log WHERE entity = 'assessment_template' AND entity_id = %"
                           G_GINT64_FORMAT, id);
  g_assert_cmpint (fixture_query_int (f->db, audit), ==, 1);

  g_assert_cmpint (aims_template_import (f->db, bytes, FIXTURE_AUTHOR, &error), ==, 0);
  g_assert_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "version 1 is stored already"));
}

/* The stored default template reads back as bundled: same pages, questions,
 * types, choices and conditions. */
static void
test_default_stored (AssessmentFixture *f,
                     gconstpointer      data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AimsTemplate) bundled = aims_template_new_default (&error);
  g_autoptr(AimsAssessment) assessment = aims_assessment_load (f->db, f->id, &error);
  AimsTemplate *stored;

  g_assert_no_error (error);
  stored = assessment->template;
  g_assert_cmpint (stored->id, >, 0);
  g_assert_cmpint (stored->version, ==, bundled->version);
  g_assert_cmpuint (stored->sections->len, ==, bundled->sections->len);
  for (guint s = 0; s < bundled->sections->len; s++)
    {
      AimsTemplateSection *a = g_ptr_array_index (bundled->sections, s);
      AimsTemplateSection *b = g_ptr_array_index (stored->sections, s);

      g_assert_cmpstr (a->key, ==, b->key);
      g_assert_cmpstr (a->title, ==, b->title);
      g_assert_cmpstr (a->step_title, ==, b->step_title);
      g_assert_cmpuint (a->questions->len, ==, b->questions->len);
      for (guint q = 0; q < a->questions->len; q++)
        {
          AimsQuestion *x = g_ptr_array_index (a->questions, q);
          AimsQuestion *y = g_ptr_array_index (b->questions, q);

          g_assert_cmpstr (x->path, ==, y->path);
          g_assert_cmpint (x->type, ==, y->type);
          g_assert_cmpint (x->required, ==, y->required);
          g_assert_cmpstr (x->condition_path, ==, y->condition_path);
          g_assert_cmpstr (x->condition_value, ==, y->condition_value);
          g_assert_cmpint (x->condition_negated, ==, y->condition_negated);
          g_assert_cmpuint (x->choices->len, ==, y->choices->len);
          for (guint c = 0; c < x->choices->len; c++)
            g_assert_cmpstr (((AimsQuestionChoice *) g_ptr_array_index (x->choices, c))->label, ==,
                             ((AimsQuestionChoice *) g_ptr_array_index (y->choices, c))->label);
        }
    }

  /* A second assessment uses the stored version; nothing is stored twice. */
  {
    g_autoptr(AimsRecord) second = aims_assessment_create (f->db, aims_record_get_id (f->system), 0,
                                                           aims_record_get_id (f->assessor), FIXTURE_AUTHOR, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (aims_record_get (second, "template_id"), ==, aims_record_get (assessment->record, "template_id"));
    g_assert_cmpint (fixture_count_rows (f->db, "assessment_template"), ==, 1);
  }
}

/* A template in use never changes, whoever writes: the assessment keeps the
 * questions it was answered against. */
static void
test_template_in_use_kept (AssessmentFixture *f,
                           gconstpointer      data)
{
  static const char *const writes[] = {
    "UPDATE assessment_question SET prompt = 'Changed?' WHERE id = (SELECT MIN(id) FROM assessment_question)",
    "DELETE FROM assessment_question WHERE id = (SELECT MAX(id) FROM assessment_question)",
    "UPDATE assessment_section SET title = 'Changed' WHERE id = (SELECT MIN(id) FROM assessment_section)",
    "INSERT INTO assessment_question (section_id, position, key, prompt, answer_type)"
    " VALUES ((SELECT MIN(id) FROM assessment_section), 99, 'extra', 'Extra?', 'text')",
    "UPDATE assessment_template SET version = 7",
    "DELETE FROM assessment_template",
  };
  g_autofree char *before = fixture_query_text (f->db, "SELECT group_concat(prompt, '|') FROM assessment_question");

  for (guint i = 0; i < G_N_ELEMENTS (writes); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (aims_db_exec (f->db, writes[i], &error));
      g_assert_nonnull (strstr (error->message, "a template in use never changes"));
    }
  {
    g_autofree char *after = fixture_query_text (f->db, "SELECT group_concat(prompt, '|') FROM assessment_question");

    g_assert_cmpstr (before, ==, after);
  }
}

int
main (int    argc,
      char **argv)
{
  fixture_init (&argc, &argv);

  g_test_add_func ("/assessment-template/default", test_default_template);
  g_test_add_func ("/assessment-template/bad-refused", test_bad_templates);
  ASSESSMENT_TEST ("/assessment-template/stored-unknown-type", test_stored_unknown_type);
  ASSESSMENT_TEST ("/assessment-template/import", test_import);
  ASSESSMENT_TEST ("/assessment-template/default-stored", test_default_stored);
  ASSESSMENT_TEST ("/assessment-template/in-use-kept", test_template_in_use_kept);

  return g_test_run ();
}
