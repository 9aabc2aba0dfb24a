/* test-risks-page.c — the Risks page with real widgets on a demo file: the
 * register, the heatmap's cells as filters, its views and keyboard, what a
 * screen reader hears of a cell, the editor's live scores, a new risk and
 * an acceptance that ran out
 *
 * Counts are checked against SQL run on another connection to the same
 * file, not against the code that made them.
 *
 * Run under Xvfb (build-aux/dev test); without a display the tests skip.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "aims-core.h"
#include "aims-link-chooser.h"
#include "aims-risks-page.h"
#include "gui-test-util.h"

static gboolean have_display;

typedef struct
{
  GuiTestPage       base;
  AimsRisksPage    *page;
  AimsRecordList   *list;
  AimsRecordEditor *editor;
  AimsRiskHeatmap  *heatmap;
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

/* Open risks in a cell, of one system (0: any; -1: organisation-wide). */
static guint
sql_cell_count (Fixture  *fixture,
                gint64    system_id,
                gboolean  residual,
                guint     likelihood,
                guint     impact)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM risk WHERE coalesce(status, '') <> 'closed' "
                                          "AND %s = ?1 AND %s = ?2 AND (?3 = 0 OR (?3 = -1 AND ai_system_id IS NULL) "
                                          "OR ai_system_id = ?3)",
                                          residual ? "residual_likelihood" : "inherent_likelihood",
                                          residual ? "residual_impact" : "inherent_impact");
  g_autoptr(GError) error = NULL;
  g_autoptr(AimsStatement) statement = aims_db_prepare (fixture->base.other, sql, &error);

  g_assert_no_error (error);
  aims_statement_bind_int64 (statement, 1, likelihood);
  aims_statement_bind_int64 (statement, 2, impact);
  aims_statement_bind_int64 (statement, 3, system_id);
  g_assert_cmpint (aims_statement_step (statement, &error), ==, AIMS_STEP_ROW);
  g_assert_no_error (error);
  return (guint) aims_statement_column_int64 (statement, 0);
}

/* ── Helpers ─────────────────────────────────────────────────────────── */

static gpointer
template_child (Fixture    *fixture,
                const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (fixture->page), AIMS_TYPE_RISKS_PAGE, name);

  g_assert_nonnull (child);
  return child;
}

static const AimsRiskMatrix *
matrix (Fixture *fixture)
{
  return aims_context_get_risk_matrix (fixture->base.context);
}

static guint
size (Fixture *fixture)
{
  return matrix (fixture)->size;
}

static gboolean
n_shown_is (gpointer data)
{
  Fixture *fixture = ((gpointer *) data)[0];

  return aims_record_list_get_n_shown (fixture->list) == GPOINTER_TO_UINT (((gpointer *) data)[1]);
}

static void
wait_for_n_shown (Fixture *fixture,
                  guint    wanted)
{
  gpointer data[2] = { fixture, GUINT_TO_POINTER (wanted) };

  gui_test_iterate_until (n_shown_is, data);
}

/* The heatmap is counted again in an idle after each change. */
static void
settle (void)
{
  gui_test_iterate_for (50);
  gui_test_iterate_pending ();
}

static guint
heatmap_total (Fixture  *fixture,
               gboolean  residual)
{
  guint total = 0;

  for (guint l = 1; l <= size (fixture); l++)
    for (guint i = 1; i <= size (fixture); i++)
      total += aims_risk_heatmap_get_count (fixture->heatmap, residual, l, i);
  return total;
}

static gboolean
heatmap_counted (gpointer data)
{
  return heatmap_total (data, FALSE) > 0;
}

/* Clicked, as a pointer click on the cell does. */
static void
click_cell (Fixture  *fixture,
            gboolean  residual,
            guint     likelihood,
            guint     impact)
{
  GtkWidget *button = aims_risk_heatmap_get_cell_button (fixture->heatmap, residual, likelihood, impact);

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_mapped (button));
  g_signal_emit_by_name (button, "clicked");
  settle ();
}

/* The cell with the most risks, fewer than all. */
static void
busiest_cell (Fixture  *fixture,
              gboolean  residual,
              guint    *likelihood,
              guint    *impact)
{
  guint best = 0;

  for (guint l = 1; l <= size (fixture); l++)
    for (guint i = 1; i <= size (fixture); i++)
      if (aims_risk_heatmap_get_count (fixture->heatmap, residual, l, i) > best)
        {
          best = aims_risk_heatmap_get_count (fixture->heatmap, residual, l, i);
          *likelihood = l;
          *impact = i;
        }
  g_assert_cmpuint (best, >, 1);
  g_assert_cmpuint (best, <, aims_record_list_get_n_total (fixture->list));
}

static void
assert_shown_in_cell (Fixture  *fixture,
                      gboolean  residual,
                      guint     likelihood,
                      guint     impact)
{
  GListModel *shown = G_LIST_MODEL (gtk_column_view_get_model (aims_record_list_get_column_view (fixture->list)));

  for (guint k = 0; k < g_list_model_get_n_items (shown); k++)
    {
      g_autoptr(AimsRecord) risk = g_list_model_get_item (shown, k);
      guint l, i;

      g_assert_true (aims_risk_get_levels (matrix (fixture), risk, residual, &l, &i));
      g_assert_cmpuint (l, ==, likelihood);
      g_assert_cmpuint (i, ==, impact);
      g_assert_false (aims_risk_is_closed (risk));
    }
}

static void
set_view (Fixture    *fixture,
          const char *toggle)
{
  gtk_toggle_button_set_active (template_child (fixture, toggle), TRUE);
  settle ();
}

/* Selects the dropdown's entry labelled label. */
static void
choose_in_dropdown (GtkDropDown *dropdown,
                    const char  *label)
{
  GListModel *model = gtk_drop_down_get_model (dropdown);

  for (guint k = 0; k < g_list_model_get_n_items (model); k++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (model), k), label) == 0)
      {
        gtk_drop_down_set_selected (dropdown, k);
        settle ();
        return;
      }
  g_error ("no entry “%s” in the dropdown", label);
}

static void
focus_cell (Fixture  *fixture,
            gboolean  residual,
            guint     likelihood,
            guint     impact)
{
  GtkWidget *button = aims_risk_heatmap_get_cell_button (fixture->heatmap, residual, likelihood, impact);

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_grab_focus (button));
}

/* Moves the focus as an arrow key does and checks where it went. */
static void
move_and_check (Fixture  *fixture,
                int       step_likelihood,
                int       step_impact,
                gboolean  residual,
                guint     likelihood,
                guint     impact)
{
  gboolean r;
  guint l, i;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->heatmap), "heatmap.move-focus", "(ii)",
                                             step_likelihood, step_impact));
  g_assert_true (aims_risk_heatmap_get_focus_cell (fixture->heatmap, &r, &l, &i));
  if (r != residual || l != likelihood || i != impact)
    g_error ("moved by (%d, %d): focus on %s %u/%u, not %s %u/%u", step_likelihood, step_impact,
             r ? "residual" : "inherent", l, i, residual ? "residual" : "inherent", likelihood, impact);
  g_assert_true (gtk_widget_has_focus (aims_risk_heatmap_get_cell_button (fixture->heatmap, residual,
                                                                          likelihood, impact)));
}

static void
collect (GtkWidget *widget,
         GType      type,
         GPtrArray *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    g_ptr_array_add (found, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect (child, type, found);
}

/* The editor's row titled title that shows a score. */
static AdwActionRow *
rating_row (Fixture    *fixture,
            const char *title)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  collect (GTK_WIDGET (fixture->editor), ADW_TYPE_ACTION_ROW, rows);
  for (guint k = 0; k < rows->len; k++)
    if (g_strcmp0 (adw_preferences_row_get_title (rows->pdata[k]), title) == 0)
      return rows->pdata[k];
  g_error ("no row “%s” in the editor", title);
}

/* "Score N · Band", as the matrix scores the cell. */
static char *
expected_rating (Fixture *fixture,
                 guint    likelihood,
                 guint    impact)
{
  guint score;
  int band;

  g_assert_true (aims_risk_matrix_cell (matrix (fixture), likelihood, impact, &score, &band));
  if (aims_risk_matrix_band_above_appetite (matrix (fixture), band))
    return g_strdup_printf ("Score %u · %s · above the appetite", score,
                            aims_risk_matrix_get_band (matrix (fixture), band)->name);
  return g_strdup_printf ("Score %u · %s", score, aims_risk_matrix_get_band (matrix (fixture), band)->name);
}

static void
assert_rating (Fixture    *fixture,
               const char *title,
               const char *expected)
{
  AdwActionRow *row = rating_row (fixture, title);
  char *wrong;

  g_assert_cmpstr (adw_action_row_get_subtitle (row), ==, expected);
  /* A screen reader hears it too. */
  wrong = gtk_test_accessible_check_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, expected);
  if (wrong != NULL)
    g_error ("%s is described as “%s”", title, wrong);
}

static void
choose_level (Fixture    *fixture,
              const char *field,
              guint       level)
{
  GtkWidget *row = aims_record_editor_get_field_row (fixture->editor, field);

  g_assert_true (ADW_IS_COMBO_ROW (row));
  /* The first entry is "Not set", then levels 1, 2, … */
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), level);
  gui_test_iterate_pending ();
}

static AimsRecord *
load_other (Fixture *fixture,
            gint64   id)
{
  g_autoptr(GError) error = NULL;
  AimsRecord *record = aims_store_load (fixture->base.other, aims_entity_risks (), id, &error);

  g_assert_no_error (error);
  return record;
}

static AimsRecord *
risk_by_reference (Fixture    *fixture,
                   const char *reference)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) risks = aims_store_list (fixture->base.other, aims_entity_risks (), &error);

  g_assert_no_error (error);
  for (guint k = 0; k < risks->len; k++)
    if (g_strcmp0 (aims_record_get_reference (risks->pdata[k]), reference) == 0)
      return g_object_ref (risks->pdata[k]);
  g_error ("no risk %s", reference);
}

static void
update_other (Fixture    *fixture,
              AimsRecord *risk,
              const char *field,
              const char *value)
{
  g_autoptr(GHashTable) changes = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(AimsRecord) stored = NULL;
  g_autoptr(GError) error = NULL;

  g_hash_table_insert (changes, (gpointer) field, (gpointer) value);
  stored = aims_store_update (fixture->base.other, aims_entity_risks (), aims_record_get_id (risk), -1, changes,
                              "Another User", &error);
  g_assert_no_error (error);
  g_assert_nonnull (stored);
}

/* The visible warning icons of the table's cells that say text. */
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

/* ── Fixture ─────────────────────────────────────────────────────────── */

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  if (!have_display)
    return;

  gui_test_page_open (&fixture->base, "risks");

  fixture->page = AIMS_RISKS_PAGE (aims_risks_page_new (fixture->base.context));
  fixture->list = aims_record_page_get_record_list (AIMS_RECORD_PAGE (fixture->page));
  fixture->editor = aims_record_list_get_editor (fixture->list);
  fixture->heatmap = aims_risks_page_get_heatmap (fixture->page);
  gui_test_page_show (&fixture->base, GTK_WIDGET (fixture->page));
  gui_test_iterate_until (heatmap_counted, fixture);
  settle ();
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  gui_test_page_close (&fixture->base);
}

/* ── Tests ───────────────────────────────────────────────────────────── */

/* Every risk in the table; a cell's click lists its risks, a second one
 * all again; the heatmap counts what SQL counts. */
static void
test_cell_click (Fixture       *fixture,
                 gconstpointer  data)
{
  guint n_risks, l = 0, i = 0;

  SKIP_WITHOUT_DISPLAY ();

  n_risks = (guint) sql_int (fixture, "SELECT count(*) FROM risk");
  g_assert_cmpuint (n_risks, >=, 30);
  g_assert_cmpuint (aims_record_list_get_n_total (fixture->list), ==, n_risks);
  g_assert_cmpuint (aims_record_list_get_n_shown (fixture->list), ==, n_risks);
  for (gboolean residual = FALSE; residual <= TRUE; residual++)
    for (guint a = 1; a <= size (fixture); a++)
      for (guint b = 1; b <= size (fixture); b++)
        g_assert_cmpuint (aims_risk_heatmap_get_count (fixture->heatmap, residual, a, b), ==,
                          sql_cell_count (fixture, 0, residual, a, b));

  busiest_cell (fixture, FALSE, &l, &i);
  click_cell (fixture, FALSE, l, i);
  g_assert_cmpuint (aims_record_list_get_n_shown (fixture->list), ==,
                    aims_risk_heatmap_get_count (fixture->heatmap, FALSE, l, i));
  assert_shown_in_cell (fixture, FALSE, l, i);
  g_assert_true (gtk_widget_get_visible (template_child (fixture, "clear_cell_button")));
  /* The heatmap still counts every cell: it follows the scope only. */
  g_assert_cmpuint (heatmap_total (fixture, FALSE), ==, sql_int (fixture, "SELECT count(*) FROM risk "
                    "WHERE coalesce(status, '') <> 'closed' AND inherent_likelihood IS NOT NULL "
                    "AND inherent_impact IS NOT NULL"));

  /* Enter on a cell is a click too: the second one shows all again. */
  g_assert_true (gtk_widget_activate (aims_risk_heatmap_get_cell_button (fixture->heatmap, FALSE, l, i)));
  /* A button pressed by key shows itself pressed a moment, then clicks. */
  wait_for_n_shown (fixture, n_risks);
  settle ();
  g_assert_false (gtk_widget_get_visible (template_child (fixture, "clear_cell_button")));

  /* Another cell after a cell: the table moves on, it does not clear. */
  click_cell (fixture, FALSE, l, i);
  click_cell (fixture, FALSE, 1, 1);
  g_assert_cmpuint (aims_record_list_get_n_shown (fixture->list), ==,
                    aims_risk_heatmap_get_count (fixture->heatmap, FALSE, 1, 1));
  assert_shown_in_cell (fixture, FALSE, 1, 1);
  /* Clear Cell Filter does what the second click does. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "page.clear-cell", NULL));
  settle ();
  g_assert_cmpuint (aims_record_list_get_n_shown (fixture->list), ==, n_risks);
}

static gboolean
cell_count_is (gpointer data)
{
  Fixture *fixture = ((gpointer *) data)[0];
  guint *cell = ((gpointer *) data)[1];

  return aims_risk_heatmap_get_count (fixture->heatmap, FALSE, cell[0], cell[1]) == cell[2] &&
         aims_record_list_get_n_shown (fixture->list) == cell[2];
}

/* Another user adds a risk to the cell the table shows, then closes one:
 * the heatmap and the table follow, and agree with SQL. */
static void
test_other_users_risks (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GHashTable) values = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(AimsRecord) added = NULL;
  g_autoptr(GError) error = NULL;
  guint cell[3] = { 0, 0, 0 };
  gpointer wait[2] = { fixture, cell };
  g_autofree char *l_text = NULL;
  g_autofree char *i_text = NULL;

  SKIP_WITHOUT_DISPLAY ();

  busiest_cell (fixture, FALSE, &cell[0], &cell[1]);
  click_cell (fixture, FALSE, cell[0], cell[1]);
  cell[2] = aims_risk_heatmap_get_count (fixture->heatmap, FALSE, cell[0], cell[1]);

  l_text = g_strdup_printf ("%u", cell[0]);
  i_text = g_strdup_printf ("%u", cell[1]);
  g_hash_table_insert (values, (gpointer) "title", (gpointer) "Added by another user");
  g_hash_table_insert (values, (gpointer) "owner_id", (gpointer) "Priya Raman");
  g_hash_table_insert (values, (gpointer) "inherent_likelihood", l_text);
  g_hash_table_insert (values, (gpointer) "inherent_impact", i_text);
  added = aims_store_insert (fixture->base.other, aims_entity_risks (), values, "Another User", &error);
  g_assert_no_error (error);
  aims_context_emit_data_changed (fixture->base.context);
  cell[2]++;
  gui_test_iterate_until (cell_count_is, wait);
  g_assert_cmpuint (cell[2], ==, sql_cell_count (fixture, 0, FALSE, cell[0], cell[1]));

  /* Closed: out of the cell's count and out of the table the cell shows. */
  update_other (fixture, added, "status", "closed");
  aims_context_emit_data_changed (fixture->base.context);
  cell[2]--;
  gui_test_iterate_until (cell_count_is, wait);
  g_assert_cmpuint (cell[2], ==, sql_cell_count (fixture, 0, FALSE, cell[0], cell[1]));
  assert_shown_in_cell (fixture, FALSE, cell[0], cell[1]);
}

/* Inherent, residual, both: the cells are made again for what is shown,
 * and the residual grid filters by residual levels. */
static void
test_views (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  guint n = size (fixture), l = 0, i = 0;

  SKIP_WITHOUT_DISPLAY ();

  g_assert_cmpint (aims_risk_heatmap_get_view (fixture->heatmap), ==, AIMS_HEATMAP_INHERENT);
  g_assert_nonnull (aims_risk_heatmap_get_cell_button (fixture->heatmap, FALSE, n, n));
  g_assert_null (aims_risk_heatmap_get_cell_button (fixture->heatmap, TRUE, n, n));

  set_view (fixture, "residual_toggle");
  g_assert_cmpint (aims_risk_heatmap_get_view (fixture->heatmap), ==, AIMS_HEATMAP_RESIDUAL);
  g_assert_null (aims_risk_heatmap_get_cell_button (fixture->heatmap, FALSE, 1, 1));
  g_assert_nonnull (aims_risk_heatmap_get_cell_button (fixture->heatmap, TRUE, 1, 1));

  set_view (fixture, "both_toggle");
  g_assert_cmpint (aims_risk_heatmap_get_view (fixture->heatmap), ==, AIMS_HEATMAP_BOTH);
  collect (GTK_WIDGET (fixture->heatmap), GTK_TYPE_BUTTON, buttons);
  g_assert_cmpuint (buttons->len, ==, 2 * n * n);
  for (gboolean residual = FALSE; residual <= TRUE; residual++)
    for (guint a = 1; a <= n; a++)
      for (guint b = 1; b <= n; b++)
        {
          GtkWidget *button = aims_risk_heatmap_get_cell_button (fixture->heatmap, residual, a, b);

          g_assert_nonnull (button);
          g_assert_true (gtk_widget_get_mapped (button));
        }

  /* Side by side, no two cells overlap: the residual grid is to the right. */
  {
    graphene_rect_t inherent_corner, residual_corner;

    g_assert_true (gtk_widget_compute_bounds (aims_risk_heatmap_get_cell_button (fixture->heatmap, FALSE, 1, n),
                                              GTK_WIDGET (fixture->heatmap), &inherent_corner));
    g_assert_true (gtk_widget_compute_bounds (aims_risk_heatmap_get_cell_button (fixture->heatmap, TRUE, 1, 1),
                                              GTK_WIDGET (fixture->heatmap), &residual_corner));
    g_assert_cmpfloat (inherent_corner.origin.x + inherent_corner.size.width, <=, residual_corner.origin.x);
  }

  busiest_cell (fixture, TRUE, &l, &i);
  click_cell (fixture, TRUE, l, i);
  g_assert_cmpuint (aims_record_list_get_n_shown (fixture->list), ==,
                    aims_risk_heatmap_get_count (fixture->heatmap, TRUE, l, i));
  assert_shown_in_cell (fixture, TRUE, l, i);

  /* Back to one grid: the filtered cell stays chosen, the click clears it. */
  set_view (fixture, "residual_toggle");
  g_assert_cmpuint (aims_record_list_get_n_shown (fixture->list), ==,
                    aims_risk_heatmap_get_count (fixture->heatmap, TRUE, l, i));
  click_cell (fixture, TRUE, l, i);
  g_assert_cmpuint (aims_record_list_get_n_shown (fixture->list), ==, aims_record_list_get_n_total (fixture->list));
}

/* The heatmap follows the system filter, and counts what SQL counts. */
static void
test_system_filter (Fixture       *fixture,
                    gconstpointer  data)
{
  const char *system_name = "Consumer credit scoring model";
  struct { const char *label; gint64 id; } scopes[] = {
    { system_name, 0 },
    { "Organisation-wide", -1 },
  };
  GtkDropDown *dropdown;
  gint64 system_id;
  guint before, l = 0, i = 0;

  SKIP_WITHOUT_DISPLAY ();

  system_id = sql_int (fixture, "SELECT id FROM ai_system WHERE name = 'Consumer credit scoring model'");
  scopes[0].id = system_id;
  dropdown = template_child (fixture, "system_dropdown");
  before = heatmap_total (fixture, FALSE);

  for (guint s = 0; s < G_N_ELEMENTS (scopes); s++)
    {
      g_autofree char *table_sql = scopes[s].id > 0
        ? g_strdup_printf ("SELECT count(*) FROM risk WHERE ai_system_id = %" G_GINT64_FORMAT, scopes[s].id)
        : g_strdup ("SELECT count(*) FROM risk WHERE ai_system_id IS NULL");
      guint total;

      choose_in_dropdown (dropdown, scopes[s].label);
      total = heatmap_total (fixture, FALSE);
      g_assert_cmpuint (total, >, 0);
      g_assert_cmpuint (total, <, before);
      for (gboolean residual = FALSE; residual <= TRUE; residual++)
        for (guint a = 1; a <= size (fixture); a++)
          for (guint b = 1; b <= size (fixture); b++)
            g_assert_cmpuint (aims_risk_heatmap_get_count (fixture->heatmap, residual, a, b), ==,
                              sql_cell_count (fixture, scopes[s].id, residual, a, b));
      g_assert_cmpuint (aims_record_list_get_n_shown (fixture->list), ==, sql_int (fixture, table_sql));
    }

  /* A cell within the system: its risks of that system only. */
  choose_in_dropdown (dropdown, system_name);
  for (guint a = 1; a <= size (fixture); a++)
    for (guint b = 1; b <= size (fixture); b++)
      if (aims_risk_heatmap_get_count (fixture->heatmap, FALSE, a, b) > 0)
        l = a, i = b;
  g_assert_cmpuint (l, >, 0);
  click_cell (fixture, FALSE, l, i);
  g_assert_cmpuint (aims_record_list_get_n_shown (fixture->list), ==, sql_cell_count (fixture, system_id, FALSE, l, i));
  assert_shown_in_cell (fixture, FALSE, l, i);

  /* All systems again: every risk counted once more. */
  choose_in_dropdown (dropdown, "All AI systems");
  g_assert_cmpuint (heatmap_total (fixture, FALSE), ==, before);
}

/* Arrow keys move between cells, across into the residual grid when both
 * are shown, and stop at the edges. */
static void
test_keyboard (Fixture       *fixture,
               gconstpointer  data)
{
  guint n = size (fixture);

  SKIP_WITHOUT_DISPLAY ();

  /* Nothing focused yet: the first move lands on the top left cell. */
  g_assert_false (aims_risk_heatmap_get_focus_cell (fixture->heatmap, NULL, NULL, NULL));
  move_and_check (fixture, 0, 1, FALSE, n, 1);

  focus_cell (fixture, FALSE, 2, 2);
  move_and_check (fixture, 1, 0, FALSE, 3, 2);    /* Up */
  move_and_check (fixture, 0, 1, FALSE, 3, 3);    /* Right */
  move_and_check (fixture, 0, -1, FALSE, 3, 2);   /* Left */
  move_and_check (fixture, -1, 0, FALSE, 2, 2);   /* Down */

  /* Edges of a single grid. */
  focus_cell (fixture, FALSE, n, 1);
  move_and_check (fixture, 1, 0, FALSE, n, 1);
  move_and_check (fixture, 0, -1, FALSE, n, 1);
  focus_cell (fixture, FALSE, 1, n);
  move_and_check (fixture, -1, 0, FALSE, 1, n);
  move_and_check (fixture, 0, 1, FALSE, 1, n);

  /* Enter on the focused cell filters the table. */
  g_assert_true (gtk_widget_activate (aims_risk_heatmap_get_cell_button (fixture->heatmap, FALSE, 1, n)));
  wait_for_n_shown (fixture, aims_risk_heatmap_get_count (fixture->heatmap, FALSE, 1, n));
  settle ();

  /* Side by side: from the inherent grid's right edge into the residual
   * grid and back; the residual grid's right edge stops. */
  set_view (fixture, "both_toggle");
  focus_cell (fixture, FALSE, 2, n);
  move_and_check (fixture, 0, 1, TRUE, 2, 1);
  move_and_check (fixture, 1, 0, TRUE, 3, 1);
  move_and_check (fixture, 0, -1, FALSE, 3, n);
  focus_cell (fixture, TRUE, n, n);
  move_and_check (fixture, 0, 1, TRUE, n, n);
  move_and_check (fixture, 1, 0, TRUE, n, n);
  focus_cell (fixture, FALSE, 1, 1);
  move_and_check (fixture, 0, -1, FALSE, 1, 1);
  move_and_check (fixture, -1, 0, FALSE, 1, 1);

  /* The residual grid alone has no inherent grid to its left. */
  set_view (fixture, "residual_toggle");
  focus_cell (fixture, TRUE, 3, 1);
  move_and_check (fixture, 0, -1, TRUE, 3, 1);
}

/* Each cell says what aims_heatmap_describe_cell() says of the same
 * counts, to a screen reader and in its tooltip. */
static void
test_cell_names (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) risks = aims_store_list (fixture->base.other, aims_entity_risks (), &error);
  const char *views[] = { "inherent_toggle", "both_toggle" };

  SKIP_WITHOUT_DISPLAY ();
  g_assert_no_error (error);

  for (guint v = 0; v < G_N_ELEMENTS (views); v++)
    {
      gboolean both = v == 1;

      set_view (fixture, views[v]);
      for (gboolean residual = FALSE; residual <= both; residual++)
        {
          AimsHeatmapCounts counts;

          aims_heatmap_counts_from_risks (matrix (fixture), risks, residual, NULL, &counts);
          for (guint l = 1; l <= size (fixture); l++)
            for (guint i = 1; i <= size (fixture); i++)
              {
                GtkWidget *button = aims_risk_heatmap_get_cell_button (fixture->heatmap, residual, l, i);
                g_autofree char *cell = aims_heatmap_describe_cell (matrix (fixture), &counts, l, i);
                g_autofree char *expected = both ? g_strdup_printf ("%s: %s", residual ? "Residual risk" : "Inherent risk", cell)
                                                 : g_strdup (cell);
                g_autofree char *wrong = gtk_test_accessible_check_property (GTK_ACCESSIBLE (button),
                                                                             GTK_ACCESSIBLE_PROPERTY_LABEL,
                                                                             expected);

                if (wrong != NULL)
                  g_error ("cell %u/%u is named “%s”, not “%s”", l, i, wrong, expected);
                g_assert_nonnull (strstr (gtk_widget_get_tooltip_markup (button), expected));
              }
        }
    }
}

static gboolean
label_changed (gpointer data)
{
  Fixture *fixture = data;

  return g_strcmp0 (aims_risk_matrix_level_label (matrix (fixture), AIMS_RISK_AXIS_LIKELIHOOD, size (fixture)),
                    "Almost certain & <rising>") == 0;
}

/* Labels are the organisation's own words: "&" and "<" in them are text,
 * in the cell's name and in its tooltip. */
static void
test_cell_names_markup (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(AimsRiskMatrix) changed = NULL;
  g_autoptr(AimsRiskMatrix) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) risks = NULL;
  g_autofree char *cell = NULL;
  g_autofree char *text = NULL;
  g_autofree char *wrong = NULL;
  AimsHeatmapCounts counts;
  GtkWidget *button;
  guint n;

  SKIP_WITHOUT_DISPLAY ();

  n = size (fixture);
  changed = aims_risk_matrix_copy (matrix (fixture));
  g_free (changed->likelihood_labels[n - 1]);
  changed->likelihood_labels[n - 1] = g_strdup ("Almost certain & <rising>");
  for (guint b = 0; b < changed->bands->len; b++)
    {
      AimsRiskBand *band = &g_array_index (changed->bands, AimsRiskBand, b);
      char *name = g_strdup_printf ("%s & <co>", band->name);

      g_free (band->name);
      band->name = name;
    }
  g_free (changed->appetite_band);
  changed->appetite_band = g_strdup_printf ("%s & <co>", matrix (fixture)->appetite_band);
  stored = aims_risk_matrix_save_and_rescore (fixture->base.other, changed, -1, "Another User", &error);
  g_assert_no_error (error);
  aims_context_emit_data_changed (fixture->base.context);
  gui_test_iterate_until (label_changed, fixture);
  settle ();

  risks = aims_store_list (fixture->base.other, aims_entity_risks (), &error);
  g_assert_no_error (error);
  aims_heatmap_counts_from_risks (matrix (fixture), risks, FALSE, NULL, &counts);
  cell = aims_heatmap_describe_cell (matrix (fixture), &counts, n, 1);
  g_assert_nonnull (strstr (cell, "Almost certain & <rising>"));
  button = aims_risk_heatmap_get_cell_button (fixture->heatmap, FALSE, n, 1);
  wrong = gtk_test_accessible_check_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, cell);
  if (wrong != NULL)
    g_error ("the cell is named “%s”, not “%s”", wrong, cell);

  /* The tooltip is markup that parses, and reads the label as written. */
  g_assert_true (pango_parse_markup (gtk_widget_get_tooltip_markup (button), -1, 0, NULL, &text, NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (text, cell));

  /* The editor's score rows, RSK-002 rated 3/4 before and 2/3 after. */
  {
    g_autoptr(AimsRecord) risk = risk_by_reference (fixture, "RSK-002");
    g_autofree char *inherent = expected_rating (fixture, 3, 4);
    g_autofree char *residual = expected_rating (fixture, 2, 3);

    g_assert_nonnull (strstr (inherent, " & <co>"));
    g_assert_true (aims_record_list_select_id (fixture->list, aims_record_get_id (risk)));
    settle ();
    assert_rating (fixture, "Inherent score", inherent);
    assert_rating (fixture, "Residual score", residual);
  }

  /* RSK-015 is rated at the renamed likelihood: its level row shows it. */
  {
    g_autoptr(AimsRecord) risk = risk_by_reference (fixture, "RSK-015");
    g_autofree char *level = NULL;

    g_assert_true (aims_record_list_select_id (fixture->list, aims_record_get_id (risk)));
    settle ();
    level = aims_record_editor_dup_field_text (fixture->editor, "inherent_likelihood");
    g_assert_cmpstr (level, ==, "5");
  }
}

/* The editor's score rows follow the level combos before anything is
 * saved, and in the same words as the matrix. */
static void
test_score_rows (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(AimsRecord) risk = NULL;
  g_autoptr(AimsRecord) stored = NULL;
  g_autofree char *expected = NULL;

  SKIP_WITHOUT_DISPLAY ();

  /* RSK-002: mitigated, 3/4 before, 2/3 after. */
  risk = risk_by_reference (fixture, "RSK-002");
  g_assert_true (aims_record_list_select_id (fixture->list, aims_record_get_id (risk)));
  settle ();
  expected = expected_rating (fixture, 3, 4);
  assert_rating (fixture, "Inherent score", expected);
  g_clear_pointer (&expected, g_free);
  expected = expected_rating (fixture, 2, 3);
  assert_rating (fixture, "Residual score", expected);

  choose_level (fixture, "inherent_likelihood", 5);
  g_clear_pointer (&expected, g_free);
  expected = expected_rating (fixture, 5, 4);
  assert_rating (fixture, "Inherent score", expected);
  g_assert_nonnull (strstr (expected, "above the appetite"));

  choose_level (fixture, "residual_impact", 1);
  choose_level (fixture, "residual_likelihood", 1);
  g_clear_pointer (&expected, g_free);
  expected = expected_rating (fixture, 1, 1);
  assert_rating (fixture, "Residual score", expected);

  /* A level taken away: no score until it is chosen again. */
  choose_level (fixture, "inherent_impact", 0);
  assert_rating (fixture, "Inherent score", "Choose the likelihood and the impact");

  /* What the rows showed is what was stored. */
  settle ();
  stored = load_other (fixture, aims_record_get_id (risk));
  g_assert_cmpstr (aims_record_get (stored, "inherent_likelihood"), ==, "5");
  g_assert_null (aims_record_get (stored, "inherent_impact"));
  g_assert_cmpstr (aims_record_get (stored, "residual_likelihood"), ==, "1");
  g_assert_cmpstr (aims_record_get (stored, "residual_impact"), ==, "1");
}

static AdwMessageDialog *
find_message_dialog (void)
{
  return gui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, G_TYPE_INVALID);
}

/* A new risk needs a title and an owner: without an owner Add stays
 * disabled; with one, the risk is stored, organisation-wide. */
static void
test_new_risk (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GPtrArray) choosers = g_ptr_array_new ();
  g_autoptr(AimsRecord) stored = NULL;
  g_autofree char *owner_id = NULL;
  AdwMessageDialog *dialog;
  AimsLinkChooser *owner;
  GtkWidget *title_row;
  gint64 n_before, n_audit;
  AimsRecord *selected;

  SKIP_WITHOUT_DISPLAY ();

  n_before = sql_int (fixture, "SELECT count(*) FROM risk");
  n_audit = sql_int (fixture, "SELECT count(*) FROM audit_log");
  owner_id = g_strdup_printf ("%" G_GINT64_FORMAT, sql_int (fixture, "SELECT id FROM person WHERE name = 'Priya Raman'"));

  aims_risks_page_new_risk (fixture->page, 0);
  gui_test_iterate_pending ();
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "New Risk");
  title_row = gui_test_find_widget (adw_message_dialog_get_extra_child (dialog), ADW_TYPE_ENTRY_ROW, NULL);
  g_assert_nonnull (title_row);
  collect (adw_message_dialog_get_extra_child (dialog), AIMS_TYPE_LINK_CHOOSER, choosers);
  g_assert_cmpuint (choosers->len, ==, 2);
  /* Organisation-wide unless a system is chosen; no owner proposed. */
  g_assert_null (aims_link_chooser_get_record_id (choosers->pdata[0]));
  owner = choosers->pdata[1];
  g_assert_null (aims_link_chooser_get_record_id (owner));

  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "add"));
  gtk_editable_set_text (GTK_EDITABLE (title_row), "Vendor model changes without notice");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "add"));
  aims_link_chooser_set_record (owner, owner_id, NULL);
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "add"));
  /* Taken away again, or a blank title: refused again. */
  aims_link_chooser_set_record (owner, NULL, NULL);
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "add"));
  aims_link_chooser_set_record (owner, owner_id, NULL);
  gtk_editable_set_text (GTK_EDITABLE (title_row), "   ");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "add"));
  /* Nothing was written while the dialog refused. */
  g_assert_cmpint (sql_int (fixture, "SELECT count(*) FROM risk"), ==, n_before);
  g_assert_cmpint (sql_int (fixture, "SELECT count(*) FROM audit_log"), ==, n_audit);

  gtk_editable_set_text (GTK_EDITABLE (title_row), "Vendor model changes without notice");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "add"));
  adw_message_dialog_response (dialog, "add");
  gtk_window_destroy (GTK_WINDOW (dialog));
  settle ();

  g_assert_cmpint (sql_int (fixture, "SELECT count(*) FROM risk"), ==, n_before + 1);
  stored = load_other (fixture, sql_int (fixture, "SELECT max(id) FROM risk"));
  g_assert_cmpstr (aims_record_get (stored, "title"), ==, "Vendor model changes without notice");
  g_assert_cmpstr (aims_record_get (stored, "owner_id"), ==, owner_id);
  g_assert_null (aims_record_get (stored, "ai_system_id"));
  g_assert_cmpstr (aims_record_get (stored, "status"), ==, "identified");
  g_assert_cmpstr (aims_record_get_created_by (stored), ==, "Test User");
  /* In the table, chosen, and in the editor. */
  g_assert_cmpuint (aims_record_list_get_n_total (fixture->list), ==, n_before + 1);
  selected = aims_record_list_get_selected (fixture->list);
  g_assert_nonnull (selected);
  g_assert_cmpint (aims_record_get_id (selected), ==, aims_record_get_id (stored));
}

static gboolean
expired_warning_shown (gpointer data)
{
  return warnings_shown (data, "The acceptance has expired: decide again") == 1;
}

/* An acceptance that ran out yesterday stands out in the Status column;
 * renewed, it does not. */
static void
test_acceptance_expired (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(AimsRecord) risk = NULL;
  g_autoptr(GDate) day = aims_date_today ();
  g_autofree char *today = aims_date_format_iso (day);
  g_autofree char *yesterday = NULL;
  g_autofree char *tomorrow = NULL;
  g_autofree char *expired_sql = NULL;

  SKIP_WITHOUT_DISPLAY ();

  g_date_subtract_days (day, 1);
  yesterday = aims_date_format_iso (day);
  g_date_add_days (day, 2);
  tomorrow = aims_date_format_iso (day);

  /* RSK-006: accepted, within the appetite. */
  risk = risk_by_reference (fixture, "RSK-006");
  g_assert_cmpstr (aims_record_get (risk, "treatment"), ==, "accept");
  update_other (fixture, risk, "accepted_until", tomorrow);
  aims_context_emit_data_changed (fixture->base.context);
  gtk_editable_set_text (GTK_EDITABLE (aims_record_list_get_search_entry (fixture->list)), "RSK-006");
  wait_for_n_shown (fixture, 1);
  settle ();
  g_assert_cmpuint (warnings_shown (fixture, "The acceptance has expired: decide again"), ==, 0);

  update_other (fixture, risk, "accepted_until", yesterday);
  aims_context_emit_data_changed (fixture->base.context);
  gui_test_iterate_until (expired_warning_shown, fixture);

  /* The "needs attention" filter lists exactly the expired acceptances. */
  gtk_editable_set_text (GTK_EDITABLE (aims_record_list_get_search_entry (fixture->list)), "");
  expired_sql = g_strdup_printf ("SELECT count(*) FROM risk WHERE coalesce(status, '') <> 'closed' "
                                 "AND (treatment = 'accept' OR status = 'accepted') AND accepted_until < '%s'",
                                 today);
  g_assert_cmpint (sql_int (fixture, expired_sql), >=, 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "page.filter", "s",
                                             "attention=acceptance_expired"));
  wait_for_n_shown (fixture, (guint) sql_int (fixture, expired_sql));
}

int
main (int   argc,
      char *argv[])
{
  have_display = gui_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/risks-page/cell-click", test_cell_click);
  ADD ("/risks-page/other-users-risks", test_other_users_risks);
  ADD ("/risks-page/views", test_views);
  ADD ("/risks-page/system-filter", test_system_filter);
  ADD ("/risks-page/keyboard", test_keyboard);
  ADD ("/risks-page/cell-names", test_cell_names);
  ADD ("/risks-page/cell-names-markup", test_cell_names_markup);
  ADD ("/risks-page/score-rows", test_score_rows);
  ADD ("/risks-page/new-risk", test_new_risk);
  ADD ("/risks-page/acceptance-expired", test_acceptance_expired);

  return g_test_run ();
}
