/* gui-test-util.h — what every GUI test needs: set-up, waiting, finding
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "aims-context.h"
#include "aims-core.h"

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
gpointer   gui_test_find_toplevel  (GType        type,
                                    GType        exclude);
/* widget or its first descendant of type; with label, the first whose
 * GtkButton label is label ("_Apply"), to click it as a person would. */
GtkWidget *gui_test_find_widget    (GtkWidget   *widget,
                                    GType        type,
                                    const char  *label);
/* Emits "clicked" on the button labelled label inside widget. */
void       gui_test_click          (GtkWidget   *widget,
                                    const char  *label);

/* The application's settings with every key at its default:
 * GSETTINGS_BACKEND=memory keeps one store for the whole process. */
GSettings *gui_test_new_settings   (void);
/* Creates the demo organisation at path; returns its connection. */
AimsDb    *gui_test_create_demo    (const char  *path);
/* Removes path, with everything in it when it is a folder. */
void       gui_test_remove_tree    (const char  *path);

/* What a page test starts from: the demo organisation in a file of its
 * own, the page's connection and another user's on the same file, a
 * context whose author is "Test User", and a window for the page. */
typedef struct
{
  char        *dir;
  char        *path;
  AimsDb      *db;       /* the page's connection */
  AimsDb      *other;    /* another user's, on the same file */
  AimsContext *context;
  GtkWidget   *window;
} GuiTestPage;

/* Creates the file (in a temporary folder named after name), both
 * connections and the context. */
void       gui_test_page_open      (GuiTestPage *page,
                                    const char  *name);
/* Shows widget in a 1400 × 900 window and waits until it is mapped. */
void       gui_test_page_show      (GuiTestPage *page,
                                    GtkWidget   *widget);
/* Closes the message dialogs left open, the window and the connections,
 * and removes the file. Nothing to do when the page was never opened. */
void       gui_test_page_close     (GuiTestPage *page);

G_END_DECLS
