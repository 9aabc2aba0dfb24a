/* aims-dashboard-page.c — the AIMS at a glance
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "aims-dashboard-page.h"
#include "aims-dashboard-tile.h"
#include "aims-record-editor.h"

struct _AimsDashboardPage
{
  GtkWidget       parent_instance;

  AimsContext    *context;
  AimsDashboard  *figures;
  GCancellable   *loading;
  gboolean        reload_again;   /* the data changed while reading */

  /* Template widgets */
  AdwHeaderBar   *header_bar;
  AdwWindowTitle *window_title;
  GtkWidget      *back_button;
  GtkStack       *stack;
  AdwStatusPage  *error_page;
  GtkFlowBox     *tiles;
};

G_DEFINE_FINAL_TYPE (AimsDashboardPage, aims_dashboard_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void reload (AimsDashboardPage *self);

/* ── Pictures ────────────────────────────────────────────────────────── */

/* The items of a breakdown, for the chart renderers; owned by it. */
static AimsChartItem *
chart_items (const AimsDashboardBreakdown *breakdown)
{
  AimsChartItem *items = g_new0 (AimsChartItem, MAX (breakdown->counts->len, 1));

  for (guint i = 0; i < breakdown->counts->len; i++)
    {
      const AimsDashboardCount *count = &g_array_index (breakdown->counts, AimsDashboardCount, i);

      items[i] = (AimsChartItem) { count->label, count->count, count->colour };
    }
  return items;
}

typedef struct
{
  AimsDashboard                *figures;   /* the page keeps it alive while tiles are shown */
  const AimsDashboardBreakdown *breakdown;
} Picture;

static void
draw_donut (cairo_t  *cr,
            double    width,
            double    height,
            gboolean  dark,
            gpointer  user_data)
{
  Picture *picture = user_data;
  g_autofree AimsChartItem *items = chart_items (picture->breakdown);
  AimsChartStyle style = { .dark = dark };

  aims_chart_draw_donut (cr, items, picture->breakdown->counts->len, NULL, &style, width, height);
}

static void
draw_bars (cairo_t  *cr,
           double    width,
           double    height,
           gboolean  dark,
           gpointer  user_data)
{
  Picture *picture = user_data;
  g_autofree AimsChartItem *items = chart_items (picture->breakdown);
  AimsChartStyle style = { .dark = dark };

  aims_chart_draw_bars (cr, items, picture->breakdown->counts->len, &style, width, height);
}

static void
draw_heatmaps (cairo_t  *cr,
               double    width,
               double    height,
               gboolean  dark,
               gpointer  user_data)
{
  Picture *picture = user_data;
  AimsHeatmapStyle style = { .dark = dark };

  /* One grid, so that it reads at a tile's size: after treatment, where
   * the register stands. */
  aims_heatmap_draw (cr, picture->figures->risks.matrix, &picture->figures->risks.residual,
                     &style, width, height);
}

static Picture *
picture_new (AimsDashboard                *figures,
             const AimsDashboardBreakdown *breakdown)
{
  Picture *picture = g_new0 (Picture, 1);

  picture->figures = figures;
  picture->breakdown = breakdown;
  return picture;
}

/* ── Tiles ───────────────────────────────────────────────────────────── */

/* One row per category of breakdown, each opening page filtered by it. */
static void
add_breakdown_rows (AimsDashboardTile            *tile,
                    const AimsDashboardBreakdown *breakdown,
                    const char                   *page,
                    const char                   *filter_key,
                    gboolean                      skip_empty)
{
  for (guint i = 0; i < breakdown->counts->len; i++)
    {
      const AimsDashboardCount *count = &g_array_index (breakdown->counts, AimsDashboardCount, i);
      g_autofree char *filter = NULL;

      if (skip_empty && count->count == 0)
        continue;
      filter = count->key != NULL ? g_strdup_printf ("%s=%s", filter_key, count->key) : g_strdup ("");
      aims_dashboard_tile_add_row (tile, count->colour, count->label, count->count, FALSE, page, filter);
    }
}

static GtkWidget *
systems_tile (AimsDashboardPage *self)
{
  const AimsDashboardSystems *systems = &self->figures->systems;
  GtkWidget *tile = aims_dashboard_tile_new (_("AI Systems by Lifecycle Stage"));
  g_autofree char *caption = NULL;

  /* Translators: under the number of AI systems on the dashboard, "AI systems on file, 12 in use" */
  caption = g_strdup_printf (_("AI systems on file, %u in use"), systems->in_use);
  aims_dashboard_tile_set_figure (AIMS_DASHBOARD_TILE (tile), systems->total, caption, "systems", "retired=1");
  aims_dashboard_tile_set_picture (AIMS_DASHBOARD_TILE (tile), 150, draw_donut,
                                   picture_new (self->figures, &systems->by_stage), g_free);
  add_breakdown_rows (AIMS_DASHBOARD_TILE (tile), &systems->by_stage, "systems", "lifecycle_stage", TRUE);
  return tile;
}

/* Open nonconformities by severity, and the corrective actions running
 * late; every row opens the page on what it counts. */
static GtkWidget *
nonconformities_tile (AimsDashboardPage *self)
{
  const AimsDashboardNonconformities *ncs = &self->figures->nonconformities;
  AimsDashboardTile *tile = AIMS_DASHBOARD_TILE (aims_dashboard_tile_new (_("Nonconformities")));

  aims_dashboard_tile_set_figure (tile, ncs->open, _("open nonconformities"), "nonconformities", "open=1");
  aims_dashboard_tile_set_picture (tile, 110, draw_bars, picture_new (self->figures, &ncs->by_severity), g_free);
  for (guint i = 0; i < ncs->by_severity.counts->len; i++)
    {
      const AimsDashboardCount *count = &g_array_index (ncs->by_severity.counts, AimsDashboardCount, i);
      g_autofree char *filter = NULL;

      if (count->key == NULL && count->count == 0)
        continue;
      filter = count->key != NULL ? g_strdup_printf ("severity=%s;open=1", count->key) : g_strdup ("open=1");
      aims_dashboard_tile_add_row (tile, count->colour, count->label, count->count, FALSE, "nonconformities", filter);
    }
  aims_dashboard_tile_add_row (tile, NULL, _("Corrective actions overdue"), ncs->actions_overdue,
                               ncs->actions_overdue > 0, "nonconformities", "overdue=1");
  return GTK_WIDGET (tile);
}

/* Impact assessments in force, waiting for approval, being written, and
 * reassessments that are due; each row opens the list on that status. */
static GtkWidget *
assessments_tile (AimsDashboardPage *self)
{
  const AimsDashboardAssessments *assessments = &self->figures->assessments;
  AimsDashboardTile *tile = AIMS_DASHBOARD_TILE (aims_dashboard_tile_new (_("Impact Assessments")));

  aims_dashboard_tile_set_figure (tile, assessments->approved, _("approved and in force"),
                                  "assessments", "status=approved");
  aims_dashboard_tile_add_row (tile, NULL, _("In review"), assessments->in_review, FALSE,
                               "assessments", "status=in_review");
  aims_dashboard_tile_add_row (tile, NULL, _("Drafts"), assessments->drafts, FALSE,
                               "assessments", "status=draft");
  aims_dashboard_tile_add_row (tile, NULL, _("Reassessments overdue"), assessments->overdue,
                               assessments->overdue > 0, "assessments", "status=approved");
  aims_dashboard_tile_add_row (tile, NULL, _("Reassessments due within 30 days"), assessments->due, FALSE,
                               "assessments", "status=approved");
  return GTK_WIDGET (tile);
}

/* How far the Statement of Applicability has come: decided, then done. */
static GtkWidget *
soa_tile (AimsDashboardPage *self)
{
  const AimsDashboardSoa *soa = &self->figures->soa;
  AimsDashboardTile *tile = AIMS_DASHBOARD_TILE (aims_dashboard_tile_new (_("Statement of Applicability")));
  /* Translators: under the number of implemented controls: "of 33 applicable controls implemented" */
  g_autofree char *caption = g_strdup_printf (_("of %u applicable controls implemented"), soa->applicable);

  aims_dashboard_tile_set_figure (tile, soa->implemented, caption, "controls", "soa_status=implemented");
  aims_dashboard_tile_add_row (tile, NULL, _("Controls not decided yet"), soa->controls - soa->decided,
                               soa->controls > soa->decided, "controls", "applicable=undecided");
  aims_dashboard_tile_add_row (tile, NULL, _("Applicable, not yet implemented"), soa->applicable - soa->implemented,
                               FALSE, "controls", "applicable=yes");
  aims_dashboard_tile_add_row (tile, NULL, _("Excluded"), soa->decided - soa->applicable, FALSE,
                               "controls", "applicable=no");
  return GTK_WIDGET (tile);
}

static GtkWidget *
eu_class_tile (AimsDashboardPage *self)
{
  const AimsDashboardSystems *systems = &self->figures->systems;
  const AimsDashboardCount *high = aims_dashboard_breakdown_find (&systems->by_eu_class, "high");
  GtkWidget *tile = aims_dashboard_tile_new (_("EU AI Act Classes"));

  aims_dashboard_tile_set_figure (AIMS_DASHBOARD_TILE (tile), high != NULL ? high->count : 0,
                                  _("high-risk AI systems in use"), "systems", "eu_ai_act_class=high");
  aims_dashboard_tile_set_picture (AIMS_DASHBOARD_TILE (tile), 130, draw_bars,
                                   picture_new (self->figures, &systems->by_eu_class), g_free);
  add_breakdown_rows (AIMS_DASHBOARD_TILE (tile), &systems->by_eu_class, "systems", "eu_ai_act_class", FALSE);
  return tile;
}

static GtkWidget *
risks_tile (AimsDashboardPage *self)
{
  const AimsDashboardRisks *risks = &self->figures->risks;
  GtkWidget *tile = aims_dashboard_tile_new (_("Risks by Band"));

  aims_dashboard_tile_set_figure (AIMS_DASHBOARD_TILE (tile), risks->open, _("open risks"), "risks", "");
  /* Tall enough that the impact labels under the grid read whole. */
  aims_dashboard_tile_set_picture (AIMS_DASHBOARD_TILE (tile), 270, draw_heatmaps,
                                   picture_new (self->figures, NULL), g_free);
  add_breakdown_rows (AIMS_DASHBOARD_TILE (tile), &risks->by_band, "risks", "band", FALSE);
  return tile;
}

static GtkWidget *
attention_tile (AimsDashboardPage *self)
{
  const AimsDashboardRisks *risks = &self->figures->risks;
  AimsDashboardTile *tile = AIMS_DASHBOARD_TILE (aims_dashboard_tile_new (_("Needs Attention")));
  guint total = risks->above_appetite + risks->review_overdue + risks->acceptance_expired;

  aims_dashboard_tile_set_figure (tile, total, _("risk findings to act on"), "risks", "");
  aims_dashboard_tile_add_row (tile, NULL, _("Risks above the appetite"), risks->above_appetite, TRUE,
                               "risks", "attention=above_appetite");
  aims_dashboard_tile_add_row (tile, NULL, _("Risk reviews overdue"), risks->review_overdue, TRUE,
                               "risks", "attention=review_overdue");
  aims_dashboard_tile_add_row (tile, NULL, _("Risk acceptances expired"), risks->acceptance_expired, TRUE,
                               "risks", "attention=acceptance_expired");
  aims_dashboard_tile_add_row (tile, NULL, _("AI system reviews overdue"), self->figures->systems.review_overdue,
                               TRUE, "systems", "");
  return GTK_WIDGET (tile);
}

static GtkWidget *
objectives_tile (AimsDashboardPage *self)
{
  const AimsDashboardObjectives *objectives = &self->figures->objectives;
  GtkWidget *tile = aims_dashboard_tile_new (_("Objectives"));
  /* Translators: under the number of objectives on track, "of 6 objectives on track" */
  g_autofree char *caption = g_strdup_printf (ngettext ("of %u objective on track", "of %u objectives on track",
                                                        objectives->total), objectives->total);

  /* "2 of 6": how many are on track means little without the whole. */
  aims_dashboard_tile_set_figure (AIMS_DASHBOARD_TILE (tile),
                                  objectives->state_counts[AIMS_OBJECTIVE_ON_TRACK],
                                  caption, "objectives", "state=on_track");
  aims_dashboard_tile_set_picture (AIMS_DASHBOARD_TILE (tile), 150, draw_donut,
                                   picture_new (self->figures, &objectives->by_state), g_free);
  add_breakdown_rows (AIMS_DASHBOARD_TILE (tile), &objectives->by_state, "objectives", "state", FALSE);
  return tile;
}

static void
show_figures (AimsDashboardPage *self)
{
  GtkWidget *child;
  g_autofree char *subtitle = NULL;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->tiles))) != NULL)
    gtk_flow_box_remove (self->tiles, child);

  gtk_flow_box_append (self->tiles, systems_tile (self));
  gtk_flow_box_append (self->tiles, risks_tile (self));
  gtk_flow_box_append (self->tiles, attention_tile (self));
  gtk_flow_box_append (self->tiles, objectives_tile (self));
  gtk_flow_box_append (self->tiles, nonconformities_tile (self));
  gtk_flow_box_append (self->tiles, assessments_tile (self));
  gtk_flow_box_append (self->tiles, soa_tile (self));
  gtk_flow_box_append (self->tiles, eu_class_tile (self));
  /* The tiles are cards, not choices: nothing to select. */
  for (child = gtk_widget_get_first_child (GTK_WIDGET (self->tiles)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gtk_widget_set_focusable (child, FALSE);

  /* Translators: under the dashboard's title, "As of 2026-11-28" */
  {
    g_autofree char *day = aims_date_format_iso (&self->figures->today);

    subtitle = g_strdup_printf (_("As of %s"), day);
  }
  adw_window_title_set_subtitle (self->window_title, subtitle);
  gtk_stack_set_visible_child_name (self->stack, "tiles");
}

/* ── Loading ─────────────────────────────────────────────────────────── */

static void
loaded_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(AimsDashboardPage) self = user_data;
  g_autoptr(GError) error = NULL;
  AimsDashboard *figures = aims_dashboard_load_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->loading);

  if (figures == NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
    }
  else
    {
      /* The tiles draw from the figures: the old ones go with their tiles. */
      AimsDashboard *old = g_steal_pointer (&self->figures);

      self->figures = figures;
      show_figures (self);
      g_clear_pointer (&old, aims_dashboard_free);
    }
  if (self->reload_again)
    {
      self->reload_again = FALSE;
      reload (self);
    }
}

static void
reload (AimsDashboardPage *self)
{
  AimsDb *db = self->context != NULL ? aims_context_get_db (self->context) : NULL;

  if (db == NULL)
    return;
  /* One read at a time; a change meanwhile reads again once it is done. */
  if (self->loading != NULL)
    {
      self->reload_again = TRUE;
      return;
    }
  if (self->figures == NULL)
    gtk_stack_set_visible_child_name (self->stack, "loading");
  self->loading = g_cancellable_new ();
  aims_dashboard_load_async (aims_db_get_path (db), self->loading, loaded_cb, g_object_ref (self));
}

static void
db_changed_cb (AimsDashboardPage *self)
{
  if (self->loading != NULL)
    g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  self->reload_again = FALSE;
  reload (self);
}

/* ── GObject ─────────────────────────────────────────────────────────── */

static void
aims_dashboard_page_constructed (GObject *object)
{
  AimsDashboardPage *self = AIMS_DASHBOARD_PAGE (object);

  G_OBJECT_CLASS (aims_dashboard_page_parent_class)->constructed (object);

  g_object_bind_property (self->context, "folded", self->back_button, "visible", G_BINDING_SYNC_CREATE);
  g_signal_connect_object (self->context, "notify::db", G_CALLBACK (db_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->context, "data-changed", G_CALLBACK (reload), self, G_CONNECT_SWAPPED);
  reload (self);
}

static void
aims_dashboard_page_dispose (GObject *object)
{
  AimsDashboardPage *self = AIMS_DASHBOARD_PAGE (object);

  if (self->loading != NULL)
    g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  gtk_widget_dispose_template (GTK_WIDGET (object), AIMS_TYPE_DASHBOARD_PAGE);
  g_clear_pointer (&self->figures, aims_dashboard_free);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (aims_dashboard_page_parent_class)->dispose (object);
}

static void
aims_dashboard_page_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  AimsDashboardPage *self = AIMS_DASHBOARD_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aims_dashboard_page_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  AimsDashboardPage *self = AIMS_DASHBOARD_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aims_dashboard_page_class_init (AimsDashboardPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = aims_dashboard_page_constructed;
  object_class->dispose = aims_dashboard_page_dispose;
  object_class->get_property = aims_dashboard_page_get_property;
  object_class->set_property = aims_dashboard_page_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         AIMS_TYPE_CONTEXT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/aimsdesk/AimsDesk/aims-dashboard-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AimsDashboardPage, header_bar);
  gtk_widget_class_bind_template_child (widget_class, AimsDashboardPage, window_title);
  gtk_widget_class_bind_template_child (widget_class, AimsDashboardPage, back_button);
  gtk_widget_class_bind_template_child (widget_class, AimsDashboardPage, stack);
  gtk_widget_class_bind_template_child (widget_class, AimsDashboardPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, AimsDashboardPage, tiles);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
}

static void
aims_dashboard_page_init (AimsDashboardPage *self)
{
  aims_records_ensure_style ();
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
}

GtkWidget *
aims_dashboard_page_new (AimsContext *context)
{
  g_return_val_if_fail (AIMS_IS_CONTEXT (context), NULL);

  return g_object_new (AIMS_TYPE_DASHBOARD_PAGE, "context", context, NULL);
}

const AimsDashboard *
aims_dashboard_page_get_figures (AimsDashboardPage *self)
{
  g_return_val_if_fail (AIMS_IS_DASHBOARD_PAGE (self), NULL);

  return self->figures;
}

gboolean
aims_dashboard_page_is_loading (AimsDashboardPage *self)
{
  g_return_val_if_fail (AIMS_IS_DASHBOARD_PAGE (self), FALSE);

  return self->loading != NULL;
}

GtkFlowBox *
aims_dashboard_page_get_tiles (AimsDashboardPage *self)
{
  g_return_val_if_fail (AIMS_IS_DASHBOARD_PAGE (self), NULL);

  return self->tiles;
}
