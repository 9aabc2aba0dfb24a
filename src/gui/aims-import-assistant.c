/* aims-import-assistant.c — the import window: its steps, navigation and
 * the work it hands to threads
 *
 * The steps' contents are built in aims-import-steps.c. Reading the file,
 * checking it and importing it can take seconds on a large inventory: each
 * runs in a GTask thread on a connection of its own, with the steps
 * insensitive meanwhile, so the thread and this window never touch the
 * file and mapping at the same time.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "aims-import-assistant-private.h"

G_DEFINE_FINAL_TYPE (AimsImportAssistant, aims_import_assistant, ADW_TYPE_WINDOW)

static const char *const step_names[] = { "file", "columns", "values", "check", "import" };

static const char *
step_title (guint step)
{
  switch (step)
    {
    case 0: return _("Choose a File");
    case 1: return _("Map Columns to Fields");
    case 2: return _("Map Values");
    case 3: return _("Check");
    default: return _("Import");
    }
}

static guint
current_step (AimsImportAssistant *self)
{
  const char *name = gtk_stack_get_visible_child_name (self->stack);

  for (guint i = 0; i < G_N_ELEMENTS (step_names); i++)
    if (g_strcmp0 (name, step_names[i]) == 0)
      return i;
  return 0;
}

void
_aims_import_assistant_update (AimsImportAssistant *self)
{
  guint step = current_step (self);
  gboolean busy = self->cancellable != NULL;
  gboolean can_next = !busy;
  g_autofree char *subtitle = NULL;

  /* Translators: "Step 2 of 5: Map Columns to Fields" */
  subtitle = g_strdup_printf (_("Step %u of %u: %s"), step + 1, (guint) G_N_ELEMENTS (step_names),
                              step_title (step));
  adw_window_title_set_subtitle (self->title, subtitle);

  switch (step)
    {
    case 0:
      can_next = can_next && self->file != NULL;
      gtk_button_set_label (GTK_BUTTON (self->next_button), _("_Next"));
      break;
    case 1:
    case 2:
      can_next = can_next && self->file != NULL;
      gtk_button_set_label (GTK_BUTTON (self->next_button), _("_Next"));
      break;
    case 3:
      can_next = can_next && self->report != NULL &&
                 (self->report->n_errors == 0 || gtk_check_button_get_active (self->skip_invalid_check));
      gtk_button_set_label (GTK_BUTTON (self->next_button), _("_Import"));
      break;
    default:
      can_next = !busy;
      gtk_button_set_label (GTK_BUTTON (self->next_button), _("_Close"));
      break;
    }
  gtk_widget_set_sensitive (self->next_button, can_next);
  /* After an import that failed, back to the check to change something. */
  gtk_widget_set_visible (self->back_button, step > 0 && (step < 4 || (self->batch_id == 0 && !busy)));
  gtk_widget_set_sensitive (self->back_button, !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->stack), !busy || step == 4);
}

static void
show_step (AimsImportAssistant *self,
           guint                step)
{
  gtk_stack_set_visible_child_name (self->stack, step_names[step]);
  _aims_import_assistant_update (self);
}

/* ── Work in a thread ──────────────────────────────────────────────────── */

typedef enum
{
  WORK_LOAD,
  WORK_CHECK,
  WORK_RUN,
  WORK_UNDO,
} WorkKind;

typedef struct
{
  WorkKind             kind;
  char                *csv_path;
  char                *encoding;
  AimsCsvSniffOptions  sniff_options;
  char                *db_path;
  AimsDbOpenFlags      db_flags;
  AimsImportFile      *file;       /* borrowed: the window leaves it alone meanwhile */
  AimsImportMapping   *mapping;    /* a copy */
  AimsImportOptions    options;
  GArray              *excluded;
  char                *author;
  gint64               batch_id;
  gint                *permille;   /* the window's, which the task keeps alive */
} Work;

static void
work_free (Work *work)
{
  g_free (work->csv_path);
  g_free (work->encoding);
  g_free (work->db_path);
  g_clear_pointer (&work->mapping, aims_import_mapping_free);
  g_clear_pointer (&work->excluded, g_array_unref);
  g_free (work->author);
  g_free (work);
}

static void
work_progress_cb (double      fraction,
                  const char *what,
                  gpointer    user_data)
{
  Work *work = user_data;

  g_atomic_int_set (work->permille, (gint) CLAMP (fraction * 1000.0, 0.0, 1000.0));
}

static void
work_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Work *work = task_data;
  g_autoptr(AimsDb) db = NULL;
  GError *error = NULL;

  if (work->kind == WORK_LOAD)
    {
      AimsImportFile *file = aims_import_file_load (work->csv_path, &work->sniff_options, cancellable, &error);

      if (file == NULL)
        g_task_return_error (task, error);
      else
        g_task_return_pointer (task, file, (GDestroyNotify) aims_import_file_free);
      return;
    }

  if ((db = aims_db_open (work->db_path, work->db_flags, &error)) == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  if (work->kind == WORK_UNDO)
    {
      g_auto(GStrv) changed = NULL;

      if (!aims_import_undo (db, work->batch_id, work->author, &changed, &error))
        g_task_return_error (task, error);
      else
        g_task_return_boolean (task, TRUE);
      return;
    }

  {
    AimsImportReport *report;

    if (work->kind == WORK_CHECK)
      report = aims_import_check (db, work->file, work->mapping, &work->options,
                                  work_progress_cb, work, cancellable, &error);
    else
      report = aims_import_run (db, work->file, work->mapping, &work->options,
                                work_progress_cb, work, cancellable, &error);
    if (report == NULL)
      g_task_return_error (task, error);
    else
      g_task_return_pointer (task, report, (GDestroyNotify) aims_import_report_free);
  }
}

static gboolean
progress_tick_cb (gpointer user_data)
{
  AimsImportAssistant *self = user_data;
  gint permille = g_atomic_int_get (&self->permille);
  GtkProgressBar *bar = current_step (self) == 4 ? self->import_progress : self->busy_progress;

  if (permille < 0)
    gtk_progress_bar_pulse (bar);
  else
    gtk_progress_bar_set_fraction (bar, permille / 1000.0);
  return G_SOURCE_CONTINUE;
}

static Work *
work_new (AimsImportAssistant *self,
          WorkKind             kind)
{
  Work *work = g_new0 (Work, 1);
  AimsDb *db = aims_context_get_db (self->context);

  work->kind = kind;
  work->permille = &self->permille;
  work->author = g_strdup (aims_context_get_author (self->context));
  if (db != NULL)
    {
      work->db_path = g_strdup (aims_db_get_path (db));
      work->db_flags = aims_db_get_mode (db) == AIMS_DB_MODE_SHARED ? AIMS_DB_OPEN_SHARED : AIMS_DB_OPEN_DEFAULT;
    }
  return work;
}

static void
start_work (AimsImportAssistant *self,
            Work                *work,
            const char          *label,
            GAsyncReadyCallback  callback)
{
  g_autoptr(GTask) task = NULL;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  g_atomic_int_set (&self->permille, work->kind == WORK_LOAD || work->kind == WORK_UNDO ? -1 : 0);

  task = g_task_new (self, self->cancellable, callback, NULL);
  g_task_set_source_tag (task, start_work);
  g_task_set_task_data (task, work, (GDestroyNotify) work_free);
  g_task_run_in_thread (task, work_thread);

  gtk_label_set_text (self->busy_label, label);
  gtk_progress_bar_set_fraction (self->busy_progress, 0.0);
  gtk_revealer_set_reveal_child (self->busy_revealer, current_step (self) != 4);
  if (self->progress_source == 0)
    self->progress_source = g_timeout_add (100, progress_tick_cb, self);
  _aims_import_assistant_update (self);
}

/* TRUE when the task is still the current one (not cancelled and
 * replaced); then it is finished with. */
static gboolean
finish_work (AimsImportAssistant *self,
             GAsyncResult        *result)
{
  if (g_task_get_cancellable (G_TASK (result)) != self->cancellable)
    return FALSE;
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->progress_source, g_source_remove);
  gtk_revealer_set_reveal_child (self->busy_revealer, FALSE);
  _aims_import_assistant_update (self);
  return TRUE;
}

static void
cancel_clicked_cb (AimsImportAssistant *self)
{
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
}

/* ── Step 1: the file ──────────────────────────────────────────────────── */

static void
load_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  AimsImportAssistant *self = AIMS_IMPORT_ASSISTANT (source);
  g_autoptr(GError) error = NULL;
  AimsImportFile *file = g_task_propagate_pointer (G_TASK (result), &error);

  if (!finish_work (self, result))
    {
      g_clear_pointer (&file, aims_import_file_free);
      return;
    }

  g_clear_pointer (&self->report, aims_import_report_free);
  g_clear_pointer (&self->mapping, aims_import_mapping_free);
  g_clear_pointer (&self->file, aims_import_file_free);
  self->mapping_loaded = FALSE;
  self->file = file;

  if (file != NULL)
    {
      const AimsCsvSniff *sniff = aims_import_file_get_sniff (file);
      g_autoptr(GError) load_error = NULL;
      AimsDb *db = aims_context_get_db (self->context);

      if (db != NULL)
        self->mapping = aims_import_mapping_load (db, aims_entity_systems (),
                                                  (const char *const *) sniff->headers, &load_error);
      if (load_error != NULL)
        g_warning ("Could not read the saved column mappings: %s", load_error->message);
      self->mapping_loaded = self->mapping != NULL;
      if (self->mapping == NULL)
        self->mapping = aims_import_mapping_propose (aims_entity_systems (), file);
    }

  _aims_import_steps_show_file (self, error != NULL ? error->message : NULL);
  _aims_import_steps_build_columns (self);
  _aims_import_assistant_update (self);
}

void
_aims_import_assistant_reload (AimsImportAssistant *self)
{
  Work *work;

  if (self->path == NULL)
    return;
  work = work_new (self, WORK_LOAD);
  work->csv_path = g_strdup (self->path);
  work->encoding = g_strdup (self->encoding);
  work->sniff_options.csv.encoding = work->encoding;
  work->sniff_options.csv.delimiter = self->delimiter;
  work->sniff_options.header_row = self->header_row;
  work->sniff_options.n_preview = 10;
  start_work (self, work, _("Reading the file…"), load_done_cb);
}

void
aims_import_assistant_load_path (AimsImportAssistant *self,
                                 const char          *path)
{
  g_return_if_fail (AIMS_IS_IMPORT_ASSISTANT (self));
  g_return_if_fail (path != NULL);

  g_free (self->path);
  self->path = g_strdup (path);
  g_clear_pointer (&self->encoding, g_free);
  self->delimiter = 0;
  self->header_row = 0;
  show_step (self, 0);
  _aims_import_assistant_reload (self);
}

static void
file_chosen_cb (AimsImportAssistant  *self,
                int                   response,
                GtkFileChooserNative *native)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (native));
  g_object_unref (native);
  if (file == NULL)
    return;
  if ((path = g_file_get_path (file)) == NULL)
    {
      _aims_import_steps_show_file (self, _("The file is not on this computer or a mounted share. Mount the share first, then choose the file in it."));
      return;
    }
  aims_import_assistant_load_path (self, path);
}

void
_aims_import_assistant_choose_file (AimsImportAssistant *self)
{
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) csv = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  native = gtk_file_chooser_native_new (_("Choose a CSV File"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_filter_set_name (csv, _("CSV files"));
  gtk_file_filter_add_pattern (csv, "*.csv");
  gtk_file_filter_add_pattern (csv, "*.CSV");
  gtk_file_filter_add_pattern (csv, "*.txt");
  gtk_file_filter_add_mime_type (csv, "text/csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), csv);
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), all);
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (native), csv);
  g_signal_connect_swapped (native, "response", G_CALLBACK (file_chosen_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/* ── Step 4: the check ─────────────────────────────────────────────────── */

static void
check_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  AimsImportAssistant *self = AIMS_IMPORT_ASSISTANT (source);
  g_autoptr(GError) error = NULL;
  AimsImportReport *report = g_task_propagate_pointer (G_TASK (result), &error);

  if (!finish_work (self, result))
    {
      g_clear_pointer (&report, aims_import_report_free);
      return;
    }
  g_clear_pointer (&self->report, aims_import_report_free);
  self->report = report;
  g_hash_table_remove_all (self->update_rows);
  _aims_import_steps_build_check (self, error != NULL ? error->message : NULL);
  show_step (self, 3);
}

static void
start_check (AimsImportAssistant *self)
{
  Work *work = work_new (self, WORK_CHECK);

  /* Checked as if every duplicate were updated, which lists them all; the
   * user then picks, row by row, which ones to skip. */
  work->file = self->file;
  work->mapping = aims_import_mapping_copy (self->mapping);
  work->options.on_duplicate = AIMS_IMPORT_DUPLICATES_UPDATE;
  work->options.skip_invalid = TRUE;
  start_work (self, work, _("Checking every row…"), check_done_cb);
}

/* ── Step 5: the import, its summary, undo ─────────────────────────────── */

static void
run_done_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  AimsImportAssistant *self = AIMS_IMPORT_ASSISTANT (source);
  g_autoptr(GError) error = NULL;
  g_autoptr(AimsImportReport) report = g_task_propagate_pointer (G_TASK (result), &error);

  if (!finish_work (self, result))
    return;
  if (report != NULL)
    {
      self->batch_id = report->batch_id;
      aims_context_emit_data_changed (self->context);
    }
  _aims_import_steps_show_summary (self, report, error != NULL ? error->message : NULL);
  _aims_import_assistant_update (self);
}

static void
start_run (AimsImportAssistant *self)
{
  Work *work = work_new (self, WORK_RUN);

  work->file = self->file;
  work->mapping = aims_import_mapping_copy (self->mapping);
  work->options.on_duplicate = AIMS_IMPORT_DUPLICATES_UPDATE;
  work->options.skip_invalid = gtk_check_button_get_active (self->skip_invalid_check);
  work->excluded = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint i = 0; self->report != NULL && i < self->report->duplicates->len; i++)
    {
      AimsImportDuplicate *duplicate = g_ptr_array_index (self->report->duplicates, i);

      if (!g_hash_table_contains (self->update_rows, GUINT_TO_POINTER (duplicate->row)))
        g_array_append_val (work->excluded, duplicate->row);
    }
  work->options.excluded_rows = work->excluded;
  work->options.author = work->author;
  self->batch_id = 0;
  _aims_import_steps_show_summary (self, NULL, NULL);
  show_step (self, 4);
  start_work (self, work, _("Importing…"), run_done_cb);
}

static void
undo_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  AimsImportAssistant *self = AIMS_IMPORT_ASSISTANT (source);
  g_autoptr(GError) error = NULL;
  gboolean done = g_task_propagate_boolean (G_TASK (result), &error);

  if (!finish_work (self, result))
    return;
  if (done)
    aims_context_emit_data_changed (self->context);
  _aims_import_steps_show_undone (self, error != NULL ? error->message : NULL);
  _aims_import_steps_build_batches (self);
}

void
_aims_import_assistant_undo (AimsImportAssistant *self,
                             gint64               batch_id)
{
  Work *work = work_new (self, WORK_UNDO);

  work->batch_id = batch_id;
  self->undo_batch_id = batch_id;
  start_work (self, work, _("Undoing the import…"), undo_done_cb);
}

/* ── Navigation ────────────────────────────────────────────────────────── */

static void
next_clicked_cb (AimsImportAssistant *self)
{
  g_autoptr(GError) error = NULL;

  switch (current_step (self))
    {
    case 0:
      show_step (self, 1);
      break;
    case 1:
      if (!aims_import_mapping_check (self->mapping, &error))
        {
          _aims_import_steps_show_columns_message (self, error->message, TRUE);
          return;
        }
      _aims_import_steps_build_values (self);
      show_step (self, 2);
      break;
    case 2:
      start_check (self);
      break;
    case 3:
      start_run (self);
      break;
    default:
      gtk_window_close (GTK_WINDOW (self));
      break;
    }
}

static void
back_clicked_cb (AimsImportAssistant *self)
{
  guint step = current_step (self);

  if (step > 0)
    show_step (self, step - 1);
}

const char *
aims_import_assistant_get_step (AimsImportAssistant *self)
{
  g_return_val_if_fail (AIMS_IS_IMPORT_ASSISTANT (self), NULL);

  return step_names[current_step (self)];
}

gint64
aims_import_assistant_get_batch_id (AimsImportAssistant *self)
{
  g_return_val_if_fail (AIMS_IS_IMPORT_ASSISTANT (self), 0);

  return self->batch_id;
}

/* ── The window ────────────────────────────────────────────────────────── */

static gboolean
close_request_cb (AimsImportAssistant *self)
{
  /* An import under way rolls back: all the rows or none. */
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  return FALSE;
}

static GtkWidget *
add_step (AimsImportAssistant *self,
          guint                step)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_widget_set_vexpand (box, TRUE);
  gtk_stack_add_named (self->stack, box, step_names[step]);
  return box;
}

static void
aims_import_assistant_dispose (GObject *object)
{
  AimsImportAssistant *self = AIMS_IMPORT_ASSISTANT (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->progress_source, g_source_remove);
  g_clear_object (&self->context);
  G_OBJECT_CLASS (aims_import_assistant_parent_class)->dispose (object);
}

static void
aims_import_assistant_finalize (GObject *object)
{
  AimsImportAssistant *self = AIMS_IMPORT_ASSISTANT (object);

  g_clear_pointer (&self->report, aims_import_report_free);
  g_clear_pointer (&self->mapping, aims_import_mapping_free);
  g_clear_pointer (&self->file, aims_import_file_free);
  g_clear_pointer (&self->update_rows, g_hash_table_unref);
  g_clear_object (&self->skip_invalid_check);
  g_free (self->path);
  g_free (self->encoding);
  G_OBJECT_CLASS (aims_import_assistant_parent_class)->finalize (object);
}

static void
aims_import_assistant_class_init (AimsImportAssistantClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = aims_import_assistant_dispose;
  object_class->finalize = aims_import_assistant_finalize;
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
aims_import_assistant_init (AimsImportAssistant *self)
{
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *busy_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));

  self->update_rows = g_hash_table_new (NULL, NULL);
  gtk_window_set_title (GTK_WINDOW (self), _("Import AI Systems"));
  gtk_window_set_default_size (GTK_WINDOW (self), 900, 700);

  self->title = ADW_WINDOW_TITLE (adw_window_title_new (_("Import AI Systems"), NULL));
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), GTK_WIDGET (self->title));
  self->back_button = gtk_button_new_with_mnemonic (_("_Back"));
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), self->back_button);
  self->next_button = gtk_button_new_with_mnemonic (_("_Next"));
  gtk_widget_add_css_class (self->next_button, "suggested-action");
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->next_button);
  g_signal_connect_swapped (self->back_button, "clicked", G_CALLBACK (back_clicked_cb), self);
  g_signal_connect_swapped (self->next_button, "clicked", G_CALLBACK (next_clicked_cb), self);
  gtk_box_append (GTK_BOX (content), header);

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_set_transition_type (self->stack, GTK_STACK_TRANSITION_TYPE_CROSSFADE);
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (step_names); i++)
    self->step_boxes[i] = add_step (self, i);
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->stack));

  /* Reading and checking: below the step, with a way to stop. */
  self->busy_revealer = GTK_REVEALER (gtk_revealer_new ());
  self->busy_label = GTK_LABEL (gtk_label_new (NULL));
  self->busy_progress = GTK_PROGRESS_BAR (gtk_progress_bar_new ());
  gtk_widget_set_hexpand (GTK_WIDGET (self->busy_progress), TRUE);
  gtk_widget_set_valign (GTK_WIDGET (self->busy_progress), GTK_ALIGN_CENTER);
  gtk_widget_set_margin_start (busy_box, 12);
  gtk_widget_set_margin_end (busy_box, 12);
  gtk_widget_set_margin_top (busy_box, 6);
  gtk_widget_set_margin_bottom (busy_box, 6);
  gtk_box_append (GTK_BOX (busy_box), GTK_WIDGET (self->busy_label));
  gtk_box_append (GTK_BOX (busy_box), GTK_WIDGET (self->busy_progress));
  gtk_box_append (GTK_BOX (busy_box), cancel);
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (cancel_clicked_cb), self);
  gtk_revealer_set_child (self->busy_revealer, busy_box);
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->busy_revealer));

  adw_window_set_content (ADW_WINDOW (self), content);
  g_signal_connect (self, "close-request", G_CALLBACK (close_request_cb), NULL);
}

AimsImportAssistant *
aims_import_assistant_new (GtkWindow   *parent,
                           AimsContext *context)
{
  AimsImportAssistant *self;

  g_return_val_if_fail (AIMS_IS_CONTEXT (context), NULL);

  self = g_object_new (AIMS_TYPE_IMPORT_ASSISTANT,
                       "transient-for", parent,
                       "modal", TRUE,
                       NULL);
  self->context = g_object_ref (context);
  _aims_import_steps_init (self);
  show_step (self, 0);
  return self;
}
