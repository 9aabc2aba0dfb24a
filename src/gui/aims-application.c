/* aims-application.c — the AIMS Desk application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "aims-application.h"
#include "aims-pages.h"
#include "aims-window.h"

struct _AimsApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
  char           *page_description;
};

G_DEFINE_FINAL_TYPE (AimsApplication, aims_application, ADW_TYPE_APPLICATION)

static AimsWindow *
find_window (AimsApplication *self,
             gboolean         without_database)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (self));

  for (GList *l = windows; l != NULL; l = l->next)
    {
      AimsWindow *window;

      if (!AIMS_IS_WINDOW (l->data))
        continue;

      window = l->data;
      if (!without_database ||
          (aims_context_get_db (aims_window_get_context (window)) == NULL &&
           !aims_window_get_busy (window)))
        return window;
    }

  return NULL;
}

static AimsWindow *
new_window (AimsApplication *self)
{
  return aims_window_new (GTK_APPLICATION (self), self->settings);
}

/* The most recent database that is still there, or NULL. */
static char *
dup_last_database (AimsApplication *self)
{
  g_auto(GStrv) recent = g_settings_get_strv (self->settings, "recent-databases");

  for (guint i = 0; recent[i] != NULL; i++)
    {
      if (recent[i][0] != '\0' && g_file_test (recent[i], G_FILE_TEST_IS_REGULAR))
        return g_strdup (recent[i]);
    }

  return NULL;
}

static void
open_in_window (AimsApplication *self,
                AimsWindow      *window,
                const char      *path)
{
  g_auto(GStrv) recent_shared = g_settings_get_strv (self->settings, "recent-shared");
  AimsDbOpenFlags flags = AIMS_DB_OPEN_DEFAULT;

  if (g_strv_contains ((const char * const *) recent_shared, path))
    flags |= AIMS_DB_OPEN_SHARED;

  aims_window_open (window, path, flags);
}

static int
aims_application_handle_local_options (GApplication *app,
                                       GVariantDict *options)
{
  const char *page = NULL;
  g_autofree const char **files = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("aimsdesk %s\n", AIMS_VERSION);
      return 0;
    }

  if (g_variant_dict_lookup (options, "page", "&s", &page) &&
      aims_pages_lookup (page) == NULL)
    {
      g_autofree char *names = aims_pages_dup_names ();

      /* Translators: the first %s is what the user typed, the second the
       * list of page names. */
      g_printerr (_("aimsdesk: there is no page “%s”; the pages are: %s\n"), page, names);
      return 2;
    }

  if (g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&ay", &files) &&
      files != NULL && g_strv_length ((char **) files) > 1)
    {
      g_printerr (_("aimsdesk: give at most one database to open\n"));
      return 2;
    }

  return G_APPLICATION_CLASS (aims_application_parent_class)->handle_local_options (app, options);
}

static int
aims_application_command_line (GApplication            *app,
                               GApplicationCommandLine *command_line)
{
  AimsApplication *self = AIMS_APPLICATION (app);
  GVariantDict *options = g_application_command_line_get_options_dict (command_line);
  g_autofree const char **files = NULL;
  g_autofree char *path = NULL;
  const char *page = NULL;
  AimsWindow *window;

  g_variant_dict_lookup (options, "page", "&s", &page);

  if (g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&ay", &files) &&
      files != NULL && files[0] != NULL)
    {
      g_autoptr(GFile) file = g_application_command_line_create_file_for_arg (command_line, files[0]);

      path = g_file_get_path (file);
      if (path == NULL)
        {
          g_application_command_line_printerr (command_line,
                                               _("aimsdesk: %s is not a local file\n"),
                                               files[0]);
          return 1;
        }
    }

  /* A database goes to a window that has none yet, or a new window; a page
   * alone goes to the window the user last used. */
  window = find_window (self, path != NULL);
  if (window == NULL)
    window = new_window (self);

  if (page != NULL)
    aims_window_set_page (window, page);

  if (path == NULL && page != NULL &&
      aims_context_get_db (aims_window_get_context (window)) == NULL &&
      !aims_window_get_busy (window))
    {
      /* "aimsdesk --page risks" (a desktop action): that page of the
       * database the user worked on last. */
      path = dup_last_database (self);
    }

  if (path != NULL)
    open_in_window (self, window, path);

  gtk_window_present (GTK_WINDOW (window));

  return 0;
}

static void
aims_application_activate (GApplication *app)
{
  AimsApplication *self = AIMS_APPLICATION (app);
  AimsWindow *window = find_window (self, FALSE);

  if (window == NULL)
    window = new_window (self);

  gtk_window_present (GTK_WINDOW (window));
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  GtkApplication *app = user_data;
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (app));

  /* Each window saves its pages' pending edits as it closes. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
}

/* Opens a file or folder (an exported workbook) with the program the
 * desktop has for it: from toasts and notifications, which outlive the
 * dialog that made the file. */
static void
open_uri_activated (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (user_data));

  gtk_show_uri (window, g_variant_get_string (parameter, NULL), GDK_CURRENT_TIME);
}

static const GActionEntry app_entries[] = {
  { "quit", quit_activated, NULL, NULL, NULL },
  { "open-uri", open_uri_activated, "s", NULL, NULL },
};

static void
aims_application_startup (GApplication *app)
{
  AimsApplication *self = AIMS_APPLICATION (app);
  static const struct {
    const char *action;
    const char *accels[2];
  } accels[] = {
    { "app.quit",              { "<Control>q", NULL } },
    { "win.new-database",      { "<Control>n", NULL } },
    { "win.open-database",     { "<Control>o", NULL } },
    { "win.search",            { "<Control>f", NULL } },
    { "win.preferences",       { "<Control>comma", NULL } },
    { "win.export-review",     { "<Control>e", NULL } },
    { "window.close",          { "<Control>w", NULL } },
  };

  G_APPLICATION_CLASS (aims_application_parent_class)->startup (app);

  self->settings = g_settings_new (AIMS_APP_ID);

  gtk_window_set_default_icon_name (AIMS_APP_ID);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_entries,
                                   G_N_ELEMENTS (app_entries), app);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (app),
                                           accels[i].action, accels[i].accels);
}

static void
aims_application_finalize (GObject *object)
{
  AimsApplication *self = AIMS_APPLICATION (object);

  g_clear_object (&self->settings);
  g_free (self->page_description);

  G_OBJECT_CLASS (aims_application_parent_class)->finalize (object);
}

static void
aims_application_class_init (AimsApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = aims_application_finalize;

  app_class->handle_local_options = aims_application_handle_local_options;
  app_class->command_line = aims_application_command_line;
  app_class->activate = aims_application_activate;
  app_class->startup = aims_application_startup;
}

static void
aims_application_init (AimsApplication *self)
{
  g_autofree char *names = aims_pages_dup_names ();
  const GOptionEntry entries[] = {
    { "page", 'p', G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, NULL,
      NULL /* set below */, N_("NAME") },
    { "version", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
      N_("Show the version and exit"), NULL },
    { G_OPTION_REMAINING, 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME_ARRAY, NULL,
      NULL, NULL },
    G_OPTION_ENTRY_NULL
  };
  GOptionEntry *copy = g_memdup2 (entries, sizeof entries);

  /* Translators: %s lists the page names, "systems, people". */
  self->page_description = g_strdup_printf (_("Show the page NAME: %s"), names);
  copy[0].description = self->page_description;

  g_application_add_main_option_entries (G_APPLICATION (self), copy);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), _("[DATABASE]"));
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Opens the AIMS Desk database DATABASE, or the welcome page without one."));
  g_free (copy);
}

AimsApplication *
aims_application_new (void)
{
  return g_object_new (AIMS_TYPE_APPLICATION,
                       "application-id", AIMS_APP_ID,
                       "flags", G_APPLICATION_HANDLES_COMMAND_LINE,
                       "resource-base-path", "/io/github/aimsdesk/AimsDesk",
                       NULL);
}

GSettings *
aims_application_get_settings (AimsApplication *self)
{
  g_return_val_if_fail (AIMS_IS_APPLICATION (self), NULL);

  return self->settings;
}
