/* aims-migrate.h — numbered schema migrations from data/schema/
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "aims-db.h"

G_BEGIN_DECLS

/* The schema version this program writes: the number of the last migration. */
int      aims_migrate_latest_version (void);

/* Brings the database to the latest version: a backup copy beside the file
 * (when it held data) through the backup API, then every missing migration in
 * one BEGIN EXCLUSIVE transaction. *backup_path gets the copy's path or NULL. */
gboolean aims_migrate_run            (AimsDb     *db,
                                      int         from_version,
                                      char      **backup_path,
                                      GError    **error);

G_END_DECLS

G_BEGIN_DECLS
/* The SQL of every migration, in order: what a database of the latest
 * version was made from (aims-check compares a file's schema with it). */
GPtrArray *aims_migrate_dup_scripts (GError **error);
G_END_DECLS
