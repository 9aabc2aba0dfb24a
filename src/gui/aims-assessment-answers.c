/* aims-assessment-answers.c — every answer of an assessment, read-only
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "aims-assessment-answers.h"

struct _AimsAssessmentAnswers
{
  GtkWidget parent_instance;
};

G_DEFINE_FINAL_TYPE (AimsAssessmentAnswers, aims_assessment_answers, GTK_TYPE_WIDGET)

static GtkWidget *
answer_row (AimsAssessment     *assessment,
            const AimsQuestion *question)
{
  GtkWidget *row = adw_action_row_new ();
  const char *value = aims_assessment_get_value (assessment, question);
  g_autofree char *shown = aims_assessment_display_value (assessment, question, value);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), question->prompt);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  if (shown != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), shown);
  else
    {
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   question->required ? _("Not answered — required") : _("Not answered"));
      if (question->required)
        gtk_widget_add_css_class (row, "warning");
    }
  return row;
}

void
aims_assessment_answers_set_assessment (AimsAssessmentAnswers *self,
                                        AimsAssessment        *assessment)
{
  GtkWidget *child;

  g_return_if_fail (AIMS_IS_ASSESSMENT_ANSWERS (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  if (assessment == NULL)
    return;

  for (guint s = 0; s < assessment->template->sections->len; s++)
    {
      const AimsTemplateSection *section = assessment->template->sections->pdata[s];
      GtkWidget *group = adw_preferences_group_new ();

      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), section->title);
      g_object_set_data_full (G_OBJECT (group), "aims-step", g_strdup (section->step_key), g_free);
      for (guint q = 0; q < section->questions->len; q++)
        {
          const AimsQuestion *question = section->questions->pdata[q];

          if (aims_assessment_question_applies (assessment, question))
            adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), answer_row (assessment, question));
        }
      gtk_widget_set_parent (group, GTK_WIDGET (self));
    }
}

static GtkWidget *
link_row (AimsAssessment *assessment,
          const char     *section_key,
          const char     *kind,
          const char     *title)
{
  const AimsTemplateSection *section = aims_template_find_section (assessment->template, section_key);
  GtkWidget *row = adw_action_row_new ();
  /* Translators: under a linked risk or control, "Fairness and non-discrimination · Annex A control" */
  g_autofree char *subtitle = g_strdup_printf (_("%s · %s"), section != NULL ? section->title : section_key, kind);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return row;
}

void
aims_assessment_answers_show_links (AimsAssessmentAnswers *self,
                                    AimsAssessment        *assessment,
                                    GPtrArray             *risk_links,
                                    GPtrArray             *control_links)
{
  GtkWidget *group, *after = NULL;
  guint n = 0;

  g_return_if_fail (AIMS_IS_ASSESSMENT_ANSWERS (self));
  g_return_if_fail (assessment != NULL);

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Risks and Controls Linked to the Impacts"));
  for (guint i = 0; risk_links != NULL && i < risk_links->len; i++, n++)
    {
      AimsAssessmentLink *link = risk_links->pdata[i];
      g_autofree char *title = g_strdup_printf ("%s · %s", aims_record_get_reference (link->risk),
                                                aims_record_get_title (link->risk));

      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                                 link_row (assessment, link->section_key, _("Risk"), title));
    }
  for (guint i = 0; control_links != NULL && i < control_links->len; i++, n++)
    {
      AimsAssessmentControlLink *link = control_links->pdata[i];
      g_autofree char *title = g_strdup_printf ("%s %s", aims_record_get_reference (link->control),
                                                aims_record_get_title (link->control));

      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                                 link_row (assessment, link->section_key, _("Annex A control"), title));
    }
  if (n == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No risk or control is linked to an impact"));
      gtk_widget_add_css_class (row, "dim-label");
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
  /* After the pages of the mitigations step, as in the PDF; else last. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (g_strcmp0 (g_object_get_data (G_OBJECT (child), "aims-step"), "mitigations") == 0)
      after = child;
  if (after == NULL)
    after = gtk_widget_get_last_child (GTK_WIDGET (self));
  gtk_widget_insert_after (group, GTK_WIDGET (self), after);
}

static void
aims_assessment_answers_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (aims_assessment_answers_parent_class)->dispose (object);
}

static void
aims_assessment_answers_class_init (AimsAssessmentAnswersClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = aims_assessment_answers_dispose;
  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), GTK_TYPE_BOX_LAYOUT);
}

static void
aims_assessment_answers_init (AimsAssessmentAnswers *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 18);
}

GtkWidget *
aims_assessment_answers_new (void)
{
  return g_object_new (AIMS_TYPE_ASSESSMENT_ANSWERS, NULL);
}
