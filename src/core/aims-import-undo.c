/* aims-import-undo.c — import batches listed, and one taken back whole
 *
 * An undo is one audited write: the records the batch added are deleted
 * (each audited with what it held), the ones it updated get back the
 * values it changed. It is refused when any of them changed since — its
 * row_version is no longer the one the import left — or when other
 * records have come to refer to one it added, since taking part of a
 * batch back would be a surprise.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "aims-audit.h"
#include "aims-date.h"
#include "aims-import-private.h"
#include "aims-json.h"
#include "aims-statement.h"
#include "aims-store.h"
#include "aims-store-private.h"

/* How many references a refusal names before "and N more". */
#define NAMED_IN_MESSAGE 10

void
aims_import_batch_free (AimsImportBatch *batch)
{
  if (batch == NULL)
    return;
  g_free (batch->created_at);
  g_free (batch->created_by);
  g_free (batch->file_name);
  g_free (batch->file_sha256);
  g_free (batch->undone_at);
  g_free (batch->undone_by);
  g_free (batch);
}

static const AimsEntity *
entity_for_table (const char *table)
{
  const char *const *names = aims_entity_names ();

  for (guint i = 0; names[i] != NULL; i++)
    if (g_str_equal (aims_entity_lookup (names[i])->table, table))
      return aims_entity_lookup (names[i]);
  return NULL;
}

#define BATCH_COLUMNS "id, entity, created_at, created_by, file_name, file_sha256, row_count, undone_at, undone_by"

static AimsImportBatch *
batch_from_row (AimsStatement *stmt)
{
  AimsImportBatch *batch = g_new0 (AimsImportBatch, 1);

  batch->id = aims_statement_column_int64 (stmt, 0);
  batch->entity = entity_for_table (aims_statement_column_text (stmt, 1));
  batch->created_at = g_strdup (aims_statement_column_text (stmt, 2));
  batch->created_by = g_strdup (aims_statement_column_text (stmt, 3));
  batch->file_name = g_strdup (aims_statement_column_text (stmt, 4));
  batch->file_sha256 = g_strdup (aims_statement_column_text (stmt, 5));
  batch->row_count = (guint) aims_statement_column_int64 (stmt, 6);
  batch->undone_at = g_strdup (aims_statement_column_text (stmt, 7));
  batch->undone_by = g_strdup (aims_statement_column_text (stmt, 8));
  return batch;
}

GPtrArray *
aims_import_list_batches (AimsDb  *db,
                          GError **error)
{
  g_autoptr(GPtrArray) batches = g_ptr_array_new_with_free_func ((GDestroyNotify) aims_import_batch_free);
  g_autoptr(AimsStatement) stmt = NULL;
  AimsStep step;

  g_return_val_if_fail (AIMS_IS_DB (db), NULL);

  if ((stmt = aims_db_prepare (db, "SELECT " BATCH_COLUMNS " FROM import_batch ORDER BY id", error)) == NULL)
    return NULL;
  while ((step = aims_statement_step (stmt, error)) == AIMS_STEP_ROW)
    g_ptr_array_add (batches, batch_from_row (stmt));
  if (step == AIMS_STEP_ERROR)
    return NULL;
  return g_steal_pointer (&batches);
}

static AimsImportBatch *
load_batch (AimsDb   *db,
            gint64    id,
            GError  **error)
{
  g_autoptr(AimsStatement) stmt = aims_db_prepare (db, "SELECT " BATCH_COLUMNS " FROM import_batch WHERE id = ?", error);
  AimsStep step;

  if (stmt == NULL)
    return NULL;
  aims_statement_bind_int64 (stmt, 1, id);
  if ((step = aims_statement_step (stmt, error)) == AIMS_STEP_ERROR)
    return NULL;
  if (step == AIMS_STEP_DONE)
    {
      g_set_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_MISSING,
                   _("There is no import batch %lld"), (long long) id);
      return NULL;
    }
  return batch_from_row (stmt);
}

typedef struct
{
  gint64  id;
  char   *action;
  gint64  row_version;
  char   *before_json;
} Item;

static void
item_clear (Item *item)
{
  g_free (item->action);
  g_free (item->before_json);
}

static GArray *
load_items (AimsDb   *db,
            gint64    batch_id,
            GError  **error)
{
  g_autoptr(GArray) items = g_array_new (FALSE, TRUE, sizeof (Item));
  g_autoptr(AimsStatement) stmt = aims_db_prepare (db,
    "SELECT entity_id, action, row_version, before_json FROM import_batch_item WHERE batch_id = ? ORDER BY entity_id",
    error);
  AimsStep step;

  g_array_set_clear_func (items, (GDestroyNotify) item_clear);
  if (stmt == NULL)
    return NULL;
  aims_statement_bind_int64 (stmt, 1, batch_id);
  while ((step = aims_statement_step (stmt, error)) == AIMS_STEP_ROW)
    {
      Item item = {
        aims_statement_column_int64 (stmt, 0),
        g_strdup (aims_statement_column_text (stmt, 1)),
        aims_statement_column_int64 (stmt, 2),
        g_strdup (aims_statement_column_text (stmt, 3)),
      };

      g_array_append_val (items, item);
    }
  if (step == AIMS_STEP_ERROR)
    return NULL;
  return g_steal_pointer (&items);
}

/* References of the batch's records changed or gone since the import. */
static gboolean
find_changed (AimsDb            *db,
              const AimsEntity  *entity,
              GArray            *items,
              GPtrArray         *changed,
              GError           **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT reference, row_version FROM %s WHERE id = ?", entity->table);
  g_autoptr(AimsStatement) stmt = aims_db_prepare (db, sql, error);

  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < items->len; i++)
    {
      Item *item = &g_array_index (items, Item, i);
      AimsStep step;

      aims_statement_reset (stmt);
      aims_statement_bind_int64 (stmt, 1, item->id);
      if ((step = aims_statement_step (stmt, error)) == AIMS_STEP_ERROR)
        return FALSE;
      if (step == AIMS_STEP_DONE)
        /* Translators: a record of an import that has been deleted since, by its id */
        g_ptr_array_add (changed, g_strdup_printf (_("id %lld (deleted)"), (long long) item->id));
      else if (aims_statement_column_int64 (stmt, 1) != item->row_version)
        g_ptr_array_add (changed, g_strdup (aims_statement_column_text (stmt, 0)));
    }
  return TRUE;
}

/* References of records the batch added that other records refer to, by
 * every foreign key of the schema that points at the entity's table. */
static gboolean
find_referred (AimsDb            *db,
               const AimsEntity  *entity,
               gint64             batch_id,
               GPtrArray         *referred,
               GError           **error)
{
  g_autoptr(AimsStatement) keys = aims_db_prepare (db,
    "SELECT m.name, k.\"from\" FROM sqlite_schema m, pragma_foreign_key_list(m.name) k"
    " WHERE m.type = 'table' AND k.\"table\" = ?", error);
  AimsStep step;

  if (keys == NULL)
    return FALSE;
  aims_statement_bind_text (keys, 1, entity->table);
  while ((step = aims_statement_step (keys, error)) == AIMS_STEP_ROW)
    {
      g_autofree char *sql = g_strdup_printf (
        "SELECT DISTINCT s.reference FROM %s s JOIN \"%s\" r ON r.\"%s\" = s.id"
        " JOIN import_batch_item i ON i.entity_id = s.id AND i.batch_id = ? AND i.action = 'insert'",
        entity->table, aims_statement_column_text (keys, 0), aims_statement_column_text (keys, 1));
      g_autoptr(AimsStatement) stmt = aims_db_prepare (db, sql, error);
      AimsStep inner;

      if (stmt == NULL)
        return FALSE;
      aims_statement_bind_int64 (stmt, 1, batch_id);
      while ((inner = aims_statement_step (stmt, error)) == AIMS_STEP_ROW)
        if (!g_ptr_array_find_with_equal_func (referred, aims_statement_column_text (stmt, 0), g_str_equal, NULL))
          g_ptr_array_add (referred, g_strdup (aims_statement_column_text (stmt, 0)));
      if (inner == AIMS_STEP_ERROR)
        return FALSE;
    }
  return step == AIMS_STEP_DONE;
}

static char *
name_some (GPtrArray *references)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < references->len && i < NAMED_IN_MESSAGE; i++)
    g_string_append_printf (text, "%s%s", i > 0 ? ", " : "", (const char *) g_ptr_array_index (references, i));
  if (references->len > NAMED_IN_MESSAGE)
    g_string_append_printf (text, _(" and %u more"), references->len - NAMED_IN_MESSAGE);
  return g_string_free (text, FALSE);
}

static gboolean
delete_inserted (AimsDb            *db,
                 const AimsEntity  *entity,
                 Item              *item,
                 const char        *author,
                 GError           **error)
{
  g_autoptr(AimsRecord) record = aims_store_load (db, entity, item->id, error);
  g_autofree char *sql = g_strdup_printf ("DELETE FROM %s WHERE id = ? AND row_version = ?", entity->table);
  g_autoptr(AimsStatement) stmt = NULL;
  g_autofree char *before = NULL;

  if (record == NULL || (stmt = aims_db_prepare (db, sql, error)) == NULL)
    return FALSE;
  aims_statement_bind_int64 (stmt, 1, item->id);
  aims_statement_bind_int64 (stmt, 2, item->row_version);
  if (!aims_statement_run (stmt, error))
    return FALSE;
  before = aims_store_record_to_json (record);
  return aims_audit_append (db, author, entity->table, item->id, "undo-import", before, NULL, error);
}

/* The fields an import update changed, given back as they were. */
static gboolean
restore_updated (AimsDb            *db,
                 const AimsEntity  *entity,
                 Item              *item,
                 const char        *author,
                 GError           **error)
{
  g_autoptr(GVariant) before = aims_json_parse (item->before_json != NULL ? item->before_json : "{}", error);
  g_autoptr(GHashTable) values = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autoptr(AimsRecord) record = NULL;
  GVariantIter iter;
  const char *name;
  GVariant *value;

  if (before == NULL)
    return FALSE;
  g_variant_iter_init (&iter, before);
  while (g_variant_iter_loop (&iter, "{&sv}", &name, &value))
    {
      const AimsField *field = aims_entity_find_field (entity, name);

      if (field != NULL)
        g_hash_table_insert (values, (gpointer) field->name,
                             g_variant_is_of_type (value, G_VARIANT_TYPE_STRING)
                             ? g_variant_dup_string (value, NULL) : NULL);
    }
  /* Rules across fields held before the import: check none. */
  record = aims_store_update_in_transaction (db, entity, item->id, item->row_version, values,
                                             author, "undo-import", FALSE, error);
  return record != NULL;
}

static gboolean
mark_undone (AimsDb           *db,
             AimsImportBatch  *batch,
             const char       *author,
             GError          **error)
{
  g_autofree char *now = aims_timestamp_now ();
  g_autoptr(AimsStatement) stmt = aims_db_prepare (db, "UPDATE import_batch SET undone_at = ?, undone_by = ? WHERE id = ?", error);
  g_autoptr(GString) after = g_string_new ("{\"undone_at\":");

  if (stmt == NULL)
    return FALSE;
  aims_statement_bind_text (stmt, 1, now);
  aims_statement_bind_text (stmt, 2, author);
  aims_statement_bind_int64 (stmt, 3, batch->id);
  if (!aims_statement_run (stmt, error))
    return FALSE;
  aims_json_append_string (after, now);
  g_string_append (after, ",\"file_name\":");
  aims_json_append_string (after, batch->file_name);
  g_string_append_printf (after, ",\"row_count\":%u}", batch->row_count);
  return aims_audit_append (db, author, "import_batch", batch->id, "undo", NULL, after->str, error);
}

static gboolean
undo_in_transaction (AimsDb      *db,
                     gint64       batch_id,
                     const char  *author,
                     GStrv       *changed_out,
                     GError     **error)
{
  g_autoptr(AimsImportBatch) batch = NULL;
  g_autoptr(GArray) items = NULL;
  g_autoptr(GPtrArray) changed = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) referred = g_ptr_array_new_with_free_func (g_free);

  if ((batch = load_batch (db, batch_id, error)) == NULL)
    return FALSE;
  if (batch->undone_at != NULL)
    {
      g_set_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_INVALID,
                   _("Import batch %lld was undone already, at %s by %s"),
                   (long long) batch_id, batch->undone_at, batch->undone_by);
      return FALSE;
    }
  if (batch->entity == NULL)
    {
      g_set_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_INVALID,
                   _("Import batch %lld holds records this version cannot undo"), (long long) batch_id);
      return FALSE;
    }
  if ((items = load_items (db, batch_id, error)) == NULL ||
      !find_changed (db, batch->entity, items, changed, error) ||
      !find_referred (db, batch->entity, batch_id, referred, error))
    return FALSE;

  if (changed->len > 0 || referred->len > 0)
    {
      g_autofree char *names = name_some (changed->len > 0 ? changed : referred);

      g_set_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_CONFLICT,
                   changed->len > 0
                   ? _("Import batch %lld cannot be undone: %s changed since (%s); nothing was undone")
                   : _("Import batch %lld cannot be undone: other records refer to %s (%s); nothing was undone"),
                   (long long) batch_id, _(batch->entity->plural), names);
      if (changed_out != NULL)
        {
          g_ptr_array_extend_and_steal (changed, g_steal_pointer (&referred));
          g_ptr_array_add (changed, NULL);
          *changed_out = (GStrv) g_ptr_array_free (g_steal_pointer (&changed), FALSE);
        }
      return FALSE;
    }

  for (guint i = 0; i < items->len; i++)
    {
      Item *item = &g_array_index (items, Item, i);

      if (!(g_str_equal (item->action, "insert")
            ? delete_inserted (db, batch->entity, item, author, error)
            : restore_updated (db, batch->entity, item, author, error)))
        return FALSE;
    }
  return mark_undone (db, batch, author, error);
}

gboolean
aims_import_undo (AimsDb      *db,
                  gint64       batch_id,
                  const char  *author,
                  GStrv       *changed,
                  GError     **error)
{
  gboolean ok;

  g_return_val_if_fail (AIMS_IS_DB (db), FALSE);

  if (changed != NULL)
    *changed = NULL;
  if (!aims_db_begin_write (db, error))
    return FALSE;
  ok = undo_in_transaction (db, batch_id, author != NULL ? author : aims_default_author (), changed, error);
  return aims_db_end_write (db, ok, error);
}
