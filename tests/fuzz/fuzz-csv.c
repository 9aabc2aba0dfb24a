/* fuzz-csv.c — the CSV reader and the sniffing of a file's start, on any
 * bytes
 *
 * A libFuzzer target (see HACKING.md for running it with clang), also run
 * over the seed corpus in corpus-csv/ and mutations of it by
 * fuzz-corpus-driver.c in the ordinary test suite. Besides not crashing,
 * every cell that comes out must be UTF-8 and within the cell limit.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "aims-csv.h"

#include "fuzz-csv.h"

/* Small, so that the limits are reached by small inputs. */
#define FUZZ_MAX_CELL 4096

static void
check_cell (const char *cell)
{
  if (!g_utf8_validate (cell, -1, NULL) || strlen (cell) > FUZZ_MAX_CELL)
    abort ();
}

static void
read_through (const uint8_t *data,
              size_t         size,
              char           delimiter,
              const char    *encoding)
{
  AimsCsvOptions options = { encoding, delimiter, FUZZ_MAX_CELL };
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data (data, (gssize) size, NULL);
  g_autoptr(AimsCsvReader) reader = aims_csv_reader_new (stream, &options, NULL, NULL);
  guint last_row = 0;

  if (reader == NULL)
    return;
  while (aims_csv_reader_step (reader, NULL) == AIMS_CSV_STEP_ROW)
    {
      const char *const *cells = aims_csv_reader_get_cells (reader);
      guint n = aims_csv_reader_get_n_cells (reader);

      if (n == 0 || n > AIMS_CSV_MAX_COLUMNS || cells[n] != NULL ||
          aims_csv_reader_get_row (reader) != last_row + 1)
        abort ();
      last_row++;
      for (guint i = 0; i < n; i++)
        check_cell (cells[i]);
    }
}

static void
sniff (const uint8_t *data,
       size_t         size)
{
  AimsCsvSniffOptions options = { { NULL, 0, FUZZ_MAX_CELL }, 0, 3 };
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data (data, (gssize) size, NULL);
  g_autoptr(AimsCsvSniff) sniff = aims_csv_sniff_stream (stream, &options, NULL, NULL);

  if (sniff == NULL)
    return;
  if (sniff->header_row < 1 || sniff->header_row > sniff->rows->len ||
      sniff->n_columns != g_strv_length (sniff->headers))
    abort ();
  for (guint i = 0; i < sniff->n_columns; i++)
    {
      check_cell (sniff->headers[i]);
      if (*sniff->headers[i] == '\0' || strchr (sniff->headers[i], '\n') != NULL)
        abort ();
    }
}

/* glibc unloads a converter's module when its last descriptor closes, and
 * loading it again for every input made the run some fifty times slower:
 * one descriptor of each kept open keeps them loaded. */
static const char *const kept_from[] = { AIMS_CSV_WINDOWS_1252, "UTF-16LE", "UTF-16BE" };
static GIConv kept[G_N_ELEMENTS (kept_from)];  /* reachable: not a leak */

static void
keep_converters_loaded (void)
{
  if (kept[0] != NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (kept_from); i++)
    kept[i] = g_iconv_open ("UTF-8", kept_from[i]);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  keep_converters_loaded ();
  /* Detected encoding and delimiter, then fixed ones as a user may give. */
  read_through (data, size, 0, NULL);
  read_through (data, size, ';', AIMS_CSV_WINDOWS_1252);
  read_through (data, size, ',', "UTF-16LE");
  sniff (data, size);
  return 0;
}
