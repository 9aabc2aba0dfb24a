/* aims-assessment-mitigation.c — impacts turned into risks, and links from
 * impact areas to risks of the register
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include <glib/gi18n.h>

#include "aims-assessment-impact.h"
#include "aims-assessment-mitigation.h"
#include "aims-assessment-private.h"
#include "aims-audit.h"
#include "aims-json.h"
#include "aims-statement.h"
#include "aims-store.h"
#include "aims-store-private.h"

void
aims_assessment_link_free (AimsAssessmentLink *link)
{
  if (link == NULL)
    return;
  g_free (link->section_key);
  g_clear_object (&link->risk);
  g_free (link);
}

GPtrArray *
aims_assessment_list_links (AimsDb  *db,
                            gint64   assessment_id,
                            GError **error)
{
  g_autoptr(GPtrArray) links = g_ptr_array_new_with_free_func ((GDestroyNotify) aims_assessment_link_free);
  g_autoptr(AimsStatement) stmt =
    aims_db_prepare (db, "SELECT l.section_id, s.key, l.risk_id FROM assessment_risk l"
                         " JOIN assessment_section s ON s.id = l.section_id JOIN risk r ON r.id = l.risk_id"
                         " WHERE l.assessment_id = ? ORDER BY s.position, r.reference", error);
  AimsStep step;

  g_return_val_if_fail (AIMS_IS_DB (db), NULL);

  if (stmt == NULL)
    return NULL;
  aims_statement_bind_int64 (stmt, 1, assessment_id);
  while ((step = aims_statement_step (stmt, error)) == AIMS_STEP_ROW)
    {
      AimsAssessmentLink *link = g_new0 (AimsAssessmentLink, 1);

      g_ptr_array_add (links, link);
      link->section_id = aims_statement_column_int64 (stmt, 0);
      link->section_key = g_strdup (aims_statement_column_text (stmt, 1));
      link->risk = aims_store_load (db, aims_entity_risks (), aims_statement_column_int64 (stmt, 2), error);
      if (link->risk == NULL)
        return NULL;
    }
  if (step == AIMS_STEP_ERROR)
    return NULL;
  return g_steal_pointer (&links);
}

/* ── A risk from an impact ─────────────────────────────────────────────── */

static const struct
{
  const char *area;
  const char *source_category;
} area_sources[] = {
  { "fairness", "societal_ethical" },
  { "privacy", "legal_compliance" },
  { "safety", "operational" },
  { "rights", "societal_ethical" },
  { "transparency", "societal_ethical" },
  { "accountability", "legal_compliance" },
  { "economic", "societal_ethical" },
  { "environment", "societal_ethical" },
  { "security", "security" },
};

/* The area's rating, or FALSE with the refusal. */
static gboolean
find_rating (AimsAssessment    *assessment,
             const char        *section_key,
             AimsImpactRating  *found,
             GError           **error)
{
  g_autoptr(GArray) ratings = aims_assessment_impact_ratings (assessment);

  for (guint i = 0; i < ratings->len; i++)
    {
      AimsImpactRating *rating = &g_array_index (ratings, AimsImpactRating, i);

      if (g_strcmp0 (rating->section->key, section_key) != 0)
        continue;
      if (rating->band < 0)
        {
          g_set_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_INVALID,
                       _("“%s” is not rated in %s: give its likelihood and severity first"),
                       rating->section->title, aims_record_get_reference (assessment->record));
          return FALSE;
        }
      *found = *rating;
      return TRUE;
    }
  g_set_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_INVALID,
               _("“%s” is not an impact area of the template of %s"), section_key,
               aims_record_get_reference (assessment->record));
  return FALSE;
}

static const char *
area_value (AimsAssessment *assessment,
            const char     *section_key,
            const char     *key)
{
  g_autofree char *path = g_strconcat (section_key, ".", key, NULL);

  return aims_assessment_get_value_at (assessment, path);
}

static char *
risk_title (AimsAssessment             *assessment,
            const AimsTemplateSection  *section)
{
  const char *what = area_value (assessment, section->key, "what");
  g_autofree char *first_line = what != NULL ? g_strndup (what, strcspn (what, "\n")) : NULL;
  g_autofree char *title = NULL;

  if (first_line != NULL && *first_line != '\0')
    /* Translators: a risk made from an impact, "Privacy and data protection: chat logs leak" */
    title = g_strdup_printf (_("%s: %s"), section->title, first_line);
  else
    /* Translators: a risk made from an impact, "Privacy and data protection impact of Fraud detection" */
    title = g_strdup_printf (_("%s impact of %s"), section->title, aims_record_get_title (assessment->system));
  if (g_utf8_strlen (title, -1) > AIMS_TEXT_MAX_LENGTH)
    {
      g_autofree char *cut = g_utf8_substring (title, 0, AIMS_TEXT_MAX_LENGTH - 1);

      return g_strconcat (cut, "…", NULL);
    }
  return g_steal_pointer (&title);
}

static const char *
risk_owner (AimsAssessment *assessment)
{
  const char *owner = aims_assessment_get_value_at (assessment, "mitigations.owner");

  if (owner == NULL)
    owner = aims_record_get (assessment->system, "owner_id");
  return owner != NULL ? owner : aims_record_get (assessment->record, "assessor_id");
}

GHashTable *
aims_assessment_risk_values_for_impact (AimsAssessment  *assessment,
                                        const char      *section_key,
                                        GError         **error)
{
  g_autoptr(GHashTable) values = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  const char *what, *who, *measures;
  AimsImpactRating rating;

  g_return_val_if_fail (assessment != NULL, NULL);

  if (!find_rating (assessment, section_key, &rating, error))
    return NULL;
  what = area_value (assessment, section_key, "what");
  who = area_value (assessment, section_key, "who");
  measures = area_value (assessment, section_key, "measures");

  g_hash_table_insert (values, "title", risk_title (assessment, rating.section));
  if (what != NULL || who != NULL)
    g_hash_table_insert (values, "description",
                         /* Translators: a risk's description made from an impact: what could happen, to whom */
                         who != NULL ? g_strdup_printf (_("%s\n\nWho is affected: %s"), what != NULL ? what : "", who)
                                     : g_strdup (what));
  g_hash_table_insert (values, "ai_system_id", g_strdup_printf ("%" G_GINT64_FORMAT,
                                                                aims_record_get_id (assessment->system)));
  for (guint i = 0; i < G_N_ELEMENTS (area_sources); i++)
    if (g_str_equal (area_sources[i].area, section_key))
      g_hash_table_insert (values, "source_category", g_strdup (area_sources[i].source_category));
  g_hash_table_insert (values, "owner_id", g_strdup (risk_owner (assessment)));
  g_hash_table_insert (values, "inherent_likelihood", g_strdup_printf ("%u", rating.likelihood));
  g_hash_table_insert (values, "inherent_impact", g_strdup_printf ("%u", rating.impact));
  if (measures != NULL)
    g_hash_table_insert (values, "existing_controls", g_strdup (measures));
  g_hash_table_insert (values, "status", g_strdup ("assessed"));
  return g_steal_pointer (&values);
}

/* ── Links ─────────────────────────────────────────────────────────────── */

gint64
aims_assessment_area_section_id (AimsAssessment  *assessment,
                                 const char      *section_key,
                                 GError         **error)
{
  g_autoptr(GArray) ratings = aims_assessment_impact_ratings (assessment);

  for (guint i = 0; i < ratings->len; i++)
    {
      AimsImpactRating *rating = &g_array_index (ratings, AimsImpactRating, i);

      if (g_strcmp0 (rating->section->key, section_key) == 0)
        return rating->section->id;
    }
  g_set_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_INVALID,
               _("“%s” is not an impact area of the template of %s"), section_key,
               aims_record_get_reference (assessment->record));
  return 0;
}

/* Adds or removes one link with its audit row; no change, no row. */
static gboolean
change_link (AimsDb          *db,
             AimsAssessment  *assessment,
             const char      *section_key,
             gint64           risk_id,
             gboolean         linking,
             const char      *author,
             GError         **error)
{
  gint64 section_id = aims_assessment_area_section_id (assessment, section_key, error);
  g_autoptr(AimsStatement) stmt = NULL;
  g_autoptr(AimsRecord) risk = NULL;
  g_autoptr(GString) json = g_string_new ("{\"area\":");

  if (section_id == 0 || (risk = aims_store_load (db, aims_entity_risks (), risk_id, error)) == NULL)
    return FALSE;
  stmt = aims_db_prepare (db, linking ? "INSERT OR IGNORE INTO assessment_risk (assessment_id, section_id, risk_id)"
                                        " VALUES (?, ?, ?)"
                                      : "DELETE FROM assessment_risk WHERE assessment_id = ? AND section_id = ?"
                                        " AND risk_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  aims_statement_bind_int64 (stmt, 1, aims_record_get_id (assessment->record));
  aims_statement_bind_int64 (stmt, 2, section_id);
  aims_statement_bind_int64 (stmt, 3, risk_id);
  if (!aims_statement_run (stmt, error))
    return FALSE;
  if (aims_db_changes (db) == 0)
    return TRUE;

  aims_json_append_string (json, section_key);
  g_string_append (json, ",\"risk\":");
  aims_json_append_string (json, aims_record_get_reference (risk));
  g_string_append_c (json, '}');
  return aims_audit_append (db, author, aims_entity_assessments ()->table, aims_record_get_id (assessment->record),
                            linking ? "link_risk" : "unlink_risk",
                            linking ? NULL : json->str, linking ? json->str : NULL, error);
}

static gboolean
link_in_transaction (AimsDb      *db,
                     gint64       assessment_id,
                     const char  *section_key,
                     gint64       risk_id,
                     gboolean     linking,
                     const char  *author,
                     GError     **error)
{
  g_autoptr(AimsRecord) draft = aims_assessment_load_draft (db, assessment_id, error);
  g_autoptr(AimsAssessment) assessment = NULL;

  if (draft == NULL || (assessment = aims_assessment_load (db, assessment_id, error)) == NULL)
    return FALSE;
  return change_link (db, assessment, section_key, risk_id, linking, author, error);
}

gboolean
aims_assessment_write_link (AimsDb                 *db,
                            AimsAssessmentLinkWrite change,
                            gint64                  assessment_id,
                            const char             *section_key,
                            gint64                  target_id,
                            gboolean                linking,
                            const char             *author,
                            GError                **error)
{
  gboolean ok;

  if (!aims_db_begin_write (db, error))
    return FALSE;
  ok = change (db, assessment_id, section_key, target_id, linking,
               author != NULL ? author : aims_default_author (), error);
  return aims_db_end_write (db, ok, error) && ok;
}

gboolean
aims_assessment_link_risk (AimsDb      *db,
                           gint64       assessment_id,
                           const char  *section_key,
                           const char  *risk,
                           const char  *author,
                           GError     **error)
{
  g_autofree char *risk_id = NULL;

  g_return_val_if_fail (AIMS_IS_DB (db), FALSE);
  g_return_val_if_fail (risk != NULL, FALSE);

  if ((risk_id = aims_store_resolve_link (db, aims_entity_risks (), risk, error)) == NULL)
    return FALSE;
  return aims_assessment_write_link (db, link_in_transaction, assessment_id, section_key,
                                     g_ascii_strtoll (risk_id, NULL, 10), TRUE, author, error);
}

gboolean
aims_assessment_unlink_risk (AimsDb      *db,
                             gint64       assessment_id,
                             const char  *section_key,
                             gint64       risk_id,
                             const char  *author,
                             GError     **error)
{
  g_return_val_if_fail (AIMS_IS_DB (db), FALSE);
  return aims_assessment_write_link (db, link_in_transaction, assessment_id, section_key, risk_id, FALSE, author,
                                     error);
}

static AimsRecord *
risk_in_transaction (AimsDb      *db,
                     gint64       assessment_id,
                     const char  *section_key,
                     GHashTable  *normalized,
                     const char  *author,
                     GError     **error)
{
  g_autoptr(AimsRecord) draft = aims_assessment_load_draft (db, assessment_id, error);
  g_autoptr(AimsAssessment) assessment = NULL;
  g_autoptr(AimsRecord) risk = NULL;

  if (draft == NULL || (assessment = aims_assessment_load (db, assessment_id, error)) == NULL ||
      (risk = aims_store_insert_in_transaction (db, aims_entity_risks (), normalized, author, "insert", error)) == NULL ||
      !change_link (db, assessment, section_key, aims_record_get_id (risk), TRUE, author, error))
    return NULL;
  return g_steal_pointer (&risk);
}

AimsRecord *
aims_assessment_risk_from_impact (AimsDb      *db,
                                  gint64       assessment_id,
                                  const char  *section_key,
                                  GHashTable  *overrides,
                                  const char  *author,
                                  GError     **error)
{
  const AimsEntity *risks = aims_entity_risks ();
  g_autoptr(AimsAssessment) assessment = NULL;
  g_autoptr(GHashTable) values = NULL;
  g_autoptr(GHashTable) normalized = NULL;
  g_autoptr(AimsRecord) risk = NULL;
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (AIMS_IS_DB (db), NULL);

  /* Checked as aims_store_insert() checks, before the transaction. */
  if ((assessment = aims_assessment_load (db, assessment_id, error)) == NULL ||
      (values = aims_assessment_risk_values_for_impact (assessment, section_key, error)) == NULL)
    return NULL;
  if (overrides != NULL)
    {
      g_hash_table_iter_init (&iter, overrides);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          const AimsField *field = aims_entity_find_field (risks, key);

          g_hash_table_replace (values, field != NULL ? (gpointer) field->name : key, g_strdup (value));
        }
    }
  if ((normalized = aims_store_normalize_changes (db, risks, values, error)) == NULL)
    return NULL;
  for (guint i = 0; i < risks->n_fields; i++)
    if (risks->fields[i].required && g_hash_table_lookup (normalized, risks->fields[i].name) == NULL)
      {
        g_set_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_INVALID, _("%s is required"), _(risks->fields[i].label));
        return NULL;
      }

  if (!aims_db_begin_write (db, error))
    return NULL;
  risk = risk_in_transaction (db, assessment_id, section_key, normalized,
                              author != NULL ? author : aims_default_author (), error);
  if (!aims_db_end_write (db, risk != NULL, error))
    return NULL;
  return g_steal_pointer (&risk);
}

gboolean
aims_assessment_copy_links (AimsDb  *db,
                            gint64   from_id,
                            gint64   to_id,
                            GError **error)
{
  g_autoptr(AimsStatement) stmt =
    aims_db_prepare (db, "INSERT INTO assessment_risk (assessment_id, section_id, risk_id)"
                         " SELECT ?, section_id, risk_id FROM assessment_risk WHERE assessment_id = ?", error);

  if (stmt == NULL)
    return FALSE;
  aims_statement_bind_int64 (stmt, 1, to_id);
  aims_statement_bind_int64 (stmt, 2, from_id);
  return aims_statement_run (stmt, error);
}
