/* aims-db-watch.h — notices commits made by other connections
 *
 * Polls PRAGMA data_version from a GLib timeout and emits ::changed when
 * another connection (another process, another user) committed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "aims-db.h"

G_BEGIN_DECLS

#define AIMS_TYPE_DB_WATCH (aims_db_watch_get_type ())
G_DECLARE_FINAL_TYPE (AimsDbWatch, aims_db_watch, AIMS, DB_WATCH, GObject)

AimsDbWatch *aims_db_watch_new (AimsDb *db,
                                guint   interval_ms);

G_END_DECLS
