/* aims-objective-card.c — one AI objective on the Objectives page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>
#include <glib/gi18n.h>

#include "aims-colour-swatch.h"
#include "aims-objective-card.h"
#include "aims-objective-summary.h"
#include "aims-record-filter.h"

/* The sparkline's height; its width is the card's. */
#define SPARKLINE_HEIGHT 44

struct _AimsObjectiveCard
{
  GtkButton           parent_instance;

  gint64              id;
  char               *reference;
  AimsObjectiveState  state;
  AimsObjectiveKpi    kpi;
  GArray             *series;       /* AimsMeasurementPoint */
  char               *value_text;
  char               *search_text;

  GtkWidget          *stripe;
  GtkWidget          *reference_label;
  GtkWidget          *state_swatch;
  GtkWidget          *state_label;
  GtkWidget          *title_label;
  GtkWidget          *value_label;
  GtkWidget          *target_label;
  GtkWidget          *sparkline;
  GtkWidget          *trend_label;
  GtkWidget          *due_label;
};

G_DEFINE_FINAL_TYPE (AimsObjectiveCard, aims_objective_card, GTK_TYPE_BUTTON)

static gboolean
is_dark (void)
{
  return adw_style_manager_get_dark (adw_style_manager_get_default ());
}

/* The status colour as a bar down the card's edge, so that a page of cards
 * sorts itself by colour at a glance; the words are on the card too. */
static void
stripe_draw_cb (GtkDrawingArea *area,
                cairo_t        *cr,
                int             width,
                int             height,
                gpointer        user_data)
{
  AimsObjectiveCard *self = user_data;
  double red, green, blue, radius = width / 2.0;

  if (!aims_risk_colour_parse (aims_objective_state_colour (self->state), &red, &green, &blue))
    return;
  cairo_new_sub_path (cr);
  cairo_arc (cr, radius, radius, radius, G_PI, 1.5 * G_PI);
  cairo_arc (cr, radius, radius, radius, 1.5 * G_PI, 2 * G_PI);
  cairo_arc (cr, radius, height - radius, radius, 0, 0.5 * G_PI);
  cairo_arc (cr, radius, height - radius, radius, 0.5 * G_PI, G_PI);
  cairo_close_path (cr);
  cairo_set_source_rgb (cr, red, green, blue);
  cairo_fill (cr);
}

static void
sparkline_draw_cb (GtkDrawingArea *area,
                   cairo_t        *cr,
                   int             width,
                   int             height,
                   gpointer        user_data)
{
  AimsObjectiveCard *self = user_data;
  AimsChartStyle style = { .dark = is_dark () };

  if (self->series == NULL || self->series->len == 0)
    return;
  aims_chart_draw_sparkline (cr, (const AimsMeasurementPoint *) self->series->data, self->series->len,
                             &self->kpi, aims_objective_state_colour (self->state), &style, width, height);
}

static void
dark_changed_cb (AimsObjectiveCard *self)
{
  gtk_widget_queue_draw (self->sparkline);
}

static GtkWidget *
new_label (const char *css_class,
           gboolean    expand)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, expand);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static void
set_class (GtkWidget  *widget,
           const char *css_class,
           gboolean    on)
{
  if (on)
    gtk_widget_add_css_class (widget, css_class);
  else
    gtk_widget_remove_css_class (widget, css_class);
}

/* ── GObject ─────────────────────────────────────────────────────────── */

static void
aims_objective_card_finalize (GObject *object)
{
  AimsObjectiveCard *self = AIMS_OBJECTIVE_CARD (object);

  g_clear_pointer (&self->series, g_array_unref);
  g_free (self->reference);
  g_free (self->value_text);
  g_free (self->search_text);

  G_OBJECT_CLASS (aims_objective_card_parent_class)->finalize (object);
}

static void
aims_objective_card_class_init (AimsObjectiveCardClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = aims_objective_card_finalize;
}

static void
aims_objective_card_init (AimsObjectiveCard *self)
{
  GtkWidget *outer = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *figures = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  GtkWidget *bottom = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);

  gtk_widget_add_css_class (GTK_WIDGET (self), "card");
  gtk_widget_add_css_class (GTK_WIDGET (self), "aims-objective-card");
  gtk_widget_set_hexpand (box, TRUE);

  self->stripe = gtk_drawing_area_new ();
  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (self->stripe), 6);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->stripe), stripe_draw_cb, self, NULL);
  gtk_box_append (GTK_BOX (outer), self->stripe);

  self->reference_label = new_label ("dim-label", TRUE);
  gtk_widget_add_css_class (self->reference_label, "caption");
  gtk_box_append (GTK_BOX (top), self->reference_label);
  self->state_swatch = aims_colour_swatch_new (12, TRUE);
  gtk_box_append (GTK_BOX (top), self->state_swatch);
  self->state_label = new_label ("heading", FALSE);
  gtk_box_append (GTK_BOX (top), self->state_label);
  gtk_box_append (GTK_BOX (box), top);

  self->title_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->title_label), 0);
  gtk_label_set_wrap (GTK_LABEL (self->title_label), TRUE);
  gtk_label_set_lines (GTK_LABEL (self->title_label), 2);
  gtk_label_set_ellipsize (GTK_LABEL (self->title_label), PANGO_ELLIPSIZE_END);
  /* Two lines' worth always, so that the cards of a row line up. */
  gtk_label_set_width_chars (GTK_LABEL (self->title_label), 20);
  gtk_widget_set_size_request (self->title_label, -1, 44);
  gtk_widget_set_valign (self->title_label, GTK_ALIGN_START);
  gtk_widget_add_css_class (self->title_label, "aims-objective-card-title");
  gtk_box_append (GTK_BOX (box), self->title_label);

  self->value_label = new_label ("aims-objective-card-value", FALSE);
  gtk_widget_set_valign (self->value_label, GTK_ALIGN_BASELINE);
  gtk_box_append (GTK_BOX (figures), self->value_label);
  self->target_label = new_label ("dim-label", TRUE);
  gtk_widget_set_valign (self->target_label, GTK_ALIGN_BASELINE);
  gtk_box_append (GTK_BOX (figures), self->target_label);
  gtk_box_append (GTK_BOX (box), figures);

  /* A picture with a description, not a control. */
  self->sparkline = g_object_new (GTK_TYPE_DRAWING_AREA,
                                  "accessible-role", GTK_ACCESSIBLE_ROLE_IMG,
                                  "content-height", SPARKLINE_HEIGHT,
                                  NULL);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->sparkline), sparkline_draw_cb, self, NULL);
  gtk_box_append (GTK_BOX (box), self->sparkline);

  self->trend_label = new_label ("caption", FALSE);
  gtk_box_append (GTK_BOX (bottom), self->trend_label);
  self->due_label = new_label ("caption", TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->due_label), 1);
  gtk_box_append (GTK_BOX (bottom), self->due_label);
  gtk_box_append (GTK_BOX (box), bottom);

  gtk_box_append (GTK_BOX (outer), box);
  gtk_button_set_child (GTK_BUTTON (self), outer);

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (dark_changed_cb), self, G_CONNECT_SWAPPED);
}

GtkWidget *
aims_objective_card_new (void)
{
  return g_object_new (AIMS_TYPE_OBJECTIVE_CARD, NULL);
}

void
aims_objective_card_update (AimsObjectiveCard         *self,
                            AimsRecord                *objective,
                            GArray                    *series,
                            const AimsObjectiveStatus *status,
                            const GDate               *today)
{
  g_autofree char *target = NULL;
  g_autofree char *trend = NULL;
  g_autofree char *due = NULL;
  g_autofree char *described = NULL;
  g_autofree char *sparkline = NULL;
  g_autofree char *search = NULL;
  const char *owner;

  g_return_if_fail (AIMS_IS_OBJECTIVE_CARD (self));
  g_return_if_fail (AIMS_IS_RECORD (objective));
  g_return_if_fail (status != NULL);

  self->id = aims_record_get_id (objective);
  g_free (self->reference);
  self->reference = g_strdup (aims_record_get_reference (objective));
  self->state = status->state;
  aims_objective_kpi_from_record (objective, &self->kpi);
  g_clear_pointer (&self->series, g_array_unref);
  if (series != NULL)
    self->series = g_array_ref (series);
  g_free (self->value_text);
  self->value_text = aims_objective_summary_latest (objective, status);

  gtk_label_set_label (GTK_LABEL (self->reference_label), self->reference);
  aims_colour_swatch_set (self->state_swatch, aims_objective_state_colour (status->state));
  gtk_label_set_label (GTK_LABEL (self->state_label), aims_objective_state_label (status->state));
  gtk_label_set_label (GTK_LABEL (self->title_label), aims_record_get_title (objective));

  gtk_label_set_label (GTK_LABEL (self->value_label),
                       self->value_text != NULL ? self->value_text : _("No value yet"));
  set_class (self->value_label, "dim-label", self->value_text == NULL);
  target = aims_objective_summary_target (objective);
  /* Overdue hides what the last value said: the card says it beside. */
  if (status->state == AIMS_OBJECTIVE_OVERDUE && status->level != AIMS_OBJECTIVE_NOT_MEASURED &&
      status->level != AIMS_OBJECTIVE_NO_TARGET)
    {
      g_autofree char *with_level = NULL;

      /* Translators: on an overdue objective's card, "Target 95 %, last value: At risk" */
      with_level = g_strdup_printf (_("%s, last value: %s"), target, aims_objective_state_label (status->level));
      g_free (target);
      target = g_steal_pointer (&with_level);
    }
  gtk_label_set_label (GTK_LABEL (self->target_label), target);

  /* The trend in the words of its direction: better is success, worse is
   * error; the words say which, the colour only repeats it. */
  trend = aims_objective_summary_trend_arrow (status);
  gtk_label_set_label (GTK_LABEL (self->trend_label), trend != NULL ? trend : "");
  set_class (self->trend_label, "success", status->improving);
  set_class (self->trend_label, "error", status->worsening);
  due = aims_objective_summary_due (status, today);
  gtk_label_set_label (GTK_LABEL (self->due_label), due);
  gtk_widget_set_tooltip_text (self->due_label, due);
  set_class (self->due_label, "error", status->days_overdue > 0);
  set_class (self->due_label, "dim-label", status->days_overdue == 0);

  described = aims_objective_summary_describe (objective, status, today);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, described, -1);
  sparkline = aims_objective_summary_series (_("Sparkline"), objective, status,
                                             series != NULL ? series->len : 0);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->sparkline),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, sparkline,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, sparkline,
                                  -1);

  owner = aims_record_get_display (objective, "owner_id");
  search = g_strjoin (" ", self->reference, aims_record_get_title (objective),
                      aims_record_cell_text (objective, "kpi_name"), owner != NULL ? owner : "",
                      aims_objective_state_label (status->state), NULL);
  g_free (self->search_text);
  self->search_text = aims_record_filter_fold (search);

  gtk_widget_queue_draw (self->stripe);
  gtk_widget_queue_draw (self->sparkline);
}

gint64
aims_objective_card_get_id (AimsObjectiveCard *self)
{
  g_return_val_if_fail (AIMS_IS_OBJECTIVE_CARD (self), 0);

  return self->id;
}

const char *
aims_objective_card_get_reference (AimsObjectiveCard *self)
{
  g_return_val_if_fail (AIMS_IS_OBJECTIVE_CARD (self), NULL);

  return self->reference;
}

AimsObjectiveState
aims_objective_card_get_state (AimsObjectiveCard *self)
{
  g_return_val_if_fail (AIMS_IS_OBJECTIVE_CARD (self), AIMS_OBJECTIVE_NOT_MEASURED);

  return self->state;
}

const char *
aims_objective_card_get_value_text (AimsObjectiveCard *self)
{
  g_return_val_if_fail (AIMS_IS_OBJECTIVE_CARD (self), NULL);

  return self->value_text;
}

const char *
aims_objective_card_get_state_text (AimsObjectiveCard *self)
{
  g_return_val_if_fail (AIMS_IS_OBJECTIVE_CARD (self), NULL);

  return gtk_label_get_label (GTK_LABEL (self->state_label));
}

const char *
aims_objective_card_get_search_text (AimsObjectiveCard *self)
{
  g_return_val_if_fail (AIMS_IS_OBJECTIVE_CARD (self), NULL);

  return self->search_text != NULL ? self->search_text : "";
}

GtkWidget *
aims_objective_card_get_sparkline (AimsObjectiveCard *self)
{
  g_return_val_if_fail (AIMS_IS_OBJECTIVE_CARD (self), NULL);

  return self->sparkline;
}
