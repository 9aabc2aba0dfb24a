/* aims-assessment-control-link.c — Annex A controls linked to the impact
 * areas of an assessment
 *
 * The risk links of aims-assessment-mitigation.c treat an impact through
 * the register; these name the controls that treat it directly. Unlike a
 * risk link, linking twice is refused rather than ignored: the wizard only
 * offers a control once, so a second link is someone else's change or a
 * script's mistake, and either deserves to be told.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "aims-assessment-mitigation.h"
#include "aims-assessment-private.h"
#include "aims-audit.h"
#include "aims-date.h"
#include "aims-json.h"
#include "aims-soa-entity.h"
#include "aims-statement.h"
#include "aims-store.h"

void
aims_assessment_control_link_free (AimsAssessmentControlLink *link)
{
  if (link == NULL)
    return;
  g_free (link->section_key);
  g_clear_object (&link->control);
  g_free (link);
}

GPtrArray *
aims_assessment_list_control_links (AimsDb  *db,
                                    gint64   assessment_id,
                                    GError **error)
{
  g_autoptr(GPtrArray) links =
    g_ptr_array_new_with_free_func ((GDestroyNotify) aims_assessment_control_link_free);
  g_autoptr(AimsStatement) stmt = NULL;
  AimsStep step;

  g_return_val_if_fail (AIMS_IS_DB (db), NULL);

  /* Control ids follow Annex A's order (data/schema/0003-controls.sql). */
  stmt = aims_db_prepare (db, "SELECT l.section_id, s.key, l.control_id FROM assessment_control l"
                              " JOIN assessment_section s ON s.id = l.section_id"
                              " WHERE l.assessment_id = ? ORDER BY s.position, l.control_id", error);
  if (stmt == NULL)
    return NULL;
  aims_statement_bind_int64 (stmt, 1, assessment_id);
  while ((step = aims_statement_step (stmt, error)) == AIMS_STEP_ROW)
    {
      AimsAssessmentControlLink *link = g_new0 (AimsAssessmentControlLink, 1);

      g_ptr_array_add (links, link);
      link->section_id = aims_statement_column_int64 (stmt, 0);
      link->section_key = g_strdup (aims_statement_column_text (stmt, 1));
      link->control = aims_store_load (db, aims_entity_controls (), aims_statement_column_int64 (stmt, 2), error);
      if (link->control == NULL)
        return NULL;
    }
  if (step == AIMS_STEP_ERROR)
    return NULL;
  return g_steal_pointer (&links);
}

gboolean
aims_assessment_copy_control_links (AimsDb  *db,
                                    gint64   from_id,
                                    gint64   to_id,
                                    GError **error)
{
  g_autoptr(AimsStatement) stmt =
    aims_db_prepare (db, "INSERT INTO assessment_control (assessment_id, section_id, control_id)"
                         " SELECT ?, section_id, control_id FROM assessment_control WHERE assessment_id = ?", error);

  if (stmt == NULL)
    return FALSE;
  aims_statement_bind_int64 (stmt, 1, to_id);
  aims_statement_bind_int64 (stmt, 2, from_id);
  return aims_statement_run (stmt, error);
}

/* ── Writing a link ────────────────────────────────────────────────────── */

static gboolean
is_linked (AimsDb   *db,
           gint64    assessment_id,
           gint64    section_id,
           gint64    control_id,
           gboolean *linked,
           GError  **error)
{
  g_autoptr(AimsStatement) stmt =
    aims_db_prepare (db, "SELECT 1 FROM assessment_control WHERE assessment_id = ? AND section_id = ?"
                         " AND control_id = ?", error);
  AimsStep step;

  if (stmt == NULL)
    return FALSE;
  aims_statement_bind_int64 (stmt, 1, assessment_id);
  aims_statement_bind_int64 (stmt, 2, section_id);
  aims_statement_bind_int64 (stmt, 3, control_id);
  step = aims_statement_step (stmt, error);
  *linked = step == AIMS_STEP_ROW;
  return step != AIMS_STEP_ERROR;
}

/* The link's row, the assessment's row_version and the audit row. */
static gboolean
write_change (AimsDb          *db,
              AimsAssessment  *assessment,
              const char      *section_key,
              gint64           section_id,
              AimsRecord      *control,
              gboolean         linking,
              const char      *author,
              GError         **error)
{
  gint64 assessment_id = aims_record_get_id (assessment->record);
  g_autoptr(AimsStatement) stmt = NULL;
  g_autoptr(AimsStatement) bump = NULL;
  g_autoptr(GString) json = g_string_new ("{\"area\":");
  g_autofree char *now = aims_timestamp_now ();

  stmt = aims_db_prepare (db, linking ? "INSERT INTO assessment_control (assessment_id, section_id, control_id)"
                                        " VALUES (?, ?, ?)"
                                      : "DELETE FROM assessment_control WHERE assessment_id = ? AND section_id = ?"
                                        " AND control_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  aims_statement_bind_int64 (stmt, 1, assessment_id);
  aims_statement_bind_int64 (stmt, 2, section_id);
  aims_statement_bind_int64 (stmt, 3, aims_record_get_id (control));
  if (!aims_statement_run (stmt, error))
    return FALSE;

  /* An editor or wizard holding the assessment learns it changed. */
  bump = aims_db_prepare (db, "UPDATE impact_assessment SET updated_at = ?, updated_by = ?,"
                              " row_version = row_version + 1 WHERE id = ?", error);
  if (bump == NULL)
    return FALSE;
  aims_statement_bind_text (bump, 1, now);
  aims_statement_bind_text (bump, 2, author);
  aims_statement_bind_int64 (bump, 3, assessment_id);
  if (!aims_statement_run (bump, error))
    return FALSE;

  aims_json_append_string (json, section_key);
  g_string_append (json, ",\"control\":");
  aims_json_append_string (json, aims_record_get_reference (control));
  g_string_append_c (json, '}');
  return aims_audit_append (db, author, aims_entity_assessments ()->table, assessment_id,
                            linking ? "link_control" : "unlink_control",
                            linking ? NULL : json->str, linking ? json->str : NULL, error);
}

static gboolean
change_in_transaction (AimsDb      *db,
                       gint64       assessment_id,
                       const char  *section_key,
                       gint64       control_id,
                       gboolean     linking,
                       const char  *author,
                       GError     **error)
{
  g_autoptr(AimsRecord) draft = aims_assessment_load_draft (db, assessment_id, error);
  g_autoptr(AimsAssessment) assessment = NULL;
  g_autoptr(AimsRecord) control = NULL;
  gint64 section_id;
  gboolean linked = FALSE;

  if (draft == NULL || (assessment = aims_assessment_load (db, assessment_id, error)) == NULL ||
      (section_id = aims_assessment_area_section_id (assessment, section_key, error)) == 0 ||
      (control = aims_store_load (db, aims_entity_controls (), control_id, error)) == NULL ||
      !is_linked (db, assessment_id, section_id, control_id, &linked, error))
    return FALSE;

  if (linking && linked)
    {
      g_set_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_INVALID,
                   /* Translators: "A.5.4 is already linked to “Fairness and non-discrimination” in AIA-002" */
                   _("%s is already linked to “%s” in %s"), aims_record_get_reference (control),
                   aims_template_find_section (assessment->template, section_key)->title,
                   aims_record_get_reference (assessment->record));
      return FALSE;
    }
  if (!linking && !linked)
    {
      g_set_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_INVALID,
                   /* Translators: "A.5.4 is not linked to “Fairness and non-discrimination” in AIA-002" */
                   _("%s is not linked to “%s” in %s"), aims_record_get_reference (control),
                   aims_template_find_section (assessment->template, section_key)->title,
                   aims_record_get_reference (assessment->record));
      return FALSE;
    }
  if (linking && g_strcmp0 (aims_record_get (control, "applicable"), AIMS_SOA_APPLICABLE_NO) == 0)
    {
      g_set_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_INVALID,
                   /* Translators: "A.8.3 is excluded from the Statement of Applicability: it cannot treat an impact" */
                   _("%s is excluded from the Statement of Applicability: it cannot treat an impact"),
                   aims_record_get_reference (control));
      return FALSE;
    }
  return write_change (db, assessment, section_key, section_id, control, linking, author, error);
}

gboolean
aims_assessment_link_control (AimsDb      *db,
                              gint64       assessment_id,
                              const char  *section_key,
                              const char  *control,
                              const char  *author,
                              GError     **error)
{
  g_autofree char *control_id = NULL;

  g_return_val_if_fail (AIMS_IS_DB (db), FALSE);
  g_return_val_if_fail (section_key != NULL, FALSE);
  g_return_val_if_fail (control != NULL, FALSE);

  if ((control_id = aims_store_resolve_link (db, aims_entity_controls (), control, NULL)) == NULL)
    {
      g_set_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_INVALID,
                   /* Translators: "“A.99” is not an Annex A control: name one by its reference, such as A.5.4" */
                   _("“%s” is not an Annex A control: name one by its reference, such as A.5.4"), control);
      return FALSE;
    }
  return aims_assessment_write_link (db, change_in_transaction, assessment_id, section_key,
                                     g_ascii_strtoll (control_id, NULL, 10), TRUE, author, error);
}

gboolean
aims_assessment_unlink_control (AimsDb      *db,
                                gint64       assessment_id,
                                const char  *section_key,
                                gint64       control_id,
                                const char  *author,
                                GError     **error)
{
  g_return_val_if_fail (AIMS_IS_DB (db), FALSE);
  g_return_val_if_fail (section_key != NULL, FALSE);

  return aims_assessment_write_link (db, change_in_transaction, assessment_id, section_key, control_id, FALSE,
                                     author, error);
}
