/* test-preferences.c — the Preferences window: "Your Name" is the author
 * recorded with the next save
 *
 * Real widgets: run under Xvfb (build-aux/dev test). Without a display the
 * tests skip.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "aims-preferences-window.h"
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
preferences_shown (gpointer data)
{
  return gui_test_find_toplevel (AIMS_TYPE_PREFERENCES_WINDOW, G_TYPE_INVALID) != NULL;
}

/* Renames the first system in the editor of the systems page and writes it
 * (as closing the window would); returns the record as stored. */
static AimsRecord *
rename_first_system (AimsWindow *window,
                     AimsDb     *other,
                     const char *name)
{
  GtkWidget *page = gtk_stack_get_child_by_name (window->pages_stack, "systems");
  AimsRecordList *list = aims_record_page_get_record_list (AIMS_RECORD_PAGE (page));
  AimsRecordEditor *editor = aims_record_list_get_editor (list);
  g_autoptr(GError) error = NULL;
  AimsRecord *stored;
  gint64 id;

  g_assert_nonnull (aims_record_editor_get_record (editor));
  id = aims_record_get_id (aims_record_editor_get_record (editor));
  gtk_editable_set_text (GTK_EDITABLE (aims_record_editor_get_field_row (editor, "name")), name);
  gtk_widget_activate_action (page, "page.flush", NULL);
  g_assert_false (aims_record_editor_has_pending (editor));

  stored = aims_store_load (other, aims_entity_systems (), id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (aims_record_get (stored, "name"), ==, name);
  return stored;
}

static char *
last_audit_actor (AimsDb *db)
{
  g_autoptr(AimsStatement) stmt = NULL;
  g_autoptr(GError) error = NULL;

  stmt = aims_db_prepare (db, "SELECT actor FROM audit_log ORDER BY id DESC LIMIT 1", &error);
  g_assert_no_error (error);
  g_assert_cmpint (aims_statement_step (stmt, &error), ==, AIMS_STEP_ROW);
  return g_strdup (aims_statement_column_text (stmt, 0));
}

static void
assert_saved_by (AimsWindow *window,
                 AimsDb     *other,
                 const char *name,
                 const char *author)
{
  g_autoptr(AimsRecord) stored = rename_first_system (window, other, name);
  g_autofree char *actor = last_audit_actor (other);

  g_assert_cmpstr (aims_record_get_updated_by (stored), ==, author);
  g_assert_cmpstr (actor, ==, author);
}

static void
test_author_name (void)
{
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AimsDb) other = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  AimsPreferencesWindow *preferences;
  GtkWidget *row;
  AimsWindow *window;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }

  dir = g_dir_make_tmp ("aims-test-preferences-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "demo.aimsdb", NULL);
  other = gui_test_create_demo (path);

  settings = gui_test_new_settings ();
  window = aims_window_new (NULL, settings);
  gtk_window_present (GTK_WINDOW (window));
  aims_window_open (window, path, AIMS_DB_OPEN_DEFAULT);
  gui_test_iterate_until (window_is_idle, window);
  g_assert_nonnull (aims_context_get_db (aims_window_get_context (window)));
  g_assert_true (aims_window_set_page (window, "systems"));

  /* Main menu → Preferences (Ctrl+comma). */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.preferences", NULL));
  gui_test_iterate_until (preferences_shown, NULL);
  preferences = gui_test_find_toplevel (AIMS_TYPE_PREFERENCES_WINDOW, G_TYPE_INVALID);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (preferences)) == GTK_WINDOW (window));
  row = gui_test_find_widget (GTK_WIDGET (preferences), ADW_TYPE_ENTRY_ROW, NULL);
  g_assert_nonnull (row);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Your Name");

  /* The hint says what an empty name means: the account's name. */
  {
    AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP));

    g_assert_nonnull (strstr (adw_preferences_group_get_description (group), aims_default_author ()));
  }

  /* Typed in the window: the next save is recorded with it. */
  gtk_editable_set_text (GTK_EDITABLE (row), "Grace Hopper");
  gui_test_iterate_pending ();
  g_assert_cmpstr (g_settings_get_string (settings, "author-name"), ==, "Grace Hopper");
  assert_saved_by (window, other, "Renamed by Grace", "Grace Hopper");

  /* Emptied: the account's name again. */
  gtk_editable_set_text (GTK_EDITABLE (row), "");
  gui_test_iterate_pending ();
  assert_saved_by (window, other, "Renamed by the account", aims_default_author ());

  gtk_window_destroy (GTK_WINDOW (preferences));
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

  g_test_add_func ("/preferences/author-name", test_author_name);

  return g_test_run ();
}
