/* test-systems-page.c — the AI systems page with real widgets: the list,
 * search and filters, saving, refusing, conflicts, other users' changes
 *
 * Run under Xvfb (build-aux/dev test); without a display the tests skip.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "aims-conflict-dialog.h"
#include "aims-core.h"
#include "aims-people-page.h"
#include "aims-link-chooser.h"
#include "aims-record-filter.h"
#include "aims-systems-page.h"
#include "gui-test-util.h"

static gboolean have_display;

typedef struct
{
  GuiTestPage      base;
  AimsSystemsPage *page;
  AimsRecordList  *list;
  AimsRecordEditor *editor;
} Fixture;

/* ── Helpers ─────────────────────────────────────────────────────────── */

static gboolean
window_mapped (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

static GListModel *
shown_model (Fixture *fixture)
{
  return G_LIST_MODEL (gtk_column_view_get_model (aims_record_list_get_column_view (fixture->list)));
}

static gpointer
template_child (Fixture    *fixture,
                const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (fixture->page), AIMS_TYPE_SYSTEMS_PAGE, name);

  g_assert_nonnull (child);
  return child;
}

/* The record as the other user reads it now. */
static AimsRecord *
load_other (Fixture *fixture,
            gint64   id)
{
  g_autoptr(GError) error = NULL;
  AimsRecord *record = aims_store_load (fixture->base.other, aims_entity_systems (), id, &error);

  g_assert_no_error (error);
  return record;
}

static void
update_other (Fixture    *fixture,
              gint64      id,
              const char *field,
              const char *value)
{
  g_autoptr(GHashTable) changes = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(AimsRecord) stored = NULL;
  g_autoptr(GError) error = NULL;

  g_hash_table_insert (changes, (gpointer) field, (gpointer) value);
  stored = aims_store_update (fixture->base.other, aims_entity_systems (), id, -1, changes,
                              "Another User", &error);
  g_assert_no_error (error);
  g_assert_nonnull (stored);
}

static AimsRecord *
shown_record (Fixture *fixture)
{
  AimsRecord *record = aims_record_editor_get_record (fixture->editor);

  g_assert_nonnull (record);
  return record;
}

static GtkWidget *
field_row (Fixture    *fixture,
           const char *field)
{
  GtkWidget *row = aims_record_editor_get_field_row (fixture->editor, field);

  g_assert_nonnull (row);
  return row;
}

/* Types text into an entry row and presses Enter. */
static void
type_and_enter (Fixture    *fixture,
                const char *field,
                const char *text)
{
  GtkWidget *row = field_row (fixture, field);

  gtk_editable_set_text (GTK_EDITABLE (row), text);
  g_signal_emit_by_name (row, "entry-activated");
}

static AimsConflictDialog *
find_conflict_dialog (void)
{
  return gui_test_find_toplevel (AIMS_TYPE_CONFLICT_DIALOG, G_TYPE_INVALID);
}

/* The other message dialogs: retire, field by field, "not saved". */
static AdwMessageDialog *
find_message_dialog (void)
{
  return gui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, AIMS_TYPE_CONFLICT_DIALOG);
}

static gboolean
conflict_dialog_shown (gpointer data)
{
  return find_conflict_dialog () != NULL;
}

static gboolean
message_dialog_shown (gpointer data)
{
  return find_message_dialog () != NULL;
}

/* Another user changes field; this user, not having seen it yet, types
 * mine and presses Enter: the conflict dialog opens. Returns the id. */
static gint64
provoke_conflict (Fixture    *fixture,
                  const char *field,
                  const char *theirs,
                  const char *mine)
{
  gint64 id = aims_record_get_id (shown_record (fixture));

  update_other (fixture, id, field, theirs);
  type_and_enter (fixture, field, mine);
  gui_test_iterate_until (conflict_dialog_shown, NULL);
  return id;
}

static void
answer_conflict (const char *response)
{
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (find_conflict_dialog ()), response);
  gui_test_iterate_for (50);
  g_assert_null (find_conflict_dialog ());
}

static void
assert_stored (Fixture    *fixture,
               gint64      id,
               const char *field,
               const char *value)
{
  g_autoptr(AimsRecord) stored = load_other (fixture, id);

  g_assert_cmpstr (aims_record_get (stored, field), ==, value);
}

static void
assert_shown (Fixture    *fixture,
              const char *field,
              const char *value)
{
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (field_row (fixture, field))), ==, value);
}

/* ── Fixture ─────────────────────────────────────────────────────────── */

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  if (!have_display)
    return;

  gui_test_page_open (&fixture->base, "systems");
  /* A save that meets the other connection's write lock gives up after
   * 0.1 s (test_busy), not after the usual wait. */
  aims_db_set_busy_timeout (fixture->base.db, 100);

  fixture->page = AIMS_SYSTEMS_PAGE (aims_systems_page_new (fixture->base.context));
  fixture->list = aims_record_page_get_record_list (AIMS_RECORD_PAGE (fixture->page));
  fixture->editor = aims_record_list_get_editor (fixture->list);
  gui_test_page_show (&fixture->base, GTK_WIDGET (fixture->page));
  gui_test_iterate_for (100);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  gui_test_page_close (&fixture->base);
}

#define SKIP_WITHOUT_DISPLAY() \
  G_STMT_START { if (!have_display) { g_test_skip ("no display"); return; } } G_STMT_END

/* ── Tests ───────────────────────────────────────────────────────────── */

static gboolean
n_shown_is (gpointer data)
{
  Fixture *fixture = ((gpointer *) data)[0];
  guint wanted = GPOINTER_TO_UINT (((gpointer *) data)[1]);

  return g_list_model_get_n_items (shown_model (fixture)) == wanted;
}

static void
wait_for_n_shown (Fixture *fixture,
                  guint    wanted)
{
  gpointer data[2] = { fixture, GUINT_TO_POINTER (wanted) };

  gui_test_iterate_until (n_shown_is, data);
}

static guint
count_matching (Fixture                *fixture,
                const AimsRecordFilter *filter)
{
  g_autoptr(GPtrArray) all = aims_store_list (fixture->base.db, aims_entity_systems (), NULL);
  guint n = 0;

  for (guint i = 0; i < all->len; i++)
    if (aims_record_filter_matches (filter, g_ptr_array_index (all, i)))
      n++;
  return n;
}

static void
test_list_search_filter (Fixture       *fixture,
                         gconstpointer  data)
{
  GListModel *model;
  GtkDropDown *stage;
  guint n_all, n_expected;
  const AimsField *stage_field = aims_entity_find_field (aims_entity_systems (), "lifecycle_stage");
  guint stage_index = 0;

  SKIP_WITHOUT_DISPLAY ();

  model = shown_model (fixture);
  n_all = g_list_model_get_n_items (model);
  g_assert_cmpuint (n_all, >=, 10);
  g_assert_cmpuint (aims_record_list_get_n_shown (fixture->list), ==, n_all);
  /* The first system is open in the editor. */
  g_assert_nonnull (aims_record_editor_get_record (fixture->editor));

  /* Search: the list shrinks to the systems that match. */
  n_expected = count_matching (fixture, &(AimsRecordFilter) { "credit", NULL, NULL, FALSE });
  g_assert_cmpuint (n_expected, >, 0);
  g_assert_cmpuint (n_expected, <, n_all);
  gtk_editable_set_text (GTK_EDITABLE (aims_record_list_get_search_entry (fixture->list)), "credit");
  wait_for_n_shown (fixture, n_expected);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(AimsRecord) record = g_list_model_get_item (model, i);

      g_assert_true (aims_record_filter_matches (&(AimsRecordFilter) { "credit", NULL, NULL, FALSE }, record));
    }

  /* Stage filter: only that stage. */
  gtk_editable_set_text (GTK_EDITABLE (aims_record_list_get_search_entry (fixture->list)), "");
  wait_for_n_shown (fixture, count_matching (fixture, &(AimsRecordFilter) { NULL, NULL, NULL, FALSE }));
  for (guint i = 0; stage_field->choices[i].key != NULL; i++)
    if (g_str_equal (stage_field->choices[i].key, "operation"))
      stage_index = i + 1;   /* after "All stages" */
  g_assert_cmpuint (stage_index, >, 0);
  stage = template_child (fixture, "stage_dropdown");
  gtk_drop_down_set_selected (stage, stage_index);
  n_expected = count_matching (fixture, &(AimsRecordFilter) { NULL, "operation", NULL, FALSE });
  g_assert_cmpuint (n_expected, >, 0);
  wait_for_n_shown (fixture, n_expected);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(AimsRecord) record = g_list_model_get_item (model, i);

      g_assert_cmpstr (aims_record_get (record, "lifecycle_stage"), ==, "operation");
    }

  /* Retired systems: hidden, then shown on request. */
  gtk_drop_down_set_selected (stage, 0);
  gtk_check_button_set_active (template_child (fixture, "retired_check"), TRUE);
  n_expected = count_matching (fixture, &(AimsRecordFilter) { NULL, NULL, NULL, TRUE });
  wait_for_n_shown (fixture, n_expected);
  g_assert_cmpuint (n_expected, >, n_all);

  /* Nothing matches: the empty state, and the editor is out of the way. */
  gtk_editable_set_text (GTK_EDITABLE (aims_record_list_get_search_entry (fixture->list)), "zzzz no such system");
  wait_for_n_shown (fixture, 0);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (fixture->editor)));
}

static void
test_sort (Fixture       *fixture,
           gconstpointer  data)
{
  GtkColumnView *view;
  g_autoptr(GListModel) columns = NULL;
  g_autoptr(GtkColumnViewColumn) name_column = NULL;
  GListModel *model;

  SKIP_WITHOUT_DISPLAY ();

  view = aims_record_list_get_column_view (fixture->list);
  columns = g_object_ref (gtk_column_view_get_columns (view));
  name_column = g_list_model_get_item (columns, 1);
  gtk_column_view_sort_by_column (view, name_column, GTK_SORT_ASCENDING);
  gui_test_iterate_for (50);

  model = shown_model (fixture);
  for (guint i = 1; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(AimsRecord) a = g_list_model_get_item (model, i - 1);
      g_autoptr(AimsRecord) b = g_list_model_get_item (model, i);

      g_assert_cmpint (aims_record_compare (a, b, "name"), <=, 0);
    }
}

static void
test_edit_saves (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(AimsRecord) before = NULL;
  g_autoptr(AimsRecord) after = NULL;
  const char *wanted;
  gint64 id;

  SKIP_WITHOUT_DISPLAY ();

  id = aims_record_get_id (shown_record (fixture));
  before = load_other (fixture, id);

  /* Typed, not yet saved: the flush (closing the window) writes it. */
  gtk_editable_set_text (GTK_EDITABLE (field_row (fixture, "name")), "Renamed by the test");
  g_assert_true (aims_record_editor_has_pending (fixture->editor));
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "page.flush", NULL);
  g_assert_false (aims_record_editor_has_pending (fixture->editor));

  after = load_other (fixture, id);
  g_assert_cmpstr (aims_record_get (after, "name"), ==, "Renamed by the test");
  g_assert_cmpint (aims_record_get_row_version (after), >, aims_record_get_row_version (before));
  g_assert_cmpstr (aims_record_get_updated_by (after), ==, "Test User");

  /* The list row shows it too. */
  g_assert_cmpstr (aims_record_get (aims_record_list_get_selected (fixture->list), "name"), ==,
                   "Renamed by the test");

  /* A choice is saved as soon as it changes, its key stored. */
  g_clear_object (&before);
  before = load_other (fixture, id);
  wanted = g_strcmp0 (aims_record_get (before, "criticality"), "critical") == 0 ? "low" : "critical";
  /* Not set, Low, Medium, High, Critical */
  adw_combo_row_set_selected (ADW_COMBO_ROW (field_row (fixture, "criticality")),
                              g_str_equal (wanted, "low") ? 1 : 4);
  g_clear_object (&after);
  after = load_other (fixture, id);
  g_assert_cmpstr (aims_record_get (after, "criticality"), ==, wanted);
  g_assert_cmpint (aims_record_get_row_version (after), ==, aims_record_get_row_version (before) + 1);

  /* A date from the calendar of a date row: saved as soon as it is chosen. */
  {
    GtkWidget *button = gui_test_find_widget (field_row (fixture, "next_review_date"), GTK_TYPE_MENU_BUTTON, NULL);
    GtkWidget *calendar;
    g_autoptr(GDateTime) day = g_date_time_new_local (2031, 5, 17, 0, 0, 0);

    g_assert_nonnull (button);
    calendar = gtk_popover_get_child (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)));
    g_assert_true (GTK_IS_CALENDAR (calendar));
    gtk_calendar_select_day (GTK_CALENDAR (calendar), day);
    g_signal_emit_by_name (calendar, "day-selected");
    assert_stored (fixture, id, "next_review_date", "2031-05-17");
    assert_shown (fixture, "next_review_date", "2031-05-17");
  }

  /* A person chosen as owner: saved at once, the id stored, the name shown. */
  {
    g_autoptr(GPtrArray) people = aims_store_list (fixture->base.other, aims_entity_people (), NULL);
    AimsRecord *last = g_ptr_array_index (people, people->len - 1);
    g_autofree char *last_id = g_strdup_printf ("%" G_GINT64_FORMAT, aims_record_get_id (last));
    GtkWidget *chooser = field_row (fixture, "owner_id");

    g_assert_cmpstr (aims_link_chooser_get_record_id (AIMS_LINK_CHOOSER (chooser)), !=, last_id);
    aims_link_chooser_set_record (AIMS_LINK_CHOOSER (chooser), last_id, NULL);
    assert_stored (fixture, id, "owner_id", last_id);
    g_assert_cmpstr (aims_link_chooser_get_record_title (AIMS_LINK_CHOOSER (chooser)), ==,
                     aims_record_get (last, "name"));
    g_assert_cmpstr (aims_record_get_display (aims_record_list_get_selected (fixture->list), "owner_id"), ==,
                     aims_record_get (last, "name"));
  }

  /* Text after a pause in typing, with nothing else to trigger it. */
  gtk_editable_set_text (GTK_EDITABLE (field_row (fixture, "business_unit")), "Paused Typing Unit");
  gui_test_iterate_for (1200);
  g_clear_object (&after);
  after = load_other (fixture, id);
  g_assert_cmpstr (aims_record_get (after, "business_unit"), ==, "Paused Typing Unit");
}

static void
test_invalid_refused (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(AimsRecord) before = NULL;
  g_autoptr(AimsRecord) after = NULL;
  GtkWidget *row;
  gint64 id;

  SKIP_WITHOUT_DISPLAY ();

  id = aims_record_get_id (shown_record (fixture));
  before = load_other (fixture, id);

  type_and_enter (fixture, "next_review_date", "2025-13-45");
  row = field_row (fixture, "next_review_date");
  g_assert_true (gtk_widget_has_css_class (row, "error"));
  g_assert_nonnull (gtk_widget_get_tooltip_text (row));
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (row), "YYYY-MM-DD"));

  after = load_other (fixture, id);
  g_assert_cmpstr (aims_record_get (after, "next_review_date"), ==, aims_record_get (before, "next_review_date"));
  g_assert_cmpint (aims_record_get_row_version (after), ==, aims_record_get_row_version (before));

  /* A required field left empty is refused too. */
  type_and_enter (fixture, "name", "   ");
  g_assert_true (gtk_widget_has_css_class (field_row (fixture, "name"), "error"));
  g_clear_object (&after);
  after = load_other (fixture, id);
  g_assert_cmpstr (aims_record_get (after, "name"), ==, aims_record_get (before, "name"));

  /* Corrected: the error goes, the value is stored. */
  type_and_enter (fixture, "next_review_date", "2031-02-03");
  g_assert_false (gtk_widget_has_css_class (row, "error"));
  g_clear_object (&after);
  after = load_other (fixture, id);
  g_assert_cmpstr (aims_record_get (after, "next_review_date"), ==, "2031-02-03");
  /* The name is still refused, and still not written. */
  g_assert_cmpstr (aims_record_get (after, "name"), ==, aims_record_get (before, "name"));
}

static gboolean
close_message_cb (gpointer data)
{
  char **body = data;
  AdwMessageDialog *dialog = find_message_dialog ();

  if (dialog == NULL)
    return G_SOURCE_CONTINUE;
  *body = g_strdup (adw_message_dialog_get_body (dialog));
  adw_message_dialog_response (dialog, "close");
  return G_SOURCE_REMOVE;
}

static void
test_flush_tells_and_drops (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(AimsRecord) before = NULL;
  g_autofree char *body = NULL;
  gint64 id;

  SKIP_WITHOUT_DISPLAY ();

  id = aims_record_get_id (shown_record (fixture));
  before = load_other (fixture, id);

  /* The window closes with a value no field accepts and one that is fine:
   * the good one is written, the user is told about the other, and
   * afterwards nothing is pending. */
  gtk_editable_set_text (GTK_EDITABLE (field_row (fixture, "next_review_date")), "next Tuesday");
  gtk_editable_set_text (GTK_EDITABLE (field_row (fixture, "business_unit")), "Closing Unit");
  g_timeout_add (50, close_message_cb, &body);
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "page.flush", NULL);

  g_assert_nonnull (body);
  g_assert_nonnull (strstr (body, "next Tuesday"));
  g_assert_false (aims_record_editor_has_pending (fixture->editor));
  assert_stored (fixture, id, "business_unit", "Closing Unit");
  assert_stored (fixture, id, "next_review_date", aims_record_get (before, "next_review_date"));
  assert_shown (fixture, "next_review_date", aims_record_get (before, "next_review_date"));
}

static gboolean
keep_mine_cb (gpointer data)
{
  AimsConflictDialog *dialog = find_conflict_dialog ();

  if (dialog == NULL)
    return G_SOURCE_CONTINUE;
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "mine");
  return G_SOURCE_REMOVE;
}

static void
test_flush_asks_about_conflict (Fixture       *fixture,
                                gconstpointer  data)
{
  gint64 id;

  SKIP_WITHOUT_DISPLAY ();

  /* Closing the window while an edit conflicts: the user is asked before
   * the flush returns. */
  id = aims_record_get_id (shown_record (fixture));
  update_other (fixture, id, "provider", "Their provider");
  gtk_editable_set_text (GTK_EDITABLE (field_row (fixture, "provider")), "My provider");
  g_timeout_add (50, keep_mine_cb, NULL);
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "page.flush", NULL);

  g_assert_false (aims_record_editor_has_pending (fixture->editor));
  assert_stored (fixture, id, "provider", "My provider");
}

static void
test_conflict_keep_mine (Fixture       *fixture,
                         gconstpointer  data)
{
  AimsConflictDialog *dialog;
  GPtrArray *fields;
  gint64 id;

  SKIP_WITHOUT_DISPLAY ();

  id = provoke_conflict (fixture, "name", "Their name", "My name");
  dialog = find_conflict_dialog ();
  fields = aims_conflict_dialog_get_fields (dialog);
  g_assert_cmpuint (fields->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (fields, 0), ==, "name");
  g_assert_cmpstr (aims_record_get (aims_conflict_dialog_get_theirs (dialog), "name"), ==, "Their name");
  g_assert_cmpstr (aims_record_get (aims_conflict_dialog_get_mine (dialog), "name"), ==, "My name");

  /* Nothing was overwritten while the dialog is up. */
  assert_stored (fixture, id, "name", "Their name");

  answer_conflict ("mine");
  assert_stored (fixture, id, "name", "My name");
  assert_shown (fixture, "name", "My name");
  g_assert_false (aims_record_editor_has_pending (fixture->editor));
}

static void
test_conflict_take_theirs (Fixture       *fixture,
                           gconstpointer  data)
{
  gint64 id;

  SKIP_WITHOUT_DISPLAY ();

  id = provoke_conflict (fixture, "provider", "Their provider", "My provider");
  answer_conflict ("theirs");
  assert_stored (fixture, id, "provider", "Their provider");
  assert_shown (fixture, "provider", "Their provider");
  g_assert_false (aims_record_editor_has_pending (fixture->editor));
}

static void
test_conflict_field_by_field (Fixture       *fixture,
                              gconstpointer  data)
{
  AimsConflictDialog *dialog;
  AdwMessageDialog *chooser;
  gint64 id;

  SKIP_WITHOUT_DISPLAY ();

  id = aims_record_get_id (shown_record (fixture));

  /* Two fields typed, not yet saved; the other user changes both. */
  update_other (fixture, id, "provider", "Their provider");
  update_other (fixture, id, "contract_reference", "THEIR-1");
  gtk_editable_set_text (GTK_EDITABLE (field_row (fixture, "provider")), "My provider");
  gtk_editable_set_text (GTK_EDITABLE (field_row (fixture, "contract_reference")), "MINE-1");
  aims_record_editor_save_pending (fixture->editor);
  gui_test_iterate_until (conflict_dialog_shown, NULL);
  dialog = find_conflict_dialog ();
  g_assert_cmpuint (aims_conflict_dialog_get_fields (dialog)->len, ==, 2);

  /* Clicked as a person would: the summary steps aside while the user
   * chooses, and comes back with Back. */
  gui_test_click (GTK_WIDGET (dialog), "_Choose Field by Field");
  gui_test_iterate_until (message_dialog_shown, NULL);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  gui_test_click (GTK_WIDGET (find_message_dialog ()), "_Back");
  gui_test_iterate_until (conflict_dialog_shown, NULL);
  g_assert_true (find_conflict_dialog () == dialog);
  g_assert_null (find_message_dialog ());

  gui_test_click (GTK_WIDGET (dialog), "_Choose Field by Field");
  gui_test_iterate_until (message_dialog_shown, NULL);
  chooser = find_message_dialog ();
  aims_conflict_dialog_set_keep_mine (dialog, "provider", TRUE);
  aims_conflict_dialog_set_keep_mine (dialog, "contract_reference", FALSE);
  gui_test_click (GTK_WIDGET (chooser), "_Apply");
  gui_test_iterate_for (50);
  g_assert_null (find_message_dialog ());
  g_assert_null (find_conflict_dialog ());

  assert_stored (fixture, id, "provider", "My provider");
  assert_stored (fixture, id, "contract_reference", "THEIR-1");
  assert_shown (fixture, "contract_reference", "THEIR-1");
  g_assert_false (aims_record_editor_has_pending (fixture->editor));
}

static void
test_conflict_cancel (Fixture       *fixture,
                      gconstpointer  data)
{
  gint64 id;

  SKIP_WITHOUT_DISPLAY ();

  id = provoke_conflict (fixture, "provider", "Their provider", "My provider");

  /* Closed without choosing (Escape): nothing is written, and the user's
   * value stays in the field, still to be saved. */
  gtk_window_close (GTK_WINDOW (find_conflict_dialog ()));
  gui_test_iterate_for (50);
  g_assert_null (find_conflict_dialog ());
  assert_stored (fixture, id, "provider", "Their provider");
  assert_shown (fixture, "provider", "My provider");
  g_assert_true (aims_record_editor_has_pending (fixture->editor));

  /* Saving again asks again. */
  g_signal_emit_by_name (field_row (fixture, "provider"), "entry-activated");
  gui_test_iterate_until (conflict_dialog_shown, NULL);
  answer_conflict ("mine");
  assert_stored (fixture, id, "provider", "My provider");
}

static void
test_other_users_changes (Fixture       *fixture,
                          gconstpointer  data)
{
  AimsRecord *shown;
  GListModel *model;
  gint64 id, other_id = -1;
  guint n;

  SKIP_WITHOUT_DISPLAY ();

  shown = shown_record (fixture);
  id = aims_record_get_id (shown);
  model = shown_model (fixture);
  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n && other_id < 0; i++)
    {
      g_autoptr(AimsRecord) record = g_list_model_get_item (model, i);

      if (aims_record_get_id (record) != id)
        other_id = aims_record_get_id (record);
    }

  /* The user is typing in one field; another user changes two other
   * fields of the same system and the name of another one. */
  gtk_editable_set_text (GTK_EDITABLE (field_row (fixture, "provider")), "Typed, not saved yet");
  update_other (fixture, id, "business_unit", "Changed elsewhere");
  update_other (fixture, id, "criticality", "low");
  update_other (fixture, other_id, "name", "Renamed elsewhere");
  aims_context_emit_data_changed (fixture->base.context);
  gui_test_iterate_for (50);

  /* The other fields show the change; the one being typed in is left alone. */
  assert_shown (fixture, "business_unit", "Changed elsewhere");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (field_row (fixture, "criticality"))), ==, 1);
  assert_shown (fixture, "provider", "Typed, not saved yet");
  g_assert_true (aims_record_editor_has_pending (fixture->editor));
  /* Same selection. */
  g_assert_cmpint (aims_record_get_id (aims_record_list_get_selected (fixture->list)), ==, id);

  /* The other system's row shows its new name. */
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(AimsRecord) record = g_list_model_get_item (model, i);

      if (aims_record_get_id (record) == other_id)
        g_assert_cmpstr (aims_record_get (record, "name"), ==, "Renamed elsewhere");
    }

  /* The typed field was not changed by anyone else: it saves without a
   * conflict, over the other user's newer row. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "page.flush", NULL);
  g_assert_null (find_conflict_dialog ());
  assert_stored (fixture, id, "provider", "Typed, not saved yet");
  assert_stored (fixture, id, "business_unit", "Changed elsewhere");
  assert_stored (fixture, id, "criticality", "low");
}

static gboolean
no_status (gpointer data)
{
  Fixture *fixture = data;

  return aims_record_editor_get_status (fixture->editor) == NULL;
}

static void
test_busy (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 id;

  SKIP_WITHOUT_DISPLAY ();

  id = aims_record_get_id (shown_record (fixture));

  /* Another user holds the write lock: the value stays in the field, the
   * editor says it waits, nothing is written. */
  aims_db_begin_write (fixture->base.other, &error);
  g_assert_no_error (error);
  type_and_enter (fixture, "business_unit", "Typed while locked");
  g_assert_nonnull (aims_record_editor_get_status (fixture->editor));
  g_assert_nonnull (strstr (aims_record_editor_get_status (fixture->editor), "Waiting for the database"));
  assert_shown (fixture, "business_unit", "Typed while locked");
  g_assert_true (aims_record_editor_has_pending (fixture->editor));
  gui_test_iterate_for (700);
  g_assert_nonnull (aims_record_editor_get_status (fixture->editor));

  /* The lock goes: the retry writes it. */
  aims_db_rollback (fixture->base.other);
  gui_test_iterate_until (no_status, fixture);
  assert_stored (fixture, id, "business_unit", "Typed while locked");
  g_assert_false (aims_record_editor_has_pending (fixture->editor));
}

static void
test_read_only (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(AimsDb) read_only = NULL;
  g_autoptr(GError) error = NULL;
  guint n_total;

  SKIP_WITHOUT_DISPLAY ();

  n_total = aims_record_list_get_n_total (fixture->list);

  /* The window opens the same file read-only in place of the other. */
  read_only = aims_db_open (fixture->base.path, AIMS_DB_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  aims_context_set_db (fixture->base.context, read_only);
  gui_test_iterate_for (50);

  g_assert_cmpuint (aims_record_list_get_n_total (fixture->list), ==, n_total);
  g_assert_nonnull (aims_record_editor_get_record (fixture->editor));
  g_assert_nonnull (aims_record_editor_get_status (fixture->editor));
  g_assert_false (gtk_widget_is_sensitive (field_row (fixture, "name")));
  g_assert_false (gtk_widget_is_sensitive (field_row (fixture, "owner_id")));
  /* Add is disabled: nothing happens. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "page.add", NULL);
  g_assert_cmpuint (aims_record_list_get_n_total (fixture->list), ==, n_total);
}

static gboolean
watch_noticed (gpointer data)
{
  Fixture *fixture = data;

  return g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (field_row (fixture, "business_unit"))),
                    "Seen through the watch") == 0;
}

static void
test_watch (Fixture       *fixture,
            gconstpointer  data)
{
  SKIP_WITHOUT_DISPLAY ();

  /* Nobody emits anything: the context's watch notices the other commit. */
  update_other (fixture, aims_record_get_id (shown_record (fixture)), "business_unit",
                "Seen through the watch");
  gui_test_iterate_until (watch_noticed, fixture);
}

static void
test_add_duplicate_retire (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(AimsRecord) stored = NULL;
  AdwMessageDialog *confirm;
  AimsRecord *added;
  guint n_total;
  gint64 added_id;
  GtkWidget *focus;

  SKIP_WITHOUT_DISPLAY ();

  n_total = aims_record_list_get_n_total (fixture->list);

  /* Add, even while a search would hide the new system. */
  gtk_editable_set_text (GTK_EDITABLE (aims_record_list_get_search_entry (fixture->list)), "credit");
  gui_test_iterate_for (300);
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "page.add", NULL);
  g_assert_cmpuint (aims_record_list_get_n_total (fixture->list), ==, n_total + 1);
  added = aims_record_list_get_selected (fixture->list);
  g_assert_nonnull (added);
  g_assert_cmpstr (aims_record_get (added, "name"), ==, "New AI system");
  g_assert_cmpstr (aims_record_get (added, "lifecycle_stage"), ==, "inception");
  added_id = aims_record_get_id (added);
  g_assert_cmpint (aims_record_get_id (shown_record (fixture)), ==, added_id);
  focus = gtk_root_get_focus (GTK_ROOT (fixture->base.window));
  g_assert_nonnull (focus);
  g_assert_true (gtk_widget_is_ancestor (focus, field_row (fixture, "name")));

  /* Duplicate it. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "page.duplicate", NULL);
  g_assert_cmpuint (aims_record_list_get_n_total (fixture->list), ==, n_total + 2);
  g_assert_cmpint (aims_record_get_id (aims_record_list_get_selected (fixture->list)), !=, added_id);

  /* Retire the copy, after confirming. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "page.retire", NULL);
  gui_test_iterate_until (message_dialog_shown, NULL);
  confirm = find_message_dialog ();
  added_id = aims_record_get_id (aims_record_list_get_selected (fixture->list));
  adw_message_dialog_response (confirm, "retire");
  gui_test_iterate_for (50);

  stored = load_other (fixture, added_id);
  g_assert_true (aims_system_is_retired (stored));
  /* Still on file; hidden from the list while Show Retired is off. */
  g_assert_cmpuint (aims_record_list_get_n_total (fixture->list), ==, n_total + 2);
  g_assert_false (aims_record_list_select_id (fixture->list, added_id));
}

static void
test_people_page (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(AimsDb) db = NULL;
  g_autoptr(AimsContext) context = NULL;
  AimsRecordList *list;
  GtkWidget *window, *page, *chooser;
  guint n_people;

  SKIP_WITHOUT_DISPLAY ();

  dir = g_dir_make_tmp ("aims-test-people-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "demo.aimsdb", NULL);
  db = gui_test_create_demo (path);
  context = aims_context_new (NULL);
  aims_context_set_db (context, db);

  page = aims_people_page_new (context);
  list = aims_record_page_get_record_list (AIMS_RECORD_PAGE (page));
  window = gtk_window_new ();
  gtk_window_set_child (GTK_WINDOW (window), page);
  gtk_window_present (GTK_WINDOW (window));
  gui_test_iterate_until (window_mapped, window);

  n_people = aims_record_list_get_n_total (list);
  g_assert_cmpuint (n_people, >=, 5);

  /* A person added through a chooser appears in the people page. */
  chooser = aims_link_chooser_new (context, aims_entity_people (), NULL);
  g_object_ref_sink (chooser);
  g_assert_true (aims_link_chooser_add_person (AIMS_LINK_CHOOSER (chooser), "Nadia Quist",
                                                 "Model Risk Manager", "nadia.quist@example.com", &error));
  g_assert_no_error (error);
  g_assert_nonnull (aims_link_chooser_get_record_id (AIMS_LINK_CHOOSER (chooser)));
  g_assert_cmpstr (aims_link_chooser_get_record_title (AIMS_LINK_CHOOSER (chooser)), ==, "Nadia Quist");
  g_assert_cmpuint (aims_record_list_get_n_total (list), ==, n_people + 1);

  /* A bad email is refused by the store. */
  g_assert_false (aims_link_chooser_add_person (AIMS_LINK_CHOOSER (chooser), "Bad Mail",
                                                  NULL, "not an address", &error));
  g_assert_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_INVALID);
  g_clear_error (&error);
  g_object_unref (chooser);

  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&context);
  g_clear_object (&db);
  gui_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  have_display = gui_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/systems-page/list-search-filter", test_list_search_filter);
  ADD ("/systems-page/sort", test_sort);
  ADD ("/systems-page/edit-saves", test_edit_saves);
  ADD ("/systems-page/invalid-refused", test_invalid_refused);
  ADD ("/systems-page/flush-tells-and-drops", test_flush_tells_and_drops);
  ADD ("/systems-page/flush-asks-about-conflict", test_flush_asks_about_conflict);
  ADD ("/systems-page/conflict-keep-mine", test_conflict_keep_mine);
  ADD ("/systems-page/conflict-take-theirs", test_conflict_take_theirs);
  ADD ("/systems-page/conflict-field-by-field", test_conflict_field_by_field);
  ADD ("/systems-page/conflict-cancel", test_conflict_cancel);
  ADD ("/systems-page/other-users-changes", test_other_users_changes);
  ADD ("/systems-page/busy", test_busy);
  ADD ("/systems-page/read-only", test_read_only);
  ADD ("/systems-page/watch", test_watch);
  ADD ("/systems-page/add-duplicate-retire", test_add_duplicate_retire);
  g_test_add_func ("/people-page/list-and-chooser", test_people_page);

  return g_test_run ();
}
