/* aims-store.c — reading and writing records by the rules of DESIGN.md
 *
 * Values are validated and normalised before the transaction starts, so a
 * refused value never leaves a half-saved row; the row, its row_version and
 * its audit row change together in one BEGIN IMMEDIATE transaction.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "aims-assessment-entity.h"
#include "aims-audit.h"
#include "aims-date.h"
#include "aims-json.h"
#include "aims-number.h"
#include "aims-nc.h"
#include "aims-objective.h"
#include "aims-review-record.h"
#include "aims-risk.h"
#include "aims-risk-matrix-db.h"
#include "aims-soa.h"
#include "aims-statement.h"
#include "aims-store.h"
#include "aims-store-private.h"

#define META_COLUMNS "id, reference, row_version, created_at, created_by, updated_at, updated_by"
#define N_META_COLUMNS 7

const char *
aims_default_author (void)
{
  const char *name = g_get_real_name ();

  if (name == NULL || *name == '\0' || g_str_equal (name, "Unknown"))
    name = g_get_user_name ();
  return name;
}

/* ── Reading ───────────────────────────────────────────────────────────── */

static char *
select_sql (const AimsEntity *entity,
            const char       *where)
{
  GString *sql = g_string_new ("SELECT " META_COLUMNS);

  for (guint i = 0; i < entity->n_fields; i++)
    g_string_append_printf (sql, ", %s", entity->fields[i].name);
  g_string_append_printf (sql, " FROM %s %s", entity->table, where);
  return g_string_free (sql, FALSE);
}

static AimsRecord *
record_from_row (const AimsEntity *entity,
                 AimsStatement    *stmt)
{
  AimsRecord *record = aims_record_new (entity);

  aims_record_set_meta (record,
                        aims_statement_column_int64 (stmt, 0),
                        aims_statement_column_text (stmt, 1),
                        aims_statement_column_int64 (stmt, 2),
                        aims_statement_column_text (stmt, 3),
                        aims_statement_column_text (stmt, 4),
                        aims_statement_column_text (stmt, 5),
                        aims_statement_column_text (stmt, 6));
  for (guint i = 0; i < entity->n_fields; i++)
    {
      const char *text = aims_statement_column_text (stmt, N_META_COLUMNS + i);
      g_autofree char *canonical = NULL;
      double number;

      /* SQLite gives a REAL as "100.0"; the stored form of a number is "100". */
      if (entity->fields[i].type == AIMS_FIELD_NUMBER && aims_number_parse (text, &number))
        text = canonical = aims_number_format (number);
      aims_record_set_nth (record, i, text);
    }
  return record;
}

/* id (as text) → title of every record of entity, for showing link fields. */
/* Up to this many linked records are looked up one by one; more, and the
 * whole table is read once. Twelve nonconformities linking risks then read
 * twelve titles, not those of 100,000 risks. */
#define TITLES_BY_ID_MAX 500

/* The ids (as text) that the records' fields linking to linked hold. */
static GHashTable *
linked_ids (GPtrArray        *records,
            const AimsEntity *entity,
            const AimsEntity *linked)
{
  GHashTable *ids = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint r = 0; r < records->len; r++)
    for (guint i = 0; i < entity->n_fields; i++)
      {
        const char *value = aims_record_get_nth (g_ptr_array_index (records, r), i);

        if (value != NULL && aims_field_get_link_entity (&entity->fields[i]) == linked)
          g_hash_table_add (ids, (gpointer) value);
      }
  return ids;
}

/* id (as text) → title of the records of linked that records link to, for
 * showing link fields. */
static GHashTable *
load_titles (AimsDb            *db,
             GPtrArray         *records,
             const AimsEntity  *entity,
             const AimsEntity  *linked,
             GError           **error)
{
  g_autoptr(GHashTable) titles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) ids = linked_ids (records, entity, linked);
  gboolean by_id = g_hash_table_size (ids) <= TITLES_BY_ID_MAX;
  g_autofree char *sql = g_strdup_printf ("SELECT id, %s FROM %s%s", linked->title_field, linked->table,
                                          by_id ? " WHERE id = ?" : "");
  g_autoptr(AimsStatement) stmt = aims_db_prepare (db, sql, error);
  GHashTableIter iter;
  gpointer id;
  AimsStep step;

  if (stmt == NULL)
    return NULL;
  if (!by_id)
    {
      while ((step = aims_statement_step (stmt, error)) == AIMS_STEP_ROW)
        g_hash_table_insert (titles,
                             g_strdup (aims_statement_column_text (stmt, 0)),
                             g_strdup (aims_statement_column_text (stmt, 1)));
      return step == AIMS_STEP_ERROR ? NULL : g_steal_pointer (&titles);
    }

  g_hash_table_iter_init (&iter, ids);
  while (g_hash_table_iter_next (&iter, &id, NULL))
    {
      aims_statement_reset (stmt);
      aims_statement_bind_int64 (stmt, 1, g_ascii_strtoll (id, NULL, 10));
      if ((step = aims_statement_step (stmt, error)) == AIMS_STEP_ERROR)
        return NULL;
      if (step == AIMS_STEP_ROW)
        g_hash_table_insert (titles, g_strdup (id), g_strdup (aims_statement_column_text (stmt, 1)));
    }
  return g_steal_pointer (&titles);
}

/* What fill_display() needs, loaded once for a whole list. */
typedef struct
{
  GHashTable     *titles;  /* linked entity → its id → title table */
  AimsRiskMatrix *matrix;  /* for level fields */
} DisplaySources;

static void
display_sources_clear (DisplaySources *sources)
{
  g_clear_pointer (&sources->titles, g_hash_table_unref);
  g_clear_pointer (&sources->matrix, aims_risk_matrix_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (DisplaySources, display_sources_clear)

/* Loads what the entity's link and level fields are shown by; nothing when it
 * has none. */
static gboolean
display_sources_load (DisplaySources    *sources,
                      AimsDb            *db,
                      const AimsEntity  *entity,
                      GPtrArray         *records,
                      GError           **error)
{
  sources->titles = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_hash_table_unref);
  for (guint i = 0; i < entity->n_fields; i++)
    {
      const AimsField *field = &entity->fields[i];
      const AimsEntity *linked = aims_field_get_link_entity (field);

      if (linked != NULL && !g_hash_table_contains (sources->titles, linked))
        {
          GHashTable *titles = load_titles (db, records, entity, linked, error);

          if (titles == NULL)
            return FALSE;
          g_hash_table_insert (sources->titles, (gpointer) linked, titles);
        }
      if (field->type == AIMS_FIELD_LEVEL && sources->matrix == NULL &&
          (sources->matrix = aims_risk_matrix_load (db, error)) == NULL)
        return FALSE;
    }
  return TRUE;
}

static void
fill_display (AimsRecord     *record,
              DisplaySources *sources)
{
  const AimsEntity *entity = aims_record_get_entity (record);

  for (guint i = 0; i < entity->n_fields; i++)
    {
      const AimsField *field = &entity->fields[i];
      const char *value = aims_record_get_nth (record, i);
      const AimsEntity *linked = aims_field_get_link_entity (field);

      if (value == NULL)
        continue;
      if (linked != NULL)
        aims_record_set_nth_display (record, i,
                                     g_hash_table_lookup (g_hash_table_lookup (sources->titles, linked), value));
      else if (field->type == AIMS_FIELD_LEVEL)
        aims_record_set_nth_display (record, i,
                                         aims_risk_matrix_level_label (sources->matrix, field->level_axis,
                                                                   (guint) g_ascii_strtoull (value, NULL, 10)));
    }
}

static GPtrArray *
query_records (AimsDb            *db,
               const AimsEntity  *entity,
               const char        *where,
               gint64             id,
               GError           **error)
{
  g_autofree char *sql = select_sql (entity, where);
  g_autoptr(AimsStatement) stmt = aims_db_prepare (db, sql, error);
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  g_auto(DisplaySources) sources = { NULL, NULL };
  AimsStep step;

  if (stmt == NULL)
    return NULL;
  if (id > 0)
    aims_statement_bind_int64 (stmt, 1, id);
  while ((step = aims_statement_step (stmt, error)) == AIMS_STEP_ROW)
    g_ptr_array_add (records, record_from_row (entity, stmt));
  if (step == AIMS_STEP_ERROR)
    return NULL;

  if (records->len > 0)
    {
      if (!display_sources_load (&sources, db, entity, records, error))
        return NULL;
      for (guint i = 0; i < records->len; i++)
        fill_display (g_ptr_array_index (records, i), &sources);
    }
  return g_steal_pointer (&records);
}

AimsRecord *
aims_store_load (AimsDb            *db,
                 const AimsEntity  *entity,
                 gint64             id,
                 GError           **error)
{
  g_autoptr(GPtrArray) records = NULL;

  g_return_val_if_fail (AIMS_IS_DB (db), NULL);
  g_return_val_if_fail (entity != NULL, NULL);

  records = query_records (db, entity, "WHERE id = ?", id, error);
  if (records == NULL)
    return NULL;
  if (records->len == 0)
    {
      g_set_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_MISSING,
                   _("There is no %s with id %lld"), _(entity->singular), (long long) id);
      return NULL;
    }
  return g_object_ref (g_ptr_array_index (records, 0));
}

GPtrArray *
aims_store_list (AimsDb            *db,
                 const AimsEntity  *entity,
                 GError           **error)
{
  g_return_val_if_fail (AIMS_IS_DB (db), NULL);
  g_return_val_if_fail (entity != NULL, NULL);

  return query_records (db, entity, "ORDER BY id", 0, error);
}

GPtrArray *
aims_store_list_linked (AimsDb            *db,
                        const AimsEntity  *entity,
                        const char        *link_field,
                        gint64             id,
                        GError           **error)
{
  const AimsField *field;
  g_autofree char *where = NULL;

  g_return_val_if_fail (AIMS_IS_DB (db), NULL);
  g_return_val_if_fail (entity != NULL, NULL);
  field = aims_entity_find_field (entity, link_field);
  g_return_val_if_fail (field != NULL && aims_field_get_link_entity (field) != NULL, NULL);

  where = g_strdup_printf ("WHERE %s = ? ORDER BY id", field->name);
  return query_records (db, entity, where, id, error);
}

static gboolean
is_all_digits (const char *text)
{
  if (*text == '\0')
    return FALSE;
  for (; *text != '\0'; text++)
    if (!g_ascii_isdigit (*text))
      return FALSE;
  return TRUE;
}

AimsRecord *
aims_store_find (AimsDb            *db,
                 const AimsEntity  *entity,
                 const char        *id_or_reference,
                 GError           **error)
{
  g_autoptr(AimsStatement) stmt = NULL;
  g_autofree char *sql = NULL;
  AimsStep step;

  g_return_val_if_fail (AIMS_IS_DB (db), NULL);
  g_return_val_if_fail (entity != NULL, NULL);
  g_return_val_if_fail (id_or_reference != NULL, NULL);

  if (is_all_digits (id_or_reference))
    return aims_store_load (db, entity, g_ascii_strtoll (id_or_reference, NULL, 10), error);

  sql = g_strdup_printf ("SELECT id FROM %s WHERE reference = ? COLLATE NOCASE", entity->table);
  if ((stmt = aims_db_prepare (db, sql, error)) == NULL)
    return NULL;
  aims_statement_bind_text (stmt, 1, id_or_reference);
  step = aims_statement_step (stmt, error);
  if (step == AIMS_STEP_ERROR)
    return NULL;
  if (step == AIMS_STEP_DONE)
    {
      g_set_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_MISSING,
                   _("There is no %s “%s”"), _(entity->singular), id_or_reference);
      return NULL;
    }
  return aims_store_load (db, entity, aims_statement_column_int64 (stmt, 0), error);
}

/* text names a record by reference: "PER-004" for people. */
static gboolean
is_reference_of (const AimsEntity *entity,
                 const char       *text)
{
  gsize len;

  /* A fixed catalogue's references ("A.6.2.4") have no prefix. */
  if (entity->ref_prefix == NULL)
    return FALSE;
  len = strlen (entity->ref_prefix);
  return g_ascii_strncasecmp (text, entity->ref_prefix, len) == 0 && text[len] == '-';
}

char *
aims_store_resolve_link (AimsDb            *db,
                         const AimsEntity  *entity,
                         const char        *text,
                         GError           **error)
{
  g_autoptr(AimsStatement) stmt = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *found = NULL;
  AimsStep step;
  guint matches = 0;

  g_return_val_if_fail (AIMS_IS_DB (db), NULL);
  g_return_val_if_fail (entity != NULL, NULL);
  g_return_val_if_fail (text != NULL, NULL);

  sql = g_strdup_printf ("SELECT id FROM %s WHERE CAST(id AS TEXT) = ?1"
                         " OR reference = ?1 COLLATE NOCASE OR %s = ?1 COLLATE NOCASE"
                         " ORDER BY (CAST(id AS TEXT) = ?1) DESC, (reference = ?1 COLLATE NOCASE) DESC",
                         entity->table, entity->title_field);
  if ((stmt = aims_db_prepare (db, sql, error)) == NULL)
    return NULL;
  aims_statement_bind_text (stmt, 1, text);
  while ((step = aims_statement_step (stmt, error)) == AIMS_STEP_ROW)
    {
      if (matches++ == 0)
        found = g_strdup (aims_statement_column_text (stmt, 0));
    }
  if (step == AIMS_STEP_ERROR)
    return NULL;

  /* An id or a reference is exact; only a name can be ambiguous. */
  if (matches > 1 && !is_all_digits (text) && !is_reference_of (entity, text))
    {
      g_set_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_INVALID,
                   /* Translators: "Several people are named “Ada”: choose one by reference" */
                   _("Several %s are named “%s”: choose one by reference"), _(entity->plural), text);
      return NULL;
    }
  if (found == NULL)
    g_set_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_INVALID,
                 _("There is no %s “%s”"), _(entity->singular), text);
  return g_steal_pointer (&found);
}

char *
aims_store_resolve_person (AimsDb      *db,
                           const char  *text,
                           GError     **error)
{
  return aims_store_resolve_link (db, aims_entity_people (), text, error);
}

/* ── Validation ────────────────────────────────────────────────────────── */

/* One value, normalised as aims_field_normalize() does, then resolved
 * against the database: a link to its id, a level to its number on the
 * current risk matrix (loaded into *matrix when first needed). */
static char *
normalize_one (AimsDb           *db,
               const AimsField  *field,
               const char       *value,
               AimsRiskMatrix  **matrix,
               GError          **error)
{
  g_autofree char *text = NULL;
  const AimsEntity *linked = aims_field_get_link_entity (field);
  g_autoptr(GError) local_error = NULL;
  char *resolved;
  guint level;

  if (field->read_only)
    {
      g_set_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_INVALID,
                   _("%s cannot be changed: it comes with the catalogue or is computed"),
                   _(field->label));
      return NULL;
    }
  text = aims_field_normalize (field, value, error);
  if (text == NULL || *text == '\0')
    return g_steal_pointer (&text);

  if (linked != NULL)
    {
      if ((resolved = aims_store_resolve_link (db, linked, text, &local_error)) == NULL)
        g_set_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_INVALID,
                     "%s: %s", _(field->label), local_error->message);
      return resolved;
    }

  if (field->type == AIMS_FIELD_LEVEL)
    {
      if (*matrix == NULL && (*matrix = aims_risk_matrix_load (db, error)) == NULL)
        return NULL;
      if ((level = aims_risk_matrix_level_from_text (*matrix, field->level_axis, text)) == 0)
        {
          g_set_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_INVALID,
                       /* Translators: "Inherent impact: “7” is not a level of the risk matrix
                        * (1 to 5, or its label)" */
                       _("%s: “%s” is not a level of the risk matrix (1 to %u, or its label)"),
                       _(field->label), text, (*matrix)->size);
          return NULL;
        }
      return g_strdup_printf ("%u", level);
    }
  return g_steal_pointer (&text);
}

char *
aims_store_normalize_value (AimsDb           *db,
                            const AimsField  *field,
                            const char       *value,
                            GError          **error)
{
  g_autoptr(AimsRiskMatrix) matrix = NULL;

  g_return_val_if_fail (AIMS_IS_DB (db), NULL);
  g_return_val_if_fail (field != NULL, NULL);

  return normalize_one (db, field, value, &matrix, error);
}

/* field name → normalised value (NULL means unset), or NULL with error. */
static GHashTable *
normalize_values (AimsDb            *db,
                  const AimsEntity  *entity,
                  GHashTable        *values,
                  gboolean           inserting,
                  GError           **error)
{
  g_autoptr(GHashTable) normalized = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autoptr(AimsRiskMatrix) matrix = NULL;
  GHashTableIter iter;
  gpointer key, value;

  if (values != NULL)
    {
      g_hash_table_iter_init (&iter, values);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          const AimsField *field = aims_entity_find_field (entity, key);
          g_autofree char *text = NULL;

          if (field == NULL)
            {
              g_set_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_INVALID,
                           _("“%s” is not a field of %s"), (const char *) key, _(entity->plural));
              return NULL;
            }
          if ((text = normalize_one (db, field, value, &matrix, error)) == NULL)
            return NULL;
          g_hash_table_insert (normalized, (gpointer) field->name,
                               *text != '\0' ? g_steal_pointer (&text) : NULL);
        }
    }

  if (inserting)
    for (guint i = 0; i < entity->n_fields; i++)
      {
        const AimsField *field = &entity->fields[i];

        if (field->required && g_hash_table_lookup (normalized, field->name) == NULL)
          {
            g_set_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_INVALID,
                         _("%s is required"), _(field->label));
            return NULL;
          }
      }
  return g_steal_pointer (&normalized);
}

/* ── Writing ───────────────────────────────────────────────────────────── */

static void
append_json_member (GString    *json,
                    const char *name,
                    const char *value)
{
  g_string_append_c (json, ',');
  aims_json_append_string (json, name);
  g_string_append_c (json, ':');
  aims_json_append_string (json, value);
}

/* The fields named (all when names is NULL) as one JSON object. */
static char *
record_to_json (AimsRecord *record,
                GPtrArray  *names)
{
  const AimsEntity *entity = aims_record_get_entity (record);
  GString *json = g_string_new ("{");

  aims_json_append_string (json, "reference");
  g_string_append_c (json, ':');
  aims_json_append_string (json, aims_record_get_reference (record));
  g_string_append_printf (json, ",\"row_version\":%" G_GINT64_FORMAT, aims_record_get_row_version (record));
  if (names == NULL)
    for (guint i = 0; i < entity->n_fields; i++)
      append_json_member (json, entity->fields[i].name, aims_record_get (record, entity->fields[i].name));
  else
    for (guint i = 0; i < names->len; i++)
      append_json_member (json, g_ptr_array_index (names, i), aims_record_get (record, g_ptr_array_index (names, i)));
  g_string_append_c (json, '}');
  return g_string_free (json, FALSE);
}

static gboolean
reference_taken (AimsDb            *db,
                 const AimsEntity  *entity,
                 const char        *reference,
                 gboolean          *taken,
                 GError           **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT 1 FROM %s WHERE reference = ?", entity->table);
  g_autoptr(AimsStatement) stmt = aims_db_prepare (db, sql, error);
  AimsStep step;

  if (stmt == NULL)
    return FALSE;
  aims_statement_bind_text (stmt, 1, reference);
  step = aims_statement_step (stmt, error);
  *taken = step == AIMS_STEP_ROW;
  return step != AIMS_STEP_ERROR;
}

/* The next free "AIS-014". The last number given is kept in the setting
 * table (scanning every reference made inserts slow down as the inventory
 * grew); rows added outside the program are stepped over, not collided with.
 * Runs inside the caller's write transaction. */
static char *
next_reference (AimsDb            *db,
                const AimsEntity  *entity,
                GError           **error)
{
  g_autofree char *key = g_strconcat ("reference_counter.", entity->table, NULL);
  g_autoptr(AimsStatement) read = aims_db_prepare (db, "SELECT CAST(value AS INTEGER) FROM setting WHERE key = ?", error);
  g_autoptr(AimsStatement) write = NULL;
  g_autofree char *reference = NULL;
  g_autofree char *counter_text = NULL;
  gint64 counter = 0;
  gboolean taken = TRUE;
  AimsStep step;

  if (read == NULL)
    return NULL;
  aims_statement_bind_text (read, 1, key);
  if ((step = aims_statement_step (read, error)) == AIMS_STEP_ERROR)
    return NULL;
  if (step == AIMS_STEP_ROW)
    counter = aims_statement_column_int64 (read, 0);

  while (taken)
    {
      g_free (reference);
      reference = g_strdup_printf ("%s-%03" G_GINT64_FORMAT, entity->ref_prefix, ++counter);
      if (!reference_taken (db, entity, reference, &taken, error))
        return NULL;
    }

  write = aims_db_prepare (db, "INSERT OR REPLACE INTO setting (key, value) VALUES (?, ?)", error);
  if (write == NULL)
    return NULL;
  counter_text = g_strdup_printf ("%" G_GINT64_FORMAT, counter);
  aims_statement_bind_text (write, 1, key);
  aims_statement_bind_text (write, 2, counter_text);
  if (!aims_statement_run (write, error))
    return NULL;
  return g_steal_pointer (&reference);
}

static void
bind_value (AimsStatement   *stmt,
            int              index,
            const AimsField *field,
            const char      *value)
{
  /* Links and levels are stored as integers so that foreign keys and CHECKs
   * hold; any other text stays text ("000123" keeps its zeros). */
  if ((aims_field_get_link_entity (field) != NULL || field->type == AIMS_FIELD_LEVEL) && value != NULL)
    aims_statement_bind_int64 (stmt, index, g_ascii_strtoll (value, NULL, 10));
  else
    aims_statement_bind_text (stmt, index, value);
}

/* The entity's rules across fields, checked inside the write transaction
 * against what is stored then. before is NULL for an insert. */
static gboolean
check_entity_rules (AimsDb            *db,
                    const AimsEntity  *entity,
                    AimsRecord        *before,
                    GHashTable        *normalized,
                    GError           **error)
{
  if (entity == aims_entity_risks ())
    return aims_risk_check_rules (db, before, normalized, error);
  if (entity == aims_entity_controls ())
    return aims_soa_check_rules (db, before, normalized, error);
  if (entity == aims_entity_objectives ())
    return aims_objective_check_rules (db, before, normalized, error);
  if (entity == aims_entity_measurements ())
    return aims_measurement_check_rules (db, before, normalized, error);
  if (entity == aims_entity_nonconformities ())
    return aims_nc_check_rules (db, before, normalized, error);
  if (entity == aims_entity_actions ())
    return aims_action_check_rules (db, before, normalized, error);
  if (entity == aims_entity_assessments ())
    return aims_assessment_check_rules (db, before, normalized, error);
  if (entity == aims_entity_reviews ())
    return aims_review_check_rules (db, before, normalized, error);
  return TRUE;
}

static AimsRecord *
insert_in_transaction (AimsDb            *db,
                       const AimsEntity  *entity,
                       GHashTable        *normalized,
                       const char        *author,
                       const char        *action,
                       GError           **error)
{
  g_autofree char *reference = NULL;
  g_autofree char *now = aims_timestamp_now ();
  g_autofree char *after = NULL;
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(GString) params = g_string_new (NULL);
  g_autoptr(AimsStatement) stmt = NULL;
  g_autoptr(AimsRecord) record = NULL;
  GHashTableIter iter;
  gpointer key, value;
  int index = 6;

  if (!check_entity_rules (db, entity, NULL, normalized, error))
    return NULL;
  if ((reference = next_reference (db, entity, error)) == NULL)
    return NULL;

  g_string_append_printf (sql, "INSERT INTO %s (reference, created_at, created_by, updated_at, updated_by",
                          entity->table);
  g_hash_table_iter_init (&iter, normalized);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      g_string_append_printf (sql, ", %s", (const char *) key);
      g_string_append (params, ", ?");
    }
  g_string_append_printf (sql, ") VALUES (?, ?, ?, ?, ?%s)", params->str);

  if ((stmt = aims_db_prepare (db, sql->str, error)) == NULL)
    return NULL;
  aims_statement_bind_text (stmt, 1, reference);
  aims_statement_bind_text (stmt, 2, now);
  aims_statement_bind_text (stmt, 3, author);
  aims_statement_bind_text (stmt, 4, now);
  aims_statement_bind_text (stmt, 5, author);
  g_hash_table_iter_init (&iter, normalized);
  while (g_hash_table_iter_next (&iter, &key, &value))
    bind_value (stmt, index++, aims_entity_find_field (entity, key), value);
  if (!aims_statement_run (stmt, error))
    return NULL;

  record = aims_store_load (db, entity, aims_db_last_insert_rowid (db), error);
  if (record == NULL)
    return NULL;
  after = record_to_json (record, NULL);
  if (!aims_audit_append (db, author, entity->table, aims_record_get_id (record),
                          action, NULL, after, error))
    return NULL;
  return g_steal_pointer (&record);
}

static AimsRecord *
insert_with_action (AimsDb            *db,
                    const AimsEntity  *entity,
                    GHashTable        *values,
                    const char        *author,
                    const char        *action,
                    GError           **error)
{
  g_autoptr(GHashTable) normalized = NULL;
  g_autoptr(AimsRecord) record = NULL;

  g_return_val_if_fail (AIMS_IS_DB (db), NULL);
  g_return_val_if_fail (entity != NULL, NULL);

  if (entity->ref_prefix == NULL)
    {
      g_set_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_INVALID,
                   _("The %s are a fixed catalogue: none can be added"), _(entity->plural));
      return NULL;
    }
  if ((normalized = normalize_values (db, entity, values, TRUE, error)) == NULL)
    return NULL;
  if (!aims_db_begin_write (db, error))
    return NULL;
  record = insert_in_transaction (db, entity, normalized, author ? author : aims_default_author (),
                                  action, error);
  if (!aims_db_end_write (db, record != NULL, error))
    return NULL;
  return g_steal_pointer (&record);
}

AimsRecord *
aims_store_insert (AimsDb            *db,
                   const AimsEntity  *entity,
                   GHashTable        *values,
                   const char        *author,
                   GError           **error)
{
  return insert_with_action (db, entity, values, author, "insert", error);
}

static void
set_conflict_error (AimsRecord  *current,
                    gint64       expected_version,
                    GError     **error)
{
  g_set_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_CONFLICT,
               _("%s was changed by %s at %s since it was read (version %lld, now %lld): nothing was saved"),
               aims_record_get_reference (current),
               aims_record_get_updated_by (current),
               aims_record_get_updated_at (current),
               (long long) expected_version,
               (long long) aims_record_get_row_version (current));
}

AimsRecord *
aims_store_insert_in_transaction (AimsDb            *db,
                                  const AimsEntity  *entity,
                                  GHashTable        *normalized,
                                  const char        *author,
                                  const char        *action,
                                  GError           **error)
{
  return insert_in_transaction (db, entity, normalized, author, action, error);
}

char *
aims_store_record_to_json (AimsRecord *record)
{
  return record_to_json (record, NULL);
}

void
aims_store_set_conflict_error (AimsRecord  *current,
                               gint64       expected_version,
                               GError     **error)
{
  set_conflict_error (current, expected_version, error);
}

AimsRecord *
aims_store_update_in_transaction (AimsDb            *db,
                                  const AimsEntity  *entity,
                                  gint64             id,
                                  gint64             expected_version,
                                  GHashTable        *normalized,
                                  const char        *author,
                                  const char        *action,
                                  gboolean           check_rules,
                                  GError           **error)
{
  g_autoptr(AimsRecord) before = NULL;
  g_autoptr(AimsRecord) after = NULL;
  g_autoptr(GPtrArray) changed = g_ptr_array_new ();
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(AimsStatement) stmt = NULL;
  g_autofree char *now = aims_timestamp_now ();
  g_autofree char *before_json = NULL;
  g_autofree char *after_json = NULL;
  int index = 1;

  if ((before = aims_store_load (db, entity, id, error)) == NULL)
    return NULL;
  if (expected_version >= 0 && aims_record_get_row_version (before) != expected_version)
    {
      set_conflict_error (before, expected_version, error);
      return NULL;
    }

  for (guint i = 0; i < entity->n_fields; i++)
    {
      const char *name = entity->fields[i].name;

      if (g_hash_table_contains (normalized, name) &&
          g_strcmp0 (g_hash_table_lookup (normalized, name), aims_record_get (before, name)) != 0)
        g_ptr_array_add (changed, (gpointer) name);
    }
  /* Saving what is already stored writes nothing and logs nothing. */
  if (changed->len == 0)
    return g_steal_pointer (&before);
  if (check_rules && !check_entity_rules (db, entity, before, normalized, error))
    return NULL;

  g_string_append_printf (sql, "UPDATE %s SET updated_at = ?, updated_by = ?, row_version = row_version + 1",
                          entity->table);
  for (guint i = 0; i < changed->len; i++)
    g_string_append_printf (sql, ", %s = ?", (const char *) g_ptr_array_index (changed, i));
  g_string_append (sql, " WHERE id = ? AND row_version = ?");

  if ((stmt = aims_db_prepare (db, sql->str, error)) == NULL)
    return NULL;
  aims_statement_bind_text (stmt, index++, now);
  aims_statement_bind_text (stmt, index++, author);
  for (guint i = 0; i < changed->len; i++)
    bind_value (stmt, index++, aims_entity_find_field (entity, g_ptr_array_index (changed, i)),
                g_hash_table_lookup (normalized, g_ptr_array_index (changed, i)));
  aims_statement_bind_int64 (stmt, index++, id);
  aims_statement_bind_int64 (stmt, index++, aims_record_get_row_version (before));
  if (!aims_statement_run (stmt, error))
    return NULL;

  if ((after = aims_store_load (db, entity, id, error)) == NULL)
    return NULL;
  before_json = record_to_json (before, changed);
  after_json = record_to_json (after, changed);
  if (!aims_audit_append (db, author, entity->table, id, action, before_json, after_json, error))
    return NULL;
  return g_steal_pointer (&after);
}

GHashTable *
aims_store_normalize_changes (AimsDb            *db,
                              const AimsEntity  *entity,
                              GHashTable        *changes,
                              GError           **error)
{
  g_autoptr(GHashTable) normalized = normalize_values (db, entity, changes, FALSE, error);

  if (normalized == NULL)
    return NULL;
  for (guint i = 0; i < entity->n_fields; i++)
    if (entity->fields[i].required && g_hash_table_contains (normalized, entity->fields[i].name) &&
        g_hash_table_lookup (normalized, entity->fields[i].name) == NULL)
      {
        g_set_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_INVALID,
                     _("%s is required"), _(entity->fields[i].label));
        return NULL;
      }
  return g_steal_pointer (&normalized);
}

static AimsRecord *
update_with_action (AimsDb            *db,
                    const AimsEntity  *entity,
                    gint64             id,
                    gint64             expected_version,
                    GHashTable        *changes,
                    const char        *author,
                    const char        *action,
                    GError           **error)
{
  g_autoptr(GHashTable) normalized = NULL;
  g_autoptr(AimsRecord) record = NULL;

  g_return_val_if_fail (AIMS_IS_DB (db), NULL);
  g_return_val_if_fail (entity != NULL, NULL);

  if ((normalized = aims_store_normalize_changes (db, entity, changes, error)) == NULL)
    return NULL;

  if (!aims_db_begin_write (db, error))
    return NULL;
  record = aims_store_update_in_transaction (db, entity, id, expected_version, normalized,
                                             author ? author : aims_default_author (), action,
                                             TRUE, error);
  if (!aims_db_end_write (db, record != NULL, error))
    return NULL;
  return g_steal_pointer (&record);
}

AimsRecord *
aims_store_update (AimsDb            *db,
                   const AimsEntity  *entity,
                   gint64             id,
                   gint64             expected_version,
                   GHashTable        *changes,
                   const char        *author,
                   GError           **error)
{
  return update_with_action (db, entity, id, expected_version, changes, author, "update", error);
}

AimsRecord *
aims_store_duplicate (AimsDb            *db,
                      const AimsEntity  *entity,
                      gint64             id,
                      const char        *author,
                      GError           **error)
{
  g_autoptr(AimsRecord) source = NULL;
  g_autoptr(GHashTable) values = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *title = NULL;

  if ((source = aims_store_load (db, entity, id, error)) == NULL)
    return NULL;
  for (guint i = 0; i < entity->n_fields; i++)
    {
      const char *value = aims_record_get (source, entity->fields[i].name);

      if (value != NULL)
        g_hash_table_insert (values, (gpointer) entity->fields[i].name, (gpointer) value);
    }
  /* Translators: the name of a duplicated record, e.g. "Fraud model (copy)" */
  title = g_strdup_printf (_("%s (copy)"), aims_record_get_title (source));
  if (g_utf8_strlen (title, -1) <= AIMS_TEXT_MAX_LENGTH)
    g_hash_table_insert (values, (gpointer) entity->title_field, title);
  return insert_with_action (db, entity, values, author, "duplicate", error);
}

AimsRecord *
aims_store_retire_system (AimsDb      *db,
                          gint64       id,
                          gint64       expected_version,
                          const char  *author,
                          GError     **error)
{
  const AimsEntity *entity = aims_entity_systems ();
  g_autoptr(AimsRecord) current = NULL;
  g_autoptr(GHashTable) changes = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GDate) today = aims_date_today ();
  g_autofree char *today_iso = aims_date_format_iso (today);

  if ((current = aims_store_load (db, entity, id, error)) == NULL)
    return NULL;
  g_hash_table_insert (changes, "lifecycle_stage", AIMS_LIFECYCLE_RETIRED);
  if (aims_record_get (current, "retired_date") == NULL)
    g_hash_table_insert (changes, "retired_date", today_iso);
  return update_with_action (db, entity, id, expected_version, changes, author, "retire", error);
}
