/* fuzz-corpus-driver.c — runs a libFuzzer target without libFuzzer: over
 * every file of a seed corpus, then over mutations of them
 *
 * The ordinary build (gcc in CI) has no -fsanitize=fuzzer; this keeps the
 * harness built and exercised by the test suite anyway. The mutations are
 * drawn from a fixed seed, so a run is the same every time; a crash or an
 * abort() in the target fails the test.
 *
 * Usage: fuzz-corpus-driver CORPUS-DIR [MUTATIONS-PER-FILE]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "fuzz-csv.h"

/* Bytes a CSV reader cares about, to insert more often than chance would. */
static const guint8 interesting[] = { '"', ',', ';', '\t', '\r', '\n', 0x00, 0x80, 0x93, 0xC3, 0xEF, 0xBB, 0xBF, 0xFF, 0xFE };

static GByteArray *
mutate (GRand        *rand,
        const guint8 *data,
        gsize         size)
{
  GByteArray *out = g_byte_array_sized_new (size + 16);
  guint edits = g_rand_int_range (rand, 1, 8);

  g_byte_array_append (out, data, size);
  for (guint i = 0; i < edits; i++)
    {
      guint at = out->len > 0 ? (guint) g_rand_int_range (rand, 0, out->len) : 0;
      guint8 byte = g_rand_boolean (rand) ? interesting[g_rand_int_range (rand, 0, G_N_ELEMENTS (interesting))]
                                          : (guint8) g_rand_int_range (rand, 0, 256);

      switch (g_rand_int_range (rand, 0, 4))
        {
        case 0:  /* replace */
          if (out->len > 0)
            out->data[at] = byte;
          break;
        case 1:  /* insert */
          g_byte_array_set_size (out, out->len + 1);
          memmove (out->data + at + 1, out->data + at, out->len - at - 1);
          out->data[at] = byte;
          break;
        case 2:  /* delete */
          if (out->len > 0)
            g_byte_array_remove_index (out, at);
          break;
        default: /* cut the end off */
          g_byte_array_set_size (out, at);
          break;
        }
    }
  return out;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  g_autoptr(GError) error = NULL;
  guint mutations = argc > 2 ? (guint) atoi (argv[2]) : 300;
  guint files = 0;
  const char *name;

  if (argc < 2)
    {
      g_printerr ("usage: %s CORPUS-DIR [MUTATIONS-PER-FILE]\n", argv[0]);
      return 2;
    }
  if ((dir = g_dir_open (argv[1], 0, &error)) == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (argv[1], name, NULL);
      g_autofree char *contents = NULL;
      gsize size;

      if (!g_file_get_contents (path, &contents, &size, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      LLVMFuzzerTestOneInput ((const guint8 *) contents, size);
      for (guint i = 0; i < mutations; i++)
        {
          g_autoptr(GByteArray) mutated = mutate (rand, (const guint8 *) contents, size);

          LLVMFuzzerTestOneInput (mutated->data, mutated->len);
        }
      files++;
    }
  g_print ("ran %u seed files and %u mutations of each\n", files, mutations);
  return files > 0 ? 0 : 1;
}
