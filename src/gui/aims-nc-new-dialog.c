/* aims-nc-new-dialog.c — "Add Nonconformity"
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "aims-link-chooser.h"
#include "aims-nc-new-dialog.h"

struct _AimsNcNewDialog
{
  AdwWindow                  parent_instance;

  AimsContext               *context;
  AimsNcNewDialogInsertFunc  insert;
  gpointer                   insert_data;

  GtkWidget                 *add_button;
  GtkWidget                 *problem_label;
  GtkTextBuffer             *description;
  GHashTable                *rows;     /* field name → row (borrowed) */
  char                      *problem;
  GtkWidget                 *problem_row;
  char                      *refusal;  /* the store's, until something changes */
  gboolean                   touched;  /* the user changed something, or pressed Add */
};

G_DEFINE_FINAL_TYPE (AimsNcNewDialog, aims_nc_new_dialog, ADW_TYPE_WINDOW)

/* The fields checked as typed, in the order they are shown. */
static const char *const required_fields[] = { "title", "source", "severity", "found_date" };

static const AimsField *
nc_field (const char *name)
{
  return aims_entity_find_field (aims_entity_nonconformities (), name);
}

/* The stored text of a field as the dialog holds it now; NULL when unset. */
static char *
dup_value (AimsNcNewDialog *self,
           const char      *name)
{
  GtkWidget *row = g_hash_table_lookup (self->rows, name);
  const AimsField *field = nc_field (name);

  if (g_str_equal (name, "description"))
    {
      GtkTextIter start, end;

      gtk_text_buffer_get_bounds (self->description, &start, &end);
      return gtk_text_buffer_get_text (self->description, &start, &end, FALSE);
    }
  if (AIMS_IS_LINK_CHOOSER (row))
    return g_strdup (aims_link_chooser_get_record_id (AIMS_LINK_CHOOSER (row)));
  if (ADW_IS_COMBO_ROW (row))
    {
      guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (row));

      /* Position 0 is "Choose…". */
      if (selected == 0 || selected == GTK_INVALID_LIST_POSITION)
        return NULL;
      return g_strdup (field->choices[selected - 1].key);
    }
  return g_strdup (gtk_editable_get_text (GTK_EDITABLE (row)));
}

static void
show_problem (AimsNcNewDialog *self,
              GtkWidget       *row,
              const char      *problem)
{
  if (self->problem_row != NULL)
    gtk_widget_remove_css_class (self->problem_row, "error");
  self->problem_row = row;
  /* Before the user has done anything, what is missing is said calmly. */
  if (row != NULL && self->touched)
    gtk_widget_add_css_class (row, "error");
  if (self->touched)
    {
      gtk_widget_remove_css_class (self->problem_label, "dim-label");
      gtk_widget_add_css_class (self->problem_label, "error");
    }
  g_free (self->problem);
  self->problem = g_strdup (problem);
  gtk_label_set_label (GTK_LABEL (self->problem_label), problem != NULL ? problem : "");
  gtk_widget_set_visible (self->problem_label, problem != NULL);
  gtk_widget_set_sensitive (self->add_button, problem == NULL);
}

/* The first required field missing or not understood, in the store's own
 * words; then the store's last refusal, until something changes. */
static void
validate (AimsNcNewDialog *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (required_fields); i++)
    {
      g_autofree char *value = dup_value (self, required_fields[i]);
      g_autofree char *normalized = NULL;
      g_autoptr(GError) error = NULL;

      normalized = aims_field_normalize (nc_field (required_fields[i]), value != NULL ? value : "", &error);
      if (normalized == NULL)
        {
          show_problem (self, g_hash_table_lookup (self->rows, required_fields[i]), error->message);
          return;
        }
    }
  show_problem (self, NULL, self->refusal);
}

static void
changed_cb (AimsNcNewDialog *self)
{
  self->touched = TRUE;
  g_clear_pointer (&self->refusal, g_free);
  validate (self);
}

AimsRecord *
aims_nc_new_dialog_add (AimsNcNewDialog *self)
{
  static const char *const fields[] = {
    "title", "description", "source", "severity", "found_date", "found_by_id",
    "ai_system_id", "control_id", "clause", "risk_id",
  };
  g_autoptr(GHashTable) values = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autoptr(GError) error = NULL;
  AimsRecord *record;

  g_return_val_if_fail (AIMS_IS_NC_NEW_DIALOG (self), NULL);

  self->touched = TRUE;
  validate (self);
  if (self->problem != NULL)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      char *value = dup_value (self, fields[i]);

      if (value != NULL && *value != '\0')
        g_hash_table_insert (values, (gpointer) fields[i], value);
      else
        g_free (value);
    }
  record = self->insert (values, self->insert_data, &error);
  if (record == NULL)
    {
      /* Kept open with everything typed: the reason says what to change. */
      self->refusal = g_strdup (error->message);
      show_problem (self, NULL, self->refusal);
      return NULL;
    }
  gtk_window_destroy (GTK_WINDOW (self));
  return record;
}

static void
add_clicked_cb (AimsNcNewDialog *self)
{
  g_autoptr(AimsRecord) record = aims_nc_new_dialog_add (self);
}

/* ── Rows ──────────────────────────────────────────────────────────────── */

static GtkWidget *
group_new (GtkWidget  *page,
           const char *title)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
  return group;
}

static void
add_row (AimsNcNewDialog *self,
         GtkWidget       *group,
         const char      *name,
         GtkWidget       *row)
{
  const AimsField *field = nc_field (name);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(field->label));
  if (field->hint != NULL && !ADW_IS_ENTRY_ROW (row))
    gtk_widget_set_tooltip_text (row, _(field->hint));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  g_hash_table_insert (self->rows, (gpointer) field->name, row);
}

static GtkWidget *
entry_row_new (AimsNcNewDialog *self)
{
  GtkWidget *row = adw_entry_row_new ();

  g_signal_connect_swapped (row, "changed", G_CALLBACK (changed_cb), self);
  return row;
}

static GtkWidget *
choice_row_new (AimsNcNewDialog *self,
                const char      *name)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  GtkWidget *row = adw_combo_row_new ();

  gtk_string_list_append (labels, _("Choose…"));
  for (const AimsChoice *c = nc_field (name)->choices; c->key != NULL; c++)
    gtk_string_list_append (labels, _(c->label));
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (labels));
  g_signal_connect_swapped (row, "notify::selected", G_CALLBACK (changed_cb), self);
  return row;
}

static GtkWidget *
link_row_new (AimsNcNewDialog *self,
              const char      *name,
              const char      *unset_label)
{
  const AimsEntity *entity = aims_field_get_link_entity (nc_field (name));
  GtkWidget *row = aims_link_chooser_new (self->context, entity, unset_label);

  g_signal_connect_swapped (row, "notify::record-id", G_CALLBACK (changed_cb), self);
  return row;
}

/* "What happened" is long text: a text view under its title. */
static GtkWidget *
description_row_new (AimsNcNewDialog *self)
{
  const AimsField *field = nc_field ("description");
  GtkWidget *row = adw_preferences_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *title = gtk_label_new (_(field->label));
  GtkWidget *view = gtk_text_view_new ();

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "caption");
  gtk_widget_add_css_class (title, "dim-label");
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_widget_set_size_request (view, -1, 72);
  gtk_widget_add_css_class (view, "inline");
  gtk_widget_set_tooltip_text (view, _(field->hint));
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, _(field->label),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, _(field->hint), -1);
  self->description = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), view);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  return row;
}

static void
build (AimsNcNewDialog *self,
       const char      *found_by_id)
{
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *group;
  g_autoptr(GDate) today = aims_date_today ();
  g_autofree char *today_text = aims_date_format_iso (today);
  GtkWidget *row;

  gtk_window_set_title (GTK_WINDOW (self), _("New Nonconformity"));
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (self), 560, 720);

  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (gtk_window_destroy), self);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  self->add_button = gtk_button_new_with_mnemonic (_("_Add"));
  gtk_widget_add_css_class (self->add_button, "suggested-action");
  g_signal_connect_swapped (self->add_button, "clicked", G_CALLBACK (add_clicked_cb), self);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->add_button);
  gtk_box_append (GTK_BOX (content), header);

  self->problem_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->problem_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->problem_label), 0);
  gtk_widget_add_css_class (self->problem_label, "dim-label");
  gtk_widget_set_margin_start (self->problem_label, 18);
  gtk_widget_set_margin_end (self->problem_label, 18);
  gtk_widget_set_margin_top (self->problem_label, 12);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->problem_label), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("What is missing"), -1);
  gtk_box_append (GTK_BOX (content), self->problem_label);

  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (content), page);

  group = group_new (page, _("What happened"));
  add_row (self, group, "title", entry_row_new (self));
  gtk_widget_set_tooltip_text (g_hash_table_lookup (self->rows, "title"), NULL);
  row = description_row_new (self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  g_hash_table_insert (self->rows, (gpointer) "description", row);
  g_signal_connect_swapped (self->description, "changed", G_CALLBACK (changed_cb), self);
  add_row (self, group, "source", choice_row_new (self, "source"));
  add_row (self, group, "severity", choice_row_new (self, "severity"));
  row = entry_row_new (self);
  gtk_editable_set_text (GTK_EDITABLE (row), today_text);
  add_row (self, group, "found_date", row);
  row = link_row_new (self, "found_by_id", NULL);
  if (found_by_id != NULL)
    aims_link_chooser_set_record (AIMS_LINK_CHOOSER (row), found_by_id, NULL);
  add_row (self, group, "found_by_id", row);

  group = group_new (page, _("What it concerns"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("Any of these, so that similar nonconformities can be found"));
  add_row (self, group, "ai_system_id", link_row_new (self, "ai_system_id", _("None")));
  add_row (self, group, "control_id", link_row_new (self, "control_id", _("None")));
  add_row (self, group, "clause", entry_row_new (self));
  add_row (self, group, "risk_id", link_row_new (self, "risk_id", _("None")));

  adw_window_set_content (ADW_WINDOW (self), content);
  /* Filling in the defaults above was not the user's doing. */
  self->touched = FALSE;
  g_clear_pointer (&self->refusal, g_free);
  validate (self);
}

/* ── GObject ───────────────────────────────────────────────────────────── */

static void
aims_nc_new_dialog_dispose (GObject *object)
{
  AimsNcNewDialog *self = AIMS_NC_NEW_DIALOG (object);

  g_clear_object (&self->context);
  G_OBJECT_CLASS (aims_nc_new_dialog_parent_class)->dispose (object);
}

static void
aims_nc_new_dialog_finalize (GObject *object)
{
  AimsNcNewDialog *self = AIMS_NC_NEW_DIALOG (object);

  g_hash_table_unref (self->rows);
  g_free (self->problem);
  g_free (self->refusal);
  G_OBJECT_CLASS (aims_nc_new_dialog_parent_class)->finalize (object);
}

static void
aims_nc_new_dialog_class_init (AimsNcNewDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = aims_nc_new_dialog_dispose;
  object_class->finalize = aims_nc_new_dialog_finalize;
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
aims_nc_new_dialog_init (AimsNcNewDialog *self)
{
  self->rows = g_hash_table_new (g_str_hash, g_str_equal);
}

AimsNcNewDialog *
aims_nc_new_dialog_new (AimsContext               *context,
                        GtkWindow                 *parent,
                        const char                *found_by_id,
                        AimsNcNewDialogInsertFunc  insert,
                        gpointer                   data)
{
  AimsNcNewDialog *self;

  g_return_val_if_fail (AIMS_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (insert != NULL, NULL);

  self = g_object_new (AIMS_TYPE_NC_NEW_DIALOG, NULL);
  self->context = g_object_ref (context);
  self->insert = insert;
  self->insert_data = data;
  if (parent != NULL)
    gtk_window_set_transient_for (GTK_WINDOW (self), parent);
  build (self, found_by_id);
  return self;
}

gboolean
aims_nc_new_dialog_set_value (AimsNcNewDialog *self,
                              const char      *field,
                              const char      *value)
{
  GtkWidget *row;

  g_return_val_if_fail (AIMS_IS_NC_NEW_DIALOG (self), FALSE);
  g_return_val_if_fail (field != NULL, FALSE);

  if ((row = g_hash_table_lookup (self->rows, field)) == NULL)
    return FALSE;
  if (g_str_equal (field, "description"))
    gtk_text_buffer_set_text (self->description, value != NULL ? value : "", -1);
  else if (AIMS_IS_LINK_CHOOSER (row))
    aims_link_chooser_set_record (AIMS_LINK_CHOOSER (row), value, NULL);
  else if (ADW_IS_COMBO_ROW (row))
    {
      const AimsField *f = nc_field (field);
      const char *key = value != NULL ? aims_field_choice_from_text (f, value) : NULL;
      guint position = 0, i = 1;

      if (value != NULL && key == NULL)
        return FALSE;
      for (const AimsChoice *c = f->choices; key != NULL && c->key != NULL; c++, i++)
        if (g_str_equal (c->key, key))
          position = i;
      adw_combo_row_set_selected (ADW_COMBO_ROW (row), position);
    }
  else
    gtk_editable_set_text (GTK_EDITABLE (row), value != NULL ? value : "");
  return TRUE;
}

GtkWidget *
aims_nc_new_dialog_get_row (AimsNcNewDialog *self,
                            const char      *field)
{
  g_return_val_if_fail (AIMS_IS_NC_NEW_DIALOG (self), NULL);

  return g_hash_table_lookup (self->rows, field);
}

const char *
aims_nc_new_dialog_get_problem (AimsNcNewDialog *self)
{
  g_return_val_if_fail (AIMS_IS_NC_NEW_DIALOG (self), NULL);

  return self->problem;
}
