/* aims-dashboard-tile.c — one tile of the dashboard
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "aims-colour-swatch.h"
#include "aims-dashboard-tile.h"

struct _AimsDashboardTile
{
  GtkWidget              parent_instance;

  GtkWidget             *box;
  GtkWidget             *title;
  GtkWidget             *figure_button;
  GtkWidget             *figure;
  GtkWidget             *caption;
  GtkWidget             *picture;
  GtkWidget             *rows;

  AimsDashboardDrawFunc  draw;
  gpointer               draw_data;
  GDestroyNotify         draw_destroy;
};

G_DEFINE_FINAL_TYPE (AimsDashboardTile, aims_dashboard_tile, GTK_TYPE_WIDGET)

static void
picture_draw_cb (GtkDrawingArea *area,
                 cairo_t        *cr,
                 int             width,
                 int             height,
                 gpointer        user_data)
{
  AimsDashboardTile *self = user_data;

  if (self->draw != NULL)
    self->draw (cr, width, height, adw_style_manager_get_dark (adw_style_manager_get_default ()),
                self->draw_data);
}

/* The button opens the page filtered, through the window's action. */
static void
set_target (GtkWidget  *button,
            const char *page,
            const char *filter)
{
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.show-page");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button),
                                          g_variant_new ("(ss)", page, filter != NULL ? filter : ""));
}

static void
dark_changed_cb (AimsDashboardTile *self)
{
  gtk_widget_queue_draw (self->picture);
}

static void
aims_dashboard_tile_dispose (GObject *object)
{
  AimsDashboardTile *self = AIMS_DASHBOARD_TILE (object);

  g_clear_pointer (&self->box, gtk_widget_unparent);
  if (self->draw_destroy != NULL)
    g_clear_pointer (&self->draw_data, self->draw_destroy);

  G_OBJECT_CLASS (aims_dashboard_tile_parent_class)->dispose (object);
}

static void
aims_dashboard_tile_class_init (AimsDashboardTileClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = aims_dashboard_tile_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "aimsdashboardtile");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
aims_dashboard_tile_init (AimsDashboardTile *self)
{
  GtkWidget *figure_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_add_css_class (self->box, "card");
  gtk_widget_add_css_class (self->box, "aims-tile");
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  self->title = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->title), 0);
  gtk_widget_add_css_class (self->title, "heading");
  gtk_box_append (GTK_BOX (self->box), self->title);

  self->figure = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->figure, "aims-tile-figure");
  self->caption = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->caption), 0);
  gtk_label_set_wrap (GTK_LABEL (self->caption), TRUE);
  gtk_widget_add_css_class (self->caption, "dim-label");
  gtk_box_append (GTK_BOX (figure_box), self->figure);
  gtk_box_append (GTK_BOX (figure_box), self->caption);
  self->figure_button = gtk_button_new ();
  gtk_button_set_child (GTK_BUTTON (self->figure_button), figure_box);
  gtk_widget_add_css_class (self->figure_button, "flat");
  gtk_widget_set_visible (self->figure_button, FALSE);
  gtk_box_append (GTK_BOX (self->box), self->figure_button);

  self->picture = gtk_drawing_area_new ();
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->picture), picture_draw_cb, self, NULL);
  gtk_widget_set_visible (self->picture, FALSE);
  gtk_box_append (GTK_BOX (self->box), self->picture);

  self->rows = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (self->box), self->rows);

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (dark_changed_cb), self, G_CONNECT_SWAPPED);
}

GtkWidget *
aims_dashboard_tile_new (const char *title)
{
  AimsDashboardTile *self = g_object_new (AIMS_TYPE_DASHBOARD_TILE, NULL);

  gtk_label_set_label (GTK_LABEL (self->title), title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  return GTK_WIDGET (self);
}

void
aims_dashboard_tile_set_figure (AimsDashboardTile *self,
                                guint              figure,
                                const char        *caption,
                                const char        *page,
                                const char        *filter)
{
  g_autofree char *text = g_strdup_printf ("%u", figure);
  g_autofree char *label = NULL;

  g_return_if_fail (AIMS_IS_DASHBOARD_TILE (self));

  gtk_label_set_label (GTK_LABEL (self->figure), text);
  gtk_label_set_label (GTK_LABEL (self->caption), caption);
  /* Translators: a dashboard figure as a screen reader says it, "12 AI systems in use" */
  label = g_strdup_printf (_("%u %s"), figure, caption);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->figure_button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_widget_set_tooltip_text (self->figure_button, _("Open the page"));
  set_target (self->figure_button, page, filter);
  gtk_widget_set_visible (self->figure_button, TRUE);
}

void
aims_dashboard_tile_set_picture (AimsDashboardTile     *self,
                                 int                    height,
                                 AimsDashboardDrawFunc  draw,
                                 gpointer               user_data,
                                 GDestroyNotify         destroy)
{
  g_return_if_fail (AIMS_IS_DASHBOARD_TILE (self));

  if (self->draw_destroy != NULL)
    g_clear_pointer (&self->draw_data, self->draw_destroy);
  self->draw = draw;
  self->draw_data = user_data;
  self->draw_destroy = destroy;
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (self->picture), height);
  gtk_widget_set_visible (self->picture, draw != NULL);
  gtk_widget_queue_draw (self->picture);
}

void
aims_dashboard_tile_add_row (AimsDashboardTile *self,
                             const char        *colour,
                             const char        *label,
                             guint              count,
                             gboolean           warning,
                             const char        *page,
                             const char        *filter)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *swatch = aims_colour_swatch_new (10, TRUE);
  GtkWidget *name = gtk_label_new (label);
  g_autofree char *count_text = g_strdup_printf ("%u", count);
  GtkWidget *number = gtk_label_new (count_text);
  g_autofree char *accessible = NULL;

  g_return_if_fail (AIMS_IS_DASHBOARD_TILE (self));

  aims_colour_swatch_set (swatch, colour);
  gtk_widget_set_visible (swatch, colour != NULL);
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (name, TRUE);
  gtk_widget_add_css_class (number, "numeric");
  if (warning && count > 0)
    {
      gtk_widget_add_css_class (name, "overdue");
      gtk_widget_add_css_class (number, "overdue");
    }
  gtk_box_append (GTK_BOX (box), swatch);
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), number);
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "aims-tile-row");
  /* Translators: a dashboard row as a screen reader says it, "Operation and monitoring: 8" */
  accessible = g_strdup_printf (_("%s: %u"), label, count);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  set_target (button, page, filter);
  gtk_box_append (GTK_BOX (self->rows), button);
}
