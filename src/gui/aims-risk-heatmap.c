/* aims-risk-heatmap.c — the risk heatmap as a widget
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include <glib/gi18n.h>

#include "aims-record-editor.h"
#include "aims-risk-heatmap.h"

/* How many risks a cell's tooltip names before "and N more". */
#define TOOLTIP_MAX_RISKS 8

#define N_CELLS (2 * AIMS_RISK_MATRIX_MAX_SIZE * AIMS_RISK_MATRIX_MAX_SIZE)

struct _AimsRiskHeatmap
{
  GtkWidget          parent_instance;

  AimsRiskMatrix    *matrix;
  AimsHeatmapCounts  counts[2];              /* inherent, residual */
  GString           *listed[N_CELLS];        /* the first risks of each cell */
  guint              n_listed[N_CELLS];
  AimsHeatmapView    view;
  gboolean           interactive;

  gboolean           selected_residual;
  guint              selected_likelihood;    /* 0: none */
  guint              selected_impact;

  GtkWidget         *cells[N_CELLS];         /* buttons; NULL when not shown */
};

G_DEFINE_FINAL_TYPE (AimsRiskHeatmap, aims_risk_heatmap, GTK_TYPE_WIDGET)

enum {
  CELL_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static guint
cell_index (gboolean residual,
            guint    likelihood,
            guint    impact)
{
  return (residual ? AIMS_RISK_MATRIX_MAX_SIZE * AIMS_RISK_MATRIX_MAX_SIZE : 0) +
         (likelihood - 1) * AIMS_RISK_MATRIX_MAX_SIZE + (impact - 1);
}

static gboolean
shows_grid (AimsRiskHeatmap *self,
            gboolean         residual)
{
  return self->view == AIMS_HEATMAP_BOTH ||
         (self->view == AIMS_HEATMAP_RESIDUAL) == residual;
}

static guint
matrix_size (AimsRiskHeatmap *self)
{
  return self->matrix != NULL ? self->matrix->size : 0;
}

/* ── Cells ───────────────────────────────────────────────────────────── */

static void
cell_clicked_cb (GtkButton       *button,
                 AimsRiskHeatmap *self)
{
  g_signal_emit (self, signals[CELL_ACTIVATED], 0,
                 GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "residual")),
                 GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "likelihood")),
                 GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "impact")));
}

static void
remove_cells (AimsRiskHeatmap *self)
{
  for (guint i = 0; i < N_CELLS; i++)
    g_clear_pointer (&self->cells[i], gtk_widget_unparent);
}

/* What a cell says, to a screen reader and in its tooltip. */
static char *
describe_cell (AimsRiskHeatmap *self,
               gboolean         residual,
               guint            likelihood,
               guint            impact)
{
  g_autofree char *cell = aims_heatmap_describe_cell (self->matrix, &self->counts[residual],
                                                      likelihood, impact);

  if (self->view != AIMS_HEATMAP_BOTH)
    return g_steal_pointer (&cell);
  /* Translators: a heatmap cell when both heatmaps are shown, "Residual risk: Likelihood 4 …" */
  return g_strdup_printf (_("%s: %s"), residual ? _("Residual risk") : _("Inherent risk"), cell);
}

static void
update_cell_texts (AimsRiskHeatmap *self)
{
  guint size = matrix_size (self);

  for (guint r = 0; r < 2; r++)
    for (guint l = 1; l <= size; l++)
      for (guint i = 1; i <= size; i++)
        {
          guint index = cell_index (r, l, i);
          GtkWidget *button = self->cells[index];
          g_autofree char *description = NULL;
          g_autofree char *bold = NULL;
          g_autoptr(GString) tooltip = NULL;
          guint count;

          if (button == NULL)
            continue;
          description = describe_cell (self, r, l, i);
          gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL, description,
                                          -1);

          /* The labels and band names are the organisation's own text. */
          bold = g_markup_printf_escaped ("<b>%s</b>", description);
          tooltip = g_string_new (bold);
          count = aims_heatmap_counts_get (&self->counts[r], l, i);
          if (self->listed[index] != NULL)
            g_string_append (tooltip, self->listed[index]->str);
          if (count > TOOLTIP_MAX_RISKS)
            {
              g_string_append_c (tooltip, '\n');
              /* Translators: at the end of a heatmap cell's list of risks */
              g_string_append_printf (tooltip, ngettext ("and %u more", "and %u more",
                                                         count - TOOLTIP_MAX_RISKS),
                                      count - TOOLTIP_MAX_RISKS);
            }
          if (count > 0 && self->interactive)
            {
              g_string_append (tooltip, "\n<i>");
              g_string_append (tooltip, _("Click to show only these risks in the table"));
              g_string_append (tooltip, "</i>");
            }
          gtk_widget_set_tooltip_markup (button, tooltip->str);
        }
}

/* Buttons for the cells shown, made again when the view or the matrix's
 * size changes. */
static void
rebuild_cells (AimsRiskHeatmap *self)
{
  guint size = matrix_size (self);
  gboolean had_focus = gtk_widget_get_focus_child (GTK_WIDGET (self)) != NULL;

  remove_cells (self);
  if (!self->interactive)
    {
      gtk_widget_queue_allocate (GTK_WIDGET (self));
      return;
    }

  for (guint r = 0; r < 2; r++)
    {
      if (!shows_grid (self, r))
        continue;
      /* Top row first: the order a screen reader and Tab walk them in. */
      for (guint l = size; l >= 1; l--)
        for (guint i = 1; i <= size; i++)
          {
            GtkWidget *button = gtk_button_new ();

            gtk_widget_add_css_class (button, "aims-heatmap-cell");
            g_object_set_data (G_OBJECT (button), "residual", GINT_TO_POINTER (r));
            g_object_set_data (G_OBJECT (button), "likelihood", GUINT_TO_POINTER (l));
            g_object_set_data (G_OBJECT (button), "impact", GUINT_TO_POINTER (i));
            g_signal_connect (button, "clicked", G_CALLBACK (cell_clicked_cb), self);
            gtk_widget_set_parent (button, GTK_WIDGET (self));
            self->cells[cell_index (r, l, i)] = button;
          }
    }
  update_cell_texts (self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  if (had_focus)
    gtk_widget_grab_focus (GTK_WIDGET (self));
}

/* ── Keyboard ────────────────────────────────────────────────────────── */

static void
move_focus_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  AimsRiskHeatmap *self = AIMS_RISK_HEATMAP (widget);
  gboolean residual;
  guint likelihood, impact, size = matrix_size (self);
  int step_likelihood, step_impact, l, i;
  GtkWidget *target;

  g_variant_get (parameter, "(ii)", &step_likelihood, &step_impact);
  if (size == 0)
    return;
  if (!aims_risk_heatmap_get_focus_cell (self, &residual, &likelihood, &impact))
    {
      /* Nothing focused yet: start at the top left of the first grid. */
      residual = self->view == AIMS_HEATMAP_RESIDUAL;
      likelihood = size;
      impact = 1;
      step_likelihood = step_impact = 0;
    }

  l = CLAMP ((int) likelihood + step_likelihood, 1, (int) size);
  i = (int) impact + step_impact;
  /* Side by side, the right edge of the inherent grid leads into the
   * residual one, and back. */
  if (i > (int) size && self->view == AIMS_HEATMAP_BOTH && !residual)
    residual = TRUE, i = 1;
  else if (i < 1 && self->view == AIMS_HEATMAP_BOTH && residual)
    residual = FALSE, i = size;
  i = CLAMP (i, 1, (int) size);

  target = aims_risk_heatmap_get_cell_button (self, residual, l, i);
  if (target != NULL)
    gtk_widget_grab_focus (target);
}

/* ── Drawing and layout ──────────────────────────────────────────────── */

static void
aims_risk_heatmap_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  AimsRiskHeatmap *self = AIMS_RISK_HEATMAP (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  AimsHeatmapStyle style = { 0 };
  cairo_t *cr;

  if (self->matrix == NULL || width <= 0 || height <= 0)
    return;

  style.dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  if (self->selected_likelihood != 0 && shows_grid (self, self->selected_residual))
    {
      style.focus_likelihood = self->selected_likelihood;
      style.focus_impact = self->selected_impact;
      style.focus_residual = self->selected_residual;
    }

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (self->view == AIMS_HEATMAP_BOTH)
    aims_heatmap_draw_pair (cr, self->matrix, &self->counts[0], &self->counts[1], &style,
                            width, height);
  else
    aims_heatmap_draw (cr, self->matrix, &self->counts[self->view == AIMS_HEATMAP_RESIDUAL],
                       &style, width, height);
  cairo_destroy (cr);

  /* The buttons draw nothing but the focus ring and the hover outline. */
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gtk_widget_snapshot_child (widget, child, snapshot);
}

static void
aims_risk_heatmap_size_allocate (GtkWidget *widget,
                                 int        width,
                                 int        height,
                                 int        baseline)
{
  AimsRiskHeatmap *self = AIMS_RISK_HEATMAP (widget);
  AimsHeatmapGrid grids[2];
  guint n_grids;

  if (self->matrix == NULL)
    return;

  n_grids = aims_heatmap_get_grids (self->matrix, self->view == AIMS_HEATMAP_BOTH,
                                    width, height, grids);
  for (guint g = 0; g < n_grids; g++)
    {
      /* A single grid is the one the view names. */
      gboolean residual = n_grids == 2 ? grids[g].residual : self->view == AIMS_HEATMAP_RESIDUAL;

      for (guint l = 1; l <= grids[g].size; l++)
        for (guint i = 1; i <= grids[g].size; i++)
          {
            GtkWidget *button = self->cells[cell_index (residual, l, i)];
            cairo_rectangle_t rect;
            int min_width, min_height;

            if (button == NULL)
              continue;
            aims_heatmap_grid_cell_rect (&grids[g], l, i, &rect);
            /* Measuring is required before allocating, even when the
             * rectangle is what the cell gets whatever it asks. */
            gtk_widget_measure (button, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
            gtk_widget_measure (button, GTK_ORIENTATION_VERTICAL, -1, &min_height, NULL, NULL, NULL);
            gtk_widget_size_allocate (button,
                                      &(GtkAllocation) { (int) rect.x, (int) rect.y,
                                                        MAX ((int) rect.width, min_width),
                                                        MAX ((int) rect.height, min_height) },
                                      -1);
          }
    }
}

static void
aims_risk_heatmap_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  AimsRiskHeatmap *self = AIMS_RISK_HEATMAP (widget);
  gboolean pair = self->view == AIMS_HEATMAP_BOTH;

  /* Room for the axis labels and the legend; the drawing scales to
   * whatever it is given beyond that. */
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = pair ? 420 : 240;
      *natural = pair ? 640 : 360;
    }
  else
    {
      *minimum = 200;
      *natural = 280;
    }
  *minimum_baseline = *natural_baseline = -1;
}

/* Focusing the heatmap focuses its top left cell. */
static gboolean
aims_risk_heatmap_grab_focus (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_grab_focus (child))
      return TRUE;
  return FALSE;
}

static void
dark_changed_cb (AimsRiskHeatmap *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* ── GObject ─────────────────────────────────────────────────────────── */

static void
aims_risk_heatmap_dispose (GObject *object)
{
  AimsRiskHeatmap *self = AIMS_RISK_HEATMAP (object);

  remove_cells (self);

  G_OBJECT_CLASS (aims_risk_heatmap_parent_class)->dispose (object);
}

static void
aims_risk_heatmap_finalize (GObject *object)
{
  AimsRiskHeatmap *self = AIMS_RISK_HEATMAP (object);

  g_clear_pointer (&self->matrix, aims_risk_matrix_free);
  for (guint i = 0; i < N_CELLS; i++)
    if (self->listed[i] != NULL)
      g_string_free (self->listed[i], TRUE);

  G_OBJECT_CLASS (aims_risk_heatmap_parent_class)->finalize (object);
}

static void
aims_risk_heatmap_class_init (AimsRiskHeatmapClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = aims_risk_heatmap_dispose;
  object_class->finalize = aims_risk_heatmap_finalize;
  widget_class->snapshot = aims_risk_heatmap_snapshot;
  widget_class->size_allocate = aims_risk_heatmap_size_allocate;
  widget_class->measure = aims_risk_heatmap_measure;
  widget_class->grab_focus = aims_risk_heatmap_grab_focus;

  signals[CELL_ACTIVATED] =
    g_signal_new ("cell-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, G_TYPE_BOOLEAN, G_TYPE_UINT, G_TYPE_UINT);

  gtk_widget_class_install_action (widget_class, "heatmap.move-focus", "(ii)", move_focus_action);
  /* Likelihood runs up the grid, impact to the right. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, 0, "heatmap.move-focus", "(ii)", 1, 0);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, 0, "heatmap.move-focus", "(ii)", -1, 0);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, 0, "heatmap.move-focus", "(ii)", 0, 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, 0, "heatmap.move-focus", "(ii)", 0, -1);

  gtk_widget_class_set_css_name (widget_class, "aimsriskheatmap");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
aims_risk_heatmap_init (AimsRiskHeatmap *self)
{
  aims_records_ensure_style ();
  self->view = AIMS_HEATMAP_INHERENT;
  self->interactive = TRUE;
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Risk heatmap"),
                                  -1);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (dark_changed_cb), self, G_CONNECT_SWAPPED);
}

GtkWidget *
aims_risk_heatmap_new (void)
{
  return g_object_new (AIMS_TYPE_RISK_HEATMAP, NULL);
}

static void
list_risks (AimsRiskHeatmap         *self,
            GPtrArray               *risks,
            const AimsHeatmapFilter *filter)
{
  for (guint i = 0; i < N_CELLS; i++)
    if (self->listed[i] != NULL)
      g_string_truncate (self->listed[i], 0);
  memset (self->n_listed, 0, sizeof self->n_listed);

  for (guint k = 0; risks != NULL && k < risks->len; k++)
    {
      AimsRecord *risk = g_ptr_array_index (risks, k);

      if (!aims_heatmap_filter_matches (filter, risk))
        continue;
      for (guint r = 0; r < 2; r++)
        {
          guint likelihood, impact, index;
          g_autofree char *line = NULL;

          if (!aims_risk_get_levels (self->matrix, risk, r, &likelihood, &impact))
            continue;
          index = cell_index (r, likelihood, impact);
          /* Only the first few are named; the tooltip counts the rest. */
          if (self->n_listed[index]++ >= TOOLTIP_MAX_RISKS)
            continue;
          if (self->listed[index] == NULL)
            self->listed[index] = g_string_new (NULL);
          line = g_markup_printf_escaped ("\n%s  %s", aims_record_get_reference (risk),
                                          aims_record_get_title (risk));
          g_string_append (self->listed[index], line);
        }
    }
}

void
aims_risk_heatmap_set_risks (AimsRiskHeatmap         *self,
                             const AimsRiskMatrix    *matrix,
                             GPtrArray               *risks,
                             const AimsHeatmapFilter *filter)
{
  g_autoptr(GPtrArray) none = NULL;
  guint old_size;

  g_return_if_fail (AIMS_IS_RISK_HEATMAP (self));
  g_return_if_fail (matrix != NULL);

  old_size = matrix_size (self);
  g_clear_pointer (&self->matrix, aims_risk_matrix_free);
  self->matrix = aims_risk_matrix_copy (matrix);
  if (risks == NULL)
    risks = none = g_ptr_array_new ();

  aims_heatmap_counts_from_risks (self->matrix, risks, FALSE, filter, &self->counts[0]);
  aims_heatmap_counts_from_risks (self->matrix, risks, TRUE, filter, &self->counts[1]);
  list_risks (self, risks, filter);

  if (self->selected_likelihood > self->matrix->size || self->selected_impact > self->matrix->size)
    self->selected_likelihood = self->selected_impact = 0;
  if (old_size != self->matrix->size)
    rebuild_cells (self);
  else
    update_cell_texts (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

AimsHeatmapView
aims_risk_heatmap_get_view (AimsRiskHeatmap *self)
{
  g_return_val_if_fail (AIMS_IS_RISK_HEATMAP (self), AIMS_HEATMAP_INHERENT);

  return self->view;
}

void
aims_risk_heatmap_set_view (AimsRiskHeatmap *self,
                            AimsHeatmapView  view)
{
  g_return_if_fail (AIMS_IS_RISK_HEATMAP (self));
  g_return_if_fail (view <= AIMS_HEATMAP_BOTH);

  if (self->view == view)
    return;
  self->view = view;
  rebuild_cells (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

void
aims_risk_heatmap_set_interactive (AimsRiskHeatmap *self,
                                   gboolean         interactive)
{
  g_return_if_fail (AIMS_IS_RISK_HEATMAP (self));

  self->interactive = !!interactive;
  rebuild_cells (self);
}

void
aims_risk_heatmap_set_selected (AimsRiskHeatmap *self,
                                gboolean         residual,
                                guint            likelihood,
                                guint            impact)
{
  g_return_if_fail (AIMS_IS_RISK_HEATMAP (self));

  self->selected_residual = !!residual;
  self->selected_likelihood = likelihood;
  self->selected_impact = likelihood != 0 ? impact : 0;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
aims_risk_heatmap_get_count (AimsRiskHeatmap *self,
                             gboolean         residual,
                             guint            likelihood,
                             guint            impact)
{
  g_return_val_if_fail (AIMS_IS_RISK_HEATMAP (self), 0);

  return aims_heatmap_counts_get (&self->counts[!!residual], likelihood, impact);
}

gboolean
aims_risk_heatmap_get_focus_cell (AimsRiskHeatmap *self,
                                  gboolean        *residual,
                                  guint           *likelihood,
                                  guint           *impact)
{
  GtkWidget *focus;

  g_return_val_if_fail (AIMS_IS_RISK_HEATMAP (self), FALSE);

  focus = gtk_widget_get_focus_child (GTK_WIDGET (self));
  if (focus == NULL)
    return FALSE;
  if (residual != NULL)
    *residual = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (focus), "residual"));
  if (likelihood != NULL)
    *likelihood = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (focus), "likelihood"));
  if (impact != NULL)
    *impact = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (focus), "impact"));
  return TRUE;
}

GtkWidget *
aims_risk_heatmap_get_cell_button (AimsRiskHeatmap *self,
                                   gboolean         residual,
                                   guint            likelihood,
                                   guint            impact)
{
  g_return_val_if_fail (AIMS_IS_RISK_HEATMAP (self), NULL);

  if (likelihood < 1 || impact < 1 || likelihood > matrix_size (self) || impact > matrix_size (self))
    return NULL;
  return self->cells[cell_index (residual, likelihood, impact)];
}
