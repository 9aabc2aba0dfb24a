/* aims-progress-tile.c — a group of Annex A, or a chapter of the clause
 * checklist, and how far it has come
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "aims-progress-tile.h"

struct _AimsProgressTile
{
  GtkToggleButton  parent_instance;

  const char      *key;
  GtkWidget       *heading;
  GtkWidget       *title;
  GtkWidget       *figure;
  GtkWidget       *begun;
  GtkWidget       *done;
  GtkWidget       *caption;
};

G_DEFINE_FINAL_TYPE (AimsProgressTile, aims_progress_tile, GTK_TYPE_TOGGLE_BUTTON)

static GtkWidget *
label_new (const char *css_class,
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

/* A bar of 0..1 without the low/high colours of a level: the two shades
 * are the tile's own. The tile's name says what it shows. */
static GtkWidget *
bar_new (const char *css_class)
{
  GtkWidget *bar = g_object_new (GTK_TYPE_LEVEL_BAR,
                                 "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                 "min-value", 0.0,
                                 "max-value", 1.0,
                                 NULL);

  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_LOW);
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_HIGH);
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_FULL);
  gtk_widget_add_css_class (bar, css_class);
  gtk_widget_set_valign (bar, GTK_ALIGN_CENTER);
  return bar;
}

static void
aims_progress_tile_class_init (AimsProgressTileClass *klass)
{
}

static void
aims_progress_tile_init (AimsProgressTile *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *overlay = gtk_overlay_new ();

  self->heading = label_new ("heading", FALSE);
  self->title = label_new ("dim-label", TRUE);
  /* Long titles are cut short (the tooltip has them whole), so that many
   * tiles fit in a row. */
  gtk_label_set_max_width_chars (GTK_LABEL (self->title), 12);
  self->figure = label_new ("numeric", FALSE);
  gtk_widget_add_css_class (self->figure, "heading");
  gtk_widget_set_visible (self->figure, FALSE);
  gtk_box_append (GTK_BOX (top), self->heading);
  gtk_box_append (GTK_BOX (top), self->title);
  gtk_box_append (GTK_BOX (top), self->figure);
  gtk_box_append (GTK_BOX (box), top);

  self->begun = bar_new ("aims-progress-begun");
  self->done = bar_new ("aims-progress-done");
  gtk_overlay_set_child (GTK_OVERLAY (overlay), self->begun);
  gtk_overlay_add_overlay (GTK_OVERLAY (overlay), self->done);
  gtk_box_append (GTK_BOX (box), overlay);

  self->caption = label_new ("caption", FALSE);
  gtk_box_append (GTK_BOX (box), self->caption);

  gtk_button_set_child (GTK_BUTTON (self), box);
  gtk_widget_add_css_class (GTK_WIDGET (self), "aims-progress-tile");
}

GtkWidget *
aims_progress_tile_new (const char *key)
{
  AimsProgressTile *self = g_object_new (AIMS_TYPE_PROGRESS_TILE, NULL);

  self->key = key;
  return GTK_WIDGET (self);
}

const char *
aims_progress_tile_get_key (AimsProgressTile *self)
{
  g_return_val_if_fail (AIMS_IS_PROGRESS_TILE (self), NULL);

  return self->key;
}

void
aims_progress_tile_set (AimsProgressTile *self,
                        const char       *heading,
                        const char       *title,
                        const char       *figure,
                        const char       *caption,
                        double            begun,
                        double            done)
{
  g_autofree char *name = NULL;

  g_return_if_fail (AIMS_IS_PROGRESS_TILE (self));

  gtk_label_set_label (GTK_LABEL (self->heading), heading);
  gtk_label_set_label (GTK_LABEL (self->title), title);
  gtk_label_set_label (GTK_LABEL (self->figure), figure);
  gtk_widget_set_visible (self->figure, figure != NULL);
  gtk_label_set_label (GTK_LABEL (self->caption), caption);
  gtk_level_bar_set_value (GTK_LEVEL_BAR (self->begun), CLAMP (begun, 0.0, 1.0));
  gtk_level_bar_set_value (GTK_LEVEL_BAR (self->done), CLAMP (MIN (done, begun), 0.0, 1.0));

  if (figure != NULL)
    /* Translators: a progress tile as a screen reader reads it,
     * "6 Planning, 33 %: 2 of 6 in place · 3 partial" */
    name = g_strdup_printf (_("%s %s, %s: %s"), heading, title, figure, caption);
  else
    /* Translators: a progress tile as a screen reader reads it,
     * "A.6 AI system life cycle: 9 of 9 decided · 3 implemented" */
    name = g_strdup_printf (_("%s %s: %s"), heading, title, caption);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), name);
}

const char *
aims_progress_tile_get_caption (AimsProgressTile *self)
{
  g_return_val_if_fail (AIMS_IS_PROGRESS_TILE (self), NULL);

  return gtk_label_get_label (GTK_LABEL (self->caption));
}

const char *
aims_progress_tile_get_figure (AimsProgressTile *self)
{
  g_return_val_if_fail (AIMS_IS_PROGRESS_TILE (self), NULL);

  return gtk_widget_get_visible (self->figure) ? gtk_label_get_label (GTK_LABEL (self->figure)) : NULL;
}
