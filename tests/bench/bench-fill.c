/* bench-fill.c — a large register for the benchmarks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bench-fill.h"

void
bench_fill_risks (AimsDb *db,
                  guint   n_risks,
                  guint   n_systems,
                  guint   n_people)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;

  for (guint i = 0; i < n_people + n_systems; i++)
    {
      g_autoptr(GHashTable) values = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
      g_autoptr(AimsRecord) record = NULL;
      gboolean person = i < n_people;

      g_hash_table_insert (values, "name", g_strdup_printf (person ? "Person %u" : "System %u", i));
      record = aims_store_insert (db, person ? aims_entity_people () : aims_entity_systems (),
                                  values, "bench", &error);
      g_assert_no_error (error);
    }

  sql = g_strdup_printf (
    "BEGIN IMMEDIATE;"
    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %d)"
    " INSERT INTO risk (reference, created_at, created_by, updated_at, updated_by, title,"
    "   ai_system_id, source_category, owner_id, inherent_likelihood, inherent_impact,"
    "   residual_likelihood, residual_impact, treatment, status, next_review_date)"
    " SELECT printf('RSK-%%06d', i), '2025-01-01T00:00:00Z', 'bench', '2025-01-01T00:00:00Z', 'bench',"
    "   'Risk ' || i,"
    "   CASE WHEN i %% 10 = 0 THEN NULL ELSE 1 + i %% %d END,"
    "   CASE i %% 7 WHEN 0 THEN 'data' WHEN 1 THEN 'model' WHEN 2 THEN 'operational'"
    "     WHEN 3 THEN 'societal_ethical' WHEN 4 THEN 'legal_compliance' WHEN 5 THEN 'security'"
    "     ELSE 'third_party' END,"
    "   1 + i %% %d,"
    "   1 + abs(random()) %% 5, 1 + abs(random()) %% 5,"
    "   CASE WHEN i %% 5 = 0 THEN NULL ELSE 1 + abs(random()) %% 3 END, 1 + abs(random()) %% 4,"
    "   'mitigate', CASE WHEN i %% 50 = 0 THEN 'closed' ELSE 'assessed' END, '2030-01-01'"
    " FROM n;"
    "COMMIT;", n_risks, n_systems, n_people);
  aims_db_exec (db, sql, &error);
  g_assert_no_error (error);
}

