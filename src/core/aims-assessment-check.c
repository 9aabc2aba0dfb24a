/* aims-assessment-check.c — whether a page of the wizard is complete: each
 * required answer there, each answer still valid
 *
 * Pure: it reads an AimsAssessment as loaded and writes nothing, so the
 * wizard can ask before it lets the user go on, and submitting asks the
 * same inside its write transaction.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "aims-assessment-private.h"

void
aims_answer_problem_free (AimsAnswerProblem *problem)
{
  if (problem == NULL)
    return;
  g_free (problem->message);
  g_free (problem);
}

static void
add_problem (GPtrArray          *problems,
             const AimsQuestion *question,
             char               *message)
{
  AimsAnswerProblem *problem = g_new0 (AimsAnswerProblem, 1);

  problem->question = question;
  problem->message = message;
  g_ptr_array_add (problems, problem);
}

GPtrArray *
aims_assessment_check_section (AimsAssessment            *self,
                               const AimsTemplateSection *section)
{
  GPtrArray *problems = g_ptr_array_new_with_free_func ((GDestroyNotify) aims_answer_problem_free);
  g_autoptr(GDate) began = NULL;
  /* Stored answers are checked again without the database: a person is
   * known by id, and ids were resolved when saved. */
  AimsAnswerRules rules = { NULL, NULL, NULL };

  g_return_val_if_fail (self != NULL && section != NULL, problems);

  began = aims_assessment_system_began (self->system);
  rules.matrix = self->matrix;
  rules.not_before = began;
  for (guint i = 0; i < section->questions->len; i++)
    {
      const AimsQuestion *question = g_ptr_array_index (section->questions, i);
      const char *value = aims_assessment_get_value (self, question);
      g_autofree char *checked = NULL;
      g_autoptr(GError) error = NULL;

      if (!aims_assessment_question_applies (self, question))
        continue;
      if (value == NULL)
        {
          if (question->required)
            {
              g_autofree char *name = aims_question_describe (question);

              /* Translators: "“What could happen?” (Privacy and data protection) needs an answer" */
              add_problem (problems, question, g_strdup_printf (_("%s needs an answer"), name));
            }
          continue;
        }
      if ((checked = aims_answer_normalize (question, value, &rules, &error)) == NULL)
        add_problem (problems, question, g_strdup (error->message));
    }
  return problems;
}

static gboolean
validate_sections (AimsAssessment  *self,
                   guint            first,
                   guint            n,
                   GError         **error)
{
  for (guint s = first; s < first + n; s++)
    {
      g_autoptr(GPtrArray) problems = aims_assessment_check_section (self, g_ptr_array_index (self->template->sections, s));

      if (problems->len > 0)
        {
          AimsAnswerProblem *first_problem = g_ptr_array_index (problems, 0);

          g_set_error_literal (error, AIMS_DB_ERROR, AIMS_DB_ERROR_INVALID, first_problem->message);
          return FALSE;
        }
    }
  return TRUE;
}

gboolean
aims_assessment_validate_section (AimsAssessment  *self,
                                  const char      *section_key,
                                  GError         **error)
{
  int index;

  g_return_val_if_fail (self != NULL, FALSE);

  if ((index = aims_template_section_index (self->template, section_key)) < 0)
    {
      g_set_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_INVALID,
                   _("“%s” is not a page of the template"), section_key);
      return FALSE;
    }
  return validate_sections (self, index, 1, error);
}

gboolean
aims_assessment_validate_step (AimsAssessment  *self,
                               const char      *step_key,
                               GError         **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  for (guint i = 0; i < self->template->steps->len; i++)
    {
      AimsTemplateStep *step = g_ptr_array_index (self->template->steps, i);

      if (g_strcmp0 (step->key, step_key) == 0)
        return validate_sections (self, step->first_section, step->n_sections, error);
    }
  g_set_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_INVALID, _("“%s” is not a step of the template"), step_key);
  return FALSE;
}

gboolean
aims_assessment_validate_all (AimsAssessment  *self,
                              GError         **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return validate_sections (self, 0, self->template->sections->len, error);
}
