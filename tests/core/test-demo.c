/* test-demo.c — the demo organisation is a realistic, valid inventory
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "core-fixtures.h"

static void
test_demo_inventory (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) systems = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) sourcing = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GDate) today = aims_date_today ();
  g_autofree char *path = fixture_create_demo_file ("demo.aims");
  g_autofree char *organisation = NULL;
  guint retired = 0, overdue = 0, owned = 0;
  AimsDb *db = fixture_open_db (path, AIMS_DB_OPEN_DEFAULT);

  organisation = aims_db_dup_organisation (db);
  g_assert_nonnull (organisation);
  g_assert_cmpstr (organisation, !=, "");

  systems = aims_store_list (db, aims_entity_systems (), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (systems->len, >=, 10);
  for (guint i = 0; i < systems->len; i++)
    {
      AimsRecord *system = systems->pdata[i];
      const char *owner = aims_record_get (system, "owner_id");

      g_assert_nonnull (aims_record_get (system, "name"));
      g_assert_nonnull (aims_record_get (system, "lifecycle_stage"));
      if (aims_record_get (system, "sourcing") != NULL)
        g_hash_table_add (sourcing, (gpointer) aims_record_get (system, "sourcing"));
      retired += aims_system_is_retired (system);
      overdue += aims_system_is_review_overdue (system, today);
      if (owner != NULL)
        {
          /* Owners are people on file, shown by name. */
          g_assert_nonnull (aims_record_get_display (system, "owner_id"));
          g_assert_cmpstr (aims_record_get_display (system, "owner_id"), !=, owner);
          owned++;
        }
    }
  g_assert_cmpuint (retired, >=, 1);
  g_assert_cmpuint (overdue, >=, 1);
  g_assert_cmpuint (owned, ==, systems->len);
  g_assert_true (g_hash_table_contains (sourcing, "in_house"));
  g_assert_true (g_hash_table_contains (sourcing, "third_party"));
  g_assert_cmpint (fixture_count_rows (db, "person"), >=, 3);

  g_assert_true (aims_check_database (db, problems, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);
  fixture_close_db (&db);
}

/* Risks for every system and a few for the whole organisation, spread over
 * the matrix, so that the heatmap tells a story. */
static void
test_demo_risks (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) risks = NULL;
  g_autoptr(GPtrArray) systems = NULL;
  g_autoptr(GHashTable) per_system = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) treatments = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) inherent_bands = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GDate) today = aims_date_today ();
  g_autoptr(AimsRiskMatrix) matrix = NULL;
  g_autofree char *path = fixture_create_demo_file ("demo.aims");
  guint organisation_wide = 0, accepted = 0, expired = 0, overdue = 0, above = 0, lowered = 0;
  AimsDb *db = fixture_open_db (path, AIMS_DB_OPEN_DEFAULT);

  matrix = aims_risk_matrix_load (db, &error);
  g_assert_no_error (error);
  risks = aims_store_list (db, aims_entity_risks (), &error);
  g_assert_no_error (error);
  systems = aims_store_list (db, aims_entity_systems (), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (risks->len, >=, 30);

  for (guint r = 0; r < risks->len; r++)
    {
      AimsRecord *risk = risks->pdata[r];
      const char *system = aims_record_get (risk, "ai_system_id");
      const char *treatment = aims_record_get (risk, "treatment");
      AimsRiskScores scores;

      aims_risk_compute (matrix, risk, today, &scores);
      g_assert_nonnull (aims_record_get_display (risk, "owner_id"));
      g_assert_true (scores.inherent.assessed);
      g_hash_table_add (inherent_bands, (gpointer) scores.inherent.band_name);
      if (system != NULL)
        g_hash_table_insert (per_system, (gpointer) system,
                             GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (per_system, system)) + 1));
      else
        organisation_wide++;
      if (treatment != NULL)
        g_hash_table_add (treatments, (gpointer) treatment);
      accepted += g_strcmp0 (treatment, "accept") == 0;
      expired += scores.acceptance_expired;
      overdue += scores.review_overdue;
      above += scores.above_appetite;
      lowered += scores.residual.assessed && scores.residual.score < scores.inherent.score;
    }

  for (guint s = 0; s < systems->len; s++)
    {
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, aims_record_get_id (systems->pdata[s]));

      g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (per_system, id)), >=, 2);
    }
  g_assert_cmpuint (organisation_wide, >=, 3);
  g_assert_cmpuint (g_hash_table_size (treatments), ==, 4);
  g_assert_cmpuint (g_hash_table_size (inherent_bands), ==, matrix->bands->len);
  g_assert_cmpuint (accepted, >=, 3);
  g_assert_cmpuint (expired, ==, 1);
  g_assert_cmpuint (overdue, >=, 3);
  g_assert_cmpuint (above, >=, 3);
  g_assert_cmpuint (lowered, >=, 20);
  fixture_close_db (&db);
}

int
main (int   argc,
      char *argv[])
{
  fixture_init (&argc, &argv);

  g_test_add_func ("/core/demo/inventory", test_demo_inventory);
  g_test_add_func ("/core/demo/risks", test_demo_risks);

  return g_test_run ();
}
