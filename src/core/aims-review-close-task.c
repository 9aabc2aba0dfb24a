/* aims-review-close-task.c — closing a management review in a worker thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "aims-review-close-task.h"
#include "aims-review-record.h"

typedef struct
{
  char            *path;
  AimsDbOpenFlags  flags;
  gint64           id;
  gint64           expected_version;
  char            *author;
} CloseData;

static void
close_data_free (CloseData *data)
{
  g_free (data->path);
  g_free (data->author);
  g_free (data);
}

static void
close_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  CloseData *data = task_data;
  g_autoptr(AimsDb) db = NULL;
  AimsRecord *closed;
  GError *error = NULL;

  /* Never CREATE: the file must be the one the window has open. */
  if ((db = aims_db_open (data->path, data->flags & ~AIMS_DB_OPEN_CREATE, &error)) == NULL ||
      (closed = aims_review_close (db, data->id, data->expected_version, data->author, &error)) == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_pointer (task, closed, g_object_unref);
}

void
aims_review_close_async (const char          *db_path,
                         AimsDbOpenFlags      flags,
                         gint64               id,
                         gint64               expected_version,
                         const char          *author,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  CloseData *data;

  g_return_if_fail (db_path != NULL);

  data = g_new0 (CloseData, 1);
  data->path = g_strdup (db_path);
  data->flags = flags;
  data->id = id;
  data->expected_version = expected_version;
  data->author = g_strdup (author);
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, aims_review_close_async);
  g_task_set_task_data (task, data, (GDestroyNotify) close_data_free);
  g_task_run_in_thread (task, close_thread);
}

AimsRecord *
aims_review_close_finish (GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
