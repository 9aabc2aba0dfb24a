/* aims-xlsx.c — writing Excel workbooks the way every export of ours does
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <errno.h>
#include <locale.h>
#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "aims-db.h"
#include "aims-xlsx.h"

#define SHEET_NAME_MAX 31

struct _AimsXlsx
{
  lxw_workbook *workbook;
  lxw_format   *formats[AIMS_XLSX_N_FORMATS];
  GHashTable   *fills;         /* "#rrggbb" → lxw_format, owned by the workbook */
  GHashTable   *sheet_names;   /* casefolded names in use */
  char         *path;
  char         *part_path;     /* written there, renamed to path when complete */
  locale_t      c_locale;
  locale_t      previous_locale;
};

static void
make_formats (AimsXlsx *self)
{
  lxw_format **f = self->formats;

  for (guint i = 0; i < AIMS_XLSX_N_FORMATS; i++)
    f[i] = workbook_add_format (self->workbook);

  format_set_text_wrap (f[AIMS_XLSX_TEXT]);
  format_set_align (f[AIMS_XLSX_TEXT], LXW_ALIGN_VERTICAL_TOP);
  format_set_num_format (f[AIMS_XLSX_DATE], "yyyy-mm-dd");
  format_set_align (f[AIMS_XLSX_DATE], LXW_ALIGN_VERTICAL_TOP);
  format_set_num_format (f[AIMS_XLSX_DATETIME], "yyyy-mm-dd hh:mm");
  format_set_align (f[AIMS_XLSX_DATETIME], LXW_ALIGN_VERTICAL_TOP);
  format_set_num_format (f[AIMS_XLSX_INTEGER], "0");
  format_set_align (f[AIMS_XLSX_INTEGER], LXW_ALIGN_VERTICAL_TOP);
  format_set_num_format (f[AIMS_XLSX_DECIMAL], "0.##");
  format_set_align (f[AIMS_XLSX_DECIMAL], LXW_ALIGN_VERTICAL_TOP);
  format_set_bold (f[AIMS_XLSX_TITLE]);
  format_set_font_size (f[AIMS_XLSX_TITLE], 16);
  format_set_italic (f[AIMS_XLSX_SUBTITLE]);
  format_set_font_color (f[AIMS_XLSX_SUBTITLE], 0x595959);
  format_set_bold (f[AIMS_XLSX_LABEL]);
  format_set_align (f[AIMS_XLSX_LABEL], LXW_ALIGN_VERTICAL_TOP);
  format_set_align (f[AIMS_XLSX_LABEL_VALUE], LXW_ALIGN_LEFT);
  format_set_num_format (f[AIMS_XLSX_LABEL_VALUE], "@");
  format_set_bold (f[AIMS_XLSX_WARNING]);
  format_set_font_color (f[AIMS_XLSX_WARNING], 0xC00000);
  format_set_align (f[AIMS_XLSX_WARNING], LXW_ALIGN_VERTICAL_TOP);
  format_set_bold (f[AIMS_XLSX_WARNING_DATE]);
  format_set_font_color (f[AIMS_XLSX_WARNING_DATE], 0xC00000);
  format_set_num_format (f[AIMS_XLSX_WARNING_DATE], "yyyy-mm-dd");
  format_set_align (f[AIMS_XLSX_WARNING_DATE], LXW_ALIGN_VERTICAL_TOP);
  format_set_num_format (f[AIMS_XLSX_CHANGE], "+0;-0;0");
  format_set_align (f[AIMS_XLSX_CHANGE], LXW_ALIGN_VERTICAL_TOP);
}

/* uselocale() changes the calling thread only: a GUI thread formatting
 * numbers for the screen meanwhile keeps the user's locale. */
static void
enter_c_locale (AimsXlsx *self)
{
  self->c_locale = newlocale (LC_NUMERIC_MASK, "C", duplocale (uselocale ((locale_t) 0)));
  if (self->c_locale != (locale_t) 0)
    self->previous_locale = uselocale (self->c_locale);
}

static void
leave_c_locale (AimsXlsx *self)
{
  if (self->c_locale == (locale_t) 0)
    return;
  uselocale (self->previous_locale);
  freelocale (self->c_locale);
  self->c_locale = (locale_t) 0;
}

AimsXlsx *
aims_xlsx_new (const char  *path,
               const char  *title,
               const char  *subject,
               const char  *author,
               const char  *company,
               GError     **error)
{
  AimsXlsx *self;
  lxw_doc_properties properties = { 0 };

  g_return_val_if_fail (path != NULL, NULL);

  /* libxlsxwriter finds this out only at the end, after all the work. */
  {
    g_autofree char *folder = g_path_get_dirname (path);

    if (!g_file_test (folder, G_FILE_TEST_IS_DIR))
      {
        g_set_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_FAILED,
                     _("Could not write “%s”: the folder “%s” does not exist"), path, folder);
        return NULL;
      }
  }

  self = g_new0 (AimsXlsx, 1);
  self->path = g_strdup (path);
  self->part_path = g_strconcat (path, ".part", NULL);
  enter_c_locale (self);

  /* Written beside the target and renamed when complete: a failed export
   * never leaves half a workbook where the user expects one, nor damages
   * the file it was to replace. */
  self->workbook = workbook_new (self->part_path);
  if (self->workbook == NULL)
    {
      g_set_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_FAILED,
                   _("Could not start the workbook “%s”"), path);
      leave_c_locale (self);
      g_free (self->path);
      g_free (self->part_path);
      g_free (self);
      return NULL;
    }

  properties.title = (char *) title;
  properties.subject = (char *) subject;
  properties.author = (char *) author;
  properties.company = (char *) company;
  properties.comments = (char *) _("Exported by AIMS Desk");
  workbook_set_properties (self->workbook, &properties);

  self->fills = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->sheet_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  make_formats (self);
  return self;
}

lxw_workbook *
aims_xlsx_get_workbook (AimsXlsx *self)
{
  return self->workbook;
}

lxw_format *
aims_xlsx_format (AimsXlsx       *self,
                  AimsXlsxFormat  format)
{
  g_return_val_if_fail (format < AIMS_XLSX_N_FORMATS, NULL);

  return self->formats[format];
}

lxw_format *
aims_xlsx_fill (AimsXlsx   *self,
                const char *colour)
{
  lxw_format *fill;
  guint rgb;
  double luminance;

  if (colour == NULL || colour[0] != '#' || strlen (colour) != 7)
    return NULL;
  if ((fill = g_hash_table_lookup (self->fills, colour)) != NULL)
    return fill;

  rgb = (guint) g_ascii_strtoull (colour + 1, NULL, 16);
  /* Relative luminance, roughly: dark text on light bands, white on dark. */
  luminance = (0.299 * ((rgb >> 16) & 0xff) + 0.587 * ((rgb >> 8) & 0xff) + 0.114 * (rgb & 0xff)) / 255.0;
  fill = workbook_add_format (self->workbook);
  format_set_bg_color (fill, rgb);
  format_set_pattern (fill, LXW_PATTERN_SOLID);
  format_set_font_color (fill, luminance > 0.55 ? 0x000000 : 0xFFFFFF);
  format_set_align (fill, LXW_ALIGN_VERTICAL_TOP);
  g_hash_table_insert (self->fills, g_strdup (colour), fill);
  return fill;
}

/* Excel's rules: 1..31 characters, none of []:*?/\, not starting or
 * ending with an apostrophe, unique regardless of case. */
static lxw_worksheet *
add_sheet (AimsXlsx   *self,
           const char *name,
           gboolean    streamed)
{
  g_autoptr(GString) valid = g_string_new (NULL);
  g_autofree char *candidate = NULL;

  for (const char *p = name; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (strchr ("[]:*?/\\", (int) c) != NULL && c < 128)
        g_string_append_c (valid, ' ');
      else
        g_string_append_unichar (valid, c);
    }
  g_strstrip (valid->str);
  while (valid->str[0] == '\'')
    g_string_erase (valid, 0, 1);
  if (valid->str[0] == '\0')
    g_string_assign (valid, "Sheet");

  for (guint n = 1; ; n++)
    {
      g_autofree char *suffix = n == 1 ? g_strdup ("") : g_strdup_printf (" (%u)", n);
      glong room = SHEET_NAME_MAX - g_utf8_strlen (suffix, -1);
      g_autofree char *base = g_utf8_substring (valid->str, 0, MIN (g_utf8_strlen (valid->str, -1), room));
      g_autofree char *folded = NULL;

      g_free (candidate);
      candidate = g_strconcat (g_strchomp (base), suffix, NULL);
      while (g_str_has_suffix (candidate, "'"))
        candidate[strlen (candidate) - 1] = '\0';
      folded = g_utf8_casefold (candidate, -1);
      if (!g_hash_table_contains (self->sheet_names, folded))
        {
          g_hash_table_add (self->sheet_names, g_steal_pointer (&folded));
          break;
        }
    }

  {
    lxw_worksheet *sheet;

    /* libxlsxwriter decides a sheet's mode when the sheet is added: the
     * workbook's option is set for this sheet alone. */
    self->workbook->options.constant_memory = streamed ? LXW_TRUE : LXW_FALSE;
    sheet = workbook_add_worksheet (self->workbook, candidate);
    self->workbook->options.constant_memory = LXW_FALSE;

    /* Printed: landscape A4, the header row on every page. */
    worksheet_set_landscape (sheet);
    worksheet_set_paper (sheet, 9);
    return sheet;
  }
}

lxw_worksheet *
aims_xlsx_add_sheet (AimsXlsx   *self,
                     const char *name)
{
  return add_sheet (self, name, FALSE);
}

lxw_worksheet *
aims_xlsx_add_data_sheet (AimsXlsx   *self,
                          const char *name)
{
  return add_sheet (self, name, TRUE);
}

/* libxlsxwriter refuses tables on a sheet in constant-memory mode, because
 * it writes the header cells itself and those may lie above rows already
 * flushed to disk. Here the table is always declared before its rows, so
 * the header row is written as cells of the stream, and the table is
 * declared with the sheet briefly in the ordinary mode: the header cells
 * that libxlsxwriter then keeps in memory are never written for a streamed
 * sheet, and the table part itself does not depend on the mode. */
static void
add_streamed_table (lxw_worksheet     *sheet,
                    lxw_row_t          first_row,
                    lxw_row_t          last_row,
                    lxw_col_t          last_col,
                    lxw_table_options *options)
{
  for (lxw_col_t c = 0; c <= last_col; c++)
    worksheet_write_string (sheet, first_row, c, options->columns[c]->header, NULL);
  sheet->optimize = LXW_FALSE;
  worksheet_add_table (sheet, first_row, 0, last_row, last_col, options);
  sheet->optimize = LXW_TRUE;
}

void
aims_xlsx_add_table (AimsXlsx             *self,
                     lxw_worksheet        *sheet,
                     lxw_row_t             first_row,
                     guint                 n_rows,
                     const AimsXlsxColumn *columns,
                     guint                 n_columns,
                     gboolean              freeze)
{
  g_autofree lxw_table_column *cols = g_new0 (lxw_table_column, n_columns);
  g_autofree lxw_table_column **col_ptrs = g_new0 (lxw_table_column *, n_columns + 1);
  lxw_table_options options = { 0 };

  g_return_if_fail (n_columns > 0);

  for (guint c = 0; c < n_columns; c++)
    {
      cols[c].header = (char *) columns[c].header;
      col_ptrs[c] = &cols[c];
      worksheet_set_column (sheet, c, c, columns[c].width, NULL);
    }
  options.columns = col_ptrs;
  options.style_type = LXW_TABLE_STYLE_TYPE_MEDIUM;
  options.style_type_number = 2;
  /* A table needs a data row: an empty one shows a single blank row. */
  if (sheet->optimize)
    add_streamed_table (sheet, first_row, first_row + MAX (n_rows, 1), n_columns - 1, &options);
  else
    worksheet_add_table (sheet, first_row, 0, first_row + MAX (n_rows, 1), n_columns - 1, &options);
  if (freeze)
    worksheet_freeze_panes (sheet, first_row + 1, 0);
  /* References such as "AIS-001" and numbers kept as text on purpose (a
   * phone number, "2024" as a name) are not errors. */
  worksheet_ignore_errors (sheet, LXW_IGNORE_NUMBER_STORED_AS_TEXT, "A1:XFD1048576");
}

void
aims_xlsx_write_text (AimsXlsx      *self,
                      lxw_worksheet *sheet,
                      lxw_row_t      row,
                      lxw_col_t      col,
                      const char    *text,
                      lxw_format    *format)
{
  if (text == NULL || *text == '\0')
    return;
  worksheet_write_string (sheet, row, col, text,
                          format != NULL ? format : self->formats[AIMS_XLSX_TEXT]);
}

void
aims_xlsx_write_date (AimsXlsx      *self,
                      lxw_worksheet *sheet,
                      lxw_row_t      row,
                      lxw_col_t      col,
                      const char    *iso,
                      lxw_format    *format)
{
  lxw_datetime datetime = { 0 };
  int year, month, day, hour = 0, minute = 0, second = 0;
  int n;

  if (iso == NULL || *iso == '\0')
    return;

  n = sscanf (iso, "%4d-%2d-%2dT%2d:%2d:%2d", &year, &month, &day, &hour, &minute, &second);
  if (n < 3 || !g_date_valid_dmy (day, month, year))
    {
      aims_xlsx_write_text (self, sheet, row, col, iso, NULL);
      return;
    }
  datetime.year = year;
  datetime.month = month;
  datetime.day = day;
  datetime.hour = hour;
  datetime.min = minute;
  datetime.sec = second;
  if (format == NULL)
    format = self->formats[n > 3 ? AIMS_XLSX_DATETIME : AIMS_XLSX_DATE];
  worksheet_write_datetime (sheet, row, col, &datetime, format);
}

void
aims_xlsx_write_number (AimsXlsx      *self,
                        lxw_worksheet *sheet,
                        lxw_row_t      row,
                        lxw_col_t      col,
                        double         value,
                        lxw_format    *format)
{
  worksheet_write_number (sheet, row, col, value,
                          format != NULL ? format : self->formats[AIMS_XLSX_DECIMAL]);
}

static void
aims_xlsx_free (AimsXlsx *self)
{
  leave_c_locale (self);
  g_hash_table_unref (self->fills);
  g_hash_table_unref (self->sheet_names);
  g_free (self->path);
  g_free (self->part_path);
  g_free (self);
}

gboolean
aims_xlsx_close (AimsXlsx  *self,
                 GError   **error)
{
  lxw_error result;
  gboolean ok = TRUE;

  g_return_val_if_fail (self != NULL, FALSE);

  /* Still in the C locale: closing is when the numbers are written. */
  result = workbook_close (self->workbook);
  if (result != LXW_NO_ERROR)
    {
      g_set_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_FAILED,
                   _("Could not write the workbook “%s”: %s"), self->path, lxw_strerror (result));
      g_unlink (self->part_path);
      ok = FALSE;
    }
  else if (g_rename (self->part_path, self->path) != 0)
    {
      int saved = errno;

      g_set_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_FAILED,
                   _("Could not write the workbook “%s”: %s"), self->path, g_strerror (saved));
      g_unlink (self->part_path);
      ok = FALSE;
    }

  aims_xlsx_free (self);
  return ok;
}

void
aims_xlsx_abandon (AimsXlsx *self)
{
  if (self == NULL)
    return;
  workbook_close (self->workbook);
  g_unlink (self->part_path);
  aims_xlsx_free (self);
}
