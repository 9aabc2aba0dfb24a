/* aims-csv-sniff.c — what a CSV file is, from its first rows
 *
 * The header row is the one that names the most columns: the most
 * distinct, non-empty cells that read like a name (a letter in them, not
 * a paragraph). Title rows above it name few; data rows repeat values
 * ("No", "N/A") and hold numbers and dates. Of the rows that come close to
 * the best, the first is taken, since headers come before data.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include <glib/gi18n.h>

#include "aims-csv.h"

#define DEFAULT_PREVIEW   10
/* A header cell longer than this is a paragraph, not a column's name. */
#define MAX_HEADER_BYTES  400

void
aims_csv_sniff_free (AimsCsvSniff *sniff)
{
  if (sniff == NULL)
    return;
  g_free (sniff->encoding);
  g_strfreev (sniff->headers);
  g_clear_pointer (&sniff->rows, g_ptr_array_unref);
  g_free (sniff);
}

static gboolean
has_letter (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_isalpha (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

static guint
header_score (const char *const *cells)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; cells[i] != NULL; i++)
    {
      g_autofree char *text = aims_csv_text_one_line (cells[i]);

      if (*text == '\0' || strlen (text) > MAX_HEADER_BYTES || !has_letter (text))
        continue;
      g_hash_table_add (seen, g_utf8_casefold (text, -1));
    }
  return g_hash_table_size (seen);
}

/* The number (from 1) of the header row among rows, or 0 when none. */
static guint
detect_header (GPtrArray *rows)
{
  guint best = 0;

  for (guint i = 0; i < rows->len; i++)
    best = MAX (best, header_score (g_ptr_array_index (rows, i)));
  if (best == 0)
    return 0;
  for (guint i = 0; i < rows->len; i++)
    if (header_score (g_ptr_array_index (rows, i)) * 5 >= best * 4)
      return i + 1;
  g_assert_not_reached ();
}

static gboolean
row_is_blank (const char *const *cells)
{
  for (guint i = 0; cells[i] != NULL; i++)
    for (const char *p = cells[i]; *p != '\0'; p = g_utf8_next_char (p))
      if (!g_unichar_isspace (g_utf8_get_char (p)))
        return FALSE;
  return TRUE;
}

/* Header cells on one line, a name for a blank one, repeats told apart. */
static GStrv
clean_headers (const char *const *cells)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; cells[i] != NULL; i++)
    {
      g_autofree char *text = aims_csv_text_one_line (cells[i]);
      g_autofree char *name = NULL;

      if (*text == '\0')
        {
          g_free (text);
          /* Translators: the name of a column whose header cell is blank */
          text = g_strdup_printf (_("Column %u"), i + 1);
        }
      name = g_strdup (text);
      for (guint n = 2; g_hash_table_contains (seen, name); n++)
        {
          g_free (name);
          name = g_strdup_printf ("%s (%u)", text, n);
        }
      g_hash_table_add (seen, g_strdup (name));
      g_strv_builder_add (builder, name);
    }
  return g_strv_builder_end (builder);
}

/* The first rows read from reader, and the header among them. */
static AimsCsvSniff *
sniff_reader (AimsCsvReader              *reader,
              const AimsCsvSniffOptions  *options,
              GError                    **error)
{
  g_autoptr(AimsCsvSniff) sniff = g_new0 (AimsCsvSniff, 1);
  guint n_preview = options->n_preview > 0 ? options->n_preview : DEFAULT_PREVIEW;
  guint wanted;
  gboolean any = FALSE;
  AimsCsvStep step = AIMS_CSV_STEP_ROW;

  sniff->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  sniff->header_row = options->header_row;

  /* Rows enough to find the header, then the preview below it. */
  wanted = MAX (AIMS_CSV_SNIFF_ROWS, sniff->header_row) + n_preview;
  while (sniff->rows->len < wanted && (step = aims_csv_reader_step (reader, error)) == AIMS_CSV_STEP_ROW)
    {
      const char *const *cells = aims_csv_reader_get_cells (reader);

      any = any || !row_is_blank (cells);
      g_ptr_array_add (sniff->rows, g_strdupv ((GStrv) cells));
    }
  if (step == AIMS_CSV_STEP_ERROR)
    return NULL;
  if (!any)
    {
      g_set_error_literal (error, AIMS_CSV_ERROR, AIMS_CSV_ERROR_EMPTY,
                           _("The file holds no data: every cell is empty"));
      return NULL;
    }

  if (sniff->header_row == 0)
    {
      g_autoptr(GPtrArray) first = g_ptr_array_new ();

      for (guint i = 0; i < MIN (sniff->rows->len, AIMS_CSV_SNIFF_ROWS); i++)
        g_ptr_array_add (first, g_ptr_array_index (sniff->rows, i));
      if ((sniff->header_row = detect_header (first)) == 0)
        {
          g_set_error (error, AIMS_CSV_ERROR, AIMS_CSV_ERROR_NO_HEADER,
                       _("No header row: none of the first %u rows names its columns"),
                       AIMS_CSV_SNIFF_ROWS);
          return NULL;
        }
    }
  else if (sniff->header_row > sniff->rows->len)
    {
      g_set_error (error, AIMS_CSV_ERROR, AIMS_CSV_ERROR_NO_HEADER,
                   g_dngettext (GETTEXT_PACKAGE,
                                "The file has only %u row: row %u cannot be its header",
                                "The file has only %u rows: row %u cannot be its header",
                                sniff->rows->len),
                   sniff->rows->len, sniff->header_row);
      return NULL;
    }
  else if (row_is_blank (g_ptr_array_index (sniff->rows, sniff->header_row - 1)))
    {
      g_set_error (error, AIMS_CSV_ERROR, AIMS_CSV_ERROR_NO_HEADER,
                   _("Row %u is blank: it cannot be the header"), sniff->header_row);
      return NULL;
    }

  if (sniff->rows->len > sniff->header_row + n_preview)
    g_ptr_array_set_size (sniff->rows, sniff->header_row + n_preview);
  sniff->headers = clean_headers (g_ptr_array_index (sniff->rows, sniff->header_row - 1));
  sniff->n_columns = g_strv_length (sniff->headers);
  sniff->encoding = g_strdup (aims_csv_reader_get_encoding (reader));
  sniff->bom = aims_csv_reader_get_bom (reader);
  sniff->delimiter = aims_csv_reader_get_delimiter (reader);
  return g_steal_pointer (&sniff);
}

static const AimsCsvSniffOptions default_options = { { NULL, 0, 0 }, 0, 0 };

AimsCsvSniff *
aims_csv_sniff (const char                 *path,
                const AimsCsvSniffOptions  *options,
                GCancellable               *cancellable,
                GError                    **error)
{
  g_autoptr(AimsCsvReader) reader = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  if (options == NULL)
    options = &default_options;
  if ((reader = aims_csv_reader_new_for_path (path, &options->csv, cancellable, error)) == NULL)
    return NULL;
  return sniff_reader (reader, options, error);
}

AimsCsvSniff *
aims_csv_sniff_stream (GInputStream               *stream,
                       const AimsCsvSniffOptions  *options,
                       GCancellable               *cancellable,
                       GError                    **error)
{
  g_autoptr(AimsCsvReader) reader = NULL;

  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), NULL);

  if (options == NULL)
    options = &default_options;
  if ((reader = aims_csv_reader_new (stream, &options->csv, cancellable, error)) == NULL)
    return NULL;
  return sniff_reader (reader, options, error);
}
