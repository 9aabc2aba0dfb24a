/* test-window.c — the application shell: window, opening, pages, recent
 *
 * Real widgets: run under Xvfb (build-aux/dev test). Without a display the
 * widget tests skip.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <unistd.h>

#include <glib/gstdio.h>

#include "aims-application.h"
#include "aims-core.h"
#include "aims-link-chooser.h"
#include "aims-pages.h"
#include "aims-record-page.h"
#include "aims-review-export.h"
#include "aims-window-private.h"
#include "gui-test-util.h"

static gboolean have_display;
static char *fixture_dir;   /* made once per run: the demo and the bad files */
static char *demo_file;

/* Helpers */

/* The demo organisation for every test that only reads it, made once. */
static void
ensure_fixtures (void)
{
  g_autoptr(AimsDb) db = NULL;
  g_autoptr(GError) error = NULL;

  if (fixture_dir != NULL)
    return;

  fixture_dir = g_dir_make_tmp ("aims-test-window-XXXXXX", &error);
  g_assert_no_error (error);
  demo_file = g_build_filename (fixture_dir, "Demo Organisation.aimsdb", NULL);
  db = gui_test_create_demo (demo_file);
}

/* Also makes the fixtures, which every widget test uses. */
static gboolean
skip_without_display (void)
{
  if (!have_display)
    {
      g_test_skip ("no display");
      return TRUE;
    }

  ensure_fixtures ();

  return FALSE;
}

static gboolean
window_is_idle (gpointer data)
{
  return !aims_window_get_busy (data);
}

static AimsWindow *
new_window (GSettings *settings)
{
  AimsWindow *window = aims_window_new (NULL, settings);

  gtk_window_present (GTK_WINDOW (window));
  gui_test_iterate_pending ();

  return window;
}

static gboolean
is_null (gpointer data)
{
  return *(gpointer *) data == NULL;
}

/* Destroys window and checks that nothing keeps it, its pages or its
 * context alive. */
static void
destroy_window (AimsWindow *window)
{
  AimsContext *context = aims_window_get_context (window);
  GtkWidget *page = gtk_stack_get_visible_child (window->pages_stack);

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  g_object_add_weak_pointer (G_OBJECT (page), (gpointer *) &page);
  g_object_add_weak_pointer (G_OBJECT (context), (gpointer *) &context);
  gtk_window_destroy (GTK_WINDOW (window));
  gui_test_iterate_until (is_null, &window);
  gui_test_iterate_until (is_null, &page);
  gui_test_iterate_until (is_null, &context);
}

static AdwMessageDialog *
find_message_dialog (void)
{
  return gui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, G_TYPE_INVALID);
}

static char *
read_bytes (const char *path,
            gsize      *length)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, length, &error);
  g_assert_no_error (error);

  return contents;
}

static void
open_and_wait (AimsWindow *window,
               const char *path)
{
  aims_window_open (window, path, AIMS_DB_OPEN_DEFAULT);
  g_assert_true (aims_window_get_busy (window));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->main_stack), ==, "opening");
  gui_test_iterate_until (window_is_idle, window);
}

/* Opening path fails with a dialog naming the file, and changes nothing:
 * not the window, not the settings, not the file. */
static void
assert_open_fails (AimsWindow *window,
                   const char *path)
{
  g_autofree char *name = g_path_get_basename (path);
  g_autofree char *title_before = g_strdup (gtk_window_get_title (GTK_WINDOW (window)));
  g_autofree char *state_before = g_strdup (gtk_stack_get_visible_child_name (window->main_stack));
  g_autofree char *bytes_before = NULL;
  g_autofree char *bytes_after = NULL;
  g_auto(GStrv) recent = NULL;
  AimsDb *db_before = aims_context_get_db (aims_window_get_context (window));
  gboolean existed = g_file_test (path, G_FILE_TEST_EXISTS);
  gsize length_before = 0, length_after = 0;
  AdwMessageDialog *dialog;

  if (existed)
    bytes_before = read_bytes (path, &length_before);

  g_assert_null (find_message_dialog ());
  open_and_wait (window, path);

  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Could Not Open Database");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), name));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));
  gtk_window_destroy (GTK_WINDOW (dialog));
  gui_test_iterate_pending ();

  g_assert_true (aims_context_get_db (aims_window_get_context (window)) == db_before);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, title_before);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->main_stack), ==, state_before);

  recent = g_settings_get_strv (window->settings, "recent-databases");
  for (guint i = 0; recent[i] != NULL; i++)
    g_assert_null (strstr (recent[i], name));

  g_assert_cmpint (existed, ==, g_file_test (path, G_FILE_TEST_EXISTS));
  if (existed)
    {
      bytes_after = read_bytes (path, &length_after);
      g_assert_cmpmem (bytes_before, length_before, bytes_after, length_after);
    }
}

/* Tests without a display */

static void
test_recent_list (void)
{
  const char *list[] = { "/a", "/b", "/c", NULL };
  g_auto(GStrv) again = NULL;
  g_auto(GStrv) added = NULL;
  g_auto(GStrv) cut = NULL;
  g_auto(GStrv) removed = NULL;
  g_auto(GStrv) from_nothing = NULL;

  again = aims_recent_list_prepend (list, "/b", 8);
  g_assert_cmpstrv (again, ((const char *[]) { "/b", "/a", "/c", NULL }));

  added = aims_recent_list_prepend (list, "/d", 8);
  g_assert_cmpstrv (added, ((const char *[]) { "/d", "/a", "/b", "/c", NULL }));

  cut = aims_recent_list_prepend (list, "/d", 2);
  g_assert_cmpstrv (cut, ((const char *[]) { "/d", "/a", NULL }));

  removed = aims_recent_list_remove (list, "/a");
  g_assert_cmpstrv (removed, ((const char *[]) { "/b", "/c", NULL }));

  from_nothing = aims_recent_list_prepend (NULL, "/x", 8);
  g_assert_cmpstrv (from_nothing, ((const char *[]) { "/x", NULL }));
}

static void
test_pages_table (void)
{
  const AimsPageInfo *pages;
  g_autofree char *names = NULL;
  guint n_pages;

  pages = aims_pages_get (&n_pages);
  g_assert_cmpuint (n_pages, >=, 2);
  g_assert_true (aims_pages_lookup ("systems") != NULL);
  g_assert_true (aims_pages_lookup ("people") != NULL);
  g_assert_null (aims_pages_lookup ("nope"));
  g_assert_null (aims_pages_lookup (NULL));

  for (guint i = 0; i < n_pages; i++)
    {
      g_assert_true (aims_pages_lookup (pages[i].name) == &pages[i]);
      g_assert_true (g_type_is_a (pages[i].get_type (), GTK_TYPE_WIDGET));
      g_assert_nonnull (g_object_class_find_property (g_type_class_ref (pages[i].get_type ()), "context"));
    }

  names = aims_pages_dup_names ();
  g_assert_nonnull (strstr (names, "systems"));
  g_assert_nonnull (strstr (names, "people"));
}

static void
test_unknown_page_option (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(AimsApplication) app = aims_application_new ();
      char *argv[] = { (char *) "aimsdesk", (char *) "--page", (char *) "nope", NULL };

      /* Exit status 2, before any window or settings. */
      g_assert_cmpint (g_application_run (G_APPLICATION (app), 3, argv), ==, 2);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr ("*nope*systems*people*");
}

/* Widget tests */

static void
test_welcome (void)
{
  g_autoptr(GSettings) settings = NULL;
  AimsWindow *window;
  const AimsPageInfo *pages;
  guint n_pages;

  if (skip_without_display ())
    return;

  settings = gui_test_new_settings ();
  window = new_window (settings);

  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "AIMS Desk");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->main_stack), ==, "welcome");
  g_assert_cmpstr (adw_status_page_get_title (window->welcome_page), ==, "Welcome to AIMS Desk");
  g_assert_false (gtk_widget_get_visible (window->recent_group));
  g_assert_null (aims_context_get_db (aims_window_get_context (window)));
  g_assert_false (aims_window_get_busy (window));

  /* The sidebar and the stack follow the table of pages. */
  pages = aims_pages_get (&n_pages);
  for (guint i = 0; i < n_pages; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (window->sidebar_list, i);
      GtkWidget *page = gtk_stack_get_child_by_name (window->pages_stack, pages[i].name);

      g_assert_nonnull (row);
      g_assert_cmpstr (gtk_widget_get_name (GTK_WIDGET (row)), ==, pages[i].name);
      g_assert_nonnull (page);
      g_assert_true (G_TYPE_CHECK_INSTANCE_TYPE (page, pages[i].get_type ()));
    }
  g_assert_null (gtk_list_box_get_row_at_index (window->sidebar_list, n_pages));

  /* With no last page saved: the dashboard, the AIMS at a glance. */
  g_assert_cmpstr (aims_window_get_page (window), ==, "dashboard");

  destroy_window (window);
}

static void
test_open (void)
{
  g_autoptr(GSettings) settings = NULL;
  g_autofree char *name = NULL;
  g_auto(GStrv) recent = NULL;
  AimsWindow *window;
  AimsDb *db;

  if (skip_without_display ())
    return;

  name = g_path_get_basename (demo_file);

  settings = gui_test_new_settings ();
  window = new_window (settings);

  open_and_wait (window, demo_file);
  g_assert_null (find_message_dialog ());

  db = aims_context_get_db (aims_window_get_context (window));
  g_assert_nonnull (db);
  g_assert_false (aims_db_is_read_only (db));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->main_stack), ==, "database");

  /* The title names the database and the program; the header says where
   * it is. */
  g_assert_nonnull (strstr (gtk_window_get_title (GTK_WINDOW (window)), name));
  g_assert_nonnull (strstr (gtk_window_get_title (GTK_WINDOW (window)), "AIMS Desk"));
  g_assert_cmpstr (gtk_label_get_text (window->db_title_label), ==, name);
  g_assert_cmpstr (gtk_label_get_text (window->db_subtitle_label), ==, "Local file");
  g_assert_false (gtk_revealer_get_reveal_child (window->read_only_revealer));

  /* Remembered, first. */
  recent = g_settings_get_strv (settings, "recent-databases");
  g_assert_cmpstr (recent[0], ==, demo_file);
  g_assert_true (gtk_widget_get_visible (window->recent_group));

  /* Pages by name, as --page does; the choice is remembered. */
  g_assert_true (aims_window_set_page (window, "people"));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->pages_stack), ==, "people");
  g_assert_cmpstr (aims_window_get_page (window), ==, "people");
  g_assert_true (gtk_list_box_get_selected_row (window->sidebar_list) ==
                 gtk_list_box_get_row_at_index (window->sidebar_list,
                                                aims_pages_lookup ("people") - aims_pages_get (NULL)));
  g_assert_cmpstr (g_settings_get_string (settings, "last-page"), ==, "people");
  g_assert_false (aims_window_set_page (window, "nope"));
  g_assert_cmpstr (aims_window_get_page (window), ==, "people");

  /* Ctrl+F and closing go to the pages by convention; pages without the
   * actions are left alone. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL));
  _aims_window_flush_pages (window);

  /* A new window opens on the page last shown. */
  destroy_window (window);
  window = new_window (settings);
  g_assert_cmpstr (aims_window_get_page (window), ==, "people");
  destroy_window (window);
}

static void
test_open_bad_files (void)
{
  g_autoptr(GSettings) settings = NULL;
  g_autofree char *garbage = NULL;
  g_autofree char *empty = NULL;
  g_autofree char *missing = NULL;
  g_autoptr(GError) error = NULL;
  guint8 noise[4096];
  AimsWindow *window;

  if (skip_without_display ())
    return;

  garbage = g_build_filename (fixture_dir, "garbage.aimsdb", NULL);
  empty = g_build_filename (fixture_dir, "empty.aimsdb", NULL);
  missing = g_build_filename (fixture_dir, "missing.aimsdb", NULL);

  for (guint i = 0; i < sizeof noise; i++)
    noise[i] = (guint8) g_test_rand_int_range (0, 256);
  g_file_set_contents (garbage, (const char *) noise, sizeof noise, &error);
  g_assert_no_error (error);
  g_file_set_contents (empty, "", 0, &error);
  g_assert_no_error (error);

  settings = gui_test_new_settings ();
  window = new_window (settings);

  /* From the welcome page: it stays. */
  assert_open_fails (window, missing);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->main_stack), ==, "welcome");
  assert_open_fails (window, garbage);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->main_stack), ==, "welcome");

  /* With a database open: it stays open. */
  open_and_wait (window, demo_file);
  g_assert_nonnull (aims_context_get_db (aims_window_get_context (window)));
  assert_open_fails (window, garbage);
  assert_open_fails (window, empty);
  assert_open_fails (window, missing);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->main_stack), ==, "database");

  destroy_window (window);
}

static void
test_cancel_open (void)
{
  g_autoptr(GSettings) settings = NULL;
  AimsWindow *window;

  if (skip_without_display ())
    return;

  settings = gui_test_new_settings ();
  window = new_window (settings);

  aims_window_open (window, demo_file, AIMS_DB_OPEN_DEFAULT);
  g_assert_true (aims_window_get_busy (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.cancel-open", NULL));
  g_assert_false (aims_window_get_busy (window));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->main_stack), ==, "welcome");

  /* Whatever the cancelled open returns later is dropped. */
  gui_test_iterate_for (300);
  g_assert_null (aims_context_get_db (aims_window_get_context (window)));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->main_stack), ==, "welcome");
  g_assert_null (find_message_dialog ());

  destroy_window (window);
}

static void
test_open_demo (void)
{
  g_autoptr(GSettings) settings = NULL;
  g_autofree char *path = NULL;
  AimsWindow *window;

  if (skip_without_display ())
    return;

  /* Made in the user's data folder (isolated for this test). */
  path = g_build_filename (g_get_user_data_dir (), "aimsdesk", "demo.aimsdb", NULL);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  settings = gui_test_new_settings ();
  window = new_window (settings);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-demo", NULL));
  g_assert_true (aims_window_get_busy (window));
  gui_test_iterate_until (window_is_idle, window);

  g_assert_null (find_message_dialog ());
  g_assert_nonnull (aims_context_get_db (aims_window_get_context (window)));
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_nonnull (strstr (gtk_window_get_title (GTK_WINDOW (window)), "demo.aimsdb"));
  g_assert_cmpstr (gtk_label_get_text (window->db_subtitle_label), ==, "Local file");

  destroy_window (window);
}

static void
test_open_shared (void)
{
  g_autoptr(GSettings) settings = NULL;
  g_autofree char *shared = NULL;
  g_autoptr(AimsDb) made = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) recent_shared = NULL;
  AimsWindow *window;

  if (skip_without_display ())
    return;

  shared = g_build_filename (fixture_dir, "shared.aimsdb", NULL);

  made = aims_db_open (shared, AIMS_DB_OPEN_CREATE | AIMS_DB_OPEN_SHARED, &error);
  g_assert_no_error (error);
  g_clear_object (&made);

  settings = gui_test_new_settings ();
  window = new_window (settings);

  aims_window_open (window, shared, AIMS_DB_OPEN_SHARED);
  gui_test_iterate_until (window_is_idle, window);
  g_assert_null (find_message_dialog ());
  g_assert_cmpstr (gtk_label_get_text (window->db_subtitle_label), ==, "Shared file");

  /* Reopened from the recent list as shared again. */
  recent_shared = g_settings_get_strv (settings, "recent-shared");
  g_assert_cmpstr (recent_shared[0], ==, shared);
  g_assert_true (_aims_window_is_recent_shared (window, shared));

  destroy_window (window);
}

static void
test_open_read_only (void)
{
  g_autoptr(GSettings) settings = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;
  AimsWindow *window;

  if (skip_without_display ())
    return;

  folder = g_build_filename (fixture_dir, "read-only", NULL);
  path = g_build_filename (folder, "locked.aimsdb", NULL);

  contents = read_bytes (demo_file, &length);
  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_chmod (path, 0444), ==, 0);
  g_assert_cmpint (g_chmod (folder, 0555), ==, 0);

  if (access (path, W_OK) == 0)
    {
      g_chmod (folder, 0700);
      g_test_skip ("read-only files are writable for this user (root?)");
      return;
    }

  settings = gui_test_new_settings ();
  window = new_window (settings);

  open_and_wait (window, path);
  g_assert_null (find_message_dialog ());
  g_assert_true (aims_db_is_read_only (aims_context_get_db (aims_window_get_context (window))));
  g_assert_cmpstr (gtk_label_get_text (window->db_subtitle_label), ==, "Read-only");
  g_assert_true (gtk_revealer_get_reveal_child (window->read_only_revealer));
  g_assert_cmpstr (gtk_label_get_text (window->read_only_label), !=, "");

  destroy_window (window);
  g_chmod (folder, 0700);
}

static void
test_recent_missing (void)
{
  g_autoptr(GSettings) settings = NULL;
  g_autofree char *gone = NULL;
  const char *recent[] = { NULL, NULL, NULL };
  g_auto(GStrv) after = NULL;
  AimsWindow *window;

  if (skip_without_display ())
    return;

  gone = g_build_filename (fixture_dir, "gone.aimsdb", NULL);

  recent[0] = gone;
  recent[1] = demo_file;

  settings = gui_test_new_settings ();
  g_settings_set_strv (settings, "recent-databases", recent);
  window = new_window (settings);
  g_assert_true (gtk_widget_get_visible (window->recent_group));
  g_assert_nonnull (gtk_list_box_get_row_at_index (window->recent_list, 1));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-recent", "s", gone));
  gui_test_iterate_pending ();

  /* Not opened; dropped from the list, on the page and in the settings. */
  g_assert_false (aims_window_get_busy (window));
  g_assert_null (find_message_dialog ());
  after = g_settings_get_strv (settings, "recent-databases");
  g_assert_cmpstrv (after, ((const char *[]) { demo_file, NULL }));
  g_assert_null (gtk_list_box_get_row_at_index (window->recent_list, 1));

  destroy_window (window);
}

/* The application: aimsdesk DB --page people */

typedef struct
{
  GApplication *app;
  AimsWindow   *window;
  gboolean      checked;
  guint         ticks;
} AppRun;

static gboolean
app_check_cb (gpointer user_data)
{
  AppRun *run = user_data;
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (run->app));

  if (++run->ticks > GUI_TEST_WAIT_SECONDS * 10)
    g_error ("the application did not open the database in %d s", GUI_TEST_WAIT_SECONDS);

  if (!AIMS_IS_WINDOW (active) || aims_window_get_busy (AIMS_WINDOW (active)))
    return G_SOURCE_CONTINUE;

  run->window = AIMS_WINDOW (active);
  g_assert_null (find_message_dialog ());
  g_assert_nonnull (aims_context_get_db (aims_window_get_context (run->window)));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (run->window->pages_stack), ==, "people");
  g_assert_nonnull (strstr (gtk_window_get_title (active), "AIMS Desk"));
  run->checked = TRUE;

  g_action_group_activate_action (G_ACTION_GROUP (run->app), "quit", NULL);

  return G_SOURCE_REMOVE;
}

static void
test_application_command_line (void)
{
  g_autoptr(AimsApplication) app = NULL;
  g_autoptr(GSettings) settings = NULL;
  char *argv[] = { (char *) "aimsdesk", NULL, (char *) "--page", (char *) "people", NULL };
  AppRun run = { 0 };
  int status;

  if (skip_without_display ())
    return;

  argv[1] = demo_file;

  settings = gui_test_new_settings ();

  app = aims_application_new ();
  g_application_set_flags (G_APPLICATION (app),
                           G_APPLICATION_HANDLES_COMMAND_LINE | G_APPLICATION_NON_UNIQUE);
  run.app = G_APPLICATION (app);
  g_timeout_add (100, app_check_cb, &run);

  status = g_application_run (G_APPLICATION (app), 4, argv);

  g_assert_cmpint (status, ==, 0);
  g_assert_true (run.checked);
}

/* "Add Risk…" on an AI system opens the Risks page with the new-risk
 * dialog, the system and its owner chosen; Add stores the risk for it. */
static void
test_new_risk_from_system (void)
{
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AimsDb) other = NULL;
  g_autoptr(AimsRecord) stored = NULL;
  g_autoptr(GPtrArray) risks = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *system_id = NULL;
  AimsWindow *window;
  GtkWidget *systems_page;
  AimsRecord *system;
  AdwMessageDialog *dialog;
  GtkWidget *title_row;
  AimsLinkChooser *choosers[2] = { NULL, NULL };
  guint n_choosers = 0;

  if (skip_without_display ())
    return;

  dir = g_dir_make_tmp ("aims-test-new-risk-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "demo.aimsdb", NULL);
  other = gui_test_create_demo (path);

  settings = gui_test_new_settings ();
  window = new_window (settings);
  open_and_wait (window, path);
  g_assert_true (aims_window_set_page (window, "systems"));
  systems_page = gtk_stack_get_child_by_name (window->pages_stack, "systems");
  system = aims_record_list_get_selected (aims_record_page_get_record_list (AIMS_RECORD_PAGE (systems_page)));
  g_assert_nonnull (system);
  system_id = g_strdup_printf ("%" G_GINT64_FORMAT, aims_record_get_id (system));

  g_assert_true (gtk_widget_activate_action (systems_page, "page.add-risk", NULL));
  gui_test_iterate_pending ();
  g_assert_cmpstr (aims_window_get_page (window), ==, "risks");
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "New Risk");

  /* The system, then the owner: the system's own owner proposed. */
  for (GtkWidget *w = gui_test_find_widget (adw_message_dialog_get_extra_child (dialog),
                                            GTK_TYPE_LIST_BOX, NULL);
       w != NULL; w = NULL)
    for (GtkWidget *row = gtk_widget_get_first_child (w); row != NULL; row = gtk_widget_get_next_sibling (row))
      if (AIMS_IS_LINK_CHOOSER (row) && n_choosers < 2)
        choosers[n_choosers++] = AIMS_LINK_CHOOSER (row);
  g_assert_cmpuint (n_choosers, ==, 2);
  g_assert_cmpstr (aims_link_chooser_get_record_id (choosers[0]), ==, system_id);
  g_assert_cmpstr (aims_link_chooser_get_record_id (choosers[1]), ==, aims_record_get (system, "owner_id"));

  /* No title yet: Add waits for one. */
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "add"));
  title_row = gui_test_find_widget (adw_message_dialog_get_extra_child (dialog), ADW_TYPE_ENTRY_ROW, NULL);
  gtk_editable_set_text (GTK_EDITABLE (title_row), "Model drifts after the supplier retrains it");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "add"));
  adw_message_dialog_response (dialog, "add");
  gtk_window_destroy (GTK_WINDOW (dialog));
  gui_test_iterate_pending ();

  risks = aims_store_list (other, aims_entity_risks (), &error);
  g_assert_no_error (error);
  stored = g_object_ref (g_ptr_array_index (risks, risks->len - 1));
  g_assert_cmpstr (aims_record_get (stored, "title"), ==, "Model drifts after the supplier retrains it");
  g_assert_cmpstr (aims_record_get (stored, "ai_system_id"), ==, system_id);
  g_assert_cmpstr (aims_record_get (stored, "owner_id"), ==, aims_record_get (system, "owner_id"));

  destroy_window (window);
  g_clear_object (&other);
  gui_test_remove_tree (dir);
}

static gboolean
no_message_dialog (gpointer data)
{
  return find_message_dialog () == NULL;
}

static gboolean
export_finished (gpointer data)
{
  return !aims_review_export_running (data);
}

/* Ctrl+E: the period first (a year up to today proposed, a reversed one
 * refused), then the workbook written in the background while the window
 * stays usable, the progress shown below the pages. */
static void
test_export_review (void)
{
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *out = NULL;
  g_autoptr(GDate) today = aims_date_today ();
  g_autofree char *today_iso = aims_date_format_iso (today);
  AimsWindow *window;
  AdwMessageDialog *dialog;
  GtkWidget *rows[2] = { NULL, NULL };
  guint n_rows = 0;

  if (skip_without_display ())
    return;

  dir = g_dir_make_tmp ("aims-test-export-XXXXXX", &error);
  g_assert_no_error (error);
  out = g_build_filename (dir, "review.xlsx", NULL);

  settings = gui_test_new_settings ();
  window = new_window (settings);
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (window), "win.export-review", NULL) &&
                  find_message_dialog () != NULL);
  open_and_wait (window, demo_file);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export-review", NULL));
  gui_test_iterate_pending ();
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Export Management Review");
  for (GtkWidget *row = gtk_widget_get_first_child (adw_message_dialog_get_extra_child (dialog));
       row != NULL && n_rows < 2; row = gtk_widget_get_next_sibling (row))
    if (ADW_IS_ENTRY_ROW (row))
      rows[n_rows++] = row;
  g_assert_cmpuint (n_rows, ==, 2);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (rows[1])), ==, today_iso);
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "next"));
  gtk_editable_set_text (GTK_EDITABLE (rows[0]), "2999-01-01");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "next"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "ends before it starts"));
  gtk_editable_set_text (GTK_EDITABLE (rows[0]), "not a date");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "next"));
  /* Responding is what a button does; the button also closes the dialog. */
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  gui_test_iterate_until (no_message_dialog, NULL);

  /* What the file chooser leads to. */
  aims_review_export_run (window, AIMS_REVIEW_WORKBOOK, out, NULL, NULL);
  g_assert_true (aims_review_export_running (window));
  g_assert_true (gtk_revealer_get_reveal_child (window->task_revealer));
  /* The window stays usable meanwhile. */
  g_assert_true (aims_window_set_page (window, "risks"));
  gui_test_iterate_until (export_finished, window);
  g_assert_false (gtk_revealer_get_reveal_child (window->task_revealer));
  dialog = find_message_dialog ();
  g_assert_cmpstr (dialog != NULL ? adw_message_dialog_get_body (dialog) : NULL, ==, NULL);
  g_assert_true (g_file_test (out, G_FILE_TEST_IS_REGULAR));

  /* The PDF pack the same way. */
  {
    g_autofree char *pack = g_build_filename (dir, "review.pdf", NULL);
    g_autofree char *bytes = NULL;
    gsize length = 0;

    aims_review_export_run (window, AIMS_REVIEW_PACK, pack, NULL, NULL);
    gui_test_iterate_until (export_finished, window);
    g_assert_true (g_file_get_contents (pack, &bytes, &length, NULL));
    g_assert_cmpuint (length, >, 1000);
    g_assert_true (g_str_has_prefix (bytes, "%PDF-"));
  }

  /* A folder that is not there: told, and nothing is left. */
  {
    g_autofree char *nowhere = g_build_filename (dir, "missing", "review.xlsx", NULL);

    aims_review_export_run (window, AIMS_REVIEW_WORKBOOK, nowhere, NULL, NULL);
    gui_test_iterate_until (export_finished, window);
    dialog = find_message_dialog ();
    g_assert_nonnull (dialog);
    g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Could Not Export the Management Review");
    g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "review.xlsx"));
    gtk_window_destroy (GTK_WINDOW (dialog));
    g_assert_false (g_file_test (nowhere, G_FILE_TEST_EXISTS));
  }

  destroy_window (window);
  gui_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  have_display = gui_test_init (&argc, &argv);

  g_test_add_func ("/shell/recent-list", test_recent_list);
  g_test_add_func ("/shell/pages-table", test_pages_table);
  g_test_add_func ("/shell/unknown-page-option", test_unknown_page_option);
  g_test_add_func ("/window/welcome", test_welcome);
  g_test_add_func ("/window/open", test_open);
  g_test_add_func ("/window/open-bad-files", test_open_bad_files);
  g_test_add_func ("/window/cancel-open", test_cancel_open);
  g_test_add_func ("/window/open-demo", test_open_demo);
  g_test_add_func ("/window/open-shared", test_open_shared);
  g_test_add_func ("/window/open-read-only", test_open_read_only);
  g_test_add_func ("/window/recent-missing", test_recent_missing);
  g_test_add_func ("/window/new-risk-from-system", test_new_risk_from_system);
  g_test_add_func ("/window/export-review", test_export_review);
  g_test_add_func ("/application/command-line", test_application_command_line);

  status = g_test_run ();

  if (fixture_dir != NULL)
    gui_test_remove_tree (fixture_dir);
  g_free (fixture_dir);
  g_free (demo_file);

  return status;
}
