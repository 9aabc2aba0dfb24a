/* bench-import.c — how long importing an inventory takes
 *
 * The largest of the real inventories in ../shared/data (when there), and
 * a generated file of 100,000 rows with the quirks of real ones (quoted
 * cells over two lines, commas and quotes in cells, non-ASCII names,
 * blanks, dates the US way). For each: reading the file through, the
 * check, the import in its one transaction, and undoing the batch; for the
 * large one also exporting it back to CSV. Prints figures; asserts only
 * that the work succeeded.
 *
 * Usage: bench-import [ROWS]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdlib.h>
#include <time.h>

#include <glib/gstdio.h>

#include "aims-core.h"

static double
seconds_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1e6;
}

/* Processor time of this process: on a shared, busy machine the wall
 * clock says more about the neighbours than about the import. */
static double
cpu_seconds (void)
{
  return (double) clock () / CLOCKS_PER_SEC;
}

static char *
generate (const char *dir,
          guint       n_rows)
{
  static const char *const stages[] = { "Operation and Maintenance", "Deployed", "Initiated", "c) Pilot – testing", "Retired", "" };
  static const char *const units[] = { "Finance", "Human Resources", "Claims", "Underwriting", "IT", "Legal", "Sales", "Operations" };
  char *path = g_build_filename (dir, "generated.csv", NULL);
  g_autoptr(GString) text = g_string_new ("Use Case Name,Bureau,Stage,Problem Description,Benefit Description,"
                                          "Vendor Name,Date Initiated,PII Indicator\r\n");
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < n_rows; i++)
    g_string_append_printf (text,
                            "Système %u “%u”,%s,%s,\"Reads form %u, and checks it\nagainst the \"\"register\"\"\","
                            "Fewer errors,Vendor %u,%u/%u/2024,%s\r\n",
                            i, i % 97, units[i % G_N_ELEMENTS (units)], stages[i % G_N_ELEMENTS (stages)],
                            i, i % 50, i % 12 + 1, i % 28 + 1, i % 3 == 0 ? "Yes" : i % 3 == 1 ? "No" : "");
  g_file_set_contents (path, text->str, text->len, &error);
  g_assert_no_error (error);
  return path;
}

static void
bench (const char *label,
       const char *csv,
       const char *dir,
       gboolean    export)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *db_path = g_build_filename (dir, "bench.aimsdb", NULL);
  g_autofree char *out = g_build_filename (dir, "export.csv", NULL);
  g_autoptr(AimsDb) db = NULL;
  g_autoptr(AimsImportFile) file = NULL;
  g_autoptr(AimsImportMapping) mapping = NULL;
  g_autoptr(AimsImportReport) check = NULL;
  g_autoptr(AimsImportReport) report = NULL;
  double t_load, t_check, t_run, t_undo, t_export = 0;
  double cpu_run, cpu_start;
  gint64 start;

  g_unlink (db_path);
  db = aims_db_open (db_path, AIMS_DB_OPEN_CREATE, &error);
  g_assert_no_error (error);

  start = g_get_monotonic_time ();
  file = aims_import_file_load (csv, NULL, NULL, &error);
  g_assert_no_error (error);
  mapping = aims_import_mapping_propose (aims_entity_systems (), file);
  t_load = seconds_since (start);

  start = g_get_monotonic_time ();
  check = aims_import_check (db, file, mapping, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  t_check = seconds_since (start);

  start = g_get_monotonic_time ();
  cpu_start = cpu_seconds ();
  report = aims_import_run (db, file, mapping, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  t_run = seconds_since (start);
  cpu_run = cpu_seconds () - cpu_start;

  if (export)
    {
      start = g_get_monotonic_time ();
      g_assert_true (aims_export_csv (db, aims_entity_systems (), out, &error));
      g_assert_no_error (error);
      t_export = seconds_since (start);
    }

  start = g_get_monotonic_time ();
  g_assert_true (aims_import_undo (db, report->batch_id, "bench", NULL, &error));
  g_assert_no_error (error);
  t_undo = seconds_since (start);

  g_print ("%s: %u rows, %u systems imported, %u warnings\n", label, report->rows_read, report->inserted,
           report->n_warnings);
  g_print ("  read and map  %7.2f s\n", t_load);
  g_print ("  check         %7.2f s\n", t_check);
  g_print ("  import        %7.2f s  (%.0f rows/s, one transaction; %.2f s of processor time)\n",
           t_run, report->rows_read / t_run, cpu_run);
  if (export)
    g_print ("  export csv    %7.2f s\n", t_export);
  g_print ("  undo batch    %7.2f s\n", t_undo);
}

static void
remove_folder (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = g_build_filename (path, name, NULL);

      g_unlink (file);
    }
  g_rmdir (path);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("aims-bench-import-XXXXXX", &error);
  const char *shared = g_getenv ("AIMS_SHARED_DATA_DIR");
  g_autofree char *largest = g_build_filename (shared != NULL ? shared : ".", "us-federal-ai-inventory-2024.csv", NULL);
  g_autofree char *generated = NULL;
  guint n_rows = argc > 1 ? (guint) atoi (argv[1]) : 100000;

  g_assert_no_error (error);
  if (shared != NULL && g_file_test (largest, G_FILE_TEST_EXISTS))
    bench ("us-federal-ai-inventory-2024.csv", largest, dir, FALSE);
  else
    g_print ("../shared/data is not here: the real inventory is left out\n");

  generated = generate (dir, n_rows);
  bench ("generated", generated, dir, TRUE);
  remove_folder (dir);
  return 0;
}
