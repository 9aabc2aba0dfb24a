/* aims-assessment-mitigations.c — impacts rated high, and the risks and
 * Annex A controls that treat them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "aims-assessment-mitigations.h"
#include "aims-link-chooser.h"
#include "aims-pages.h"

struct _AimsAssessmentMitigations
{
  GtkWidget    parent_instance;

  AimsContext *context;
  gint64       assessment_id;
  GtkWidget   *problem_label;
  gboolean     refreshing;
};

G_DEFINE_FINAL_TYPE (AimsAssessmentMitigations, aims_assessment_mitigations, GTK_TYPE_WIDGET)

enum {
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
finish (AimsAssessmentMitigations *self,
        GError                    *error)
{
  if (error != NULL)
    {
      gtk_label_set_text (GTK_LABEL (self->problem_label), error->message);
      gtk_widget_set_visible (self->problem_label, TRUE);
      return;
    }
  gtk_widget_set_visible (self->problem_label, FALSE);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

AimsRecord *
aims_assessment_mitigations_create_risk (AimsAssessmentMitigations *self,
                                         const char                *section_key)
{
  AimsDb *db = aims_context_get_db (self->context);
  g_autoptr(GError) error = NULL;
  AimsRecord *risk;

  g_return_val_if_fail (AIMS_IS_ASSESSMENT_MITIGATIONS (self), NULL);

  if (db == NULL)
    return NULL;
  risk = aims_assessment_risk_from_impact (db, self->assessment_id, section_key, NULL,
                                           aims_context_get_author (self->context), &error);
  if (risk != NULL)
    {
      /* Translators: a toast, "Created RSK-012 and linked it" */
      g_autofree char *text = g_strdup_printf (_("Created %s and linked it"), aims_record_get_reference (risk));

      aims_page_add_toast (GTK_WIDGET (self), adw_toast_new (text));
    }
  finish (self, error);
  return risk;
}

static void
create_clicked_cb (GtkButton                 *button,
                   AimsAssessmentMitigations *self)
{
  g_autoptr(AimsRecord) risk =
    aims_assessment_mitigations_create_risk (self, g_object_get_data (G_OBJECT (button), "aims-section"));
}

/* The unlink button of a linked risk ("aims-risk") or control ("aims-control"). */
static void
unlink_clicked_cb (GtkButton                 *button,
                   AimsAssessmentMitigations *self)
{
  AimsDb *db = aims_context_get_db (self->context);
  const char *section = g_object_get_data (G_OBJECT (button), "aims-section");
  gint64 control_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "aims-control"));
  g_autoptr(GError) error = NULL;

  if (db == NULL)
    return;
  if (control_id != 0)
    aims_assessment_unlink_control (db, self->assessment_id, section, control_id,
                                    aims_context_get_author (self->context), &error);
  else
    aims_assessment_unlink_risk (db, self->assessment_id, section,
                                 GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "aims-risk")),
                                 aims_context_get_author (self->context), &error);
  finish (self, error);
}

static void
risk_chosen_cb (AimsLinkChooser           *chooser,
                GParamSpec                *pspec,
                AimsAssessmentMitigations *self)
{
  AimsDb *db = aims_context_get_db (self->context);
  const char *risk_id = aims_link_chooser_get_record_id (chooser);
  g_autoptr(GError) error = NULL;

  if (self->refreshing || db == NULL || risk_id == NULL)
    return;
  aims_assessment_link_risk (db, self->assessment_id, g_object_get_data (G_OBJECT (chooser), "aims-section"),
                             risk_id, aims_context_get_author (self->context), &error);
  finish (self, error);
}

static void
control_chosen_cb (AimsLinkChooser           *chooser,
                   GParamSpec                *pspec,
                   AimsAssessmentMitigations *self)
{
  AimsDb *db = aims_context_get_db (self->context);
  const char *control_id = aims_link_chooser_get_record_id (chooser);
  g_autoptr(GError) error = NULL;

  if (self->refreshing || db == NULL || control_id == NULL)
    return;
  if (aims_assessment_link_control (db, self->assessment_id, g_object_get_data (G_OBJECT (chooser), "aims-section"),
                                    control_id, aims_context_get_author (self->context), &error))
    {
      /* Translators: a toast, "Linked A.5.4" */
      g_autofree char *text = g_strdup_printf (_("Linked %s"), aims_link_chooser_get_record_title (chooser));

      aims_page_add_toast (GTK_WIDGET (self), adw_toast_new (text));
    }
  finish (self, error);
}

/* "A.5.4 Assessing AI system impact on individuals…": how the Controls
 * page names a control. */
static GtkWidget *
control_row (AimsAssessmentMitigations *self,
             AimsAssessmentControlLink *link,
             gboolean                   editable)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = g_strdup_printf ("%s %s", aims_record_get_reference (link->control),
                                            aims_record_get_title (link->control));

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Linked Annex A control"));
  if (editable)
    {
      GtkWidget *unlink = gtk_button_new_from_icon_name ("list-remove-symbolic");
      /* Translators: a button's tooltip and accessible name, "Unlink A.5.4" */
      g_autofree char *label = g_strdup_printf (_("Unlink %s"), aims_record_get_reference (link->control));

      gtk_widget_set_valign (unlink, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (unlink, "flat");
      gtk_widget_set_tooltip_text (unlink, label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (unlink), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      g_object_set_data_full (G_OBJECT (unlink), "aims-section", g_strdup (link->section_key), g_free);
      g_object_set_data (G_OBJECT (unlink), "aims-control", GSIZE_TO_POINTER (aims_record_get_id (link->control)));
      g_signal_connect (unlink, "clicked", G_CALLBACK (unlink_clicked_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), unlink);
    }
  return row;
}

static GtkWidget *
area_group (AimsAssessmentMitigations *self,
            AimsAssessment            *assessment,
            const AimsImpactRating    *rating,
            GPtrArray                 *links,
            GPtrArray                 *control_links,
            gboolean                   editable)
{
  const AimsRiskBand *band = aims_risk_matrix_get_band (assessment->matrix, rating->band);
  const char *key = rating->section->key;
  GtkWidget *group = adw_preferences_group_new ();
  g_autofree char *description = NULL;
  guint n_linked = 0;

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), rating->section->title);
  /* Translators: an impact area's rating, "Likely × Major: High (score 16)" */
  description = g_strdup_printf (_("%s × %s: %s (score %u)"),
                                 assessment->matrix->likelihood_labels[rating->likelihood - 1],
                                 assessment->matrix->impact_labels[rating->impact - 1],
                                 band != NULL ? band->name : "", rating->score);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);

  for (guint i = 0; links != NULL && i < links->len; i++)
    {
      AimsAssessmentLink *link = links->pdata[i];
      GtkWidget *row, *unlink;
      g_autofree char *title = NULL;

      if (g_strcmp0 (link->section_key, key) != 0)
        continue;
      n_linked++;
      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      title = g_strdup_printf ("%s · %s", aims_record_get_reference (link->risk), aims_record_get_title (link->risk));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Linked risk"));
      if (editable)
        {
          unlink = gtk_button_new_from_icon_name ("list-remove-symbolic");
          gtk_widget_set_valign (unlink, GTK_ALIGN_CENTER);
          gtk_widget_add_css_class (unlink, "flat");
          gtk_widget_set_tooltip_text (unlink, _("Unlink the Risk"));
          gtk_accessible_update_property (GTK_ACCESSIBLE (unlink), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          _("Unlink the Risk"), -1);
          g_object_set_data_full (G_OBJECT (unlink), "aims-section", g_strdup (key), g_free);
          g_object_set_data (G_OBJECT (unlink), "aims-risk", GSIZE_TO_POINTER (aims_record_get_id (link->risk)));
          g_signal_connect (unlink, "clicked", G_CALLBACK (unlink_clicked_cb), self);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), unlink);
        }
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
  if (n_linked == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No risk treats this impact yet"));
      gtk_widget_add_css_class (row, "dim-label");
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
  for (guint i = 0; control_links != NULL && i < control_links->len; i++)
    {
      AimsAssessmentControlLink *link = control_links->pdata[i];

      if (g_strcmp0 (link->section_key, key) == 0)
        adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), control_row (self, link, editable));
    }
  if (editable)
    {
      GtkWidget *chooser = aims_link_chooser_new (self->context, aims_entity_risks (), _("Choose a risk"));
      GtkWidget *controls;
      GtkWidget *create = gtk_button_new_with_label (_("Create Risk"));

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (chooser), _("Link an existing risk"));
      g_object_set_data_full (G_OBJECT (chooser), "aims-section", g_strdup (key), g_free);
      g_signal_connect (chooser, "notify::record-id", G_CALLBACK (risk_chosen_cb), self);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), chooser);
      controls = aims_link_chooser_new (self->context, aims_entity_controls (), _("Link Control…"));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (controls), _("Link an Annex A control"));
      g_object_set_data_full (G_OBJECT (controls), "aims-section", g_strdup (key), g_free);
      g_signal_connect (controls, "notify::record-id", G_CALLBACK (control_chosen_cb), self);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), controls);

      gtk_widget_set_valign (create, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (create, _("A new risk of the register, pre-filled from this impact, linked to it"));
      g_object_set_data_full (G_OBJECT (create), "aims-section", g_strdup (key), g_free);
      g_signal_connect (create, "clicked", G_CALLBACK (create_clicked_cb), self);
      adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), create);
    }
  return group;
}

static gboolean
has_links (const char *section_key,
           GPtrArray  *links,
           GPtrArray  *control_links)
{
  for (guint i = 0; links != NULL && i < links->len; i++)
    if (g_strcmp0 (((AimsAssessmentLink *) links->pdata[i])->section_key, section_key) == 0)
      return TRUE;
  for (guint i = 0; control_links != NULL && i < control_links->len; i++)
    if (g_strcmp0 (((AimsAssessmentControlLink *) control_links->pdata[i])->section_key, section_key) == 0)
      return TRUE;
  return FALSE;
}

void
aims_assessment_mitigations_set_assessment (AimsAssessmentMitigations *self,
                                            AimsAssessment            *assessment,
                                            gboolean                   editable)
{
  AimsDb *db = aims_context_get_db (self->context);
  g_autoptr(GArray) ratings = NULL;
  g_autoptr(GPtrArray) links = NULL;
  g_autoptr(GPtrArray) control_links = NULL;
  GtkWidget *child;
  guint n_high = 0;

  g_return_if_fail (AIMS_IS_ASSESSMENT_MITIGATIONS (self));
  g_return_if_fail (assessment != NULL);

  self->refreshing = TRUE;
  self->assessment_id = aims_record_get_id (assessment->record);
  child = gtk_widget_get_first_child (GTK_WIDGET (self));
  while (child != NULL)
    {
      GtkWidget *next = gtk_widget_get_next_sibling (child);

      if (child != self->problem_label)
        gtk_widget_unparent (child);
      child = next;
    }
  if (db != NULL)
    {
      links = aims_assessment_list_links (db, self->assessment_id, NULL);
      control_links = aims_assessment_list_control_links (db, self->assessment_id, NULL);
    }
  ratings = aims_assessment_impact_ratings (assessment);
  for (guint i = 0; i < ratings->len; i++)
    {
      const AimsImpactRating *rating = &g_array_index (ratings, AimsImpactRating, i);

      /* An area rated lower since its links were made still shows them,
       * so that they can be seen and unlinked. */
      if (rating->band < 0 ||
          (!(rating->relevant && rating->high) && !has_links (rating->section->key, links, control_links)))
        continue;
      n_high += rating->relevant && rating->high;
      gtk_widget_insert_before (area_group (self, assessment, rating, links, control_links, editable), GTK_WIDGET (self),
                                self->problem_label);
    }
  if (n_high == 0)
    {
      GtkWidget *label = gtk_label_new (_("No impact is rated above the organisation’s risk appetite: "
                                          "there is nothing to turn into a risk."));

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0.0);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_insert_before (label, GTK_WIDGET (self), self->problem_label);
    }
  self->refreshing = FALSE;
}

static void
aims_assessment_mitigations_dispose (GObject *object)
{
  AimsAssessmentMitigations *self = AIMS_ASSESSMENT_MITIGATIONS (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->context);
  G_OBJECT_CLASS (aims_assessment_mitigations_parent_class)->dispose (object);
}

static void
aims_assessment_mitigations_class_init (AimsAssessmentMitigationsClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = aims_assessment_mitigations_dispose;
  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), GTK_TYPE_BOX_LAYOUT);
}

static void
aims_assessment_mitigations_init (AimsAssessmentMitigations *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 18);
  self->problem_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->problem_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->problem_label), 0.0);
  gtk_widget_add_css_class (self->problem_label, "error");
  gtk_widget_set_visible (self->problem_label, FALSE);
  gtk_widget_set_parent (self->problem_label, GTK_WIDGET (self));
}

GtkWidget *
aims_assessment_mitigations_new (AimsContext *context)
{
  AimsAssessmentMitigations *self;

  g_return_val_if_fail (AIMS_IS_CONTEXT (context), NULL);

  self = g_object_new (AIMS_TYPE_ASSESSMENT_MITIGATIONS, NULL);
  self->context = g_object_ref (context);
  return GTK_WIDGET (self);
}
