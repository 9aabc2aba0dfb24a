/* aims-csv.h — reading CSV files the way spreadsheets write them
 *
 * An RFC 4180 reader that streams: a row at a time, never the whole file
 * in memory. It takes quoted cells across lines, doubled quotes, CRLF, LF
 * or CR line ends, a missing final line end and rows of any length. A cell
 * larger than the limit is refused as soon as it passes it, naming its row
 * and column; a quote left open is reported with the row it opened in.
 *
 * The text is read as UTF-8 (with or without a byte-order mark), UTF-16 or
 * UTF-32 with a byte-order mark, or else Windows-1252, unless the caller
 * names the encoding. Cells always come out as UTF-8.
 *
 * aims_csv_sniff() looks at the start of a file the way a person would
 * before importing it: which encoding, which delimiter (comma, semicolon,
 * tab or bar), which row holds the headers (title rows above it are
 * skipped), and the first rows as read.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define AIMS_CSV_ERROR (aims_csv_error_quark ())

/* Each comes with a message a user can read, naming the row (and column)
 * where there is one. */
typedef enum
{
  AIMS_CSV_ERROR_FAILED,          /* the file could not be read */
  AIMS_CSV_ERROR_EMPTY,           /* no bytes, or no cell with anything in it */
  AIMS_CSV_ERROR_BINARY,          /* NUL bytes or control characters: not text */
  AIMS_CSV_ERROR_ENCODING,        /* bytes that are not text in the encoding, or an
                                     encoding iconv does not know */
  AIMS_CSV_ERROR_UNCLOSED_QUOTE,  /* a quoted cell never closed */
  AIMS_CSV_ERROR_TOO_LARGE,       /* a cell, a row or a number of columns over the limit */
  AIMS_CSV_ERROR_NO_HEADER,       /* no row in the first ones names columns */
} AimsCsvError;

#define AIMS_CSV_DEFAULT_MAX_CELL_BYTES (1024 * 1024)
#define AIMS_CSV_MAX_COLUMNS            4096
#define AIMS_CSV_MAX_ROW_BYTES          (64 * 1024 * 1024)
/* Where aims_csv_sniff() looks for the header row. */
#define AIMS_CSV_SNIFF_ROWS             20

/* The names aims_csv_reader_get_encoding() gives for what it detects. */
#define AIMS_CSV_UTF8         "UTF-8"
#define AIMS_CSV_WINDOWS_1252 "WINDOWS-1252"

typedef struct
{
  const char *encoding;        /* NULL: detect; else any name iconv knows ("ISO-8859-15") */
  char        delimiter;       /* 0: detect among ',', ';', '\t' and '|' */
  gsize       max_cell_bytes;  /* 0: AIMS_CSV_DEFAULT_MAX_CELL_BYTES */
} AimsCsvOptions;

typedef enum
{
  AIMS_CSV_STEP_ERROR = -1,
  AIMS_CSV_STEP_DONE  = 0,
  AIMS_CSV_STEP_ROW   = 1,
} AimsCsvStep;

typedef struct _AimsCsvReader AimsCsvReader;

GQuark         aims_csv_error_quark         (void);

/* Reads the start of stream to detect what options leave open; options may
 * be NULL. Fails on an empty or binary stream and an unknown encoding. */
AimsCsvReader *aims_csv_reader_new          (GInputStream          *stream,
                                             const AimsCsvOptions  *options,
                                             GCancellable          *cancellable,
                                             GError               **error);
AimsCsvReader *aims_csv_reader_new_for_path (const char            *path,
                                             const AimsCsvOptions  *options,
                                             GCancellable          *cancellable,
                                             GError               **error);
void           aims_csv_reader_free         (AimsCsvReader         *self);

/* Reads the next row. A blank line is a row of one empty cell. */
AimsCsvStep    aims_csv_reader_step         (AimsCsvReader         *self,
                                             GError               **error);
/* The cells of the row just read, valid until the next step: n of them,
 * NULL-terminated, UTF-8. get_cell gives "" past the last one. */
guint          aims_csv_reader_get_n_cells  (AimsCsvReader         *self);
const char    *aims_csv_reader_get_cell     (AimsCsvReader         *self,
                                             guint                  column);
const char *const *aims_csv_reader_get_cells (AimsCsvReader        *self);
/* The row's number in the file, counting from 1 as a spreadsheet numbers
 * its rows (a cell spanning lines keeps it one row), and the line it
 * started on. */
guint          aims_csv_reader_get_row      (AimsCsvReader         *self);
guint          aims_csv_reader_get_line     (AimsCsvReader         *self);
/* AIMS_CSV_UTF8, AIMS_CSV_WINDOWS_1252, "UTF-16LE", … or as given. A file
 * detected as UTF-8 because it began in plain ASCII turns out Windows-1252
 * when the first byte that is not UTF-8 comes (nothing read before differs
 * between the two); this then says so. */
const char    *aims_csv_reader_get_encoding (AimsCsvReader         *self);
gboolean       aims_csv_reader_get_bom      (AimsCsvReader         *self);
char           aims_csv_reader_get_delimiter (AimsCsvReader        *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AimsCsvReader, aims_csv_reader_free)

/* ── Sniffing ──────────────────────────────────────────────────────────── */

typedef struct
{
  AimsCsvOptions csv;
  guint          header_row;  /* 0: detect; else the row's number, from 1 */
  guint          n_preview;   /* rows below the header to keep; 0: 10 */
} AimsCsvSniffOptions;

typedef struct
{
  char      *encoding;     /* as aims_csv_reader_get_encoding() */
  gboolean   bom;
  char       delimiter;
  guint      header_row;   /* the row's number, from 1 */
  guint      n_columns;
  GStrv      headers;      /* n_columns of them, each made one line and unique:
                              "Column 7" for a blank one, "Name (2)" for a repeat */
  GPtrArray *rows;         /* GStrv each: the file's first rows as read, from
                              row 1 (title rows and the header included) to
                              n_preview rows below the header */
} AimsCsvSniff;

/* Reads the first rows of the file at path. Besides the reader's errors,
 * AIMS_CSV_ERROR_NO_HEADER when no row of the first AIMS_CSV_SNIFF_ROWS
 * names columns, or the header_row asked for is not in the file. */
AimsCsvSniff  *aims_csv_sniff               (const char                 *path,
                                             const AimsCsvSniffOptions  *options,
                                             GCancellable               *cancellable,
                                             GError                    **error);
/* The same from the start of a stream. */
AimsCsvSniff  *aims_csv_sniff_stream        (GInputStream               *stream,
                                             const AimsCsvSniffOptions  *options,
                                             GCancellable               *cancellable,
                                             GError                    **error);
void           aims_csv_sniff_free          (AimsCsvSniff               *sniff);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AimsCsvSniff, aims_csv_sniff_free)

/* A cell's text on one line: runs of white space (line breaks, no-break
 * spaces) become one space, and none at either end. */
char          *aims_csv_text_one_line       (const char                 *text);

/* ── Writing ───────────────────────────────────────────────────────────── */

/* Appends value (NULL: empty) as one RFC 4180 cell, quoted when it holds
 * the delimiter, a quote, CR or LF. */
void           aims_csv_append_cell         (GString                    *out,
                                             const char                 *value,
                                             char                        delimiter);

G_END_DECLS
