/* gui-test-util.h — what every GUI test needs: set-up, waiting, finding
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* How long gui_test_iterate_until() waits before it fails the test. */
#define GUI_TEST_WAIT_SECONDS 60

/* g_test_init() with G_TEST_OPTION_ISOLATE_DIRS, and GTK and libadwaita
 * when there is a display. What GTK reads from the system's XDG folders
 * (the MIME database that recognises SVG icons, the icon theme) is loaded
 * before the folders are isolated. Returns TRUE when there is a display;
 * widget tests call g_test_skip() otherwise. */
gboolean gui_test_init             (int         *argc,
                                    char      ***argv);

/* Runs the main loop until done (data) is TRUE; fails the test after
 * GUI_TEST_WAIT_SECONDS. */
void     gui_test_iterate_until    (gboolean   (*done) (gpointer),
                                    gpointer     data);
/* Runs the main loop for ms milliseconds. */
void     gui_test_iterate_for      (guint        ms);
/* Dispatches what is ready, without waiting. */
void     gui_test_iterate_pending  (void);

/* A visible toplevel of type, not of type exclude (or G_TYPE_INVALID). */
gpointer gui_test_find_toplevel    (GType        type,
                                    GType        exclude);

G_END_DECLS
