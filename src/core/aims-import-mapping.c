/* aims-import-mapping.c — which column goes into which field, and which
 * choice each value of a choice column means
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include <glib/gi18n.h>

#include "aims-audit.h"
#include "aims-date.h"
#include "aims-import-private.h"
#include "aims-json.h"
#include "aims-statement.h"
#include "aims-store.h"

/* The values set for one choice field. */
typedef struct
{
  GHashTable *keys;   /* aims_import_value_key (text) → key */
  GPtrArray  *pairs;  /* text, key, text, key… in the order set */
} ValueMap;

static void
value_map_free (ValueMap *map)
{
  g_hash_table_unref (map->keys);
  g_ptr_array_unref (map->pairs);
  g_free (map);
}

static ValueMap *
value_map_new (void)
{
  ValueMap *map = g_new0 (ValueMap, 1);

  map->keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  map->pairs = g_ptr_array_new_with_free_func (g_free);
  return map;
}

AimsImportMapping *
aims_import_mapping_new (const AimsEntity  *entity,
                         const char *const *headers)
{
  AimsImportMapping *mapping;

  g_return_val_if_fail (entity != NULL, NULL);
  g_return_val_if_fail (headers != NULL, NULL);

  mapping = g_new0 (AimsImportMapping, 1);
  mapping->entity = entity;
  mapping->headers = g_strdupv ((GStrv) headers);
  mapping->n_columns = g_strv_length (mapping->headers);
  mapping->fields = g_new0 (const AimsField *, MAX (mapping->n_columns, 1));
  mapping->values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) value_map_free);
  return mapping;
}

AimsImportMapping *
aims_import_mapping_copy (AimsImportMapping *mapping)
{
  AimsImportMapping *copy;
  GHashTableIter iter;
  gpointer field, map;

  g_return_val_if_fail (mapping != NULL, NULL);

  copy = aims_import_mapping_new (mapping->entity, (const char *const *) mapping->headers);
  memcpy (copy->fields, mapping->fields, mapping->n_columns * sizeof (const AimsField *));
  g_hash_table_iter_init (&iter, mapping->values);
  while (g_hash_table_iter_next (&iter, &field, &map))
    {
      GPtrArray *pairs = ((ValueMap *) map)->pairs;

      for (guint i = 0; i + 1 < pairs->len; i += 2)
        aims_import_mapping_set_value (copy, field, g_ptr_array_index (pairs, i),
                                       g_ptr_array_index (pairs, i + 1), NULL);
    }
  return copy;
}

void
aims_import_mapping_free (AimsImportMapping *mapping)
{
  if (mapping == NULL)
    return;
  g_strfreev (mapping->headers);
  g_free (mapping->fields);
  g_hash_table_unref (mapping->values);
  g_free (mapping);
}

const AimsEntity *
aims_import_mapping_get_entity (AimsImportMapping *mapping)
{
  g_return_val_if_fail (mapping != NULL, NULL);
  return mapping->entity;
}

guint
aims_import_mapping_get_n_columns (AimsImportMapping *mapping)
{
  g_return_val_if_fail (mapping != NULL, 0);
  return mapping->n_columns;
}

const char *
aims_import_mapping_get_header (AimsImportMapping *mapping,
                                guint              column)
{
  g_return_val_if_fail (mapping != NULL, NULL);
  g_return_val_if_fail (column < mapping->n_columns, NULL);
  return mapping->headers[column];
}

int
aims_import_mapping_find_column (AimsImportMapping *mapping,
                                 const char        *header_or_number)
{
  g_autofree char *wanted = NULL;
  guint64 number;

  g_return_val_if_fail (mapping != NULL, -1);
  g_return_val_if_fail (header_or_number != NULL, -1);

  wanted = aims_import_value_key (header_or_number);
  for (guint i = 0; i < mapping->n_columns; i++)
    {
      g_autofree char *key = aims_import_value_key (mapping->headers[i]);

      if (g_str_equal (key, wanted))
        return (int) i;
    }
  if (g_ascii_string_to_unsigned (header_or_number, 10, 1, mapping->n_columns, &number, NULL))
    return (int) number - 1;
  return -1;
}

const AimsField *
aims_import_mapping_get_field (AimsImportMapping *mapping,
                               guint              column)
{
  g_return_val_if_fail (mapping != NULL, NULL);
  g_return_val_if_fail (column < mapping->n_columns, NULL);
  return mapping->fields[column];
}

/* Long text takes several columns, as labelled paragraphs; any other
 * field holds one value. */
static gboolean
takes_several (const AimsField *field)
{
  return field->type == AIMS_FIELD_LONG_TEXT;
}

gboolean
aims_import_mapping_set_field (AimsImportMapping  *mapping,
                               guint               column,
                               const char         *field_name,
                               GError            **error)
{
  const AimsField *field;

  g_return_val_if_fail (mapping != NULL, FALSE);
  g_return_val_if_fail (column < mapping->n_columns, FALSE);

  if (field_name == NULL || *field_name == '\0')
    {
      mapping->fields[column] = NULL;
      return TRUE;
    }
  field = aims_entity_find_field (mapping->entity, field_name);
  if (field == NULL || field->read_only)
    {
      g_set_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_INVALID,
                   field == NULL ? _("“%s” is not a field of %s") : _("%s cannot be imported: it is read-only"),
                   field == NULL ? field_name : _(field->label), _(mapping->entity->plural));
      return FALSE;
    }
  if (!takes_several (field))
    for (guint i = 0; i < mapping->n_columns; i++)
      if (i != column && mapping->fields[i] == field)
        {
          g_set_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_INVALID,
                       /* Translators: "“Agency” and “Bureau” cannot both go into Business unit: it holds one value" */
                       _("“%s” and “%s” cannot both go into %s (%s): it holds one value"),
                       mapping->headers[i], mapping->headers[column], _(field->label), field->name);
          return FALSE;
        }
  mapping->fields[column] = field;
  return TRUE;
}

GArray *
aims_import_mapping_get_columns (AimsImportMapping *mapping,
                                 const char        *field)
{
  GArray *columns = g_array_new (FALSE, FALSE, sizeof (guint));

  g_return_val_if_fail (mapping != NULL, columns);
  g_return_val_if_fail (field != NULL, columns);

  for (guint i = 0; i < mapping->n_columns; i++)
    if (mapping->fields[i] != NULL && g_str_equal (mapping->fields[i]->name, field))
      g_array_append_val (columns, i);
  return columns;
}

gboolean
aims_import_mapping_check (AimsImportMapping  *mapping,
                           GError            **error)
{
  const AimsEntity *entity;
  g_autoptr(GArray) title = NULL;

  g_return_val_if_fail (mapping != NULL, FALSE);

  entity = mapping->entity;
  title = aims_import_mapping_get_columns (mapping, entity->title_field);
  if (title->len == 0)
    {
      g_set_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_INVALID,
                   _("No column is mapped to %s (%s): each %s needs one"),
                   _(aims_entity_find_field (entity, entity->title_field)->label),
                   entity->title_field, _(entity->singular));
      return FALSE;
    }
  return TRUE;
}

/* ── Choice values ─────────────────────────────────────────────────────── */

gboolean
aims_import_mapping_set_value (AimsImportMapping  *mapping,
                               const char         *field_name,
                               const char         *text,
                               const char         *key,
                               GError            **error)
{
  const AimsField *field;
  g_autofree char *text_key = NULL;
  const char *choice = "";
  ValueMap *map;

  g_return_val_if_fail (mapping != NULL, FALSE);
  g_return_val_if_fail (field_name != NULL && text != NULL, FALSE);

  field = aims_entity_find_field (mapping->entity, field_name);
  if (field == NULL || field->type != AIMS_FIELD_CHOICE)
    {
      g_set_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_INVALID,
                   _("“%s” is not a choice field of %s"), field_name, _(mapping->entity->plural));
      return FALSE;
    }
  if (key != NULL && *key != '\0' && (choice = aims_field_choice_from_text (field, key)) == NULL)
    {
      g_autoptr(GString) allowed = g_string_new (NULL);

      for (const AimsChoice *c = field->choices; c->key != NULL; c++)
        g_string_append_printf (allowed, "%s%s", allowed->len ? ", " : "", c->key);
      g_set_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_INVALID,
                   _("%s: “%s” is not one of the choices (%s)"), _(field->label), key, allowed->str);
      return FALSE;
    }

  if ((map = g_hash_table_lookup (mapping->values, field->name)) == NULL)
    {
      map = value_map_new ();
      g_hash_table_insert (mapping->values, g_strdup (field->name), map);
    }
  text_key = aims_import_value_key (text);
  for (guint i = 0; i + 1 < map->pairs->len; i += 2)
    {
      g_autofree char *other = aims_import_value_key (g_ptr_array_index (map->pairs, i));

      if (g_str_equal (other, text_key))
        {
          g_ptr_array_remove_range (map->pairs, i, 2);
          break;
        }
    }
  if (key == NULL)
    {
      g_hash_table_remove (map->keys, text_key);
      return TRUE;
    }
  g_ptr_array_add (map->pairs, g_strdup (text));
  g_ptr_array_add (map->pairs, g_strdup (choice));
  g_hash_table_replace (map->keys, g_steal_pointer (&text_key), g_strdup (choice));
  return TRUE;
}

const char *
aims_import_mapping_get_value (AimsImportMapping *mapping,
                               const char        *field,
                               const char        *text)
{
  g_autofree char *key = NULL;
  ValueMap *map;

  g_return_val_if_fail (mapping != NULL, NULL);
  g_return_val_if_fail (field != NULL && text != NULL, NULL);

  if ((map = g_hash_table_lookup (mapping->values, field)) == NULL)
    return NULL;
  key = aims_import_value_key (text);
  return g_hash_table_lookup (map->keys, key);
}

const char *
aims_import_mapping_resolve_value (AimsImportMapping *mapping,
                                   const AimsField   *field,
                                   const char        *text)
{
  const char *key;

  g_return_val_if_fail (mapping != NULL, NULL);
  g_return_val_if_fail (field != NULL && text != NULL, NULL);

  if ((key = aims_import_mapping_get_value (mapping, field->name, text)) != NULL)
    return *key != '\0' ? key : NULL;
  return aims_import_propose_choice (field, text);
}

GPtrArray *
aims_import_mapping_list_values (AimsImportMapping *mapping,
                                 const char        *field)
{
  ValueMap *map;

  g_return_val_if_fail (mapping != NULL, NULL);
  g_return_val_if_fail (field != NULL, NULL);

  if ((map = g_hash_table_lookup (mapping->values, field)) == NULL)
    return g_ptr_array_new ();
  return g_ptr_array_ref (map->pairs);
}

GPtrArray *
aims_import_list_choice_values (AimsImportFile     *file,
                                AimsImportMapping  *mapping,
                                const char         *field_name,
                                GError            **error)
{
  const AimsField *field;
  g_autoptr(GArray) columns = NULL;
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (file != NULL && mapping != NULL && field_name != NULL, NULL);

  field = aims_entity_find_field (mapping->entity, field_name);
  if (field == NULL || field->type != AIMS_FIELD_CHOICE)
    {
      g_set_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_INVALID,
                   _("“%s” is not a choice field of %s"), field_name, _(mapping->entity->plural));
      return NULL;
    }
  columns = aims_import_mapping_get_columns (mapping, field->name);
  for (guint i = 0; i < columns->len; i++)
    {
      const AimsImportColumn *column = aims_import_file_get_column (file, g_array_index (columns, guint, i));

      if (column->values == NULL)
        {
          g_set_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_INVALID,
                       _("“%s” holds free text, more than %u different values: it cannot be a choice"),
                       column->header, AIMS_IMPORT_MAX_DISTINCT);
          return NULL;
        }
      for (guint j = 0; j < column->values->len; j++)
        {
          const AimsImportValue *value = g_ptr_array_index (column->values, j);
          AimsImportChoiceValue *choice;
          const char *set;

          if (aims_import_is_blank (value->text))
            continue;
          set = aims_import_mapping_get_value (mapping, field->name, value->text);
          choice = g_new0 (AimsImportChoiceValue, 1);
          choice->text = value->text;
          choice->count = value->count;
          choice->was_set = set != NULL;
          choice->key = aims_import_mapping_resolve_value (mapping, field, value->text);
          g_ptr_array_add (list, choice);
        }
    }
  return g_steal_pointer (&list);
}

/* ── Saved mappings ────────────────────────────────────────────────────── */

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char **) a, *(const char **) b);
}

/* The same for the same set of headers, in any order. */
static char *
header_key (const char *const *headers)
{
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);

  for (guint i = 0; headers[i] != NULL; i++)
    g_ptr_array_add (keys, aims_import_value_key (headers[i]));
  g_ptr_array_sort (keys, compare_strings);
  for (guint i = 0; i < keys->len; i++)
    {
      g_checksum_update (sum, g_ptr_array_index (keys, i), -1);
      g_checksum_update (sum, (const guchar *) "\n", 1);
    }
  return g_strdup (g_checksum_get_string (sum));
}

static char *
mapping_to_json (AimsImportMapping *mapping)
{
  GString *json = g_string_new ("{\"columns\":{");
  GHashTableIter iter;
  gpointer field, map;
  gboolean first = TRUE;

  for (guint i = 0; i < mapping->n_columns; i++)
    if (mapping->fields[i] != NULL)
      {
        if (!first)
          g_string_append_c (json, ',');
        first = FALSE;
        aims_json_append_string (json, mapping->headers[i]);
        g_string_append_c (json, ':');
        aims_json_append_string (json, mapping->fields[i]->name);
      }
  g_string_append (json, "},\"values\":{");
  first = TRUE;
  g_hash_table_iter_init (&iter, mapping->values);
  while (g_hash_table_iter_next (&iter, &field, &map))
    {
      GPtrArray *pairs = ((ValueMap *) map)->pairs;

      if (!first)
        g_string_append_c (json, ',');
      first = FALSE;
      aims_json_append_string (json, field);
      g_string_append (json, ":[");
      for (guint i = 0; i + 1 < pairs->len; i += 2)
        {
          g_string_append (json, i > 0 ? ",[" : "[");
          aims_json_append_string (json, g_ptr_array_index (pairs, i));
          g_string_append_c (json, ',');
          aims_json_append_string (json, g_ptr_array_index (pairs, i + 1));
          g_string_append_c (json, ']');
        }
      g_string_append_c (json, ']');
    }
  g_string_append (json, "}}");
  return g_string_free (json, FALSE);
}

gboolean
aims_import_mapping_save (AimsDb             *db,
                          AimsImportMapping  *mapping,
                          const char         *author,
                          GError            **error)
{
  g_autofree char *key = NULL;
  g_autofree char *json = NULL;
  g_autofree char *now = aims_timestamp_now ();
  g_autoptr(AimsStatement) upsert = NULL;
  g_autoptr(AimsStatement) id = NULL;
  gboolean ok;

  g_return_val_if_fail (AIMS_IS_DB (db), FALSE);
  g_return_val_if_fail (mapping != NULL, FALSE);

  if (author == NULL)
    author = aims_default_author ();
  key = header_key ((const char *const *) mapping->headers);
  json = mapping_to_json (mapping);
  if (!aims_db_begin_write (db, error))
    return FALSE;
  ok = (upsert = aims_db_prepare (db,
                                  "INSERT INTO import_mapping (entity, header_key, mapping_json, saved_at, saved_by)"
                                  " VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (entity, header_key) DO UPDATE"
                                  " SET mapping_json = ?3, saved_at = ?4, saved_by = ?5", error)) != NULL;
  if (ok)
    {
      aims_statement_bind_text (upsert, 1, mapping->entity->table);
      aims_statement_bind_text (upsert, 2, key);
      aims_statement_bind_text (upsert, 3, json);
      aims_statement_bind_text (upsert, 4, now);
      aims_statement_bind_text (upsert, 5, author);
      ok = aims_statement_run (upsert, error) &&
           (id = aims_db_prepare (db, "SELECT id FROM import_mapping WHERE entity = ? AND header_key = ?", error)) != NULL;
    }
  if (ok)
    {
      aims_statement_bind_text (id, 1, mapping->entity->table);
      aims_statement_bind_text (id, 2, key);
      ok = aims_statement_step (id, error) == AIMS_STEP_ROW &&
           aims_audit_append (db, author, "import_mapping", aims_statement_column_int64 (id, 0),
                              "save", NULL, json, error);
    }
  return aims_db_end_write (db, ok, error);
}

static void
apply_saved (AimsImportMapping *mapping,
             GVariant          *saved)
{
  g_autoptr(GVariant) columns = g_variant_lookup_value (saved, "columns", G_VARIANT_TYPE_VARDICT);
  g_autoptr(GVariant) values = g_variant_lookup_value (saved, "values", G_VARIANT_TYPE_VARDICT);
  GVariantIter iter;
  const char *name;
  GVariant *value;

  /* What no longer fits (a field since renamed) is left out, not refused. */
  if (columns != NULL)
    {
      g_variant_iter_init (&iter, columns);
      while (g_variant_iter_loop (&iter, "{&sv}", &name, &value))
        {
          int column = aims_import_mapping_find_column (mapping, name);

          if (column >= 0 && g_variant_is_of_type (value, G_VARIANT_TYPE_STRING))
            aims_import_mapping_set_field (mapping, column, g_variant_get_string (value, NULL), NULL);
        }
    }
  if (values != NULL)
    {
      g_variant_iter_init (&iter, values);
      while (g_variant_iter_loop (&iter, "{&sv}", &name, &value))
        for (gsize i = 0; g_variant_is_of_type (value, G_VARIANT_TYPE ("av")) && i < g_variant_n_children (value); i++)
          {
            g_autoptr(GVariant) pair = g_variant_get_child_value (value, i);
            g_autoptr(GVariant) inner = g_variant_get_variant (pair);
            g_autoptr(GVariant) text_box = NULL;
            g_autoptr(GVariant) key_box = NULL;
            g_autoptr(GVariant) text = NULL;
            g_autoptr(GVariant) key = NULL;

            if (!g_variant_is_of_type (inner, G_VARIANT_TYPE ("av")) || g_variant_n_children (inner) != 2)
              continue;
            text_box = g_variant_get_child_value (inner, 0);
            key_box = g_variant_get_child_value (inner, 1);
            text = g_variant_get_variant (text_box);
            key = g_variant_get_variant (key_box);
            if (g_variant_is_of_type (text, G_VARIANT_TYPE_STRING) && g_variant_is_of_type (key, G_VARIANT_TYPE_STRING))
              aims_import_mapping_set_value (mapping, name, g_variant_get_string (text, NULL),
                                             g_variant_get_string (key, NULL), NULL);
          }
    }
}

AimsImportMapping *
aims_import_mapping_load (AimsDb             *db,
                          const AimsEntity   *entity,
                          const char *const  *headers,
                          GError            **error)
{
  g_autofree char *key = NULL;
  g_autoptr(AimsStatement) stmt = NULL;
  g_autoptr(GVariant) saved = NULL;
  g_autoptr(AimsImportMapping) mapping = NULL;
  AimsStep step;

  g_return_val_if_fail (AIMS_IS_DB (db), NULL);
  g_return_val_if_fail (entity != NULL && headers != NULL, NULL);

  key = header_key (headers);
  stmt = aims_db_prepare (db, "SELECT mapping_json FROM import_mapping WHERE entity = ? AND header_key = ?", error);
  if (stmt == NULL)
    return NULL;
  aims_statement_bind_text (stmt, 1, entity->table);
  aims_statement_bind_text (stmt, 2, key);
  if ((step = aims_statement_step (stmt, error)) != AIMS_STEP_ROW)
    return NULL;
  /* A mapping that does not read is as good as none. */
  if ((saved = aims_json_parse (aims_statement_column_text (stmt, 0), NULL)) == NULL ||
      !g_variant_is_of_type (saved, G_VARIANT_TYPE_VARDICT))
    return NULL;
  mapping = aims_import_mapping_new (entity, headers);
  apply_saved (mapping, saved);
  return g_steal_pointer (&mapping);
}
