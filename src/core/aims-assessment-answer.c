/* aims-assessment-answer.c — one answer: checked by its question's type,
 * shown in words, and saved as one audited write
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include <glib/gi18n.h>

#include "aims-assessment-private.h"
#include "aims-audit.h"
#include "aims-date.h"
#include "aims-entity.h"
#include "aims-json.h"
#include "aims-risk-matrix-db.h"
#include "aims-statement.h"
#include "aims-store.h"

char *
aims_question_describe (const AimsQuestion *question)
{
  /* Translators: a question named in a message, "“What could happen?” (Privacy and data protection)" */
  return g_strdup_printf (_("“%s” (%s)"), question->prompt, question->section->title);
}

GDate *
aims_assessment_system_began (AimsRecord *system)
{
  const char *start = aims_record_get (system, "start_date");
  const char *created = aims_record_get_created_at (system);
  g_autofree char *created_day = created != NULL ? g_strndup (created, 10) : NULL;
  GDate *date = start != NULL ? aims_date_parse (start) : NULL;

  return date != NULL ? date : (created_day != NULL ? aims_date_parse (created_day) : NULL);
}

guint
aims_answer_level (const char           *value,
                   const AimsRiskMatrix *matrix)
{
  guint64 level = 0, size = 0;
  g_auto(GStrv) parts = NULL;

  if (value == NULL || matrix == NULL)
    return 0;
  parts = g_strsplit (value, "/", 2);
  if (parts[0] == NULL || parts[1] == NULL ||
      !g_ascii_string_to_unsigned (parts[0], 10, 1, AIMS_RISK_MATRIX_MAX_SIZE, &level, NULL) ||
      !g_ascii_string_to_unsigned (parts[1], 10, AIMS_RISK_MATRIX_MIN_SIZE, AIMS_RISK_MATRIX_MAX_SIZE, &size, NULL) ||
      level > size)
    return 0;
  /* A level given on a matrix of another size stands where it stood. */
  return aims_risk_matrix_map_level ((guint) size, matrix->size, (guint) level);
}

/* ── Checking ──────────────────────────────────────────────────────────── */

static char *
refuse (const AimsQuestion  *question,
        GError             **error,
        const char          *format,
        ...) G_GNUC_PRINTF (3, 4);

static char *
refuse (const AimsQuestion  *question,
        GError             **error,
        const char          *format,
        ...)
{
  g_autofree char *name = aims_question_describe (question);
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_INVALID, "%s: %s", name, message);
  return NULL;
}

/* A choice by key or by label, in any case. */
static const char *
choice_from_text (const AimsQuestion *question,
                  const char         *text)
{
  for (guint i = 0; i < question->choices->len; i++)
    {
      AimsQuestionChoice *choice = g_ptr_array_index (question->choices, i);

      if (g_ascii_strcasecmp (choice->key, text) == 0 || g_utf8_collate (choice->label, text) == 0)
        return choice->key;
    }
  for (guint i = 0; i < question->choices->len; i++)
    {
      AimsQuestionChoice *choice = g_ptr_array_index (question->choices, i);
      g_autofree char *a = g_utf8_casefold (choice->label, -1);
      g_autofree char *b = g_utf8_casefold (text, -1);

      if (g_str_equal (a, b))
        return choice->key;
    }
  return NULL;
}

static char *
choice_keys (const AimsQuestion *question)
{
  g_autoptr(GString) keys = g_string_new (NULL);

  for (guint i = 0; i < question->choices->len; i++)
    g_string_append_printf (keys, "%s%s", i > 0 ? ", " : "",
                            ((AimsQuestionChoice *) g_ptr_array_index (question->choices, i))->key);
  return g_string_free (g_steal_pointer (&keys), FALSE);
}

static char *
normalize_multiple (const AimsQuestion  *question,
                    const char          *text,
                    GError             **error)
{
  g_autoptr(GPtrArray) chosen = g_ptr_array_new ();
  g_auto(GStrv) parts = NULL;
  const char *whole = choice_from_text (question, text);
  GString *stored;

  /* A whole label may hold commas itself. */
  if (whole != NULL)
    return g_strdup (whole);
  parts = g_strsplit_set (text, ",\n", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      const char *key;

      g_strstrip (parts[i]);
      if (*parts[i] == '\0')
        continue;
      if ((key = choice_from_text (question, parts[i])) == NULL)
        {
          g_autofree char *keys = choice_keys (question);

          return refuse (question, error, _("“%s” is not one of the choices (%s)"), parts[i], keys);
        }
      g_ptr_array_add (chosen, (gpointer) key);
    }
  if (chosen->len > 1 && g_ptr_array_find_with_equal_func (chosen, AIMS_CHOICE_NONE, g_str_equal, NULL))
    return refuse (question, error, _("“%s” cannot be chosen together with another answer"),
                   aims_question_choice_label (question, AIMS_CHOICE_NONE));

  /* In the choices' order, each once: the same answer is stored the same. */
  stored = g_string_new (NULL);
  for (guint i = 0; i < question->choices->len; i++)
    {
      const char *key = ((AimsQuestionChoice *) g_ptr_array_index (question->choices, i))->key;

      if (g_ptr_array_find_with_equal_func (chosen, key, g_str_equal, NULL))
        g_string_append_printf (stored, "%s%s", stored->len > 0 ? "," : "", key);
    }
  return g_string_free (stored, FALSE);
}

static char *
normalize_date (const AimsQuestion     *question,
                const char             *text,
                const AimsAnswerRules  *rules,
                GError                **error)
{
  g_autoptr(GDate) date = NULL;
  g_autofree char *iso = NULL;

  if (strlen (text) != 10 || (date = aims_date_parse (text)) == NULL)
    return refuse (question, error, _("“%s” is not a valid date (use YYYY-MM-DD)"), text);
  iso = aims_date_format_iso (date);
  if (rules->not_before != NULL && g_date_compare (date, rules->not_before) < 0)
    {
      g_autofree char *began = aims_date_format_iso (rules->not_before);

      return refuse (question, error, _("%s is before the AI system existed (it began on %s)"), iso, began);
    }
  return g_steal_pointer (&iso);
}

static char *
normalize_level (const AimsQuestion     *question,
                 const char             *text,
                 const AimsAnswerRules  *rules,
                 GError                **error)
{
  AimsRiskAxis axis = question->type == AIMS_QUESTION_LIKELIHOOD ? AIMS_RISK_AXIS_LIKELIHOOD : AIMS_RISK_AXIS_IMPACT;
  guint level;

  g_return_val_if_fail (rules->matrix != NULL, NULL);

  /* As stored ("4/5"), so that a stored answer can be checked again. */
  if (strchr (text, '/') != NULL && (level = aims_answer_level (text, rules->matrix)) > 0)
    return g_strdup_printf ("%u/%u", level, rules->matrix->size);
  if ((level = aims_risk_matrix_level_from_text (rules->matrix, axis, text)) == 0)
    return refuse (question, error, _("“%s” is not a level of the risk matrix (1 to %u, or its label)"),
                   text, rules->matrix->size);
  return g_strdup_printf ("%u/%u", level, rules->matrix->size);
}

static char *
normalize_person (const AimsQuestion     *question,
                  const char             *text,
                  const AimsAnswerRules  *rules,
                  GError                **error)
{
  g_autoptr(GError) local_error = NULL;
  char *id;

  if (rules->db == NULL)
    {
      guint64 number;

      if (!g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT64, &number, NULL))
        return refuse (question, error, _("“%s” is not a person"), text);
      return g_strdup (text);
    }
  if ((id = aims_store_resolve_person (rules->db, text, &local_error)) == NULL)
    return refuse (question, error, "%s", local_error->message);
  return id;
}

char *
aims_answer_normalize (const AimsQuestion     *question,
                       const char             *value,
                       const AimsAnswerRules  *rules,
                       GError                **error)
{
  g_autofree char *text = g_strstrip (g_strdup (value != NULL ? value : ""));
  const char *key;
  guint64 point;

  if (!g_utf8_validate (text, -1, NULL))
    return refuse (question, error, _("the text is not valid UTF-8"));
  if (*text == '\0')
    return g_strdup ("");

  switch (question->type)
    {
    case AIMS_QUESTION_TEXT:
      if (strpbrk (text, "\n\r") != NULL)
        return refuse (question, error, _("the answer must fit on one line"));
      if (g_utf8_strlen (text, -1) > AIMS_TEXT_MAX_LENGTH)
        return refuse (question, error, _("the answer is too long: at most %u characters"), AIMS_TEXT_MAX_LENGTH);
      return g_steal_pointer (&text);

    case AIMS_QUESTION_LONG_TEXT:
      if (g_utf8_strlen (text, -1) > AIMS_LONG_TEXT_MAX_LENGTH)
        return refuse (question, error, _("the answer is too long: at most %u characters"),
                       AIMS_LONG_TEXT_MAX_LENGTH);
      return g_steal_pointer (&text);

    case AIMS_QUESTION_SINGLE_CHOICE:
      if ((key = choice_from_text (question, text)) == NULL)
        {
          g_autofree char *keys = choice_keys (question);

          return refuse (question, error, _("“%s” is not one of the choices (%s)"), text, keys);
        }
      return g_strdup (key);

    case AIMS_QUESTION_MULTIPLE_CHOICE:
      return normalize_multiple (question, text, error);

    case AIMS_QUESTION_YES_NO:
      if (g_ascii_strcasecmp (text, "yes") == 0 || g_ascii_strcasecmp (text, "true") == 0 ||
          g_str_equal (text, "1") || g_utf8_collate (text, _("Yes")) == 0)
        return g_strdup ("yes");
      if (g_ascii_strcasecmp (text, "no") == 0 || g_ascii_strcasecmp (text, "false") == 0 ||
          g_str_equal (text, "0") || g_utf8_collate (text, _("No")) == 0)
        return g_strdup ("no");
      return refuse (question, error, _("“%s” is not yes or no"), text);

    case AIMS_QUESTION_SCALE:
      if (g_ascii_string_to_unsigned (text, 10, 1, question->choices->len, &point, NULL))
        return g_strdup_printf ("%" G_GUINT64_FORMAT, point);
      if ((key = choice_from_text (question, text)) != NULL)
        return g_strdup (key);
      return refuse (question, error, _("“%s” is not a point of the scale (1 to %u)"), text, question->choices->len);

    case AIMS_QUESTION_DATE:
      return normalize_date (question, text, rules, error);

    case AIMS_QUESTION_PERSON:
      return normalize_person (question, text, rules, error);

    case AIMS_QUESTION_LIKELIHOOD:
    case AIMS_QUESTION_IMPACT:
      return normalize_level (question, text, rules, error);

    case AIMS_QUESTION_N_TYPES:
    default:
      g_return_val_if_reached (NULL);
    }
}

/* ── Reading ───────────────────────────────────────────────────────────── */

gboolean
aims_assessment_question_applies (AimsAssessment     *self,
                                  const AimsQuestion *question)
{
  g_auto(GStrv) keys = NULL;
  const char *value;
  gboolean holds;

  g_return_val_if_fail (self != NULL && question != NULL, FALSE);

  if (question->condition_path == NULL)
    return TRUE;
  value = aims_assessment_get_value_at (self, question->condition_path);
  /* Not asked until the question it depends on is answered. */
  if (value == NULL)
    return FALSE;
  keys = g_strsplit (value, ",", -1);
  holds = g_strv_contains ((const char *const *) keys, question->condition_value);
  return question->condition_negated ? !holds : holds;
}

char *
aims_assessment_display_value (AimsAssessment     *self,
                               const AimsQuestion *question,
                               const char         *value)
{
  g_return_val_if_fail (self != NULL && question != NULL, NULL);

  if (value == NULL)
    return NULL;
  switch (question->type)
    {
    case AIMS_QUESTION_SINGLE_CHOICE:
    case AIMS_QUESTION_MULTIPLE_CHOICE:
      {
        g_auto(GStrv) keys = g_strsplit (value, ",", -1);
        g_autoptr(GString) shown = g_string_new (NULL);

        for (guint i = 0; keys[i] != NULL; i++)
          {
            const char *label = aims_question_choice_label (question, keys[i]);

            g_string_append_printf (shown, "%s%s", i > 0 ? "; " : "", label != NULL ? label : keys[i]);
          }
        return g_string_free (g_steal_pointer (&shown), FALSE);
      }

    case AIMS_QUESTION_YES_NO:
      return g_strdup (g_str_equal (value, "yes") ? _("Yes") : g_str_equal (value, "no") ? _("No") : value);

    case AIMS_QUESTION_SCALE:
      {
        const char *label = aims_question_choice_label (question, value);

        /* Translators: a point of a scale and its label, "4 – Very hard" */
        return label != NULL ? g_strdup_printf (_("%s – %s"), value, label) : g_strdup (value);
      }

    case AIMS_QUESTION_PERSON:
      {
        const char *name = g_hash_table_lookup (self->person_names, value);

        return g_strdup (name != NULL ? name : value);
      }

    case AIMS_QUESTION_LIKELIHOOD:
    case AIMS_QUESTION_IMPACT:
      {
        AimsRiskAxis axis = question->type == AIMS_QUESTION_LIKELIHOOD ? AIMS_RISK_AXIS_LIKELIHOOD
                                                                       : AIMS_RISK_AXIS_IMPACT;
        guint level = aims_answer_level (value, self->matrix);
        const char *label = aims_risk_matrix_level_label (self->matrix, axis, level);

        /* Translators: a level of the risk matrix, "4 Likely" */
        return label != NULL ? g_strdup_printf (_("%u %s"), level, label) : g_strdup (value);
      }

    case AIMS_QUESTION_TEXT:
    case AIMS_QUESTION_LONG_TEXT:
    case AIMS_QUESTION_DATE:
    default:
      return g_strdup (value);
    }
}

/* ── Saving ────────────────────────────────────────────────────────────── */

static void
append_answer_json (GString          *json,
                    AimsRecord       *assessment,
                    const AimsQuestion *question,
                    const char       *value,
                    gint64            row_version)
{
  g_string_append (json, "{\"assessment\":");
  aims_json_append_string (json, aims_record_get_reference (assessment));
  g_string_append (json, ",\"question\":");
  aims_json_append_string (json, question->path);
  g_string_append (json, ",\"value\":");
  aims_json_append_string (json, value);
  g_string_append_printf (json, ",\"row_version\":%" G_GINT64_FORMAT "}", row_version);
}

AimsAnswer *
aims_assessment_write_answer (AimsDb              *db,
                              AimsRecord          *assessment,
                              const AimsQuestion  *question,
                              const AimsAnswer    *stored,
                              const char          *value,
                              const char          *author,
                              const char          *action,
                              GError             **error)
{
  g_autoptr(AimsStatement) stmt = NULL;
  g_autoptr(GString) before = g_string_new (NULL);
  g_autoptr(GString) after = g_string_new (NULL);
  g_autoptr(AimsAnswer) answer = g_new0 (AimsAnswer, 1);

  answer->question_id = question->id;
  answer->value = g_strdup (value);
  answer->row_version = stored != NULL ? stored->row_version + 1 : 1;
  answer->updated_at = aims_timestamp_now ();
  answer->updated_by = g_strdup (author);

  if (stored != NULL)
    stmt = aims_db_prepare (db, "UPDATE assessment_answer SET value = ?, updated_at = ?, updated_by = ?,"
                                " row_version = ? WHERE id = ? AND row_version = ?", error);
  else
    stmt = aims_db_prepare (db, "INSERT INTO assessment_answer (value, updated_at, updated_by, row_version,"
                                " assessment_id, question_id) VALUES (?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return NULL;
  aims_statement_bind_text (stmt, 1, value);
  aims_statement_bind_text (stmt, 2, answer->updated_at);
  aims_statement_bind_text (stmt, 3, author);
  aims_statement_bind_int64 (stmt, 4, answer->row_version);
  aims_statement_bind_int64 (stmt, 5, stored != NULL ? stored->id : aims_record_get_id (assessment));
  aims_statement_bind_int64 (stmt, 6, stored != NULL ? stored->row_version : question->id);
  if (!aims_statement_run (stmt, error))
    return NULL;
  answer->id = stored != NULL ? stored->id : aims_db_last_insert_rowid (db);

  if (stored != NULL)
    append_answer_json (before, assessment, question, stored->value, stored->row_version);
  append_answer_json (after, assessment, question, value, answer->row_version);
  if (!aims_audit_append (db, author, "assessment_answer", answer->id, action,
                          stored != NULL ? before->str : NULL, after->str, error))
    return NULL;
  return g_steal_pointer (&answer);
}

static AimsAnswer *
save_in_transaction (AimsDb      *db,
                     gint64       assessment_id,
                     gint64       question_id,
                     const char  *value,
                     gint64       expected_version,
                     const char  *author,
                     GError     **error)
{
  g_autoptr(AimsRecord) record = aims_assessment_load_draft (db, assessment_id, error);
  g_autoptr(AimsAssessment) assessment = NULL;
  g_autoptr(GDate) began = NULL;
  g_autofree char *normalized = NULL;
  const AimsQuestion *question;
  const AimsAnswer *stored;
  AimsAnswerRules rules = { db, NULL, NULL };

  if (record == NULL || (assessment = aims_assessment_load (db, assessment_id, error)) == NULL)
    return NULL;
  if ((question = aims_template_question_by_id (assessment->template, question_id)) == NULL)
    {
      g_set_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_INVALID,
                   _("Question %lld is not a question of %s"), (long long) question_id,
                   aims_record_get_reference (record));
      return NULL;
    }

  stored = aims_assessment_lookup_answer (assessment, question);
  if (expected_version >= 0 && (stored != NULL ? stored->row_version : 0) != expected_version)
    {
      g_autofree char *name = aims_question_describe (question);

      g_set_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_CONFLICT,
                   _("The answer to %s was changed by %s at %s since it was read: nothing was saved"),
                   name, stored != NULL ? stored->updated_by : "?", stored != NULL ? stored->updated_at : "?");
      return NULL;
    }

  began = aims_assessment_system_began (assessment->system);
  rules.matrix = assessment->matrix;
  rules.not_before = began;
  if ((normalized = aims_answer_normalize (question, value, &rules, error)) == NULL)
    return NULL;
  if (*normalized == '\0')
    g_clear_pointer (&normalized, g_free);
  /* Saving what is stored writes nothing and logs nothing. */
  if (stored != NULL && g_strcmp0 (stored->value, normalized) == 0)
    {
      AimsAnswer *same = g_new0 (AimsAnswer, 1);

      *same = *stored;
      same->value = g_strdup (stored->value);
      same->updated_at = g_strdup (stored->updated_at);
      same->updated_by = g_strdup (stored->updated_by);
      return same;
    }
  if (stored == NULL && normalized == NULL)
    {
      AimsAnswer *none = g_new0 (AimsAnswer, 1);

      none->question_id = question_id;
      return none;
    }
  return aims_assessment_write_answer (db, record, question, stored, normalized, author, "answer", error);
}

AimsAnswer *
aims_assessment_save_answer (AimsDb      *db,
                             gint64       assessment_id,
                             gint64       question_id,
                             const char  *value,
                             gint64       expected_version,
                             const char  *author,
                             GError     **error)
{
  g_autoptr(AimsAnswer) answer = NULL;

  g_return_val_if_fail (AIMS_IS_DB (db), NULL);

  if (!aims_db_begin_write (db, error))
    return NULL;
  answer = save_in_transaction (db, assessment_id, question_id, value, expected_version,
                                author != NULL ? author : aims_default_author (), error);
  if (!aims_db_end_write (db, answer != NULL, error))
    return NULL;
  return g_steal_pointer (&answer);
}
