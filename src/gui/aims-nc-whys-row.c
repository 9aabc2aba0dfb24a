/* aims-nc-whys-row.c — the five whys as five entries
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "aims-core.h"
#include "aims-nc-whys-row.h"

/* What the five whys save, as typed: a pause in typing (as the record
 * editor waits), leaving an entry, Enter or an entry's apply button. */
#define WHYS_DEBOUNCE_MS 800

typedef struct
{
  GtkWidget *entries[AIMS_NC_MAX_WHYS];
  guint      debounce_id;
  guint      updating;   /* set_json() at work: not the user typing */
  gboolean   pending;    /* typed and not saved yet */
  void     (*apply) (gpointer data);
  gpointer   apply_data;
} Whys;

static void
whys_free (gpointer data)
{
  Whys *whys = data;

  g_clear_handle_id (&whys->debounce_id, g_source_remove);
  g_free (whys);
}

static Whys *
whys_of (GtkWidget *row)
{
  Whys *whys = g_object_get_data (G_OBJECT (row), "aims-whys");

  g_return_val_if_fail (whys != NULL, NULL);
  return whys;
}

static GtkWidget **
entries_of (GtkWidget *row)
{
  return whys_of (row)->entries;
}

static void
whys_save (Whys *whys)
{
  g_clear_handle_id (&whys->debounce_id, g_source_remove);
  if (!whys->pending)
    return;
  whys->pending = FALSE;
  if (whys->apply != NULL)
    whys->apply (whys->apply_data);
}

static gboolean
whys_debounce_cb (gpointer data)
{
  Whys *whys = data;

  whys->debounce_id = 0;
  whys_save (whys);
  return G_SOURCE_REMOVE;
}

static void
whys_changed_cb (Whys *whys)
{
  if (whys->updating > 0)
    return;
  whys->pending = TRUE;
  g_clear_handle_id (&whys->debounce_id, g_source_remove);
  whys->debounce_id = g_timeout_add (WHYS_DEBOUNCE_MS, whys_debounce_cb, whys);
}

/* Enter, the apply button and leaving an entry save at once. */
static void
whys_apply_now_cb (Whys *whys)
{
  whys_save (whys);
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
  Whys *whys = g_new0 (Whys, 1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Five whys"));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), _("Ask “why?” of each answer in turn"));
  for (guint i = 0; i < AIMS_NC_MAX_WHYS; i++)
    {
      /* Translators: the title of one entry of the five whys, "Why 1" */
      g_autofree char *title = g_strdup_printf (_("Why %u"), i + 1);
      GtkEventController *focus = gtk_event_controller_focus_new ();

      whys->entries[i] = adw_entry_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (whys->entries[i]), title);
      g_signal_connect_swapped (whys->entries[i], "changed", G_CALLBACK (whys_changed_cb), whys);
      g_signal_connect_swapped (whys->entries[i], "entry-activated", G_CALLBACK (whys_apply_now_cb), whys);
      g_signal_connect_swapped (whys->entries[i], "apply", G_CALLBACK (whys_apply_now_cb), whys);
      g_signal_connect_swapped (focus, "leave", G_CALLBACK (whys_apply_now_cb), whys);
      gtk_widget_add_controller (whys->entries[i], focus);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), whys->entries[i]);
    }
  g_object_set_data_full (G_OBJECT (row), "aims-whys", whys, whys_free);
  /* The expander's own list of the entries is a control a screen reader
   * lists too: it needs a name. */
  name_inner_lists (row, _("Five whys"));
  return row;
}

void
aims_nc_whys_row_set_json (GtkWidget  *row,
                           const char *json)
{
  Whys *state = whys_of (row);
  g_auto(GStrv) whys = aims_nc_five_whys_parse (json, NULL);
  g_autofree char *shown = aims_nc_whys_row_dup_json (row);
  guint n = 0;

  /* What is typed and not saved yet stays; so does the cursor when the
   * entries already say what is stored (the echo of a save). */
  if (!state->pending && g_strcmp0 (shown, json) != 0)
    {
      state->updating++;
      for (guint i = 0; i < AIMS_NC_MAX_WHYS; i++)
        {
          const char *text = "";

          if (whys != NULL && whys[n] != NULL)
            text = whys[n++];
          else if (whys == NULL && i == 0 && json != NULL)
            text = json;
          gtk_editable_set_text (GTK_EDITABLE (state->entries[i]), text);
        }
      state->updating--;
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
aims_nc_whys_row_set_apply_func (GtkWidget *row,
                                 void     (*apply) (gpointer data),
                                 gpointer   data)
{
  Whys *whys = whys_of (row);

  whys->apply = apply;
  whys->apply_data = data;
}

gboolean
aims_nc_whys_row_has_pending (GtkWidget *row)
{
  return whys_of (row)->pending;
}

void
aims_nc_whys_row_flush (GtkWidget *row)
{
  whys_save (whys_of (row));
}
