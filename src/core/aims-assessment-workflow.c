/* aims-assessment-workflow.c — submitting, approving and sending back, each
 * checked on the record as stored inside its own write transaction
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "aims-assessment-impact.h"
#include "aims-assessment-private.h"
#include "aims-assessment-workflow.h"
#include "aims-date.h"
#include "aims-eu-ai-act.h"
#include "aims-statement.h"
#include "aims-store.h"
#include "aims-store-private.h"

gboolean
aims_assessment_status_can_follow (AimsAssessmentStatus from,
                                   AimsAssessmentStatus to)
{
  switch (from)
    {
    case AIMS_ASSESSMENT_DRAFT:
      return to == AIMS_ASSESSMENT_IN_REVIEW;
    case AIMS_ASSESSMENT_IN_REVIEW:
      return to == AIMS_ASSESSMENT_DRAFT || to == AIMS_ASSESSMENT_APPROVED;
    case AIMS_ASSESSMENT_APPROVED:
      return to == AIMS_ASSESSMENT_SUPERSEDED;
    case AIMS_ASSESSMENT_SUPERSEDED:
    case AIMS_ASSESSMENT_N_STATUSES:
    default:
      return FALSE;
    }
}

/* Two names of one person, as authors are typed. */
static gboolean
same_name (const char *a,
           const char *b)
{
  g_autofree char *a_trimmed = a != NULL ? g_strstrip (g_strdup (a)) : NULL;
  g_autofree char *b_trimmed = b != NULL ? g_strstrip (g_strdup (b)) : NULL;
  g_autofree char *x = a != NULL ? g_utf8_casefold (a_trimmed, -1) : NULL;
  g_autofree char *y = b != NULL ? g_utf8_casefold (b_trimmed, -1) : NULL;

  return x != NULL && y != NULL && g_str_equal (x, y);
}

static char *
person_name (AimsDb     *db,
             const char *id)
{
  g_autoptr(AimsStatement) stmt = aims_db_prepare (db, "SELECT name FROM person WHERE id = ?", NULL);

  if (stmt == NULL || id == NULL)
    return NULL;
  aims_statement_bind_int64 (stmt, 1, g_ascii_strtoll (id, NULL, 10));
  if (aims_statement_step (stmt, NULL) != AIMS_STEP_ROW)
    return NULL;
  return g_strdup (aims_statement_column_text (stmt, 0));
}

/* The record at expected_version, in status from; else the refusal. */
static AimsRecord *
load_for_step (AimsDb                *db,
               gint64                 id,
               gint64                 expected_version,
               AimsAssessmentStatus   from,
               const char            *step,
               GError               **error)
{
  g_autoptr(AimsRecord) record = aims_store_load (db, aims_entity_assessments (), id, error);
  AimsAssessmentStatus status;

  if (record == NULL)
    return NULL;
  if (expected_version >= 0 && aims_record_get_row_version (record) != expected_version)
    {
      aims_store_set_conflict_error (record, expected_version, error);
      return NULL;
    }
  status = aims_assessment_record_get_status (record);
  if (status != from)
    {
      g_set_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_INVALID,
                   /* Translators: "AIA-002 cannot be approved: it is a draft; only one in review can" */
                   _("%s cannot be %s: it is %s; only one that is %s can"),
                   aims_record_get_reference (record), step,
                   aims_assessment_status_label (status), aims_assessment_status_label (from));
      return NULL;
    }
  return g_steal_pointer (&record);
}

static AimsRecord *
write_step (AimsDb      *db,
            AimsRecord  *record,
            GHashTable  *normalized,
            const char  *author,
            const char  *action,
            GError     **error)
{
  return aims_store_update_in_transaction (db, aims_entity_assessments (), aims_record_get_id (record),
                                           aims_record_get_row_version (record), normalized, author, action,
                                           FALSE, error);
}

/* ── Submit ────────────────────────────────────────────────────────────── */

/* The screening, where the template has one, confirmed for the answers as
 * they are now. */
static gboolean
check_screening (AimsAssessment  *assessment,
                 GError         **error)
{
  g_auto(AimsEuScreening) now = { 0 };

  if (aims_template_find_question (assessment->template, AIMS_EU_Q_PROHIBITED) == NULL)
    return TRUE;
  if (aims_record_get (assessment->record, "eu_class") == NULL)
    {
      g_set_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_INVALID,
                   _("Confirm or correct the class and role the EU AI Act screening proposes first"));
      return FALSE;
    }
  aims_assessment_screen_eu_ai_act (assessment, &now);
  if (g_strcmp0 (aims_record_get (assessment->record, "eu_proposed_class"), aims_eu_class_key (now.eu_class)) != 0 ||
      g_strcmp0 (aims_record_get (assessment->record, "eu_proposed_role"), aims_eu_role_key (now.role)) != 0)
    {
      g_set_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_INVALID,
                   _("The answers of the EU AI Act screening changed since its result was confirmed: it now "
                     "proposes %s as %s; confirm the result again"),
                   aims_eu_class_label (now.eu_class), aims_eu_role_label (now.role));
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_approver (AimsDb      *db,
                AimsRecord  *record,
                const char  *approver,
                const char  *author,
                GError     **error)
{
  g_autofree char *name = person_name (db, approver);

  if (g_strcmp0 (approver, aims_record_get (record, "assessor_id")) == 0)
    {
      g_set_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_INVALID,
                   _("%s is the assessor of %s and cannot approve it: choose another approver"),
                   name, aims_record_get_reference (record));
      return FALSE;
    }
  if (same_name (name, author))
    {
      g_set_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_INVALID,
                   _("You cannot approve your own submission: choose an approver other than yourself"));
      return FALSE;
    }
  return TRUE;
}

static AimsRecord *
submit_in_transaction (AimsDb      *db,
                       gint64       id,
                       gint64       expected_version,
                       gint64       approver_id,
                       const char  *author,
                       GError     **error)
{
  g_autoptr(AimsRecord) record = NULL;
  g_autoptr(AimsAssessment) assessment = NULL;
  g_autoptr(GHashTable) normalized = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autofree char *approver_text = g_strdup_printf ("%" G_GINT64_FORMAT, approver_id);
  g_autofree char *approver = NULL;

  if ((record = load_for_step (db, id, expected_version, AIMS_ASSESSMENT_DRAFT, _("submitted"), error)) == NULL ||
      (assessment = aims_assessment_load (db, id, error)) == NULL)
    return NULL;
  if (!aims_assessment_validate_all (assessment, error) || !check_screening (assessment, error))
    return NULL;
  approver = aims_store_normalize_value (db, aims_entity_find_field (aims_entity_assessments (), "assessor_id"),
                                         approver_text, error);
  if (approver == NULL || !check_approver (db, record, approver, author, error))
    return NULL;

  g_hash_table_insert (normalized, "status", g_strdup (AIMS_ASSESSMENT_STATUS_IN_REVIEW));
  g_hash_table_insert (normalized, "approver_id", g_steal_pointer (&approver));
  g_hash_table_insert (normalized, "submitted_by", g_strdup (author));
  g_hash_table_insert (normalized, "submitted_at", aims_timestamp_now ());
  g_hash_table_insert (normalized, "overall_level", aims_assessment_overall_level (assessment));
  g_hash_table_insert (normalized, "next_review_date",
                       g_strdup (aims_assessment_get_value_at (assessment, AIMS_ASSESSMENT_Q_NEXT_REVIEW)));
  return write_step (db, record, normalized, author, "submit", error);
}

AimsRecord *
aims_assessment_submit (AimsDb      *db,
                        gint64       assessment_id,
                        gint64       expected_version,
                        gint64       approver_id,
                        const char  *author,
                        GError     **error)
{
  g_autoptr(AimsRecord) record = NULL;

  g_return_val_if_fail (AIMS_IS_DB (db), NULL);

  if (!aims_db_begin_write (db, error))
    return NULL;
  record = submit_in_transaction (db, assessment_id, expected_version, approver_id,
                                  author != NULL ? author : aims_default_author (), error);
  if (!aims_db_end_write (db, record != NULL, error))
    return NULL;
  return g_steal_pointer (&record);
}

/* ── Approve ───────────────────────────────────────────────────────────── */

/* Every other approved assessment of the system becomes superseded. */
static gboolean
supersede_others (AimsDb      *db,
                  AimsRecord  *record,
                  const char  *author,
                  GError     **error)
{
  g_autoptr(GPtrArray) others = NULL;
  gint64 system_id = g_ascii_strtoll (aims_record_get (record, "ai_system_id"), NULL, 10);

  others = aims_store_list_linked (db, aims_entity_assessments (), "ai_system_id", system_id, error);
  if (others == NULL)
    return FALSE;
  for (guint i = 0; i < others->len; i++)
    {
      AimsRecord *other = g_ptr_array_index (others, i);
      g_autoptr(GHashTable) normalized = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
      g_autoptr(AimsRecord) written = NULL;

      if (aims_record_get_id (other) == aims_record_get_id (record) ||
          aims_assessment_record_get_status (other) != AIMS_ASSESSMENT_APPROVED)
        continue;
      g_hash_table_insert (normalized, "status", g_strdup (AIMS_ASSESSMENT_STATUS_SUPERSEDED));
      if ((written = write_step (db, other, normalized, author, "supersede", error)) == NULL)
        return FALSE;
    }
  return TRUE;
}

/* The author is the approver chosen, and did not submit it. */
static gboolean
check_approving (AimsDb      *db,
                 AimsRecord  *record,
                 const char  *author,
                 const char  *doing,
                 GError     **error)
{
  g_autofree char *approver = person_name (db, aims_record_get (record, "approver_id"));

  if (same_name (author, approver))
    return TRUE;
  g_set_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_INVALID,
               /* Translators: "Only Margit Ellison, the approver chosen when AIA-001 was submitted, can approve it" */
               _("Only %s, the approver chosen when %s was submitted, can %s it"),
               approver, aims_record_get_reference (record), doing);
  return FALSE;
}

static AimsRecord *
approve_in_transaction (AimsDb      *db,
                        gint64       id,
                        gint64       expected_version,
                        const char  *author,
                        GError     **error)
{
  g_autoptr(AimsRecord) record = NULL;
  g_autoptr(GHashTable) normalized = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

  if ((record = load_for_step (db, id, expected_version, AIMS_ASSESSMENT_IN_REVIEW, _("approved"), error)) == NULL)
    return NULL;
  if (same_name (author, aims_record_get (record, "submitted_by")))
    {
      g_set_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_INVALID,
                   _("You submitted %s: approving your own submission is not allowed; the approver must"),
                   aims_record_get_reference (record));
      return NULL;
    }
  if (!check_approving (db, record, author, _("approve"), error) || !supersede_others (db, record, author, error))
    return NULL;

  g_hash_table_insert (normalized, "status", g_strdup (AIMS_ASSESSMENT_STATUS_APPROVED));
  g_hash_table_insert (normalized, "approved_by", g_strdup (author));
  g_hash_table_insert (normalized, "approved_at", aims_timestamp_now ());
  return write_step (db, record, normalized, author, "approve", error);
}

AimsRecord *
aims_assessment_approve (AimsDb      *db,
                         gint64       assessment_id,
                         gint64       expected_version,
                         const char  *author,
                         GError     **error)
{
  g_autoptr(AimsRecord) record = NULL;

  g_return_val_if_fail (AIMS_IS_DB (db), NULL);

  if (!aims_db_begin_write (db, error))
    return NULL;
  record = approve_in_transaction (db, assessment_id, expected_version,
                                   author != NULL ? author : aims_default_author (), error);
  if (!aims_db_end_write (db, record != NULL, error))
    return NULL;
  return g_steal_pointer (&record);
}

/* ── Send back ─────────────────────────────────────────────────────────── */

static AimsRecord *
send_back_in_transaction (AimsDb      *db,
                          gint64       id,
                          gint64       expected_version,
                          const char  *comments,
                          const char  *author,
                          GError     **error)
{
  g_autoptr(AimsRecord) record = NULL;
  g_autoptr(GHashTable) normalized = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

  if ((record = load_for_step (db, id, expected_version, AIMS_ASSESSMENT_IN_REVIEW, _("sent back"), error)) == NULL)
    return NULL;
  /* The submitter may take it back; anyone else is the approver's to decide. */
  if (!same_name (author, aims_record_get (record, "submitted_by")) &&
      !check_approving (db, record, author, _("send back"), error))
    return NULL;

  g_hash_table_insert (normalized, "status", g_strdup (AIMS_ASSESSMENT_STATUS_DRAFT));
  g_hash_table_insert (normalized, "review_comments", g_strdup (comments));
  return write_step (db, record, normalized, author, "send_back", error);
}

AimsRecord *
aims_assessment_send_back (AimsDb      *db,
                           gint64       assessment_id,
                           gint64       expected_version,
                           const char  *comments,
                           const char  *author,
                           GError     **error)
{
  g_autofree char *text = g_strstrip (g_strdup (comments != NULL ? comments : ""));
  g_autoptr(AimsRecord) record = NULL;

  g_return_val_if_fail (AIMS_IS_DB (db), NULL);

  if (*text == '\0')
    {
      g_set_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_INVALID,
                   _("Say what must change: sending back needs comments"));
      return NULL;
    }
  if (g_utf8_strlen (text, -1) > AIMS_LONG_TEXT_MAX_LENGTH)
    {
      g_set_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_INVALID,
                   _("The comments are too long: at most %u characters"), AIMS_LONG_TEXT_MAX_LENGTH);
      return NULL;
    }
  if (!aims_db_begin_write (db, error))
    return NULL;
  record = send_back_in_transaction (db, assessment_id, expected_version, text,
                                     author != NULL ? author : aims_default_author (), error);
  if (!aims_db_end_write (db, record != NULL, error))
    return NULL;
  return g_steal_pointer (&record);
}
