/* bench-risks-page.c — the Risks page over 100,000 risks
 *
 * What a user waits for on a large register: opening the page (reading the
 * register, filling the table, counting the heatmap), a click on a heatmap
 * cell (filtering the table to it) and a filter by AI system (table and
 * heatmap). Prints figures; asserts nothing about time. Needs a display
 * (run it as build-aux/dev runs the GUI tests, under xvfb-run); without one
 * it says so and exits 77.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>

#include "aims-risks-page.h"
#include "bench-fill.h"

#define N_RISKS   100000
#define N_SYSTEMS 40
#define N_PEOPLE  25

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1e3;
}

static void
iterate_pending (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AimsDb) db = NULL;
  g_autoptr(AimsContext) context = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  AimsRecordList *list;
  AimsRiskHeatmap *heatmap;
  GtkWidget *window, *page;
  gint64 start;
  guint best_l = 1, best_i = 1;

  if (!gtk_init_check ())
    {
      g_print ("bench-risks-page: no display, skipped\n");
      return 77;
    }
  adw_init ();

  dir = g_dir_make_tmp ("aims-bench-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "large.aimsdb", NULL);
  db = aims_db_open (path, AIMS_DB_OPEN_CREATE, &error);
  g_assert_no_error (error);
  bench_fill_risks (db, N_RISKS, N_SYSTEMS, N_PEOPLE);

  context = aims_context_new (NULL);
  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1360, 840);
  page = aims_risks_page_new (context);
  gtk_window_set_child (GTK_WINDOW (window), page);
  gtk_window_present (GTK_WINDOW (window));
  iterate_pending ();
  list = aims_record_page_get_record_list (AIMS_RECORD_PAGE (page));
  heatmap = aims_risks_page_get_heatmap (AIMS_RISKS_PAGE (page));

  g_print ("Risks page over %u risks:\n", N_RISKS);
  start = g_get_monotonic_time ();
  aims_context_set_db (context, db);
  iterate_pending ();
  g_print ("  open: read, fill the table, count the heatmap   %8.1f ms  (%u shown)\n",
           ms_since (start), aims_record_list_get_n_shown (list));

  for (guint l = 1; l <= 5; l++)
    for (guint i = 1; i <= 5; i++)
      if (aims_risk_heatmap_get_count (heatmap, FALSE, l, i) >
          aims_risk_heatmap_get_count (heatmap, FALSE, best_l, best_i))
        best_l = l, best_i = i;

  start = g_get_monotonic_time ();
  aims_risks_page_toggle_cell (AIMS_RISKS_PAGE (page), FALSE, best_l, best_i);
  iterate_pending ();
  g_print ("  click a cell: table filtered to it              %8.1f ms  (%u shown)\n",
           ms_since (start), aims_record_list_get_n_shown (list));

  start = g_get_monotonic_time ();
  aims_risks_page_toggle_cell (AIMS_RISKS_PAGE (page), FALSE, best_l, best_i);
  iterate_pending ();
  g_print ("  click it again: every risk shown                %8.1f ms  (%u shown)\n",
           ms_since (start), aims_record_list_get_n_shown (list));

  start = g_get_monotonic_time ();
  aims_record_list_reload (list);
  iterate_pending ();
  g_print ("  reload after another user's change              %8.1f ms\n", ms_since (start));

  gtk_window_destroy (GTK_WINDOW (window));
  iterate_pending ();
  g_clear_object (&db);
  aims_context_set_db (context, NULL);
  {
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (path, "-shm", NULL);

    g_unlink (wal);
    g_unlink (shm);
    g_unlink (path);
    g_rmdir (dir);
  }
  return 0;
}
