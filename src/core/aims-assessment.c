/* aims-assessment.c — starting an impact assessment, reading it back, the
 * page where it was left, and where each AI system stands
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "aims-assessment-private.h"
#include "aims-date.h"
#include "aims-risk-matrix-db.h"
#include "aims-statement.h"
#include "aims-store.h"
#include "aims-store-private.h"
#include "aims-template-private.h"

static const char *const status_keys[] = {
  AIMS_ASSESSMENT_STATUS_DRAFT, AIMS_ASSESSMENT_STATUS_IN_REVIEW,
  AIMS_ASSESSMENT_STATUS_APPROVED, AIMS_ASSESSMENT_STATUS_SUPERSEDED,
};

const char *
aims_assessment_status_key (AimsAssessmentStatus status)
{
  g_return_val_if_fail (status < AIMS_ASSESSMENT_N_STATUSES, NULL);
  return status_keys[status];
}

const char *
aims_assessment_status_label (AimsAssessmentStatus status)
{
  const AimsField *field = aims_entity_find_field (aims_entity_assessments (), "status");

  return aims_field_choice_label (field, aims_assessment_status_key (status));
}

AimsAssessmentStatus
aims_assessment_record_get_status (AimsRecord *record)
{
  const char *key = aims_record_get (record, "status");

  for (guint i = 0; key != NULL && i < G_N_ELEMENTS (status_keys); i++)
    if (g_str_equal (status_keys[i], key))
      return i;
  return AIMS_ASSESSMENT_DRAFT;
}

/* ── Freeing ───────────────────────────────────────────────────────────── */

void
aims_answer_free (AimsAnswer *answer)
{
  if (answer == NULL)
    return;
  g_free (answer->value);
  g_free (answer->updated_at);
  g_free (answer->updated_by);
  g_free (answer);
}

void
aims_assessment_free (AimsAssessment *self)
{
  if (self == NULL)
    return;
  g_clear_object (&self->record);
  g_clear_object (&self->system);
  g_clear_pointer (&self->template, aims_template_free);
  g_clear_pointer (&self->matrix, aims_risk_matrix_free);
  g_clear_pointer (&self->answers, g_hash_table_unref);
  g_clear_pointer (&self->person_names, g_hash_table_unref);
  g_free (self);
}

void
aims_system_assessment_free (AimsSystemAssessment *self)
{
  if (self == NULL)
    return;
  g_clear_object (&self->current);
  g_clear_object (&self->in_progress);
  g_free (self->next_review_date);
  g_free (self);
}

/* ── Reading ───────────────────────────────────────────────────────────── */

GHashTable *
aims_assessment_load_answers (AimsDb  *db,
                              gint64   assessment_id,
                              GError **error)
{
  g_autoptr(GHashTable) answers = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL,
                                                         (GDestroyNotify) aims_answer_free);
  g_autoptr(AimsStatement) stmt =
    aims_db_prepare (db, "SELECT id, question_id, value, row_version, updated_at, updated_by"
                         " FROM assessment_answer WHERE assessment_id = ?", error);
  AimsStep step;

  if (stmt == NULL)
    return NULL;
  aims_statement_bind_int64 (stmt, 1, assessment_id);
  while ((step = aims_statement_step (stmt, error)) == AIMS_STEP_ROW)
    {
      AimsAnswer *answer = g_new0 (AimsAnswer, 1);

      answer->id = aims_statement_column_int64 (stmt, 0);
      answer->question_id = aims_statement_column_int64 (stmt, 1);
      answer->value = g_strdup (aims_statement_column_text (stmt, 2));
      answer->row_version = aims_statement_column_int64 (stmt, 3);
      answer->updated_at = g_strdup (aims_statement_column_text (stmt, 4));
      answer->updated_by = g_strdup (aims_statement_column_text (stmt, 5));
      g_hash_table_insert (answers, &answer->question_id, answer);
    }
  if (step == AIMS_STEP_ERROR)
    return NULL;
  return g_steal_pointer (&answers);
}

static GHashTable *
load_person_names (AimsDb  *db,
                   GError **error)
{
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(AimsStatement) stmt = aims_db_prepare (db, "SELECT id, name FROM person", error);
  AimsStep step;

  if (stmt == NULL)
    return NULL;
  while ((step = aims_statement_step (stmt, error)) == AIMS_STEP_ROW)
    g_hash_table_insert (names, g_strdup (aims_statement_column_text (stmt, 0)),
                         g_strdup (aims_statement_column_text (stmt, 1)));
  if (step == AIMS_STEP_ERROR)
    return NULL;
  return g_steal_pointer (&names);
}

static gint64
record_int (AimsRecord *record,
            const char *field)
{
  const char *value = aims_record_get (record, field);

  return value != NULL ? g_ascii_strtoll (value, NULL, 10) : 0;
}

AimsAssessment *
aims_assessment_load (AimsDb  *db,
                      gint64   id,
                      GError **error)
{
  g_autoptr(AimsAssessment) self = g_new0 (AimsAssessment, 1);

  g_return_val_if_fail (AIMS_IS_DB (db), NULL);

  if ((self->record = aims_store_load (db, aims_entity_assessments (), id, error)) == NULL ||
      (self->template = aims_template_load (db, record_int (self->record, "template_id"), error)) == NULL ||
      (self->system = aims_store_load (db, aims_entity_systems (),
                                       record_int (self->record, "ai_system_id"), error)) == NULL ||
      (self->matrix = aims_risk_matrix_load (db, error)) == NULL ||
      (self->answers = aims_assessment_load_answers (db, id, error)) == NULL ||
      (self->person_names = load_person_names (db, error)) == NULL)
    return NULL;
  return g_steal_pointer (&self);
}

char *
aims_assessment_describe (AimsRecord *record)
{
  /* Translators: an impact assessment named in a message, "AIA-004 version 2" */
  return g_strdup_printf (_("%s version %s"), aims_record_get_reference (record),
                          aims_record_get (record, "version"));
}

AimsRecord *
aims_assessment_load_draft (AimsDb  *db,
                            gint64   assessment_id,
                            GError **error)
{
  g_autoptr(AimsRecord) record = aims_store_load (db, aims_entity_assessments (), assessment_id, error);

  if (record == NULL)
    return NULL;
  if (aims_assessment_record_get_status (record) != AIMS_ASSESSMENT_DRAFT)
    {
      aims_assessment_set_frozen_error (record, error);
      return NULL;
    }
  return g_steal_pointer (&record);
}

const AimsAnswer *
aims_assessment_lookup_answer (AimsAssessment     *self,
                               const AimsQuestion *question)
{
  g_return_val_if_fail (self != NULL && question != NULL, NULL);
  return g_hash_table_lookup (self->answers, &question->id);
}

const char *
aims_assessment_get_value (AimsAssessment     *self,
                           const AimsQuestion *question)
{
  const AimsAnswer *answer = aims_assessment_lookup_answer (self, question);

  return answer != NULL ? answer->value : NULL;
}

const char *
aims_assessment_get_value_at (AimsAssessment *self,
                              const char     *path)
{
  const AimsQuestion *question;

  g_return_val_if_fail (self != NULL, NULL);
  question = aims_template_find_question (self->template, path);
  return question != NULL ? aims_assessment_get_value (self, question) : NULL;
}

const AimsTemplateSection *
aims_assessment_resume_section (AimsAssessment *self)
{
  const AimsTemplateSection *section;

  g_return_val_if_fail (self != NULL, NULL);

  section = aims_template_find_section (self->template, aims_record_get (self->record, "current_step"));
  return section != NULL ? section : g_ptr_array_index (self->template->sections, 0);
}

/* ── Starting one ──────────────────────────────────────────────────────── */

static char *
id_text (gint64 id)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, id);
}

static AimsRecord *
create_in_transaction (AimsDb      *db,
                       gint64       system_id,
                       gint64       template_id,
                       gint64       assessor_id,
                       const char  *author,
                       GError     **error)
{
  const AimsEntity *entity = aims_entity_assessments ();
  g_autoptr(AimsRecord) system = NULL;
  g_autoptr(AimsTemplate) template = NULL;
  g_autoptr(GHashTable) normalized = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autofree char *assessor_text = id_text (assessor_id);
  g_autoptr(GError) local_error = NULL;
  char *assessor;

  if ((system = aims_store_load (db, aims_entity_systems (), system_id, &local_error)) == NULL)
    {
      g_set_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_INVALID, "%s", local_error->message);
      return NULL;
    }
  assessor = aims_store_normalize_value (db, aims_entity_find_field (entity, "assessor_id"), assessor_text, error);
  if (assessor == NULL)
    return NULL;
  g_hash_table_insert (normalized, "assessor_id", assessor);

  if (template_id == 0 && (template_id = aims_template_ensure_default_in_transaction (db, author, error)) == 0)
    return NULL;
  /* A wrong template is refused here, before anyone answers it. */
  if ((template = aims_template_load (db, template_id, error)) == NULL)
    return NULL;

  /* Translators: the title of an impact assessment, "Impact assessment of Fraud detection" */
  g_hash_table_insert (normalized, "title", g_strdup_printf (_("Impact assessment of %s"),
                                                             aims_record_get_title (system)));
  g_hash_table_insert (normalized, "ai_system_id", id_text (system_id));
  g_hash_table_insert (normalized, "template_id", id_text (template_id));
  g_hash_table_insert (normalized, "version", g_strdup ("1"));
  g_hash_table_insert (normalized, "status", g_strdup (AIMS_ASSESSMENT_STATUS_DRAFT));
  g_hash_table_insert (normalized, "current_step",
                       g_strdup (((AimsTemplateSection *) g_ptr_array_index (template->sections, 0))->key));
  return aims_store_insert_in_transaction (db, entity, normalized, author, "insert", error);
}

AimsRecord *
aims_assessment_create (AimsDb      *db,
                        gint64       system_id,
                        gint64       template_id,
                        gint64       assessor_id,
                        const char  *author,
                        GError     **error)
{
  g_autoptr(AimsRecord) record = NULL;

  g_return_val_if_fail (AIMS_IS_DB (db), NULL);

  if (!aims_db_begin_write (db, error))
    return NULL;
  record = create_in_transaction (db, system_id, template_id, assessor_id,
                                  author != NULL ? author : aims_default_author (), error);
  if (!aims_db_end_write (db, record != NULL, error))
    return NULL;
  return g_steal_pointer (&record);
}

/* ── The page where it was left ────────────────────────────────────────── */

static AimsRecord *
set_step_in_transaction (AimsDb      *db,
                         gint64       assessment_id,
                         const char  *section_key,
                         const char  *author,
                         GError     **error)
{
  g_autoptr(AimsRecord) record = aims_assessment_load_draft (db, assessment_id, error);
  g_autoptr(AimsTemplate) template = NULL;
  g_autoptr(GHashTable) normalized = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

  if (record == NULL ||
      (template = aims_template_load (db, record_int (record, "template_id"), error)) == NULL)
    return NULL;
  if (aims_template_find_section (template, section_key) == NULL)
    {
      g_set_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_INVALID,
                   _("“%s” is not a page of the template of %s"), section_key,
                   aims_record_get_reference (record));
      return NULL;
    }
  g_hash_table_insert (normalized, "current_step", g_strdup (section_key));
  return aims_store_update_in_transaction (db, aims_entity_assessments (), assessment_id, -1, normalized,
                                           author, "step", FALSE, error);
}

AimsRecord *
aims_assessment_set_current_step (AimsDb      *db,
                                  gint64       assessment_id,
                                  const char  *section_key,
                                  const char  *author,
                                  GError     **error)
{
  g_autoptr(AimsRecord) record = NULL;

  g_return_val_if_fail (AIMS_IS_DB (db), NULL);
  g_return_val_if_fail (section_key != NULL, NULL);

  if (!aims_db_begin_write (db, error))
    return NULL;
  record = set_step_in_transaction (db, assessment_id, section_key,
                                    author != NULL ? author : aims_default_author (), error);
  if (!aims_db_end_write (db, record != NULL, error))
    return NULL;
  return g_steal_pointer (&record);
}

/* ── Where each AI system stands ───────────────────────────────────────── */

GPtrArray *
aims_assessment_list_for_system (AimsDb  *db,
                                 gint64   system_id,
                                 GError **error)
{
  GPtrArray *records;

  g_return_val_if_fail (AIMS_IS_DB (db), NULL);

  records = aims_store_list_linked (db, aims_entity_assessments (), "ai_system_id", system_id, error);
  if (records != NULL)
    {
      /* Made in order: the newest is the last. */
      for (guint i = 0, j = records->len; i + 1 < j; i++, j--)
        {
          gpointer swap = records->pdata[i];

          records->pdata[i] = records->pdata[j - 1];
          records->pdata[j - 1] = swap;
        }
    }
  return records;
}

/* Takes record into the system's standing; records come oldest first. */
static void
place (AimsSystemAssessment *standing,
       AimsRecord           *record)
{
  switch (aims_assessment_record_get_status (record))
    {
    case AIMS_ASSESSMENT_APPROVED:
      g_set_object (&standing->current, record);
      /* A draft older than the approval in force is not in progress. */
      g_clear_object (&standing->in_progress);
      break;
    case AIMS_ASSESSMENT_DRAFT:
    case AIMS_ASSESSMENT_IN_REVIEW:
      g_set_object (&standing->in_progress, record);
      break;
    case AIMS_ASSESSMENT_SUPERSEDED:
    default:
      break;
    }
}

static void
settle (AimsSystemAssessment *standing,
        const GDate          *today)
{
  g_autoptr(GDate) due = NULL;

  if (standing->current == NULL)
    return;
  standing->next_review_date = g_strdup (aims_record_get (standing->current, "next_review_date"));
  due = standing->next_review_date != NULL ? aims_date_parse (standing->next_review_date) : NULL;
  standing->review_overdue = due != NULL && today != NULL && g_date_compare (due, today) < 0;
}

GHashTable *
aims_assessment_load_system_statuses (AimsDb       *db,
                                      const GDate  *today,
                                      GError      **error)
{
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GHashTable) statuses = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL,
                                                          (GDestroyNotify) aims_system_assessment_free);
  GHashTableIter iter;
  gpointer value;

  g_return_val_if_fail (AIMS_IS_DB (db), NULL);

  if ((records = aims_store_list (db, aims_entity_assessments (), error)) == NULL)
    return NULL;
  for (guint i = 0; i < records->len; i++)
    {
      AimsRecord *record = g_ptr_array_index (records, i);
      gint64 system_id = record_int (record, "ai_system_id");
      AimsSystemAssessment *standing = g_hash_table_lookup (statuses, &system_id);

      if (standing == NULL)
        {
          standing = g_new0 (AimsSystemAssessment, 1);
          standing->system_id = system_id;
          g_hash_table_insert (statuses, &standing->system_id, standing);
        }
      place (standing, record);
    }
  g_hash_table_iter_init (&iter, statuses);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    settle (value, today);
  return g_steal_pointer (&statuses);
}

AimsSystemAssessment *
aims_assessment_system_status (AimsDb       *db,
                               gint64        system_id,
                               const GDate  *today,
                               GError      **error)
{
  g_autoptr(GPtrArray) records = NULL;
  AimsSystemAssessment *standing;

  g_return_val_if_fail (AIMS_IS_DB (db), NULL);

  records = aims_store_list_linked (db, aims_entity_assessments (), "ai_system_id", system_id, error);
  if (records == NULL)
    return NULL;
  standing = g_new0 (AimsSystemAssessment, 1);
  standing->system_id = system_id;
  for (guint i = 0; i < records->len; i++)
    place (standing, g_ptr_array_index (records, i));
  settle (standing, today);
  return standing;
}
