/* test-assessment-reports.c — impact assessments where they are reported:
 * the dashboard's figures, the PDF of one assessment, and the demo's
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "assessment-fixtures.h"

/* today + days, as an ISO date. */
static char *
day_from_today (int days)
{
  g_autoptr(GDate) date = aims_date_today ();

  if (days >= 0)
    g_date_add_days (date, days);
  else
    g_date_subtract_days (date, -days);
  return aims_date_format_iso (date);
}

/* A complete assessment of a new system, its reassessment due on next. */
static gint64
complete_new (AssessmentFixture *f,
              const char        *system_name,
              const char        *next)
{
  g_autoptr(GHashTable) values = fixture_values ("name", system_name, "sourcing", "in_house",
                                                 "start_date", "2020-01-01", NULL);
  g_autoptr(AimsRecord) system = fixture_insert (f->db, aims_entity_systems (), values);
  g_autoptr(GError) error = NULL;
  g_autoptr(AimsRecord) record = aims_assessment_create (f->db, aims_record_get_id (system), 0,
                                                         aims_record_get_id (f->assessor), ASSESSOR_NAME, &error);

  g_assert_no_error (error);
  assessment_complete (f->db, aims_record_get_id (record), 2, 3);
  assessment_answer (f->db, aims_record_get_id (record), AIMS_ASSESSMENT_Q_NEXT_REVIEW, next);
  return aims_record_get_id (record);
}

static guint
sql_count (AimsDb     *db,
           const char *where)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM impact_assessment WHERE %s", where);

  return (guint) fixture_query_int (db, sql);
}

/* The dashboard counts each status, and the reassessments overdue and due,
 * as SQL counts them. */
static void
test_dashboard (AssessmentFixture *f,
                gconstpointer      data)
{
  g_autofree char *overdue_day = day_from_today (-5);
  g_autofree char *due_day = day_from_today (10);
  g_autofree char *later_day = day_from_today (200);
  g_autofree char *today = day_from_today (0);
  g_autofree char *soon = day_from_today (AIMS_DASHBOARD_REASSESSMENT_DAYS);
  g_autofree char *overdue_where = NULL;
  g_autofree char *due_where = NULL;
  g_autoptr(AimsRecord) approved = NULL;
  g_autoptr(AimsRecord) due = NULL;
  g_autoptr(AimsRecord) in_review = NULL;
  g_autoptr(AimsRecord) first = NULL;
  g_autoptr(AimsRecord) second = NULL;
  g_autoptr(AimsRecord) draft = NULL;
  g_autoptr(AimsRecord) second_approved = NULL;
  g_autoptr(AimsDashboard) dashboard = NULL;
  g_autoptr(GError) error = NULL;
  gint64 line;

  assessment_complete (f->db, f->id, 2, 2);
  assessment_answer (f->db, f->id, AIMS_ASSESSMENT_Q_NEXT_REVIEW, overdue_day);
  approved = assessment_approve (f, f->id);
  due = assessment_approve (f, complete_new (f, "Due system", due_day));
  in_review = assessment_submit (f, complete_new (f, "Reviewed system", later_day));
  /* A line of two versions: the first superseded when the second is approved. */
  line = complete_new (f, "Versioned system", later_day);
  first = assessment_approve (f, line);
  second = aims_assessment_new_version (f->db, line, ASSESSOR_NAME, &error);
  g_assert_no_error (error);
  second_approved = assessment_approve (f, aims_record_get_id (second));
  /* And a draft: a new version of the overdue one. */
  draft = aims_assessment_new_version (f->db, f->id, ASSESSOR_NAME, &error);
  g_assert_no_error (error);

  dashboard = aims_dashboard_load (f->db, NULL, &error);
  g_assert_no_error (error);
  overdue_where = g_strdup_printf ("status = 'approved' AND next_review_date < '%s'", today);
  due_where = g_strdup_printf ("status = 'approved' AND next_review_date BETWEEN '%s' AND '%s'", today, soon);
  g_assert_cmpuint (dashboard->assessments.total, ==, fixture_count_rows (f->db, "impact_assessment"));
  g_assert_cmpuint (dashboard->assessments.approved, ==, sql_count (f->db, "status = 'approved'"));
  g_assert_cmpuint (dashboard->assessments.in_review, ==, sql_count (f->db, "status = 'in_review'"));
  g_assert_cmpuint (dashboard->assessments.drafts, ==, sql_count (f->db, "status = 'draft'"));
  g_assert_cmpuint (dashboard->assessments.superseded, ==, sql_count (f->db, "status = 'superseded'"));
  g_assert_cmpuint (dashboard->assessments.overdue, ==, sql_count (f->db, overdue_where));
  g_assert_cmpuint (dashboard->assessments.due, ==, sql_count (f->db, due_where));
  /* Each figure is the one this test made, so none of them is zero by accident. */
  g_assert_cmpuint (dashboard->assessments.approved, ==, 3);
  g_assert_cmpuint (dashboard->assessments.in_review, ==, 1);
  g_assert_cmpuint (dashboard->assessments.drafts, ==, 1);
  g_assert_cmpuint (dashboard->assessments.superseded, ==, 1);
  g_assert_cmpuint (dashboard->assessments.overdue, ==, 1);
  g_assert_cmpuint (dashboard->assessments.due, ==, 1);
}

/* The PDF is written whole, or not at all. */
static void
test_pdf (AssessmentFixture *f,
          gconstpointer      data)
{
  g_autofree char *path = fixture_path ("assessment.pdf");
  g_autofree char *part = g_strconcat (path, ".part", NULL);
  g_autofree char *missing_path = fixture_path ("missing.pdf");
  const char *folderless = "/nonexistent-aims-folder/no-such-folder/a.pdf";
  g_autoptr(AimsRecord) approved = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  /* A draft prints too, said to be one. */
  g_assert_true (aims_assessment_pdf_write (f->db, f->id, path, &error));
  g_assert_no_error (error);
  assessment_complete (f->db, f->id, 4, 4);
  approved = assessment_approve (f, f->id);
  g_assert_true (aims_assessment_pdf_write (f->db, f->id, path, &error));
  g_assert_no_error (error);
  bytes = fixture_read_bytes (path);
  g_assert_cmpuint (g_bytes_get_size (bytes), >, 1000);
  g_assert_true (memcmp (g_bytes_get_data (bytes, NULL), "%PDF", 4) == 0);
  g_assert_false (g_file_test (part, G_FILE_TEST_EXISTS));

  g_assert_false (aims_assessment_pdf_write (f->db, 999, missing_path, &error));
  g_assert_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_MISSING);
  g_assert_false (g_file_test (missing_path, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  g_assert_false (aims_assessment_pdf_write (f->db, f->id, folderless, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "no-such-folder"));
}

/* The demo's assessments: one in each status, a second version, all made
 * through the core and audited under the names of the people who acted. */
static void
test_demo (void)
{
  g_autofree char *path = fixture_create_demo_file ("demo.aims");
  g_autoptr(GError) error = NULL;
  g_autoptr(AimsDb) db = aims_db_open (path, AIMS_DB_OPEN_DEFAULT, &error);
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  guint statuses[AIMS_ASSESSMENT_N_STATUSES] = { 0 };

  g_assert_no_error (error);
  records = aims_store_list (db, aims_entity_assessments (), &error);
  g_assert_no_error (error);
  for (guint i = 0; i < records->len; i++)
    {
      AimsRecord *record = g_ptr_array_index (records, i);
      AimsAssessmentStatus status = aims_assessment_record_get_status (record);
      g_autoptr(AimsAssessment) assessment = aims_assessment_load (db, aims_record_get_id (record), &error);

      g_assert_no_error (error);
      statuses[status]++;
      if (status != AIMS_ASSESSMENT_DRAFT)
        {
          /* Everything a submission needs is there and still valid. */
          g_assert_true (aims_assessment_validate_all (assessment, &error));
          g_assert_no_error (error);
          g_assert_nonnull (aims_record_get (record, "submitted_by"));
        }
      else
        {
          /* The draft was begun: some answers, left on a later page. */
          g_assert_cmpuint (g_hash_table_size (assessment->answers), >, 3);
          g_assert_false (aims_assessment_validate_all (assessment, NULL));
          g_assert_cmpstr (aims_record_get (record, "current_step"), ==, "fairness");
        }
    }
  for (guint s = 0; s < AIMS_ASSESSMENT_N_STATUSES; s++)
    g_assert_cmpuint (statuses[s], >=, 1);
  g_assert_cmpint (fixture_query_int (db, "SELECT count(*) FROM impact_assessment WHERE version = 2 AND status = "
                                          "'approved' AND supersedes_id IN (SELECT id FROM impact_assessment "
                                          "WHERE status = 'superseded')"), ==, 1);
  g_assert_cmpint (fixture_query_int (db, "SELECT count(*) FROM assessment_risk"), >=, 3);
  /* Approved by the approver, in the audit log under their name. */
  g_assert_cmpint (fixture_query_int (db, "SELECT count(*) FROM audit_log WHERE action = 'approve' AND "
                                          "actor = 'Margit Ellison'"), >=, 2);
  g_assert_true (aims_check_database (db, problems, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);
}

int
main (int argc, char **argv)
{
  fixture_init (&argc, &argv);

  ASSESSMENT_TEST ("/assessment-reports/dashboard", test_dashboard);
  ASSESSMENT_TEST ("/assessment-reports/pdf", test_pdf);
  g_test_add_func ("/assessment-reports/demo", test_demo);

  return g_test_run ();
}
