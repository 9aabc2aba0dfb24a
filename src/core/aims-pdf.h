/* aims-pdf.h — pages of a PDF report laid out top to bottom
 *
 * A cursor that runs down A4 pages drawn with Cairo: headings, wrapped
 * paragraphs, label/value lines, tables whose header repeats on every page
 * they run over, and pictures drawn by any of our renderers into a box.
 * A new page is started whenever the next thing would not fit, and every
 * page gets a footer with the report's name and "Page N of M" (written when
 * the document is finished, once M is known). Reports for people who read
 * rather than filter: the review pack, an impact assessment.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

typedef struct _AimsPdf AimsPdf;

/* Draws a picture into a box of width × height points at (0, 0) of cr. */
typedef void (*AimsPdfDrawFunc) (cairo_t  *cr,
                                 double    width,
                                 double    height,
                                 gpointer  user_data);

typedef struct
{
  const char *header;
  double      width;     /* a share of the text width; shares need not sum to 1 */
  gboolean    numeric;   /* right-aligned */
} AimsPdfColumn;

/* Starts the document at path; footer is the text at the bottom left of
 * every page. Nothing appears at path until aims_pdf_finish(). */
AimsPdf  *aims_pdf_new        (const char           *path,
                               const char           *title,
                               const char           *footer,
                               GError              **error);
/* The width of the text column, in points. */
double    aims_pdf_text_width (AimsPdf              *self);

void      aims_pdf_title_page (AimsPdf              *self,
                               const char           *title,
                               const char           *subtitle,
                               const char *const    *lines);
void      aims_pdf_new_page   (AimsPdf              *self);
/* A new page unless height more points fit on this one: keeps a heading,
 * its explanation and the start of its table together. */
void      aims_pdf_keep       (AimsPdf              *self,
                               double                height);
void      aims_pdf_heading    (AimsPdf              *self,
                               const char           *text);
void      aims_pdf_paragraph  (AimsPdf              *self,
                               const char           *text);
void      aims_pdf_pair       (AimsPdf              *self,
                               const char           *label,
                               const char           *value);
/* rows: n_rows arrays of n_columns strings (NULL for an empty cell). Cells
 * wrap onto three lines at most; longer ones are cut with "…". */
void      aims_pdf_table      (AimsPdf              *self,
                               const AimsPdfColumn  *columns,
                               guint                 n_columns,
                               const char *const *const *rows,
                               guint                 n_rows);
/* A title at the top of a page that is not a title page, with a rule
 * under it; subtitle may be NULL. */
void      aims_pdf_document_title (AimsPdf          *self,
                                   const char       *title,
                                   const char       *subtitle);
/* A question and its answer: label in bold, text under it indented, both
 * wrapped; when text is NULL or empty, placeholder in grey. The label is
 * never left alone at the foot of a page. */
void      aims_pdf_entry      (AimsPdf              *self,
                               const char           *label,
                               const char           *text,
                               const char           *placeholder);
/* Wrapped text in a box tinted with the colour red, green, blue (0..1),
 * for what a reader must not miss: a status, an approval. */
void      aims_pdf_callout    (AimsPdf              *self,
                               const char           *text,
                               double                red,
                               double                green,
                               double                blue);
/* One wrapped paragraph per item, each after a bullet. */
void      aims_pdf_bullets    (AimsPdf              *self,
                               const char *const    *items);
/* A picture height points high across the text width. */
void      aims_pdf_picture    (AimsPdf              *self,
                               double                height,
                               AimsPdfDrawFunc       draw,
                               gpointer              user_data);

/* Writes the footers, closes the file and renames it to path. Frees self
 * whatever happens. */
gboolean  aims_pdf_finish     (AimsPdf              *self,
                               GError              **error);
/* Frees self, leaving nothing at path. */
void      aims_pdf_abandon    (AimsPdf              *self);

G_END_DECLS
