/* test-assessment-workflow.c — the approval state machine, every allowed
 * and forbidden step; an approved assessment frozen in the core and in the
 * schema; new versions and their comparison; impact ratings and the risks
 * made from them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "assessment-fixtures.h"

#define OTHER_NAME "Cy Bystander"

/* Every pair of statuses: only the four steps of the workflow exist. */
static void
test_state_machine_table (void)
{
  static const struct
  {
    AimsAssessmentStatus from;
    AimsAssessmentStatus to;
  } allowed[] = {
    { AIMS_ASSESSMENT_DRAFT, AIMS_ASSESSMENT_IN_REVIEW },
    { AIMS_ASSESSMENT_IN_REVIEW, AIMS_ASSESSMENT_DRAFT },
    { AIMS_ASSESSMENT_IN_REVIEW, AIMS_ASSESSMENT_APPROVED },
    { AIMS_ASSESSMENT_APPROVED, AIMS_ASSESSMENT_SUPERSEDED },
  };

  for (guint from = 0; from < AIMS_ASSESSMENT_N_STATUSES; from++)
    for (guint to = 0; to < AIMS_ASSESSMENT_N_STATUSES; to++)
      {
        gboolean expected = FALSE;

        for (guint i = 0; i < G_N_ELEMENTS (allowed); i++)
          expected |= allowed[i].from == from && allowed[i].to == to;
        g_test_message ("%s → %s", aims_assessment_status_key (from), aims_assessment_status_key (to));
        g_assert_cmpint (aims_assessment_status_can_follow (from, to), ==, expected);
      }
  g_assert_cmpstr (aims_assessment_status_label (AIMS_ASSESSMENT_IN_REVIEW), ==, "In review");
}

/* The schema refuses every other status change from any writer, and a new
 * assessment that does not start as a draft. */
static void
test_state_machine_sql (AssessmentFixture *f,
                        gconstpointer      data)
{
  g_autofree char *approve = g_strdup_printf ("UPDATE impact_assessment SET status = 'approved', approved_by = 'x',"
                                              " approved_at = 'y', approver_id = %" G_GINT64_FORMAT, aims_record_get_id (f->approver));
  g_autoptr(GError) error = NULL;

  g_assert_false (aims_db_exec (f->db, approve, &error));
  g_assert_nonnull (strstr (error->message, "not a step of the workflow"));
  g_clear_error (&error);
  g_assert_false (aims_db_exec (f->db, "UPDATE impact_assessment SET status = 'superseded'", &error));
  g_clear_error (&error);
  g_assert_false (aims_db_exec (f->db, "UPDATE impact_assessment SET status = 'finished'", &error));
  g_clear_error (&error);
  g_assert_false (aims_db_exec (f->db, "INSERT INTO impact_assessment (reference, created_at, created_by, updated_at,"
                                       " updated_by, ai_system_id, template_id, status) SELECT 'AIA-900', 'a', 'b',"
                                       " 'c', 'd', ai_system_id, template_id, 'approved' FROM impact_assessment", &error));
  g_assert_nonnull (strstr (error->message, "starts as a draft"));
  g_clear_error (&error);

  /* In review, approving without the approval recorded is refused too. */
  assessment_complete (f->db, f->id, 2, 2);
  g_object_unref (assessment_submit (f, f->id));
  g_assert_false (aims_db_exec (f->db, "UPDATE impact_assessment SET status = 'approved'", &error));
  g_assert_nonnull (strstr (error->message, "records the approver"));
  {
    g_autofree char *status = assessment_status (f->db, f->id);

    g_assert_cmpstr (status, ==, "in_review");
  }
}

/* Submitting needs every required answer (the refusal names the first one
 * missing), the EU AI Act result confirmed for the answers as they are, and
 * an approver who is neither the assessor nor the person submitting. */
static void
test_submit_guards (AssessmentFixture *f,
                    gconstpointer      data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AimsRecord) record = NULL;
  gint64 approver = aims_record_get_id (f->approver);
  gint64 audit_before = fixture_count_rows (f->db, "audit_log");

  record = aims_assessment_submit (f->db, f->id, -1, approver, ASSESSOR_NAME, &error);
  g_assert_null (record);
  fixture_assert_refused (error, "“What is the system for?” (The system and its context) needs an answer");
  g_assert_cmpint (fixture_count_rows (f->db, "audit_log"), ==, audit_before);
  g_clear_error (&error);

  assessment_complete (f->db, f->id, 3, 3);
  record = aims_assessment_submit (f->db, f->id, -1, aims_record_get_id (f->assessor), OTHER_NAME, &error);
  fixture_assert_refused (error, "is the assessor");
  g_clear_error (&error);
  record = aims_assessment_submit (f->db, f->id, -1, approver, APPROVER_NAME, &error);
  fixture_assert_refused (error, "cannot approve your own submission");
  g_clear_error (&error);
  record = aims_assessment_submit (f->db, f->id, -1, 9999, ASSESSOR_NAME, &error);
  g_assert_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_INVALID);
  g_clear_error (&error);

  /* A screening answer changed after the result was confirmed: the complete
   * answers make it a safety component (high-risk); without that the class
   * the screening proposes is another one. */
  assessment_answer (f->db, f->id, AIMS_EU_Q_SAFETY_COMPONENT, "no");
  record = aims_assessment_submit (f->db, f->id, -1, approver, ASSESSOR_NAME, &error);
  fixture_assert_refused (error, "changed since its result was confirmed");
  g_clear_error (&error);
  assessment_answer (f->db, f->id, AIMS_EU_Q_SAFETY_COMPONENT, "yes");

  /* A stale row_version is a conflict. */
  record = aims_assessment_submit (f->db, f->id, 1, approver, ASSESSOR_NAME, &error);
  g_assert_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_CONFLICT);
  g_clear_error (&error);

  record = aims_assessment_submit (f->db, f->id, -1, approver, ASSESSOR_NAME, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (aims_record_get (record, "status"), ==, "in_review");
  g_assert_cmpstr (aims_record_get (record, "submitted_by"), ==, ASSESSOR_NAME);
  g_assert_nonnull (aims_record_get (record, "submitted_at"));
  g_assert_cmpstr (aims_record_get_display (record, "approver_id"), ==, APPROVER_NAME);
  g_assert_cmpstr (aims_record_get (record, "next_review_date"), ==, "2031-01-31");
  /* 3 × 3 = 9 on the default matrix: Medium. */
  g_assert_cmpstr (aims_record_get (record, "overall_level"), ==, "Medium");
  g_clear_object (&record);

  /* In review: not again, and no answer changes. */
  record = aims_assessment_submit (f->db, f->id, -1, approver, ASSESSOR_NAME, &error);
  fixture_assert_refused (error, "it is In review");
  g_clear_error (&error);
  fixture_assert_refused (assessment_answer_refused (f->db, f->id, "context.where", "Elsewhere"), "is in review");
}

/* Approving: only in review, only by the approver chosen, never by the
 * person who submitted it; who and when are recorded. Sending back needs
 * comments and is the approver's (or the submitter's) to do. */
static void
test_approve_and_send_back (AssessmentFixture *f,
                            gconstpointer      data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AimsRecord) record = NULL;
  g_autoptr(AimsRecord) submitted = NULL;
  g_autoptr(AimsRecord) sent_back = NULL;
  g_autoptr(AimsRecord) other = fixture_add_person (f->db, OTHER_NAME);

  assessment_complete (f->db, f->id, 2, 3);
  record = aims_assessment_approve (f->db, f->id, -1, APPROVER_NAME, &error);
  fixture_assert_refused (error, "it is Draft");
  g_clear_error (&error);
  record = aims_assessment_send_back (f->db, f->id, -1, "Why?", APPROVER_NAME, &error);
  fixture_assert_refused (error, "it is Draft");
  g_clear_error (&error);

  submitted = assessment_submit (f, f->id);
  record = aims_assessment_approve (f->db, f->id, -1, ASSESSOR_NAME, &error);
  fixture_assert_refused (error, "approving your own submission is not allowed");
  g_clear_error (&error);
  record = aims_assessment_approve (f->db, f->id, -1, OTHER_NAME, &error);
  fixture_assert_refused (error, "Only Bo Approver, the approver chosen");
  g_clear_error (&error);
  record = aims_assessment_send_back (f->db, f->id, -1, "  ", APPROVER_NAME, &error);
  fixture_assert_refused (error, "needs comments");
  g_clear_error (&error);
  record = aims_assessment_send_back (f->db, f->id, -1, "Not mine to say", OTHER_NAME, &error);
  fixture_assert_refused (error, "Only Bo Approver");
  g_clear_error (&error);
  record = aims_assessment_approve (f->db, f->id, aims_record_get_row_version (submitted) - 1, APPROVER_NAME, &error);
  g_assert_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_CONFLICT);
  g_clear_error (&error);

  sent_back = aims_assessment_send_back (f->db, f->id, aims_record_get_row_version (submitted),
                                         "Say more about the data.", APPROVER_NAME, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (aims_record_get (sent_back, "status"), ==, "draft");
  g_assert_cmpstr (aims_record_get (sent_back, "review_comments"), ==, "Say more about the data.");
  /* A draft again: answers change. */
  assessment_answer (f->db, f->id, "data.sources", "Loan book 2016–2021, bureau data.");

  g_clear_object (&submitted);
  submitted = assessment_submit (f, f->id);
  /* The submitter may take it back. */
  g_clear_object (&sent_back);
  sent_back = aims_assessment_send_back (f->db, f->id, -1, "One more thing", ASSESSOR_NAME, &error);
  g_assert_no_error (error);
  g_clear_object (&submitted);
  submitted = assessment_submit (f, f->id);

  record = aims_assessment_approve (f->db, f->id, aims_record_get_row_version (submitted), " bo approver ", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (aims_record_get (record, "status"), ==, "approved");
  g_assert_cmpstr (aims_record_get (record, "approved_by"), ==, " bo approver ");
  g_assert_nonnull (aims_record_get (record, "approved_at"));
  {
    g_autofree char *actions = fixture_query_text (f->db, "SELECT group_concat(action, ',') FROM (SELECT action FROM"
                                                          " audit_log WHERE entity = 'impact_assessment' AND action"
                                                          " IN ('submit','send_back','approve') ORDER BY id)");

    g_assert_cmpstr (actions, ==, "submit,send_back,submit,send_back,submit,approve");
  }
  g_clear_object (&record);

  /* Approved: no step but superseding. */
  record = aims_assessment_approve (f->db, f->id, -1, APPROVER_NAME, &error);
  fixture_assert_refused (error, "it is Approved");
  g_clear_error (&error);
  record = aims_assessment_send_back (f->db, f->id, -1, "Too late", APPROVER_NAME, &error);
  fixture_assert_refused (error, "it is Approved");
  g_clear_error (&error);
  record = aims_assessment_submit (f->db, f->id, -1, aims_record_get_id (f->approver), ASSESSOR_NAME, &error);
  fixture_assert_refused (error, "it is Approved");
}

/* Every table of an approved assessment, dumped, to see nothing changed. */
static char *
dump (AimsDb *db)
{
  return fixture_query_text (db, "SELECT (SELECT group_concat(id || ':' || row_version || ':' || status || ':' ||"
                                 " assessor_id || ':' || current_step, ';') FROM impact_assessment) || '|' ||"
                                 " (SELECT group_concat(question_id || '=' || COALESCE(value, '') || '@' || row_version,"
                                 " ';') FROM assessment_answer) || '|' ||"
                                 " (SELECT count(*) FROM assessment_risk)");
}

/* The freeze, in the core: no answer, page, field, link, EU result or step
 * changes an approved assessment, and the refusal says why. */
static void
test_frozen_core (AssessmentFixture *f,
                  gconstpointer      data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AimsRecord) approved = NULL;
  g_autoptr(AimsRecord) record = NULL;
  g_autoptr(AimsRecord) risk = fixture_add_risk (f->db, f->assessor, 2, 2, 0, 0);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  assessment_complete (f->db, f->id, 2, 2);
  g_assert_true (aims_assessment_link_risk (f->db, f->id, "fairness", aims_record_get_reference (risk),
                                            ASSESSOR_NAME, &error));
  approved = assessment_approve (f, f->id);
  before = dump (f->db);

  fixture_assert_refused (assessment_answer_refused (f->db, f->id, "context.where", "Elsewhere"), "approved and frozen");
  record = aims_assessment_set_current_step (f->db, f->id, "review", ASSESSOR_NAME, &error);
  fixture_assert_refused (error, "approved and frozen");
  g_clear_error (&error);
  {
    g_autoptr(GHashTable) changes = fixture_values ("assessor_id", APPROVER_NAME, NULL);
    g_autoptr(GError) refused = fixture_update_refused (f->db, approved, changes);

    fixture_assert_refused (refused, "approved and frozen");
  }
  g_assert_false (aims_assessment_link_risk (f->db, f->id, "privacy", aims_record_get_reference (risk),
                                             ASSESSOR_NAME, &error));
  fixture_assert_refused (error, "approved and frozen");
  g_clear_error (&error);
  g_assert_false (aims_assessment_unlink_risk (f->db, f->id, "fairness", aims_record_get_id (risk),
                                               ASSESSOR_NAME, &error));
  fixture_assert_refused (error, "approved and frozen");
  g_clear_error (&error);
  record = aims_assessment_confirm_eu_ai_act (f->db, f->id, AIMS_EU_CLASS_HIGH, AIMS_EU_ROLE_PROVIDER, "Because",
                                              ASSESSOR_NAME, &error);
  fixture_assert_refused (error, "approved and frozen");
  g_clear_error (&error);
  record = aims_assessment_risk_from_impact (f->db, f->id, "fairness", NULL, ASSESSOR_NAME, &error);
  fixture_assert_refused (error, "approved and frozen");

  after = dump (f->db);
  g_assert_cmpstr (before, ==, after);
}

/* The freeze, in the schema: raw SQL through our own connection cannot
 * change an approved assessment or its answers either; becoming superseded
 * (the status alone) is the one change left. */
static void
test_frozen_sql (AssessmentFixture *f,
                 gconstpointer      data)
{
  static const char *const writes[] = {
    "UPDATE impact_assessment SET title = 'Changed'",
    "UPDATE impact_assessment SET status = 'draft'",
    "UPDATE impact_assessment SET next_review_date = '2040-01-01'",
    "UPDATE impact_assessment SET status = 'superseded', overall_level = 'Critical'",
    "UPDATE assessment_answer SET value = 'Changed'",
    "UPDATE assessment_answer SET row_version = row_version + 1",
    "DELETE FROM assessment_answer",
    "INSERT INTO assessment_answer (assessment_id, question_id, value, updated_at, updated_by)"
    " SELECT a.id, q.id, 'x', 'now', 'me' FROM impact_assessment a, assessment_question q"
    " WHERE q.id NOT IN (SELECT question_id FROM assessment_answer) LIMIT 1",
    "DELETE FROM impact_assessment",
    "INSERT INTO assessment_risk (assessment_id, section_id, risk_id)"
    " SELECT a.id, s.id, r.id FROM impact_assessment a, assessment_section s, risk r LIMIT 1",
  };
  g_autoptr(AimsRecord) approved = NULL;
  g_autoptr(AimsRecord) risk = fixture_add_risk (f->db, f->assessor, 2, 2, 0, 0);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  assessment_complete (f->db, f->id, 2, 2);
  approved = assessment_approve (f, f->id);
  before = dump (f->db);
  for (guint i = 0; i < G_N_ELEMENTS (writes); i++)
    {
      g_autoptr(GError) error = NULL;

      g_test_message ("%s", writes[i]);
      g_assert_false (aims_db_exec (f->db, writes[i], &error));
      g_assert_nonnull (error);
      g_assert_true (strstr (error->message, "frozen") != NULL || strstr (error->message, "draft") != NULL);
    }
  after = dump (f->db);
  g_assert_cmpstr (before, ==, after);

  /* The one change the schema lets through, and after it nothing at all. */
  g_assert_true (aims_db_exec (f->db, "UPDATE impact_assessment SET status = 'superseded',"
                                      " row_version = row_version + 1", NULL));
  {
    g_autoptr(GError) error = NULL;

    g_assert_false (aims_db_exec (f->db, "UPDATE impact_assessment SET status = 'approved'", &error));
    g_assert_nonnull (strstr (error->message, "superseded"));
  }
}

/* A new version copies the last one: answers, links, template, assessor and
 * EU result, version + 1, supersedes it; the copied one stays in force
 * until the new one is approved, then is superseded. */
static void
test_new_version (AssessmentFixture *f,
                  gconstpointer      data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AimsRecord) v1 = NULL;
  g_autoptr(AimsRecord) v2 = NULL;
  g_autoptr(AimsRecord) refused = NULL;
  g_autoptr(AimsRecord) risk = fixture_add_risk (f->db, f->assessor, 2, 2, 0, 0);
  g_autoptr(AimsAssessment) first = NULL;
  g_autoptr(AimsAssessment) second = NULL;
  g_autoptr(AimsSystemAssessment) standing = NULL;
  g_autofree char *copied = NULL;

  /* Only an approved one is copied. */
  refused = aims_assessment_new_version (f->db, f->id, ASSESSOR_NAME, &error);
  fixture_assert_refused (error, "change this one instead");
  g_clear_error (&error);

  assessment_complete (f->db, f->id, 2, 2);
  g_assert_true (aims_assessment_link_risk (f->db, f->id, "fairness", aims_record_get_reference (risk),
                                            ASSESSOR_NAME, &error));
  v1 = assessment_approve (f, f->id);
  v2 = aims_assessment_new_version (f->db, f->id, ASSESSOR_NAME, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (aims_record_get (v2, "version"), ==, "2");
  g_assert_cmpstr (aims_record_get (v2, "status"), ==, "draft");
  g_assert_cmpint (g_ascii_strtoll (aims_record_get (v2, "supersedes_id"), NULL, 10), ==, f->id);
  g_assert_cmpstr (aims_record_get (v2, "template_id"), ==, aims_record_get (v1, "template_id"));
  g_assert_cmpstr (aims_record_get (v2, "assessor_id"), ==, aims_record_get (v1, "assessor_id"));
  g_assert_cmpstr (aims_record_get (v2, "eu_class"), ==, aims_record_get (v1, "eu_class"));
  g_assert_null (aims_record_get (v2, "approved_at"));
  copied = g_strdup_printf ("SELECT count(*) FROM assessment_answer a JOIN assessment_answer b"
                            " ON a.question_id = b.question_id AND a.value IS b.value"
                            " WHERE a.assessment_id = %" G_GINT64_FORMAT " AND b.assessment_id = %" G_GINT64_FORMAT,
                            f->id, aims_record_get_id (v2));
  g_assert_cmpint (fixture_query_int (f->db, copied), ==, fixture_query_int (f->db,
                   "SELECT count(*) FROM assessment_answer WHERE assessment_id = 1"));
  {
    g_autoptr(GPtrArray) links = aims_assessment_list_links (f->db, aims_record_get_id (v2), &error);

    g_assert_cmpuint (links->len, ==, 1);
    g_assert_cmpstr (((AimsAssessmentLink *) g_ptr_array_index (links, 0))->section_key, ==, "fairness");
  }

  /* The line has a newer version now: it is continued from there. */
  refused = aims_assessment_new_version (f->db, f->id, ASSESSOR_NAME, &error);
  fixture_assert_refused (error, "has a newer version already");
  g_clear_error (&error);

  standing = aims_assessment_system_status (f->db, aims_record_get_id (f->system), NULL, &error);
  g_assert_cmpint (aims_record_get_id (standing->current), ==, f->id);
  g_assert_cmpint (aims_record_get_id (standing->in_progress), ==, aims_record_get_id (v2));
  g_clear_pointer (&standing, aims_system_assessment_free);

  g_object_unref (assessment_approve (f, aims_record_get_id (v2)));
  {
    g_autofree char *status = assessment_status (f->db, f->id);

    g_assert_cmpstr (status, ==, "superseded");
  }
  standing = aims_assessment_system_status (f->db, aims_record_get_id (f->system), NULL, &error);
  g_assert_cmpint (aims_record_get_id (standing->current), ==, aims_record_get_id (v2));
  g_assert_null (standing->in_progress);
  first = aims_assessment_load (f->db, f->id, &error);
  second = aims_assessment_load (f->db, aims_record_get_id (v2), &error);
  g_assert_cmpuint (g_hash_table_size (first->answers), ==, g_hash_table_size (second->answers));
}

/* Two versions answer by answer: what changed, what was added, what was
 * removed, each with the words a person reads. */
static void
test_compare (AssessmentFixture *f,
              gconstpointer      data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AimsRecord) v2 = NULL;
  g_autoptr(AimsAssessment) a = NULL;
  g_autoptr(AimsAssessment) b = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GPtrArray) all = NULL;
  AimsAnswerChange *change;

  assessment_complete (f->db, f->id, 2, 2);
  assessment_answer (f->db, f->id, "context.in_use_since", "2021-05-01");
  g_object_unref (assessment_approve (f, f->id));
  v2 = aims_assessment_new_version (f->db, f->id, ASSESSOR_NAME, &error);
  g_assert_no_error (error);
  assessment_answer (f->db, aims_record_get_id (v2), "fairness.likelihood", "Likely");
  assessment_answer (f->db, aims_record_get_id (v2), "context.in_use_since", "");
  assessment_answer (f->db, aims_record_get_id (v2), "data.retention", "Seven years");

  a = aims_assessment_load (f->db, f->id, &error);
  b = aims_assessment_load (f->db, aims_record_get_id (v2), &error);
  changes = aims_assessment_compare (a, b, FALSE);
  g_assert_cmpuint (changes->len, ==, 3);

  /* In the template's order: context, impacts, data. */
  change = g_ptr_array_index (changes, 0);
  g_assert_cmpint (change->kind, ==, AIMS_ANSWER_REMOVED);
  g_assert_cmpstr (change->path, ==, "context.in_use_since");
  g_assert_cmpstr (change->before, ==, "2021-05-01");
  g_assert_null (change->after);
  change = g_ptr_array_index (changes, 1);
  g_assert_cmpint (change->kind, ==, AIMS_ANSWER_CHANGED);
  g_assert_cmpstr (change->path, ==, "fairness.likelihood");
  g_assert_cmpstr (change->section_title, ==, "Fairness and non-discrimination");
  g_assert_cmpstr (change->prompt, ==, "How likely is it?");
  g_assert_cmpstr (change->before, ==, "2 Unlikely");
  g_assert_cmpstr (change->after, ==, "4 Likely");
  change = g_ptr_array_index (changes, 2);
  g_assert_cmpint (change->kind, ==, AIMS_ANSWER_ADDED);
  g_assert_cmpstr (change->path, ==, "data.retention");
  g_assert_null (change->before);
  g_assert_cmpstr (change->after, ==, "Seven years");

  all = aims_assessment_compare (a, b, TRUE);
  g_assert_cmpuint (all->len, ==, g_hash_table_size (a->answers) + 1);
}

/* Ratings on the organisation's matrix: each relevant area's cell, the
 * overall level the highest band, the heatmap counting the areas. */
static void
test_impact_ratings (AssessmentFixture *f,
                     gconstpointer      data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AimsAssessment) assessment = NULL;
  g_autoptr(GArray) ratings = NULL;
  g_autofree char *level = NULL;
  AimsImpactRating worst;
  AimsHeatmapCounts counts;

  assessment_complete (f->db, f->id, 3, 3);
  assessment_answer (f->db, f->id, "privacy.likelihood", "4");
  assessment_answer (f->db, f->id, "privacy.severity", "5");
  assessment = aims_assessment_load (f->db, f->id, &error);
  ratings = aims_assessment_impact_ratings (assessment);
  g_assert_cmpuint (ratings->len, ==, 9);
  g_assert_true (g_array_index (ratings, AimsImpactRating, 0).relevant);
  g_assert_cmpuint (g_array_index (ratings, AimsImpactRating, 0).score, ==, 9);
  g_assert_false (g_array_index (ratings, AimsImpactRating, 0).high);
  g_assert_cmpuint (g_array_index (ratings, AimsImpactRating, 1).score, ==, 20);
  g_assert_true (g_array_index (ratings, AimsImpactRating, 1).high);
  g_assert_false (g_array_index (ratings, AimsImpactRating, 5).relevant);
  g_assert_cmpint (g_array_index (ratings, AimsImpactRating, 5).band, ==, -1);

  g_assert_cmpint (aims_assessment_overall_band (assessment, &worst), ==, 3);
  g_assert_cmpstr (worst.section->key, ==, "privacy");
  level = aims_assessment_overall_level (assessment);
  g_assert_cmpstr (level, ==, "Critical");

  aims_assessment_heatmap_counts (assessment, &counts);
  g_assert_cmpuint (counts.n_placed, ==, 3);
  g_assert_cmpuint (aims_heatmap_counts_get (&counts, 3, 3), ==, 2);
  g_assert_cmpuint (aims_heatmap_counts_get (&counts, 4, 5), ==, 1);
}

/* An impact rated high becomes a risk of the register, pre-filled and
 * linked, in one write; an existing risk is linked and unlinked, audited. */
static void
test_mitigations (AssessmentFixture *f,
                  gconstpointer      data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AimsRecord) risk = NULL;
  g_autoptr(AimsRecord) existing = fixture_add_risk (f->db, f->approver, 1, 1, 0, 0);
  g_autoptr(AimsAssessment) assessment = NULL;
  g_autoptr(GHashTable) values = NULL;
  g_autoptr(GHashTable) overrides = NULL;
  g_autoptr(GPtrArray) links = NULL;
  gint64 risks_before;

  assessment_complete (f->db, f->id, 4, 5);
  assessment_answer (f->db, f->id, "fairness.what", "Older applicants are declined more often.\nSecond line.");
  assessment = aims_assessment_load (f->db, f->id, &error);
  values = aims_assessment_risk_values_for_impact (assessment, "fairness", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (g_hash_table_lookup (values, "title"), ==,
                   "Fairness and non-discrimination: Older applicants are declined more often.");
  g_assert_cmpstr (g_hash_table_lookup (values, "inherent_likelihood"), ==, "4");
  g_assert_cmpstr (g_hash_table_lookup (values, "inherent_impact"), ==, "5");
  g_assert_cmpstr (g_hash_table_lookup (values, "source_category"), ==, "societal_ethical");
  g_clear_pointer (&values, g_hash_table_unref);
  /* "Security and misuse" is not relevant in the fixture: not rated. */
  values = aims_assessment_risk_values_for_impact (assessment, "security", &error);
  fixture_assert_refused (error, "is not rated");
  g_clear_error (&error);
  values = aims_assessment_risk_values_for_impact (assessment, "context", &error);
  fixture_assert_refused (error, "not an impact area");
  g_clear_error (&error);

  risks_before = fixture_count_rows (f->db, "risk");
  overrides = fixture_values ("owner_id", APPROVER_NAME, NULL);
  risk = aims_assessment_risk_from_impact (f->db, f->id, "fairness", overrides, ASSESSOR_NAME, &error);
  g_assert_no_error (error);
  g_assert_cmpint (fixture_count_rows (f->db, "risk"), ==, risks_before + 1);
  g_assert_cmpint (g_ascii_strtoll (aims_record_get (risk, "ai_system_id"), NULL, 10), ==,
                   aims_record_get_id (f->system));
  g_assert_cmpstr (aims_record_get (risk, "inherent_likelihood"), ==, "4");
  g_assert_cmpstr (aims_record_get (risk, "inherent_impact"), ==, "5");
  g_assert_cmpstr (aims_record_get_display (risk, "owner_id"), ==, APPROVER_NAME);

  g_assert_true (aims_assessment_link_risk (f->db, f->id, "privacy", aims_record_get_reference (existing),
                                            ASSESSOR_NAME, &error));
  /* Twice is no change. */
  g_assert_true (aims_assessment_link_risk (f->db, f->id, "privacy", aims_record_get_reference (existing),
                                            ASSESSOR_NAME, &error));
  links = aims_assessment_list_links (f->db, f->id, &error);
  g_assert_cmpuint (links->len, ==, 2);
  g_assert_cmpstr (((AimsAssessmentLink *) g_ptr_array_index (links, 0))->section_key, ==, "fairness");
  g_assert_cmpint (aims_record_get_id (((AimsAssessmentLink *) g_ptr_array_index (links, 0))->risk), ==,
                   aims_record_get_id (risk));
  g_assert_true (aims_assessment_unlink_risk (f->db, f->id, "privacy", aims_record_get_id (existing),
                                              ASSESSOR_NAME, &error));
  g_clear_pointer (&links, g_ptr_array_unref);
  links = aims_assessment_list_links (f->db, f->id, &error);
  g_assert_cmpuint (links->len, ==, 1);
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count(*) FROM audit_log WHERE action IN"
                                             " ('link_risk', 'unlink_risk')"), ==, 3);
}

int
main (int    argc,
      char **argv)
{
  fixture_init (&argc, &argv);

  g_test_add_func ("/assessment-workflow/state-machine-table", test_state_machine_table);
  ASSESSMENT_TEST ("/assessment-workflow/state-machine-sql", test_state_machine_sql);
  ASSESSMENT_TEST ("/assessment-workflow/submit-guards", test_submit_guards);
  ASSESSMENT_TEST ("/assessment-workflow/approve-and-send-back", test_approve_and_send_back);
  ASSESSMENT_TEST ("/assessment-workflow/frozen-core", test_frozen_core);
  ASSESSMENT_TEST ("/assessment-workflow/frozen-sql", test_frozen_sql);
  ASSESSMENT_TEST ("/assessment-workflow/new-version", test_new_version);
  ASSESSMENT_TEST ("/assessment-workflow/compare", test_compare);
  ASSESSMENT_TEST ("/assessment-workflow/impact-ratings", test_impact_ratings);
  ASSESSMENT_TEST ("/assessment-workflow/mitigations", test_mitigations);

  return g_test_run ();
}
