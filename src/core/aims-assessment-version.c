/* aims-assessment-version.c — a new version as a copy of the last one, and
 * two versions compared answer by answer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "aims-assessment-private.h"
#include "aims-assessment-workflow.h"
#include "aims-statement.h"
#include "aims-store.h"
#include "aims-store-private.h"

/* What a new version copies of the record besides its answers. */
static const char *const copied_fields[] = {
  "title", "ai_system_id", "template_id", "assessor_id",
  "eu_proposed_class", "eu_proposed_role", "eu_class", "eu_role", "eu_reason", NULL
};

/* The newer version of record, if one was started: its record, or NULL. */
static gboolean
find_newer (AimsDb      *db,
            AimsRecord  *record,
            AimsRecord **newer,
            GError     **error)
{
  g_autoptr(AimsStatement) stmt =
    aims_db_prepare (db, "SELECT id FROM impact_assessment WHERE supersedes_id = ? ORDER BY id DESC LIMIT 1", error);
  AimsStep step;

  *newer = NULL;
  if (stmt == NULL)
    return FALSE;
  aims_statement_bind_int64 (stmt, 1, aims_record_get_id (record));
  if ((step = aims_statement_step (stmt, error)) == AIMS_STEP_ERROR)
    return FALSE;
  if (step == AIMS_STEP_ROW &&
      (*newer = aims_store_load (db, aims_entity_assessments (), aims_statement_column_int64 (stmt, 0), error)) == NULL)
    return FALSE;
  return TRUE;
}

static gboolean
check_can_copy (AimsDb      *db,
                AimsRecord  *source,
                GError     **error)
{
  g_autoptr(AimsRecord) newer = NULL;
  g_autofree char *name = aims_assessment_describe (source);

  if (!find_newer (db, source, &newer, error))
    return FALSE;
  if (newer != NULL)
    {
      g_autofree char *newer_name = aims_assessment_describe (newer);

      g_set_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_INVALID,
                   _("%s has a newer version already, %s (%s): continue with that one"),
                   name, newer_name, aims_assessment_status_label (aims_assessment_record_get_status (newer)));
      return FALSE;
    }
  if (aims_assessment_record_get_status (source) != AIMS_ASSESSMENT_APPROVED)
    {
      g_set_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_INVALID,
                   _("%s is %s: a new version starts from an approved one; change this one instead"),
                   name, aims_assessment_status_label (aims_assessment_record_get_status (source)));
      return FALSE;
    }
  return TRUE;
}

static AimsRecord *
new_version_in_transaction (AimsDb      *db,
                            gint64       id,
                            const char  *author,
                            GError     **error)
{
  g_autoptr(AimsAssessment) source = aims_assessment_load (db, id, error);
  g_autoptr(GHashTable) normalized = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autoptr(AimsRecord) copy = NULL;
  GHashTableIter iter;
  gpointer value;

  if (source == NULL || !check_can_copy (db, source->record, error))
    return NULL;
  for (guint i = 0; copied_fields[i] != NULL; i++)
    g_hash_table_insert (normalized, (gpointer) copied_fields[i],
                         g_strdup (aims_record_get (source->record, copied_fields[i])));
  g_hash_table_insert (normalized, "version",
                       g_strdup_printf ("%" G_GINT64_FORMAT,
                                        g_ascii_strtoll (aims_record_get (source->record, "version"), NULL, 10) + 1));
  g_hash_table_insert (normalized, "supersedes_id", g_strdup_printf ("%" G_GINT64_FORMAT, id));
  g_hash_table_insert (normalized, "status", g_strdup (AIMS_ASSESSMENT_STATUS_DRAFT));
  g_hash_table_insert (normalized, "current_step",
                       g_strdup (((AimsTemplateSection *) g_ptr_array_index (source->template->sections, 0))->key));
  if ((copy = aims_store_insert_in_transaction (db, aims_entity_assessments (), normalized, author,
                                                "new_version", error)) == NULL)
    return NULL;

  g_hash_table_iter_init (&iter, source->answers);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      AimsAnswer *answer = value;
      const AimsQuestion *question = aims_template_question_by_id (source->template, answer->question_id);
      g_autoptr(AimsAnswer) copied = NULL;

      if (answer->value == NULL || question == NULL)
        continue;
      copied = aims_assessment_write_answer (db, copy, question, NULL, answer->value, author, "copy", error);
      if (copied == NULL)
        return NULL;
    }
  if (!aims_assessment_copy_links (db, id, aims_record_get_id (copy), error) ||
      !aims_assessment_copy_control_links (db, id, aims_record_get_id (copy), error))
    return NULL;
  return g_steal_pointer (&copy);
}

AimsRecord *
aims_assessment_new_version (AimsDb      *db,
                             gint64       assessment_id,
                             const char  *author,
                             GError     **error)
{
  g_autoptr(AimsRecord) record = NULL;

  g_return_val_if_fail (AIMS_IS_DB (db), NULL);

  if (!aims_db_begin_write (db, error))
    return NULL;
  record = new_version_in_transaction (db, assessment_id, author != NULL ? author : aims_default_author (), error);
  if (!aims_db_end_write (db, record != NULL, error))
    return NULL;
  return g_steal_pointer (&record);
}

/* ── Comparing ─────────────────────────────────────────────────────────── */

void
aims_answer_change_free (AimsAnswerChange *change)
{
  if (change == NULL)
    return;
  g_free (change->path);
  g_free (change->section_title);
  g_free (change->prompt);
  g_free (change->before);
  g_free (change->after);
  g_free (change);
}

static void
add_change (GPtrArray          *changes,
            const AimsQuestion *question,
            char               *before,
            char               *after,
            gboolean            include_same)
{
  AimsAnswerChange *change;
  AimsAnswerChangeKind kind;

  if (before == NULL && after == NULL)
    return;
  if (before == NULL)
    kind = AIMS_ANSWER_ADDED;
  else if (after == NULL)
    kind = AIMS_ANSWER_REMOVED;
  else
    kind = g_str_equal (before, after) ? AIMS_ANSWER_SAME : AIMS_ANSWER_CHANGED;
  if (kind == AIMS_ANSWER_SAME && !include_same)
    {
      g_free (before);
      g_free (after);
      return;
    }
  change = g_new0 (AimsAnswerChange, 1);
  change->kind = kind;
  change->path = g_strdup (question->path);
  change->section_title = g_strdup (question->section->title);
  change->prompt = g_strdup (question->prompt);
  change->before = before;
  change->after = after;
  g_ptr_array_add (changes, change);
}

/* The answer at path in self as a person reads it, or NULL. */
static char *
shown_at (AimsAssessment *self,
          const char     *path)
{
  const AimsQuestion *question = aims_template_find_question (self->template, path);

  if (question == NULL)
    return NULL;
  return aims_assessment_display_value (self, question, aims_assessment_get_value (self, question));
}

GPtrArray *
aims_assessment_compare (AimsAssessment *a,
                         AimsAssessment *b,
                         gboolean        include_same)
{
  GPtrArray *changes = g_ptr_array_new_with_free_func ((GDestroyNotify) aims_answer_change_free);

  g_return_val_if_fail (a != NULL && b != NULL, changes);

  for (guint s = 0; s < b->template->sections->len; s++)
    {
      AimsTemplateSection *section = g_ptr_array_index (b->template->sections, s);

      for (guint q = 0; q < section->questions->len; q++)
        {
          const AimsQuestion *question = g_ptr_array_index (section->questions, q);

          add_change (changes, question, shown_at (a, question->path),
                      aims_assessment_display_value (b, question, aims_assessment_get_value (b, question)),
                      include_same);
        }
    }
  /* Questions of a's template that b's does not ask. */
  for (guint s = 0; s < a->template->sections->len; s++)
    {
      AimsTemplateSection *section = g_ptr_array_index (a->template->sections, s);

      for (guint q = 0; q < section->questions->len; q++)
        {
          const AimsQuestion *question = g_ptr_array_index (section->questions, q);

          if (aims_template_find_question (b->template, question->path) == NULL)
            add_change (changes, question, shown_at (a, question->path), NULL, include_same);
        }
    }
  return changes;
}
