/* test-reviews-page.c — the Management Review page with real widgets on a
 * demo file: a new review, notes saved as typed, an attendee ticked, an
 * action added, closing (asked, then frozen), the frozen inputs unchanged
 * by a later change, and the overdue action of the demo's review marked
 *
 * Results are checked with SQL on another connection to the same file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "aims-core.h"
#include "aims-nc-actions-view.h"
#include "aims-review-attendees-row.h"
#include "aims-review-inputs-view.h"
#include "aims-reviews-page.h"
#include "gui-test-util.h"

static gboolean have_display;

typedef struct
{
  GuiTestPage       base;
  AimsReviewsPage *page;
  AimsRecordList  *list;
} Fixture;

#define SKIP_WITHOUT_DISPLAY() \
  G_STMT_START { if (!have_display) { g_test_skip ("no display"); return; } } G_STMT_END

static gint64
sql_int (Fixture    *fixture,
         const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AimsStatement) statement = aims_db_prepare (fixture->base.other, sql, &error);

  g_assert_no_error (error);
  g_assert_cmpint (aims_statement_step (statement, &error), ==, AIMS_STEP_ROW);
  return aims_statement_column_int64 (statement, 0);
}

static char *
sql_text (Fixture    *fixture,
          const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AimsStatement) statement = aims_db_prepare (fixture->base.other, sql, &error);

  g_assert_no_error (error);
  g_assert_cmpint (aims_statement_step (statement, &error), ==, AIMS_STEP_ROW);
  return g_strdup (aims_statement_column_text (statement, 0));
}

static gboolean
listed (gpointer data)
{
  Fixture *fixture = data;

  return aims_record_list_get_n_total (fixture->list) > 0;
}

static gboolean
dialog_shown (gpointer data)
{
  return gui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, G_TYPE_INVALID) != NULL;
}

static gboolean
inputs_ready (gpointer data)
{
  return !aims_review_inputs_view_is_busy (data);
}

static AimsRecordEditor *editor_of (Fixture *fixture);

static gboolean
close_done (gpointer data)
{
  return !aims_reviews_page_is_closing (data);
}

/* A row stands for the field on screen: shown, in a shown group. */
static gboolean
row_shown (GtkWidget *row)
{
  return row != NULL && gtk_widget_is_visible (row);
}

/* Whether any button or editable is shown inside widget: an affordance to
 * edit. */
static gboolean
has_edit_affordance (GtkWidget *widget)
{
  if (!gtk_widget_get_visible (widget))
    return FALSE;
  if ((GTK_IS_BUTTON (widget) || GTK_IS_MENU_BUTTON (widget) || GTK_IS_EDITABLE (widget) ||
       GTK_IS_TEXT_VIEW (widget)) && gtk_widget_is_sensitive (widget))
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_edit_affordance (child))
      return TRUE;
  return FALSE;
}

/* The label showing text, anywhere inside widget. */
static GtkWidget *
find_label (GtkWidget  *widget,
            const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* What a closed review shows: the note, and its fields as text only. */
static void
assert_frozen_look (Fixture    *fixture,
                    const char *closed_on)
{
  const char *fields[] = { "title", "held_on", "notes", "decisions", NULL };
  g_autofree char *expected = g_strdup_printf ("Closed on %s", closed_on);
  const char *note = aims_reviews_page_get_frozen_note (fixture->page);
  GtkWidget *note_label = note != NULL ? find_label (GTK_WIDGET (fixture->page), note) : NULL;

  g_assert_nonnull (note);
  g_assert_true (g_str_has_prefix (note, expected));
  g_assert_nonnull (strstr (note, "the record and inputs are frozen"));
  g_assert_true (note_label != NULL && gtk_widget_is_visible (note_label));
  for (guint i = 0; fields[i] != NULL; i++)
    {
      GtkWidget *row = aims_record_editor_get_field_row (editor_of (fixture), fields[i]);
      GtkWidget *list = gtk_widget_get_parent (row);

      /* The entry with its edit and calendar icons is gone ... */
      g_assert_false (row_shown (row));
      /* ... and nothing else in its group offers to edit it. */
      for (GtkWidget *other = gtk_widget_get_first_child (list); other != NULL;
           other = gtk_widget_get_next_sibling (other))
        if (other != row && GTK_IS_LIST_BOX_ROW (other) && !ADW_IS_EXPANDER_ROW (other) &&
            gtk_widget_get_visible (other))
          g_assert_false (has_edit_affordance (other));
    }
}

static void
settle (void)
{
  gui_test_iterate_for (50);
  gui_test_iterate_pending ();
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  if (!have_display)
    return;

  gui_test_page_open (&fixture->base, "reviews");

  fixture->page = AIMS_REVIEWS_PAGE (aims_reviews_page_new (fixture->base.context));
  fixture->list = aims_record_page_get_record_list (AIMS_RECORD_PAGE (fixture->page));
  gui_test_page_show (&fixture->base, GTK_WIDGET (fixture->page));
  gui_test_iterate_until (listed, fixture);
  settle ();
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  gui_test_page_close (&fixture->base);
}

/* The header's Close Review button: shown and working for a draft only. */
static gboolean
can_close (Fixture *fixture)
{
  GtkWidget *button = gui_test_find_widget (GTK_WIDGET (fixture->page), GTK_TYPE_BUTTON, "_Close Review…");

  g_assert_nonnull (button);
  return gtk_widget_get_visible (button) && gtk_widget_is_sensitive (button);
}

static AimsRecordEditor *
editor_of (Fixture *fixture)
{
  return aims_record_list_get_editor (fixture->list);
}

/* The rows of the actions view that are marked overdue. */
static guint
count_overdue_rows (GtkWidget *widget)
{
  guint n = gtk_widget_has_css_class (widget, "aims-nc-overdue");

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_overdue_rows (child);
  return n;
}

/* The demo's closed review: its actions listed, the overdue one marked, its
 * fields no longer editable, its inputs the frozen ones. */
static void
test_demo_review (Fixture       *fixture,
                  gconstpointer  data)
{
  AimsNcActionsView *actions = AIMS_NC_ACTIONS_VIEW (aims_reviews_page_get_actions_view (fixture->page));
  AimsReviewInputsView *inputs = AIMS_REVIEW_INPUTS_VIEW (aims_reviews_page_get_inputs_view (fixture->page));
  g_autofree char *shown = NULL;
  g_autofree char *frozen = NULL;
  g_autofree char *today = NULL;
  g_autofree char *sql = NULL;
  g_autoptr(GDate) date = aims_date_today ();

  SKIP_WITHOUT_DISPLAY ();

  g_assert_cmpint (aims_record_list_get_n_total (fixture->list), ==,
                   sql_int (fixture, "SELECT count(*) FROM management_review"));
  g_assert_true (aims_record_list_select_id (fixture->list, 1));
  settle ();
  g_assert_cmpuint (aims_nc_actions_view_get_n_actions (actions), ==,
                    sql_int (fixture, "SELECT count(*) FROM corrective_action WHERE review_id = 1"));
  today = aims_date_format_iso (date);
  sql = g_strdup_printf ("SELECT count(*) FROM corrective_action WHERE review_id = 1"
                         " AND status IN ('open', 'in_progress') AND due_date < '%s'", today);
  g_assert_cmpuint (count_overdue_rows (GTK_WIDGET (actions)), ==, sql_int (fixture, sql));
  g_assert_cmpuint (count_overdue_rows (GTK_WIDGET (actions)), >, 0);
  g_assert_false (gtk_widget_get_sensitive (aims_record_editor_get_field_row (editor_of (fixture), "notes")));
  g_assert_false (gtk_widget_get_sensitive (aims_record_editor_get_field_row (editor_of (fixture), "title")));
  g_assert_false (can_close (fixture));
  {
    g_autofree char *closed_at = sql_text (fixture, "SELECT substr(closed_at, 1, 10) FROM management_review"
                                                    " WHERE id = 1");

    assert_frozen_look (fixture, closed_at);
  }

  /* The figure shown is the frozen one, not today's. */
  shown = aims_review_inputs_view_dup_shown (inputs, "risks.open");
  frozen = sql_text (fixture, "SELECT json_extract(value, '$.value') FROM management_review,"
                              " json_each(json_extract(inputs, '$.figures'))"
                              " WHERE management_review.id = 1 AND json_extract(value, '$.key') = 'risks.open'");
  g_assert_nonnull (shown);
  g_assert_true (g_str_has_prefix (shown, frozen));
}

static void
set_notes (Fixture    *fixture,
           const char *text)
{
  GtkWidget *row = aims_record_editor_get_field_row (editor_of (fixture), "notes");
  GtkWidget *view = gui_test_find_widget (row, GTK_TYPE_TEXT_VIEW, NULL);

  g_assert_nonnull (view);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), text, -1);
}

/* New review → notes typed → an attendee → an action → close: frozen. */
static void
test_create_and_close (Fixture       *fixture,
                       gconstpointer  data)
{
  AimsNcActionsView *actions = AIMS_NC_ACTIONS_VIEW (aims_reviews_page_get_actions_view (fixture->page));
  AimsReviewInputsView *inputs = AIMS_REVIEW_INPUTS_VIEW (aims_reviews_page_get_inputs_view (fixture->page));
  GtkWidget *attendees = aims_reviews_page_get_attendees_row (fixture->page);
  g_autoptr(AimsRecord) action = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) due = aims_date_today ();
  g_autofree char *due_iso = NULL;
  g_autofree char *notes = NULL;
  g_autofree char *json = NULL;
  g_autofree char *json_after = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *shown_after = NULL;
  gint64 reviews = sql_int (fixture, "SELECT count(*) FROM management_review");
  gint64 id;
  AdwMessageDialog *dialog;

  SKIP_WITHOUT_DISPLAY ();

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "page.add", NULL));
  settle ();
  g_assert_cmpint (sql_int (fixture, "SELECT count(*) FROM management_review"), ==, reviews + 1);
  id = sql_int (fixture, "SELECT max(id) FROM management_review");
  g_assert_cmpint (aims_record_get_id (aims_record_editor_get_record (editor_of (fixture))), ==, id);
  g_assert_true (can_close (fixture));

  set_notes (fixture, "Resourcing discussed; the appetite stays.");
  aims_record_editor_flush (editor_of (fixture));
  settle ();
  notes = sql_text (fixture, "SELECT notes FROM management_review ORDER BY id DESC LIMIT 1");
  g_assert_cmpstr (notes, ==, "Resourcing discussed; the appetite stays.");

  aims_review_attendees_row_set_person (AIMS_REVIEW_ATTENDEES_ROW (attendees), 1, TRUE);
  settle ();
  g_assert_cmpint (sql_int (fixture, "SELECT count(*) FROM management_review_attendee"
                                     " WHERE review_id = (SELECT max(id) FROM management_review)"), ==, 1);

  g_date_add_days (due, 30);
  due_iso = aims_date_format_iso (due);
  action = aims_nc_actions_view_add (actions, "Fund a second monitoring role", "1", due_iso, &error);
  g_assert_no_error (error);
  settle ();
  g_assert_cmpuint (aims_nc_actions_view_get_n_actions (actions), ==, 1);
  g_assert_cmpint (sql_int (fixture, "SELECT count(*) FROM corrective_action"
                                     " WHERE review_id = (SELECT max(id) FROM management_review)"
                                     " AND owner_id = 1 AND due_date IS NOT NULL"), ==, 1);

  /* The draft shows a preview, compiled in a thread; closing asks first. */
  gui_test_iterate_until (inputs_ready, inputs);
  shown = aims_review_inputs_view_dup_shown (inputs, "risks.open");
  g_assert_nonnull (shown);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "page.close-review", NULL));
  gui_test_iterate_until (dialog_shown, NULL);
  g_assert_cmpstr (sql_text (fixture, "SELECT status FROM management_review ORDER BY id DESC LIMIT 1"), ==, "draft");
  dialog = gui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, G_TYPE_INVALID);
  adw_message_dialog_response (dialog, "close");
  /* The close runs in a thread: the header shows it and the review's
   * fields wait, while the rest of the window works. */
  g_assert_true (aims_reviews_page_is_closing (fixture->page));
  g_assert_false (can_close (fixture));
  g_assert_false (gtk_widget_get_sensitive (aims_record_editor_get_field_row (editor_of (fixture), "notes")));
  g_assert_nonnull (gui_test_find_widget (GTK_WIDGET (fixture->page), GTK_TYPE_SPINNER, NULL));
  g_assert_true (aims_record_list_select_id (fixture->list, 1));
  gui_test_iterate_until (close_done, fixture->page);
  settle ();
  g_assert_true (aims_record_list_select_id (fixture->list, id));
  settle ();
  /* No error: the only dialog left is the question answered. */
  g_assert_true (gui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, G_TYPE_INVALID) == dialog);
  gtk_window_destroy (GTK_WINDOW (dialog));

  g_assert_cmpint (sql_int (fixture, "SELECT count(*) FROM management_review WHERE status = 'closed'"
                                     " AND inputs IS NOT NULL AND closed_by = 'Test User'"
                                     " AND id = (SELECT max(id) FROM management_review)"), ==, 1);
  g_assert_cmpint (sql_int (fixture, "SELECT count(*) FROM audit_log WHERE entity = 'management_review'"
                                     " AND action = 'close'"), ==, 2);
  g_assert_false (can_close (fixture));
  g_assert_false (gtk_widget_get_sensitive (aims_record_editor_get_field_row (editor_of (fixture), "notes")));
  {
    /* Held today, so closed today. */
    g_autofree char *held_on = sql_text (fixture, "SELECT held_on FROM management_review ORDER BY id DESC LIMIT 1");

    assert_frozen_look (fixture, held_on);
  }
  /* The frozen JSON: as of the day held, with the figures counted then. */
  g_assert_cmpint (sql_int (fixture, "SELECT count(*) FROM management_review"
                                     " WHERE id = (SELECT max(id) FROM management_review)"
                                     " AND json_extract(inputs, '$.as_of') = held_on"), ==, 1);
  g_assert_cmpint (sql_int (fixture, "SELECT json_extract(value, '$.value') FROM management_review,"
                                     " json_each(json_extract(inputs, '$.figures'))"
                                     " WHERE management_review.id = (SELECT max(id) FROM management_review)"
                                     " AND json_extract(value, '$.key') = 'risks.open'"), ==,
                   sql_int (fixture, "SELECT count(*) FROM risk WHERE coalesce(status, '') <> 'closed'"));
  g_assert_cmpint (sql_int (fixture, "SELECT json_extract(value, '$.value') FROM management_review,"
                                     " json_each(json_extract(inputs, '$.figures'))"
                                     " WHERE management_review.id = (SELECT max(id) FROM management_review)"
                                     " AND json_extract(value, '$.key') = 'systems.in_use'"), ==,
                   sql_int (fixture, "SELECT count(*) FROM ai_system"
                                     " WHERE coalesce(lifecycle_stage, '') <> 'retired'"));
  g_assert_cmpint (sql_int (fixture, "SELECT json_array_length(json_extract(inputs, '$.figures'))"
                                     " FROM management_review ORDER BY id DESC LIMIT 1"), >, 20);

  /* A risk closed afterwards leaves the frozen inputs as they were. */
  json = sql_text (fixture, "SELECT inputs FROM management_review ORDER BY id DESC LIMIT 1");
  g_assert_true (aims_db_exec (fixture->base.other, "UPDATE risk SET status = 'closed', row_version = row_version + 1"
                                               " WHERE id = (SELECT min(id) FROM risk WHERE status <> 'closed')",
                               &error));
  g_assert_no_error (error);
  g_assert_true (aims_record_list_select_id (fixture->list, 1));
  settle ();
  g_assert_true (aims_record_list_select_id (fixture->list, id));
  settle ();
  json_after = sql_text (fixture, "SELECT inputs FROM management_review ORDER BY id DESC LIMIT 1");
  g_assert_cmpstr (json_after, ==, json);
  shown_after = aims_review_inputs_view_dup_shown (inputs, "risks.open");
  g_assert_cmpstr (shown_after, ==, shown);
}

/* Someone else changes the draft while the user confirms the close: the
 * close is refused with the reason, and nothing is frozen. */
static void
test_close_conflict (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GHashTable) changes = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(AimsRecord) changed = NULL;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;
  gint64 id;

  SKIP_WITHOUT_DISPLAY ();

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "page.add", NULL));
  settle ();
  id = sql_int (fixture, "SELECT max(id) FROM management_review");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "page.close-review", NULL));
  gui_test_iterate_until (dialog_shown, NULL);

  g_hash_table_insert (changes, "title", "Management review, renamed elsewhere");
  changed = aims_store_update (fixture->base.other, aims_entity_reviews (), id, 1, changes, "Someone Else", &error);
  g_assert_no_error (error);
  g_assert_nonnull (changed);

  dialog = gui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, G_TYPE_INVALID);
  adw_message_dialog_response (dialog, "close");
  gtk_window_destroy (GTK_WINDOW (dialog));
  gui_test_iterate_until (close_done, fixture->page);
  gui_test_iterate_until (dialog_shown, NULL);
  dialog = gui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, G_TYPE_INVALID);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Could Not Close the Review");
  g_assert_nonnull (adw_message_dialog_get_body (dialog));
  g_assert_cmpstr (sql_text (fixture, "SELECT status FROM management_review ORDER BY id DESC LIMIT 1"), ==, "draft");
  g_assert_cmpint (sql_int (fixture, "SELECT count(*) FROM management_review WHERE inputs IS NOT NULL"
                                     " AND id = (SELECT max(id) FROM management_review)"), ==, 0);
  g_assert_cmpint (sql_int (fixture, "SELECT count(*) FROM audit_log WHERE entity = 'management_review'"
                                     " AND action = 'close'"), ==, 1);
  gtk_window_destroy (GTK_WINDOW (dialog));
  settle ();
  /* The page shows the review as it is now, and still offers to close it. */
  g_assert_null (aims_reviews_page_get_frozen_note (fixture->page));
  g_assert_cmpstr (aims_record_get_title (aims_record_editor_get_record (editor_of (fixture))), ==,
                   "Management review, renamed elsewhere");
  g_assert_true (can_close (fixture));
}

int
main (int   argc,
      char *argv[])
{
  have_display = gui_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/reviews-page/demo-review", test_demo_review);
  ADD ("/reviews-page/create-and-close", test_create_and_close);
  ADD ("/reviews-page/close-conflict", test_close_conflict);

  return g_test_run ();
}
