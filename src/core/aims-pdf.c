/* aims-pdf.c — pages of a PDF report laid out top to bottom
 *
 * Each page is first drawn into a recording surface; aims_pdf_finish()
 * replays them into the PDF with their footers, once the number of pages
 * is known. Text uses Cairo's own text calls with the "Sans" face, as the
 * heatmap renderer does.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "aims-db.h"
#include "aims-pdf.h"

/* A4 in points, and the margins. */
#define PAGE_WIDTH    595.28
#define PAGE_HEIGHT   841.89
#define MARGIN        56.0
#define FOOTER_HEIGHT 24.0

#define BODY_SIZE     9.5
#define HEADING_SIZE  14.0
#define LINE          1.35    /* line height, in font sizes */
#define CELL_PADDING  4.0

struct _AimsPdf
{
  char      *path;
  char      *part_path;
  char      *title;
  char      *footer;
  GPtrArray *pages;       /* cairo_surface_t recording surfaces */
  cairo_t   *cr;          /* on the last page */
  double     y;           /* the cursor, from the page's top */
};

static double
bottom (void)
{
  return PAGE_HEIGHT - MARGIN - FOOTER_HEIGHT;
}

double
aims_pdf_text_width (AimsPdf *self)
{
  return PAGE_WIDTH - 2 * MARGIN;
}

static void
set_font (cairo_t *cr,
          double   size,
          gboolean bold)
{
  cairo_select_font_face (cr, "Sans", CAIRO_FONT_SLANT_NORMAL,
                          bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size (cr, size);
}

void
aims_pdf_new_page (AimsPdf *self)
{
  cairo_rectangle_t extents = { 0, 0, PAGE_WIDTH, PAGE_HEIGHT };
  cairo_surface_t *page = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, &extents);

  g_clear_pointer (&self->cr, cairo_destroy);
  g_ptr_array_add (self->pages, page);
  self->cr = cairo_create (page);
  cairo_set_source_rgb (self->cr, 0.1, 0.1, 0.12);
  self->y = MARGIN;
}

/* Room for height more points, or a new page. */
static void
need (AimsPdf *self,
      double   height)
{
  if (self->y + height > bottom () && self->y > MARGIN)
    aims_pdf_new_page (self);
}

void
aims_pdf_keep (AimsPdf *self,
               double   height)
{
  need (self, height);
}

AimsPdf *
aims_pdf_new (const char  *path,
              const char  *title,
              const char  *footer,
              GError     **error)
{
  g_autofree char *folder = NULL;
  AimsPdf *self;

  g_return_val_if_fail (path != NULL, NULL);

  folder = g_path_get_dirname (path);
  if (!g_file_test (folder, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_FAILED,
                   _("Could not write “%s”: the folder “%s” does not exist"), path, folder);
      return NULL;
    }

  self = g_new0 (AimsPdf, 1);
  self->path = g_strdup (path);
  self->part_path = g_strconcat (path, ".part", NULL);
  self->title = g_strdup (title);
  self->footer = g_strdup (footer);
  self->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) cairo_surface_destroy);
  aims_pdf_new_page (self);
  return self;
}

/* The longest start of text (whole characters) that fits width, with "…"
 * when cut. */
static char *
fit (cairo_t    *cr,
     const char *text,
     double      width)
{
  cairo_text_extents_t extents;
  g_autoptr(GString) cut = NULL;
  const char *end;

  cairo_text_extents (cr, text, &extents);
  if (extents.x_advance <= width)
    return g_strdup (text);

  cut = g_string_new (text);
  end = text + strlen (text);
  while (cut->len > 0)
    {
      g_autofree char *tried = NULL;

      end = g_utf8_find_prev_char (text, end);
      if (end == NULL)
        break;
      g_string_truncate (cut, end - text);
      tried = g_strconcat (cut->str, "…", NULL);
      cairo_text_extents (cr, tried, &extents);
      if (extents.x_advance <= width)
        return g_steal_pointer (&tried);
    }
  return g_strdup ("…");
}

/* A word wider than width in pieces that fit: after a hyphen where there
 * is one, else between characters. */
static void
break_word (cairo_t    *cr,
            const char *word,
            double      width,
            GPtrArray  *lines,
            GString    *line)
{
  g_string_truncate (line, 0);
  for (const char *p = word; *p != '\0'; p = g_utf8_next_char (p))
    {
      cairo_text_extents_t extents;
      gsize before = line->len;

      g_string_append_len (line, p, g_utf8_next_char (p) - p);
      cairo_text_extents (cr, line->str, &extents);
      if (extents.x_advance > width && before > 0)
        {
          const char *hyphen = g_strrstr_len (line->str, before, "-");
          gsize cut = hyphen != NULL && hyphen > line->str ? (gsize) (hyphen - line->str) + 1 : before;

          g_ptr_array_add (lines, g_strndup (line->str, cut));
          g_string_erase (line, 0, cut);
        }
    }
}

/* text broken into lines no wider than width, at spaces (and between
 * characters in a word longer than a line). */
static GPtrArray *
wrap (cairo_t    *cr,
      const char *text,
      double      width)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) paragraphs = g_strsplit (text != NULL ? text : "", "\n", -1);

  for (guint p = 0; paragraphs[p] != NULL; p++)
    {
      g_auto(GStrv) words = g_strsplit (paragraphs[p], " ", -1);
      g_autoptr(GString) line = g_string_new (NULL);

      for (guint w = 0; words[w] != NULL; w++)
        {
          g_autofree char *tried = line->len > 0 ? g_strconcat (line->str, " ", words[w], NULL)
                                                 : g_strdup (words[w]);
          cairo_text_extents_t extents;

          cairo_text_extents (cr, tried, &extents);
          if (extents.x_advance <= width)
            {
              g_string_assign (line, tried);
              continue;
            }
          if (line->len > 0)
            g_ptr_array_add (lines, g_strdup (line->str));
          cairo_text_extents (cr, words[w], &extents);
          if (extents.x_advance > width)
            break_word (cr, words[w], width, lines, line);
          else
            g_string_assign (line, words[w]);
        }
      g_ptr_array_add (lines, g_strdup (line->str));
    }
  return lines;
}

static void
show_at (cairo_t    *cr,
         double      x,
         double      baseline,
         const char *text)
{
  cairo_move_to (cr, x, baseline);
  cairo_show_text (cr, text);
}

void
aims_pdf_title_page (AimsPdf           *self,
                     const char        *title,
                     const char        *subtitle,
                     const char *const *lines)
{
  double y = PAGE_HEIGHT * 0.33;

  set_font (self->cr, 26, TRUE);
  show_at (self->cr, MARGIN, y, title);
  y += 34;
  if (subtitle != NULL)
    {
      set_font (self->cr, 13, FALSE);
      cairo_set_source_rgb (self->cr, 0.35, 0.35, 0.4);
      show_at (self->cr, MARGIN, y, subtitle);
      y += 40;
    }
  cairo_set_source_rgb (self->cr, 0.1, 0.1, 0.12);
  set_font (self->cr, 11, FALSE);
  /* Each line wrapped to the text width; an empty one leaves a gap. */
  for (guint i = 0; lines != NULL && lines[i] != NULL; i++)
    {
      g_autoptr(GPtrArray) wrapped = wrap (self->cr, lines[i], aims_pdf_text_width (self));

      for (guint l = 0; l < wrapped->len; l++, y += 18)
        show_at (self->cr, MARGIN, y, g_ptr_array_index (wrapped, l));
    }
  aims_pdf_new_page (self);
}

void
aims_pdf_heading (AimsPdf    *self,
                  const char *text)
{
  /* A heading never ends a page: keep room for what comes under it. */
  need (self, HEADING_SIZE * 2 + BODY_SIZE * LINE * 8);
  if (self->y > MARGIN)
    self->y += HEADING_SIZE * 0.8;
  set_font (self->cr, HEADING_SIZE, TRUE);
  self->y += HEADING_SIZE;
  show_at (self->cr, MARGIN, self->y, text);
  self->y += HEADING_SIZE * 0.7;
}

void
aims_pdf_paragraph (AimsPdf    *self,
                    const char *text)
{
  g_autoptr(GPtrArray) lines = NULL;

  set_font (self->cr, BODY_SIZE, FALSE);
  lines = wrap (self->cr, text, aims_pdf_text_width (self));
  for (guint i = 0; i < lines->len; i++)
    {
      need (self, BODY_SIZE * LINE);
      set_font (self->cr, BODY_SIZE, FALSE);
      self->y += BODY_SIZE * LINE;
      show_at (self->cr, MARGIN, self->y, g_ptr_array_index (lines, i));
    }
  self->y += BODY_SIZE * 0.6;
}

void
aims_pdf_pair (AimsPdf    *self,
               const char *label,
               const char *value)
{
  double label_width = aims_pdf_text_width (self) * 0.3;
  g_autofree char *shown = NULL;

  need (self, BODY_SIZE * LINE);
  self->y += BODY_SIZE * LINE;
  set_font (self->cr, BODY_SIZE, TRUE);
  show_at (self->cr, MARGIN, self->y, label);
  set_font (self->cr, BODY_SIZE, FALSE);
  shown = fit (self->cr, value != NULL ? value : "", aims_pdf_text_width (self) - label_width);
  show_at (self->cr, MARGIN + label_width, self->y, shown);
}

/* Wrapped lines of text at x (from the margin), in the body size, each
 * line on a new page when it would not fit. */
static void
lines_at (AimsPdf    *self,
          double      indent,
          const char *text,
          gboolean    bold)
{
  g_autoptr(GPtrArray) lines = NULL;

  set_font (self->cr, BODY_SIZE, bold);
  lines = wrap (self->cr, text, aims_pdf_text_width (self) - indent);
  for (guint i = 0; i < lines->len; i++)
    {
      need (self, BODY_SIZE * LINE);
      set_font (self->cr, BODY_SIZE, bold);
      self->y += BODY_SIZE * LINE;
      show_at (self->cr, MARGIN + indent, self->y, g_ptr_array_index (lines, i));
    }
}

void
aims_pdf_document_title (AimsPdf    *self,
                         const char *title,
                         const char *subtitle)
{
  g_autoptr(GPtrArray) lines = NULL;

  need (self, 80);
  set_font (self->cr, 20, TRUE);
  lines = wrap (self->cr, title, aims_pdf_text_width (self));
  for (guint i = 0; i < lines->len; i++)
    {
      self->y += 24;
      show_at (self->cr, MARGIN, self->y, g_ptr_array_index (lines, i));
    }
  self->y += 8;
  if (subtitle != NULL)
    {
      cairo_save (self->cr);
      cairo_set_source_rgb (self->cr, 0.35, 0.35, 0.4);
      set_font (self->cr, 11, FALSE);
      self->y += 13;
      show_at (self->cr, MARGIN, self->y, subtitle);
      cairo_restore (self->cr);
      self->y += 8;
    }
  cairo_save (self->cr);
  cairo_set_source_rgba (self->cr, 0, 0, 0, 0.3);
  cairo_set_line_width (self->cr, 0.8);
  cairo_move_to (self->cr, MARGIN, self->y);
  cairo_line_to (self->cr, MARGIN + aims_pdf_text_width (self), self->y);
  cairo_stroke (self->cr);
  cairo_restore (self->cr);
  self->y += BODY_SIZE;
}

/* How far an answer is indented under its question. */
#define ENTRY_INDENT 14.0

void
aims_pdf_entry (AimsPdf    *self,
                const char *label,
                const char *text,
                const char *placeholder)
{
  gboolean answered = text != NULL && *text != '\0';

  /* The question, and at least one line of its answer, on one page. */
  need (self, BODY_SIZE * LINE * 3);
  self->y += BODY_SIZE * 0.4;
  lines_at (self, 0, label, TRUE);
  cairo_save (self->cr);
  if (!answered)
    cairo_set_source_rgb (self->cr, 0.5, 0.5, 0.55);
  lines_at (self, ENTRY_INDENT, answered ? text : placeholder, FALSE);
  cairo_restore (self->cr);
  self->y += BODY_SIZE * 0.4;
}

void
aims_pdf_callout (AimsPdf    *self,
                  const char *text,
                  double      red,
                  double      green,
                  double      blue)
{
  g_autoptr(GPtrArray) lines = NULL;
  double padding = 8, height;

  set_font (self->cr, BODY_SIZE + 1, TRUE);
  lines = wrap (self->cr, text, aims_pdf_text_width (self) - 2 * padding - 4);
  height = lines->len * (BODY_SIZE + 1) * LINE + 2 * padding;
  need (self, height);
  self->y += 4;
  cairo_save (self->cr);
  cairo_set_source_rgba (self->cr, red, green, blue, 0.18);
  cairo_rectangle (self->cr, MARGIN, self->y, aims_pdf_text_width (self), height);
  cairo_fill (self->cr);
  cairo_set_source_rgb (self->cr, red, green, blue);
  cairo_rectangle (self->cr, MARGIN, self->y, 4, height);
  cairo_fill (self->cr);
  cairo_restore (self->cr);
  set_font (self->cr, BODY_SIZE + 1, TRUE);
  for (guint i = 0; i < lines->len; i++)
    show_at (self->cr, MARGIN + 4 + padding, self->y + padding + (i + 0.78) * (BODY_SIZE + 1) * LINE,
             g_ptr_array_index (lines, i));
  self->y += height + BODY_SIZE;
}

void
aims_pdf_bullets (AimsPdf           *self,
                  const char *const *items)
{
  for (guint i = 0; items != NULL && items[i] != NULL; i++)
    {
      need (self, BODY_SIZE * LINE);
      set_font (self->cr, BODY_SIZE, FALSE);
      show_at (self->cr, MARGIN + 2, self->y + BODY_SIZE * LINE, "•");
      lines_at (self, ENTRY_INDENT, items[i], FALSE);
      self->y += BODY_SIZE * 0.3;
    }
  self->y += BODY_SIZE * 0.3;
}

/* At most this many lines of a cell; the last one ends in "…" if cut.
 * Enough for any title or description in the columns our reports give it,
 * so that nothing a reader needs is cut; a row still fits on a page. */
#define CELL_MAX_LINES 12

static GPtrArray *
cell_lines (cairo_t    *cr,
            const char *text,
            double      width)
{
  GPtrArray *lines = wrap (cr, text != NULL ? text : "", width);

  if (lines->len > CELL_MAX_LINES)
    {
      g_autofree char *last = g_strconcat (g_ptr_array_index (lines, CELL_MAX_LINES - 1), "…", NULL);

      g_ptr_array_set_size (lines, CELL_MAX_LINES);
      g_free (g_ptr_array_index (lines, CELL_MAX_LINES - 1));
      g_ptr_array_index (lines, CELL_MAX_LINES - 1) = fit (cr, last, width);
    }
  return lines;
}

/* The height a row takes: its tallest cell. */
static double
row_height (AimsPdf           *self,
            guint              n_columns,
            const double      *widths,
            const char *const *cells,
            gboolean           header)
{
  guint most = 1;

  set_font (self->cr, BODY_SIZE - 0.5, header);
  for (guint c = 0; c < n_columns; c++)
    {
      g_autoptr(GPtrArray) lines = cell_lines (self->cr, cells[c], widths[c] - 2 * CELL_PADDING);

      most = MAX (most, lines->len);
    }
  return most * (BODY_SIZE - 0.5) * LINE + CELL_PADDING + 2;
}

static void
table_row (AimsPdf             *self,
           const AimsPdfColumn *columns,
           guint                n_columns,
           const double        *widths,
           const char *const   *cells,
           gboolean             header)
{
  double x = MARGIN;
  double height = row_height (self, n_columns, widths, cells, header);
  double line_height = (BODY_SIZE - 0.5) * LINE;

  if (header)
    {
      cairo_save (self->cr);
      cairo_set_source_rgb (self->cr, 0.9, 0.91, 0.93);
      cairo_rectangle (self->cr, MARGIN, self->y, aims_pdf_text_width (self), height);
      cairo_fill (self->cr);
      cairo_restore (self->cr);
    }
  set_font (self->cr, BODY_SIZE - 0.5, header);
  for (guint c = 0; c < n_columns; c++)
    {
      g_autoptr(GPtrArray) lines = cell_lines (self->cr, cells[c], widths[c] - 2 * CELL_PADDING);

      for (guint l = 0; l < lines->len; l++)
        {
          const char *text = g_ptr_array_index (lines, l);
          double tx = x + CELL_PADDING;

          if (columns[c].numeric && !header)
            {
              cairo_text_extents_t extents;

              cairo_text_extents (self->cr, text, &extents);
              tx = x + widths[c] - CELL_PADDING - extents.x_advance;
            }
          show_at (self->cr, tx, self->y + CELL_PADDING / 2 + (l + 1) * line_height - 2, text);
        }
      x += widths[c];
    }
  self->y += height;
  /* A hairline under every row. */
  cairo_save (self->cr);
  cairo_set_source_rgba (self->cr, 0, 0, 0, 0.15);
  cairo_set_line_width (self->cr, 0.5);
  cairo_move_to (self->cr, MARGIN, self->y);
  cairo_line_to (self->cr, MARGIN + aims_pdf_text_width (self), self->y);
  cairo_stroke (self->cr);
  cairo_restore (self->cr);
}

/* The width of the widest piece of text that must not be broken, in the
 * table's font: a word, or the part of a compound word up to a hyphen
 * between letters ("Organisation-" of "Organisation-wide"), where
 * break_word() would cut it; references and dates ("RSK-001",
 * "2026-12-23") stay whole. */
static double
widest_word (cairo_t    *cr,
             const char *text)
{
  g_auto(GStrv) words = g_strsplit_set (text != NULL ? text : "", " \n", -1);
  double widest = 0;

  for (guint w = 0; words[w] != NULL; w++)
    {
      const char *start = words[w];

      for (const char *p = words[w]; ; p = g_utf8_next_char (p))
        {
          gboolean cut = *p == '-' && p > start && g_unichar_isalpha (g_utf8_get_char (g_utf8_prev_char (p))) &&
                         g_unichar_isalpha (g_utf8_get_char (p + 1));

          if (cut || *p == '\0')
            {
              g_autofree char *piece = g_strndup (start, p - start + (cut ? 1 : 0));
              cairo_text_extents_t extents;

              cairo_text_extents (cr, piece, &extents);
              widest = MAX (widest, extents.x_advance);
              if (*p == '\0')
                break;
              start = p + 1;
            }
        }
    }
  return widest;
}

/* Each column's share of the text width, but never narrower than its
 * widest word (header included), so that no reference, date or word is
 * broken in two: a column that needs more than its share gets what it
 * needs, and the others share the rest. Only when the widest words alone
 * are wider than the page are words broken. */
static double *
column_widths (AimsPdf                  *self,
               const AimsPdfColumn      *columns,
               guint                     n_columns,
               const char *const        *headers,
               const char *const *const *rows,
               guint                     n_rows)
{
  double *widths = g_new0 (double, n_columns);
  g_autofree double *least = g_new0 (double, n_columns);
  g_autofree gboolean *fixed = g_new0 (gboolean, n_columns);
  double total = aims_pdf_text_width (self), needed = 0;
  gboolean changed = TRUE;

  for (guint c = 0; c < n_columns; c++)
    {
      set_font (self->cr, BODY_SIZE - 0.5, TRUE);
      least[c] = widest_word (self->cr, headers[c]);
      set_font (self->cr, BODY_SIZE - 0.5, FALSE);
      for (guint r = 0; r < n_rows; r++)
        least[c] = MAX (least[c], widest_word (self->cr, rows[r][c]));
      least[c] += 2 * CELL_PADDING + 1;
      needed += least[c];
    }
  if (needed > total)
    {
      /* Too many columns for the page: each narrowed alike, and the widest
       * words broken. */
      for (guint c = 0; c < n_columns; c++)
        widths[c] = least[c] * total / needed;
      return widths;
    }

  while (changed)
    {
      double left = total, shares = 0;

      changed = FALSE;
      for (guint c = 0; c < n_columns; c++)
        {
          if (fixed[c])
            left -= least[c];
          else
            shares += columns[c].width;
        }
      for (guint c = 0; c < n_columns; c++)
        {
          if (fixed[c])
            widths[c] = least[c];
          else
            {
              widths[c] = shares > 0 ? left * columns[c].width / shares : least[c];
              if (widths[c] < least[c])
                fixed[c] = changed = TRUE;
            }
        }
    }
  return widths;
}

void
aims_pdf_table (AimsPdf                   *self,
                const AimsPdfColumn       *columns,
                guint                      n_columns,
                const char *const *const  *rows,
                guint                      n_rows)
{
  g_autofree double *widths = NULL;
  g_autofree const char **headers = g_new0 (const char *, n_columns);

  for (guint c = 0; c < n_columns; c++)
    headers[c] = columns[c].header;
  widths = column_widths (self, columns, n_columns, headers, rows, n_rows);

  need (self, row_height (self, n_columns, widths, headers, TRUE) * 3);
  self->y += 4;
  table_row (self, columns, n_columns, widths, headers, TRUE);
  for (guint r = 0; r < n_rows; r++)
    {
      if (self->y + row_height (self, n_columns, widths, rows[r], FALSE) > bottom ())
        {
          aims_pdf_new_page (self);
          table_row (self, columns, n_columns, widths, headers, TRUE);
        }
      table_row (self, columns, n_columns, widths, rows[r], FALSE);
    }
  self->y += BODY_SIZE;
}

void
aims_pdf_picture (AimsPdf         *self,
                  double           height,
                  AimsPdfDrawFunc  draw,
                  gpointer         user_data)
{
  need (self, height);
  cairo_save (self->cr);
  cairo_translate (self->cr, MARGIN, self->y);
  draw (self->cr, aims_pdf_text_width (self), height, user_data);
  cairo_restore (self->cr);
  self->y += height + BODY_SIZE;
}

static void
aims_pdf_free (AimsPdf *self)
{
  g_clear_pointer (&self->cr, cairo_destroy);
  g_ptr_array_unref (self->pages);
  g_free (self->path);
  g_free (self->part_path);
  g_free (self->title);
  g_free (self->footer);
  g_free (self);
}

gboolean
aims_pdf_finish (AimsPdf  *self,
                 GError  **error)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;
  gboolean ok = TRUE;

  g_return_val_if_fail (self != NULL, FALSE);

  g_clear_pointer (&self->cr, cairo_destroy);
  /* A last page left empty by a page break is not printed. */
  if (self->pages->len > 1)
    {
      double x, y, width, height;

      cairo_recording_surface_ink_extents (g_ptr_array_index (self->pages, self->pages->len - 1),
                                           &x, &y, &width, &height);
      if (width == 0 && height == 0)
        g_ptr_array_set_size (self->pages, self->pages->len - 1);
    }

  surface = cairo_pdf_surface_create (self->part_path, PAGE_WIDTH, PAGE_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, self->title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "AIMS Desk");
  cr = cairo_create (surface);
  for (guint p = 0; p < self->pages->len; p++)
    {
      g_autofree char *number = NULL;
      cairo_text_extents_t extents;

      cairo_set_source_surface (cr, g_ptr_array_index (self->pages, p), 0, 0);
      cairo_paint (cr);

      cairo_set_source_rgb (cr, 0.45, 0.45, 0.5);
      set_font (cr, 8, FALSE);
      show_at (cr, MARGIN, PAGE_HEIGHT - MARGIN + 8, self->footer != NULL ? self->footer : "");
      /* Translators: the footer of a report's pages, "Page 3 of 12" */
      number = g_strdup_printf (_("Page %u of %u"), p + 1, self->pages->len);
      cairo_text_extents (cr, number, &extents);
      show_at (cr, PAGE_WIDTH - MARGIN - extents.x_advance, PAGE_HEIGHT - MARGIN + 8, number);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_FAILED, _("Could not write “%s”: %s"),
                   self->path, cairo_status_to_string (status));
      g_unlink (self->part_path);
      ok = FALSE;
    }
  else if (g_rename (self->part_path, self->path) != 0)
    {
      g_set_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_FAILED, _("Could not write “%s”: %s"),
                   self->path, g_strerror (errno));
      g_unlink (self->part_path);
      ok = FALSE;
    }
  aims_pdf_free (self);
  return ok;
}

void
aims_pdf_abandon (AimsPdf *self)
{
  if (self != NULL)
    aims_pdf_free (self);
}
