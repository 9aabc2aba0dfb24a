/* test-import-assistant.c — the import window driven through its five
 * steps on a real inventory: a column put into the description, a value
 * mapped, a duplicate skipped; then the rows in the SQLite file, the batch
 * in the audit log, and its undo
 *
 * With AIMS_IMPORT_SCREENSHOTS=DIR set, it also renders each step on the
 * largest shared inventory into DIR/import-stepN.png.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include <sqlite3.h>

#include "aims-import-assistant-private.h"
#include "gui-test-util.h"

static gboolean have_display;

/* ── Helpers ─────────────────────────────────────────────────────────── */

static char *
shared_file (const char *name)
{
  const char *dir = g_getenv ("AIMS_SHARED_DATA_DIR");
  char *path = dir != NULL ? g_build_filename (dir, name, NULL) : NULL;

  if (path != NULL && g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return path;
  g_free (path);
  return NULL;
}

/* What another program reading the file sees. */
static char *
query_text (const char *path,
            const char *sql)
{
  sqlite3 *raw = NULL;
  sqlite3_stmt *stmt = NULL;
  char *text = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &raw, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (raw, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (raw);
  return text;
}

static gint64
query_int (const char *path,
           const char *sql)
{
  g_autofree char *text = query_text (path, sql);

  return text != NULL ? g_ascii_strtoll (text, NULL, 10) : -1;
}

static gboolean
idle (gpointer data)
{
  AimsImportAssistant *assistant = data;

  return assistant->cancellable == NULL;
}

static gboolean
on_step (AimsImportAssistant *assistant,
         const char          *step)
{
  return g_str_equal (aims_import_assistant_get_step (assistant), step);
}

/* The drop-down of the row titled title under widget. */
static GtkDropDown *
row_dropdown (GtkWidget  *widget,
              const char *title)
{
  if (ADW_IS_ACTION_ROW (widget) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0)
    return GTK_DROP_DOWN (gui_test_find_widget (widget, GTK_TYPE_DROP_DOWN, NULL));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkDropDown *found = row_dropdown (child, title);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The position of the item reading text in a drop-down's strings. */
static guint
item_position (GtkDropDown *dropdown,
               const char  *text)
{
  GListModel *model = gtk_drop_down_get_model (dropdown);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (model, i);

      if (g_str_equal (gtk_string_object_get_string (item), text))
        return i;
    }
  g_assert_not_reached ();
}

static void
next (AimsImportAssistant *assistant)
{
  g_assert_true (gtk_widget_get_sensitive (assistant->next_button));
  g_signal_emit_by_name (assistant->next_button, "clicked");
  gui_test_iterate_until (idle, assistant);
}

static void
save_screenshot (AimsImportAssistant *assistant,
                 const char          *dir,
                 guint                step)
{
  GtkWidget *widget = GTK_WIDGET (assistant);
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *name = g_strdup_printf ("import-step%u.png", step);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  graphene_rect_t bounds = GRAPHENE_RECT_INIT (0, 0, gtk_widget_get_width (widget), gtk_widget_get_height (widget));

  /* Until the step's transition is over and it has drawn. */
  for (guint tries = 0; (node == NULL || gtk_stack_get_transition_running (assistant->stack)) && tries < 50; tries++)
    {
      g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();

      g_clear_pointer (&node, gsk_render_node_unref);
      gui_test_iterate_for (200);
      gdk_paintable_snapshot (paintable, snapshot, bounds.size.width, bounds.size.height);
      node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
    }
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (widget)), node, &bounds);
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

typedef struct
{
  char        *dir;
  char        *path;
  AimsDb      *db;
  AimsContext *context;
  GtkWidget   *window;
  AimsImportAssistant *assistant;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  if (!have_display)
    return;
  f->dir = g_dir_make_tmp ("aims-import-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "test.aims", NULL);
  f->db = aims_db_open (f->path, AIMS_DB_OPEN_CREATE, &error);
  g_assert_no_error (error);
  f->context = aims_context_new (NULL);
  aims_context_set_db (f->context, f->db);
  f->window = gtk_window_new ();
  gtk_window_present (GTK_WINDOW (f->window));
  f->assistant = aims_import_assistant_new (GTK_WINDOW (f->window), f->context);
  gtk_window_set_default_size (GTK_WINDOW (f->assistant), 1100, 800);
  gtk_window_present (GTK_WINDOW (f->assistant));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  if (!have_display)
    return;
  gtk_window_destroy (GTK_WINDOW (f->assistant));
  gtk_window_destroy (GTK_WINDOW (f->window));
  gui_test_iterate_for (100);
  g_clear_object (&f->context);
  g_clear_object (&f->db);
  gui_test_remove_tree (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

/* ── Tests ───────────────────────────────────────────────────────────── */

/* The DOT file: "Use Case Topic Area" added to the description, "Agentic AI" made
 * a generative model, its row 2 already in the database and skipped. */
static void
test_through_all_steps (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *csv = shared_file ("us-dot-ai-inventory-2025.csv");
  AimsImportAssistant *a = f->assistant;
  const AimsCsvSniff *sniff;
  g_autoptr(GHashTable) values = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(AimsRecord) existing = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *description = NULL;
  g_autofree char *title = NULL;
  const char *name;
  const char *bureau;
  GtkDropDown *dropdown;
  gint64 batch;
  int name_column, bureau_column, system_column;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }
  if (csv == NULL)
    {
      g_test_skip ("the shared inventories are not here");
      return;
    }

  /* 1. The file, read in a thread; the preview shows its first rows. */
  aims_import_assistant_load_path (a, csv);
  gui_test_iterate_until (idle, a);
  g_assert_nonnull (a->file);
  sniff = aims_import_file_get_sniff (a->file);
  g_assert_cmpstr (sniff->encoding, ==, "UTF-8");
  /* No byte-order mark, whatever the shared README says. */
  g_assert_false (sniff->bom);
  g_assert_cmpuint (sniff->header_row, ==, 1);
  g_assert_cmpuint (aims_import_file_get_n_rows (a->file), ==, 70);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (a->preview_group)));

  /* Row 2 of the file is in the database already. */
  name_column = aims_import_mapping_find_column (a->mapping, "Use Case Name");
  bureau_column = aims_import_mapping_find_column (a->mapping, "Bureau");
  g_assert_cmpint (name_column, >=, 0);
  g_assert_cmpint (bureau_column, >=, 0);
  name = ((char **) g_ptr_array_index (sniff->rows, 1))[name_column];
  bureau = ((char **) g_ptr_array_index (sniff->rows, 1))[bureau_column];
  g_hash_table_insert (values, "name", (gpointer) name);
  g_hash_table_insert (values, "business_unit", (gpointer) bureau);
  existing = aims_store_insert (f->db, aims_entity_systems (), values, "Tester", &error);
  g_assert_no_error (error);

  /* 2. Columns: the proposal holds; "Use Case Topic Area" goes into the description
   * too; a second column for the name is refused. */
  next (a);
  g_assert_true (on_step (a, "columns"));
  g_assert_cmpstr (aims_import_mapping_get_field (a->mapping, (guint) name_column)->name, ==, "name");
  system_column = aims_import_mapping_find_column (a->mapping, "Use Case Topic Area");
  g_assert_cmpint (system_column, >=, 0);
  title = g_strdup_printf ("%d. Use Case Topic Area", system_column + 1);
  dropdown = row_dropdown (a->columns_page, title);
  g_assert_nonnull (dropdown);
  gtk_drop_down_set_selected (dropdown, item_position (dropdown, "Description"));
  g_assert_cmpstr (aims_import_mapping_get_field (a->mapping, (guint) system_column)->name, ==, "description");
  dropdown = row_dropdown (a->columns_page, "1. Use Case Identifier");
  gtk_drop_down_set_selected (dropdown, item_position (dropdown, "Name"));
  g_assert_null (aims_import_mapping_get_field (a->mapping, 0));
  g_assert_cmpuint (gtk_drop_down_get_selected (dropdown), ==, 0);
  g_test_message ("refused: %s", gtk_label_get_text (a->columns_message));
  g_assert_nonnull (strstr (gtk_label_get_text (a->columns_message), "Use Case Name"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (a->columns_message), "error"));

  /* 3. Values: "Agentic AI", which no choice fits, becomes generative. */
  next (a);
  g_assert_true (on_step (a, "values"));
  dropdown = row_dropdown (a->values_page, "Agentic AI");
  g_assert_nonnull (dropdown);
  g_assert_cmpuint (gtk_drop_down_get_selected (dropdown), ==, 0);
  gtk_drop_down_set_selected (dropdown, item_position (dropdown, "Generative AI or large language model"));
  g_assert_cmpstr (aims_import_mapping_get_value (a->mapping, "model_type", "Agentic AI"), ==, "generative");

  /* 4. Check: the duplicate is listed, to skip. */
  next (a);
  g_assert_true (on_step (a, "check"));
  g_assert_nonnull (a->report);
  g_assert_cmpuint (a->report->n_errors, ==, 0);
  g_assert_cmpuint (a->report->duplicates->len, >=, 1);
  g_assert_cmpuint (((AimsImportDuplicate *) g_ptr_array_index (a->report->duplicates, 0))->row, ==, 2);
  g_clear_pointer (&title, g_free);
  title = g_strdup_printf ("Row 2: %s", name);
  dropdown = row_dropdown (a->check_page, title);
  g_assert_nonnull (dropdown);
  g_assert_cmpuint (gtk_drop_down_get_selected (dropdown), ==, 0);

  /* 5. Import: everything but the duplicate, in one batch. */
  next (a);
  g_assert_true (on_step (a, "import"));
  batch = aims_import_assistant_get_batch_id (a);
  g_assert_cmpint (batch, >, 0);
  g_assert_true (gtk_widget_get_visible (a->undo_button));

  sql = g_strdup_printf ("SELECT count(*) FROM ai_system WHERE import_batch_id = %" G_GINT64_FORMAT, batch);
  g_assert_cmpint (query_int (f->path, sql), ==, 70 - (gint64) a->report->duplicates->len);
  g_assert_cmpint (query_int (f->path, "SELECT count(*) FROM ai_system"), ==, 71 - (gint64) a->report->duplicates->len);
  g_clear_pointer (&sql, g_free);
  /* The row already there is untouched. */
  sql = g_strdup_printf ("SELECT row_version FROM ai_system WHERE id = %" G_GINT64_FORMAT, aims_record_get_id (existing));
  g_assert_cmpint (query_int (f->path, sql), ==, 1);
  g_assert_cmpint (query_int (f->path, "SELECT count(*) FROM ai_system WHERE model_type = 'generative'"), >=, 4);
  description = query_text (f->path, "SELECT description FROM ai_system WHERE description LIKE '%Use Case Topic Area: %' LIMIT 1");
  g_assert_nonnull (description);
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("SELECT count(*) FROM audit_log WHERE entity = 'import_batch' AND entity_id = %" G_GINT64_FORMAT
                         " AND action = 'import' AND after_json LIKE '%%us-dot-ai-inventory-2025.csv%%'", batch);
  g_assert_cmpint (query_int (f->path, sql), ==, 1);

  /* Undo from the summary. */
  g_signal_emit_by_name (a->undo_button, "clicked");
  gui_test_iterate_until (idle, a);
  g_assert_false (gtk_widget_get_sensitive (a->undo_button));
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("SELECT count(*) FROM ai_system WHERE import_batch_id = %" G_GINT64_FORMAT, batch);
  g_assert_cmpint (query_int (f->path, sql), ==, 0);
  g_assert_cmpint (query_int (f->path, "SELECT count(*) FROM ai_system"), ==, 1);
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("SELECT count(*) FROM import_batch WHERE id = %" G_GINT64_FORMAT " AND undone_at IS NOT NULL",
                         batch);
  g_assert_cmpint (query_int (f->path, sql), ==, 1);
}

/* A file that is no table: the message names the problem, nothing to go on. */
static void
test_bad_file (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *bad = NULL;
  AimsImportAssistant *a = f->assistant;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }
  bad = g_build_filename (f->dir, "empty.csv", NULL);
  g_assert_true (g_file_set_contents (bad, "", 0, NULL));
  aims_import_assistant_load_path (a, bad);
  gui_test_iterate_until (idle, a);
  g_assert_null (a->file);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (a->file_error)));
  g_assert_cmpstr (gtk_label_get_text (a->file_error), !=, "");
  g_assert_false (gtk_widget_get_sensitive (a->next_button));
}

static void
select_encoding (AimsImportAssistant *a,
                 const char          *encoding)
{
  GListModel *model = adw_combo_row_get_model (a->encoding_row);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (model, i);

      if (g_str_equal (gtk_string_object_get_string (item), encoding))
        {
          adw_combo_row_set_selected (a->encoding_row, i);
          gui_test_iterate_until (idle, a);
          return;
        }
    }
  g_assert_not_reached ();
}

/* The Windows-1252 file read as detected, refused as UTF-8, read again;
 * the title row above the Treasury file's header, and the header row
 * changed by hand. */
static void
test_encoding_and_header_row (Fixture       *f,
                              gconstpointer  data)
{
  g_autofree char *hhs = shared_file ("us-hhs-ai-inventory-2025.csv");
  g_autofree char *treasury = shared_file ("us-treasury-ai-inventory-2025.csv");
  AimsImportAssistant *a = f->assistant;
  const AimsCsvSniff *sniff;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }
  if (hhs == NULL || treasury == NULL)
    {
      g_test_skip ("the shared inventories are not here");
      return;
    }

  aims_import_assistant_load_path (a, hhs);
  gui_test_iterate_until (idle, a);
  g_assert_nonnull (a->file);
  g_assert_cmpstr (aims_import_file_get_sniff (a->file)->encoding, ==, AIMS_CSV_WINDOWS_1252);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (a->encoding_row)), "WINDOWS-1252"));

  select_encoding (a, AIMS_CSV_UTF8);
  g_assert_null (a->file);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (a->file_error)));
  g_assert_false (gtk_widget_get_sensitive (a->next_button));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (a->encoding_row)));

  select_encoding (a, AIMS_CSV_WINDOWS_1252);
  g_assert_nonnull (a->file);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (a->file_error)));
  g_assert_cmpuint (aims_import_file_get_n_rows (a->file), ==, 447);
  g_assert_true (gtk_widget_get_sensitive (a->next_button));

  aims_import_assistant_load_path (a, treasury);
  gui_test_iterate_until (idle, a);
  sniff = aims_import_file_get_sniff (a->file);
  g_assert_cmpuint (sniff->header_row, ==, 2);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (a->header_spin), ==, 2);
  g_assert_cmpuint (aims_import_file_get_n_rows (a->file), ==, 129);

  /* Row 3 as the header: the first system's row read as column names. */
  gtk_spin_button_set_value (a->header_spin, 3);
  gui_test_iterate_until (idle, a);
  g_assert_nonnull (a->file);
  g_assert_cmpuint (aims_import_file_get_sniff (a->file)->header_row, ==, 3);
  g_assert_cmpuint (aims_import_file_get_n_rows (a->file), ==, 128);
}

/* An earlier import, listed on the first step, undone from there. */
static void
test_undo_earlier_batch (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *csv = shared_file ("us-dot-ai-inventory-2025.csv");
  g_autoptr(AimsImportFile) file = NULL;
  g_autoptr(AimsImportMapping) mapping = NULL;
  g_autoptr(AimsImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  AimsImportOptions options = { AIMS_IMPORT_DUPLICATES_SKIP, FALSE, NULL, "Tester" };
  AimsImportAssistant *a = f->assistant;
  GtkWidget *undo;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }
  if (csv == NULL)
    {
      g_test_skip ("the shared inventories are not here");
      return;
    }
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (a->batches_group)));
  file = aims_import_file_load (csv, NULL, NULL, &error);
  g_assert_no_error (error);
  mapping = aims_import_mapping_propose (aims_entity_systems (), file);
  report = aims_import_run (f->db, file, mapping, &options, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (query_int (f->path, "SELECT count(*) FROM ai_system"), ==, 70);

  _aims_import_steps_build_batches (a);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (a->batches_group)));
  undo = gui_test_find_widget (a->batches_list, GTK_TYPE_BUTTON, "_Undo");
  g_assert_nonnull (undo);
  g_signal_emit_by_name (undo, "clicked");
  gui_test_iterate_until (idle, a);
  g_assert_cmpint (query_int (f->path, "SELECT count(*) FROM ai_system"), ==, 0);
  g_assert_cmpint (query_int (f->path, "SELECT count(*) FROM import_batch WHERE undone_at IS NOT NULL"), ==, 1);
  /* Listed as undone, with nothing left to undo. */
  g_assert_null (gui_test_find_widget (a->batches_list, GTK_TYPE_BUTTON, "_Undo"));
}

/* Each step on the largest inventory, rendered for people to look at. */
static void
test_screenshots (Fixture       *f,
                  gconstpointer  data)
{
  const char *dir = g_getenv ("AIMS_IMPORT_SCREENSHOTS");
  g_autofree char *csv = shared_file ("us-federal-ai-inventory-2024.csv");
  AimsImportAssistant *a = f->assistant;

  if (!have_display || dir == NULL || csv == NULL)
    {
      g_test_skip ("AIMS_IMPORT_SCREENSHOTS not set, or no display or inventory");
      return;
    }
  /* Each step as it stands, not halfway through a crossfade. */
  gtk_stack_set_transition_type (a->stack, GTK_STACK_TRANSITION_TYPE_NONE);
  aims_import_assistant_load_path (a, csv);
  gui_test_iterate_until (idle, a);
  save_screenshot (a, dir, 1);
  next (a);
  save_screenshot (a, dir, 2);
  next (a);
  save_screenshot (a, dir, 3);
  next (a);
  save_screenshot (a, dir, 4);
  if (a->report->n_errors > 0)
    gtk_check_button_set_active (a->skip_invalid_check, TRUE);
  next (a);
  save_screenshot (a, dir, 5);
}

int
main (int    argc,
      char **argv)
{
  have_display = gui_test_init (&argc, &argv);

  g_test_add ("/import-assistant/through-all-steps", Fixture, NULL,
              fixture_set_up, test_through_all_steps, fixture_tear_down);
  g_test_add ("/import-assistant/bad-file", Fixture, NULL,
              fixture_set_up, test_bad_file, fixture_tear_down);
  g_test_add ("/import-assistant/encoding-and-header-row", Fixture, NULL,
              fixture_set_up, test_encoding_and_header_row, fixture_tear_down);
  g_test_add ("/import-assistant/undo-earlier-batch", Fixture, NULL,
              fixture_set_up, test_undo_earlier_batch, fixture_tear_down);
  g_test_add ("/import-assistant/screenshots", Fixture, NULL,
              fixture_set_up, test_screenshots, fixture_tear_down);
  return g_test_run ();
}
