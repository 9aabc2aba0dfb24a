/* test-assessment-controls.c — Annex A controls linked to the impact areas
 * of an assessment: linked, listed, unlinked, audited; refused when
 * unknown, excluded, already linked or frozen (by the core and by the
 * schema's triggers from another connection); copied to a new version;
 * and the migration that adds them to a database of version 8.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include <sqlite3.h>

#include "assessment-fixtures.h"

static gint64
control_id (AimsDb     *db,
            const char *reference)
{
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM control WHERE reference = '%s'", reference);

  return fixture_query_int (db, sql);
}

static gint64
row_version (AssessmentFixture *f,
             gint64             id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT row_version FROM impact_assessment WHERE id = %" G_GINT64_FORMAT, id);

  return fixture_query_int (f->db, sql);
}

/* "fairness=A.5.4;privacy=A.7.4": the links as listed. */
static char *
listed (AssessmentFixture *f,
        gint64             id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) links = aims_assessment_list_control_links (f->db, id, &error);
  g_autoptr(GString) text = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < links->len; i++)
    {
      AimsAssessmentControlLink *link = links->pdata[i];

      g_string_append_printf (text, "%s%s=%s", i > 0 ? ";" : "", link->section_key,
                              aims_record_get_reference (link->control));
      g_assert_nonnull (aims_record_get_title (link->control));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static gint64
audit_rows (AssessmentFixture *f,
            const char        *action)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM audit_log WHERE entity = 'impact_assessment'"
                                          " AND action = '%s'", action);

  return fixture_query_int (f->db, sql);
}

static void
test_link_unlink (AssessmentFixture *f,
                  gconstpointer      data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *after_link = NULL;
  g_autofree char *after_unlink = NULL;
  gint64 version = row_version (f, f->id);
  gint64 broken = 0, n_rows = 0;

  /* By reference or id, in the template's order of areas, then Annex A's. */
  g_assert_true (aims_assessment_link_control (f->db, f->id, "privacy", "A.7.4", ASSESSOR_NAME, &error));
  g_assert_no_error (error);
  g_assert_true (aims_assessment_link_control (f->db, f->id, "fairness", "A.7.4", ASSESSOR_NAME, &error));
  g_assert_true (aims_assessment_link_control (f->db, f->id, "fairness", "a.5.4", ASSESSOR_NAME, &error));
  {
    g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, control_id (f->db, "A.10.3"));

    g_assert_true (aims_assessment_link_control (f->db, f->id, "fairness", id, ASSESSOR_NAME, &error));
  }
  g_assert_no_error (error);
  after_link = listed (f, f->id);
  g_assert_cmpstr (after_link, ==, "fairness=A.5.4;fairness=A.7.4;fairness=A.10.3;privacy=A.7.4");
  /* Each write bumps the assessment's row_version and is audited. */
  g_assert_cmpint (row_version (f, f->id), ==, version + 4);
  g_assert_cmpint (audit_rows (f, "link_control"), ==, 4);

  g_assert_true (aims_assessment_unlink_control (f->db, f->id, "fairness", control_id (f->db, "A.7.4"),
                                                 ASSESSOR_NAME, &error));
  g_assert_no_error (error);
  after_unlink = listed (f, f->id);
  g_assert_cmpstr (after_unlink, ==, "fairness=A.5.4;fairness=A.10.3;privacy=A.7.4");
  g_assert_cmpint (row_version (f, f->id), ==, version + 5);
  g_assert_cmpint (audit_rows (f, "unlink_control"), ==, 1);
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count(*) FROM audit_log WHERE action = 'unlink_control'"
                                             " AND before_json LIKE '%\"A.7.4\"%' AND after_json IS NULL"), ==, 1);
  g_assert_true (aims_audit_verify (f->db, &broken, &n_rows, &error));
  g_assert_no_error (error);
}

/* Every refusal names the problem, and nothing is written. */
static void
test_refused (AssessmentFixture *f,
              gconstpointer      data)
{
  g_autoptr(GHashTable) exclusion = fixture_values ("applicable", "no",
                                                    "justification", "No reports to outside parties", NULL);
  g_autoptr(AimsRecord) excluded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 version;

  g_assert_true (aims_assessment_link_control (f->db, f->id, "fairness", "A.5.4", ASSESSOR_NAME, &error));
  excluded = aims_store_update (f->db, aims_entity_controls (), control_id (f->db, "A.8.3"), -1, exclusion,
                                ASSESSOR_NAME, &error);
  g_assert_no_error (error);
  version = row_version (f, f->id);
  before = listed (f, f->id);

  g_assert_false (aims_assessment_link_control (f->db, f->id, "fairness", "A.5.4", ASSESSOR_NAME, &error));
  fixture_assert_refused (error, "A.5.4 is already linked to “Fairness");
  g_clear_error (&error);
  g_assert_false (aims_assessment_link_control (f->db, f->id, "fairness", "A.99", ASSESSOR_NAME, &error));
  fixture_assert_refused (error, "“A.99” is not an Annex A control");
  g_clear_error (&error);
  g_assert_false (aims_assessment_link_control (f->db, f->id, "fairness", "A.8.3", ASSESSOR_NAME, &error));
  fixture_assert_refused (error, "A.8.3 is excluded from the Statement of Applicability");
  g_clear_error (&error);
  g_assert_false (aims_assessment_link_control (f->db, f->id, "context", "A.7.4", ASSESSOR_NAME, &error));
  fixture_assert_refused (error, "“context” is not an impact area");
  g_clear_error (&error);
  g_assert_false (aims_assessment_unlink_control (f->db, f->id, "privacy", control_id (f->db, "A.5.4"),
                                                  ASSESSOR_NAME, &error));
  fixture_assert_refused (error, "A.5.4 is not linked to “Privacy");
  g_clear_error (&error);

  after = listed (f, f->id);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpint (row_version (f, f->id), ==, version);
}

/* Submitted or approved, the links are frozen: refused by the core with the
 * reason, and by the schema's triggers for a writer on another connection. */
static void
test_frozen (AssessmentFixture *f,
             gconstpointer      data)
{
  static const char *const writes[] = {
    "INSERT INTO assessment_control (assessment_id, section_id, control_id)"
    " SELECT a.id, s.id, c.id FROM impact_assessment a, assessment_section s, control c"
    " WHERE s.key = 'privacy' AND c.reference = 'A.7.4'",
    "DELETE FROM assessment_control",
    "UPDATE assessment_control SET control_id = (SELECT id FROM control WHERE reference = 'A.7.5')",
  };
  g_autoptr(AimsRecord) submitted = NULL;
  g_autoptr(AimsRecord) approved = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  sqlite3 *raw;

  assessment_complete (f->db, f->id, 2, 2);
  g_assert_true (aims_assessment_link_control (f->db, f->id, "fairness", "A.5.4", ASSESSOR_NAME, &error));
  submitted = assessment_submit (f, f->id);
  g_assert_false (aims_assessment_link_control (f->db, f->id, "privacy", "A.7.4", ASSESSOR_NAME, &error));
  fixture_assert_refused (error, "in review");
  g_clear_error (&error);

  approved = aims_assessment_approve (f->db, f->id, -1, APPROVER_NAME, &error);
  g_assert_no_error (error);
  before = listed (f, f->id);
  g_assert_false (aims_assessment_link_control (f->db, f->id, "privacy", "A.7.4", ASSESSOR_NAME, &error));
  fixture_assert_refused (error, "approved and frozen");
  g_clear_error (&error);
  g_assert_false (aims_assessment_unlink_control (f->db, f->id, "fairness", control_id (f->db, "A.5.4"),
                                                  ASSESSOR_NAME, &error));
  fixture_assert_refused (error, "approved and frozen");
  g_clear_error (&error);

  raw = fixture_raw_open (f->path);
  for (guint i = 0; i < G_N_ELEMENTS (writes); i++)
    {
      char *message = NULL;

      g_test_message ("%s", writes[i]);
      g_assert_cmpint (sqlite3_exec (raw, writes[i], NULL, NULL, &message), !=, SQLITE_OK);
      g_assert_nonnull (strstr (message, "control links change only while the impact assessment is a draft"));
      sqlite3_free (message);
    }
  sqlite3_close (raw);
  after = listed (f, f->id);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpstr (after, ==, "fairness=A.5.4");
}

/* A new version starts with the links of the last one, and changes its own. */
static void
test_new_version_copies (AssessmentFixture *f,
                         gconstpointer      data)
{
  g_autoptr(AimsRecord) approved = NULL;
  g_autoptr(AimsRecord) v2 = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *copied = NULL;
  g_autofree char *changed = NULL;
  g_autofree char *kept = NULL;

  assessment_complete (f->db, f->id, 2, 2);
  g_assert_true (aims_assessment_link_control (f->db, f->id, "fairness", "A.5.4", ASSESSOR_NAME, &error));
  g_assert_true (aims_assessment_link_control (f->db, f->id, "privacy", "A.7.4", ASSESSOR_NAME, &error));
  approved = assessment_approve (f, f->id);
  v2 = aims_assessment_new_version (f->db, f->id, ASSESSOR_NAME, &error);
  g_assert_no_error (error);

  first = listed (f, f->id);
  copied = listed (f, aims_record_get_id (v2));
  g_assert_cmpstr (copied, ==, "fairness=A.5.4;privacy=A.7.4");
  g_assert_cmpstr (copied, ==, first);

  g_assert_true (aims_assessment_unlink_control (f->db, aims_record_get_id (v2), "privacy",
                                                 control_id (f->db, "A.7.4"), ASSESSOR_NAME, &error));
  g_assert_no_error (error);
  changed = listed (f, aims_record_get_id (v2));
  g_assert_cmpstr (changed, ==, "fairness=A.5.4");
  kept = listed (f, f->id);
  g_assert_cmpstr (kept, ==, first);
}

/* The PDF lists the controls beside the risks, read back with pdftotext. */
static void
test_pdf (AssessmentFixture *f,
          gconstpointer      data)
{
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autofree char *path = fixture_path ("controls.pdf");
  g_autofree char *text_path = fixture_path ("controls.txt");
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { NULL, "-layout", NULL, NULL, NULL };
  int status = 0;

  if (pdftotext == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return;
    }
  assessment_complete (f->db, f->id, 2, 2);
  g_assert_true (aims_assessment_link_control (f->db, f->id, "fairness", "A.5.4", ASSESSOR_NAME, &error));
  g_assert_true (aims_assessment_pdf_write (f->db, f->id, path, &error));
  g_assert_no_error (error);
  argv[0] = pdftotext;
  argv[2] = path;
  argv[3] = text_path;
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (text_path, &text, NULL, &error));
  g_assert_nonnull (strstr (text, "Annex A controls linked to the impacts"));
  g_assert_nonnull (strstr (text, "A.5.4"));
  g_assert_nonnull (strstr (text, "Assessing AI system impact on"));
}

/* A database of version 8 gets the table and its triggers. */
static void
test_migration (void)
{
  g_autofree char *path = NULL;
  AimsDb *db = fixture_create_db ("version8.aims", AIMS_DB_OPEN_DEFAULT, &path);

  fixture_close_db (&db);
  fixture_raw_exec_file (path, "DROP TABLE assessment_control; PRAGMA user_version = 8;");
  g_assert_cmpint (fixture_raw_query_int (path, "SELECT count(*) FROM sqlite_master"
                                                " WHERE tbl_name = 'assessment_control'"), ==, 0);
  db = fixture_open_db (path, AIMS_DB_OPEN_DEFAULT);
  g_assert_cmpint (aims_db_get_schema_version (db), ==, aims_migrate_latest_version ());
  g_assert_cmpint (aims_migrate_latest_version (), >=, 9);
  g_assert_cmpint (fixture_query_int (db, "SELECT count(*) FROM sqlite_master WHERE type = 'trigger'"
                                          " AND tbl_name = 'assessment_control'"), ==, 3);
  g_assert_cmpint (fixture_query_int (db, "SELECT count(*) FROM assessment_control"), ==, 0);
  fixture_close_db (&db);
}

int
main (int   argc,
      char *argv[])
{
  fixture_init (&argc, &argv);

  ASSESSMENT_TEST ("/core/assessment-controls/link-unlink", test_link_unlink);
  ASSESSMENT_TEST ("/core/assessment-controls/refused", test_refused);
  ASSESSMENT_TEST ("/core/assessment-controls/frozen", test_frozen);
  ASSESSMENT_TEST ("/core/assessment-controls/new-version-copies", test_new_version_copies);
  ASSESSMENT_TEST ("/core/assessment-controls/pdf", test_pdf);
  g_test_add_func ("/core/assessment-controls/migration", test_migration);

  return g_test_run ();
}
