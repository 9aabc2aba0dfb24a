/* aims-window.c — the main window
 *
 * The window is in one of three states, the children of main_stack:
 * "welcome" (no database yet), "opening" (an open under way, with a spinner
 * and Cancel) and "database" (the sidebar of pages and the pages). Opening
 * never blocks the main loop; a failed open shows a dialog and returns to
 * the state from before.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "aims-application.h"
#include "aims-pages.h"
#include "aims-window-private.h"

/* After this long an open is most likely waiting for another writer's lock. */
#define WAITING_DELAY_S 1
/* How long an open waits for another writer before it gives up. The core
 * waits a few seconds per attempt; the window tries again until this. */
#define OPEN_BUSY_TIMEOUT_S 30

G_DEFINE_FINAL_TYPE (AimsWindow, aims_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_SETTINGS,
  PROP_CONTEXT,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  AimsWindow      *self;
  GCancellable    *cancellable;
  char            *path;
  AimsDbOpenFlags  flags;
  gboolean         existed;
  gint64           give_up_at;
} OpenData;

static void
open_data_free (OpenData *data)
{
  g_clear_object (&data->self);
  g_clear_object (&data->cancellable);
  g_free (data->path);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OpenData, open_data_free)

/* Recent databases: pure functions over string lists */

char **
aims_recent_list_prepend (const char * const *list,
                          const char         *path,
                          guint               max)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  guint n = 0;

  g_return_val_if_fail (path != NULL, NULL);

  if (max == 0)
    return g_strv_builder_end (builder);

  g_strv_builder_add (builder, path);
  n++;

  for (guint i = 0; list != NULL && list[i] != NULL && n < max; i++)
    {
      if (g_str_equal (list[i], path) || list[i][0] == '\0')
        continue;
      g_strv_builder_add (builder, list[i]);
      n++;
    }

  return g_strv_builder_end (builder);
}

char **
aims_recent_list_remove (const char * const *list,
                         const char         *path)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; list != NULL && list[i] != NULL; i++)
    {
      if (g_strcmp0 (list[i], path) != 0)
        g_strv_builder_add (builder, list[i]);
    }

  return g_strv_builder_end (builder);
}

char *
aims_path_for_display (const char *path)
{
  const char *home = g_get_home_dir ();
  gsize home_len = home != NULL ? strlen (home) : 0;

  g_return_val_if_fail (path != NULL, NULL);

  if (home_len > 1 &&
      g_str_has_prefix (path, home) &&
      (path[home_len] == '\0' || path[home_len] == G_DIR_SEPARATOR))
    {
      g_autofree char *rest = g_filename_display_name (path + home_len);

      return g_strconcat ("~", rest, NULL);
    }

  return g_filename_display_name (path);
}

static void
set_recent_lists (AimsWindow *self,
                  const char *path,
                  gboolean    add,
                  gboolean    shared)
{
  g_auto(GStrv) recent = g_settings_get_strv (self->settings, "recent-databases");
  g_auto(GStrv) recent_shared = g_settings_get_strv (self->settings, "recent-shared");
  g_auto(GStrv) new_recent = NULL;
  g_auto(GStrv) new_shared = NULL;

  if (add)
    new_recent = aims_recent_list_prepend ((const char * const *) recent, path, AIMS_RECENT_MAX);
  else
    new_recent = aims_recent_list_remove ((const char * const *) recent, path);

  if (add && shared)
    new_shared = aims_recent_list_prepend ((const char * const *) recent_shared, path, AIMS_RECENT_MAX);
  else
    new_shared = aims_recent_list_remove ((const char * const *) recent_shared, path);

  g_settings_set_strv (self->settings, "recent-shared", (const char * const *) new_shared);
  g_settings_set_strv (self->settings, "recent-databases", (const char * const *) new_recent);
}

void
_aims_window_remove_recent (AimsWindow *self,
                            const char *path)
{
  set_recent_lists (self, path, FALSE, FALSE);
}

gboolean
_aims_window_is_recent_shared (AimsWindow *self,
                               const char *path)
{
  g_auto(GStrv) recent_shared = g_settings_get_strv (self->settings, "recent-shared");

  return g_strv_contains ((const char * const *) recent_shared, path);
}

/* Menu labels take "_" as a mnemonic: a file name shows its own. */
static char *
escape_mnemonic (const char *text)
{
  g_auto(GStrv) parts = g_strsplit (text, "_", -1);

  return g_strjoinv ("__", parts);
}

static GtkWidget *
recent_row_new (const char *path,
                gboolean    shared)
{
  g_autofree char *name = g_filename_display_basename (path);
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *folder_display = aims_path_for_display (folder);
  GtkWidget *row;
  GtkWidget *icon;

  row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), folder_display);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.open-recent");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (row), g_variant_new_string (path));
  gtk_widget_set_tooltip_text (row, shared ? _("Shared file") : _("Local file"));

  icon = gtk_image_new_from_icon_name (shared ? "folder-publicshare-symbolic"
                                              : "x-office-document-symbolic");
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  shared ? _("Shared file") : _("Local file"),
                                  -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name ("go-next-symbolic"));

  return row;
}

static void
update_recent (AimsWindow *self)
{
  g_auto(GStrv) recent = g_settings_get_strv (self->settings, "recent-databases");
  g_auto(GStrv) recent_shared = g_settings_get_strv (self->settings, "recent-shared");
  g_autoptr(GMenu) submenu = g_menu_new ();
  GtkWidget *child;
  guint n = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->recent_list))) != NULL)
    gtk_list_box_remove (self->recent_list, child);

  for (guint i = 0; recent[i] != NULL && n < AIMS_RECENT_MAX; i++)
    {
      g_autofree char *name = NULL;
      g_autofree char *label = NULL;
      g_autoptr(GMenuItem) item = NULL;
      gboolean shared;

      if (recent[i][0] == '\0')
        continue;

      shared = g_strv_contains ((const char * const *) recent_shared, recent[i]);
      name = g_filename_display_basename (recent[i]);
      label = escape_mnemonic (name);
      item = g_menu_item_new (label, NULL);
      g_menu_item_set_action_and_target_value (item, "win.open-recent",
                                               g_variant_new_string (recent[i]));
      g_menu_append_item (submenu, item);

      gtk_list_box_append (self->recent_list, recent_row_new (recent[i], shared));
      n++;
    }

  g_menu_remove_all (self->recent_section);
  if (n > 0)
    g_menu_append_submenu (self->recent_section, _("_Recent"), G_MENU_MODEL (submenu));

  gtk_widget_set_visible (self->recent_group, n > 0);
  /* Room for the list below the buttons. */
  if (n > 0)
    gtk_widget_add_css_class (GTK_WIDGET (self->welcome_page), "compact");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->welcome_page), "compact");
}

static void
recent_changed_cb (AimsWindow *self,
                   const char *key,
                   GSettings  *settings)
{
  update_recent (self);
}

/* Toasts and dialogs */

void
_aims_window_add_toast (AimsWindow *self,
                        const char *title)
{
  AdwToast *toast = adw_toast_new (title);

  adw_toast_set_timeout (toast, 5);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
_aims_window_show_error (AimsWindow *self,
                         const char *heading,
                         const char *message)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Pages */

void
_aims_window_flush_pages (AimsWindow *self)
{
  const AimsPageInfo *pages;
  guint n_pages;

  pages = aims_pages_get (&n_pages);
  for (guint i = 0; i < n_pages; i++)
    {
      GtkWidget *page = gtk_stack_get_child_by_name (self->pages_stack, pages[i].name);

      if (page != NULL)
        gtk_widget_activate_action (page, "page.flush", NULL);
    }
}

static GtkWidget *
sidebar_row_new (const AimsPageInfo *info)
{
  GtkWidget *row;
  GtkWidget *box;
  GtkWidget *label;

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_box_append (GTK_BOX (box), g_object_new (GTK_TYPE_IMAGE,
                                               "icon-name", info->icon_name,
                                               "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                               NULL));
  label = gtk_label_new (gettext (info->title));
  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);

  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_set_name (row, info->name);
  /* A screen reader names the row after its area. */
  gtk_accessible_update_relation (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL,
                                  -1);

  return row;
}

static void
add_pages (AimsWindow *self)
{
  const AimsPageInfo *pages;
  guint n_pages;

  pages = aims_pages_get (&n_pages);
  for (guint i = 0; i < n_pages; i++)
    {
      GtkWidget *page;

      page = g_object_new (pages[i].get_type (),
                           "context", self->context,
                           NULL);
      gtk_stack_add_titled (self->pages_stack, page,
                            pages[i].name, gettext (pages[i].title));
      gtk_list_box_append (self->sidebar_list, sidebar_row_new (&pages[i]));
    }
}

static void
sidebar_row_selected_cb (AimsWindow    *self,
                         GtkListBoxRow *row,
                         GtkListBox    *list)
{
  const AimsPageInfo *info;

  if (row == NULL)
    return;

  info = aims_pages_lookup (gtk_widget_get_name (GTK_WIDGET (row)));
  g_return_if_fail (info != NULL);

  gtk_stack_set_visible_child_name (self->pages_stack, info->name);
  g_settings_set_string (self->settings, "last-page", info->name);
}

static void
sidebar_row_activated_cb (AimsWindow    *self,
                          GtkListBoxRow *row,
                          GtkListBox    *list)
{
  adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->pages_stack));
}

gboolean
aims_window_set_page (AimsWindow *self,
                      const char *name)
{
  const AimsPageInfo *pages;
  guint n_pages;

  g_return_val_if_fail (AIMS_IS_WINDOW (self), FALSE);

  pages = aims_pages_get (&n_pages);
  for (guint i = 0; i < n_pages; i++)
    {
      if (g_strcmp0 (pages[i].name, name) == 0)
        {
          GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->sidebar_list, i);

          gtk_list_box_select_row (self->sidebar_list, row);
          adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->pages_stack));
          return TRUE;
        }
    }

  return FALSE;
}

const char *
aims_window_get_page (AimsWindow *self)
{
  g_return_val_if_fail (AIMS_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->pages_stack);
}

static void
select_default_page (AimsWindow *self)
{
  g_autofree char *last = g_settings_get_string (self->settings, "last-page");
  const AimsPageInfo *pages;
  guint n_pages;

  if (aims_window_set_page (self, last) || aims_window_set_page (self, "dashboard"))
    return;

  pages = aims_pages_get (&n_pages);
  if (n_pages > 0)
    aims_window_set_page (self, pages[0].name);
}

/* The open database */

static void
update_database_view (AimsWindow *self)
{
  AimsDb *db = aims_context_get_db (self->context);
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  g_autofree char *where = NULL;
  const char *subtitle;
  const char *reason;

  if (db == NULL)
    {
      gtk_window_set_title (GTK_WINDOW (self), _("AIMS Desk"));
      gtk_label_set_text (self->db_title_label, "");
      gtk_label_set_text (self->db_subtitle_label, "");
      gtk_widget_set_tooltip_text (self->db_title, NULL);
      gtk_revealer_set_reveal_child (self->read_only_revealer, FALSE);
      return;
    }

  name = g_filename_display_basename (aims_db_get_path (db));
  /* Translators: the window title; %s is the database's file name. */
  title = g_strdup_printf (_("%s — AIMS Desk"), name);
  gtk_window_set_title (GTK_WINDOW (self), title);

  if (aims_db_is_read_only (db))
    subtitle = _("Read-only");
  else if (aims_db_get_mode (db) == AIMS_DB_MODE_SHARED)
    subtitle = _("Shared file");
  else
    subtitle = _("Local file");

  gtk_label_set_text (self->db_title_label, name);
  gtk_label_set_text (self->db_subtitle_label, subtitle);
  where = aims_path_for_display (aims_db_get_path (db));
  gtk_widget_set_tooltip_text (self->db_title, where);

  reason = aims_db_get_read_only_reason (db);
  if (reason == NULL || reason[0] == '\0')
    reason = _("This database is open read-only: changes cannot be saved.");
  gtk_label_set_text (self->read_only_label, reason);
  gtk_revealer_set_reveal_child (self->read_only_revealer, aims_db_is_read_only (db));
}

static void
context_db_changed_cb (AimsWindow  *self,
                       GParamSpec  *pspec,
                       AimsContext *context)
{
  update_database_view (self);
  _aims_window_actions_update (self);
}

static void
set_database (AimsWindow *self,
              AimsDb     *db,
              OpenData   *data)
{
  const char *backup;

  _aims_window_flush_pages (self);
  aims_context_set_db (self->context, db);

  set_recent_lists (self, data->path, TRUE,
                    aims_db_get_mode (db) == AIMS_DB_MODE_SHARED);

  if ((data->flags & AIMS_DB_OPEN_CREATE) != 0 && !data->existed)
    {
      g_autofree char *name = g_filename_display_basename (data->path);
      g_autofree char *message = g_strdup_printf (_("Created “%s”"), name);

      _aims_window_add_toast (self, message);
    }

  backup = aims_db_get_migration_backup (db);
  if (backup != NULL)
    {
      g_autofree char *where = aims_path_for_display (backup);
      g_autofree char *message = NULL;

      message = g_strdup_printf (_("Upgraded the database; a backup was kept at %s"), where);
      _aims_window_add_toast (self, message);
    }
}

/* Switches main_stack to the state called name ("welcome", "opening",
 * "database"), moving the focus along. The focus leaves a state before it
 * is hidden: GTK 4.8 keeps a reference to the ancestors of a focus widget
 * that gets hidden, so the pages would never be freed. */
static void
show_state (AimsWindow *self,
            const char *name)
{
  GtkWidget *current = gtk_stack_get_visible_child (self->main_stack);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), name) == 0)
    return;

  if (focus != NULL && current != NULL && gtk_widget_is_ancestor (focus, current))
    {
      if (current == gtk_stack_get_child_by_name (self->main_stack, "database"))
        g_set_weak_pointer (&self->database_focus, focus);
      gtk_window_set_focus (GTK_WINDOW (self), NULL);
    }

  gtk_stack_set_visible_child_name (self->main_stack, name);

  if (g_str_equal (name, "opening"))
    gtk_widget_grab_focus (self->cancel_open_button);
  else if (g_str_equal (name, "welcome"))
    gtk_widget_grab_focus (self->demo_button);
  else if (self->database_focus != NULL &&
           gtk_widget_is_ancestor (self->database_focus, GTK_WIDGET (self)) &&
           gtk_widget_grab_focus (self->database_focus))
    ;
  else
    gtk_widget_child_focus (GTK_WIDGET (self->leaflet), GTK_DIR_TAB_FORWARD);

  g_clear_weak_pointer (&self->database_focus);
}

/* Opening */

gboolean
aims_window_get_busy (AimsWindow *self)
{
  g_return_val_if_fail (AIMS_IS_WINDOW (self), FALSE);

  return self->open_cancellable != NULL;
}

static gboolean
waiting_timeout_cb (gpointer user_data)
{
  AimsWindow *self = user_data;

  self->waiting_source = 0;
  gtk_revealer_set_reveal_child (self->waiting_revealer, TRUE);

  return G_SOURCE_REMOVE;
}

/* Shows the "opening" state; returns the cancellable of the new operation
 * (owned by the window). A pending operation is cancelled and replaced. */
static GCancellable *
begin_opening (AimsWindow *self,
               const char *label,
               gboolean    may_wait)
{
  gboolean was_busy = self->open_cancellable != NULL;

  if (self->open_cancellable != NULL)
    g_cancellable_cancel (self->open_cancellable);
  g_clear_object (&self->open_cancellable);
  g_clear_handle_id (&self->waiting_source, g_source_remove);

  if (self->before_opening == NULL)
    self->before_opening = g_strdup (gtk_stack_get_visible_child_name (self->main_stack));

  self->open_cancellable = g_cancellable_new ();

  gtk_label_set_text (self->opening_label, label);
  gtk_revealer_set_transition_duration (self->waiting_revealer, 0);
  gtk_revealer_set_reveal_child (self->waiting_revealer, FALSE);
  gtk_revealer_set_transition_duration (self->waiting_revealer, 250);
  gtk_spinner_start (self->opening_spinner);
  show_state (self, "opening");

  if (may_wait)
    self->waiting_source = g_timeout_add_seconds (WAITING_DELAY_S, waiting_timeout_cb, self);

  if (!was_busy)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
  _aims_window_actions_update (self);

  return self->open_cancellable;
}

/* Leaves the "opening" state for show, or for the state from before when
 * show is NULL. */
static void
end_opening (AimsWindow *self,
             const char *show)
{
  g_autofree char *before = g_steal_pointer (&self->before_opening);

  g_clear_object (&self->open_cancellable);
  g_clear_handle_id (&self->waiting_source, g_source_remove);
  gtk_spinner_stop (self->opening_spinner);

  if (show == NULL)
    show = before != NULL ? before : "welcome";
  show_state (self, show);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
  _aims_window_actions_update (self);
}

void
_aims_window_cancel_open (AimsWindow *self)
{
  if (self->open_cancellable == NULL)
    return;

  g_cancellable_cancel (self->open_cancellable);
  end_opening (self, NULL);
}

static void
db_opened_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(OpenData) data = user_data;
  AimsWindow *self = data->self;
  g_autoptr(AimsDb) db = NULL;
  g_autoptr(GError) error = NULL;

  db = aims_db_open_finish (result, &error);

  /* Cancelled, replaced by another open, or the window went away: what
   * came back is dropped. */
  if (g_cancellable_is_cancelled (data->cancellable))
    return;

  if (db == NULL &&
      g_error_matches (error, AIMS_DB_ERROR, AIMS_DB_ERROR_BUSY) &&
      g_get_monotonic_time () < data->give_up_at)
    {
      OpenData *again = g_steal_pointer (&data);

      /* Another user is still saving: keep waiting (and showing it). */
      aims_db_open_async (again->path, again->flags, again->cancellable,
                          db_opened_cb, again);
      return;
    }

  if (db == NULL)
    {
      end_opening (self, NULL);
      _aims_window_show_error (self, _("Could Not Open Database"), error->message);
      return;
    }

  end_opening (self, "database");
  set_database (self, db, data);
}

void
aims_window_open (AimsWindow      *self,
                  const char      *path,
                  AimsDbOpenFlags  flags)
{
  g_autofree char *name = NULL;
  g_autofree char *label = NULL;
  OpenData *data;

  g_return_if_fail (AIMS_IS_WINDOW (self));
  g_return_if_fail (path != NULL);

  name = g_filename_display_basename (path);
  /* Translators: %s is a database's file name. */
  label = g_strdup_printf (_("Opening “%s”…"), name);

  data = g_new0 (OpenData, 1);
  data->self = g_object_ref (self);
  data->path = g_canonicalize_filename (path, NULL);
  data->flags = flags;
  data->existed = g_file_test (data->path, G_FILE_TEST_EXISTS);
  data->give_up_at = g_get_monotonic_time () + OPEN_BUSY_TIMEOUT_S * G_USEC_PER_SEC;
  data->cancellable = g_object_ref (begin_opening (self, label, TRUE));

  aims_db_open_async (data->path, flags, data->cancellable, db_opened_cb, data);
}

/* The demo organisation */

static char *
demo_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "aimsdesk", "demo.aimsdb", NULL);
}

static void
remove_database_files (const char *path)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_unlink (file);
    }
}

/* Made under another name and renamed when complete, so an interrupted
 * creation never leaves a half-filled demo behind. */
static void
create_demo_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  const char *path = task_data;
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *part = g_strconcat (path, ".part", NULL);
  g_autoptr(AimsDb) db = NULL;
  g_autoptr(GError) error = NULL;

  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved_errno = errno;
      g_autofree char *display = g_filename_display_name (folder);

      g_task_return_new_error (task, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                               _("Could not create the folder %s: %s"),
                               display, g_strerror (saved_errno));
      return;
    }

  remove_database_files (part);

  db = aims_db_open (part, AIMS_DB_OPEN_CREATE, &error);
  if (db == NULL || !aims_demo_populate (db, &error))
    {
      g_clear_object (&db);
      remove_database_files (part);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_clear_object (&db);

  if (g_rename (part, path) != 0)
    {
      int saved_errno = errno;
      g_autofree char *display = g_filename_display_name (path);

      remove_database_files (part);
      g_task_return_new_error (task, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                               _("Could not create %s: %s"),
                               display, g_strerror (saved_errno));
      return;
    }

  g_task_return_boolean (task, TRUE);
}

static void
demo_created_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  AimsWindow *self = AIMS_WINDOW (source);
  GTask *task = G_TASK (result);
  g_autoptr(GError) error = NULL;

  if (g_cancellable_is_cancelled (g_task_get_cancellable (task)))
    return;

  if (!g_task_propagate_boolean (task, &error))
    {
      end_opening (self, NULL);
      _aims_window_show_error (self, _("Could Not Create the Demo Organisation"),
                               error->message);
      return;
    }

  aims_window_open (self, g_task_get_task_data (task), AIMS_DB_OPEN_DEFAULT);
}

void
aims_window_open_demo (AimsWindow *self)
{
  g_autofree char *path = demo_path ();
  g_autoptr(GTask) task = NULL;
  GCancellable *cancellable;

  g_return_if_fail (AIMS_IS_WINDOW (self));

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      aims_window_open (self, path, AIMS_DB_OPEN_DEFAULT);
      return;
    }

  cancellable = begin_opening (self, _("Creating the demo organisation…"), FALSE);

  task = g_task_new (self, cancellable, demo_created_cb, NULL);
  g_task_set_source_tag (task, aims_window_open_demo);
  g_task_set_check_cancellable (task, FALSE);
  g_task_set_task_data (task, g_steal_pointer (&path), g_free);
  g_task_run_in_thread (task, create_demo_thread);
}

/* Window state */

static void
restore_window_state (AimsWindow *self)
{
  int width = g_settings_get_int (self->settings, "window-width");
  int height = g_settings_get_int (self->settings, "window-height");

  if (width > 0 && height > 0)
    gtk_window_set_default_size (GTK_WINDOW (self), width, height);
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

static void
save_window_state (AimsWindow *self)
{
  gboolean maximized = gtk_window_is_maximized (GTK_WINDOW (self));

  if (!maximized)
    {
      int width, height;

      gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  g_settings_set_boolean (self->settings, "window-maximized", maximized);
}

static gboolean
aims_window_close_request (GtkWindow *window)
{
  AimsWindow *self = AIMS_WINDOW (window);

  _aims_window_flush_pages (self);
  save_window_state (self);

  return GTK_WINDOW_CLASS (aims_window_parent_class)->close_request (window);
}

/* GObject */

static void
aims_window_constructed (GObject *object)
{
  AimsWindow *self = AIMS_WINDOW (object);
  GtkApplication *app;

  G_OBJECT_CLASS (aims_window_parent_class)->constructed (object);

  app = gtk_window_get_application (GTK_WINDOW (self));
  if (self->settings == NULL && AIMS_IS_APPLICATION (app))
    self->settings = g_object_ref (aims_application_get_settings (AIMS_APPLICATION (app)));
  if (self->settings == NULL)
    self->settings = g_settings_new (AIMS_APP_ID);

  self->context = aims_context_new (self->settings);
  g_signal_connect_object (self->context, "notify::db",
                           G_CALLBACK (context_db_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_object_bind_property (self->leaflet, "folded",
                          self->context, "folded",
                          G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->leaflet, "folded",
                          self->sidebar_header, "show-end-title-buttons",
                          G_BINDING_SYNC_CREATE);

  g_signal_connect_object (self->settings, "changed::recent-databases",
                           G_CALLBACK (recent_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::recent-shared",
                           G_CALLBACK (recent_changed_cb), self,
                           G_CONNECT_SWAPPED);

  add_pages (self);
  select_default_page (self);
  update_recent (self);
  update_database_view (self);
  restore_window_state (self);
  show_state (self, "welcome");
  _aims_window_actions_update (self);
}

static void
aims_window_dispose (GObject *object)
{
  AimsWindow *self = AIMS_WINDOW (object);

  if (self->open_cancellable != NULL)
    g_cancellable_cancel (self->open_cancellable);
  g_clear_object (&self->open_cancellable);
  g_clear_handle_id (&self->waiting_source, g_source_remove);
  g_clear_weak_pointer (&self->database_focus);
  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  if (self->context != NULL)
    g_signal_handlers_disconnect_by_data (self->context, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), AIMS_TYPE_WINDOW);

  G_OBJECT_CLASS (aims_window_parent_class)->dispose (object);

  /* After the pages, which use it, are gone. */
  g_clear_object (&self->context);
  g_clear_object (&self->settings);
}

static void
aims_window_finalize (GObject *object)
{
  AimsWindow *self = AIMS_WINDOW (object);

  g_free (self->before_opening);

  G_OBJECT_CLASS (aims_window_parent_class)->finalize (object);
}

static void
aims_window_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  AimsWindow *self = AIMS_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;

    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    case PROP_BUSY:
      g_value_set_boolean (value, aims_window_get_busy (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aims_window_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  AimsWindow *self = AIMS_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aims_window_class_init (AimsWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = aims_window_constructed;
  object_class->dispose = aims_window_dispose;
  object_class->finalize = aims_window_finalize;
  object_class->get_property = aims_window_get_property;
  object_class->set_property = aims_window_set_property;

  window_class->close_request = aims_window_close_request;

  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         G_TYPE_SETTINGS,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         AIMS_TYPE_CONTEXT,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY |
                           G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/aimsdesk/AimsDesk/aims-window.ui");
  gtk_widget_class_bind_template_child (widget_class, AimsWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, AimsWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, AimsWindow, welcome_page);
  gtk_widget_class_bind_template_child (widget_class, AimsWindow, demo_button);
  gtk_widget_class_bind_template_child (widget_class, AimsWindow, recent_group);
  gtk_widget_class_bind_template_child (widget_class, AimsWindow, recent_list);
  gtk_widget_class_bind_template_child (widget_class, AimsWindow, opening_spinner);
  gtk_widget_class_bind_template_child (widget_class, AimsWindow, opening_label);
  gtk_widget_class_bind_template_child (widget_class, AimsWindow, waiting_revealer);
  gtk_widget_class_bind_template_child (widget_class, AimsWindow, cancel_open_button);
  gtk_widget_class_bind_template_child (widget_class, AimsWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, AimsWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, AimsWindow, sidebar_header);
  gtk_widget_class_bind_template_child (widget_class, AimsWindow, db_title);
  gtk_widget_class_bind_template_child (widget_class, AimsWindow, db_title_label);
  gtk_widget_class_bind_template_child (widget_class, AimsWindow, db_subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, AimsWindow, sidebar_list);
  gtk_widget_class_bind_template_child (widget_class, AimsWindow, pages_stack);
  gtk_widget_class_bind_template_child (widget_class, AimsWindow, read_only_revealer);
  gtk_widget_class_bind_template_child (widget_class, AimsWindow, task_revealer);
  gtk_widget_class_bind_template_child (widget_class, AimsWindow, task_label);
  gtk_widget_class_bind_template_child (widget_class, AimsWindow, task_progress);
  gtk_widget_class_bind_template_child (widget_class, AimsWindow, read_only_label);
  gtk_widget_class_bind_template_child (widget_class, AimsWindow, recent_section);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_row_activated_cb);

  _aims_window_class_actions_init (klass);
}

static void
aims_window_init (AimsWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

AimsWindow *
aims_window_new (GtkApplication *application,
                 GSettings      *settings)
{
  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);

  return g_object_new (AIMS_TYPE_WINDOW,
                       "application", application,
                       "settings", settings,
                       NULL);
}

AimsContext *
aims_window_get_context (AimsWindow *self)
{
  g_return_val_if_fail (AIMS_IS_WINDOW (self), NULL);

  return self->context;
}

void
_aims_window_show_task (AimsWindow *self,
                        const char *label,
                        double      fraction)
{
  g_return_if_fail (AIMS_IS_WINDOW (self));

  if (label != NULL)
    {
      gtk_label_set_label (self->task_label, label);
      gtk_progress_bar_set_fraction (self->task_progress, CLAMP (fraction, 0.0, 1.0));
    }
  gtk_revealer_set_reveal_child (self->task_revealer, label != NULL);
}
