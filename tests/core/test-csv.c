/* test-csv.c — the CSV reader on a table of small cases, its encodings,
 * limits and errors, and the sniffing of title rows, delimiters and headers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "core-fixtures.h"

/* Every row read, cells joined by "|" and rows ended by "\n"; NULL with
 * error on failure. */
static char *
read_all (const char           *data,
          gssize                len,
          const AimsCsvOptions *options,
          char                 *delimiter,
          char                **encoding,
          GError              **error)
{
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data (g_memdup2 (data, len < 0 ? strlen (data) : (gsize) len),
                                                                        len < 0 ? (gssize) strlen (data) : len, g_free);
  g_autoptr(AimsCsvReader) reader = aims_csv_reader_new (stream, options, NULL, error);
  g_autoptr(GString) out = g_string_new (NULL);
  AimsCsvStep step;

  if (reader == NULL)
    return NULL;
  while ((step = aims_csv_reader_step (reader, error)) == AIMS_CSV_STEP_ROW)
    {
      g_autofree char *row = g_strjoinv ("|", (GStrv) aims_csv_reader_get_cells (reader));

      g_string_append_printf (out, "%s\n", row);
    }
  if (step == AIMS_CSV_STEP_ERROR)
    return NULL;
  if (delimiter != NULL)
    *delimiter = aims_csv_reader_get_delimiter (reader);
  if (encoding != NULL)
    *encoding = g_strdup (aims_csv_reader_get_encoding (reader));
  return g_string_free (g_steal_pointer (&out), FALSE);
}

typedef struct
{
  const char *name;
  const char *input;
  gssize      len;        /* -1: a C string */
  const char *expected;   /* rows as read_all() gives them */
  char        delimiter;  /* detected; 0: not checked */
  const char *encoding;   /* detected; NULL: not checked */
} Case;

static const Case cases[] = {
  { "crlf", "a,b\r\nc,d\r\n", -1, "a|b\nc|d\n", ',', "UTF-8" },
  { "lf without final newline", "a,b\nc,d", -1, "a|b\nc|d\n", ',', NULL },
  { "cr only", "a,b\rc,d\r", -1, "a|b\nc|d\n", ',', NULL },
  { "doubled quotes", "\"say \"\"hi\"\"\",x\n", -1, "say \"hi\"|x\n", 0, NULL },
  { "quoted across lines", "\"line 1\r\nline 2\",b\nc,d\n", -1, "line 1\nline 2|b\nc|d\n", ',', NULL },
  { "quoted delimiter", "\"a,b\",c\n", -1, "a,b|c\n", 0, NULL },
  { "ragged rows", "a,b,c\nd\ne,f\n", -1, "a|b|c\nd\ne|f\n", 0, NULL },
  { "empty cells", ",,\nx,,\n", -1, "||\nx||\n", 0, NULL },
  { "blank line", "a\n\nb\n", -1, "a\n\nb\n", 0, NULL },
  { "empty quoted cell", "\"\",a\n", -1, "|a\n", 0, NULL },
  { "text after a closing quote", "\"a\"b,c\n", -1, "ab|c\n", 0, NULL },
  { "quote inside an unquoted cell", "5\" disk,x\n", -1, "5\" disk|x\n", 0, NULL },
  { "semicolons", "name;unit;stage\nA;B,C;x\nD;E;y\n", -1, "name|unit|stage\nA|B,C|x\nD|E|y\n", ';', NULL },
  { "tabs", "name\tunit\nA, B\tC\n", -1, "name|unit\nA, B|C\n", '\t', NULL },
  { "one column", "name\nA\nB\n", -1, "name\nA\nB\n", ',', NULL },
  { "utf-8 with a byte-order mark", "\xEF\xBB\xBFname\nK\xC3\xA4se\n", -1, "name\nKäse\n", 0, "UTF-8" },
  { "windows-1252", "name\n\x93quoted\x94 caf\xE9 \x80\n", -1, "name\n“quoted” café €\n", 0, "WINDOWS-1252" },
  { "utf-16le", "\xFF\xFEn\0a\0,\0b\0\n\0\xE4\0,\0x\0", 18, "na|b\nä|x\n", ',', "UTF-16LE" },
  { "utf-16be", "\xFE\xFF\0n\0a\0;\0b\0\n\0\xE4\0;\0x", 18, "na|b\nä|x\n", ';', "UTF-16BE" },
};

static void
test_csv_cases (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const Case *c = &cases[i];
      g_autoptr(GError) error = NULL;
      g_autofree char *encoding = NULL;
      char delimiter = 0;
      g_autofree char *rows = read_all (c->input, c->len, NULL, &delimiter, &encoding, &error);

      g_test_message ("case: %s", c->name);
      g_assert_no_error (error);
      g_assert_cmpstr (rows, ==, c->expected);
      if (c->delimiter != 0)
        g_assert_cmpint (delimiter, ==, c->delimiter);
      if (c->encoding != NULL)
        g_assert_cmpstr (encoding, ==, c->encoding);
    }
}

typedef struct
{
  const char *name;
  const char *input;
  gssize      len;
  int         code;
  const char *message_part;  /* the message names the place */
} BadCase;

static const BadCase bad_cases[] = {
  { "empty", "", 0, AIMS_CSV_ERROR_EMPTY, "empty" },
  { "only a byte-order mark", "\xEF\xBB\xBF", 3, AIMS_CSV_ERROR_EMPTY, "empty" },
  { "binary", "\x7F" "ELF\x02\x01\x01\0\0\0\0", 12, AIMS_CSV_ERROR_BINARY, "not a text file" },
  { "control characters", "\x01\x02\x03\x04\x05\x06\x07\x08,a\n", -1, AIMS_CSV_ERROR_BINARY, "not a text file" },
  { "unclosed quote", "name,desc\nA,\"never\nclosed\n", -1, AIMS_CSV_ERROR_UNCLOSED_QUOTE, "Row 2, column 2" },
  { "neither utf-8 nor windows-1252", "name\nok\n\x81\x8D\n", -1, AIMS_CSV_ERROR_ENCODING, "Row 3, column 1" },
};

static void
test_csv_bad (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      const BadCase *c = &bad_cases[i];
      g_autoptr(GError) error = NULL;
      g_autofree char *rows = read_all (c->input, c->len, NULL, NULL, NULL, &error);

      g_test_message ("case: %s", c->name);
      g_assert_null (rows);
      g_assert_error (error, AIMS_CSV_ERROR, c->code);
      g_assert_nonnull (strstr (error->message, c->message_part));
    }
}

/* The unclosed quote is told with the line it opened on. */
static void
test_csv_unclosed_quote_line (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *rows = read_all ("a,b\n\"x\ny\",z\nc,\"open\nmore\nmore\n", -1, NULL, NULL, NULL, &error);

  g_assert_null (rows);
  g_assert_error (error, AIMS_CSV_ERROR, AIMS_CSV_ERROR_UNCLOSED_QUOTE);
  g_assert_nonnull (strstr (error->message, "Row 3, column 2"));
  g_assert_nonnull (strstr (error->message, "line 4"));
}

/* A file that starts in plain ASCII (past the first 64 KiB the reader
 * looks at) and has Windows-1252 later reads as Windows-1252, and what came
 * before is the same either way. */
static void
test_csv_late_windows_1252 (void)
{
  g_autoptr(GString) input = g_string_new ("name,note\n");
  g_autoptr(GError) error = NULL;
  g_autofree char *encoding = NULL;
  g_autofree char *rows = NULL;

  while (input->len < 200 * 1024)
    g_string_append (input, "plain,ascii\n");
  g_string_append (input, "caf\xE9,\x93quoted\x94\n");
  rows = read_all (input->str, input->len, NULL, NULL, &encoding, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_suffix (rows, "plain|ascii\ncafé|“quoted”\n"));
  g_assert_cmpstr (encoding, ==, "WINDOWS-1252");
}

/* UTF-8 seen first, then (past the start the reader looks at) bytes that
 * are not: the file mixes encodings, and the row and column are named. */
static void
test_csv_mixed_encodings (void)
{
  g_autoptr(GString) input = g_string_new ("name\nK\xC3\xA4se\n");
  g_autoptr(GError) error = NULL;
  g_autofree char *rows = NULL;
  guint row = 2;

  while (input->len < 200 * 1024)
    {
      g_string_append (input, "plain\n");
      row++;
    }
  g_string_append (input, "caf\xE9\n");
  rows = read_all (input->str, input->len, NULL, NULL, NULL, &error);
  g_assert_null (rows);
  g_assert_error (error, AIMS_CSV_ERROR, AIMS_CSV_ERROR_ENCODING);
  {
    g_autofree char *place = g_strdup_printf ("Row %u, column 1", row + 1);

    g_assert_nonnull (strstr (error->message, place));
  }
}

static void
test_csv_given_encoding (void)
{
  AimsCsvOptions latin9 = { "ISO-8859-15", 0, 0 };
  AimsCsvOptions unknown = { "NO-SUCH-ENCODING", 0, 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *rows = read_all ("name\n\xA4uro\n", -1, &latin9, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (rows, ==, "name\n€uro\n");
  g_assert_null (read_all ("name\nx\n", -1, &unknown, NULL, NULL, &error));
  g_assert_error (error, AIMS_CSV_ERROR, AIMS_CSV_ERROR_ENCODING);
  g_assert_nonnull (strstr (error->message, "NO-SUCH-ENCODING"));
}

static void
test_csv_too_many_columns (void)
{
  g_autoptr(GString) input = g_string_new ("a\n");
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < AIMS_CSV_MAX_COLUMNS + 10; i++)
    g_string_append_c (input, ',');
  g_assert_null (read_all (input->str, input->len, NULL, NULL, NULL, &error));
  g_assert_error (error, AIMS_CSV_ERROR, AIMS_CSV_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "Row 2"));
}

/* ── A cell that never ends ────────────────────────────────────────────── */

/* A stream of a header, then one quoted cell of text without end: how
 * much of it is read tells whether the reader stopped at its limit. */
#define ENDLESS_TYPE_STREAM (endless_stream_get_type ())
G_DECLARE_FINAL_TYPE (EndlessStream, endless_stream, ENDLESS, STREAM, GInputStream)

struct _EndlessStream
{
  GInputStream parent_instance;
  gsize        served;
};

G_DEFINE_FINAL_TYPE (EndlessStream, endless_stream, G_TYPE_INPUT_STREAM)

static gssize
endless_stream_read (GInputStream  *stream,
                     void          *buffer,
                     gsize          count,
                     GCancellable  *cancellable,
                     GError       **error)
{
  EndlessStream *self = ENDLESS_STREAM (stream);
  static const char head[] = "name,description\nA,\"";
  char *out = buffer;

  for (gsize i = 0; i < count; i++)
    out[i] = self->served + i < sizeof head - 1 ? head[self->served + i] : 'x';
  self->served += count;
  return (gssize) count;
}

static void
endless_stream_class_init (EndlessStreamClass *klass)
{
  G_INPUT_STREAM_CLASS (klass)->read_fn = endless_stream_read;
}

static void
endless_stream_init (EndlessStream *self)
{
}

static void
test_csv_huge_cell (void)
{
  g_autoptr(EndlessStream) stream = g_object_new (ENDLESS_TYPE_STREAM, NULL);
  g_autoptr(AimsCsvReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  AimsCsvStep step;

  reader = aims_csv_reader_new (G_INPUT_STREAM (stream), NULL, NULL, &error);
  g_assert_no_error (error);
  while ((step = aims_csv_reader_step (reader, &error)) == AIMS_CSV_STEP_ROW)
    ;
  g_assert_cmpint (step, ==, AIMS_CSV_STEP_ERROR);
  g_assert_error (error, AIMS_CSV_ERROR, AIMS_CSV_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "Row 2, column 2"));
  /* The limit and a buffer or two past it, not the 100 MB a file could hold. */
  g_assert_cmpuint (stream->served, <, AIMS_CSV_DEFAULT_MAX_CELL_BYTES + 256 * 1024);
}

/* ── Sniffing ──────────────────────────────────────────────────────────── */

static char *
write_file (const char *name,
            const char *text)
{
  char *path = fixture_path (name);

  fixture_write_bytes (path, text, strlen (text));
  return path;
}

static void
test_sniff_title_rows (void)
{
  g_autofree char *path = write_file ("title.csv",
                                      "\xEF\xBB\xBF\"SECTION 1: identifiers\",,,\"SECTION 2: summary\"\n"
                                      "Use Case ID,Use Case Name,Bureau,Stage\n"
                                      "1,Chat,OCC,Deployed\n"
                                      "2,Triage,IRS,Pilot\n");
  g_autoptr(AimsCsvSniff) sniff = NULL;
  g_autoptr(GError) error = NULL;

  sniff = aims_csv_sniff (path, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sniff->header_row, ==, 2);
  g_assert_cmpuint (sniff->n_columns, ==, 4);
  g_assert_cmpstr (sniff->headers[1], ==, "Use Case Name");
  g_assert_cmpstr (sniff->encoding, ==, "UTF-8");
  g_assert_true (sniff->bom);
  g_assert_cmpuint (sniff->rows->len, ==, 4);
}

static void
test_sniff_header_override_and_names (void)
{
  g_autofree char *path = write_file ("names.csv",
                                      "Name,,Name,\"Multi\nline\"\nA,B,C,D\n");
  AimsCsvSniffOptions options = { { NULL, 0, 0 }, 1, 0 };
  AimsCsvSniffOptions too_far = { { NULL, 0, 0 }, 9, 0 };
  g_autoptr(AimsCsvSniff) sniff = NULL;
  g_autoptr(GError) error = NULL;

  sniff = aims_csv_sniff (path, &options, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sniff->header_row, ==, 1);
  g_assert_cmpstr (sniff->headers[0], ==, "Name");
  g_assert_cmpstr (sniff->headers[1], ==, "Column 2");
  g_assert_cmpstr (sniff->headers[2], ==, "Name (2)");
  g_assert_cmpstr (sniff->headers[3], ==, "Multi line");

  g_assert_null (aims_csv_sniff (path, &too_far, NULL, &error));
  g_assert_error (error, AIMS_CSV_ERROR, AIMS_CSV_ERROR_NO_HEADER);
  g_assert_nonnull (strstr (error->message, "row 9"));
}

static void
test_sniff_no_header (void)
{
  g_autofree char *numbers = write_file ("numbers.csv", "1,2,3\n4,5,6\n2024-01-01,7.5,8\n");
  g_autofree char *blank = write_file ("blank.csv", ",,\n , ,\n");
  g_autoptr(GError) error = NULL;

  g_assert_null (aims_csv_sniff (numbers, NULL, NULL, &error));
  g_assert_error (error, AIMS_CSV_ERROR, AIMS_CSV_ERROR_NO_HEADER);
  g_clear_error (&error);
  g_assert_null (aims_csv_sniff (blank, NULL, NULL, &error));
  g_assert_error (error, AIMS_CSV_ERROR, AIMS_CSV_ERROR_EMPTY);
}

static void
test_sniff_missing_file (void)
{
  g_autofree char *path = fixture_path ("absent.csv");
  g_autoptr(GError) error = NULL;

  g_assert_null (aims_csv_sniff (path, NULL, NULL, &error));
  g_assert_error (error, AIMS_CSV_ERROR, AIMS_CSV_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "absent.csv"));
}

/* ── Writing ───────────────────────────────────────────────────────────── */

static void
test_csv_write_read_back (void)
{
  static const char *const values[] = { "plain", "with, comma", "say \"hi\"", "two\nlines", "", "é€", NULL };
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *rows = NULL;
  g_autofree char *joined = NULL;
  g_autofree char *expected = NULL;

  for (guint i = 0; values[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      aims_csv_append_cell (out, values[i], ',');
    }
  g_string_append (out, "\r\n");
  rows = read_all (out->str, out->len, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  joined = g_strjoinv ("|", (GStrv) values);
  expected = g_strconcat (joined, "\n", NULL);
  g_assert_cmpstr (rows, ==, expected);
}

int
main (int   argc,
      char *argv[])
{
  fixture_init (&argc, &argv);

  g_test_add_func ("/csv/cases", test_csv_cases);
  g_test_add_func ("/csv/bad", test_csv_bad);
  g_test_add_func ("/csv/unclosed-quote-line", test_csv_unclosed_quote_line);
  g_test_add_func ("/csv/late-windows-1252", test_csv_late_windows_1252);
  g_test_add_func ("/csv/mixed-encodings", test_csv_mixed_encodings);
  g_test_add_func ("/csv/given-encoding", test_csv_given_encoding);
  g_test_add_func ("/csv/too-many-columns", test_csv_too_many_columns);
  g_test_add_func ("/csv/huge-cell", test_csv_huge_cell);
  g_test_add_func ("/csv/write-read-back", test_csv_write_read_back);
  g_test_add_func ("/csv/sniff/title-rows", test_sniff_title_rows);
  g_test_add_func ("/csv/sniff/header-override-and-names", test_sniff_header_override_and_names);
  g_test_add_func ("/csv/sniff/no-header", test_sniff_no_header);
  g_test_add_func ("/csv/sniff/missing-file", test_sniff_missing_file);

  return g_test_run ();
}
