/* aims-window-actions.c — the window's "win." actions
 *
 * win.new-database, win.open-database, win.open-shared-database,
 * win.open-recent(s), win.open-demo, win.cancel-open, win.search,
 * win.show-sidebar, win.import-systems, win.preferences, win.about. (win.show-help-overlay comes with
 * GtkApplicationWindow; Ctrl+W is GtkWindow's window.close.)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "aims-import-assistant.h"
#include "aims-assessments-page.h"
#include "aims-preferences-window.h"
#include "aims-review-export.h"
#include "aims-risks-page.h"
#include "aims-window-private.h"

#define DATABASE_EXTENSION    ".aimsdb"
#define DEFAULT_DATABASE_NAME "AIMS" DATABASE_EXTENSION
#define DATABASE_MIME_TYPE    "application/x-aimsdesk"

typedef enum
{
  CHOOSE_NEW,
  CHOOSE_OPEN,
  CHOOSE_OPEN_SHARED,
} ChooseKind;

static void
add_filters (GtkFileChooser *chooser)
{
  g_autoptr(GtkFileFilter) databases = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  gtk_file_filter_set_name (databases, _("AIMS Desk databases"));
  gtk_file_filter_add_pattern (databases, "*" DATABASE_EXTENSION);
  gtk_file_filter_add_mime_type (databases, DATABASE_MIME_TYPE);
  gtk_file_chooser_add_filter (chooser, databases);

  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (chooser, all);

  gtk_file_chooser_set_filter (chooser, databases);
}

static void
file_chosen_cb (AimsWindow           *self,
                int                   response,
                GtkFileChooserNative *native)
{
  ChooseKind kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (native), "aims-choose-kind"));
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));

  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (native));
  g_object_unref (native);

  if (file == NULL)
    return;

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);
      g_autofree char *message = NULL;

      /* Translators: %s is a location such as smb://server/share/file. */
      message = g_strdup_printf (_("%s is not a file on this computer or on a mounted share. Mount the share first, then choose the file in it."),
                                 uri);
      _aims_window_show_error (self, _("Could Not Open Database"), message);
      return;
    }

  switch (kind)
    {
    case CHOOSE_NEW:
      if (strchr (strrchr (path, G_DIR_SEPARATOR) + 1, '.') == NULL)
        {
          /* "Risk register" becomes "Risk register.aimsdb". */
          char *named = g_strconcat (path, DATABASE_EXTENSION, NULL);

          g_free (path);
          path = named;
        }

      if (g_file_test (path, G_FILE_TEST_EXISTS))
        {
          g_autofree char *name = g_filename_display_basename (path);
          g_autofree char *message = NULL;

          /* Nothing is ever overwritten: a new database gets a new file. */
          message = g_strdup_printf (_("“%s” already exists and was left as it is. Choose another name, or open it with Open Database."),
                                     name);
          _aims_window_show_error (self, _("Could Not Create Database"), message);
          return;
        }
      aims_window_open (self, path, AIMS_DB_OPEN_CREATE);
      break;

    case CHOOSE_OPEN:
      aims_window_open (self, path, AIMS_DB_OPEN_DEFAULT);
      break;

    case CHOOSE_OPEN_SHARED:
      aims_window_open (self, path, AIMS_DB_OPEN_SHARED);
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
choose_file (AimsWindow *self,
             ChooseKind  kind)
{
  GtkFileChooserNative *native;
  const char *title;
  const char *accept;

  switch (kind)
    {
    case CHOOSE_NEW:
      title = _("New Database");
      accept = _("_Create");
      break;

    case CHOOSE_OPEN:
      title = _("Open Database");
      accept = _("_Open");
      break;

    case CHOOSE_OPEN_SHARED:
      title = _("Open Shared Database");
      accept = _("_Open");
      break;

    default:
      g_assert_not_reached ();
    }

  native = gtk_file_chooser_native_new (title, GTK_WINDOW (self),
                                        kind == CHOOSE_NEW ? GTK_FILE_CHOOSER_ACTION_SAVE
                                                           : GTK_FILE_CHOOSER_ACTION_OPEN,
                                        accept, _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  add_filters (GTK_FILE_CHOOSER (native));
  if (kind == CHOOSE_NEW)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), DEFAULT_DATABASE_NAME);

  g_object_set_data (G_OBJECT (native), "aims-choose-kind", GINT_TO_POINTER (kind));
  g_signal_connect_object (native, "response",
                           G_CALLBACK (file_chosen_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/* win.new-database, win.open-database, win.open-shared-database */
static void
choose_file_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  ChooseKind kind;

  if (g_str_equal (action_name, "win.new-database"))
    kind = CHOOSE_NEW;
  else if (g_str_equal (action_name, "win.open-shared-database"))
    kind = CHOOSE_OPEN_SHARED;
  else
    kind = CHOOSE_OPEN;

  choose_file (AIMS_WINDOW (widget), kind);
}

static void
open_recent_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  AimsWindow *self = AIMS_WINDOW (widget);
  const char *path = g_variant_get_string (parameter, NULL);

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *name = g_filename_display_basename (path);
      g_autofree char *message = NULL;

      _aims_window_remove_recent (self, path);
      /* Translators: %s is a database's file name. */
      message = g_strdup_printf (_("“%s” is no longer there; removed it from the recent databases"), name);
      _aims_window_add_toast (self, message);
      return;
    }

  aims_window_open (self, path,
                    _aims_window_is_recent_shared (self, path) ? AIMS_DB_OPEN_SHARED
                                                               : AIMS_DB_OPEN_DEFAULT);
}

static void
open_demo_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  aims_window_open_demo (AIMS_WINDOW (widget));
}

static void
cancel_open_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  _aims_window_cancel_open (AIMS_WINDOW (widget));
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AimsWindow *self = AIMS_WINDOW (widget);
  GtkWidget *page;

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "database") != 0)
    return;

  page = gtk_stack_get_visible_child (self->pages_stack);
  if (page == NULL)
    return;

  adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->pages_stack));
  gtk_widget_activate_action (page, "page.search", NULL);
}

static void
show_sidebar_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  AimsWindow *self = AIMS_WINDOW (widget);

  adw_leaflet_set_visible_child (self->leaflet, self->sidebar);
}

/* A page shown filtered: what a dashboard tile opens. */
static void
show_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  AimsWindow *self = AIMS_WINDOW (widget);
  const char *name, *filter;
  GtkWidget *page;

  g_variant_get (parameter, "(&s&s)", &name, &filter);
  if (!aims_window_set_page (self, name))
    return;
  page = gtk_stack_get_child_by_name (self->pages_stack, name);
  adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->pages_stack));
  if (*filter != '\0')
    gtk_widget_activate_action (page, "page.filter", "s", filter);
}

/* A risk for the AI system of the page that asks (0: organisation-wide),
 * made on the Risks page, which the window shows. */
static void
new_risk_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  AimsWindow *self = AIMS_WINDOW (widget);
  GtkWidget *page;

  if (!aims_window_set_page (self, "risks"))
    return;
  page = gtk_stack_get_child_by_name (self->pages_stack, "risks");
  adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->pages_stack));
  aims_risks_page_new_risk (AIMS_RISKS_PAGE (page), g_variant_get_int64 (parameter));
}

/* An impact assessment of an AI system started (win.start-assessment,
 * asking for the assessor) or one opened in the wizard
 * (win.open-assessment), on the Impact Assessments page. */
static void
assessment_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  AimsWindow *self = AIMS_WINDOW (widget);
  AimsAssessmentsPage *page;
  gint64 id = g_variant_get_int64 (parameter);

  if (!aims_window_set_page (self, "assessments"))
    return;
  page = AIMS_ASSESSMENTS_PAGE (gtk_stack_get_child_by_name (self->pages_stack, "assessments"));
  adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->pages_stack));
  if (g_str_equal (action_name, "win.start-assessment"))
    aims_assessments_page_start (page, id);
  else if (aims_assessments_page_select (page, id))
    aims_assessments_page_open (page, id);
}

static void
export_review_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  aims_review_export_start (AIMS_WINDOW (widget),
                            g_str_equal (action_name, "win.export-review-pack") ? AIMS_REVIEW_PACK
                                                                               : AIMS_REVIEW_WORKBOOK);
}

static void
import_systems_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  AimsWindow *self = AIMS_WINDOW (widget);

  if (aims_context_get_db (self->context) == NULL)
    return;
  gtk_window_present (GTK_WINDOW (aims_import_assistant_new (GTK_WINDOW (self), self->context)));
}

static void
preferences_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  AimsWindow *self = AIMS_WINDOW (widget);

  gtk_window_present (GTK_WINDOW (aims_preferences_window_new (GTK_WINDOW (self), self->settings,
                                                               self->context)));
}

static void
about_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  static const char *developers[] = {
    "The AIMS Desk developers",
    NULL
  };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", widget,
                        "modal", TRUE,
                        "application-icon", AIMS_APP_ID,
                        "application-name", _("AIMS Desk"),
                        "developer-name", _("The AIMS Desk developers"),
                        "version", AIMS_VERSION,
                        "comments", _("Run an ISO/IEC 42001 AI management system: the inventory of AI systems, their risks and impact assessments, objectives, nonconformities and the management review."),
                        "copyright", _("© 2025 The AIMS Desk developers"),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "developers", developers,
                        /* Translators: your names, one per line. */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

void
_aims_window_actions_update (AimsWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean has_db = aims_context_get_db (self->context) != NULL;
  gboolean busy = aims_window_get_busy (self);

  gtk_widget_action_set_enabled (widget, "win.cancel-open", busy);
  gtk_widget_action_set_enabled (widget, "win.search", has_db && !busy);
  gtk_widget_action_set_enabled (widget, "win.show-sidebar", has_db && !busy);
  gtk_widget_action_set_enabled (widget, "win.export-review", has_db && !busy);
  gtk_widget_action_set_enabled (widget, "win.export-review-pack", has_db && !busy);
  gtk_widget_action_set_enabled (widget, "win.import-systems",
                                 has_db && !busy && !aims_db_is_read_only (aims_context_get_db (self->context)));
  gtk_widget_action_set_enabled (widget, "win.new-risk",
                                 has_db && !busy && !aims_db_is_read_only (aims_context_get_db (self->context)));
  gtk_widget_action_set_enabled (widget, "win.start-assessment",
                                 has_db && !busy && !aims_db_is_read_only (aims_context_get_db (self->context)));
  gtk_widget_action_set_enabled (widget, "win.open-assessment", has_db && !busy);
}

void
_aims_window_class_actions_init (AimsWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.new-database", NULL, choose_file_action);
  gtk_widget_class_install_action (widget_class, "win.open-database", NULL, choose_file_action);
  gtk_widget_class_install_action (widget_class, "win.open-shared-database", NULL, choose_file_action);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", open_recent_action);
  gtk_widget_class_install_action (widget_class, "win.open-demo", NULL, open_demo_action);
  gtk_widget_class_install_action (widget_class, "win.cancel-open", NULL, cancel_open_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.show-sidebar", NULL, show_sidebar_action);
  gtk_widget_class_install_action (widget_class, "win.new-risk", "x", new_risk_action);
  gtk_widget_class_install_action (widget_class, "win.start-assessment", "x", assessment_action);
  gtk_widget_class_install_action (widget_class, "win.open-assessment", "x", assessment_action);
  gtk_widget_class_install_action (widget_class, "win.show-page", "(ss)", show_page_action);
  gtk_widget_class_install_action (widget_class, "win.export-review", NULL, export_review_action);
  gtk_widget_class_install_action (widget_class, "win.export-review-pack", NULL, export_review_action);
  gtk_widget_class_install_action (widget_class, "win.import-systems", NULL, import_systems_action);
  gtk_widget_class_install_action (widget_class, "win.preferences", NULL, preferences_action);
  gtk_widget_class_install_action (widget_class, "win.about", NULL, about_action);
}
