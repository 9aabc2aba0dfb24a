/* aims-db.h — one open AIMS database file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define AIMS_DB_ERROR (aims_db_error_quark ())

/* Every failure of the data layer is one of these, with a message a user can
 * read that names the file and the problem. */
typedef enum
{
  AIMS_DB_ERROR_FAILED,
  AIMS_DB_ERROR_MISSING,       /* the file (or a record) does not exist */
  AIMS_DB_ERROR_NOT_AIMS,      /* not SQLite at all, empty, or another program's database */
  AIMS_DB_ERROR_NEWER_SCHEMA,  /* written by a newer AIMS Desk */
  AIMS_DB_ERROR_CORRUPT,       /* SQLite says the file is damaged */
  AIMS_DB_ERROR_READ_ONLY,     /* a write was attempted on a read-only database */
  AIMS_DB_ERROR_BUSY,          /* another writer held the lock past the timeout */
  AIMS_DB_ERROR_CONFLICT,      /* the row changed since the row_version the caller read */
  AIMS_DB_ERROR_CONSTRAINT,    /* a constraint of the schema refused the write */
  AIMS_DB_ERROR_INVALID,       /* a value refused by validation before any write */
} AimsDbError;

typedef enum
{
  AIMS_DB_OPEN_DEFAULT   = 0,
  AIMS_DB_OPEN_CREATE    = 1 << 0, /* create and initialise the file when missing */
  AIMS_DB_OPEN_SHARED    = 1 << 1, /* the user says the file is on a shared drive */
  AIMS_DB_OPEN_READ_ONLY = 1 << 2, /* never write */
} AimsDbOpenFlags;

typedef enum
{
  AIMS_DB_MODE_LOCAL,   /* WAL, synchronous=NORMAL */
  AIMS_DB_MODE_SHARED,  /* rollback journal, synchronous=FULL, never WAL */
} AimsDbMode;

#define AIMS_APPLICATION_ID 0x41494d53 /* "AIMS" */

#define AIMS_TYPE_DB (aims_db_get_type ())
G_DECLARE_FINAL_TYPE (AimsDb, aims_db, AIMS, DB, GObject)

typedef struct _AimsStatement AimsStatement;

GQuark         aims_db_error_quark          (void);

AimsDb        *aims_db_open                 (const char          *path,
                                             AimsDbOpenFlags      flags,
                                             GError             **error);
void           aims_db_open_async           (const char          *path,
                                             AimsDbOpenFlags      flags,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
AimsDb        *aims_db_open_finish          (GAsyncResult        *result,
                                             GError             **error);

const char    *aims_db_get_path             (AimsDb              *self);
AimsDbMode     aims_db_get_mode             (AimsDb              *self);
gboolean       aims_db_is_read_only         (AimsDb              *self);
const char    *aims_db_get_read_only_reason (AimsDb              *self);
int            aims_db_get_schema_version   (AimsDb              *self);
const char    *aims_db_get_migration_backup (AimsDb              *self);
char          *aims_db_dup_organisation     (AimsDb              *self);

void           aims_db_set_busy_timeout     (AimsDb              *self,
                                             guint                timeout_ms);
gint64         aims_db_get_data_version     (AimsDb              *self);

gboolean       aims_db_exec                 (AimsDb              *self,
                                             const char          *sql,
                                             GError             **error);
AimsStatement *aims_db_prepare              (AimsDb              *self,
                                             const char          *sql,
                                             GError             **error);
gint64         aims_db_last_insert_rowid    (AimsDb              *self);
int            aims_db_changes              (AimsDb              *self);

/* Writers: BEGIN IMMEDIATE, so the write lock is taken before anything is read. */
gboolean       aims_db_begin_write          (AimsDb              *self,
                                             GError             **error);
gboolean       aims_db_commit               (AimsDb              *self,
                                             GError             **error);
void           aims_db_rollback             (AimsDb              *self);
/* Ends a write begun by aims_db_begin_write(): commits when written is TRUE
 * (the work succeeded), rolls back otherwise. TRUE when committed. */
gboolean       aims_db_end_write            (AimsDb              *self,
                                             gboolean             written,
                                             GError             **error);

gboolean       aims_db_backup_to            (AimsDb              *self,
                                             const char          *dest_path,
                                             GError             **error);

/* Internal to the core: translate the connection's last SQLite failure. */
void           aims_db_set_error_from_sqlite (AimsDb             *self,
                                              int                 rc,
                                              GError            **error);
gpointer       aims_db_get_handle           (AimsDb              *self);
/* Internal to the core: a statement done with, reset and kept for the next
 * aims_db_prepare() of the same SQL (aims_statement_free() calls it). */
void           aims_db_release_statement    (AimsDb              *self,
                                             gpointer             stmt);

G_END_DECLS
