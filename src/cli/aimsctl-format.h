/* aimsctl-format.h — a grid of text cells, written as a table, CSV or JSON
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  AIMSCTL_VALUE_TEXT,
  AIMSCTL_VALUE_NUMBER,   /* an integer or a decimal ("12.5"): JSON number */
  AIMSCTL_VALUE_BOOLEAN,  /* "true" or "false": JSON true/false */
} AimsctlValueKind;

typedef struct _AimsctlGrid AimsctlGrid;

AimsctlGrid *aimsctl_grid_new           (void);
void         aimsctl_grid_free          (AimsctlGrid      *grid);
void         aimsctl_grid_add_column    (AimsctlGrid      *grid,
                                         const char       *name,
                                         AimsctlValueKind  kind);
guint        aimsctl_grid_get_n_columns (AimsctlGrid      *grid);
guint        aimsctl_grid_get_n_rows    (AimsctlGrid      *grid);
/* Starts a row; cells are then appended in column order. */
void         aimsctl_grid_begin_row     (AimsctlGrid      *grid);
/* Takes value (NULL: unset). */
void         aimsctl_grid_take_cell     (AimsctlGrid      *grid,
                                         char             *value);
const char  *aimsctl_grid_get_cell      (AimsctlGrid      *grid,
                                         guint             row,
                                         guint             column);

/* RFC 4180 with LF line ends: a header line of column names, then a line a
 * row; a cell is quoted when it holds a comma, a quote, CR or LF. Unset
 * cells are empty. */
void         aimsctl_write_csv          (AimsctlGrid      *grid,
                                         GString          *out);
/* An array of objects, one a line; unset cells are null. */
void         aimsctl_write_json         (AimsctlGrid      *grid,
                                         GString          *out);
/* Aligned columns, under a line of column names when header is TRUE;
 * cells wider than max_width are cut with "…"; line breaks become spaces. */
void         aimsctl_write_table        (AimsctlGrid      *grid,
                                         guint             max_width,
                                         gboolean          header,
                                         GString          *out);

/* Columns text takes in a terminal: wide (East Asian) characters count 2,
 * combining marks 0. */
guint        aimsctl_text_width         (const char       *text);
/* text on one line, cut to at most max_width columns, ending in "…" when cut. */
char        *aimsctl_text_fit           (const char       *text,
                                         guint             max_width);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AimsctlGrid, aimsctl_grid_free)

G_END_DECLS
