/* test-controls-page.c — the Controls page with real widgets on a demo
 * file: the 38 controls in the standard's order, the group tiles, filters
 * through "page.filter", editing through the editor (read back on a
 * second connection), the store's refusals shown at the field with the
 * file unchanged, unlinking risks to exclude, the completeness view
 * against the core check, and the clause checklist's percentages
 *
 * Counts are checked against SQL run on another connection to the same
 * file, not against the code that made them. The filter's terms are
 * tested without a display.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "aims-controls-filter.h"
#include "aims-controls-page.h"
#include "aims-core.h"
#include "aims-progress-tile.h"
#include "gui-test-util.h"

static gboolean have_display;

typedef struct
{
  GuiTestPage       base;
  AimsControlsPage *page;
  AimsRecordList   *list;
  AimsRecordEditor *editor;
} Fixture;

#define SKIP_WITHOUT_DISPLAY() \
  G_STMT_START { if (!have_display) { g_test_skip ("no display"); return; } } G_STMT_END

/* ── SQL on the other connection ─────────────────────────────────────── */

static gint64
sql_int (Fixture    *fixture,
         const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AimsStatement) statement = aims_db_prepare (fixture->base.other, sql, &error);

  g_assert_no_error (error);
  g_assert_cmpint (aims_statement_step (statement, &error), ==, AIMS_STEP_ROW);
  g_assert_no_error (error);
  return aims_statement_column_int64 (statement, 0);
}

static char *
sql_text (Fixture    *fixture,
          const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AimsStatement) statement = aims_db_prepare (fixture->base.other, sql, &error);
  const char *text;

  g_assert_no_error (error);
  g_assert_cmpint (aims_statement_step (statement, &error), ==, AIMS_STEP_ROW);
  g_assert_no_error (error);
  text = aims_statement_column_text (statement, 0);
  return g_strdup (text);
}

static gint64
control_id (Fixture    *fixture,
            const char *reference)
{
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM control WHERE reference = '%s'", reference);

  return sql_int (fixture, sql);
}

/* One column of the SoA entry of a control, as text ("" when NULL). */
static char *
entry_value (Fixture    *fixture,
             const char *reference,
             const char *column)
{
  g_autofree char *sql = g_strdup_printf ("SELECT coalesce(s.%s, '') FROM soa_entry s JOIN control c "
                                          "ON c.id = s.control_id WHERE c.reference = '%s'",
                                          column, reference);

  return sql_text (fixture, sql);
}

static gint64
entry_version (Fixture    *fixture,
               const char *reference)
{
  g_autofree char *text = entry_value (fixture, reference, "row_version");

  return g_ascii_strtoll (text, NULL, 10);
}

static gint64
n_links (Fixture    *fixture,
         const char *reference)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM risk_control rc JOIN control c "
                                          "ON c.id = rc.control_id WHERE c.reference = '%s'", reference);

  return sql_int (fixture, sql);
}

/* ── Helpers ─────────────────────────────────────────────────────────── */

static gboolean
window_mapped (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

static gboolean
check_done (gpointer data)
{
  Fixture *fixture = data;

  return !aims_controls_page_is_checking (fixture->page) &&
         aims_soa_findings_view_get_rows (aims_controls_page_get_findings_view (fixture->page))->len > 0;
}

static void
settle (void)
{
  gui_test_iterate_for (50);
  gui_test_iterate_pending ();
}

static void
filter (Fixture    *fixture,
        const char *terms)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "page.filter", "s", terms));
  settle ();
}

/* The records the table shows, in its order. */
static GPtrArray *
shown_records (AimsRecordList *list)
{
  GListModel *shown = G_LIST_MODEL (gtk_column_view_get_model (aims_record_list_get_column_view (list)));
  GPtrArray *records = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    g_ptr_array_add (records, g_list_model_get_item (shown, i));
  return records;
}

static GtkWidget *
field_row (AimsRecordEditor *editor,
           const char       *field)
{
  GtkWidget *row = aims_record_editor_get_field_row (editor, field);

  g_assert_nonnull (row);
  return row;
}

static void
select_control (Fixture    *fixture,
                const char *reference)
{
  g_assert_true (aims_record_list_select_id (fixture->list, control_id (fixture, reference)));
  settle ();
  g_assert_cmpstr (aims_record_get_reference (aims_record_editor_get_record (fixture->editor)), ==, reference);
}

/* Chooses the entry key of a choice field's combo row, as a person does. */
static void
choose (AimsRecordEditor *editor,
        const char       *field,
        const char       *key)
{
  const AimsField *f = aims_entity_find_field (aims_record_editor_get_entity (editor), field);
  guint position = f->required ? 0 : 1;

  for (const AimsChoice *c = f->choices; c->key != NULL && !g_str_equal (c->key, key); c++)
    position++;
  adw_combo_row_set_selected (ADW_COMBO_ROW (field_row (editor, field)), position);
  settle ();
}

/* Types into a long text field and writes it. */
static void
type_long_text (AimsRecordEditor *editor,
                const char       *field,
                const char       *text)
{
  GtkTextView *view = g_object_get_data (G_OBJECT (field_row (editor, field)), "aims-text-view");

  g_assert_nonnull (view);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text, -1);
  aims_record_editor_save_pending (editor);
  settle ();
}

static gboolean
is_refused (GtkWidget *row)
{
  return gtk_widget_has_css_class (row, "error");
}

static void
collect (GtkWidget *widget,
         GType      type,
         GPtrArray *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    g_ptr_array_add (found, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect (child, type, found);
}

/* Warning icons shown in the table with exactly this tooltip. */
static guint
warnings_shown (Fixture    *fixture,
                const char *text)
{
  g_autoptr(GPtrArray) images = g_ptr_array_new ();
  guint n = 0;

  collect (GTK_WIDGET (aims_record_list_get_column_view (fixture->list)), GTK_TYPE_IMAGE, images);
  for (guint k = 0; k < images->len; k++)
    n += gtk_widget_is_visible (images->pdata[k]) &&
         g_strcmp0 (gtk_widget_get_tooltip_text (images->pdata[k]), text) == 0;
  return n;
}

static GPtrArray *
core_findings (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) today = aims_date_today ();
  GPtrArray *findings = aims_soa_check (fixture->base.other, today, &error);

  g_assert_no_error (error);
  return findings;
}

/* ── Fixture ─────────────────────────────────────────────────────────── */

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  if (!have_display)
    return;

  gui_test_page_open (&fixture->base, "controls");

  fixture->page = AIMS_CONTROLS_PAGE (aims_controls_page_new (fixture->base.context));
  fixture->list = aims_record_page_get_record_list (AIMS_RECORD_PAGE (fixture->page));
  fixture->editor = aims_record_list_get_editor (fixture->list);
  gui_test_page_show (&fixture->base, GTK_WIDGET (fixture->page));
  gui_test_iterate_until (check_done, fixture);
  settle ();
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  gui_test_page_close (&fixture->base);
}

/* ── Tests ───────────────────────────────────────────────────────────── */

/* The 38 controls of Annex A, in the order of the standard, each group's
 * tile counting what SQL counts. */
static void
test_catalogue (Fixture       *fixture,
                gconstpointer  data)
{
  static const char *const expected[] = {
    "A.2.2", "A.2.3", "A.2.4", "A.3.2", "A.3.3", "A.4.2", "A.4.3", "A.4.4", "A.4.5", "A.4.6",
    "A.5.2", "A.5.3", "A.5.4", "A.5.5", "A.6.1.2", "A.6.1.3", "A.6.2.2", "A.6.2.3", "A.6.2.4",
    "A.6.2.5", "A.6.2.6", "A.6.2.7", "A.6.2.8", "A.7.2", "A.7.3", "A.7.4", "A.7.5", "A.7.6",
    "A.8.2", "A.8.3", "A.8.4", "A.8.5", "A.9.2", "A.9.3", "A.9.4", "A.10.2", "A.10.3", "A.10.4",
  };
  g_autoptr(GPtrArray) shown = NULL;

  SKIP_WITHOUT_DISPLAY ();

  g_assert_cmpstr (aims_controls_page_get_view (fixture->page), ==, "soa");
  shown = shown_records (fixture->list);
  g_assert_cmpuint (shown->len, ==, G_N_ELEMENTS (expected));
  g_assert_cmpuint (shown->len, ==, sql_int (fixture, "SELECT count(*) FROM control"));
  for (guint i = 0; i < shown->len; i++)
    g_assert_cmpstr (aims_record_get_reference (shown->pdata[i]), ==, expected[i]);

  for (const AimsChoice *group = aims_soa_groups (); group->key != NULL; group++)
    {
      g_autofree char *sql = NULL;
      g_autofree char *caption = NULL;
      GtkWidget *tile = aims_controls_page_get_tile (fixture->page, group->key);

      g_assert_nonnull (tile);
      sql = g_strdup_printf ("SELECT count(s.applicable) || ' of ' || count(*) || ' decided · ' || "
                             "sum(s.applicable = 1 AND s.implementation_status = 'implemented') || ' implemented' "
                             "FROM soa_entry s JOIN control c ON c.id = s.control_id WHERE c.group_ref = '%s'",
                             group->key);
      caption = sql_text (fixture, sql);
      g_assert_cmpstr (aims_progress_tile_get_caption (AIMS_PROGRESS_TILE (tile)), ==, caption);
    }

  /* Catalogue fields are shown, never edited. */
  select_control (fixture, "A.6.2.4");
  g_assert_false (GTK_IS_EDITABLE (field_row (fixture->editor, "title")));
  g_assert_null (g_object_get_data (G_OBJECT (field_row (fixture->editor, "guidance")), "aims-text-view"));
  g_assert_false (ADW_IS_COMBO_ROW (field_row (fixture->editor, "group_ref")));
  g_assert_false (aims_record_editor_has_pending (fixture->editor));
}

/* "page.filter" with the terms a dashboard tile uses. */
static void
test_filter (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GHashTable) gap_ids = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GPtrArray) shown = NULL;

  SKIP_WITHOUT_DISPLAY ();

  filter (fixture, "applicable=no");
  g_assert_cmpuint (aims_record_list_get_n_shown (fixture->list), ==,
                    sql_int (fixture, "SELECT count(*) FROM soa_entry WHERE applicable = 0"));
  filter (fixture, "soa_status=undecided");
  g_assert_cmpuint (aims_record_list_get_n_shown (fixture->list), ==,
                    sql_int (fixture, "SELECT count(*) FROM soa_entry WHERE applicable IS NULL"));
  g_assert_cmpuint (aims_record_list_get_n_shown (fixture->list), >, 0);
  filter (fixture, "status=implemented");
  g_assert_cmpuint (aims_record_list_get_n_shown (fixture->list), ==,
                    sql_int (fixture, "SELECT count(*) FROM soa_entry WHERE applicable = 1 "
                                      "AND implementation_status = 'implemented'"));
  filter (fixture, "group=A.6");
  g_assert_cmpuint (aims_record_list_get_n_shown (fixture->list), ==, 9);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (aims_controls_page_get_tile (fixture->page, "A.6"))));
  filter (fixture, "group=A.7;applicable=yes");
  g_assert_cmpuint (aims_record_list_get_n_shown (fixture->list), ==,
                    sql_int (fixture, "SELECT count(*) FROM soa_entry s JOIN control c ON c.id = s.control_id "
                                      "WHERE c.group_ref = 'A.7' AND s.applicable = 1"));
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (aims_controls_page_get_tile (fixture->page, "A.6"))));

  /* gaps=1: the controls the core's check has a finding about. */
  findings = core_findings (fixture);
  for (guint i = 0; i < findings->len; i++)
    {
      AimsSoaFinding *finding = g_ptr_array_index (findings, i);

      if (g_str_equal (aims_soa_finding_kind_entity (finding->kind), "controls"))
        g_hash_table_add (gap_ids, &finding->id);
    }
  g_assert_cmpuint (g_hash_table_size (gap_ids), >, 0);
  filter (fixture, "gaps=1");
  shown = shown_records (fixture->list);
  g_assert_cmpuint (shown->len, ==, g_hash_table_size (gap_ids));
  for (guint i = 0; i < shown->len; i++)
    g_assert_true (g_hash_table_contains (gap_ids, &(gint64) { aims_record_get_id (shown->pdata[i]) }));

  /* The clause checklist, and clearing everything. */
  filter (fixture, "clause=6");
  g_assert_cmpstr (aims_controls_page_get_view (fixture->page), ==, "clauses");
  g_assert_cmpuint (aims_record_list_get_n_shown (aims_controls_page_get_clauses_list (fixture->page)), ==,
                    sql_int (fixture, "SELECT count(*) FROM clause_requirement WHERE clause = '6'"));
  filter (fixture, "view=completeness");
  g_assert_cmpstr (aims_controls_page_get_view (fixture->page), ==, "completeness");
  filter (fixture, "");
  g_assert_cmpstr (aims_controls_page_get_view (fixture->page), ==, "soa");
  g_assert_cmpuint (aims_record_list_get_n_shown (fixture->list), ==, 38);
  g_assert_cmpuint (aims_record_list_get_n_shown (aims_controls_page_get_clauses_list (fixture->page)), ==,
                    sql_int (fixture, "SELECT count(*) FROM clause_requirement"));

  /* A term not understood is left out; the others apply. */
  filter (fixture, "group=A.99;applicable=no");
  g_assert_cmpuint (aims_record_list_get_n_shown (fixture->list), ==,
                    sql_int (fixture, "SELECT count(*) FROM soa_entry WHERE applicable = 0"));
}

/* What is chosen and typed in the editor is in the file, audited. */
static void
test_edit (Fixture       *fixture,
           gconstpointer  data)
{
  gint64 version, audit_rows;
  g_autofree char *status = NULL;
  g_autofree char *evidence = NULL;
  g_autofree char *author = NULL;

  SKIP_WITHOUT_DISPLAY ();

  select_control (fixture, "A.5.5");
  version = entry_version (fixture, "A.5.5");
  audit_rows = sql_int (fixture, "SELECT count(*) FROM audit_log");

  choose (fixture->editor, "implementation_status", AIMS_SOA_STATUS_PLANNED);
  type_long_text (fixture->editor, "evidence", "Societal impact checklist SIC-1, draft");

  status = entry_value (fixture, "A.5.5", "implementation_status");
  evidence = entry_value (fixture, "A.5.5", "evidence");
  g_assert_cmpstr (status, ==, AIMS_SOA_STATUS_PLANNED);
  g_assert_cmpstr (evidence, ==, "Societal impact checklist SIC-1, draft");
  g_assert_cmpint (entry_version (fixture, "A.5.5"), ==, version + 2);
  g_assert_cmpint (sql_int (fixture, "SELECT count(*) FROM audit_log"), ==, audit_rows + 2);
  author = entry_value (fixture, "A.5.5", "updated_by");
  g_assert_cmpstr (author, ==, "Test User");

  /* The table shows it too. */
  filter (fixture, "status=planned");
  g_assert_true (aims_record_list_select_id (fixture->list, control_id (fixture, "A.5.5")));
}

/* The store's refusals: shown at the field, the file unchanged. */
static void
test_refusals (Fixture       *fixture,
               gconstpointer  data)
{
  GtkWidget *row;
  gint64 version;
  g_autofree char *applicable = NULL;
  g_autofree char *status = NULL;

  SKIP_WITHOUT_DISPLAY ();

  /* Implemented without evidence. */
  select_control (fixture, "A.4.5");
  version = entry_version (fixture, "A.4.5");
  choose (fixture->editor, "implementation_status", AIMS_SOA_STATUS_IMPLEMENTED);
  row = field_row (fixture->editor, "implementation_status");
  g_assert_true (is_refused (row));
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (row), "Evidence is required"));
  status = entry_value (fixture, "A.4.5", "implementation_status");
  g_assert_cmpstr (status, ==, AIMS_SOA_STATUS_PLANNED);
  g_assert_cmpint (entry_version (fixture, "A.4.5"), ==, version);
  /* With evidence, what was refused is written. */
  type_long_text (fixture->editor, "evidence", "Capacity plan CAP-7");
  g_clear_pointer (&status, g_free);
  status = entry_value (fixture, "A.4.5", "implementation_status");
  g_assert_cmpstr (status, ==, AIMS_SOA_STATUS_IMPLEMENTED);
  g_assert_false (is_refused (row));

  /* Excluded without a justification: refused until one is typed. */
  select_control (fixture, "A.7.6");
  version = entry_version (fixture, "A.7.6");
  choose (fixture->editor, "applicable", AIMS_SOA_APPLICABLE_NO);
  row = field_row (fixture->editor, "applicable");
  g_assert_true (is_refused (row));
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (row), "Justification is required"));
  applicable = entry_value (fixture, "A.7.6", "applicable");
  g_assert_cmpstr (applicable, ==, "");
  g_assert_cmpint (entry_version (fixture, "A.7.6"), ==, version);
  type_long_text (fixture->editor, "justification", "We prepare no data ourselves: all models are bought ready-trained.");
  g_clear_pointer (&applicable, g_free);
  applicable = entry_value (fixture, "A.7.6", "applicable");
  g_assert_cmpstr (applicable, ==, "0");
  g_assert_false (is_refused (row));
}

/* Excluding a control risks rely on is refused, naming them; "Unlink and
 * Exclude" does both in one write. */
static void
test_relied_on (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *row;
  GtkWidget *unlink;
  gint64 version, links;
  g_autofree char *applicable = NULL;
  g_autofree char *risks = NULL;

  SKIP_WITHOUT_DISPLAY ();

  select_control (fixture, "A.4.6");
  version = entry_version (fixture, "A.4.6");
  links = n_links (fixture, "A.4.6");
  g_assert_cmpint (links, ==, 2);
  risks = sql_text (fixture, "SELECT group_concat(reference, ', ') FROM (SELECT r.reference FROM risk r "
                             "JOIN risk_control rc ON rc.risk_id = r.id JOIN control c ON c.id = rc.control_id "
                             "WHERE c.reference = 'A.4.6' ORDER BY r.id)");

  choose (fixture->editor, "applicable", AIMS_SOA_APPLICABLE_NO);
  row = field_row (fixture->editor, "applicable");
  g_assert_true (is_refused (row));
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (row), "cannot be excluded while risks rely on it"));
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (row), "RSK-"));
  applicable = entry_value (fixture, "A.4.6", "applicable");
  g_assert_cmpstr (applicable, ==, "1");
  g_assert_cmpint (entry_version (fixture, "A.4.6"), ==, version);
  g_assert_cmpint (n_links (fixture, "A.4.6"), ==, links);

  /* The way out is offered, naming the risks. */
  unlink = gui_test_find_widget (GTK_WIDGET (fixture->editor), GTK_TYPE_BUTTON, "_Unlink and Exclude");
  g_assert_nonnull (unlink);
  unlink = gtk_widget_get_ancestor (unlink, ADW_TYPE_ACTION_ROW);
  g_assert_true (gtk_widget_get_visible (unlink));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (unlink)), risks));

  g_assert_true (aims_controls_page_unlink_and_exclude (fixture->page, &error));
  g_assert_no_error (error);
  settle ();
  g_clear_pointer (&applicable, g_free);
  applicable = entry_value (fixture, "A.4.6", "applicable");
  g_assert_cmpstr (applicable, ==, "0");
  g_assert_cmpint (n_links (fixture, "A.4.6"), ==, 0);
  g_assert_false (is_refused (row));
  g_assert_false (aims_record_editor_has_pending (fixture->editor));
  g_assert_false (gtk_widget_get_visible (unlink));
  /* One audit row per risk unlinked, and one for the exclusion. */
  g_assert_cmpint (sql_int (fixture, "SELECT count(*) FROM audit_log WHERE action = 'link_controls'"), >=, links);
}

static gboolean
n_rows_is (gpointer data)
{
  Fixture *fixture = ((gpointer *) data)[0];
  AimsSoaFindingsView *view = aims_controls_page_get_findings_view (fixture->page);

  return !aims_controls_page_is_checking (fixture->page) &&
         aims_soa_findings_view_get_rows (view)->len == GPOINTER_TO_UINT (((gpointer *) data)[1]);
}

/* The completeness view lists what the core's check finds, in its order;
 * choosing a finding goes to its record; a change is checked again. */
static void
test_completeness (Fixture       *fixture,
                   gconstpointer  data)
{
  AimsSoaFindingsView *view = aims_controls_page_get_findings_view (fixture->page);
  g_autoptr(GPtrArray) findings = core_findings (fixture);
  g_autoptr(GPtrArray) after = NULL;
  GPtrArray *rows = aims_soa_findings_view_get_rows (view);
  AimsSoaFinding *no_owner = NULL, *clause_gap = NULL;
  gpointer wait[2];

  SKIP_WITHOUT_DISPLAY ();

  g_assert_cmpuint (findings->len, >, 0);
  g_assert_cmpuint (rows->len, ==, findings->len);
  for (guint i = 0; i < findings->len; i++)
    {
      AimsSoaFinding *finding = g_ptr_array_index (findings, i);

      g_assert_cmpstr (adw_preferences_row_get_title (rows->pdata[i]), ==, finding->message);
      if (finding->kind == AIMS_SOA_FINDING_NO_OWNER && no_owner == NULL)
        no_owner = finding;
      if (finding->kind == AIMS_SOA_FINDING_CLAUSE_GAP && clause_gap == NULL)
        clause_gap = finding;
    }
  g_assert_nonnull (no_owner);
  g_assert_nonnull (clause_gap);

  /* The table flags the control in the column the finding is about. */
  g_assert_cmpuint (warnings_shown (fixture, no_owner->message), ==, 1);

  aims_controls_page_set_view (fixture->page, "completeness");
  settle ();
  for (guint i = 0; i < findings->len; i++)
    if (g_ptr_array_index (findings, i) == no_owner)
      g_signal_emit_by_name (rows->pdata[i], "activated");
  settle ();
  g_assert_cmpstr (aims_controls_page_get_view (fixture->page), ==, "soa");
  g_assert_cmpint (aims_record_get_id (aims_record_list_get_selected (fixture->list)), ==, no_owner->id);

  aims_controls_page_set_view (fixture->page, "completeness");
  settle ();
  for (guint i = 0; i < findings->len; i++)
    if (g_ptr_array_index (findings, i) == clause_gap)
      g_signal_emit_by_name (rows->pdata[i], "activated");
  settle ();
  g_assert_cmpstr (aims_controls_page_get_view (fixture->page), ==, "clauses");
  g_assert_cmpint (aims_record_get_id (aims_record_list_get_selected (aims_controls_page_get_clauses_list (fixture->page))),
                   ==, clause_gap->id);

  /* Another user gives the control an owner: one finding fewer. */
  {
    g_autoptr(GHashTable) changes = g_hash_table_new (g_str_hash, g_str_equal);
    g_autoptr(AimsRecord) stored = NULL;
    g_autoptr(GError) error = NULL;

    g_hash_table_insert (changes, (gpointer) "owner_id", (gpointer) "1");
    stored = aims_store_update (fixture->base.other, aims_entity_controls (), no_owner->id, -1, changes,
                                "Other User", &error);
    g_assert_no_error (error);
  }
  aims_context_emit_data_changed (fixture->base.context);
  wait[0] = fixture;
  wait[1] = GUINT_TO_POINTER (findings->len - 1);
  gui_test_iterate_until (n_rows_is, wait);
  after = core_findings (fixture);
  g_assert_cmpuint (after->len, ==, findings->len - 1);
  for (guint i = 0; i < after->len; i++)
    g_assert_cmpstr (adw_preferences_row_get_title (rows->pdata[i]), ==,
                     ((AimsSoaFinding *) g_ptr_array_index (after, i))->message);
  aims_controls_page_set_view (fixture->page, "soa");
  settle ();
  g_assert_cmpuint (warnings_shown (fixture, no_owner->message), ==, 0);
}

/* Each clause's tile shows the share in place as SQL counts it; a status
 * changed in the editor is in the file and in the tile. */
static void
test_clauses (Fixture       *fixture,
              gconstpointer  data)
{
  AimsRecordList *clauses = aims_controls_page_get_clauses_list (fixture->page);
  AimsRecordEditor *editor = aims_record_list_get_editor (clauses);
  gint64 id;
  g_autofree char *stored = NULL;

  SKIP_WITHOUT_DISPLAY ();

  for (const AimsChoice *chapter = aims_clause_chapters (); chapter->key != NULL; chapter++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT ((100 * sum(status = 'in_place')) / count(*)) || ' %%' "
                                              "FROM clause_requirement WHERE clause = '%s'", chapter->key);
      g_autofree char *percent = sql_text (fixture, sql);
      GtkWidget *tile = aims_controls_page_get_tile (fixture->page, chapter->key);

      g_assert_cmpstr (aims_progress_tile_get_figure (AIMS_PROGRESS_TILE (tile)), ==, percent);
    }

  aims_controls_page_set_view (fixture->page, "clauses");
  id = sql_int (fixture, "SELECT id FROM clause_requirement WHERE reference = '6.3'");
  g_assert_true (aims_record_list_select_id (clauses, id));
  settle ();
  g_assert_false (GTK_IS_EDITABLE (field_row (editor, "title")));
  choose (editor, "status", AIMS_CLAUSE_STATUS_IN_PLACE);
  type_long_text (editor, "notes", "Change procedure CHG-AI adopted");
  stored = sql_text (fixture, "SELECT status || ' ' || notes FROM clause_requirement WHERE reference = '6.3'");
  g_assert_cmpstr (stored, ==, "in_place Change procedure CHG-AI adopted");
  {
    g_autofree char *percent = sql_text (fixture, "SELECT ((100 * sum(status = 'in_place')) / count(*)) || ' %' "
                                                  "FROM clause_requirement WHERE clause = '6'");

    settle ();
    g_assert_cmpstr (aims_progress_tile_get_figure (AIMS_PROGRESS_TILE (aims_controls_page_get_tile (fixture->page, "6"))),
                     ==, percent);
  }

  /* page.flush writes what is typed in either list. */
  g_assert_true (aims_record_list_select_id (clauses, sql_int (fixture, "SELECT id FROM clause_requirement "
                                                                          "WHERE reference = '9.2.1'")));
  settle ();
  {
    GtkTextView *view = g_object_get_data (G_OBJECT (field_row (editor, "evidence")), "aims-text-view");
    g_autofree char *evidence = NULL;

    gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), "Audit plan 2027", -1);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "page.flush", NULL));
    evidence = sql_text (fixture, "SELECT evidence FROM clause_requirement WHERE reference = '9.2.1'");
    g_assert_cmpstr (evidence, ==, "Audit plan 2027");
  }
}

/* The window makes its pages before any database is open: the page
 * follows the database it is given later, and a database closed. */
static void
test_database_later (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(AimsContext) context = NULL;
  g_autofree char *caption = NULL;
  GtkWidget *window, *page;
  AimsControlsPage *controls;

  SKIP_WITHOUT_DISPLAY ();

  settings = gui_test_new_settings ();
  context = aims_context_new (settings);
  page = aims_controls_page_new (context);
  controls = AIMS_CONTROLS_PAGE (page);
  window = gtk_window_new ();
  gtk_window_set_child (GTK_WINDOW (window), page);
  gtk_window_present (GTK_WINDOW (window));
  gui_test_iterate_until (window_mapped, window);
  g_assert_cmpuint (aims_record_list_get_n_total (aims_record_page_get_record_list (AIMS_RECORD_PAGE (page))), ==, 0);

  aims_context_set_db (context, fixture->base.db);
  while (aims_controls_page_is_checking (controls))
    g_main_context_iteration (NULL, TRUE);
  settle ();
  g_assert_cmpuint (aims_record_list_get_n_total (aims_record_page_get_record_list (AIMS_RECORD_PAGE (page))), ==, 38);
  caption = sql_text (fixture, "SELECT count(s.applicable) || ' of ' || count(*) || ' decided · ' || "
                               "sum(s.applicable = 1 AND s.implementation_status = 'implemented') || ' implemented' "
                               "FROM soa_entry s JOIN control c ON c.id = s.control_id WHERE c.group_ref = 'A.6'");
  g_assert_cmpstr (aims_progress_tile_get_caption (AIMS_PROGRESS_TILE (aims_controls_page_get_tile (controls, "A.6"))),
                   ==, caption);
  g_assert_cmpuint (aims_soa_findings_view_get_rows (aims_controls_page_get_findings_view (controls))->len, >, 0);

  aims_context_set_db (context, NULL);
  settle ();
  g_assert_cmpuint (aims_record_list_get_n_total (aims_record_page_get_record_list (AIMS_RECORD_PAGE (page))), ==, 0);
  g_assert_cmpstr (aims_progress_tile_get_caption (AIMS_PROGRESS_TILE (aims_controls_page_get_tile (controls, "A.6"))),
                   ==, "0 of 0 decided · 0 implemented");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The terms of "page.filter", without a display. */
static void
test_filter_terms (void)
{
  g_autoptr(GError) error = NULL;
  AimsControlsFilter filter;

  g_assert_true (aims_controls_filter_parse (&filter, "view=clauses; clause=6 ;clause_status=partial", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (filter.view, ==, "clauses");
  g_assert_cmpstr (filter.clause, ==, "6");
  g_assert_cmpstr (filter.clause_status, ==, AIMS_CLAUSE_STATUS_PARTIAL);

  g_assert_true (aims_controls_filter_parse (&filter, "soa_status=implemented;group=A.10;owner=3;gaps=1", &error));
  g_assert_cmpint (filter.applicable, ==, AIMS_CONTROLS_APPLICABLE_YES);
  g_assert_cmpstr (filter.status, ==, AIMS_SOA_STATUS_IMPLEMENTED);
  g_assert_cmpstr (filter.group, ==, "A.10");
  g_assert_cmpint (filter.owner_id, ==, 3);
  g_assert_true (filter.gaps);

  g_assert_true (aims_controls_filter_parse (&filter, "soa_status=excluded", &error));
  g_assert_cmpint (filter.applicable, ==, AIMS_CONTROLS_APPLICABLE_NO);
  g_assert_null (filter.group);
  g_assert_true (aims_controls_filter_parse (&filter, "applicable=undecided", &error));
  g_assert_cmpint (filter.applicable, ==, AIMS_CONTROLS_APPLICABLE_UNDECIDED);

  g_assert_false (aims_controls_filter_parse (&filter, "group=A.1;applicable=no;colour=red;gaps", &error));
  g_assert_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "group=A.1, colour=red, gaps"));
  g_assert_cmpint (filter.applicable, ==, AIMS_CONTROLS_APPLICABLE_NO);
  g_assert_null (filter.group);
}

/* Matching, on records made here. */
static void
test_filter_matches (void)
{
  g_autoptr(AimsRecord) control = aims_record_new (aims_entity_controls ());
  g_autoptr(GHashTable) gaps = g_hash_table_new (g_int64_hash, g_int64_equal);
  gint64 id = 7;
  AimsControlsFilter filter;

  aims_record_set_meta (control, id, "A.6.2.4", 1, NULL, NULL, NULL, NULL);
  aims_record_set (control, "group_ref", "A.6");
  aims_record_set (control, "applicable", AIMS_SOA_APPLICABLE_NO);
  aims_record_set (control, "implementation_status", AIMS_SOA_STATUS_PLANNED);
  aims_record_set (control, "soa_status", AIMS_SOA_STATUS_EXCLUDED);

  aims_controls_filter_init (&filter);
  g_assert_true (aims_controls_filter_matches (&filter, control, NULL));
  g_assert_true (aims_controls_filter_parse (&filter, "applicable=no;group=A.6", NULL));
  g_assert_true (aims_controls_filter_matches (&filter, control, NULL));
  /* Planned before it was excluded: not planned now. */
  g_assert_true (aims_controls_filter_parse (&filter, "status=planned", NULL));
  g_assert_false (aims_controls_filter_matches (&filter, control, NULL));
  g_assert_true (aims_controls_filter_parse (&filter, "gaps=1", NULL));
  g_assert_false (aims_controls_filter_matches (&filter, control, NULL));
  g_assert_false (aims_controls_filter_matches (&filter, control, gaps));
  g_hash_table_add (gaps, &id);
  g_assert_true (aims_controls_filter_matches (&filter, control, gaps));
  g_assert_true (aims_controls_filter_parse (&filter, "owner=2", NULL));
  g_assert_false (aims_controls_filter_matches (&filter, control, NULL));
  aims_record_set (control, "owner_id", "2");
  g_assert_true (aims_controls_filter_matches (&filter, control, NULL));
}

int
main (int   argc,
      char *argv[])
{
  have_display = gui_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  g_test_add_func ("/controls-filter/terms", test_filter_terms);
  g_test_add_func ("/controls-filter/matches", test_filter_matches);
  ADD ("/controls-page/catalogue", test_catalogue);
  ADD ("/controls-page/filter", test_filter);
  ADD ("/controls-page/edit", test_edit);
  ADD ("/controls-page/refusals", test_refusals);
  ADD ("/controls-page/relied-on", test_relied_on);
  ADD ("/controls-page/completeness", test_completeness);
  ADD ("/controls-page/clauses", test_clauses);
  ADD ("/controls-page/database-later", test_database_later);

  return g_test_run ();
}
