/* aims-risk-matrix-page.c — the organisation's risk matrix, in Preferences
 *
 * The rows are made from the draft whenever its shape changes (size, number
 * of bands); typing into a row changes the draft in place, so the focus
 * stays where it is, and only the preview and the message follow.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "aims-risk-heatmap.h"
#include "aims-risk-matrix-page.h"

struct _AimsRiskMatrixPage
{
  AdwPreferencesPage  parent_instance;

  AimsContext        *context;
  AimsRiskMatrix     *stored;       /* as read, for the row_version and "changed?" */
  AimsRiskMatrix     *draft;
  GPtrArray          *risks;        /* the register, for the preview */
  guint               updating;

  GtkWidget          *size_spin;
  GtkWidget          *likelihood_group;
  GtkWidget          *impact_group;
  GtkWidget          *bands_group;
  GtkWidget          *appetite_row;
  GtkWidget          *preview;
  GtkWidget          *message_label;
  GtkWidget          *save_button;
  GtkWidget          *revert_button;
  GPtrArray          *level_rows;   /* widgets made from the draft's shape */
};

G_DEFINE_FINAL_TYPE (AimsRiskMatrixPage, aims_risk_matrix_page, ADW_TYPE_PREFERENCES_PAGE)

static void rebuild_rows (AimsRiskMatrixPage *self);

static AimsDb *
get_db (AimsRiskMatrixPage *self)
{
  return aims_context_get_db (self->context);
}

/* ── Preview and validation ──────────────────────────────────────────── */

/* The register as the draft would hold it: levels mapped onto its size. */
static GPtrArray *
mapped_risks (AimsRiskMatrixPage *self)
{
  static const char *const levels[] = {
    "inherent_likelihood", "inherent_impact", "residual_likelihood", "residual_impact",
  };
  GPtrArray *mapped = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; self->risks != NULL && i < self->risks->len; i++)
    {
      AimsRecord *copy = aims_record_copy (g_ptr_array_index (self->risks, i));

      for (guint k = 0; k < G_N_ELEMENTS (levels); k++)
        {
          const char *value = aims_record_get (copy, levels[k]);
          guint level;
          g_autofree char *text = NULL;

          if (value == NULL)
            continue;
          level = aims_risk_matrix_map_level (self->stored->size, self->draft->size,
                                              (guint) g_ascii_strtoull (value, NULL, 10));
          text = level != 0 ? g_strdup_printf ("%u", level) : NULL;
          aims_record_set (copy, levels[k], text);
        }
      g_ptr_array_add (mapped, copy);
    }
  return mapped;
}

static void
draft_changed (AimsRiskMatrixPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) risks = NULL;
  gboolean valid, changed;
  AimsDb *db = get_db (self);
  gboolean writable = db != NULL && !aims_db_is_read_only (db);

  valid = aims_risk_matrix_validate (self->draft, &error);
  changed = !aims_risk_matrix_equal (self->draft, self->stored);

  if (!valid)
    {
      gtk_label_set_label (GTK_LABEL (self->message_label), error->message);
      gtk_widget_add_css_class (self->message_label, "error");
    }
  else
    {
      gtk_label_set_label (GTK_LABEL (self->message_label),
                           !writable ? _("The database is read-only: the matrix can be read, not changed.")
                           : changed ? _("Saving re-scores every risk of the register; you see what changes first.")
                           : _("This is the matrix every score, band and heatmap uses."));
      gtk_widget_remove_css_class (self->message_label, "error");
    }
  gtk_widget_set_sensitive (self->save_button, valid && changed && writable);
  gtk_widget_set_sensitive (self->revert_button, changed);

  if (valid)
    {
      risks = mapped_risks (self);
      aims_risk_heatmap_set_risks (AIMS_RISK_HEATMAP (self->preview), self->draft, risks, NULL);
    }
  gtk_widget_set_opacity (self->preview, valid ? 1.0 : 0.4);
}

/* ── Rows ────────────────────────────────────────────────────────────── */

static void
label_changed_cb (GtkEditable        *row,
                  AimsRiskMatrixPage *self)
{
  AimsRiskAxis axis = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "axis"));
  guint level = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "level"));
  char **labels = axis == AIMS_RISK_AXIS_LIKELIHOOD ? self->draft->likelihood_labels
                                                     : self->draft->impact_labels;

  if (self->updating > 0)
    return;
  g_free (labels[level - 1]);
  labels[level - 1] = g_strstrip (g_strdup (gtk_editable_get_text (row)));
  draft_changed (self);
}

static void
fill_level_group (AimsRiskMatrixPage *self,
                  GtkWidget          *group,
                  AimsRiskAxis        axis)
{
  char **labels = axis == AIMS_RISK_AXIS_LIKELIHOOD ? self->draft->likelihood_labels
                                                     : self->draft->impact_labels;

  for (guint level = 1; level <= self->draft->size; level++)
    {
      GtkWidget *row = adw_entry_row_new ();
      g_autofree char *title = NULL;

      /* Translators: the title of a level's label, "Likelihood 3" */
      title = g_strdup_printf (_("%s %u"), aims_risk_axis_title (axis), level);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      gtk_editable_set_text (GTK_EDITABLE (row), labels[level - 1]);
      gtk_editable_set_max_width_chars (GTK_EDITABLE (row), AIMS_RISK_MATRIX_LABEL_MAX_LENGTH);
      g_object_set_data (G_OBJECT (row), "axis", GUINT_TO_POINTER (axis));
      g_object_set_data (G_OBJECT (row), "level", GUINT_TO_POINTER (level));
      g_signal_connect (row, "changed", G_CALLBACK (label_changed_cb), self);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
      g_ptr_array_add (self->level_rows, row);
    }
}

static AimsRiskBand *
row_band (AimsRiskMatrixPage *self,
          GtkWidget          *widget)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (widget), "band"));

  return &g_array_index (self->draft->bands, AimsRiskBand, index);
}

static void
band_name_changed_cb (GtkEditable        *entry,
                      AimsRiskMatrixPage *self)
{
  AimsRiskBand *band = row_band (self, GTK_WIDGET (entry));
  gboolean was_appetite;

  if (self->updating > 0)
    return;
  was_appetite = g_strcmp0 (band->name, self->draft->appetite_band) == 0;
  g_free (band->name);
  band->name = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  /* Renaming the appetite band keeps it the appetite. */
  if (was_appetite)
    {
      g_free (self->draft->appetite_band);
      self->draft->appetite_band = g_strdup (band->name);
    }
  draft_changed (self);
}

static void
band_score_changed_cb (GtkSpinButton      *spin,
                       AimsRiskMatrixPage *self)
{
  AimsRiskBand *band = row_band (self, GTK_WIDGET (spin));
  guint value = (guint) gtk_spin_button_get_value_as_int (spin);

  if (self->updating > 0)
    return;
  if (g_object_get_data (G_OBJECT (spin), "max") != NULL)
    band->max_score = value;
  else
    band->min_score = value;
  draft_changed (self);
}

static void
band_colour_changed_cb (GtkColorChooser    *button,
                        GParamSpec         *pspec,
                        AimsRiskMatrixPage *self)
{
  AimsRiskBand *band = row_band (self, GTK_WIDGET (button));
  GdkRGBA rgba;

  if (self->updating > 0)
    return;
  gtk_color_chooser_get_rgba (button, &rgba);
  g_free (band->colour);
  band->colour = g_strdup_printf ("#%02x%02x%02x", (guint) (rgba.red * 255 + 0.5),
                                  (guint) (rgba.green * 255 + 0.5), (guint) (rgba.blue * 255 + 0.5));
  draft_changed (self);
}

static void
remove_band_cb (GtkButton          *button,
                AimsRiskMatrixPage *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "band"));

  g_array_remove_index (self->draft->bands, index);
  rebuild_rows (self);
}

static void
add_band_cb (AimsRiskMatrixPage *self)
{
  guint top = self->draft->size * self->draft->size;

  /* A new band at the top; the user narrows the one below to make room. */
  aims_risk_matrix_add_band (self->draft, _("New band"), top, top, "#7f3fbf");
  rebuild_rows (self);
}

static GtkWidget *
score_spin (AimsRiskMatrixPage *self,
            guint               index,
            guint               value,
            gboolean            is_max,
            const char         *band_name)
{
  guint top = self->draft->size * self->draft->size;
  GtkWidget *spin = gtk_spin_button_new_with_range (1, top, 1);
  g_autofree char *label = NULL;

  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), value);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  g_object_set_data (G_OBJECT (spin), "band", GUINT_TO_POINTER (index));
  g_object_set_data (G_OBJECT (spin), "max", GINT_TO_POINTER (is_max));
  /* Translators: what a screen reader says for a band's score range,
   * "Lowest score of High", "Highest score of High" */
  label = g_strdup_printf (is_max ? _("Highest score of %s") : _("Lowest score of %s"), band_name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_signal_connect (spin, "value-changed", G_CALLBACK (band_score_changed_cb), self);
  return spin;
}

static void
fill_bands_group (AimsRiskMatrixPage *self)
{
  for (guint i = 0; i < self->draft->bands->len; i++)
    {
      const AimsRiskBand *band = &g_array_index (self->draft->bands, AimsRiskBand, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *name = gtk_entry_new ();
      GtkWidget *colour = gtk_color_button_new ();
      GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
      GdkRGBA rgba;
      g_autofree char *title = NULL;
      g_autofree char *label = NULL;

      /* Translators: a band of the risk matrix, "Band 2" */
      title = g_strdup_printf (_("Band %u"), i + 1);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);

      gtk_editable_set_text (GTK_EDITABLE (name), band->name);
      gtk_editable_set_width_chars (GTK_EDITABLE (name), 10);
      gtk_widget_set_valign (name, GTK_ALIGN_CENTER);
      /* Translators: what a screen reader says for a band's name entry, "Name of band 2" */
      label = g_strdup_printf (_("Name of band %u"), i + 1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (name), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      g_object_set_data (G_OBJECT (name), "band", GUINT_TO_POINTER (i));
      g_signal_connect (name, "changed", G_CALLBACK (band_name_changed_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), name);

      adw_action_row_add_suffix (ADW_ACTION_ROW (row), score_spin (self, i, band->min_score, FALSE, band->name));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_label_new ("–"));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), score_spin (self, i, band->max_score, TRUE, band->name));

      if (gdk_rgba_parse (&rgba, band->colour))
        gtk_color_chooser_set_rgba (GTK_COLOR_CHOOSER (colour), &rgba);
      gtk_color_chooser_set_use_alpha (GTK_COLOR_CHOOSER (colour), FALSE);
      gtk_widget_set_valign (colour, GTK_ALIGN_CENTER);
      g_free (label);
      /* Translators: "Colour of High" */
      label = g_strdup_printf (_("Colour of %s"), band->name);
      gtk_accessible_update_property (GTK_ACCESSIBLE (colour), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      gtk_widget_set_tooltip_text (colour, label);
      g_object_set_data (G_OBJECT (colour), "band", GUINT_TO_POINTER (i));
      g_signal_connect (colour, "notify::rgba", G_CALLBACK (band_colour_changed_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), colour);

      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      g_free (label);
      /* Translators: "Remove High" */
      label = g_strdup_printf (_("Remove %s"), band->name);
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      gtk_widget_set_tooltip_text (remove, label);
      gtk_widget_set_sensitive (remove, self->draft->bands->len > 1);
      g_object_set_data (G_OBJECT (remove), "band", GUINT_TO_POINTER (i));
      g_signal_connect (remove, "clicked", G_CALLBACK (remove_band_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);

      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->bands_group), row);
      g_ptr_array_add (self->level_rows, row);
    }
}

static void
appetite_changed_cb (AdwComboRow        *row,
                     GParamSpec         *pspec,
                     AimsRiskMatrixPage *self)
{
  guint selected = adw_combo_row_get_selected (row);

  if (self->updating > 0 || selected >= self->draft->bands->len)
    return;
  g_free (self->draft->appetite_band);
  self->draft->appetite_band = g_strdup (g_array_index (self->draft->bands, AimsRiskBand, selected).name);
  draft_changed (self);
}

static void
fill_appetite (AimsRiskMatrixPage *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  guint selected = 0;

  for (guint i = 0; i < self->draft->bands->len; i++)
    {
      const AimsRiskBand *band = &g_array_index (self->draft->bands, AimsRiskBand, i);

      gtk_string_list_append (names, band->name);
      if (g_strcmp0 (band->name, self->draft->appetite_band) == 0)
        selected = i;
    }
  adw_combo_row_set_model (ADW_COMBO_ROW (self->appetite_row), G_LIST_MODEL (names));
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->appetite_row), selected);
}

static void
rebuild_rows (AimsRiskMatrixPage *self)
{
  self->updating++;
  for (guint i = 0; i < self->level_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->level_rows, i);
      GtkWidget *group = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP);

      adw_preferences_group_remove (ADW_PREFERENCES_GROUP (group), row);
    }
  g_ptr_array_set_size (self->level_rows, 0);

  gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->size_spin), self->draft->size);
  fill_level_group (self, self->likelihood_group, AIMS_RISK_AXIS_LIKELIHOOD);
  fill_level_group (self, self->impact_group, AIMS_RISK_AXIS_IMPACT);
  fill_bands_group (self);
  fill_appetite (self);
  self->updating--;
  draft_changed (self);
}

static void
size_changed_cb (GtkSpinButton      *spin,
                 AimsRiskMatrixPage *self)
{
  if (self->updating > 0)
    return;
  aims_risk_matrix_page_set_size (self, (guint) gtk_spin_button_get_value_as_int (spin));
}

/* ── Loading and saving ──────────────────────────────────────────────── */

static void
reload (AimsRiskMatrixPage *self)
{
  AimsDb *db = get_db (self);
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->stored, aims_risk_matrix_free);
  g_clear_pointer (&self->draft, aims_risk_matrix_free);
  g_clear_pointer (&self->risks, g_ptr_array_unref);
  if (db != NULL)
    {
      self->stored = aims_risk_matrix_load (db, &error);
      self->risks = aims_store_list (db, aims_entity_risks (), NULL);
    }
  if (self->stored == NULL)
    self->stored = aims_risk_matrix_new_default ();
  self->draft = aims_risk_matrix_copy (self->stored);
  rebuild_rows (self);
}

char *
aims_risk_matrix_page_describe_save (AimsRiskMatrixPage  *self,
                                     char               **details,
                                     GError             **error)
{
  g_autoptr(AimsRescorePreview) preview = NULL;
  g_autoptr(GString) lines = g_string_new (NULL);
  AimsDb *db;

  g_return_val_if_fail (AIMS_IS_RISK_MATRIX_PAGE (self), NULL);

  db = get_db (self);
  if (db == NULL)
    {
      g_set_error_literal (error, AIMS_DB_ERROR, AIMS_DB_ERROR_FAILED, _("No database is open"));
      return NULL;
    }
  if (!aims_risk_matrix_validate (self->draft, error))
    return NULL;
  preview = aims_risk_matrix_preview_rescore (db, self->draft, error);
  if (preview == NULL)
    return NULL;

  for (guint i = 0; i < preview->moves->len; i++)
    {
      const AimsRescoreMove *move = &g_array_index (preview->moves, AimsRescoreMove, i);
      const AimsRiskBand *old_band = aims_risk_matrix_get_band (self->stored, move->old_band);
      const AimsRiskBand *new_band = aims_risk_matrix_get_band (self->draft, move->new_band);

      /* Translators: one line of what re-scoring does, "Inherent: 3 risks
       * from likelihood 5, impact 4 (Critical) to likelihood 3, impact 3 (High)" */
      g_string_append_printf (lines, ngettext ("%s: %u risk from likelihood %u, impact %u (%s) to likelihood %u, impact %u (%s)",
                                               "%s: %u risks from likelihood %u, impact %u (%s) to likelihood %u, impact %u (%s)",
                                               move->n_risks),
                              move->residual ? _("Residual") : _("Inherent"), move->n_risks,
                              move->old_likelihood, move->old_impact,
                              old_band != NULL ? old_band->name : "?",
                              move->new_likelihood, move->new_impact,
                              new_band != NULL ? new_band->name : "?");
      g_string_append_c (lines, '\n');
    }
  if (details != NULL)
    *details = g_strdup (lines->str);

  if (preview->n_moved == 0 && preview->n_band_changed == 0)
    return g_strdup_printf (ngettext ("No risk of the %u in the register changes its levels or its band.",
                                      "No risk of the %u in the register changes its levels or its band.",
                                      preview->n_risks), preview->n_risks);
  /* Translators: before saving a new risk matrix */
  return g_strdup_printf (_("%u of %u risks move to other levels and %u change band. "
                            "The change is recorded in the history."),
                          preview->n_moved, preview->n_risks, preview->n_band_changed);
}

gboolean
aims_risk_matrix_page_save (AimsRiskMatrixPage  *self,
                            GError             **error)
{
  g_autoptr(AimsRiskMatrix) saved = NULL;
  AimsDb *db;

  g_return_val_if_fail (AIMS_IS_RISK_MATRIX_PAGE (self), FALSE);

  db = get_db (self);
  if (db == NULL)
    {
      g_set_error_literal (error, AIMS_DB_ERROR, AIMS_DB_ERROR_FAILED, _("No database is open"));
      return FALSE;
    }
  saved = aims_risk_matrix_save_and_rescore (db, self->draft, self->stored->row_version,
                                             aims_context_get_author (self->context), error);
  if (saved == NULL)
    return FALSE;
  /* The pages show the new scores; this page reads what was stored. */
  aims_context_emit_data_changed (self->context);
  reload (self);
  return TRUE;
}

static void
show_message (AimsRiskMatrixPage *self,
              const char         *heading,
              const char         *body)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                              heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
confirm_response_cb (AdwMessageDialog   *dialog,
                     const char         *response,
                     AimsRiskMatrixPage *self)
{
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "save") != 0)
    return;
  if (aims_risk_matrix_page_save (self, &error))
    return;
  if (g_error_matches (error, AIMS_DB_ERROR, AIMS_DB_ERROR_CONFLICT))
    {
      show_message (self, _("The Matrix Changed Meanwhile"),
                    _("Someone else saved another risk matrix while you edited this one. "
                      "Theirs is shown now; make your changes again if they are still needed."));
      reload (self);
    }
  else
    show_message (self, _("Could Not Save the Risk Matrix"), error->message);
}

static void
save_clicked_cb (AimsRiskMatrixPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *details = NULL;
  g_autofree char *body = aims_risk_matrix_page_describe_save (self, &details, &error);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;

  if (body == NULL)
    {
      show_message (self, _("Could Not Save the Risk Matrix"), error->message);
      return;
    }

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Re-score the Register?"), body);
  if (details != NULL && *details != '\0')
    {
      GtkWidget *scrolled = gtk_scrolled_window_new ();
      GtkWidget *label = gtk_label_new (details);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      gtk_widget_add_css_class (label, "caption");
      gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
      gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 240);
      gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), label);
      adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scrolled);
    }
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "save", _("_Save and Re-score"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (confirm_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
revert_clicked_cb (AimsRiskMatrixPage *self)
{
  g_clear_pointer (&self->draft, aims_risk_matrix_free);
  self->draft = aims_risk_matrix_copy (self->stored);
  rebuild_rows (self);
}

/* ── GObject ─────────────────────────────────────────────────────────── */

static GtkWidget *
add_group (AimsRiskMatrixPage *self,
           const char         *title,
           const char         *description)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (description != NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self), ADW_PREFERENCES_GROUP (group));
  return group;
}

static void
build (AimsRiskMatrixPage *self)
{
  GtkWidget *group, *row, *buttons, *add_band;

  group = add_group (self, _("Risk Matrix"),
                     _("Likelihood × impact gives each risk its score; the bands name the scores "
                       "and colour the heatmap."));
  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Levels"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("From 3 × 3 to 6 × 6"));
  self->size_spin = gtk_spin_button_new_with_range (AIMS_RISK_MATRIX_MIN_SIZE, AIMS_RISK_MATRIX_MAX_SIZE, 1);
  gtk_widget_set_valign (self->size_spin, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->size_spin), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Levels"), -1);
  g_signal_connect (self->size_spin, "value-changed", G_CALLBACK (size_changed_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), self->size_spin);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);

  self->preview = aims_risk_heatmap_new ();
  aims_risk_heatmap_set_interactive (AIMS_RISK_HEATMAP (self->preview), FALSE);
  gtk_widget_set_size_request (self->preview, -1, 260);
  gtk_widget_set_margin_top (self->preview, 12);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->preview);

  self->message_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->message_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->message_label), 0);
  gtk_widget_set_margin_top (self->message_label, 6);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->message_label);

  buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_halign (buttons, GTK_ALIGN_END);
  gtk_widget_set_margin_top (buttons, 6);
  self->revert_button = gtk_button_new_with_mnemonic (_("_Revert"));
  g_signal_connect_swapped (self->revert_button, "clicked", G_CALLBACK (revert_clicked_cb), self);
  gtk_box_append (GTK_BOX (buttons), self->revert_button);
  self->save_button = gtk_button_new_with_mnemonic (_("_Save Matrix…"));
  gtk_widget_add_css_class (self->save_button, "suggested-action");
  g_signal_connect_swapped (self->save_button, "clicked", G_CALLBACK (save_clicked_cb), self);
  gtk_box_append (GTK_BOX (buttons), self->save_button);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), buttons);

  self->likelihood_group = add_group (self, _("Likelihood Levels"), _("Lowest first"));
  self->impact_group = add_group (self, _("Impact Levels"), _("Lowest first"));
  self->bands_group = add_group (self, _("Bands"),
                                 _("Each score belongs to exactly one band: no gaps, no overlaps."));
  add_band = gtk_button_new_from_icon_name ("list-add-symbolic");
  gtk_widget_add_css_class (add_band, "flat");
  gtk_widget_set_tooltip_text (add_band, _("Add a Band"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (add_band), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Add a Band"), -1);
  g_signal_connect_swapped (add_band, "clicked", G_CALLBACK (add_band_cb), self);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (self->bands_group), add_band);

  group = add_group (self, _("Risk Appetite"), NULL);
  self->appetite_row = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->appetite_row), _("Highest band accepted"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->appetite_row),
                               _("Risks above it stand out, and accepting one is recorded with who and until when"));
  g_signal_connect (self->appetite_row, "notify::selected", G_CALLBACK (appetite_changed_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->appetite_row);
}

static void
aims_risk_matrix_page_dispose (GObject *object)
{
  AimsRiskMatrixPage *self = AIMS_RISK_MATRIX_PAGE (object);

  g_clear_object (&self->context);
  g_clear_pointer (&self->risks, g_ptr_array_unref);

  G_OBJECT_CLASS (aims_risk_matrix_page_parent_class)->dispose (object);
}

static void
aims_risk_matrix_page_finalize (GObject *object)
{
  AimsRiskMatrixPage *self = AIMS_RISK_MATRIX_PAGE (object);

  g_clear_pointer (&self->stored, aims_risk_matrix_free);
  g_clear_pointer (&self->draft, aims_risk_matrix_free);
  g_ptr_array_unref (self->level_rows);

  G_OBJECT_CLASS (aims_risk_matrix_page_parent_class)->finalize (object);
}

static void
aims_risk_matrix_page_class_init (AimsRiskMatrixPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = aims_risk_matrix_page_dispose;
  object_class->finalize = aims_risk_matrix_page_finalize;
}

static void
aims_risk_matrix_page_init (AimsRiskMatrixPage *self)
{
  self->level_rows = g_ptr_array_new ();
  adw_preferences_page_set_title (ADW_PREFERENCES_PAGE (self), _("Risk Matrix"));
  adw_preferences_page_set_icon_name (ADW_PREFERENCES_PAGE (self), "view-grid-symbolic");
  build (self);
}

GtkWidget *
aims_risk_matrix_page_new (AimsContext *context)
{
  AimsRiskMatrixPage *self;

  g_return_val_if_fail (AIMS_IS_CONTEXT (context), NULL);

  self = g_object_new (AIMS_TYPE_RISK_MATRIX_PAGE, NULL);
  self->context = g_object_ref (context);
  reload (self);
  return GTK_WIDGET (self);
}

const AimsRiskMatrix *
aims_risk_matrix_page_get_draft (AimsRiskMatrixPage *self)
{
  g_return_val_if_fail (AIMS_IS_RISK_MATRIX_PAGE (self), NULL);

  return self->draft;
}

void
aims_risk_matrix_page_set_size (AimsRiskMatrixPage *self,
                                guint               size)
{
  g_return_if_fail (AIMS_IS_RISK_MATRIX_PAGE (self));
  g_return_if_fail (size >= AIMS_RISK_MATRIX_MIN_SIZE && size <= AIMS_RISK_MATRIX_MAX_SIZE);

  if (size == self->draft->size)
    return;
  aims_risk_matrix_set_size (self->draft, size);
  rebuild_rows (self);
}
