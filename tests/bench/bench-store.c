/* bench-store.c — how the store scales with the size of the inventory
 *
 * Prints figures; asserts nothing about time (machines are shared and noisy).
 * Compare the ratios within one run: per-row cost of insert, update, list and
 * audit verification at 1 000 and 10 000 systems, local and shared mode.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>

#include "aims-core.h"

static double
seconds_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1e6;
}

static void
run (guint           n_systems,
     AimsDbOpenFlags flags,
     const char     *label)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("aims-bench-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "bench.aimsdb", NULL);
  g_autoptr(AimsDb) db = aims_db_open (path, flags | AIMS_DB_OPEN_CREATE, &error);
  g_autoptr(GHashTable) values = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autoptr(GPtrArray) list = NULL;
  gint64 start, broken, n_rows;
  double t_insert, t_update, t_list, t_verify;

  g_assert_no_error (error);

  start = g_get_monotonic_time ();
  for (guint i = 0; i < n_systems; i++)
    {
      g_autoptr(AimsRecord) record = NULL;

      g_hash_table_insert (values, "name", g_strdup_printf ("System %u", i));
      g_hash_table_insert (values, "lifecycle_stage", g_strdup ("operation"));
      g_hash_table_insert (values, "description", g_strdup ("A system used for benchmarking the store."));
      record = aims_store_insert (db, aims_entity_systems (), values, "bench", &error);
      g_assert_no_error (error);
    }
  t_insert = seconds_since (start);

  start = g_get_monotonic_time ();
  list = aims_store_list (db, aims_entity_systems (), &error);
  g_assert_no_error (error);
  t_list = seconds_since (start);

  start = g_get_monotonic_time ();
  for (guint i = 0; i < 200; i++)
    {
      AimsRecord *record = g_ptr_array_index (list, i % list->len);
      g_autoptr(GHashTable) changes = g_hash_table_new (g_str_hash, g_str_equal);
      g_autoptr(AimsRecord) updated = NULL;

      g_hash_table_insert (changes, "business_unit", i % 2 ? "Operations" : "Claims");
      updated = aims_store_update (db, aims_entity_systems (), aims_record_get_id (record),
                                   -1, changes, "bench", &error);
      g_assert_no_error (error);
    }
  t_update = seconds_since (start);

  start = g_get_monotonic_time ();
  g_assert_true (aims_audit_verify (db, &broken, &n_rows, &error));
  t_verify = seconds_since (start);

  g_print ("%-6s %6u systems: insert %7.3f ms/row, update %7.3f ms/row, "
           "list %7.1f ms (%5.2f µs/row), verify %7.1f ms for %" G_GINT64_FORMAT " audit rows\n",
           label, n_systems, t_insert * 1e3 / n_systems, t_update * 1e3 / 200,
           t_list * 1e3, t_list * 1e6 / n_systems, t_verify * 1e3, n_rows);

  g_clear_object (&db);
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  run (1000, AIMS_DB_OPEN_DEFAULT, "local");
  run (10000, AIMS_DB_OPEN_DEFAULT, "local");
  run (1000, AIMS_DB_OPEN_SHARED, "shared");
  return 0;
}
