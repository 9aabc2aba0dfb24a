/* aims-template.c — templates of impact assessments: their parts, the
 * checks every template passes, and reading a stored one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include <glib/gi18n.h>

#include "aims-json.h"
#include "aims-statement.h"
#include "aims-template.h"
#include "aims-template-private.h"

static const char *const type_keys[AIMS_QUESTION_N_TYPES] = {
  [AIMS_QUESTION_TEXT]            = "text",
  [AIMS_QUESTION_LONG_TEXT]       = "long_text",
  [AIMS_QUESTION_SINGLE_CHOICE]   = "single_choice",
  [AIMS_QUESTION_MULTIPLE_CHOICE] = "multiple_choice",
  [AIMS_QUESTION_YES_NO]          = "yes_no",
  [AIMS_QUESTION_SCALE]           = "scale",
  [AIMS_QUESTION_DATE]            = "date",
  [AIMS_QUESTION_PERSON]          = "person",
  [AIMS_QUESTION_LIKELIHOOD]      = "likelihood",
  [AIMS_QUESTION_IMPACT]          = "impact",
};

const char *
aims_question_type_key (AimsQuestionType type)
{
  g_return_val_if_fail (type < AIMS_QUESTION_N_TYPES, NULL);
  return type_keys[type];
}

gboolean
aims_question_type_from_key (const char       *key,
                             AimsQuestionType *type)
{
  for (guint i = 0; key != NULL && i < AIMS_QUESTION_N_TYPES; i++)
    if (g_str_equal (type_keys[i], key))
      {
        *type = i;
        return TRUE;
      }
  return FALSE;
}

char *
aims_question_type_list (void)
{
  return g_strjoinv (", ", (char **) (const char *const []) {
    type_keys[0], type_keys[1], type_keys[2], type_keys[3], type_keys[4],
    type_keys[5], type_keys[6], type_keys[7], type_keys[8], type_keys[9], NULL });
}

/* ── Parts ─────────────────────────────────────────────────────────────── */

static void
choice_free (AimsQuestionChoice *choice)
{
  g_free (choice->key);
  g_free (choice->label);
  g_free (choice);
}

void
aims_question_add_choice (AimsQuestion *question,
                          const char   *key,
                          const char   *label)
{
  AimsQuestionChoice *choice = g_new0 (AimsQuestionChoice, 1);

  choice->key = g_strdup (key);
  choice->label = g_strdup (label);
  g_ptr_array_add (question->choices, choice);
}

static void
question_free (AimsQuestion *question)
{
  g_free (question->key);
  g_free (question->path);
  g_free (question->prompt);
  g_free (question->help);
  g_ptr_array_unref (question->choices);
  g_free (question->condition_path);
  g_free (question->condition_value);
  g_free (question);
}

AimsQuestion *
aims_question_new (AimsTemplateSection *section,
                   const char          *key)
{
  AimsQuestion *question = g_new0 (AimsQuestion, 1);

  question->key = g_strdup (key);
  question->path = g_strconcat (section->key, ".", key, NULL);
  question->choices = g_ptr_array_new_with_free_func ((GDestroyNotify) choice_free);
  question->section = section;
  g_ptr_array_add (section->questions, question);
  return question;
}

static void
section_free (AimsTemplateSection *section)
{
  g_free (section->key);
  g_free (section->title);
  g_free (section->description);
  g_free (section->step_key);
  g_free (section->step_title);
  g_ptr_array_unref (section->questions);
  g_free (section);
}

AimsTemplateSection *
aims_template_add_section (AimsTemplate *self,
                           const char   *key)
{
  AimsTemplateSection *section = g_new0 (AimsTemplateSection, 1);

  section->key = g_strdup (key);
  section->questions = g_ptr_array_new_with_free_func ((GDestroyNotify) question_free);
  g_ptr_array_add (self->sections, section);
  return section;
}

static void
step_free (AimsTemplateStep *step)
{
  g_free (step->key);
  g_free (step->title);
  g_free (step);
}

AimsTemplate *
aims_template_new (void)
{
  AimsTemplate *self = g_new0 (AimsTemplate, 1);

  self->sections = g_ptr_array_new_with_free_func ((GDestroyNotify) section_free);
  self->steps = g_ptr_array_new_with_free_func ((GDestroyNotify) step_free);
  return self;
}

void
aims_template_free (AimsTemplate *self)
{
  if (self == NULL)
    return;
  g_free (self->reference);
  g_free (self->family);
  g_free (self->name);
  g_free (self->description);
  g_ptr_array_unref (self->sections);
  g_ptr_array_unref (self->steps);
  g_free (self);
}

/* ── Lookups ───────────────────────────────────────────────────────────── */

int
aims_template_section_index (const AimsTemplate *self,
                             const char         *key)
{
  g_return_val_if_fail (self != NULL, -1);

  for (guint i = 0; key != NULL && i < self->sections->len; i++)
    if (g_str_equal (((AimsTemplateSection *) g_ptr_array_index (self->sections, i))->key, key))
      return (int) i;
  return -1;
}

const AimsTemplateSection *
aims_template_find_section (const AimsTemplate *self,
                            const char         *key)
{
  int index = aims_template_section_index (self, key);

  return index >= 0 ? g_ptr_array_index (self->sections, index) : NULL;
}

const AimsQuestion *
aims_template_find_question (const AimsTemplate *self,
                             const char         *path)
{
  g_return_val_if_fail (self != NULL, NULL);

  for (guint s = 0; path != NULL && s < self->sections->len; s++)
    {
      AimsTemplateSection *section = g_ptr_array_index (self->sections, s);

      for (guint q = 0; q < section->questions->len; q++)
        {
          AimsQuestion *question = g_ptr_array_index (section->questions, q);

          if (g_str_equal (question->path, path))
            return question;
        }
    }
  return NULL;
}

const AimsQuestion *
aims_template_question_by_id (const AimsTemplate *self,
                              gint64              id)
{
  g_return_val_if_fail (self != NULL, NULL);

  for (guint s = 0; s < self->sections->len; s++)
    {
      AimsTemplateSection *section = g_ptr_array_index (self->sections, s);

      for (guint q = 0; q < section->questions->len; q++)
        {
          AimsQuestion *question = g_ptr_array_index (section->questions, q);

          if (question->id == id)
            return question;
        }
    }
  return NULL;
}

const AimsTemplateStep *
aims_template_step_of (const AimsTemplate        *self,
                       const AimsTemplateSection *section)
{
  g_return_val_if_fail (self != NULL, NULL);

  for (guint i = 0; section != NULL && i < self->steps->len; i++)
    {
      AimsTemplateStep *step = g_ptr_array_index (self->steps, i);

      if (g_str_equal (step->key, section->step_key))
        return step;
    }
  return NULL;
}

const char *
aims_question_choice_label (const AimsQuestion *question,
                            const char         *key)
{
  g_return_val_if_fail (question != NULL, NULL);

  for (guint i = 0; key != NULL && i < question->choices->len; i++)
    {
      AimsQuestionChoice *choice = g_ptr_array_index (question->choices, i);

      if (g_str_equal (choice->key, key))
        return choice->label;
    }
  return NULL;
}

/* ── Checks ────────────────────────────────────────────────────────────── */

static gboolean
is_key (const char *text)
{
  if (text == NULL || *text == '\0')
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '_')
      return FALSE;
  return TRUE;
}

static gboolean
is_family (const char *text)
{
  if (text == NULL || *text == '\0')
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && strchr ("_-.", *p) == NULL)
      return FALSE;
  return TRUE;
}

static gboolean
refuse (const AimsTemplate  *self,
        GError             **error,
        const char          *format,
        ...) G_GNUC_PRINTF (3, 4);

static gboolean
refuse (const AimsTemplate  *self,
        GError             **error,
        const char          *format,
        ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_INVALID,
               /* Translators: "Template “Impact assessment” version 2: question …" */
               _("Template “%s” version %lld: %s"),
               self->name != NULL ? self->name : "", (long long) self->version, message);
  return FALSE;
}

static gboolean
check_choices (const AimsTemplate  *self,
               const AimsQuestion  *question,
               GError             **error)
{
  switch (question->type)
    {
    case AIMS_QUESTION_SINGLE_CHOICE:
    case AIMS_QUESTION_MULTIPLE_CHOICE:
      if (question->choices->len < 2)
        return refuse (self, error, _("question “%s” needs at least two choices"), question->path);
      for (guint i = 0; i < question->choices->len; i++)
        {
          AimsQuestionChoice *choice = g_ptr_array_index (question->choices, i);

          if (!is_key (choice->key) || choice->label == NULL || *choice->label == '\0')
            return refuse (self, error, _("question “%s”: choice “%s” needs a key of a–z, 0–9 and _ and a label"),
                           question->path, choice->key);
          for (guint j = 0; j < i; j++)
            if (g_str_equal (choice->key, ((AimsQuestionChoice *) g_ptr_array_index (question->choices, j))->key))
              return refuse (self, error, _("question “%s” has the choice “%s” twice"), question->path, choice->key);
        }
      return TRUE;

    case AIMS_QUESTION_SCALE:
      if (question->choices->len < 2)
        return refuse (self, error, _("the scale of question “%s” needs at least two points"), question->path);
      for (guint i = 0; i < question->choices->len; i++)
        {
          AimsQuestionChoice *choice = g_ptr_array_index (question->choices, i);
          g_autofree char *point = g_strdup_printf ("%u", i + 1);

          if (!g_str_equal (choice->key, point))
            return refuse (self, error, _("the scale of question “%s” must number its points 1, 2, 3 … in order"),
                           question->path);
        }
      return TRUE;

    default:
      if (question->choices->len > 0)
        return refuse (self, error, _("question “%s” is of type %s, which has no choices"),
                       question->path, aims_question_type_key (question->type));
      return TRUE;
    }
}

/* The condition's question exists, is not the question itself, and can have
 * the value. */
static gboolean
check_condition (const AimsTemplate  *self,
                 AimsQuestion        *question,
                 GError             **error)
{
  const AimsQuestion *other;

  if (question->condition_path == NULL)
    return TRUE;
  /* "relevant" names a question of the same page. */
  if (strchr (question->condition_path, '.') == NULL)
    {
      char *path = g_strconcat (question->section->key, ".", question->condition_path, NULL);

      g_free (question->condition_path);
      question->condition_path = path;
    }
  other = aims_template_find_question (self, question->condition_path);
  if (other == NULL || other == question)
    return refuse (self, error, _("question “%s” depends on “%s”, which is not another question of the template"),
                   question->path, question->condition_path);
  if (other->type == AIMS_QUESTION_YES_NO)
    {
      if (g_strcmp0 (question->condition_value, "yes") != 0 && g_strcmp0 (question->condition_value, "no") != 0)
        return refuse (self, error, _("question “%s” depends on “%s” being “%s”, which is not yes or no"),
                       question->path, other->path, question->condition_value);
      return TRUE;
    }
  if (other->choices->len == 0 || aims_question_choice_label (other, question->condition_value) == NULL)
    return refuse (self, error, _("question “%s” depends on “%s” being “%s”, which is not one of its choices"),
                   question->path, other->path, question->condition_value);
  return TRUE;
}

/* Consecutive sections of one step_key make a step. */
static gboolean
build_steps (AimsTemplate  *self,
             GError       **error)
{
  g_ptr_array_set_size (self->steps, 0);
  for (guint i = 0; i < self->sections->len; i++)
    {
      AimsTemplateSection *section = g_ptr_array_index (self->sections, i);
      AimsTemplateStep *last = self->steps->len > 0 ? g_ptr_array_index (self->steps, self->steps->len - 1) : NULL;
      AimsTemplateStep *step;

      if (last != NULL && g_str_equal (last->key, section->step_key))
        {
          last->n_sections++;
          continue;
        }
      for (guint s = 0; s < self->steps->len; s++)
        if (g_str_equal (((AimsTemplateStep *) g_ptr_array_index (self->steps, s))->key, section->step_key))
          return refuse (self, error, _("the pages of step “%s” must follow each other"), section->step_key);
      step = g_new0 (AimsTemplateStep, 1);
      step->key = g_strdup (section->step_key);
      step->title = g_strdup (section->step_title);
      step->first_section = i;
      step->n_sections = 1;
      g_ptr_array_add (self->steps, step);
    }
  return TRUE;
}

gboolean
aims_template_check (AimsTemplate  *self,
                     GError       **error)
{
  if (self->name == NULL || *self->name == '\0')
    return refuse (self, error, _("the template needs a name"));
  if (!is_family (self->family))
    return refuse (self, error, _("the family “%s” must be a name of a–z, 0–9, “_”, “-” and “.”"),
                   self->family != NULL ? self->family : "");
  if (self->version < 1)
    return refuse (self, error, _("the version must be 1 or more"));
  if (self->sections->len == 0)
    return refuse (self, error, _("the template has no pages"));

  for (guint s = 0; s < self->sections->len; s++)
    {
      AimsTemplateSection *section = g_ptr_array_index (self->sections, s);

      if (!is_key (section->key))
        return refuse (self, error, _("page “%s” needs a key of a–z, 0–9 and _"), section->key);
      if (aims_template_section_index (self, section->key) != (int) s)
        return refuse (self, error, _("there are two pages “%s”"), section->key);
      if (section->title == NULL || *section->title == '\0')
        return refuse (self, error, _("page “%s” needs a title"), section->key);
      if (section->step_key == NULL)
        section->step_key = g_strdup (section->key);
      if (section->step_title == NULL)
        section->step_title = g_strdup (section->title);
      if (section->questions->len == 0)
        return refuse (self, error, _("page “%s” has no questions"), section->key);

      for (guint q = 0; q < section->questions->len; q++)
        {
          AimsQuestion *question = g_ptr_array_index (section->questions, q);

          if (!is_key (question->key))
            return refuse (self, error, _("question “%s” needs a key of a–z, 0–9 and _"), question->path);
          if (aims_template_find_question (self, question->path) != question)
            return refuse (self, error, _("there are two questions “%s”"), question->path);
          if (question->prompt == NULL || *question->prompt == '\0')
            return refuse (self, error, _("question “%s” needs a prompt"), question->path);
          if (!check_choices (self, question, error))
            return FALSE;
        }
    }
  for (guint s = 0; s < self->sections->len; s++)
    {
      AimsTemplateSection *section = g_ptr_array_index (self->sections, s);

      for (guint q = 0; q < section->questions->len; q++)
        if (!check_condition (self, g_ptr_array_index (section->questions, q), error))
          return FALSE;
    }
  return build_steps (self, error);
}

gboolean
aims_question_set_type (const AimsTemplate  *self,
                        AimsQuestion        *question,
                        const char          *type_key,
                        GError             **error)
{
  g_autofree char *known = NULL;

  if (aims_question_type_from_key (type_key, &question->type))
    return TRUE;
  known = aims_question_type_list ();
  return refuse (self, error, _("question “%s” has the unknown type “%s” (the types are %s)"),
                 question->path, type_key != NULL ? type_key : "", known);
}

gboolean
aims_question_set_condition (const AimsTemplate  *self,
                             AimsQuestion        *question,
                             const char          *condition,
                             GError             **error)
{
  const char *eq;

  if (condition == NULL || *condition == '\0')
    return TRUE;
  eq = strchr (condition, '=');
  if (eq == NULL || eq == condition || eq[1] == '\0')
    return refuse (self, error, _("question “%s”: the condition “%s” is not QUESTION=ANSWER or QUESTION!=ANSWER"),
                   question->path, condition);
  question->condition_negated = eq[-1] == '!';
  question->condition_path = g_strstrip (g_strndup (condition, eq - condition - (question->condition_negated ? 1 : 0)));
  question->condition_value = g_strstrip (g_strdup (eq + 1));
  return TRUE;
}

char *
aims_question_condition_text (const AimsQuestion *question)
{
  if (question->condition_path == NULL)
    return NULL;
  return g_strdup_printf ("%s%s%s", question->condition_path,
                          question->condition_negated ? "!=" : "=", question->condition_value);
}

/* ── Choices as stored: [{"key": …, "label": …}, …] ─────────────────────── */

char *
aims_question_choices_to_json (const AimsQuestion *question)
{
  GString *json;

  if (question->choices->len == 0)
    return NULL;
  json = g_string_new ("[");
  for (guint i = 0; i < question->choices->len; i++)
    {
      AimsQuestionChoice *choice = g_ptr_array_index (question->choices, i);

      g_string_append (json, i > 0 ? ",{\"key\":" : "{\"key\":");
      aims_json_append_string (json, choice->key);
      g_string_append (json, ",\"label\":");
      aims_json_append_string (json, choice->label);
      g_string_append_c (json, '}');
    }
  g_string_append_c (json, ']');
  return g_string_free (json, FALSE);
}

static gboolean
choices_from_json (const AimsTemplate  *self,
                   AimsQuestion        *question,
                   const char          *json,
                   GError             **error)
{
  g_autoptr(GVariant) array = NULL;
  GVariantIter iter;
  GVariant *item;

  if (json == NULL || *json == '\0')
    return TRUE;
  array = aims_json_parse (json, NULL);
  if (array == NULL || !g_variant_is_of_type (array, G_VARIANT_TYPE ("av")))
    return refuse (self, error, _("the choices of question “%s” are not a list"), question->path);
  g_variant_iter_init (&iter, array);
  while ((item = g_variant_iter_next_value (&iter)) != NULL)
    {
      g_autoptr(GVariant) boxed = item;
      g_autoptr(GVariant) object = g_variant_get_variant (boxed);
      const char *key = NULL, *label = NULL;

      if (!g_variant_is_of_type (object, G_VARIANT_TYPE_VARDICT) ||
          !g_variant_lookup (object, "key", "&s", &key) || !g_variant_lookup (object, "label", "&s", &label))
        return refuse (self, error, _("a choice of question “%s” lacks its key or label"), question->path);
      aims_question_add_choice (question, key, label);
    }
  return TRUE;
}

/* ── Reading a stored template ─────────────────────────────────────────── */

static AimsTemplate *
load_header (AimsDb  *db,
             gint64   id,
             GError **error)
{
  g_autoptr(AimsStatement) stmt =
    aims_db_prepare (db, "SELECT reference, family, name, version, description"
                         " FROM assessment_template WHERE id = ?", error);
  AimsTemplate *self;
  AimsStep step;

  if (stmt == NULL)
    return NULL;
  aims_statement_bind_int64 (stmt, 1, id);
  if ((step = aims_statement_step (stmt, error)) == AIMS_STEP_ERROR)
    return NULL;
  if (step == AIMS_STEP_DONE)
    {
      g_set_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_MISSING,
                   _("There is no assessment template with id %lld"), (long long) id);
      return NULL;
    }
  self = aims_template_new ();
  self->id = id;
  self->reference = g_strdup (aims_statement_column_text (stmt, 0));
  self->family = g_strdup (aims_statement_column_text (stmt, 1));
  self->name = g_strdup (aims_statement_column_text (stmt, 2));
  self->version = aims_statement_column_int64 (stmt, 3);
  self->description = g_strdup (aims_statement_column_text (stmt, 4));
  return self;
}

static gboolean
load_sections (AimsDb        *db,
               AimsTemplate  *self,
               GHashTable    *by_id,
               GError       **error)
{
  g_autoptr(AimsStatement) stmt =
    aims_db_prepare (db, "SELECT id, key, title, description, step_key, step_title"
                         " FROM assessment_section WHERE template_id = ? ORDER BY position, id", error);
  AimsStep step;

  if (stmt == NULL)
    return FALSE;
  aims_statement_bind_int64 (stmt, 1, self->id);
  while ((step = aims_statement_step (stmt, error)) == AIMS_STEP_ROW)
    {
      AimsTemplateSection *section = aims_template_add_section (self, aims_statement_column_text (stmt, 1));

      section->id = aims_statement_column_int64 (stmt, 0);
      section->title = g_strdup (aims_statement_column_text (stmt, 2));
      section->description = g_strdup (aims_statement_column_text (stmt, 3));
      section->step_key = g_strdup (aims_statement_column_text (stmt, 4));
      section->step_title = g_strdup (aims_statement_column_text (stmt, 5));
      g_hash_table_insert (by_id, GINT_TO_POINTER ((int) section->id), section);
    }
  return step == AIMS_STEP_DONE;
}

static gboolean
load_questions (AimsDb        *db,
                AimsTemplate  *self,
                GHashTable    *by_id,
                GError       **error)
{
  g_autoptr(AimsStatement) stmt =
    aims_db_prepare (db, "SELECT q.id, q.section_id, q.key, q.prompt, q.help, q.answer_type, q.choices,"
                         " q.required, q.condition FROM assessment_question q"
                         " JOIN assessment_section s ON s.id = q.section_id"
                         " WHERE s.template_id = ? ORDER BY s.position, s.id, q.position, q.id", error);
  AimsStep step;

  if (stmt == NULL)
    return FALSE;
  aims_statement_bind_int64 (stmt, 1, self->id);
  while ((step = aims_statement_step (stmt, error)) == AIMS_STEP_ROW)
    {
      AimsTemplateSection *section = g_hash_table_lookup (by_id, GINT_TO_POINTER ((int) aims_statement_column_int64 (stmt, 1)));
      AimsQuestion *question = aims_question_new (section, aims_statement_column_text (stmt, 2));

      question->id = aims_statement_column_int64 (stmt, 0);
      question->prompt = g_strdup (aims_statement_column_text (stmt, 3));
      question->help = g_strdup (aims_statement_column_text (stmt, 4));
      question->required = aims_statement_column_int64 (stmt, 7) != 0;
      if (!aims_question_set_type (self, question, aims_statement_column_text (stmt, 5), error) ||
          !choices_from_json (self, question, aims_statement_column_text (stmt, 6), error) ||
          !aims_question_set_condition (self, question, aims_statement_column_text (stmt, 8), error))
        return FALSE;
    }
  return step == AIMS_STEP_DONE;
}

AimsTemplate *
aims_template_load (AimsDb  *db,
                    gint64   id,
                    GError **error)
{
  g_autoptr(AimsTemplate) self = NULL;
  g_autoptr(GHashTable) by_id = g_hash_table_new (NULL, NULL);

  g_return_val_if_fail (AIMS_IS_DB (db), NULL);

  if ((self = load_header (db, id, error)) == NULL)
    return NULL;
  if (!load_sections (db, self, by_id, error) || !load_questions (db, self, by_id, error) ||
      !aims_template_check (self, error))
    return NULL;
  return g_steal_pointer (&self);
}
