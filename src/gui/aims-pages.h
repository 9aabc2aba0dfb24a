/* aims-pages.h — the one table of the window's pages
 *
 * Adding an area is adding a row here: the window builds its sidebar and
 * its stack from this table. Each page is a GtkWidget type with a
 * construct-only "context" property (AimsContext) and its own AdwHeaderBar.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef struct
{
  const char *name;       /* for --page and the stack: "systems" */
  const char *title;      /* N_() marked */
  const char *icon_name;
  GType     (*get_type) (void);
} AimsPageInfo;

const AimsPageInfo *aims_pages_get          (guint      *n_pages);
const AimsPageInfo *aims_pages_lookup       (const char *name);

G_END_DECLS
