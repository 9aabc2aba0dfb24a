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

int
main (int   argc,
      char *argv[])
{
  fixture_init (&argc, &argv);

  g_test_add_func ("/core/demo/inventory", test_demo_inventory);

  return g_test_run ();
}
