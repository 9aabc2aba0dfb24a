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
      for (guint q = 0; q < section->questions->len; q++)
        {
          const AimsQuestion *question = section->questions->pdata[q];

          if (aims_assessment_question_applies (assessment, question))
            adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), answer_row (assessment, question));
        }
      gtk_widget_set_parent (group, GTK_WIDGET (self));
    }
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
