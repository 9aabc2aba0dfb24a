/* test-dashboard-page.c — the dashboard's tiles open the pages they
 * summarise, filtered to what they count, and follow other users' changes
 *
 * Real widgets in a real window on a demo database: run under Xvfb
 * (build-aux/dev test).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "aims-dashboard-page.h"
#include "aims-record-page.h"
#include "aims-window-private.h"
#include "gui-test-util.h"

static gboolean have_display;

static gboolean
window_is_idle (gpointer data)
{
  return !aims_window_get_busy (data);
}

static gboolean
figures_read (gpointer data)
{
  return !aims_dashboard_page_is_loading (data) && aims_dashboard_page_get_figures (data) != NULL;
}

/* The button of the dashboard that opens page with filter. */
static GtkWidget *
find_target (GtkWidget  *widget,
             const char *page,
             const char *filter)
{
  if (GTK_IS_BUTTON (widget) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), "win.show-page") == 0)
    {
      GVariant *target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (widget));
      const char *p, *f;

      g_variant_get (target, "(&s&s)", &p, &f);
      if (g_str_equal (p, page) && g_str_equal (f, filter))
        return widget;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_target (child, page, filter);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static guint
shown_on (AimsWindow *window,
          const char *name)
{
  GtkWidget *page = gtk_stack_get_child_by_name (window->pages_stack, name);

  return aims_record_list_get_n_shown (aims_record_page_get_record_list (AIMS_RECORD_PAGE (page)));
}

static void
click (GtkWidget *button)
{
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  gui_test_iterate_pending ();
}

static void
test_tiles_open_pages (void)
{
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AimsDb) other = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  AimsWindow *window;
  AimsDashboardPage *dashboard;
  const AimsDashboard *figures;
  const AimsDashboardCount *operation;
  guint overdue, open_risks;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }

  dir = g_dir_make_tmp ("aims-test-dashboard-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "demo.aimsdb", NULL);
  other = gui_test_create_demo (path);

  settings = gui_test_new_settings ();
  window = aims_window_new (NULL, settings);
  gtk_window_present (GTK_WINDOW (window));
  aims_window_open (window, path, AIMS_DB_OPEN_DEFAULT);
  gui_test_iterate_until (window_is_idle, window);

  g_assert_true (aims_window_set_page (window, "dashboard"));
  dashboard = AIMS_DASHBOARD_PAGE (gtk_stack_get_child_by_name (window->pages_stack, "dashboard"));
  gui_test_iterate_until (figures_read, dashboard);
  figures = aims_dashboard_page_get_figures (dashboard);

  /* A lifecycle row opens the systems of that stage. */
  operation = aims_dashboard_breakdown_find (&figures->systems.by_stage, "operation");
  g_assert_nonnull (operation);
  g_assert_cmpuint (operation->count, >, 0);
  click (find_target (GTK_WIDGET (dashboard), "systems", "lifecycle_stage=operation"));
  g_assert_cmpstr (aims_window_get_page (window), ==, "systems");
  g_assert_cmpuint (shown_on (window, "systems"), ==, operation->count);

  /* "Risk reviews overdue" opens exactly those risks. */
  overdue = figures->risks.review_overdue;
  g_assert_cmpuint (overdue, >, 0);
  g_assert_true (aims_window_set_page (window, "dashboard"));
  click (find_target (GTK_WIDGET (dashboard), "risks", "attention=review_overdue"));
  g_assert_cmpstr (aims_window_get_page (window), ==, "risks");
  g_assert_cmpuint (shown_on (window, "risks"), ==, overdue);

  /* A band row: the risks whose current band it is. */
  for (guint i = 0; i < figures->risks.by_band.counts->len; i++)
    {
      const AimsDashboardCount *band = &g_array_index (figures->risks.by_band.counts, AimsDashboardCount, i);
      g_autofree char *filter = NULL;

      if (band->key == NULL)
        continue;
      filter = g_strdup_printf ("band=%s", band->key);
      g_assert_true (aims_window_set_page (window, "dashboard"));
      click (find_target (GTK_WIDGET (dashboard), "risks", filter));
      g_assert_cmpuint (shown_on (window, "risks"), ==, band->count);
    }

  /* Nonconformities: the open ones, by severity, and those with an
   * overdue corrective action. */
  g_assert_cmpuint (figures->nonconformities.open, >, 0);
  g_assert_true (aims_window_set_page (window, "dashboard"));
  click (find_target (GTK_WIDGET (dashboard), "nonconformities", "open=1"));
  g_assert_cmpstr (aims_window_get_page (window), ==, "nonconformities");
  g_assert_cmpuint (shown_on (window, "nonconformities"), ==, figures->nonconformities.open);
  for (guint i = 0; i < figures->nonconformities.by_severity.counts->len; i++)
    {
      const AimsDashboardCount *severity = &g_array_index (figures->nonconformities.by_severity.counts,
                                                           AimsDashboardCount, i);
      g_autofree char *filter = NULL;

      if (severity->key == NULL)
        continue;
      filter = g_strdup_printf ("severity=%s;open=1", severity->key);
      g_assert_true (aims_window_set_page (window, "dashboard"));
      click (find_target (GTK_WIDGET (dashboard), "nonconformities", filter));
      g_assert_cmpuint (shown_on (window, "nonconformities"), ==, severity->count);
    }
  g_assert_cmpuint (figures->nonconformities.actions_overdue, >, 0);
  g_assert_true (aims_window_set_page (window, "dashboard"));
  click (find_target (GTK_WIDGET (dashboard), "nonconformities", "overdue=1"));
  g_assert_cmpuint (shown_on (window, "nonconformities"), ==, figures->nonconformities.with_overdue);

  /* Another user closes a risk: the dashboard reads the figures again. */
  open_risks = figures->risks.open;
  {
    g_autoptr(GHashTable) changes = g_hash_table_new (g_str_hash, g_str_equal);
    g_autoptr(AimsRecord) risk = aims_store_load (other, aims_entity_risks (), 1, &error);
    g_autoptr(AimsRecord) closed = NULL;

    g_assert_no_error (error);
    g_hash_table_insert (changes, "status", "closed");
    closed = aims_store_update (other, aims_entity_risks (), 1, aims_record_get_row_version (risk),
                                changes, "Someone Else", &error);
    g_assert_no_error (error);
  }
  aims_context_emit_data_changed (aims_window_get_context (window));
  gui_test_iterate_until (figures_read, dashboard);
  g_assert_cmpuint (aims_dashboard_page_get_figures (dashboard)->risks.open, ==, open_risks - 1);

  gtk_window_destroy (GTK_WINDOW (window));
  gui_test_iterate_pending ();
  g_clear_object (&other);
  gui_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  have_display = gui_test_init (&argc, &argv);

  g_test_add_func ("/dashboard/tiles-open-pages", test_tiles_open_pages);

  return g_test_run ();
}
