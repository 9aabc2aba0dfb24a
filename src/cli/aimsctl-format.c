/* aimsctl-format.c — a grid of text cells, written as a table, CSV or JSON
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "aims-csv.h"
#include "aims-json.h"
#include "aims-number.h"
#include "aimsctl-format.h"

struct _AimsctlGrid
{
  GPtrArray *names;  /* char * */
  GArray    *kinds;  /* AimsctlValueKind */
  GPtrArray *rows;   /* GPtrArray of char * (NULL: unset) */
};

AimsctlGrid *
aimsctl_grid_new (void)
{
  AimsctlGrid *grid = g_new0 (AimsctlGrid, 1);

  grid->names = g_ptr_array_new_with_free_func (g_free);
  grid->kinds = g_array_new (FALSE, FALSE, sizeof (AimsctlValueKind));
  grid->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  return grid;
}

void
aimsctl_grid_free (AimsctlGrid *grid)
{
  if (grid == NULL)
    return;
  g_ptr_array_unref (grid->names);
  g_array_unref (grid->kinds);
  g_ptr_array_unref (grid->rows);
  g_free (grid);
}

void
aimsctl_grid_add_column (AimsctlGrid      *grid,
                         const char       *name,
                         AimsctlValueKind  kind)
{
  g_return_if_fail (grid->rows->len == 0);

  g_ptr_array_add (grid->names, g_strdup (name));
  g_array_append_val (grid->kinds, kind);
}

guint
aimsctl_grid_get_n_columns (AimsctlGrid *grid)
{
  return grid->names->len;
}

guint
aimsctl_grid_get_n_rows (AimsctlGrid *grid)
{
  return grid->rows->len;
}

void
aimsctl_grid_begin_row (AimsctlGrid *grid)
{
  g_ptr_array_add (grid->rows, g_ptr_array_new_full (grid->names->len, g_free));
}

void
aimsctl_grid_take_cell (AimsctlGrid *grid,
                        char        *value)
{
  GPtrArray *row;

  g_return_if_fail (grid->rows->len > 0);
  row = g_ptr_array_index (grid->rows, grid->rows->len - 1);
  g_return_if_fail (row->len < grid->names->len);
  g_ptr_array_add (row, value);
}

const char *
aimsctl_grid_get_cell (AimsctlGrid *grid,
                       guint        row,
                       guint        column)
{
  GPtrArray *cells;

  g_return_val_if_fail (row < grid->rows->len, NULL);
  cells = g_ptr_array_index (grid->rows, row);
  return column < cells->len ? g_ptr_array_index (cells, column) : NULL;
}

/* ── CSV ───────────────────────────────────────────────────────────────── */

static void
append_csv_line (GString   *out,
                 GPtrArray *cells,
                 guint      n_columns)
{
  for (guint i = 0; i < n_columns; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      aims_csv_append_cell (out, i < cells->len ? g_ptr_array_index (cells, i) : NULL, ',');
    }
  g_string_append_c (out, '\n');
}

void
aimsctl_write_csv (AimsctlGrid *grid,
                   GString     *out)
{
  append_csv_line (out, grid->names, grid->names->len);
  for (guint r = 0; r < grid->rows->len; r++)
    append_csv_line (out, g_ptr_array_index (grid->rows, r), grid->names->len);
}

/* ── JSON ──────────────────────────────────────────────────────────────── */

static gboolean
is_integer (const char *text)
{
  const char *p = text;

  if (*p == '-')
    p++;
  if (*p == '\0' || (*p == '0' && p[1] != '\0'))
    return FALSE;
  for (; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;
  return TRUE;
}

/* A decimal in the stored form of aims-number.h ("12.5", "1e-05"), which
 * is always a JSON number; "007" or "+4" are not in that form. */
static gboolean
is_stored_decimal (const char *text)
{
  g_autofree char *canonical = NULL;
  double value;

  if (!aims_number_parse (text, &value))
    return FALSE;
  canonical = aims_number_format (value);
  return g_str_equal (canonical, text);
}

static void
append_json_value (GString          *out,
                   AimsctlValueKind  kind,
                   const char       *value)
{
  if (value == NULL)
    g_string_append (out, "null");
  else if (kind == AIMSCTL_VALUE_NUMBER && (is_integer (value) || is_stored_decimal (value)))
    g_string_append (out, value);
  else if (kind == AIMSCTL_VALUE_BOOLEAN)
    g_string_append (out, g_str_equal (value, "true") ? "true" : "false");
  else
    aims_json_append_string (out, value);
}

void
aimsctl_write_json (AimsctlGrid *grid,
                    GString     *out)
{
  if (grid->rows->len == 0)
    {
      g_string_append (out, "[]\n");
      return;
    }

  g_string_append (out, "[\n");
  for (guint r = 0; r < grid->rows->len; r++)
    {
      GPtrArray *cells = g_ptr_array_index (grid->rows, r);

      g_string_append (out, "  {");
      for (guint c = 0; c < grid->names->len; c++)
        {
          if (c > 0)
            g_string_append (out, ", ");
          aims_json_append_string (out, g_ptr_array_index (grid->names, c));
          g_string_append (out, ": ");
          append_json_value (out, g_array_index (grid->kinds, AimsctlValueKind, c),
                             c < cells->len ? g_ptr_array_index (cells, c) : NULL);
        }
      g_string_append (out, r + 1 < grid->rows->len ? "},\n" : "}\n");
    }
  g_string_append (out, "]\n");
}

/* ── Table ─────────────────────────────────────────────────────────────── */

static guint
char_width (gunichar c)
{
  if (g_unichar_iszerowidth (c))
    return 0;
  return g_unichar_iswide (c) ? 2 : 1;
}

guint
aimsctl_text_width (const char *text)
{
  guint width = 0;

  if (text == NULL)
    return 0;
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    width += char_width (g_utf8_get_char (p));
  return width;
}

char *
aimsctl_text_fit (const char *text,
                  guint       max_width)
{
  static const char ellipsis[] = "…";
  g_autoptr(GString) fitted = g_string_new (NULL);
  guint width = 0;

  if (text == NULL || max_width == 0)
    return g_strdup ("");

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      guint cw;

      if (c == '\n' || c == '\r' || c == '\t')
        c = ' ';
      cw = char_width (c);
      /* Cut when this character would not leave room for the ellipsis,
       * unless it is the last one and fits exactly. */
      if (width + cw > max_width ||
          (width + cw == max_width && *g_utf8_next_char (p) != '\0'))
        {
          g_string_append (fitted, ellipsis);
          return g_string_free (g_steal_pointer (&fitted), FALSE);
        }
      g_string_append_unichar (fitted, c);
      width += cw;
    }
  return g_string_free (g_steal_pointer (&fitted), FALSE);
}

static void
append_table_line (GString   *out,
                   GPtrArray *cells,
                   guint     *widths,
                   guint      n_columns,
                   guint      max_width)
{
  g_autoptr(GString) line = g_string_new (NULL);

  for (guint c = 0; c < n_columns; c++)
    {
      const char *value = c < cells->len ? g_ptr_array_index (cells, c) : NULL;
      g_autofree char *fitted = aimsctl_text_fit (value, max_width);

      if (c > 0)
        g_string_append (line, "  ");
      g_string_append (line, fitted);
      for (guint w = aimsctl_text_width (fitted); w < widths[c]; w++)
        g_string_append_c (line, ' ');
    }
  /* No padding after the last column. */
  while (line->len > 0 && line->str[line->len - 1] == ' ')
    g_string_truncate (line, line->len - 1);
  g_string_append (out, line->str);
  g_string_append_c (out, '\n');
}

void
aimsctl_write_table (AimsctlGrid *grid,
                     guint        max_width,
                     gboolean     header,
                     GString     *out)
{
  guint n_columns = grid->names->len;
  g_autofree guint *widths = g_new0 (guint, MAX (n_columns, 1));

  for (guint c = 0; c < n_columns; c++)
    {
      widths[c] = header ? MIN (aimsctl_text_width (g_ptr_array_index (grid->names, c)), max_width) : 0;
      for (guint r = 0; r < grid->rows->len; r++)
        {
          g_autofree char *fitted = aimsctl_text_fit (aimsctl_grid_get_cell (grid, r, c), max_width);

          widths[c] = MAX (widths[c], aimsctl_text_width (fitted));
        }
    }

  if (header)
    append_table_line (out, grid->names, widths, n_columns, max_width);
  for (guint r = 0; r < grid->rows->len; r++)
    append_table_line (out, g_ptr_array_index (grid->rows, r), widths, n_columns, max_width);
}
