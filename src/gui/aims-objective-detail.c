/* aims-objective-detail.c — one AI objective opened from its card
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "aims-colour-swatch.h"
#include "aims-objective-detail.h"
#include "aims-objective-summary.h"
#include "aims-objective-systems-row.h"
#include "aims-pages.h"

/* How near the pointer must be to a value for its tooltip, in pixels. */
#define POINT_RADIUS 12

struct _AimsObjectiveDetail
{
  GtkWidget            parent_instance;

  AimsContext         *context;
  AimsRecord          *objective;
  GArray              *series;
  AimsObjectiveKpi     kpi;

  gboolean             paned_placed;
  GtkWidget           *state_swatch;
  GtkWidget           *entry;
  GtkWidget           *editor;
  GtkWidget           *systems_row;

  /* Template widgets */
  AdwViewStack        *view_stack;
  AdwViewSwitcherBar  *switcher_bar;
  GtkWidget           *meta_label;
  GtkWidget           *title_label;
  GtkWidget           *status_box;
  GtkWidget           *state_label;
  GtkWidget           *figures_label;
  GtkWidget           *paned;
  GtkWidget           *chart_box;
  GtkWidget           *entry_box;
  GtkWidget           *chart;
  AimsRecordList      *measurements;
  GtkWidget           *editor_box;
};

G_DEFINE_FINAL_TYPE (AimsObjectiveDetail, aims_objective_detail, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
is_dark (void)
{
  return adw_style_manager_get_dark (adw_style_manager_get_default ());
}

/* ── The chart ───────────────────────────────────────────────────────── */

static void
series_of (AimsObjectiveDetail *self,
           AimsTimeSeries      *series)
{
  aims_objective_time_series_init (series, self->objective, &self->kpi, self->series);
  /* The title is above the chart already, in the page's own type. */
  series->title = NULL;
}

static void
chart_draw_cb (GtkDrawingArea *area,
               cairo_t        *cr,
               int             width,
               int             height,
               gpointer        user_data)
{
  AimsObjectiveDetail *self = user_data;
  AimsChartStyle style = { .dark = is_dark () };
  AimsTimeSeries series;

  if (self->objective == NULL)
    return;
  series_of (self, &series);
  aims_chart_draw_time_series (cr, &series, &style, width, height);
}

/* A value's day, the value and what it says, under the pointer. */
static gboolean
chart_query_tooltip_cb (GtkWidget  *chart,
                        int         x,
                        int         y,
                        gboolean    keyboard_mode,
                        GtkTooltip *tooltip,
                        gpointer    user_data)
{
  AimsObjectiveDetail *self = user_data;
  cairo_surface_t *surface;
  cairo_t *cr;
  AimsTimeSeries series;
  AimsChartFrame frame;
  const AimsMeasurementPoint *point;
  g_autofree char *day = NULL;
  g_autofree char *value = NULL;
  g_autofree char *text = NULL;
  int index;

  if (self->objective == NULL || keyboard_mode)
    return FALSE;

  /* The frame measures text: a scratch context with the chart's size. */
  series_of (self, &series);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cr = cairo_create (surface);
  aims_chart_time_series_frame (cr, &series, gtk_widget_get_width (chart), gtk_widget_get_height (chart), &frame);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  if ((index = aims_chart_time_series_point_at (&frame, &series, x, y, POINT_RADIUS)) < 0)
    return FALSE;
  point = &series.points[index];
  day = aims_objective_summary_date (&point->date);
  value = aims_objective_format_value (self->objective, point->value);
  /* Translators: a value's tooltip on the chart, "19 Nov 2026: 89 % (At risk)" */
  text = g_strdup_printf (_("%s: %s (%s)"), day, value,
                          aims_objective_state_label (aims_objective_level_for_value (&self->kpi, point->value)));
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

/* Once, when the page first has its width: the chart takes what the table
 * and its editor leave, at least half when there is room; later the
 * user's drag is kept. (The chart asks for no width of its own, so that a
 * narrow window shrinks it rather than clipping it.) */
static void
paned_sized_cb (AimsObjectiveDetail *self)
{
  int width = gtk_widget_get_width (self->paned);
  int max = 0;

  if (self->paned_placed || width <= 0)
    return;
  self->paned_placed = TRUE;
  g_object_get (self->paned, "max-position", &max, NULL);
  gtk_paned_set_position (GTK_PANED (self->paned), MIN (MAX (width / 2, width - 620), max));
}

static void
dark_changed_cb (AimsObjectiveDetail *self)
{
  gtk_widget_queue_draw (self->chart);
}

/* ── The table of measurements ───────────────────────────────────────── */

static gboolean
measurement_value (AimsRecord *measurement,
                   double     *value)
{
  return aims_number_parse (aims_record_get (measurement, "value"), value);
}

static gboolean
match_cb (AimsRecord *measurement,
          gpointer    data)
{
  AimsObjectiveDetail *self = data;
  const char *objective_id = aims_record_get (measurement, "objective_id");

  return self->objective != NULL && objective_id != NULL &&
         g_ascii_strtoll (objective_id, NULL, 10) == aims_record_get_id (self->objective);
}

static char *
value_text (AimsRecord *measurement,
            gpointer    data)
{
  AimsObjectiveDetail *self = data;
  g_autofree char *formatted = NULL;
  AimsObjectiveState level;
  double value;

  if (self->objective == NULL || !measurement_value (measurement, &value))
    return NULL;
  formatted = aims_objective_format_value (self->objective, value);
  level = aims_objective_level_for_value (&self->kpi, value);
  if (level == AIMS_OBJECTIVE_NO_TARGET)
    return g_steal_pointer (&formatted);
  /* Translators: a value in the table of measurements, "89 % · At risk" */
  return g_strdup_printf (_("%s · %s"), formatted, aims_objective_state_label (level));
}

static int
value_compare (AimsRecord *a,
               AimsRecord *b,
               gpointer    data)
{
  double va = 0, vb = 0;

  measurement_value (a, &va);
  measurement_value (b, &vb);
  return (va > vb) - (va < vb);
}

static AimsObjectiveState
level_of (AimsObjectiveDetail *self,
          AimsRecord          *measurement)
{
  double value;

  if (!measurement_value (measurement, &value))
    return AIMS_OBJECTIVE_NO_TARGET;
  return aims_objective_level_for_value (&self->kpi, value);
}

static const char *
level_colour (AimsRecord *measurement,
              gpointer    data)
{
  AimsObjectiveState level = level_of (data, measurement);

  return level == AIMS_OBJECTIVE_NO_TARGET ? NULL : aims_objective_state_colour (level);
}

static void
setup_measurements (AimsObjectiveDetail *self)
{
  static const AimsRecordColumnFuncs value = {
    .text = value_text, .swatch = level_colour, .compare = value_compare,
  };
  AimsRecordList *list = self->measurements;
  AimsRecordEditor *editor;
  GtkColumnView *view;
  g_autoptr(GtkColumnViewColumn) first = NULL;

  aims_record_list_setup (list, self->context, aims_entity_measurements ());
  aims_record_list_set_match_func (list, match_cb, self);
  aims_record_list_add_column (list, "measured_on", _("Measured on"), 100, AIMS_RECORD_COLUMN_DEFAULT);
  /* The value with what it said against the target then, in colour and
   * in words: "● 89 % · At risk". */
  aims_record_list_add_custom_column (list, "value", _("Value"), 140, AIMS_RECORD_COLUMN_DEFAULT, &value, self);
  aims_record_list_add_column (list, "note", _("Note"), 100, AIMS_RECORD_COLUMN_EXPAND);

  /* The latest first: it is the one people look at and correct. */
  view = aims_record_list_get_column_view (list);
  first = g_list_model_get_item (gtk_column_view_get_columns (view), 0);
  gtk_column_view_sort_by_column (view, first, GTK_SORT_DESCENDING);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Measurements"), -1);
  aims_record_list_set_empty_texts (list, "view-list-symbolic", _("No Measurements Yet"),
                                    _("Enter the first value in the line above."),
                                    _("No measurement matches the search."));

  editor = aims_record_list_get_editor (list);
  aims_record_editor_set_placeholder (editor, _("No Measurement Selected"),
                                      _("Choose a measurement in the table to correct it."));
  /* Four fields: the table may have the room. */
  gtk_widget_set_size_request (GTK_WIDGET (editor), 300, -1);
  aims_record_list_reload (list);
}

/* ── Writing ─────────────────────────────────────────────────────────── */

static void
measurement_added_cb (AimsObjectiveDetail *self,
                      AimsRecord          *measurement)
{
  g_autofree char *value = NULL;
  g_autofree char *title = NULL;
  double number;

  if (measurement_value (measurement, &number))
    value = aims_objective_format_value (self->objective, number);

  /* Translators: a toast, "Recorded 91 % on 2026-11-28 as MEA-054" */
  title = g_strdup_printf (_("Recorded %s on %s as %s"), value != NULL ? value : "",
                           aims_record_get (measurement, "measured_on"), aims_record_get_reference (measurement));
  aims_page_add_toast (GTK_WIDGET (self), adw_toast_new (title));
  aims_context_emit_data_changed (self->context);
}

static void
objective_saved_cb (AimsObjectiveDetail *self)
{
  aims_context_emit_data_changed (self->context);
}

/* ── Showing ─────────────────────────────────────────────────────────── */

static void
show_heading (AimsObjectiveDetail       *self,
              const AimsObjectiveStatus *status,
              const GDate               *today)
{
  g_autoptr(GString) meta = g_string_new (aims_record_get_reference (self->objective));
  g_autoptr(GString) figures = g_string_new (NULL);
  g_autofree char *latest = aims_objective_summary_latest (self->objective, status);
  g_autofree char *target = aims_objective_summary_target (self->objective);
  g_autofree char *trend = aims_objective_summary_trend_arrow (status);
  g_autofree char *due = aims_objective_summary_due (status, today);
  g_autofree char *chart = NULL;
  const char *owner = aims_record_get_display (self->objective, "owner_id");
  const char *kpi = aims_record_get (self->objective, "kpi_name");

  if (owner != NULL)
    /* Translators: beside an objective's reference, "Owner: Margit Ellison" */
    {
      g_string_append (meta, " · ");
      g_string_append_printf (meta, _("Owner: %s"), owner);
    }
  if (kpi != NULL)
    /* Translators: beside an objective's reference, "KPI: Share of …" */
    {
      g_string_append (meta, " · ");
      g_string_append_printf (meta, _("KPI: %s"), kpi);
    }
  gtk_label_set_label (GTK_LABEL (self->meta_label), meta->str);
  gtk_label_set_label (GTK_LABEL (self->title_label), aims_record_get_title (self->objective));

  aims_colour_swatch_set (self->state_swatch, aims_objective_state_colour (status->state));
  gtk_label_set_label (GTK_LABEL (self->state_label), aims_objective_state_label (status->state));
  g_string_append (figures, latest != NULL ? latest : _("No value yet"));
  g_string_append_printf (figures, " · %s", target);
  if (trend != NULL)
    g_string_append_printf (figures, " · %s", trend);
  g_string_append_printf (figures, " · %s", due);
  gtk_label_set_label (GTK_LABEL (self->figures_label), figures->str);

  chart = aims_objective_summary_series (_("Chart"), self->objective, status,
                                         self->series != NULL ? self->series->len : 0);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->chart),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, chart,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, chart,
                                  -1);
}

void
aims_objective_detail_show (AimsObjectiveDetail       *self,
                            AimsRecord                *objective,
                            GArray                    *series,
                            const AimsObjectiveStatus *status,
                            const GDate               *today)
{
  AimsRecordEditor *editor;
  gboolean same;

  g_return_if_fail (AIMS_IS_OBJECTIVE_DETAIL (self));
  g_return_if_fail (objective == NULL || (AIMS_IS_RECORD (objective) && status != NULL && today != NULL));

  editor = AIMS_RECORD_EDITOR (self->editor);
  same = objective != NULL && self->objective != NULL &&
         aims_record_get_id (objective) == aims_record_get_id (self->objective);

  g_set_object (&self->objective, objective);
  g_clear_pointer (&self->series, g_array_unref);
  if (series != NULL)
    self->series = g_array_ref (series);

  if (objective == NULL)
    aims_record_editor_set_record (editor, NULL);
  else if (same && aims_record_editor_get_record (editor) != NULL)
    aims_record_editor_refresh (editor, objective);
  else
    aims_record_editor_set_record (editor, objective);

  if (objective != NULL)
    {
      aims_objective_kpi_from_record (objective, &self->kpi);
      show_heading (self, status, today);
    }
  aims_measurement_entry_set_objective (AIMS_MEASUREMENT_ENTRY (self->entry), objective);
  aims_objective_systems_row_set_objective (AIMS_OBJECTIVE_SYSTEMS_ROW (self->systems_row),
                                            objective != NULL ? aims_record_get_id (objective) : 0);
  if (!same)
    aims_record_list_clear_search (self->measurements);
  /* The Value and Against target cells follow the unit and the target. */
  aims_record_list_refilter (self->measurements);
  gtk_widget_queue_draw (self->chart);
}

AimsRecord *
aims_objective_detail_get_objective (AimsObjectiveDetail *self)
{
  g_return_val_if_fail (AIMS_IS_OBJECTIVE_DETAIL (self), NULL);

  return self->objective;
}

void
aims_objective_detail_edit_field (AimsObjectiveDetail *self,
                                  const char          *field)
{
  g_return_if_fail (AIMS_IS_OBJECTIVE_DETAIL (self));

  adw_view_stack_set_visible_child_name (self->view_stack, "objective");
  if (field != NULL)
    aims_record_editor_focus_field (AIMS_RECORD_EDITOR (self->editor), field);
}

void
aims_objective_detail_flush (AimsObjectiveDetail *self)
{
  g_return_if_fail (AIMS_IS_OBJECTIVE_DETAIL (self));

  aims_record_editor_flush (AIMS_RECORD_EDITOR (self->editor));
  aims_record_list_flush (self->measurements);
}

void
aims_objective_detail_focus_search (AimsObjectiveDetail *self)
{
  g_return_if_fail (AIMS_IS_OBJECTIVE_DETAIL (self));

  adw_view_stack_set_visible_child_name (self->view_stack, "progress");
  aims_record_list_focus_search (self->measurements);
}

/* ── GObject ─────────────────────────────────────────────────────────── */

static void
aims_objective_detail_constructed (GObject *object)
{
  AimsObjectiveDetail *self = AIMS_OBJECTIVE_DETAIL (object);

  G_OBJECT_CLASS (aims_objective_detail_parent_class)->constructed (object);

  setup_measurements (self);

  self->entry = aims_measurement_entry_new (self->context);
  g_signal_connect_object (self->entry, "added", G_CALLBACK (measurement_added_cb), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (self->entry_box), self->entry);

  self->editor = aims_record_editor_new (self->context, aims_entity_objectives ());
  gtk_widget_set_vexpand (self->editor, TRUE);
  g_signal_connect_object (self->editor, "saved", G_CALLBACK (objective_saved_cb), self, G_CONNECT_SWAPPED);
  self->systems_row = aims_objective_systems_row_new (self->context);
  aims_record_editor_add_row (AIMS_RECORD_EDITOR (self->editor), "objective", self->systems_row);
  gtk_box_append (GTK_BOX (self->editor_box), self->editor);
}

static void
aims_objective_detail_dispose (GObject *object)
{
  AimsObjectiveDetail *self = AIMS_OBJECTIVE_DETAIL (object);

  gtk_widget_dispose_template (GTK_WIDGET (object), AIMS_TYPE_OBJECTIVE_DETAIL);
  g_clear_object (&self->objective);
  g_clear_pointer (&self->series, g_array_unref);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (aims_objective_detail_parent_class)->dispose (object);
}

static void
aims_objective_detail_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, AIMS_OBJECTIVE_DETAIL (object)->context);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aims_objective_detail_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_CONTEXT:
      AIMS_OBJECTIVE_DETAIL (object)->context = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aims_objective_detail_class_init (AimsObjectiveDetailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = aims_objective_detail_constructed;
  object_class->dispose = aims_objective_detail_dispose;
  object_class->get_property = aims_objective_detail_get_property;
  object_class->set_property = aims_objective_detail_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         AIMS_TYPE_CONTEXT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (AIMS_TYPE_RECORD_LIST);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/aimsdesk/AimsDesk/aims-objective-detail.ui");
  gtk_widget_class_bind_template_child (widget_class, AimsObjectiveDetail, view_stack);
  gtk_widget_class_bind_template_child (widget_class, AimsObjectiveDetail, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, AimsObjectiveDetail, meta_label);
  gtk_widget_class_bind_template_child (widget_class, AimsObjectiveDetail, title_label);
  gtk_widget_class_bind_template_child (widget_class, AimsObjectiveDetail, status_box);
  gtk_widget_class_bind_template_child (widget_class, AimsObjectiveDetail, state_label);
  gtk_widget_class_bind_template_child (widget_class, AimsObjectiveDetail, figures_label);
  gtk_widget_class_bind_template_child (widget_class, AimsObjectiveDetail, paned);
  gtk_widget_class_bind_template_child (widget_class, AimsObjectiveDetail, chart_box);
  gtk_widget_class_bind_template_child (widget_class, AimsObjectiveDetail, entry_box);
  gtk_widget_class_bind_template_child (widget_class, AimsObjectiveDetail, chart);
  gtk_widget_class_bind_template_child (widget_class, AimsObjectiveDetail, measurements);
  gtk_widget_class_bind_template_child (widget_class, AimsObjectiveDetail, editor_box);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
}

static void
aims_objective_detail_init (AimsObjectiveDetail *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);

  self->state_swatch = aims_colour_swatch_new (14, TRUE);
  gtk_box_prepend (GTK_BOX (self->status_box), self->state_swatch);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->chart), chart_draw_cb, self, NULL);
  g_signal_connect (self->chart, "query-tooltip", G_CALLBACK (chart_query_tooltip_cb), self);
  g_signal_connect_swapped (self->paned, "notify::max-position", G_CALLBACK (paned_sized_cb), self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->chart), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Chart"), -1);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (dark_changed_cb), self, G_CONNECT_SWAPPED);
}

GtkWidget *
aims_objective_detail_new (AimsContext *context)
{
  g_return_val_if_fail (AIMS_IS_CONTEXT (context), NULL);

  return g_object_new (AIMS_TYPE_OBJECTIVE_DETAIL, "context", context, NULL);
}

AdwViewStack *
aims_objective_detail_get_view_stack (AimsObjectiveDetail *self)
{
  g_return_val_if_fail (AIMS_IS_OBJECTIVE_DETAIL (self), NULL);

  return self->view_stack;
}

AdwViewSwitcherBar *
aims_objective_detail_get_switcher_bar (AimsObjectiveDetail *self)
{
  g_return_val_if_fail (AIMS_IS_OBJECTIVE_DETAIL (self), NULL);

  return self->switcher_bar;
}

AimsMeasurementEntry *
aims_objective_detail_get_entry (AimsObjectiveDetail *self)
{
  g_return_val_if_fail (AIMS_IS_OBJECTIVE_DETAIL (self), NULL);

  return AIMS_MEASUREMENT_ENTRY (self->entry);
}

AimsRecordList *
aims_objective_detail_get_measurements (AimsObjectiveDetail *self)
{
  g_return_val_if_fail (AIMS_IS_OBJECTIVE_DETAIL (self), NULL);

  return self->measurements;
}

AimsRecordEditor *
aims_objective_detail_get_editor (AimsObjectiveDetail *self)
{
  g_return_val_if_fail (AIMS_IS_OBJECTIVE_DETAIL (self), NULL);

  return AIMS_RECORD_EDITOR (self->editor);
}

GtkWidget *
aims_objective_detail_get_systems_row (AimsObjectiveDetail *self)
{
  g_return_val_if_fail (AIMS_IS_OBJECTIVE_DETAIL (self), NULL);

  return self->systems_row;
}

GtkWidget *
aims_objective_detail_get_chart (AimsObjectiveDetail *self)
{
  g_return_val_if_fail (AIMS_IS_OBJECTIVE_DETAIL (self), NULL);

  return self->chart;
}
