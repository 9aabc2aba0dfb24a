/* test-assessment-eu.c — the EU AI Act screening on a table of answer sets,
 * and the result confirmed or corrected, written to the AI system
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "assessment-fixtures.h"

typedef struct
{
  const char *name;
  AimsEuScreeningInput input;
  AimsEuClass expected_class;
  AimsEuRole  expected_role;
  const char *reason;       /* in one of the reasons */
  const char *missing;      /* among the questions still needed, or NULL for none */
} ScreeningCase;

#define NONE "none"

static const ScreeningCase cases[] = {
  { "nothing applies",
    { NONE, "no", NONE, NULL, NULL, NONE, "deployer", "no", NULL },
    AIMS_EU_CLASS_MINIMAL, AIMS_EU_ROLE_DEPLOYER, "minimal risk", NULL },
  { "a prohibited practice outweighs everything",
    { "social_scoring", "yes", "employment", NONE, "yes", "chatbot", "provider", NULL, NULL },
    AIMS_EU_CLASS_PROHIBITED, AIMS_EU_ROLE_PROVIDER, "social scoring", NULL },
  { "prohibited even with other answers missing",
    { "manipulation,vulnerabilities", NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL },
    AIMS_EU_CLASS_PROHIBITED, AIMS_EU_ROLE_UNKNOWN, "exploiting people's age", AIMS_EU_Q_ROLE },
  { "safety component of a product",
    { NONE, "yes", NONE, NULL, NULL, NONE, "provider", NULL, NULL },
    AIMS_EU_CLASS_HIGH, AIMS_EU_ROLE_PROVIDER, "Article 6(1)", NULL },
  { "creditworthiness: Annex III point 5",
    { NONE, "no", "essential_services", NONE, "yes", NONE, "provider", NULL, NULL },
    AIMS_EU_CLASS_HIGH, AIMS_EU_ROLE_PROVIDER, "Annex III point 5", NULL },
  { "recruitment as deployer",
    { NONE, "no", "employment", NONE, "yes", NONE, "deployer", "no", NULL },
    AIMS_EU_CLASS_HIGH, AIMS_EU_ROLE_DEPLOYER, "Annex III point 4", NULL },
  { "narrow task without profiling: Article 6(3)",
    { NONE, "no", "education", "preparatory", "no", NONE, "deployer", "no", NULL },
    AIMS_EU_CLASS_MINIMAL, AIMS_EU_ROLE_DEPLOYER, "not high-risk under Article 6(3)", NULL },
  { "narrow task but profiling",
    { NONE, "no", "employment", "narrow_procedural", "yes", NONE, "deployer", "no", NULL },
    AIMS_EU_CLASS_HIGH, AIMS_EU_ROLE_DEPLOYER, "profiles people", NULL },
  { "narrow task, chatbot: limited",
    { NONE, "no", "education", "detects_patterns", "no", "chatbot", "deployer", "no", NULL },
    AIMS_EU_CLASS_LIMITED, AIMS_EU_ROLE_DEPLOYER, "Article 50", NULL },
  { "chatbot: limited",
    { NONE, "no", NONE, NULL, NULL, "chatbot", "deployer", "no", NULL },
    AIMS_EU_CLASS_LIMITED, AIMS_EU_ROLE_DEPLOYER, "dealing with an AI system", NULL },
  { "generated content and deep fakes: limited",
    { NONE, "no", NONE, NULL, NULL, "synthetic_content,deep_fake", "provider", NULL, NULL },
    AIMS_EU_CLASS_LIMITED, AIMS_EU_ROLE_PROVIDER, "deep fakes", NULL },
  { "high-risk with transparency duties stays high",
    { NONE, "no", "biometrics", NONE, "yes", "emotion_or_biometric", "provider", NULL, NULL },
    AIMS_EU_CLASS_HIGH, AIMS_EU_ROLE_PROVIDER, "also has transparency duties", NULL },
  { "a distributor that rebrands becomes provider",
    { NONE, "no", NONE, NULL, NULL, NONE, "distributor", "yes", NULL },
    AIMS_EU_CLASS_MINIMAL, AIMS_EU_ROLE_PROVIDER, "Article 25", NULL },
  { "an importer stays importer",
    { NONE, "no", NONE, NULL, NULL, NONE, "importer", "no", NULL },
    AIMS_EU_CLASS_MINIMAL, AIMS_EU_ROLE_IMPORTER, "Importer", NULL },
  { "role unanswered: from third-party sourcing",
    { NONE, "no", NONE, NULL, NULL, NONE, NULL, NULL, "third_party" },
    AIMS_EU_CLASS_MINIMAL, AIMS_EU_ROLE_DEPLOYER, "likely its deployer", AIMS_EU_Q_ROLE },
  { "role unanswered: from in-house sourcing",
    { NONE, "no", NONE, NULL, NULL, NONE, NULL, NULL, "in_house" },
    AIMS_EU_CLASS_MINIMAL, AIMS_EU_ROLE_PROVIDER, "likely its provider", AIMS_EU_Q_ROLE },
  { "nothing answered",
    { NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL },
    AIMS_EU_CLASS_NOT_ASSESSED, AIMS_EU_ROLE_UNKNOWN, NULL, AIMS_EU_Q_PROHIBITED },
  { "an Annex III area without the follow-up answers",
    { NONE, "no", "migration", NULL, NULL, NONE, "deployer", "no", NULL },
    AIMS_EU_CLASS_NOT_ASSESSED, AIMS_EU_ROLE_DEPLOYER, NULL, AIMS_EU_Q_EXCEPTION },
  { "transparency unanswered, no high-risk use",
    { NONE, "no", NONE, NULL, NULL, NULL, "deployer", "no", NULL },
    AIMS_EU_CLASS_NOT_ASSESSED, AIMS_EU_ROLE_DEPLOYER, NULL, AIMS_EU_Q_TRANSPARENCY },
  { "transparency unanswered does not matter when high-risk",
    { NONE, "yes", NONE, NULL, NULL, NULL, "provider", NULL, NULL },
    AIMS_EU_CLASS_HIGH, AIMS_EU_ROLE_PROVIDER, "Article 6(1)", AIMS_EU_Q_TRANSPARENCY },
};

static void
test_screening_table (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const ScreeningCase *c = &cases[i];
      g_auto(AimsEuScreening) out = { 0 };
      gboolean found = c->reason == NULL;

      g_test_message ("case %u: %s", i, c->name);
      aims_eu_ai_act_screen (&c->input, &out);
      g_assert_cmpstr (aims_eu_class_key (out.eu_class), ==, aims_eu_class_key (c->expected_class));
      g_assert_cmpint (out.role, ==, c->expected_role);
      for (guint r = 0; c->reason != NULL && r < out.reasons->len; r++)
        found |= strstr (g_ptr_array_index (out.reasons, r), c->reason) != NULL;
      if (!found)
        g_error ("case %s: no reason says “%s”", c->name, c->reason);
      if (c->missing != NULL)
        g_assert_true (g_ptr_array_find_with_equal_func (out.missing, c->missing, g_str_equal, NULL));
      else
        g_assert_cmpuint (out.missing->len, ==, 0);
    }
}

static void
test_keys (void)
{
  AimsEuClass eu_class;
  AimsEuRole role;

  g_assert_true (aims_eu_class_from_key ("limited", &eu_class));
  g_assert_cmpint (eu_class, ==, AIMS_EU_CLASS_LIMITED);
  g_assert_false (aims_eu_class_from_key ("medium", &eu_class));
  g_assert_true (aims_eu_role_from_key ("importer", &role));
  g_assert_cmpint (role, ==, AIMS_EU_ROLE_IMPORTER);
  g_assert_false (aims_eu_role_from_key (NULL, &role));
  g_assert_cmpstr (aims_eu_class_label (AIMS_EU_CLASS_HIGH), ==, "High risk");
  /* The keys are those of the AI system's fields. */
  for (guint i = 0; i < AIMS_EU_N_CLASSES; i++)
    g_assert_nonnull (aims_field_choice_label (aims_entity_find_field (aims_entity_systems (), "eu_ai_act_class"),
                                               aims_eu_class_key (i)));
  for (guint i = 1; i < AIMS_EU_N_ROLES; i++)
    g_assert_nonnull (aims_field_choice_label (aims_entity_find_field (aims_entity_systems (), "eu_ai_act_role"),
                                               aims_eu_role_key (i)));
}

static void
answer_screening (AssessmentFixture *f)
{
  assessment_answer (f->db, f->id, AIMS_EU_Q_PROHIBITED, "none");
  assessment_answer (f->db, f->id, AIMS_EU_Q_SAFETY_COMPONENT, "no");
  assessment_answer (f->db, f->id, AIMS_EU_Q_ANNEX_III, "essential_services");
  assessment_answer (f->db, f->id, AIMS_EU_Q_EXCEPTION, "none");
  assessment_answer (f->db, f->id, AIMS_EU_Q_PROFILING, "yes");
  assessment_answer (f->db, f->id, AIMS_EU_Q_TRANSPARENCY, "none");
  assessment_answer (f->db, f->id, AIMS_EU_Q_ROLE, "provider");
}

/* The screening of an assessment reads its answers; a follow-up question
 * that is not asked (no Annex III area) does not count. */
static void
test_screen_assessment (AssessmentFixture *f,
                        gconstpointer      data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AimsAssessment) assessment = NULL;
  g_auto(AimsEuScreening) out = { 0 };
  g_auto(AimsEuScreening) after = { 0 };

  answer_screening (f);
  assessment = aims_assessment_load (f->db, f->id, &error);
  aims_assessment_screen_eu_ai_act (assessment, &out);
  g_assert_cmpint (out.eu_class, ==, AIMS_EU_CLASS_HIGH);
  g_assert_cmpint (out.role, ==, AIMS_EU_ROLE_PROVIDER);

  assessment_answer (f->db, f->id, AIMS_EU_Q_ANNEX_III, "none");
  g_clear_pointer (&assessment, aims_assessment_free);
  assessment = aims_assessment_load (f->db, f->id, &error);
  aims_assessment_screen_eu_ai_act (assessment, &after);
  g_assert_cmpint (after.eu_class, ==, AIMS_EU_CLASS_MINIMAL);
}

/* Confirming as proposed needs no reason; a correction does. The result is
 * on the assessment (with the proposal beside it) and on the AI system,
 * each write audited. */
static void
test_confirm (AssessmentFixture *f,
              gconstpointer      data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AimsRecord) record = NULL;
  g_autoptr(AimsRecord) system = NULL;
  gint64 audit_before;

  answer_screening (f);
  record = aims_assessment_confirm_eu_ai_act (f->db, f->id, AIMS_EU_CLASS_NOT_ASSESSED, AIMS_EU_ROLE_PROVIDER,
                                              NULL, ASSESSOR_NAME, &error);
  g_assert_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_INVALID);
  g_clear_error (&error);
  record = aims_assessment_confirm_eu_ai_act (f->db, f->id, AIMS_EU_CLASS_LIMITED, AIMS_EU_ROLE_PROVIDER,
                                              "  ", ASSESSOR_NAME, &error);
  g_assert_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "proposes High risk as Provider"));
  g_clear_error (&error);

  audit_before = fixture_count_rows (f->db, "audit_log");
  record = aims_assessment_confirm_eu_ai_act (f->db, f->id, AIMS_EU_CLASS_HIGH, AIMS_EU_ROLE_PROVIDER,
                                              NULL, ASSESSOR_NAME, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (aims_record_get (record, "eu_class"), ==, "high");
  g_assert_cmpstr (aims_record_get (record, "eu_proposed_class"), ==, "high");
  g_assert_null (aims_record_get (record, "eu_reason"));
  system = fixture_reload (f->db, f->system);
  g_assert_cmpstr (aims_record_get (system, "eu_ai_act_class"), ==, "high");
  g_assert_cmpstr (aims_record_get (system, "eu_ai_act_role"), ==, "provider");
  g_assert_cmpint (fixture_count_rows (f->db, "audit_log"), ==, audit_before + 2);
  g_clear_object (&record);
  g_clear_object (&system);

  record = aims_assessment_confirm_eu_ai_act (f->db, f->id, AIMS_EU_CLASS_HIGH, AIMS_EU_ROLE_DEPLOYER,
                                              "We use the vendor's model as it is.", ASSESSOR_NAME, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (aims_record_get (record, "eu_role"), ==, "deployer");
  g_assert_cmpstr (aims_record_get (record, "eu_proposed_role"), ==, "provider");
  g_assert_cmpstr (aims_record_get (record, "eu_reason"), ==, "We use the vendor's model as it is.");
  system = fixture_reload (f->db, f->system);
  g_assert_cmpstr (aims_record_get (system, "eu_ai_act_role"), ==, "deployer");
}

int
main (int    argc,
      char **argv)
{
  fixture_init (&argc, &argv);

  g_test_add_func ("/assessment-eu/screening-table", test_screening_table);
  g_test_add_func ("/assessment-eu/keys", test_keys);
  ASSESSMENT_TEST ("/assessment-eu/screen-assessment", test_screen_assessment);
  ASSESSMENT_TEST ("/assessment-eu/confirm", test_confirm);

  return g_test_run ();
}
