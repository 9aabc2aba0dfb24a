/* gui-test-util.c — what every GUI test needs: set-up, waiting, finding
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>

#include "gui-test-util.h"

gboolean
gui_test_init (int    *argc,
               char ***argv)
{
  gboolean have_display;

  g_content_type_set_mime_dirs (NULL);
  have_display = gtk_init_check ();
  if (have_display)
    {
      adw_init ();
      gtk_icon_theme_get_for_display (gdk_display_get_default ());
    }

  g_test_init (argc, argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  return have_display;
}

static gboolean
wake_cb (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

void
gui_test_iterate_until (gboolean (*done) (gpointer),
                        gpointer   data)
{
  gint64 deadline = g_get_monotonic_time () + GUI_TEST_WAIT_SECONDS * G_USEC_PER_SEC;
  guint wake = g_timeout_add (20, wake_cb, NULL);

  while (!done (data))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("timed out after %d s", GUI_TEST_WAIT_SECONDS);
      g_main_context_iteration (NULL, TRUE);
    }

  g_source_remove (wake);
}

static gboolean
time_passed (gpointer data)
{
  return g_get_monotonic_time () >= *(gint64 *) data;
}

void
gui_test_iterate_for (guint ms)
{
  gint64 until = g_get_monotonic_time () + (gint64) ms * 1000;

  gui_test_iterate_until (time_passed, &until);
}

void
gui_test_iterate_pending (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

gpointer
gui_test_find_toplevel (GType type,
                        GType exclude)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) &&
          (exclude == G_TYPE_INVALID || !G_TYPE_CHECK_INSTANCE_TYPE (window, exclude)) &&
          gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }

  return NULL;
}

GtkWidget *
gui_test_find_widget (GtkWidget  *widget,
                      GType       type,
                      const char *label)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) &&
      (label == NULL ||
       (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = gui_test_find_widget (child, type, label);

      if (found != NULL)
        return found;
    }

  return NULL;
}

void
gui_test_click (GtkWidget  *widget,
                const char *label)
{
  GtkWidget *button = gui_test_find_widget (widget, GTK_TYPE_BUTTON, label);

  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
}

GSettings *
gui_test_new_settings (void)
{
  GSettings *settings = g_settings_new (AIMS_APP_ID);
  g_autoptr(GSettingsSchema) schema = NULL;
  g_auto(GStrv) keys = NULL;

  g_object_get (settings, "settings-schema", &schema, NULL);
  keys = g_settings_schema_list_keys (schema);
  for (guint i = 0; keys[i] != NULL; i++)
    g_settings_reset (settings, keys[i]);

  return settings;
}

AimsDb *
gui_test_create_demo (const char *path)
{
  g_autoptr(AimsDb) db = NULL;
  g_autoptr(GError) error = NULL;

  db = aims_db_open (path, AIMS_DB_OPEN_CREATE, &error);
  g_assert_no_error (error);
  aims_demo_populate (db, &error);
  g_assert_no_error (error);

  return g_steal_pointer (&db);
}

void
gui_test_remove_tree (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_autoptr(GDir) dir = NULL;
      const char *name;

      g_chmod (path, 0700);
      dir = g_dir_open (path, 0, NULL);
      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          gui_test_remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    {
      g_unlink (path);
    }
}

void
gui_test_page_open (GuiTestPage *page,
                    const char  *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSettings) settings = gui_test_new_settings ();
  g_autofree char *template = g_strdup_printf ("aims-test-%s-XXXXXX", name);

  page->dir = g_dir_make_tmp (template, &error);
  g_assert_no_error (error);
  page->path = g_build_filename (page->dir, "demo.aimsdb", NULL);
  page->db = gui_test_create_demo (page->path);
  page->other = aims_db_open (page->path, AIMS_DB_OPEN_DEFAULT, &error);
  g_assert_no_error (error);

  g_settings_set_string (settings, "author-name", "Test User");
  page->context = aims_context_new (settings);
  aims_context_set_db (page->context, page->db);
}

static gboolean
window_mapped (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

void
gui_test_page_show (GuiTestPage *page,
                    GtkWidget   *widget)
{
  page->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (page->window), 1400, 900);
  gtk_window_set_child (GTK_WINDOW (page->window), widget);
  gtk_window_present (GTK_WINDOW (page->window));
  gui_test_iterate_until (window_mapped, page->window);
}

void
gui_test_page_close (GuiTestPage *page)
{
  AdwMessageDialog *dialog;

  while ((dialog = gui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, G_TYPE_INVALID)) != NULL)
    gtk_window_destroy (GTK_WINDOW (dialog));
  if (page->window != NULL)
    gtk_window_destroy (GTK_WINDOW (page->window));
  g_clear_object (&page->context);
  g_clear_object (&page->db);
  g_clear_object (&page->other);
  if (page->dir != NULL)
    gui_test_remove_tree (page->dir);
  g_clear_pointer (&page->path, g_free);
  g_clear_pointer (&page->dir, g_free);
}
