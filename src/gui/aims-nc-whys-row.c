/* aims-nc-whys-row.c — the five whys as five entries
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "aims-core.h"
#include "aims-nc-whys-row.h"

static GtkWidget **
entries_of (GtkWidget *row)
{
  GtkWidget **entries = g_object_get_data (G_OBJECT (row), "aims-whys");

  g_return_val_if_fail (entries != NULL, NULL);
  return entries;
}

static void
name_inner_lists (GtkWidget  *widget,
                  const char *name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LIST_BOX (child))
        gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      name_inner_lists (child, name);
    }
}

GtkWidget *
aims_nc_whys_row_new (void)
{
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget **entries = g_new0 (GtkWidget *, AIMS_NC_MAX_WHYS);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Five whys"));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), _("Ask “why?” of each answer in turn"));
  for (guint i = 0; i < AIMS_NC_MAX_WHYS; i++)
    {
      /* Translators: the title of one entry of the five whys, "Why 1" */
      g_autofree char *title = g_strdup_printf (_("Why %u"), i + 1);

      entries[i] = adw_entry_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (entries[i]), title);
      adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (entries[i]), TRUE);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), entries[i]);
    }
  g_object_set_data_full (G_OBJECT (row), "aims-whys", entries, g_free);
  /* The expander's own list of the entries is a control a screen reader
   * lists too: it needs a name. */
  name_inner_lists (row, _("Five whys"));
  return row;
}

void
aims_nc_whys_row_set_json (GtkWidget  *row,
                           const char *json)
{
  GtkWidget **entries = entries_of (row);
  g_auto(GStrv) whys = aims_nc_five_whys_parse (json, NULL);
  guint n = 0;

  for (guint i = 0; i < AIMS_NC_MAX_WHYS; i++)
    {
      const char *text = "";

      if (whys != NULL && whys[n] != NULL)
        text = whys[n++];
      else if (whys == NULL && i == 0 && json != NULL)
        text = json;
      gtk_editable_set_text (GTK_EDITABLE (entries[i]), text);
    }
  if (whys != NULL && whys[0] != NULL)
    {
      /* Translators: beside the five whys, how many are answered, "3 of 5 answered" */
      g_autofree char *subtitle = g_strdup_printf (_("%u of %u answered"), g_strv_length (whys), AIMS_NC_MAX_WHYS);

      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
    }
  else
    adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), _("Ask “why?” of each answer in turn"));
}

char *
aims_nc_whys_row_dup_json (GtkWidget *row)
{
  GtkWidget **entries = entries_of (row);
  const char *whys[AIMS_NC_MAX_WHYS + 1] = { NULL };

  for (guint i = 0; i < AIMS_NC_MAX_WHYS; i++)
    whys[i] = gtk_editable_get_text (GTK_EDITABLE (entries[i]));
  return aims_nc_five_whys_to_json (whys);
}

GtkWidget *
aims_nc_whys_row_get_entry (GtkWidget *row,
                            guint      index)
{
  g_return_val_if_fail (index < AIMS_NC_MAX_WHYS, NULL);

  return entries_of (row)[index];
}

void
aims_nc_whys_row_connect_apply (GtkWidget *row,
                                GCallback  callback,
                                gpointer   data)
{
  GtkWidget **entries = entries_of (row);

  for (guint i = 0; i < AIMS_NC_MAX_WHYS; i++)
    {
      g_signal_connect_object (entries[i], "apply", callback, data, G_CONNECT_SWAPPED);
      g_signal_connect_object (entries[i], "entry-activated", callback, data, G_CONNECT_SWAPPED);
    }
}
