/* test-cli-format.c — aimsctl's CSV, JSON and table writers, without a database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "aimsctl-format.h"

/* A row of three cells; NULL is an unset cell. */
static void
add_row (AimsctlGrid *grid,
         const char  *a,
         const char  *b,
         const char  *c)
{
  aimsctl_grid_begin_row (grid);
  aimsctl_grid_take_cell (grid, g_strdup (a));
  aimsctl_grid_take_cell (grid, g_strdup (b));
  aimsctl_grid_take_cell (grid, g_strdup (c));
}

static AimsctlGrid *
sample_grid (void)
{
  AimsctlGrid *grid = aimsctl_grid_new ();

  aimsctl_grid_add_column (grid, "id", AIMSCTL_VALUE_NUMBER);
  aimsctl_grid_add_column (grid, "name", AIMSCTL_VALUE_TEXT);
  aimsctl_grid_add_column (grid, "retired", AIMSCTL_VALUE_BOOLEAN);
  add_row (grid, "1", "Plain", "false");
  add_row (grid, "2", "Says \"hi\", twice\non two lines", "true");
  add_row (grid, "3", NULL, "false");
  return grid;
}

static void
test_csv (void)
{
  g_autoptr(AimsctlGrid) grid = sample_grid ();
  g_autoptr(GString) out = g_string_new (NULL);

  aimsctl_write_csv (grid, out);
  g_assert_cmpstr (out->str, ==,
                   "id,name,retired\n"
                   "1,Plain,false\n"
                   "2,\"Says \"\"hi\"\", twice\non two lines\",true\n"
                   "3,,false\n");
}

static void
test_csv_quote_only (void)
{
  g_autoptr(AimsctlGrid) grid = aimsctl_grid_new ();
  g_autoptr(GString) out = g_string_new (NULL);

  /* RFC 4180: a field holding a quote is quoted even without a comma. */
  aimsctl_grid_add_column (grid, "name", AIMSCTL_VALUE_TEXT);
  aimsctl_grid_add_column (grid, "note", AIMSCTL_VALUE_TEXT);
  aimsctl_grid_begin_row (grid);
  aimsctl_grid_take_cell (grid, g_strdup ("6\" screen"));
  aimsctl_grid_take_cell (grid, g_strdup ("carriage\rreturn"));
  aimsctl_write_csv (grid, out);
  g_assert_cmpstr (out->str, ==, "name,note\n\"6\"\" screen\",\"carriage\rreturn\"\n");
}

static void
test_json (void)
{
  g_autoptr(AimsctlGrid) grid = sample_grid ();
  g_autoptr(AimsctlGrid) empty = aimsctl_grid_new ();
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GString) none = g_string_new (NULL);

  aimsctl_write_json (grid, out);
  g_assert_cmpstr (out->str, ==,
                   "[\n"
                   "  {\"id\": 1, \"name\": \"Plain\", \"retired\": false},\n"
                   "  {\"id\": 2, \"name\": \"Says \\\"hi\\\", twice\\non two lines\", \"retired\": true},\n"
                   "  {\"id\": 3, \"name\": null, \"retired\": false}\n"
                   "]\n");

  aimsctl_grid_add_column (empty, "id", AIMSCTL_VALUE_NUMBER);
  aimsctl_write_json (empty, none);
  g_assert_cmpstr (none->str, ==, "[]\n");
}

static void
test_json_number_guard (void)
{
  g_autoptr(AimsctlGrid) grid = aimsctl_grid_new ();
  g_autoptr(GString) out = g_string_new (NULL);

  /* A number column holding something else stays valid JSON. */
  aimsctl_grid_add_column (grid, "owner_id", AIMSCTL_VALUE_NUMBER);
  aimsctl_grid_begin_row (grid);
  aimsctl_grid_take_cell (grid, g_strdup ("007"));
  aimsctl_write_json (grid, out);
  g_assert_cmpstr (out->str, ==, "[\n  {\"owner_id\": \"007\"}\n]\n");
}

static void
test_text_width (void)
{
  g_assert_cmpuint (aimsctl_text_width ("abc"), ==, 3);
  g_assert_cmpuint (aimsctl_text_width ("Übersicht"), ==, 9);
  /* East Asian wide characters take two columns; a combining mark none. */
  g_assert_cmpuint (aimsctl_text_width ("日本"), ==, 4);
  g_assert_cmpuint (aimsctl_text_width ("e\xcc\x81"), ==, 1);
  g_assert_cmpuint (aimsctl_text_width (NULL), ==, 0);
}

static void
test_text_fit (void)
{
  struct { const char *text; guint width; const char *fitted; } cases[] = {
    { "short", 10, "short" },
    { "exactly10!", 10, "exactly10!" },
    { "eleven char", 10, "eleven ch…" },
    { "Größenänderung", 6, "Größe…" },
    { "日本語のテキスト", 5, "日本…" },
    { "日本語", 6, "日本語" },
    { "two\nlines", 20, "two lines" },
    { NULL, 5, "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *fitted = aimsctl_text_fit (cases[i].text, cases[i].width);

      g_assert_cmpstr (fitted, ==, cases[i].fitted);
      g_assert_cmpuint (aimsctl_text_width (fitted), <=, cases[i].width);
    }
}

static void
test_table (void)
{
  g_autoptr(AimsctlGrid) grid = aimsctl_grid_new ();
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GString) bare = g_string_new (NULL);

  aimsctl_grid_add_column (grid, "Ref", AIMSCTL_VALUE_TEXT);
  aimsctl_grid_add_column (grid, "Name", AIMSCTL_VALUE_TEXT);
  aimsctl_grid_add_column (grid, "Stage", AIMSCTL_VALUE_TEXT);
  add_row (grid, "AIS-001", "日本語のテキスト", "Retired");
  add_row (grid, "AIS-002", "Übersicht über alles", NULL);

  aimsctl_write_table (grid, 12, TRUE, out);
  g_assert_cmpstr (out->str, ==,
                   "Ref      Name          Stage\n"
                   "AIS-001  日本語のテ…   Retired\n"
                   "AIS-002  Übersicht ü…\n");

  aimsctl_write_table (grid, 12, FALSE, bare);
  g_assert_true (g_str_has_prefix (bare->str, "AIS-001  "));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/format/csv", test_csv);
  g_test_add_func ("/cli/format/csv-quote-only", test_csv_quote_only);
  g_test_add_func ("/cli/format/json", test_json);
  g_test_add_func ("/cli/format/json-number-guard", test_json_number_guard);
  g_test_add_func ("/cli/format/text-width", test_text_width);
  g_test_add_func ("/cli/format/text-fit", test_text_fit);
  g_test_add_func ("/cli/format/table", test_table);

  return g_test_run ();
}
