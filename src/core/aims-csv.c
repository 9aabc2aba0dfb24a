/* aims-csv.c — the streaming RFC 4180 reader and the cell writer
 *
 * The parser works on bytes: in UTF-8 and in every single-byte encoding the
 * delimiter, the quote and the line ends are the ASCII bytes, so a row is
 * cut into cells first and each cell decoded after (iconv for Windows-1252
 * and the like). Only UTF-16 and UTF-32 go through a converting stream.
 * Memory stays one row, and a cell is refused as soon as it passes the
 * limit, before the rest of it is read.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include <glib/gi18n.h>

#include "aims-csv.h"

#define HEAD_BYTES  (64 * 1024)
#define CHUNK_BYTES (64 * 1024)
/* Rows looked at to choose the delimiter. */
#define DELIMITER_ROWS 50

G_DEFINE_QUARK (aims-csv-error-quark, aims_csv_error)

typedef enum
{
  DECODE_UTF8,    /* bytes are UTF-8: validated cell by cell */
  DECODE_ICONV,   /* a single-byte encoding: each cell converted */
  DECODE_STREAM,  /* the stream gives UTF-8 already (UTF-16, UTF-32) */
} Decode;

struct _AimsCsvReader
{
  GInputStream *stream;
  GCancellable *cancellable;
  char         *encoding;
  gboolean      bom;
  char          delimiter;
  gsize         max_cell;
  Decode        decode;
  gboolean      tentative;   /* UTF-8 chosen for a start in plain ASCII only */
  GIConv        iconv;

  guint8       *buf;
  gsize         buf_len;
  gsize         buf_pos;
  gboolean      eof;

  GString      *row;         /* the row's cells, each ended by a NUL */
  GArray       *starts;      /* gsize: where each cell starts in row */
  GPtrArray    *cells;       /* const char *, NULL-terminated */
  GPtrArray    *converted;   /* cells iconv made, owned */
  guint         row_number;
  guint         line;
  guint         next_line;
};

enum { BYTE_EOF = -1, BYTE_ERROR = -2 };

/* ── Encodings ─────────────────────────────────────────────────────────── */

static gboolean
is_utf8 (const char *encoding)
{
  return g_ascii_strcasecmp (encoding, "UTF-8") == 0 || g_ascii_strcasecmp (encoding, "UTF8") == 0;
}

/* Encodings whose bytes are not ASCII-compatible, converted as a stream. */
static gboolean
is_wide (const char *encoding)
{
  return g_ascii_strncasecmp (encoding, "UTF-16", 6) == 0 || g_ascii_strncasecmp (encoding, "UTF-32", 6) == 0 ||
         g_ascii_strncasecmp (encoding, "UCS-2", 5) == 0 || g_ascii_strncasecmp (encoding, "UCS-4", 5) == 0 ||
         g_ascii_strncasecmp (encoding, "UTF16", 5) == 0 || g_ascii_strncasecmp (encoding, "UTF32", 5) == 0;
}

/* The byte-order mark at the start of head: its length and encoding. */
static gsize
detect_bom (const guint8  *head,
            gsize          len,
            const char   **encoding)
{
  static const struct
  {
    const char *encoding;
    gsize       len;
    guint8      bytes[4];
  } boms[] = {
    /* UTF-32LE before UTF-16LE: its mark begins with the same two bytes. */
    { AIMS_CSV_UTF8, 3, { 0xEF, 0xBB, 0xBF } },
    { "UTF-32LE",    4, { 0xFF, 0xFE, 0x00, 0x00 } },
    { "UTF-32BE",    4, { 0x00, 0x00, 0xFE, 0xFF } },
    { "UTF-16LE",    2, { 0xFF, 0xFE } },
    { "UTF-16BE",    2, { 0xFE, 0xFF } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (boms); i++)
    if (len >= boms[i].len && memcmp (head, boms[i].bytes, boms[i].len) == 0)
      {
        *encoding = boms[i].encoding;
        return boms[i].len;
      }
  *encoding = NULL;
  return 0;
}

/* NUL bytes, or more control characters than any text has. */
static gboolean
looks_binary (const guint8 *head,
              gsize         len)
{
  gsize controls = 0;

  for (gsize i = 0; i < len; i++)
    {
      if (head[i] == 0)
        return TRUE;
      if ((head[i] < 0x20 && head[i] != '\t' && head[i] != '\n' && head[i] != '\r' && head[i] != '\f') ||
          head[i] == 0x7F)
        controls++;
    }
  return controls > len / 20;
}

/* UTF-8 throughout, allowing a character cut at the end of a head that
 * is not the whole file. *ascii tells whether every byte was ASCII. */
static gboolean
head_is_utf8 (const guint8 *head,
              gsize         len,
              gboolean      whole,
              gboolean     *ascii)
{
  const char *end = NULL;

  *ascii = TRUE;
  for (gsize i = 0; i < len && *ascii; i++)
    *ascii = head[i] < 0x80;
  if (*ascii || g_utf8_validate_len ((const char *) head, len, &end))
    return TRUE;
  return !whole && (gsize) (end - (const char *) head) + 4 > len &&
         g_utf8_get_char_validated (end, len - (end - (const char *) head)) == (gunichar) -2;
}

/* ── Reading bytes ─────────────────────────────────────────────────────── */

static gboolean
refill (AimsCsvReader  *self,
        GError        **error)
{
  g_autoptr(GError) local_error = NULL;
  gssize n = g_input_stream_read (self->stream, self->buf, CHUNK_BYTES, self->cancellable, &local_error);

  if (n < 0)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA) ||
               g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_PARTIAL_INPUT))
        g_set_error (error, AIMS_CSV_ERROR, AIMS_CSV_ERROR_ENCODING,
                     _("Near row %u: the text is not %s (%s)"),
                     self->row_number, self->encoding, local_error->message);
      else
        g_set_error (error, AIMS_CSV_ERROR, AIMS_CSV_ERROR_FAILED,
                     _("Reading failed near row %u: %s"), self->row_number, local_error->message);
      return FALSE;
    }
  self->buf_len = (gsize) n;
  self->buf_pos = 0;
  self->eof = n == 0;
  return TRUE;
}

static inline int
next_byte (AimsCsvReader  *self,
           GError        **error)
{
  if (self->buf_pos == self->buf_len)
    {
      if (self->eof)
        return BYTE_EOF;
      if (!refill (self, error))
        return BYTE_ERROR;
      if (self->eof)
        return BYTE_EOF;
    }
  return self->buf[self->buf_pos++];
}

/* After a CR: takes the LF of a CRLF, leaves anything else for later. */
static gboolean
take_lf_after_cr (AimsCsvReader  *self,
                  GError        **error)
{
  int c = next_byte (self, error);

  if (c == BYTE_ERROR)
    return FALSE;
  if (c != BYTE_EOF && c != '\n')
    self->buf_pos--;
  return TRUE;
}

/* ── Rows ──────────────────────────────────────────────────────────────── */

static gsize
current_start (AimsCsvReader *self)
{
  return g_array_index (self->starts, gsize, self->starts->len - 1);
}

static char *
format_size (gsize bytes)
{
  return g_format_size_full (bytes, G_FORMAT_SIZE_IEC_UNITS);
}

static gboolean
append_byte (AimsCsvReader  *self,
             int             c,
             GError        **error)
{
  if (G_UNLIKELY (c == 0))
    {
      g_set_error (error, AIMS_CSV_ERROR, AIMS_CSV_ERROR_BINARY,
                   _("Row %u, column %u holds a NUL byte: this is not a text file"),
                   self->row_number, self->starts->len);
      return FALSE;
    }
  if (G_UNLIKELY (self->row->len - current_start (self) >= self->max_cell))
    {
      g_autofree char *size = format_size (self->max_cell);

      g_set_error (error, AIMS_CSV_ERROR, AIMS_CSV_ERROR_TOO_LARGE,
                   _("Row %u, column %u: the cell is larger than %s; nothing was read past it"),
                   self->row_number, self->starts->len, size);
      return FALSE;
    }
  if (G_UNLIKELY (self->row->len >= AIMS_CSV_MAX_ROW_BYTES))
    {
      g_autofree char *size = format_size (AIMS_CSV_MAX_ROW_BYTES);

      g_set_error (error, AIMS_CSV_ERROR, AIMS_CSV_ERROR_TOO_LARGE,
                   _("Row %u is larger than %s"), self->row_number, size);
      return FALSE;
    }
  g_string_append_c (self->row, (char) c);
  return TRUE;
}

static gboolean
end_cell (AimsCsvReader  *self,
          GError        **error)
{
  gsize start;

  if (self->starts->len >= AIMS_CSV_MAX_COLUMNS)
    {
      g_set_error (error, AIMS_CSV_ERROR, AIMS_CSV_ERROR_TOO_LARGE,
                   _("Row %u has more than %u columns"), self->row_number, AIMS_CSV_MAX_COLUMNS);
      return FALSE;
    }
  g_string_append_c (self->row, '\0');
  start = self->row->len;
  g_array_append_val (self->starts, start);
  return TRUE;
}

static gboolean
has_high_bytes (const char *text)
{
  for (const guchar *p = (const guchar *) text; *p != '\0'; p++)
    if (*p >= 0x80)
      return TRUE;
  return FALSE;
}

static gboolean
switch_to_windows_1252 (AimsCsvReader *self)
{
  GIConv iconv = g_iconv_open ("UTF-8", AIMS_CSV_WINDOWS_1252);

  if (iconv == (GIConv) -1)
    return FALSE;
  self->iconv = iconv;
  self->decode = DECODE_ICONV;
  self->tentative = FALSE;
  g_free (self->encoding);
  self->encoding = g_strdup (AIMS_CSV_WINDOWS_1252);
  return TRUE;
}

/* Checks (UTF-8) or converts (iconv) the cells of the row just cut. */
static gboolean
decode_cells (AimsCsvReader  *self,
              GError        **error)
{
  for (guint i = 0; i < self->cells->len - 1; i++)
    {
      const char *cell = g_ptr_array_index (self->cells, i);
      g_autoptr(GError) local_error = NULL;
      gsize n_read = 0;
      char *text;

      if (self->decode == DECODE_STREAM)
        break;
      if (self->decode == DECODE_UTF8)
        {
          if (self->tentative && !has_high_bytes (cell))
            continue;
          if (g_utf8_validate (cell, -1, NULL))
            {
              self->tentative = FALSE;
              continue;
            }
          /* Everything before was ASCII, which Windows-1252 reads alike. */
          if (!self->tentative || !switch_to_windows_1252 (self))
            {
              g_set_error (error, AIMS_CSV_ERROR, AIMS_CSV_ERROR_ENCODING,
                           _("Row %u, column %u: the text is not valid UTF-8, although earlier rows were; "
                             "the file mixes encodings or is damaged"),
                           self->row_number, i + 1);
              return FALSE;
            }
        }
      if (!has_high_bytes (cell))
        continue;
      text = g_convert_with_iconv (cell, -1, self->iconv, &n_read, NULL, &local_error);
      if (text == NULL)
        {
          g_set_error (error, AIMS_CSV_ERROR, AIMS_CSV_ERROR_ENCODING,
                       _("Row %u, column %u: the byte 0x%02X is not %s text; the file is in another encoding, or not text"),
                       self->row_number, i + 1, (guint) (guchar) cell[n_read], self->encoding);
          return FALSE;
        }
      g_ptr_array_add (self->converted, text);
      self->cells->pdata[i] = text;
    }
  return TRUE;
}

static gboolean
finish_row (AimsCsvReader  *self,
            GError        **error)
{
  g_string_append_c (self->row, '\0');
  g_ptr_array_set_size (self->cells, 0);
  g_ptr_array_set_size (self->converted, 0);
  for (guint i = 0; i < self->starts->len; i++)
    g_ptr_array_add (self->cells, self->row->str + g_array_index (self->starts, gsize, i));
  g_ptr_array_add (self->cells, NULL);
  return decode_cells (self, error);
}

AimsCsvStep
aims_csv_reader_step (AimsCsvReader  *self,
                      GError        **error)
{
  enum { START, UNQUOTED, QUOTED, AFTER_QUOTE } state = START;
  gboolean any = FALSE;
  guint quote_line = 0;
  gsize zero = 0;

  g_return_val_if_fail (self != NULL, AIMS_CSV_STEP_ERROR);

  g_string_truncate (self->row, 0);
  g_array_set_size (self->starts, 0);
  g_array_append_val (self->starts, zero);
  self->line = self->next_line;
  self->row_number++;

  for (;;)
    {
      int c = next_byte (self, error);

      if (c == BYTE_ERROR)
        return AIMS_CSV_STEP_ERROR;
      if (c == BYTE_EOF)
        {
          if (state == QUOTED)
            {
              g_set_error (error, AIMS_CSV_ERROR, AIMS_CSV_ERROR_UNCLOSED_QUOTE,
                           _("Row %u, column %u: the quote opened on line %u is never closed"),
                           self->row_number, self->starts->len, quote_line);
              return AIMS_CSV_STEP_ERROR;
            }
          if (!any)
            {
              self->row_number--;
              return AIMS_CSV_STEP_DONE;
            }
          break;
        }
      any = TRUE;

      switch (state)
        {
        case START:
          if (c == '"')
            {
              state = QUOTED;
              quote_line = self->next_line;
              continue;
            }
          G_GNUC_FALLTHROUGH;
        case UNQUOTED:
        unquoted:
          if (c == self->delimiter)
            {
              if (!end_cell (self, error))
                return AIMS_CSV_STEP_ERROR;
              state = START;
              continue;
            }
          if (c == '\n' || c == '\r')
            {
              self->next_line++;
              if (c == '\r' && !take_lf_after_cr (self, error))
                return AIMS_CSV_STEP_ERROR;
              goto row_done;
            }
          state = UNQUOTED;
          if (!append_byte (self, c, error))
            return AIMS_CSV_STEP_ERROR;
          continue;

        case QUOTED:
          if (c == '"')
            {
              state = AFTER_QUOTE;
              continue;
            }
          /* A line break inside a cell is kept as one LF, whatever the file used. */
          if (c == '\r')
            {
              if (!take_lf_after_cr (self, error))
                return AIMS_CSV_STEP_ERROR;
              c = '\n';
            }
          if (c == '\n')
            self->next_line++;
          if (!append_byte (self, c, error))
            return AIMS_CSV_STEP_ERROR;
          continue;

        case AFTER_QUOTE:
          if (c == '"')
            {
              state = QUOTED;
              if (!append_byte (self, '"', error))
                return AIMS_CSV_STEP_ERROR;
              continue;
            }
          /* Text after a closing quote is kept, as spreadsheets do. */
          goto unquoted;

        default:
          g_assert_not_reached ();
        }
    }

row_done:
  if (!finish_row (self, error))
    return AIMS_CSV_STEP_ERROR;
  return AIMS_CSV_STEP_ROW;
}

guint
aims_csv_reader_get_n_cells (AimsCsvReader *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->cells->len > 0 ? self->cells->len - 1 : 0;
}

const char *
aims_csv_reader_get_cell (AimsCsvReader *self,
                          guint          column)
{
  g_return_val_if_fail (self != NULL, "");

  return column < aims_csv_reader_get_n_cells (self) ? g_ptr_array_index (self->cells, column) : "";
}

const char *const *
aims_csv_reader_get_cells (AimsCsvReader *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return (const char *const *) self->cells->pdata;
}

guint
aims_csv_reader_get_row (AimsCsvReader *self)
{
  return self->row_number;
}

guint
aims_csv_reader_get_line (AimsCsvReader *self)
{
  return self->line;
}

const char *
aims_csv_reader_get_encoding (AimsCsvReader *self)
{
  return self->encoding;
}

gboolean
aims_csv_reader_get_bom (AimsCsvReader *self)
{
  return self->bom;
}

char
aims_csv_reader_get_delimiter (AimsCsvReader *self)
{
  return self->delimiter;
}

/* ── Opening ───────────────────────────────────────────────────────────── */

/* The start of the stream, decoded as far as needed to count cells: bytes
 * as they are for ASCII-compatible encodings, UTF-8 for the wide ones; cut
 * after the last line end unless it is the whole file. */
static GBytes *
head_text (const guint8 *head,
           gsize         len,
           const char   *encoding,
           gboolean      whole)
{
  g_autofree char *text = NULL;
  gsize text_len = len;

  if (is_wide (encoding))
    {
      /* A character may be cut at the end: try shorter until it converts. */
      for (gsize cut = 0; cut < 4 && text == NULL && cut < len; cut++)
        text = g_convert ((const char *) head, len - cut, "UTF-8", encoding, NULL, &text_len, NULL);
      if (text == NULL)
        return g_bytes_new (NULL, 0);
    }
  else
    text = g_memdup2 (head, len);

  if (!whole)
    {
      gsize end = text_len;

      while (end > 0 && text[end - 1] != '\n')
        end--;
      if (end > 0)
        text_len = end;
    }
  return g_bytes_new (text, text_len);
}

/* The delimiter that cuts the first rows into the same number of cells,
 * more than one, most often; a comma when none does. */
static char
detect_delimiter (GBytes *text)
{
  static const char candidates[] = { ',', ';', '\t', '|' };
  char best = ',';
  guint best_frequency = 0, best_cells = 0;

  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    {
      AimsCsvOptions options = { "ISO-8859-1", candidates[i], g_bytes_get_size (text) + 1 };
      g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_bytes (text);
      g_autoptr(AimsCsvReader) reader = aims_csv_reader_new (stream, &options, NULL, NULL);
      g_autoptr(GHashTable) frequency = g_hash_table_new (NULL, NULL);
      guint rows = 0, mode = 0, mode_frequency = 0;

      while (reader != NULL && rows < DELIMITER_ROWS &&
             aims_csv_reader_step (reader, NULL) == AIMS_CSV_STEP_ROW)
        {
          guint n = aims_csv_reader_get_n_cells (reader);
          guint f;

          if (n == 1 && *aims_csv_reader_get_cell (reader, 0) == '\0')
            continue;
          rows++;
          f = GPOINTER_TO_UINT (g_hash_table_lookup (frequency, GUINT_TO_POINTER (n))) + 1;
          g_hash_table_insert (frequency, GUINT_TO_POINTER (n), GUINT_TO_POINTER (f));
          if (f > mode_frequency || (f == mode_frequency && n > mode))
            mode = n, mode_frequency = f;
        }
      if (mode < 2)
        continue;
      if (mode_frequency > best_frequency || (mode_frequency == best_frequency && mode > best_cells))
        best = candidates[i], best_frequency = mode_frequency, best_cells = mode;
    }
  return best;
}

/* Fills the buffered stream with the head of the file (or all of it). */
static gboolean
read_head (GBufferedInputStream  *buffered,
           GCancellable          *cancellable,
           gboolean              *whole,
           GError               **error)
{
  g_autoptr(GError) local_error = NULL;

  *whole = FALSE;
  while (g_buffered_input_stream_get_available (buffered) < HEAD_BYTES)
    {
      gssize n = g_buffered_input_stream_fill (buffered, HEAD_BYTES - g_buffered_input_stream_get_available (buffered),
                                               cancellable, &local_error);
      if (n < 0)
        {
          if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
            g_propagate_error (error, g_steal_pointer (&local_error));
          else
            g_set_error (error, AIMS_CSV_ERROR, AIMS_CSV_ERROR_FAILED,
                         _("Reading failed: %s"), local_error->message);
          return FALSE;
        }
      if (n == 0)
        {
          *whole = TRUE;
          break;
        }
    }
  return TRUE;
}

/* Decides the encoding and how to decode, from options and the head. */
static gboolean
choose_encoding (AimsCsvReader         *self,
                 const AimsCsvOptions  *options,
                 const guint8          *head,
                 gsize                  len,
                 gboolean               whole,
                 gsize                 *bom_len,
                 GError               **error)
{
  const char *bom_encoding = NULL;
  gboolean ascii = FALSE;

  *bom_len = detect_bom (head, len, &bom_encoding);
  if (options->encoding != NULL)
    {
      self->encoding = g_ascii_strup (options->encoding, -1);
      if (bom_encoding != NULL && g_ascii_strcasecmp (bom_encoding, self->encoding) != 0 &&
          !(is_utf8 (bom_encoding) && is_utf8 (self->encoding)))
        *bom_len = 0;
    }
  else if (bom_encoding != NULL)
    self->encoding = g_strdup (bom_encoding);
  else if (head_is_utf8 (head, len, whole, &ascii))
    {
      self->encoding = g_strdup (AIMS_CSV_UTF8);
      self->tentative = ascii;
    }
  else
    self->encoding = g_strdup (AIMS_CSV_WINDOWS_1252);
  self->bom = *bom_len > 0;

  if (len == *bom_len)
    {
      g_set_error_literal (error, AIMS_CSV_ERROR, AIMS_CSV_ERROR_EMPTY, _("The file is empty"));
      return FALSE;
    }
  if (!is_wide (self->encoding) && looks_binary (head + *bom_len, len - *bom_len))
    {
      g_set_error_literal (error, AIMS_CSV_ERROR, AIMS_CSV_ERROR_BINARY,
                           _("This is not a text file: it holds NUL bytes or control characters"));
      return FALSE;
    }

  if (is_utf8 (self->encoding))
    {
      self->decode = DECODE_UTF8;
      return TRUE;
    }
  if (is_wide (self->encoding))
    {
      self->decode = DECODE_STREAM;
      return TRUE;
    }
  self->decode = DECODE_ICONV;
  self->iconv = g_iconv_open ("UTF-8", self->encoding);
  if (self->iconv == (GIConv) -1)
    {
      g_set_error (error, AIMS_CSV_ERROR, AIMS_CSV_ERROR_ENCODING,
                   _("“%s” is not an encoding this system knows"), options->encoding);
      return FALSE;
    }
  return TRUE;
}

AimsCsvReader *
aims_csv_reader_new (GInputStream          *stream,
                     const AimsCsvOptions  *options,
                     GCancellable          *cancellable,
                     GError               **error)
{
  static const AimsCsvOptions defaults = { NULL, 0, 0 };
  g_autoptr(AimsCsvReader) self = NULL;
  g_autoptr(GInputStream) buffered = NULL;
  const guint8 *head;
  gsize len, bom_len = 0;
  gboolean whole;

  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), NULL);

  if (options == NULL)
    options = &defaults;
  self = g_new0 (AimsCsvReader, 1);
  self->iconv = (GIConv) -1;
  self->cancellable = cancellable != NULL ? g_object_ref (cancellable) : NULL;
  self->max_cell = options->max_cell_bytes > 0 ? options->max_cell_bytes : AIMS_CSV_DEFAULT_MAX_CELL_BYTES;
  self->buf = g_malloc (CHUNK_BYTES);
  self->row = g_string_sized_new (1024);
  self->starts = g_array_new (FALSE, FALSE, sizeof (gsize));
  self->cells = g_ptr_array_new ();
  self->converted = g_ptr_array_new_with_free_func (g_free);
  self->next_line = 1;

  buffered = g_buffered_input_stream_new_sized (stream, HEAD_BYTES);
  if (!read_head (G_BUFFERED_INPUT_STREAM (buffered), cancellable, &whole, error))
    return NULL;
  head = g_buffered_input_stream_peek_buffer (G_BUFFERED_INPUT_STREAM (buffered), &len);
  if (len == 0)
    {
      g_set_error_literal (error, AIMS_CSV_ERROR, AIMS_CSV_ERROR_EMPTY, _("The file is empty"));
      return NULL;
    }
  if (!choose_encoding (self, options, head, len, whole, &bom_len, error))
    return NULL;

  if (options->delimiter != '\0')
    self->delimiter = options->delimiter;
  else
    {
      g_autoptr(GBytes) text = head_text (head + bom_len, len - bom_len, self->encoding, whole);

      self->delimiter = detect_delimiter (text);
    }

  if (bom_len > 0 && g_input_stream_skip (buffered, bom_len, cancellable, error) < 0)
    return NULL;
  if (self->decode == DECODE_STREAM)
    {
      g_autoptr(GCharsetConverter) converter = g_charset_converter_new ("UTF-8", self->encoding, NULL);

      if (converter == NULL)
        {
          g_set_error (error, AIMS_CSV_ERROR, AIMS_CSV_ERROR_ENCODING,
                       _("“%s” is not an encoding this system knows"), self->encoding);
          return NULL;
        }
      self->stream = g_converter_input_stream_new (buffered, G_CONVERTER (converter));
    }
  else
    self->stream = g_steal_pointer (&buffered);
  return g_steal_pointer (&self);
}

AimsCsvReader *
aims_csv_reader_new_for_path (const char            *path,
                              const AimsCsvOptions  *options,
                              GCancellable          *cancellable,
                              GError               **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  file = g_file_new_for_path (path);
  stream = g_file_read (file, cancellable, &local_error);
  if (stream == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, AIMS_CSV_ERROR, AIMS_CSV_ERROR_FAILED, "%s", local_error->message);
      return NULL;
    }
  return aims_csv_reader_new (G_INPUT_STREAM (stream), options, cancellable, error);
}

void
aims_csv_reader_free (AimsCsvReader *self)
{
  if (self == NULL)
    return;
  g_clear_object (&self->stream);
  g_clear_object (&self->cancellable);
  if (self->iconv != (GIConv) -1)
    g_iconv_close (self->iconv);
  g_free (self->encoding);
  g_free (self->buf);
  g_string_free (self->row, TRUE);
  g_array_unref (self->starts);
  g_ptr_array_unref (self->cells);
  g_ptr_array_unref (self->converted);
  g_free (self);
}

/* ── Text ──────────────────────────────────────────────────────────────── */

char *
aims_csv_text_one_line (const char *text)
{
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  g_return_val_if_fail (text != NULL, NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == 0x00A0 || c == 0xFEFF)
        {
          space = out->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

/* ── Writing ───────────────────────────────────────────────────────────── */

void
aims_csv_append_cell (GString    *out,
                      const char *value,
                      char        delimiter)
{
  const char specials[] = { delimiter, '"', '\r', '\n', '\0' };

  g_return_if_fail (out != NULL);

  if (value == NULL)
    return;
  if (strpbrk (value, specials) == NULL)
    {
      g_string_append (out, value);
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}
