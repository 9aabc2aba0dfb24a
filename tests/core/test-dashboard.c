/* test-dashboard.c — the dashboard's figures equal what SQL counts in the
 * demo and in an empty database; the same figures from a worker thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "core-fixtures.h"

#define TODAY_SQL "date('now', 'localtime')"
#define NOT_RETIRED "coalesce(lifecycle_stage, '') <> 'retired'"
#define OPEN_RISK "coalesce(status, '') <> 'closed'"

static gint64
count_where (AimsDb     *db,
             const char *table,
             const char *where)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s WHERE %s", table, where);

  return fixture_query_int (db, sql);
}

/* Each category of a breakdown by a choice field against SQL; the "not set"
 * one holds NULL. */
static void
assert_choice_breakdown (AimsDb                       *db,
                         const AimsDashboardBreakdown *breakdown,
                         const char                   *table,
                         const char                   *where)
{
  guint sum = 0;

  g_assert_nonnull (breakdown->field);
  for (guint i = 0; i < breakdown->counts->len; i++)
    {
      const AimsDashboardCount *count = &g_array_index (breakdown->counts, AimsDashboardCount, i);
      g_autofree char *condition = count->key != NULL
                                   ? g_strdup_printf ("%s AND %s = '%s'", where, breakdown->field, count->key)
                                   : g_strdup_printf ("%s AND %s IS NULL", where, breakdown->field);

      g_assert_nonnull (count->label);
      g_assert_true (g_str_has_prefix (count->colour, "#"));
      g_assert_cmpint (count->count, ==, count_where (db, table, condition));
      sum += count->count;
    }
  g_assert_cmpuint (breakdown->total, ==, sum);
  g_assert_cmpint (breakdown->total, ==, count_where (db, table, where));
}

/* The current score of a risk in SQL: residual when both residual levels are
 * set, else inherent. */
#define CURRENT_SCORE \
  "(CASE WHEN residual_likelihood IS NOT NULL AND residual_impact IS NOT NULL" \
  " THEN residual_likelihood * residual_impact" \
  " WHEN inherent_likelihood IS NOT NULL AND inherent_impact IS NOT NULL" \
  " THEN inherent_likelihood * inherent_impact END)"

static void
assert_risks (AimsDb                   *db,
              const AimsDashboardRisks *risks)
{
  const AimsRiskMatrix *matrix = risks->matrix;
  const AimsRiskBand *appetite = aims_risk_matrix_get_band (matrix, aims_risk_matrix_appetite_index (matrix));
  g_autofree char *above = g_strdup_printf (OPEN_RISK " AND " CURRENT_SCORE " > %u", appetite->max_score);
  guint sum = 0;

  g_assert_cmpint (risks->open, ==, count_where (db, "risk", OPEN_RISK));
  g_assert_cmpuint (risks->by_band.counts->len, ==, matrix->bands->len + 1);
  for (guint i = 0; i < risks->by_band.counts->len; i++)
    {
      const AimsDashboardCount *count = &g_array_index (risks->by_band.counts, AimsDashboardCount, i);
      const AimsRiskBand *band = aims_risk_matrix_get_band (matrix, (int) i);
      g_autofree char *where = band != NULL
        ? g_strdup_printf (OPEN_RISK " AND " CURRENT_SCORE " BETWEEN %u AND %u", band->min_score, band->max_score)
        : g_strdup (OPEN_RISK " AND " CURRENT_SCORE " IS NULL");

      g_assert_cmpstr (count->key, ==, band != NULL ? band->name : NULL);
      if (band != NULL)
        g_assert_cmpstr (count->colour, ==, band->colour);
      g_assert_cmpint (count->count, ==, count_where (db, "risk", where));
      sum += count->count;
    }
  g_assert_cmpuint (sum, ==, risks->open);
  g_assert_cmpint (risks->above_appetite, ==, count_where (db, "risk", above));
  g_assert_cmpint (risks->review_overdue, ==,
                   count_where (db, "risk", OPEN_RISK " AND next_review_date < " TODAY_SQL));
  g_assert_cmpuint (risks->inherent.n_placed + risks->inherent.n_unplaced, ==, risks->open);
  g_assert_cmpint (risks->inherent.n_placed, ==,
                   count_where (db, "risk", OPEN_RISK " AND inherent_likelihood IS NOT NULL AND inherent_impact IS NOT NULL"));
  g_assert_cmpint (risks->residual.n_placed, ==,
                   count_where (db, "risk", OPEN_RISK " AND residual_likelihood IS NOT NULL AND residual_impact IS NOT NULL"));
}

/* The status rules written once more, in SQL, for objectives with a
 * direction, a target and a threshold (as the demo's are); SQLite's month
 * arithmetic differs from GDate's only at the end of a month, which the
 * demo's dates keep well away from. */
#define PERIOD \
  "(CASE o.frequency WHEN 'weekly' THEN '+7 days' WHEN 'monthly' THEN '+1 month'" \
  " WHEN 'quarterly' THEN '+3 months' WHEN 'half_yearly' THEN '+6 months' WHEN 'yearly' THEN '+12 months' END)"
#define LATEST(column) \
  "(SELECT m." column " FROM measurement m WHERE m.objective_id = o.id ORDER BY m.measured_on DESC, m.id DESC LIMIT 1)"
#define STATE_SQL \
  "SELECT CASE" \
  " WHEN " LATEST ("value") " IS NULL THEN" \
  "   CASE WHEN date(o.created_at, " PERIOD ") < " TODAY_SQL " THEN 'overdue' ELSE 'not_measured' END" \
  " WHEN date(" LATEST ("measured_on") ", " PERIOD ") < " TODAY_SQL " THEN 'overdue'" \
  " WHEN o.direction = 'higher' AND " LATEST ("value") " >= o.target THEN 'on_track'" \
  " WHEN o.direction = 'higher' AND " LATEST ("value") " >= o.at_risk_threshold THEN 'at_risk'" \
  " WHEN o.direction = 'lower' AND " LATEST ("value") " <= o.target THEN 'on_track'" \
  " WHEN o.direction = 'lower' AND " LATEST ("value") " <= o.at_risk_threshold THEN 'at_risk'" \
  " ELSE 'off_track' END AS state FROM objective o"

static void
assert_objectives (AimsDb                        *db,
                   const AimsDashboardObjectives *objectives)
{
  guint sum = 0;

  g_assert_cmpint (objectives->total, ==, fixture_count_rows (db, "objective"));
  g_assert_cmpuint (objectives->by_state.counts->len, ==, AIMS_OBJECTIVE_N_STATES);
  for (guint i = 0; i < objectives->by_state.counts->len; i++)
    {
      const AimsDashboardCount *count = &g_array_index (objectives->by_state.counts, AimsDashboardCount, i);
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM (" STATE_SQL ") WHERE state = '%s'", count->key);

      g_assert_cmpint (count->count, ==, fixture_query_int (db, sql));
      sum += count->count;
    }
  g_assert_cmpuint (sum, ==, objectives->total);
  g_assert_cmpuint (objectives->by_state.total, ==, objectives->total);
  /* The first in reading order is on track. */
  g_assert_cmpstr (g_array_index (objectives->by_state.counts, AimsDashboardCount, 0).key, ==, "on_track");
  for (AimsObjectiveState s = 0; s < AIMS_OBJECTIVE_N_STATES; s++)
    g_assert_cmpuint (objectives->state_counts[s], ==,
                      aims_dashboard_breakdown_find (&objectives->by_state, aims_objective_state_key (s))->count);
}

#define OPEN_NC "state NOT IN ('closed', 'rejected')"
#define OVERDUE_ACTION \
  "coalesce(status, 'open') IN ('open', 'in_progress') AND due_date < " TODAY_SQL

static void
assert_nonconformities (AimsDb                             *db,
                        const AimsDashboardNonconformities *ncs)
{
  g_assert_cmpint (ncs->open, ==, count_where (db, "nonconformity", OPEN_NC));
  assert_choice_breakdown (db, &ncs->by_severity, "nonconformity", OPEN_NC);
  g_assert_cmpint (ncs->actions_open, ==,
                   count_where (db, "corrective_action", "nonconformity_id IS NOT NULL AND "
                                "coalesce(status, 'open') IN ('open', 'in_progress')"));
  g_assert_cmpint (ncs->actions_overdue, ==,
                   count_where (db, "corrective_action", "nonconformity_id IS NOT NULL AND " OVERDUE_ACTION));
  g_assert_cmpint (ncs->with_overdue, ==,
                   count_where (db, "nonconformity", "id IN (SELECT nonconformity_id "
                                "FROM corrective_action WHERE " OVERDUE_ACTION ")"));
}

static void
assert_matches_sql (AimsDb        *db,
                    AimsDashboard *dashboard)
{
  AimsDashboardSystems *systems = &dashboard->systems;

  g_assert_cmpint (systems->total, ==, fixture_count_rows (db, "ai_system"));
  g_assert_cmpint (systems->in_use, ==, count_where (db, "ai_system", NOT_RETIRED));
  assert_choice_breakdown (db, &systems->by_stage, "ai_system", "1");
  assert_choice_breakdown (db, &systems->by_eu_class, "ai_system", NOT_RETIRED);
  g_assert_cmpint (systems->review_overdue, ==,
                   count_where (db, "ai_system", NOT_RETIRED " AND next_review_date < " TODAY_SQL));
  assert_risks (db, &dashboard->risks);
  assert_objectives (db, &dashboard->objectives);
  assert_nonconformities (db, &dashboard->nonconformities);
  g_assert_cmpint (dashboard->soa.controls, ==, count_where (db, "soa_entry", "1"));
  g_assert_cmpint (dashboard->soa.decided, ==, count_where (db, "soa_entry", "applicable IS NOT NULL"));
  g_assert_cmpint (dashboard->soa.applicable, ==, count_where (db, "soa_entry", "applicable = 1"));
  g_assert_cmpint (dashboard->soa.implemented, ==,
                   count_where (db, "soa_entry", "applicable = 1 AND implementation_status = 'implemented'"));
}

static void
test_dashboard_demo (void)
{
  g_autofree char *path = fixture_create_demo_file ("demo.aims");
  AimsDb *db = fixture_open_db (path, AIMS_DB_OPEN_READ_ONLY);
  g_autoptr(AimsDashboard) dashboard = NULL;
  g_autoptr(GError) error = NULL;

  dashboard = aims_dashboard_load (db, NULL, &error);
  g_assert_no_error (error);
  assert_matches_sql (db, dashboard);

  /* The demo is made to show something in every tile. */
  g_assert_cmpuint (dashboard->systems.total, >, 0);
  g_assert_cmpuint (aims_dashboard_breakdown_find (&dashboard->systems.by_eu_class, "high")->count, >, 0);
  g_assert_cmpuint (dashboard->risks.above_appetite, >, 0);
  g_assert_cmpuint (dashboard->risks.review_overdue, >, 0);
  for (AimsObjectiveState s = AIMS_OBJECTIVE_NOT_MEASURED; s <= AIMS_OBJECTIVE_OVERDUE; s++)
    g_assert_cmpuint (dashboard->objectives.state_counts[s], >, 0);
  g_assert_cmpuint (dashboard->nonconformities.open, >, 0);
  g_assert_cmpuint (dashboard->nonconformities.actions_overdue, >, 0);
  g_assert_cmpuint (dashboard->soa.implemented, >, 0);
  g_assert_cmpuint (dashboard->soa.decided, <, dashboard->soa.controls);
  fixture_close_db (&db);
}

static void
test_dashboard_empty (FixtureDb     *f,
                      gconstpointer  data)
{
  g_autoptr(AimsDashboard) dashboard = NULL;
  g_autoptr(GError) error = NULL;

  dashboard = aims_dashboard_load (f->db, NULL, &error);
  g_assert_no_error (error);
  assert_matches_sql (f->db, dashboard);
  g_assert_cmpuint (dashboard->systems.total + dashboard->risks.open + dashboard->objectives.total, ==, 0);
  g_assert_cmpuint (dashboard->nonconformities.open + dashboard->nonconformities.actions_open, ==, 0);
  g_assert_cmpuint (dashboard->nonconformities.by_severity.counts->len, ==, 5);
  /* Every category is there with its zero, for a stable tile. */
  g_assert_cmpuint (dashboard->systems.by_stage.counts->len, ==, 8);
  g_assert_cmpuint (dashboard->risks.by_band.counts->len, >, 1);
}

/* A day given is the day the figures are for. */
static void
test_dashboard_today (FixtureDb     *f,
                      gconstpointer  data)
{
  g_autoptr(GHashTable) values = fixture_values ("title", "Incidents", "target", "10", "direction", "lower",
                                                 "frequency", "monthly", NULL);
  g_autoptr(AimsRecord) objective = fixture_insert (f->db, aims_entity_objectives (), values);
  g_autoptr(GHashTable) measured = fixture_values ("objective_id", "OBJ-001", "measured_on", "2025-01-31",
                                                   "value", "9", NULL);
  g_autoptr(AimsRecord) measurement = fixture_insert (f->db, aims_entity_measurements (), measured);
  g_autoptr(AimsDashboard) before = NULL;
  g_autoptr(AimsDashboard) after = NULL;
  GDate day;

  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 20, 2, 2025);
  before = aims_dashboard_load (f->db, &day, NULL);
  g_assert_cmpuint (before->objectives.state_counts[AIMS_OBJECTIVE_ON_TRACK], ==, 1);
  g_date_set_dmy (&day, 1, 3, 2025);
  after = aims_dashboard_load (f->db, &day, NULL);
  g_assert_cmpuint (after->objectives.state_counts[AIMS_OBJECTIVE_OVERDUE], ==, 1);
  g_assert_cmpint (g_date_get_day (&after->today), ==, 1);
}

static void
loaded_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  AimsDashboard **dashboard = user_data;
  g_autoptr(GError) error = NULL;

  *dashboard = aims_dashboard_load_finish (result, &error);
  g_assert_no_error (error);
}

static void
test_dashboard_async (void)
{
  g_autofree char *path = fixture_create_demo_file ("demo.aims");
  AimsDb *db = fixture_open_db (path, AIMS_DB_OPEN_DEFAULT);
  g_autoptr(AimsDashboard) here = aims_dashboard_load (db, NULL, NULL);
  AimsDashboard *there = NULL;

  aims_dashboard_load_async (path, NULL, loaded_cb, &there);
  while (there == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (there->systems.total, ==, here->systems.total);
  g_assert_cmpuint (there->risks.above_appetite, ==, here->risks.above_appetite);
  g_assert_cmpmem (there->objectives.state_counts, sizeof there->objectives.state_counts,
                   here->objectives.state_counts, sizeof here->objectives.state_counts);
  aims_dashboard_free (there);
  fixture_close_db (&db);
}

int
main (int    argc,
      char **argv)
{
  fixture_init (&argc, &argv);

  g_test_add_func ("/dashboard/demo", test_dashboard_demo);
  FIXTURE_ADD_DB_TEST ("/dashboard/empty", test_dashboard_empty);
  FIXTURE_ADD_DB_TEST ("/dashboard/today", test_dashboard_today);
  g_test_add_func ("/dashboard/async", test_dashboard_async);

  return g_test_run ();
}
