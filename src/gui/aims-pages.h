/* aims-pages.h — the one table of the window's pages
 *
 * Adding an area is adding a row to the table in aims-pages.c: the window
 * builds its sidebar and its stack from this table, and `aimsdesk --page
 * NAME` accepts exactly the names in it.
 *
 * What a page is, and what the window does with it
 * ------------------------------------------------
 *
 * - A page is a GtkWidget type with a construct-only "context" property
 *   (AimsContext). The window creates every page once, when the window is
 *   made, with g_object_new (info->get_type (), "context", ctx, NULL) —
 *   usually before any database is open, so aims_context_get_db() may be
 *   NULL. Pages follow notify::db (a database was opened, replaced or
 *   closed) and "data-changed" (another connection committed) and reload.
 *
 * - Header: a page brings its own AdwHeaderBar as its first, topmost child,
 *   with show-end-title-buttons TRUE. When the window is narrow the leaflet
 *   folds and the page is shown alone; the page then shows a back button:
 *
 *     GtkButton, icon-name "go-previous-symbolic",
 *     action-name "win.show-sidebar",
 *     "visible" bound to the context's "folded" property
 *     (g_object_bind_property (ctx, "folded", button, "visible",
 *                              G_BINDING_SYNC_CREATE)).
 *
 *   "win.show-sidebar" brings the sidebar back; AimsContext:folded mirrors
 *   AdwLeaflet:folded of the window.
 *
 * - Search: a page that lists records installs an action named
 *   "page.search" in its class (gtk_widget_class_install_action
 *   (widget_class, "page.search", NULL, …)) that reveals and focuses its
 *   search entry. Ctrl+F activates "win.search", which activates
 *   "page.search" on the visible page; a page without it is left alone.
 *
 * - Flush: a page that holds edits not yet written installs an action
 *   "page.flush" the same way, which writes them at once (synchronously) or
 *   drops what cannot be written after telling the user. The window
 *   activates "page.flush" on every page before the window closes (also on
 *   Ctrl+Q) and before it replaces the open database with another; pages
 *   without the action are skipped. After "page.flush" the page must hold
 *   nothing unsaved.
 *
 * - Filter: a page that lists records may install "page.filter" with a
 *   string parameter, "FIELD=VALUE;FIELD=VALUE", which clears its search
 *   and filters and sets those named (each page says which it knows).
 *   "win.show-page" ("(ss)": page name, filter) shows a page filtered so:
 *   what a dashboard tile opens.
 *
 * - Toasts: a page shows a toast through the window's AdwToastOverlay,
 *   aims_page_add_toast (page, toast) below (it finds the overlay among the
 *   page's ancestors and does nothing when there is none, e.g. in a test).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

typedef struct
{
  const char *name;       /* for --page and the stack: "systems" */
  const char *title;      /* N_() marked; translate with gettext() when shown */
  const char *icon_name;
  GType     (*get_type) (void);
} AimsPageInfo;

/* The table, in sidebar order. */
const AimsPageInfo *aims_pages_get          (guint      *n_pages);
/* The row called name, or NULL. */
const AimsPageInfo *aims_pages_lookup       (const char *name);
/* "systems, people": the names, for a message that lists them. */
char               *aims_pages_dup_names    (void);

/* Shows toast in the window's overlay; takes ownership of toast, like
 * adw_toast_overlay_add_toast(). */
void                aims_page_add_toast     (GtkWidget  *page,
                                             AdwToast   *toast);

G_END_DECLS
