/* aims-export-csv.c — the records of any entity as a CSV file
 *
 * Written for spreadsheets and for importing back: a byte-order mark so
 * that Excel reads UTF-8, CRLF between rows (line breaks inside a cell
 * stay LF), stored values as the store takes them (choice keys, ISO
 * dates, level numbers) and linked records by their title, which means
 * the same record in another database too.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "aims-import.h"
#include "aims-store.h"

#define FLUSH_AT (64 * 1024)

static const char *const trailing_columns[] = {
  "created_at", "created_by", "updated_at", "updated_by", "row_version", NULL
};

static void
append_header (GString          *out,
               const AimsEntity *entity)
{
  g_string_append (out, "\xEF\xBB\xBF" "reference");
  for (guint i = 0; i < entity->n_fields; i++)
    {
      g_string_append_c (out, ',');
      aims_csv_append_cell (out, entity->fields[i].name, ',');
    }
  for (guint i = 0; trailing_columns[i] != NULL; i++)
    g_string_append_printf (out, ",%s", trailing_columns[i]);
  g_string_append (out, "\r\n");
}

static void
append_record (GString    *out,
               AimsRecord *record)
{
  const AimsEntity *entity = aims_record_get_entity (record);
  g_autofree char *version = g_strdup_printf ("%" G_GINT64_FORMAT, aims_record_get_row_version (record));
  const char *trailing[] = {
    aims_record_get_created_at (record), aims_record_get_created_by (record),
    aims_record_get_updated_at (record), aims_record_get_updated_by (record), version,
  };

  aims_csv_append_cell (out, aims_record_get_reference (record), ',');
  for (guint i = 0; i < entity->n_fields; i++)
    {
      const AimsField *field = &entity->fields[i];
      const char *value = aims_record_get (record, field->name);

      if (value != NULL && aims_field_get_link_entity (field) != NULL &&
          aims_record_get_display (record, field->name) != NULL)
        value = aims_record_get_display (record, field->name);
      g_string_append_c (out, ',');
      aims_csv_append_cell (out, value, ',');
    }
  for (guint i = 0; i < G_N_ELEMENTS (trailing); i++)
    {
      g_string_append_c (out, ',');
      aims_csv_append_cell (out, trailing[i], ',');
    }
  g_string_append (out, "\r\n");
}

static gboolean
flush (GOutputStream  *stream,
       GString        *out,
       GError        **error)
{
  gboolean ok = g_output_stream_write_all (stream, out->str, out->len, NULL, NULL, error);

  g_string_truncate (out, 0);
  return ok;
}

gboolean
aims_export_csv (AimsDb            *db,
                 const AimsEntity  *entity,
                 const char        *path,
                 GError           **error)
{
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GError) local_error = NULL;
  gboolean ok;

  g_return_val_if_fail (AIMS_IS_DB (db), FALSE);
  g_return_val_if_fail (entity != NULL && path != NULL, FALSE);

  if ((records = aims_store_list (db, entity, error)) == NULL)
    return FALSE;
  file = g_file_new_for_path (path);
  /* The replacement is written beside and renamed over path on close. */
  stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, NULL, &local_error);
  ok = stream != NULL;
  if (ok)
    {
      append_header (out, entity);
      for (guint i = 0; ok && i < records->len; i++)
        {
          append_record (out, g_ptr_array_index (records, i));
          if (out->len >= FLUSH_AT)
            ok = flush (G_OUTPUT_STREAM (stream), out, &local_error);
        }
      ok = ok && flush (G_OUTPUT_STREAM (stream), out, &local_error);
      if (!ok)
        {
          /* Cancelling the close leaves the file that was there before. */
          g_autoptr(GCancellable) cancel = g_cancellable_new ();

          g_cancellable_cancel (cancel);
          g_output_stream_close (G_OUTPUT_STREAM (stream), cancel, NULL);
        }
      else
        ok = g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, &local_error);
    }
  if (!ok)
    g_set_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_FAILED,
                 _("Cannot write %s: %s"), path, local_error->message);
  return ok;
}
