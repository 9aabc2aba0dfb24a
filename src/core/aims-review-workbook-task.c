/* aims-review-workbook-task.c — the workbook or the PDF pack written in a
 * worker thread
 *
 * The worker opens a connection of its own (read-only), so the window's
 * connection is never shared across threads and the window never waits on
 * the export. Progress is kept under a mutex by the worker and published to
 * the caller's main context by one idle callback at a time.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "aims-review-report.h"
#include "aims-review-workbook.h"

typedef struct
{
  char              *db_path;
  AimsReviewFormat   format;
  char              *out_path;
  char              *from;
  char              *to;
  char              *author;
  AimsProgressFunc   progress;
  gpointer           progress_data;
  GMainContext      *context;

  GMutex             mutex;
  double             fraction;
  char              *what;
  gboolean           publishing;   /* an idle is pending */
} ExportData;

static void
export_data_free (ExportData *data)
{
  g_free (data->db_path);
  g_free (data->out_path);
  g_free (data->from);
  g_free (data->to);
  g_free (data->author);
  g_free (data->what);
  g_main_context_unref (data->context);
  g_mutex_clear (&data->mutex);
  g_free (data);
}

static gboolean
publish_cb (gpointer user_data)
{
  GTask *task = user_data;
  ExportData *data = g_task_get_task_data (task);
  g_autofree char *what = NULL;
  double fraction;

  g_mutex_lock (&data->mutex);
  fraction = data->fraction;
  what = g_strdup (data->what);
  data->publishing = FALSE;
  g_mutex_unlock (&data->mutex);

  data->progress (fraction, what, data->progress_data);
  return G_SOURCE_REMOVE;
}

/* In the worker. */
static void
worker_progress_cb (double      fraction,
                    const char *what,
                    gpointer    user_data)
{
  GTask *task = user_data;
  ExportData *data = g_task_get_task_data (task);
  gboolean schedule;

  if (data->progress == NULL)
    return;
  g_mutex_lock (&data->mutex);
  data->fraction = fraction;
  g_free (data->what);
  data->what = g_strdup (what);
  schedule = !data->publishing;
  data->publishing = TRUE;
  g_mutex_unlock (&data->mutex);

  if (schedule)
    g_main_context_invoke_full (data->context, G_PRIORITY_DEFAULT, publish_cb,
                                g_object_ref (task), g_object_unref);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportData *data = task_data;
  AimsReviewOptions options = { data->from, data->to, data->author };
  g_autoptr(AimsDb) db = NULL;
  GError *error = NULL;

  db = aims_db_open (data->db_path, AIMS_DB_OPEN_READ_ONLY, &error);
  if (db == NULL ||
      !(data->format == AIMS_REVIEW_PACK
        ? aims_review_report_write (db, data->out_path, &options, &error)
        : aims_review_workbook_write (db, data->out_path, &options, worker_progress_cb, task, &error)))
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_boolean (task, TRUE);
}

void
aims_review_workbook_write_async (const char              *db_path,
                                  AimsReviewFormat         format,
                                  const char              *path,
                                  const AimsReviewOptions *options,
                                  AimsProgressFunc         progress,
                                  gpointer                 progress_data,
                                  GCancellable            *cancellable,
                                  GAsyncReadyCallback      callback,
                                  gpointer                 user_data)
{
  g_autoptr(GTask) task = NULL;
  ExportData *data;

  g_return_if_fail (db_path != NULL);
  g_return_if_fail (path != NULL);

  data = g_new0 (ExportData, 1);
  data->db_path = g_strdup (db_path);
  data->format = format;
  data->out_path = g_strdup (path);
  if (options != NULL)
    {
      data->from = g_strdup (options->from);
      data->to = g_strdup (options->to);
      data->author = g_strdup (options->author);
    }
  data->progress = progress;
  data->progress_data = progress_data;
  data->context = g_main_context_ref_thread_default ();
  g_mutex_init (&data->mutex);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, aims_review_workbook_write_async);
  g_task_set_task_data (task, data, (GDestroyNotify) export_data_free);
  g_task_run_in_thread (task, export_thread);
}

gboolean
aims_review_workbook_write_finish (GAsyncResult  *result,
                                   GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
