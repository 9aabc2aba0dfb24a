/* aims-window.h — the main window: sidebar of pages, the pages, and the
 * welcome and opening states around them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "aims-context.h"

G_BEGIN_DECLS

#define AIMS_TYPE_WINDOW (aims_window_get_type ())
G_DECLARE_FINAL_TYPE (AimsWindow, aims_window, AIMS, WINDOW, AdwApplicationWindow)

/* application may be NULL (tests); settings NULL means the application's. */
AimsWindow  *aims_window_new          (GtkApplication  *application,
                                       GSettings       *settings);

AimsContext *aims_window_get_context  (AimsWindow      *self);

/* Opens path without blocking: the window shows that it is opening (and
 * waiting, when another user holds the file), then the database, or an
 * error dialog and the state from before. Replaces a pending open. */
void         aims_window_open         (AimsWindow      *self,
                                       const char      *path,
                                       AimsDbOpenFlags  flags);
/* Opens the demo organisation, creating it first in the user's data folder
 * when it is missing. */
void         aims_window_open_demo    (AimsWindow      *self);
/* TRUE while an open (or the demo's creation) is under way. Notifies
 * "busy". */
gboolean     aims_window_get_busy     (AimsWindow      *self);

/* Shows the page called name (a row of aims-pages.h); FALSE when there is
 * no such page. */
gboolean     aims_window_set_page     (AimsWindow      *self,
                                       const char      *name);
const char  *aims_window_get_page     (AimsWindow      *self);

G_END_DECLS
