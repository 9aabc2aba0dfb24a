/* test-risk-matrix-page.c — the risk matrix in Preferences: the preview,
 * the refusal of a broken band table, the confirmation and re-scoring, and
 * a matrix changed by someone else meanwhile
 *
 * Real widgets on a real demo database: run under Xvfb (build-aux/dev test).
 * Without a display the tests skip.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "aims-preferences-window.h"
#include "aims-risk-heatmap.h"
#include "aims-risk-matrix-page.h"
#include "gui-test-util.h"

static gboolean have_display;

typedef struct
{
  char        *dir;
  char        *path;
  AimsDb      *db;       /* the page's connection, through the context */
  AimsDb      *other;    /* another user's */
  AimsContext *context;
  GtkWidget   *window;
  AimsRiskMatrixPage *page;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSettings) settings = NULL;

  if (!have_display)
    return;
  fixture->dir = g_dir_make_tmp ("aims-test-matrix-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "demo.aimsdb", NULL);
  fixture->other = gui_test_create_demo (fixture->path);
  fixture->db = aims_db_open (fixture->path, AIMS_DB_OPEN_DEFAULT, &error);
  g_assert_no_error (error);

  settings = gui_test_new_settings ();
  fixture->context = aims_context_new (settings);
  aims_context_set_db (fixture->context, fixture->db);
  fixture->window = aims_preferences_window_new (NULL, settings, fixture->context);
  gtk_window_present (GTK_WINDOW (fixture->window));
  fixture->page = AIMS_RISK_MATRIX_PAGE (gui_test_find_widget (fixture->window,
                                                               AIMS_TYPE_RISK_MATRIX_PAGE, NULL));
  g_assert_nonnull (fixture->page);
  gui_test_iterate_pending ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (!have_display)
    return;
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  gui_test_iterate_pending ();
  g_clear_object (&fixture->context);
  g_clear_object (&fixture->db);
  g_clear_object (&fixture->other);
  gui_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

static GtkWidget *
find_button (GtkWidget  *root,
             const char *label)
{
  GtkWidget *button = gui_test_find_widget (root, GTK_TYPE_BUTTON, label);

  g_assert_nonnull (button);
  return button;
}

/* The largest inherent or residual level stored for any risk. */
static guint
max_stored_level (AimsDb *db)
{
  g_autoptr(AimsStatement) stmt = NULL;
  g_autoptr(GError) error = NULL;

  stmt = aims_db_prepare (db,
                          "SELECT max(max(coalesce(inherent_likelihood, 0), coalesce(inherent_impact, 0),"
                          "               coalesce(residual_likelihood, 0), coalesce(residual_impact, 0)))"
                          " FROM risk", &error);
  g_assert_no_error (error);
  g_assert_cmpint (aims_statement_step (stmt, &error), ==, AIMS_STEP_ROW);
  return (guint) aims_statement_column_int64 (stmt, 0);
}

static void
collect_spins (GtkWidget *widget,
               GPtrArray *spins)
{
  if (GTK_IS_SPIN_BUTTON (widget))
    g_ptr_array_add (spins, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_spins (child, spins);
}

static gint64
audit_rows (AimsDb *db)
{
  g_autoptr(AimsStatement) stmt = NULL;
  g_autoptr(GError) error = NULL;

  stmt = aims_db_prepare (db, "SELECT count(*) FROM audit_log", &error);
  g_assert_no_error (error);
  g_assert_cmpint (aims_statement_step (stmt, &error), ==, AIMS_STEP_ROW);
  return aims_statement_column_int64 (stmt, 0);
}

static void
test_shrink_and_rescore (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AimsRiskMatrix) stored = NULL;
  g_autofree char *details = NULL;
  g_autofree char *question = NULL;
  AimsRiskHeatmap *preview;
  guint placed = 0;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }

  g_assert_cmpuint (max_stored_level (fixture->other), ==, 5);
  g_assert_false (gtk_widget_get_sensitive (find_button (fixture->window, "_Save Matrix…")));

  /* 5×5 → 4×4: the preview shows the register on the new scale at once. */
  aims_risk_matrix_page_set_size (fixture->page, 4);
  gui_test_iterate_pending ();
  g_assert_cmpuint (aims_risk_matrix_page_get_draft (fixture->page)->size, ==, 4);
  preview = AIMS_RISK_HEATMAP (gui_test_find_widget (GTK_WIDGET (fixture->page), AIMS_TYPE_RISK_HEATMAP, NULL));
  g_assert_nonnull (preview);
  for (guint l = 1; l <= 4; l++)
    for (guint i = 1; i <= 4; i++)
      placed += aims_risk_heatmap_get_count (preview, FALSE, l, i);
  g_assert_cmpuint (placed, >, 0);
  g_assert_cmpuint (aims_risk_heatmap_get_count (preview, FALSE, 5, 5), ==, 0);
  g_assert_true (gtk_widget_get_sensitive (find_button (fixture->window, "_Save Matrix…")));

  /* Nothing is written before the user has seen what moves. */
  question = aims_risk_matrix_page_describe_save (fixture->page, &details, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (question, "move to other levels"));
  g_assert_nonnull (strstr (details, "from likelihood 5"));
  g_assert_cmpuint (max_stored_level (fixture->other), ==, 5);

  g_assert_true (aims_risk_matrix_page_save (fixture->page, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (max_stored_level (fixture->other), ==, 4);
  stored = aims_risk_matrix_load (fixture->other, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stored->size, ==, 4);
  g_assert_true (aims_audit_verify (fixture->other, NULL, NULL, &error));
  g_assert_no_error (error);
  /* Saved: nothing left to save. */
  g_assert_false (gtk_widget_get_sensitive (find_button (fixture->window, "_Save Matrix…")));
}

static void
test_gap_refused (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *question = NULL;
  g_autoptr(GPtrArray) spins = g_ptr_array_new ();
  const AimsRiskMatrix *draft;
  GtkSpinButton *first_band_top;
  gint64 before = 0;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }

  before = audit_rows (fixture->other);
  /* The size, then each band's lowest and highest score. */
  collect_spins (GTK_WIDGET (fixture->page), spins);
  draft = aims_risk_matrix_page_get_draft (fixture->page);
  g_assert_cmpuint (spins->len, ==, 1 + 2 * draft->bands->len);
  first_band_top = g_ptr_array_index (spins, 2);

  /* Lowering the top of the first band leaves a score in no band. */
  gtk_spin_button_set_value (first_band_top, gtk_spin_button_get_value (first_band_top) - 1);
  gui_test_iterate_pending ();
  g_assert_cmpuint (g_array_index (draft->bands, AimsRiskBand, 0).max_score, ==,
                    (guint) gtk_spin_button_get_value (first_band_top));
  g_assert_false (gtk_widget_get_sensitive (find_button (fixture->window, "_Save Matrix…")));

  question = aims_risk_matrix_page_describe_save (fixture->page, NULL, &error);
  g_assert_null (question);
  g_assert_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (aims_risk_matrix_page_save (fixture->page, &error));
  g_assert_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_INVALID);
  g_assert_cmpint (audit_rows (fixture->other), ==, before);
}

static void
test_changed_meanwhile (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AimsRiskMatrix) theirs = NULL;
  g_autoptr(AimsRiskMatrix) saved = NULL;
  g_autoptr(AimsRiskMatrix) stored = NULL;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }

  /* Another user saves a 6×6 matrix while this one edits a 3×3. */
  aims_risk_matrix_page_set_size (fixture->page, 3);
  theirs = aims_risk_matrix_load (fixture->other, &error);
  g_assert_no_error (error);
  aims_risk_matrix_set_size (theirs, 6);
  saved = aims_risk_matrix_save_and_rescore (fixture->other, theirs, theirs->row_version,
                                             "Someone Else", &error);
  g_assert_no_error (error);

  g_assert_false (aims_risk_matrix_page_save (fixture->page, &error));
  g_assert_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_CONFLICT);
  stored = aims_risk_matrix_load (fixture->other, NULL);
  g_assert_cmpuint (stored->size, ==, 6);
}

int
main (int   argc,
      char *argv[])
{
  have_display = gui_test_init (&argc, &argv);

  g_test_add ("/risk-matrix-page/shrink-and-rescore", Fixture, NULL,
              fixture_set_up, test_shrink_and_rescore, fixture_tear_down);
  g_test_add ("/risk-matrix-page/gap-refused", Fixture, NULL,
              fixture_set_up, test_gap_refused, fixture_tear_down);
  g_test_add ("/risk-matrix-page/changed-meanwhile", Fixture, NULL,
              fixture_set_up, test_changed_meanwhile, fixture_tear_down);

  return g_test_run ();
}
