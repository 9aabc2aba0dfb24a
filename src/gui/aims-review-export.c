/* aims-review-export.c — "Export Management Review…" (Ctrl+E)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "aims-review-export.h"
#include "aims-window-private.h"

#define RUNNING_KEY "aims-review-export-running"

typedef struct
{
  AimsWindow       *window;
  AimsReviewFormat  format;
  char             *path;
} Export;

static void
export_free (Export *export)
{
  g_clear_object (&export->window);
  g_free (export->path);
  g_free (export);
}

gboolean
aims_review_export_running (AimsWindow *window)
{
  g_return_val_if_fail (AIMS_IS_WINDOW (window), FALSE);

  return g_object_get_data (G_OBJECT (window), RUNNING_KEY) != NULL;
}

static void
progress_cb (double      fraction,
             const char *what,
             gpointer    user_data)
{
  Export *export = user_data;
  g_autofree char *label = NULL;

  if (export->format == AIMS_REVIEW_PACK)
    label = g_strdup (_("Exporting the management review pack"));
  else
    /* Translators: below the pages while the workbook is written, "Exporting the management review: Risks" */
    label = g_strdup_printf (_("Exporting the management review: %s"), what);
  _aims_window_show_task (export->window, label, fraction);
}

/* The toast opens the file; the notification, which stays after the toast
 * is gone, offers the file and its folder. */
static void
tell_done (Export *export)
{
  g_autoptr(GFile) file = g_file_new_for_path (export->path);
  g_autoptr(GFile) folder = g_file_get_parent (file);
  g_autofree char *uri = g_file_get_uri (file);
  g_autofree char *folder_uri = folder != NULL ? g_file_get_uri (folder) : NULL;
  g_autofree char *name = g_filename_display_basename (export->path);
  g_autofree char *title = NULL;
  GApplication *app = G_APPLICATION (gtk_window_get_application (GTK_WINDOW (export->window)));
  AdwToast *toast;

  /* Translators: a toast, "Exported “Management review 2026-11-28.xlsx”" */
  title = g_strdup_printf (_("Exported “%s”"), name);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Open"));
  adw_toast_set_action_name (toast, "app.open-uri");
  adw_toast_set_action_target_value (toast, g_variant_new_string (uri));
  adw_toast_set_timeout (toast, 10);
  adw_toast_overlay_add_toast (export->window->toast_overlay, toast);

  if (app != NULL)
    {
      g_autoptr(GNotification) notification = g_notification_new (_("Management Review Exported"));

      g_notification_set_body (notification, name);
      g_notification_add_button_with_target (notification, _("Open"), "app.open-uri", "s", uri);
      if (folder_uri != NULL)
        g_notification_add_button_with_target (notification, _("Open Folder"), "app.open-uri", "s",
                                               folder_uri);
      g_notification_set_default_action_and_target (notification, "app.open-uri", "s", uri);
      g_application_send_notification (app, "review-exported", notification);
    }
}

static void
export_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  Export *export = user_data;
  g_autoptr(GError) error = NULL;

  g_object_set_data (G_OBJECT (export->window), RUNNING_KEY, NULL);
  _aims_window_show_task (export->window, NULL, 0);

  if (aims_review_workbook_write_finish (result, &error))
    tell_done (export);
  else
    _aims_window_show_error (export->window, _("Could Not Export the Management Review"), error->message);
  export_free (export);
}

void
aims_review_export_run (AimsWindow       *window,
                        AimsReviewFormat  format,
                        const char       *path,
                        const char       *from,
                        const char       *to)
{
  AimsContext *context;
  AimsDb *db;
  AimsReviewOptions options = { from, to, NULL };
  Export *export;

  g_return_if_fail (AIMS_IS_WINDOW (window));
  g_return_if_fail (path != NULL);

  context = aims_window_get_context (window);
  db = aims_context_get_db (context);
  if (db == NULL || aims_review_export_running (window))
    return;

  /* What was typed and not yet written belongs in the review. */
  _aims_window_flush_pages (window);

  export = g_new0 (Export, 1);
  export->window = g_object_ref (window);
  export->format = format;
  export->path = g_strdup (path);
  options.author = aims_context_get_author (context);
  g_object_set_data (G_OBJECT (window), RUNNING_KEY, GINT_TO_POINTER (TRUE));
  progress_cb (0.0, _("Starting"), export);
  aims_review_workbook_write_async (aims_db_get_path (db), format, path, &options, progress_cb, export,
                                    NULL, export_done_cb, export);
}

/* ── The dialogs ─────────────────────────────────────────────────────── */

typedef struct
{
  AimsWindow *window;
  AimsReviewFormat format;
  GtkWidget  *dialog;
  GtkWidget  *from_row;
  GtkWidget  *to_row;
  char       *from;
  char       *to;
} Period;

static void
period_free (Period *period)
{
  g_clear_object (&period->window);
  g_free (period->from);
  g_free (period->to);
  g_free (period);
}

static void
file_chosen_cb (GtkNativeDialog *native,
                int              response,
                Period          *period)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
  gtk_native_dialog_destroy (native);
  g_object_unref (native);

  if (file != NULL && (path = g_file_get_path (file)) == NULL)
    _aims_window_show_error (period->window, _("Could Not Export the Management Review"),
                             _("The workbook must be saved as a file on this computer or on a mounted share."));
  else if (path != NULL)
    {
      const char *suffix = period->format == AIMS_REVIEW_PACK ? ".pdf" : ".xlsx";

      if (!g_str_has_suffix (path, suffix))
        {
          char *with = g_strconcat (path, suffix, NULL);

          g_free (path);
          path = with;
        }
      aims_review_export_run (period->window, period->format, path, period->from, period->to);
    }
  period_free (period);
}

static void
choose_file (Period *period)
{
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;

  gboolean pack = period->format == AIMS_REVIEW_PACK;

  native = gtk_file_chooser_native_new (pack ? _("Export Review Pack") : _("Export Management Review"),
                                        GTK_WINDOW (period->window),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_filter_set_name (filter, pack ? _("PDF documents") : _("Excel workbooks"));
  gtk_file_filter_add_suffix (filter, pack ? "pdf" : "xlsx");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  /* Translators: the proposed file names, "Management review 2026-11-28.xlsx" */
  name = g_strdup_printf (pack ? _("Management review %s.pdf") : _("Management review %s.xlsx"), period->to);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);
  g_signal_connect (native, "response", G_CALLBACK (file_chosen_cb), period);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/* Both dates valid and in order: the Next button is enabled. */
static gboolean
period_read (Period  *period,
             char   **message)
{
  g_autoptr(GDate) from = aims_date_parse (gtk_editable_get_text (GTK_EDITABLE (period->from_row)));
  g_autoptr(GDate) to = aims_date_parse (gtk_editable_get_text (GTK_EDITABLE (period->to_row)));

  *message = NULL;
  if (from == NULL || to == NULL)
    *message = g_strdup (_("Write both dates as YYYY-MM-DD."));
  else if (g_date_compare (from, to) > 0)
    *message = g_strdup (_("The period ends before it starts."));
  if (*message != NULL)
    return FALSE;

  g_free (period->from);
  g_free (period->to);
  period->from = aims_date_format_iso (from);
  period->to = aims_date_format_iso (to);
  return TRUE;
}

static void
period_changed_cb (Period *period)
{
  g_autofree char *message = NULL;
  gboolean valid = period_read (period, &message);

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (period->dialog), "next", valid);
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (period->dialog),
                               valid ? _("The changes made in this period, and the state of every area at its end.")
                                     : message);
}

static void
period_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    Period           *period)
{
  g_autofree char *message = NULL;

  if (g_strcmp0 (response, "next") == 0 && period_read (period, &message))
    choose_file (period);
  else
    period_free (period);
}

static GtkWidget *
date_row (const char *title,
          GDate      *date)
{
  GtkWidget *row = adw_entry_row_new ();
  g_autofree char *text = aims_date_format_iso (date);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (row), TRUE);
  return row;
}

void
aims_review_export_start (AimsWindow       *window,
                          AimsReviewFormat  format)
{
  g_autoptr(GDate) to = aims_date_today ();
  g_autoptr(GDate) from = g_date_copy (to);
  GtkWidget *group = gtk_list_box_new ();
  Period *period;

  g_return_if_fail (AIMS_IS_WINDOW (window));

  if (aims_review_export_running (window))
    {
      _aims_window_add_toast (window, _("The management review is being exported already"));
      return;
    }

  /* A year up to today, the usual interval between reviews. */
  g_date_subtract_years (from, 1);
  g_date_add_days (from, 1);

  period = g_new0 (Period, 1);
  period->window = g_object_ref (window);
  period->format = format;
  period->dialog = adw_message_dialog_new (GTK_WINDOW (window),
                                           format == AIMS_REVIEW_PACK ? _("Export Review Pack")
                                                                      : _("Export Management Review"),
                                           NULL);
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (group), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (group, "boxed-list");
  period->from_row = date_row (_("Period from"), from);
  period->to_row = date_row (_("Period to"), to);
  gtk_list_box_append (GTK_LIST_BOX (group), period->from_row);
  gtk_list_box_append (GTK_LIST_BOX (group), period->to_row);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (period->dialog), group);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (period->dialog),
                                    "cancel", _("_Cancel"),
                                    "next", _("_Choose File…"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (period->dialog), "next",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (period->dialog), "next");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (period->dialog), "cancel");
  g_signal_connect_swapped (period->from_row, "changed", G_CALLBACK (period_changed_cb), period);
  g_signal_connect_swapped (period->to_row, "changed", G_CALLBACK (period_changed_cb), period);
  g_signal_connect (period->dialog, "response", G_CALLBACK (period_response_cb), period);
  period_changed_cb (period);
  gtk_window_present (GTK_WINDOW (period->dialog));
}
