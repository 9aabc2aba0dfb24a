/* test-risks.c — the risk register: records, refused input, scores,
 * acceptance and its expiry
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "core-fixtures.h"

typedef struct
{
  AimsDb     *db;
  AimsRecord *owner;
  AimsRecord *approver;
  AimsRecord *system;
} RiskFixture;

static void
risk_fixture_set_up (RiskFixture   *f,
                     gconstpointer  data)
{
  f->db = fixture_create_db ("risks.aims", AIMS_DB_OPEN_DEFAULT, NULL);
  f->owner = fixture_add_person (f->db, "Risk Owner");
  f->approver = fixture_add_person (f->db, "Chief Risk Officer");
  f->system = fixture_add_system (f->db, "Credit scoring", f->owner);
}

static void
risk_fixture_tear_down (RiskFixture   *f,
                        gconstpointer  data)
{
  g_clear_object (&f->owner);
  g_clear_object (&f->approver);
  g_clear_object (&f->system);
  fixture_close_db (&f->db);
}

#define ADD_RISK_TEST(path, func) \
  g_test_add ((path), RiskFixture, NULL, risk_fixture_set_up, (func), risk_fixture_tear_down)

static char *
date_from_today (int days)
{
  g_autoptr(GDate) date = aims_date_today ();

  if (days >= 0)
    g_date_add_days (date, (guint) days);
  else
    g_date_subtract_days (date, (guint) -days);
  return aims_date_format_iso (date);
}

/* The risk table and the audit log, to show that nothing was written. */
typedef struct
{
  gint64 risks;
  gint64 audit_rows;
} Counts;

static Counts
counts_now (AimsDb *db)
{
  return (Counts) { fixture_count_rows (db, "risk"), fixture_count_rows (db, "audit_log") };
}

static void
assert_nothing_written (AimsDb *db,
                        Counts  before)
{
  Counts now = counts_now (db);

  g_assert_cmpint (now.risks, ==, before.risks);
  g_assert_cmpint (now.audit_rows, ==, before.audit_rows);
}

static void
assert_insert_refused (RiskFixture *f,
                       GHashTable  *values,
                       const char  *field,
                       const char  *part)
{
  Counts before = counts_now (f->db);
  g_autoptr(GError) error = fixture_insert_refused (f->db, aims_entity_risks (), values);

  fixture_assert_error_names_field (error, aims_entity_risks (), field);
  if (part != NULL && !fixture_contains_nocase (error->message, part))
    g_error ("“%s” does not say “%s”", error->message, part);
  assert_nothing_written (f->db, before);
}

static void
test_insert_load (RiskFixture   *f,
                  gconstpointer  data)
{
  g_autofree char *due = date_from_today (30);
  g_autoptr(GHashTable) values = fixture_values ("title", "Biased refusals",
                                                 "ai_system_id", "Credit scoring",
                                                 "source_category", "Societal and ethical",
                                                 "owner_id", "Risk Owner",
                                                 "inherent_likelihood", "Likely",
                                                 "inherent_impact", "5",
                                                 "treatment", "mitigate",
                                                 "treatment_plan", "Fairness tests",
                                                 "treatment_due_date", due,
                                                 "residual_likelihood", "unlikely",
                                                 "residual_impact", "Major",
                                                 "status", "treatment_planned",
                                                 NULL);
  g_autoptr(AimsRecord) risk = fixture_insert (f->db, aims_entity_risks (), values);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *system_id = g_strdup_printf ("%" G_GINT64_FORMAT, aims_record_get_id (f->system));

  g_assert_cmpstr (aims_record_get_reference (risk), ==, "RSK-001");
  g_assert_cmpstr (aims_record_get (risk, "ai_system_id"), ==, system_id);
  g_assert_cmpstr (aims_record_get_display (risk, "ai_system_id"), ==, "Credit scoring");
  g_assert_cmpstr (aims_record_get_display (risk, "owner_id"), ==, "Risk Owner");
  g_assert_cmpstr (aims_record_get (risk, "source_category"), ==, "societal_ethical");
  g_assert_cmpstr (aims_record_get (risk, "inherent_likelihood"), ==, "4");
  g_assert_cmpstr (aims_record_get_display (risk, "inherent_likelihood"), ==, "Likely");
  g_assert_cmpstr (aims_record_get (risk, "inherent_impact"), ==, "5");
  g_assert_cmpstr (aims_record_get_display (risk, "inherent_impact"), ==, "Severe");
  g_assert_cmpstr (aims_record_get (risk, "residual_likelihood"), ==, "2");
  g_assert_cmpstr (aims_record_get (risk, "residual_impact"), ==, "4");
  /* Stored as integers, so the schema's CHECKs and foreign keys hold. */
  g_assert_cmpint (fixture_query_int (f->db, "SELECT typeof(inherent_likelihood) = 'integer'"
                                             " AND typeof(ai_system_id) = 'integer' FROM risk"), ==, 1);
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count(*) FROM audit_log WHERE entity = 'risk'"
                                             " AND action = 'insert'"), ==, 1);

  list = aims_store_list (f->db, aims_entity_risks (), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpstr (aims_record_get_display (list->pdata[0], "residual_impact"), ==, "Major");

  /* By reference, id or name, as for people. */
  g_clear_object (&risk);
  risk = aims_store_find (f->db, aims_entity_risks (), "rsk-001", &error);
  g_assert_no_error (error);
  g_assert_nonnull (risk);
}

static void
test_update_conflict (RiskFixture   *f,
                      gconstpointer  data)
{
  g_autoptr(AimsRecord) risk = fixture_add_risk (f->db, f->owner, 3, 3, 0, 0);
  g_autoptr(AimsRecord) updated = fixture_update_field (f->db, risk, "residual_likelihood", "Rare");
  g_autoptr(AimsRecord) stored = NULL;
  g_autoptr(GHashTable) changes = fixture_values ("inherent_impact", "Severe", NULL);
  g_autoptr(GError) error = NULL;
  Counts before;

  g_assert_cmpint (aims_record_get_row_version (updated), ==, 2);
  g_assert_cmpstr (aims_record_get (updated, "residual_likelihood"), ==, "1");

  /* risk was read at version 1: the second writer is refused. */
  before = counts_now (f->db);
  error = fixture_update_refused (f->db, risk, changes);
  g_assert_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_CONFLICT);
  assert_nothing_written (f->db, before);
  stored = fixture_reload (f->db, risk);
  fixture_assert_same_fields (stored, updated);
}

static void
test_refused (RiskFixture   *f,
              gconstpointer  data)
{
  g_autofree char *yesterday = date_from_today (-1);
  g_autoptr(GHashTable) outside = fixture_values ("title", "x", "owner_id", "Risk Owner",
                                                  "inherent_likelihood", "6", NULL);
  g_autoptr(GHashTable) zero = fixture_values ("title", "x", "owner_id", "Risk Owner",
                                               "residual_impact", "0", NULL);
  g_autoptr(GHashTable) label = fixture_values ("title", "x", "owner_id", "Risk Owner",
                                                "inherent_impact", "Likely", NULL);
  g_autoptr(GHashTable) no_owner = fixture_values ("title", "x", "inherent_likelihood", "2", NULL);
  g_autoptr(GHashTable) blank_owner = fixture_values ("title", "x", "owner_id", " ", NULL);
  g_autoptr(GHashTable) past = fixture_values ("title", "x", "owner_id", "Risk Owner",
                                               "treatment", "mitigate", "treatment_plan", "Do it",
                                               "treatment_due_date", yesterday, NULL);
  g_autoptr(GHashTable) no_system = fixture_values ("title", "x", "owner_id", "Risk Owner",
                                                    "ai_system_id", "Unknown system", NULL);
  g_autoptr(GHashTable) category = fixture_values ("title", "x", "owner_id", "Risk Owner",
                                                   "source_category", "weather", NULL);

  assert_insert_refused (f, outside, "inherent_likelihood", "1 to 5");
  assert_insert_refused (f, zero, "residual_impact", "not a level");
  assert_insert_refused (f, label, "inherent_impact", "not a level");
  assert_insert_refused (f, no_owner, "owner_id", "required");
  assert_insert_refused (f, blank_owner, "owner_id", "required");
  assert_insert_refused (f, past, "treatment_due_date", "in the past");
  assert_insert_refused (f, no_system, "ai_system_id", "no AI system");
  assert_insert_refused (f, category, "source_category", NULL);
}

/* A level is checked against the matrix stored now, not the default one. */
static void
test_levels_follow_matrix (RiskFixture   *f,
                           gconstpointer  data)
{
  g_autoptr(AimsRiskMatrix) three = aims_risk_matrix_new_for_size (3);
  g_autoptr(AimsRiskMatrix) saved = NULL;
  g_autoptr(GHashTable) four = fixture_values ("title", "x", "owner_id", "Risk Owner",
                                               "inherent_likelihood", "4", NULL);
  g_autoptr(AimsRecord) risk = NULL;
  g_autoptr(GError) error = NULL;

  saved = aims_risk_matrix_save_and_rescore (f->db, three, -1, FIXTURE_AUTHOR, &error);
  g_assert_no_error (error);
  assert_insert_refused (f, four, "inherent_likelihood", "1 to 3");
  risk = fixture_add_risk (f->db, f->owner, 3, 3, 0, 0);
  g_assert_cmpstr (aims_record_get_display (risk, "inherent_likelihood"), ==, "Likely");
}

static void
test_update_refused (RiskFixture   *f,
                     gconstpointer  data)
{
  g_autoptr(AimsRecord) risk = fixture_add_risk (f->db, f->owner, 2, 2, 0, 0);
  g_autofree char *yesterday = date_from_today (-1);
  g_autofree char *next_week = date_from_today (7);
  g_autofree char *sql = NULL;
  g_autoptr(GHashTable) clear_owner = fixture_values ("owner_id", "", NULL);
  g_autoptr(GHashTable) past = fixture_values ("treatment_due_date", yesterday, NULL);
  g_autoptr(GHashTable) level = fixture_values ("residual_likelihood", "9", NULL);
  const struct
  {
    GHashTable *changes;
    const char *field;
  } cases[] = {
    { clear_owner, "owner_id" },
    { past, "treatment_due_date" },
    { level, "residual_likelihood" },
  };
  g_autoptr(AimsRecord) planned = NULL;
  g_autoptr(AimsRecord) overdue = NULL;
  g_autoptr(AimsRecord) edited = NULL;

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      Counts before = counts_now (f->db);
      g_autoptr(GError) error = fixture_update_refused (f->db, risk, cases[c].changes);
      g_autoptr(AimsRecord) stored = fixture_reload (f->db, risk);

      fixture_assert_error_names_field (error, aims_entity_risks (), cases[c].field);
      assert_nothing_written (f->db, before);
      fixture_assert_same_fields (stored, risk);
    }

  /* A plan whose date has passed since may still be edited... */
  planned = fixture_update_field (f->db, risk, "treatment_due_date", next_week);
  sql = g_strdup_printf ("UPDATE risk SET treatment_due_date = '%s'", yesterday);
  g_assert_true (aims_db_exec (f->db, sql, NULL));
  overdue = fixture_reload (f->db, planned);
  edited = fixture_update_field (f->db, overdue, "description", "Still to do");
  g_assert_cmpstr (aims_record_get (edited, "treatment_due_date"), ==, yesterday);

  /* ...but writing a plan where there was none makes it new. */
  {
    g_autoptr(GHashTable) plan = fixture_values ("treatment_plan", "A new plan", NULL);
    g_autoptr(GError) error = fixture_update_refused (f->db, edited, plan);

    fixture_assert_error_names_field (error, aims_entity_risks (), "treatment_due_date");
  }
}

static void
test_compute (RiskFixture   *f,
              gconstpointer  data)
{
  g_autoptr(AimsRiskMatrix) m = aims_risk_matrix_new_default ();
  g_autoptr(GDate) today = aims_date_today ();
  g_autoptr(AimsRecord) inherent_only = fixture_add_risk (f->db, f->owner, 4, 5, 0, 0);
  g_autoptr(AimsRecord) treated = fixture_add_risk (f->db, f->owner, 4, 5, 2, 2);
  g_autoptr(AimsRecord) half = fixture_add_risk (f->db, f->owner, 0, 3, 2, 0);
  g_autoptr(AimsRecord) overdue = NULL;
  g_autoptr(AimsRecord) closed = NULL;
  g_autofree char *yesterday = date_from_today (-1);
  AimsRiskScores s;

  aims_risk_compute (m, inherent_only, today, &s);
  g_assert_true (s.inherent.assessed);
  g_assert_cmpuint (s.inherent.score, ==, 20);
  g_assert_cmpstr (s.inherent.band_name, ==, "Critical");
  g_assert_cmpstr (s.inherent.colour, ==, aims_risk_matrix_get_band (m, 3)->colour);
  g_assert_false (s.residual.assessed);
  g_assert_cmpuint (s.residual.score, ==, 0);
  g_assert_null (s.residual.band_name);
  g_assert_true (s.current == &s.inherent);
  g_assert_true (s.above_appetite);
  g_assert_false (s.review_overdue);
  g_assert_false (s.acceptance_expired);

  aims_risk_compute (m, treated, today, &s);
  g_assert_cmpuint (s.residual.score, ==, 4);
  g_assert_cmpstr (s.residual.band_name, ==, "Low");
  g_assert_true (s.current == &s.residual);
  g_assert_false (s.above_appetite);

  aims_risk_compute (m, half, today, &s);
  g_assert_false (s.inherent.assessed);
  g_assert_false (s.residual.assessed);
  g_assert_false (s.above_appetite);

  overdue = fixture_update_field (f->db, treated, "next_review_date", yesterday);
  aims_risk_compute (m, overdue, today, &s);
  g_assert_true (s.review_overdue);
  closed = fixture_update_field (f->db, overdue, "status", "closed");
  aims_risk_compute (m, closed, today, &s);
  g_assert_false (s.review_overdue);
}

/* Accepting above the appetite records who and until when. */
static void
test_acceptance (RiskFixture   *f,
                 gconstpointer  data)
{
  g_autofree char *later = date_from_today (90);
  g_autoptr(GHashTable) bare = fixture_values ("title", "High and accepted", "owner_id", "Risk Owner",
                                               "inherent_likelihood", "4", "inherent_impact", "4",
                                               "treatment", "accept", NULL);
  g_autoptr(GHashTable) who_only = fixture_values ("title", "High and accepted", "owner_id", "Risk Owner",
                                                   "inherent_likelihood", "4", "inherent_impact", "4",
                                                   "status", "accepted",
                                                   "accepted_by_id", "Chief Risk Officer", NULL);
  g_autoptr(GHashTable) complete = fixture_values ("title", "High and accepted", "owner_id", "Risk Owner",
                                                   "inherent_likelihood", "4", "inherent_impact", "4",
                                                   "treatment", "accept",
                                                   "accepted_by_id", "Chief Risk Officer",
                                                   "accepted_until", later, NULL);
  g_autoptr(GHashTable) within = fixture_values ("title", "Medium and accepted", "owner_id", "Risk Owner",
                                                 "inherent_likelihood", "3", "inherent_impact", "3",
                                                 "treatment", "accept", NULL);
  g_autoptr(AimsRecord) accepted = NULL;
  g_autoptr(AimsRecord) medium = NULL;
  g_autoptr(GHashTable) raise = fixture_values ("inherent_impact", "5", NULL);
  g_autoptr(GError) error = NULL;

  assert_insert_refused (f, bare, "accepted_by_id", "above the appetite");
  assert_insert_refused (f, who_only, "accepted_until", "above the appetite");
  accepted = fixture_insert (f->db, aims_entity_risks (), complete);
  g_assert_cmpstr (aims_record_get_display (accepted, "accepted_by_id"), ==, "Chief Risk Officer");

  /* Within the appetite nobody needs to sign; raising it above needs them. */
  medium = fixture_insert (f->db, aims_entity_risks (), within);
  error = fixture_update_refused (f->db, medium, raise);
  fixture_assert_error_names_field (error, aims_entity_risks (), "accepted_by_id");
}

static void
test_acceptance_expiry (RiskFixture   *f,
                        gconstpointer  data)
{
  g_autoptr(AimsRiskMatrix) m = aims_risk_matrix_new_default ();
  g_autoptr(GDate) today = aims_date_today ();
  g_autofree char *yesterday = date_from_today (-1);
  g_autofree char *today_iso = date_from_today (0);
  g_autofree char *tomorrow = date_from_today (1);
  g_autoptr(GHashTable) values = fixture_values ("title", "Accepted a while ago", "owner_id", "Risk Owner",
                                                 "inherent_likelihood", "4", "inherent_impact", "3",
                                                 "treatment", "accept", "status", "accepted",
                                                 "accepted_by_id", "Chief Risk Officer",
                                                 "accepted_until", yesterday, NULL);
  g_autoptr(AimsRecord) expired = fixture_insert (f->db, aims_entity_risks (), values);
  g_autoptr(AimsRecord) last_day = fixture_update_field (f->db, expired, "accepted_until", today_iso);
  g_autoptr(AimsRecord) renewed = fixture_update_field (f->db, last_day, "accepted_until", tomorrow);
  g_autoptr(AimsRecord) lapsed = fixture_update_field (f->db, renewed, "accepted_until", yesterday);
  g_autoptr(AimsRecord) mitigated = NULL;
  g_autoptr(AimsRecord) closed = NULL;
  AimsRiskScores s;

  aims_risk_compute (m, expired, today, &s);
  g_assert_true (s.acceptance_expired);
  g_assert_true (s.above_appetite);
  aims_risk_compute (m, last_day, today, &s);
  g_assert_false (s.acceptance_expired);
  aims_risk_compute (m, renewed, today, &s);
  g_assert_false (s.acceptance_expired);
  aims_risk_compute (m, lapsed, today, &s);
  g_assert_true (s.acceptance_expired);

  /* Once treated another way, or closed, the old acceptance does not matter. */
  {
    g_autoptr(GHashTable) changes = fixture_values ("treatment", "mitigate", "status", "treated", NULL);
    g_autoptr(GError) error = NULL;

    mitigated = aims_store_update (f->db, aims_entity_risks (), aims_record_get_id (lapsed),
                                   aims_record_get_row_version (lapsed), changes, FIXTURE_AUTHOR, &error);
    g_assert_no_error (error);
  }
  aims_risk_compute (m, mitigated, today, &s);
  g_assert_false (s.acceptance_expired);
  closed = aims_record_copy (lapsed);
  aims_record_set (closed, "status", "closed");
  aims_risk_compute (m, closed, today, &s);
  g_assert_false (s.acceptance_expired);
}

/* Resolving a link: ids, references, names, and names held twice. */
static void
test_links (RiskFixture   *f,
            gconstpointer  data)
{
  g_autoptr(AimsRecord) twin = fixture_add_system (f->db, "Credit scoring", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *by_reference = NULL;
  g_autofree char *by_name = NULL;
  g_autofree char *person = NULL;

  by_reference = aims_store_resolve_link (f->db, aims_entity_systems (), "ais-002", &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_ascii_strtoll (by_reference, NULL, 10), ==, aims_record_get_id (twin));

  by_name = aims_store_resolve_link (f->db, aims_entity_systems (), "credit scoring", &error);
  g_assert_null (by_name);
  g_assert_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Several AI systems"));
  g_clear_error (&error);

  person = aims_store_resolve_person (f->db, "risk owner", &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_ascii_strtoll (person, NULL, 10), ==, aims_record_get_id (f->owner));
}

int
main (int   argc,
      char *argv[])
{
  fixture_init (&argc, &argv);

  ADD_RISK_TEST ("/core/risks/insert-load", test_insert_load);
  ADD_RISK_TEST ("/core/risks/update-conflict", test_update_conflict);
  ADD_RISK_TEST ("/core/risks/refused", test_refused);
  ADD_RISK_TEST ("/core/risks/levels-follow-matrix", test_levels_follow_matrix);
  ADD_RISK_TEST ("/core/risks/update-refused", test_update_refused);
  ADD_RISK_TEST ("/core/risks/compute", test_compute);
  ADD_RISK_TEST ("/core/risks/acceptance", test_acceptance);
  ADD_RISK_TEST ("/core/risks/acceptance-expiry", test_acceptance_expiry);
  ADD_RISK_TEST ("/core/risks/links", test_links);

  return g_test_run ();
}
