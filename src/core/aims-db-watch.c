/* aims-db-watch.c — notices commits made by other connections
 *
 * PRAGMA data_version changes when another connection committed to the
 * file since this one last looked; commits made through this connection do
 * not change it (their writers know already). Polling it is cheap: it reads
 * a counter, not the database.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "aims-db-watch.h"

struct _AimsDbWatch
{
  GObject  parent_instance;

  AimsDb  *db;
  gint64   last_version;
  guint    source_id;
};

enum { CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (AimsDbWatch, aims_db_watch, G_TYPE_OBJECT)

static void
aims_db_watch_dispose (GObject *object)
{
  AimsDbWatch *self = (AimsDbWatch *) object;

  g_clear_handle_id (&self->source_id, g_source_remove);
  g_clear_object (&self->db);

  G_OBJECT_CLASS (aims_db_watch_parent_class)->dispose (object);
}

static void
aims_db_watch_class_init (AimsDbWatchClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = aims_db_watch_dispose;

  /**
   * AimsDbWatch::changed:
   *
   * Another connection committed to the database.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 0);
}

static void
aims_db_watch_init (AimsDbWatch *self)
{
}

static gboolean
poll_cb (gpointer user_data)
{
  AimsDbWatch *self = user_data;
  gint64 version = aims_db_get_data_version (self->db);

  /* -1: the file is busy right now; look again next time. */
  if (version >= 0 && version != self->last_version)
    {
      self->last_version = version;
      g_signal_emit (self, signals[CHANGED], 0);
    }
  return G_SOURCE_CONTINUE;
}

AimsDbWatch *
aims_db_watch_new (AimsDb *db,
                   guint   interval_ms)
{
  AimsDbWatch *self;

  g_return_val_if_fail (AIMS_IS_DB (db), NULL);
  g_return_val_if_fail (interval_ms > 0, NULL);

  self = g_object_new (AIMS_TYPE_DB_WATCH, NULL);
  self->db = g_object_ref (db);
  self->last_version = aims_db_get_data_version (db);
  self->source_id = g_timeout_add (interval_ms, poll_cb, self);
  return self;
}
