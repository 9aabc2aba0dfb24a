/* aims-window-private.h — shared by aims-window.c, aims-window-actions.c and
 * the window's tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "aims-window.h"

G_BEGIN_DECLS

/* How many databases the Recent menu and the welcome page list. */
#define AIMS_RECENT_MAX 8

struct _AimsWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;
  AimsContext          *context;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;
  AdwStatusPage        *welcome_page;
  GtkWidget            *demo_button;
  GtkWidget            *recent_group;
  GtkListBox           *recent_list;
  GtkSpinner           *opening_spinner;
  GtkLabel             *opening_label;
  GtkRevealer          *waiting_revealer;
  GtkWidget            *cancel_open_button;
  AdwLeaflet           *leaflet;
  GtkWidget            *sidebar;
  AdwHeaderBar         *sidebar_header;
  GtkWidget            *db_title;
  GtkLabel             *db_title_label;
  GtkLabel             *db_subtitle_label;
  GtkListBox           *sidebar_list;
  GtkStack             *pages_stack;
  GtkRevealer          *read_only_revealer;
  GtkLabel             *read_only_label;
  GtkRevealer          *task_revealer;
  GtkLabel             *task_label;
  GtkProgressBar       *task_progress;
  GMenu                *recent_section;

  /* The open (or demo creation) under way, if any. */
  GCancellable         *open_cancellable;
  char                 *before_opening;
  guint                 waiting_source;

  /* Where the focus was in the "database" state, to return it there. */
  GtkWidget            *database_focus;
};

/* aims-window.c */
void        _aims_window_add_toast        (AimsWindow  *self,
                                           const char  *title);
void        _aims_window_show_error       (AimsWindow  *self,
                                           const char  *heading,
                                           const char  *message);
void        _aims_window_cancel_open      (AimsWindow  *self);
/* Shows the work under way below the pages, fraction 0..1 done; label
 * NULL hides it. */
void        _aims_window_show_task        (AimsWindow  *self,
                                           const char  *label,
                                           double       fraction);
/* Activates "page.flush" on every page (see aims-pages.h). */
void        _aims_window_flush_pages      (AimsWindow  *self);
void        _aims_window_remove_recent    (AimsWindow  *self,
                                           const char  *path);
gboolean    _aims_window_is_recent_shared (AimsWindow  *self,
                                           const char  *path);

/* aims-window-actions.c */
void        _aims_window_class_actions_init (AimsWindowClass *klass);
void        _aims_window_actions_update     (AimsWindow      *self);

/* The recent list with path first, without its other copies and cut to
 * max entries: what "recent-databases" becomes when path is opened. */
char      **aims_recent_list_prepend  (const char * const *list,
                                       const char         *path,
                                       guint               max);
/* The list without path. */
char      **aims_recent_list_remove   (const char * const *list,
                                       const char         *path);
/* The path as a person reads it: ~ for the home folder. */
char       *aims_path_for_display     (const char         *path);

G_END_DECLS
