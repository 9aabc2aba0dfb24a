/* test-control-links.c — the Annex A controls of a risk, in its editor:
 * shown by reference, linked and unlinked as the check boxes say, and an
 * excluded control refused with the reason
 *
 * Real widgets on a real demo database: run under Xvfb (build-aux/dev test).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "aims-control-links-row.h"
#include "aims-soa-entity.h"
#include "gui-test-util.h"

static gboolean have_display;

/* The references of the controls risk_id relies on, as the database says. */
static char *
stored_summary (AimsDb *db,
                gint64  risk_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = aims_risk_controls_get (db, risk_id, &error);
  g_autoptr(GString) summary = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(AimsRecord) control = aims_store_load (db, aims_entity_controls (),
                                                       g_array_index (ids, gint64, i), &error);

      g_assert_no_error (error);
      if (summary->len > 0)
        g_string_append (summary, ", ");
      g_string_append (summary, aims_record_get_reference (control));
    }
  return g_string_free (g_steal_pointer (&summary), FALSE);
}

static void
test_link_and_unlink (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AimsDb) other = NULL;
  g_autoptr(AimsDb) db = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(AimsContext) context = NULL;
  g_autoptr(AimsRecord) excluded = NULL;
  g_autoptr(GPtrArray) controls = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  AimsControlLinksRow *row;
  GtkWidget *window, *list;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }

  dir = g_dir_make_tmp ("aims-test-links-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "demo.aimsdb", NULL);
  other = gui_test_create_demo (path);
  db = aims_db_open (path, AIMS_DB_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  settings = gui_test_new_settings ();
  context = aims_context_new (settings);
  aims_context_set_db (context, db);

  window = gtk_window_new ();
  row = AIMS_CONTROL_LINKS_ROW (aims_control_links_row_new (context));
  /* A row lives in a list, as in the editor's groups. */
  list = gtk_list_box_new ();
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (row));
  gtk_window_set_child (GTK_WINDOW (window), list);
  gtk_window_present (GTK_WINDOW (window));

  /* What the row shows is what is stored. */
  aims_control_links_row_set_risk (row, 1);
  before = stored_summary (other, 1);
  g_assert_cmpstr (aims_control_links_row_get_summary (row), ==, before);

  /* A check box ticked: the link is stored, and shown. */
  g_assert_true (aims_control_links_row_set_linked (row, "A.2.2", TRUE, &error));
  g_assert_no_error (error);
  after = stored_summary (other, 1);
  g_assert_nonnull (strstr (after, "A.2.2"));
  g_assert_cmpstr (aims_control_links_row_get_summary (row), ==, after);

  /* Unticked: gone again, the others kept. */
  g_assert_true (aims_control_links_row_set_linked (row, "A.2.2", FALSE, &error));
  g_assert_no_error (error);
  g_free (after);
  after = stored_summary (other, 1);
  g_assert_cmpstr (after, ==, before);

  /* An excluded control cannot be linked: refused, nothing stored. */
  controls = aims_store_list (other, aims_entity_controls (), &error);
  g_assert_no_error (error);
  for (guint i = 0; i < controls->len && excluded == NULL; i++)
    if (g_strcmp0 (aims_record_get (g_ptr_array_index (controls, i), "applicable"), AIMS_SOA_APPLICABLE_NO) == 0)
      excluded = g_object_ref (g_ptr_array_index (controls, i));
  g_assert_nonnull (excluded);
  g_assert_false (aims_control_links_row_set_linked (row, aims_record_get_reference (excluded), TRUE, &error));
  g_assert_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_INVALID);
  g_free (after);
  after = stored_summary (other, 1);
  g_assert_cmpstr (after, ==, before);

  gtk_window_destroy (GTK_WINDOW (window));
  gui_test_iterate_pending ();
  g_clear_object (&db);
  g_clear_object (&other);
  gui_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  have_display = gui_test_init (&argc, &argv);

  g_test_add_func ("/control-links/link-and-unlink", test_link_and_unlink);

  return g_test_run ();
}
