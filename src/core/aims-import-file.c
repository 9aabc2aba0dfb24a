/* aims-import-file.c — a CSV file read once through before it is mapped
 *
 * The pass finds what the first rows cannot tell: how many rows there are,
 * each column's distinct values (for mapping choices) and how it writes
 * dates, whether the whole file is readable (a quote left open on row
 * 5,000 is told now, not halfway through an import), and the encoding
 * where a file in plain ASCII at the start turns out Windows-1252 later.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "aims-import-private.h"

#define HASH_CHUNK (64 * 1024)

typedef struct
{
  GHashTable *counts;        /* one-line text → count; NULL once free text */
  gboolean    day_first;
  gboolean    month_first;
} ColumnScan;

static void
column_free (AimsImportColumn *column)
{
  g_clear_pointer (&column->values, g_ptr_array_unref);
  g_free (column);
}

static void
value_free (AimsImportValue *value)
{
  g_free (value->text);
  g_free (value);
}

void
aims_import_file_free (AimsImportFile *file)
{
  if (file == NULL)
    return;
  g_free (file->path);
  g_clear_pointer (&file->sniff, aims_csv_sniff_free);
  g_clear_pointer (&file->columns, g_ptr_array_unref);
  g_free (file->sha256);
  g_free (file);
}

char *
aims_import_hash_file (const char    *path,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_autoptr(GFile) gfile = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree guchar *buf = g_malloc (HASH_CHUNK);
  gssize n;

  if ((stream = g_file_read (gfile, cancellable, error)) == NULL)
    return NULL;
  while ((n = g_input_stream_read (G_INPUT_STREAM (stream), buf, HASH_CHUNK, cancellable, error)) > 0)
    g_checksum_update (sum, buf, n);
  if (n < 0)
    return NULL;
  return g_strdup (g_checksum_get_string (sum));
}

gboolean
aims_import_row_is_blank (AimsCsvReader *reader)
{
  for (guint i = 0; i < aims_csv_reader_get_n_cells (reader); i++)
    for (const char *p = aims_csv_reader_get_cell (reader, i); *p != '\0'; p = g_utf8_next_char (p))
      {
        gunichar c = g_utf8_get_char (p);

        if (!g_unichar_isspace (c) && c != 0x00A0)
          return FALSE;
      }
  return TRUE;
}

/* encoding NULL: detect it again, as on the first reading. */
static AimsCsvReader *
open_rows (AimsImportFile  *file,
           const char      *encoding,
           GCancellable    *cancellable,
           GError         **error)
{
  AimsCsvOptions options = { encoding, file->sniff->delimiter, file->max_cell_bytes };
  g_autoptr(AimsCsvReader) reader = aims_csv_reader_new_for_path (file->path, &options, cancellable, error);
  AimsCsvStep step = AIMS_CSV_STEP_ROW;

  if (reader == NULL)
    return NULL;
  while (aims_csv_reader_get_row (reader) < file->sniff->header_row &&
         (step = aims_csv_reader_step (reader, error)) == AIMS_CSV_STEP_ROW)
    ;
  if (step == AIMS_CSV_STEP_ERROR)
    return NULL;
  return g_steal_pointer (&reader);
}

AimsCsvReader *
aims_import_file_open_rows (AimsImportFile  *file,
                            GCancellable    *cancellable,
                            GError         **error)
{
  return open_rows (file, file->sniff->encoding, cancellable, error);
}

static void
scan_cell (ColumnScan *scan,
           const char *cell)
{
  g_autofree char *text = NULL;
  gpointer count;

  if (*cell >= '0' && *cell <= '9')
    aims_import_date_evidence (cell, &scan->day_first, &scan->month_first);
  if (scan->counts == NULL)
    return;
  text = aims_csv_text_one_line (cell);
  if (strlen (text) > AIMS_IMPORT_MAX_VALUE_BYTES ||
      (!g_hash_table_lookup_extended (scan->counts, text, NULL, &count) &&
       g_hash_table_size (scan->counts) >= AIMS_IMPORT_MAX_DISTINCT))
    {
      g_clear_pointer (&scan->counts, g_hash_table_unref);
      return;
    }
  count = g_hash_table_lookup (scan->counts, text);
  g_hash_table_replace (scan->counts, g_steal_pointer (&text), GUINT_TO_POINTER (GPOINTER_TO_UINT (count) + 1));
}

static int
compare_values (gconstpointer a,
                gconstpointer b)
{
  const AimsImportValue *va = *(AimsImportValue **) a;
  const AimsImportValue *vb = *(AimsImportValue **) b;

  if (va->count != vb->count)
    return va->count > vb->count ? -1 : 1;
  return g_utf8_collate (va->text, vb->text);
}

static AimsImportColumn *
column_from_scan (ColumnScan *scan,
                  guint       index,
                  const char *header,
                  guint       n_filled)
{
  AimsImportColumn *column = g_new0 (AimsImportColumn, 1);

  column->index = index;
  column->header = header;
  column->n_filled = n_filled;
  if (scan->day_first != scan->month_first)
    column->date_order = scan->day_first ? AIMS_DATE_ORDER_DAY_FIRST : AIMS_DATE_ORDER_MONTH_FIRST;
  if (scan->counts != NULL)
    {
      GHashTableIter iter;
      gpointer text, count;

      column->values = g_ptr_array_new_with_free_func ((GDestroyNotify) value_free);
      g_hash_table_iter_init (&iter, scan->counts);
      while (g_hash_table_iter_next (&iter, &text, &count))
        {
          AimsImportValue *value = g_new0 (AimsImportValue, 1);

          value->text = g_strdup (text);
          value->count = GPOINTER_TO_UINT (count);
          g_ptr_array_add (column->values, value);
        }
      g_ptr_array_sort (column->values, compare_values);
    }
  return column;
}

AimsImportFile *
aims_import_file_load (const char                 *path,
                       const AimsCsvSniffOptions  *options,
                       GCancellable               *cancellable,
                       GError                    **error)
{
  g_autoptr(AimsImportFile) file = g_new0 (AimsImportFile, 1);
  g_autoptr(AimsCsvReader) reader = NULL;
  g_autofree ColumnScan *scans = NULL;
  g_autofree guint *filled = NULL;
  AimsCsvStep step;
  guint n;

  g_return_val_if_fail (path != NULL, NULL);

  file->path = g_strdup (path);
  file->max_cell_bytes = options != NULL ? options->csv.max_cell_bytes : 0;
  if ((file->sniff = aims_csv_sniff (path, options, cancellable, error)) == NULL ||
      (file->sha256 = aims_import_hash_file (path, cancellable, error)) == NULL ||
      (reader = open_rows (file, options != NULL ? options->csv.encoding : NULL, cancellable, error)) == NULL)
    return NULL;

  n = file->sniff->n_columns;
  scans = g_new0 (ColumnScan, n);
  filled = g_new0 (guint, n);
  for (guint i = 0; i < n; i++)
    scans[i].counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  while ((step = aims_csv_reader_step (reader, error)) == AIMS_CSV_STEP_ROW)
    {
      if (aims_import_row_is_blank (reader))
        continue;
      file->n_rows++;
      for (guint i = 0; i < n; i++)
        {
          const char *cell = aims_csv_reader_get_cell (reader, i);

          if (aims_import_is_blank (cell))
            continue;
          filled[i]++;
          scan_cell (&scans[i], cell);
        }
    }

  file->columns = g_ptr_array_new_with_free_func ((GDestroyNotify) column_free);
  for (guint i = 0; i < n; i++)
    {
      g_ptr_array_add (file->columns, column_from_scan (&scans[i], i, file->sniff->headers[i], filled[i]));
      g_clear_pointer (&scans[i].counts, g_hash_table_unref);
    }
  if (step == AIMS_CSV_STEP_ERROR)
    return NULL;

  /* Reading it all may have found it Windows-1252 after an ASCII start. */
  g_free (file->sniff->encoding);
  file->sniff->encoding = g_strdup (aims_csv_reader_get_encoding (reader));
  return g_steal_pointer (&file);
}

const char *
aims_import_file_get_path (AimsImportFile *file)
{
  g_return_val_if_fail (file != NULL, NULL);
  return file->path;
}

const AimsCsvSniff *
aims_import_file_get_sniff (AimsImportFile *file)
{
  g_return_val_if_fail (file != NULL, NULL);
  return file->sniff;
}

guint
aims_import_file_get_n_rows (AimsImportFile *file)
{
  g_return_val_if_fail (file != NULL, 0);
  return file->n_rows;
}

guint
aims_import_file_get_n_columns (AimsImportFile *file)
{
  g_return_val_if_fail (file != NULL, 0);
  return file->sniff->n_columns;
}

const AimsImportColumn *
aims_import_file_get_column (AimsImportFile *file,
                             guint           column)
{
  g_return_val_if_fail (file != NULL, NULL);
  g_return_val_if_fail (column < file->columns->len, NULL);
  return g_ptr_array_index (file->columns, column);
}

const char *
aims_import_file_get_sha256 (AimsImportFile *file)
{
  g_return_val_if_fail (file != NULL, NULL);
  return file->sha256;
}
