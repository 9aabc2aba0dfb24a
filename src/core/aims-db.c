/* aims-db.c — one open AIMS database file
 *
 * Opening follows one order so that a file which is not ours is never
 * written to: check what the file is with read-only queries first, and only
 * then set the journal mode, migrate, or write anything.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <unistd.h>

#include "aims-db.h"
#include "aims-migrate.h"
#include "aims-statement.h"

#define DEFAULT_BUSY_TIMEOUT_MS 5000
/* Idle prepared statements kept for reuse: preparing is most of the cost
 * of a small write, and a batch of writes (an import) repeats a few. */
#define STATEMENT_CACHE_SIZE 64

struct _AimsDb
{
  GObject     parent_instance;

  sqlite3    *handle;
  char       *path;
  char       *display_name;
  AimsDbMode  mode;
  gboolean    read_only;
  char       *read_only_reason;
  int         schema_version;
  char       *migration_backup;
  guint       busy_timeout_ms;
  GHashTable *statements;  /* SQL → idle sqlite3_stmt */
};

G_DEFINE_FINAL_TYPE (AimsDb, aims_db, G_TYPE_OBJECT)

G_DEFINE_QUARK (aims-db-error-quark, aims_db_error)

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

/* Before the connection closes: a statement left would keep it open. */
static void
flush_statements (AimsDb *self)
{
  g_hash_table_remove_all (self->statements);
}

static void
aims_db_finalize (GObject *object)
{
  AimsDb *self = (AimsDb *) object;

  flush_statements (self);
  g_hash_table_unref (self->statements);

  /* sqlite3_close_v2 so that a statement someone forgot cannot keep the
   * file half-closed; the connection goes once the last one is finalised. */
  if (self->handle != NULL)
    sqlite3_close_v2 (self->handle);
  g_free (self->path);
  g_free (self->display_name);
  g_free (self->read_only_reason);
  g_free (self->migration_backup);

  G_OBJECT_CLASS (aims_db_parent_class)->finalize (object);
}

static void
aims_db_class_init (AimsDbClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = aims_db_finalize;

  /* No page cache allocated in bulk ahead: every CHECK (x IN (…)) of a
   * write opens a small temporary b-tree, and a bulk allocation for each
   * made the allocator hand memory back to the system and fault it in
   * again on every row of an import. Before any connection opens; when
   * SQLite started already this changes nothing. */
  sqlite3_config (SQLITE_CONFIG_PAGECACHE, NULL, 0, 0);
}

static void
aims_db_init (AimsDb *self)
{
  self->busy_timeout_ms = DEFAULT_BUSY_TIMEOUT_MS;
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            finalize_statement);
}

void
aims_db_set_error_from_sqlite (AimsDb  *self,
                               int      rc,
                               GError **error)
{
  const char *detail = self->handle != NULL ? sqlite3_errmsg (self->handle) : sqlite3_errstr (rc);

  switch (rc & 0xff)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_BUSY,
                   _("“%s” is busy: another user or program is saving to it. Try again in a moment."),
                   self->display_name);
      break;
    case SQLITE_READONLY:
      g_set_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_READ_ONLY,
                   _("“%s” is read-only: changes cannot be saved"), self->display_name);
      break;
    case SQLITE_CORRUPT:
      g_set_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_CORRUPT,
                   _("“%s” is damaged (%s)"), self->display_name, detail);
      break;
    case SQLITE_NOTADB:
      g_set_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_NOT_AIMS,
                   _("“%s” is not an AIMS Desk database: it is not an SQLite file"),
                   self->display_name);
      break;
    case SQLITE_CONSTRAINT:
      g_set_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_CONSTRAINT,
                   _("“%s” refused the change: %s"), self->display_name, detail);
      break;
    case SQLITE_FULL:
      g_set_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_FAILED,
                   _("Could not save to “%s”: the disk is full"), self->display_name);
      break;
    case SQLITE_CANTOPEN:
      g_set_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_FAILED,
                   _("Could not open “%s”: %s"), self->display_name, detail);
      break;
    default:
      g_set_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_FAILED,
                   _("Error in “%s”: %s"), self->display_name, detail);
    }
}

gpointer
aims_db_get_handle (AimsDb *self)
{
  g_return_val_if_fail (AIMS_IS_DB (self), NULL);

  return self->handle;
}

gboolean
aims_db_exec (AimsDb      *self,
              const char  *sql,
              GError     **error)
{
  int rc;

  g_return_val_if_fail (AIMS_IS_DB (self), FALSE);
  g_return_val_if_fail (sql != NULL, FALSE);

  rc = sqlite3_exec (self->handle, sql, NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      aims_db_set_error_from_sqlite (self, rc, error);
      return FALSE;
    }
  return TRUE;
}

AimsStatement *
aims_db_prepare (AimsDb      *self,
                 const char  *sql,
                 GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  gpointer cached_sql;
  int rc;

  g_return_val_if_fail (AIMS_IS_DB (self), NULL);
  g_return_val_if_fail (sql != NULL, NULL);

  /* Taken out of the cache while in use, so two users never share one. */
  if (g_hash_table_steal_extended (self->statements, sql, &cached_sql, (gpointer *) &stmt))
    {
      g_free (cached_sql);
      return aims_statement_new (self, stmt);
    }
  rc = sqlite3_prepare_v2 (self->handle, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      aims_db_set_error_from_sqlite (self, rc, error);
      sqlite3_finalize (stmt);
      return NULL;
    }
  return aims_statement_new (self, stmt);
}

void
aims_db_release_statement (AimsDb   *self,
                           gpointer  stmt)
{
  const char *sql = sqlite3_sql (stmt);

  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (sql == NULL || g_hash_table_size (self->statements) >= STATEMENT_CACHE_SIZE ||
      g_hash_table_contains (self->statements, sql))
    sqlite3_finalize (stmt);
  else
    g_hash_table_insert (self->statements, g_strdup (sql), stmt);
}

gint64
aims_db_last_insert_rowid (AimsDb *self)
{
  g_return_val_if_fail (AIMS_IS_DB (self), 0);

  return sqlite3_last_insert_rowid (self->handle);
}

int
aims_db_changes (AimsDb *self)
{
  g_return_val_if_fail (AIMS_IS_DB (self), 0);

  return sqlite3_changes (self->handle);
}

/* A single integer from a PRAGMA or query; FALSE with error on failure. */
static gboolean
query_int (AimsDb      *self,
           const char  *sql,
           gint64      *out,
           GError     **error)
{
  g_autoptr(AimsStatement) stmt = aims_db_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  switch (aims_statement_step (stmt, error))
    {
    case AIMS_STEP_ROW:
      *out = aims_statement_column_int64 (stmt, 0);
      return TRUE;
    case AIMS_STEP_DONE:
      *out = 0;
      return TRUE;
    case AIMS_STEP_ERROR:
    default:
      return FALSE;
    }
}

gboolean
aims_db_begin_write (AimsDb  *self,
                     GError **error)
{
  g_return_val_if_fail (AIMS_IS_DB (self), FALSE);

  if (self->read_only)
    {
      g_set_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_READ_ONLY,
                   _("“%s” is open read-only: %s"), self->display_name,
                   self->read_only_reason != NULL ? self->read_only_reason : "");
      return FALSE;
    }
  return aims_db_exec (self, "BEGIN IMMEDIATE", error);
}

gboolean
aims_db_commit (AimsDb  *self,
                GError **error)
{
  g_return_val_if_fail (AIMS_IS_DB (self), FALSE);

  if (!aims_db_exec (self, "COMMIT", error))
    {
      aims_db_rollback (self);
      return FALSE;
    }
  return TRUE;
}

void
aims_db_rollback (AimsDb *self)
{
  g_return_if_fail (AIMS_IS_DB (self));

  if (!sqlite3_get_autocommit (self->handle))
    sqlite3_exec (self->handle, "ROLLBACK", NULL, NULL, NULL);
}

gboolean
aims_db_end_write (AimsDb   *self,
                   gboolean  written,
                   GError  **error)
{
  g_return_val_if_fail (AIMS_IS_DB (self), FALSE);

  if (!written)
    {
      aims_db_rollback (self);
      return FALSE;
    }
  return aims_db_commit (self, error);
}

void
aims_db_set_busy_timeout (AimsDb *self,
                          guint   timeout_ms)
{
  g_return_if_fail (AIMS_IS_DB (self));

  self->busy_timeout_ms = timeout_ms;
  sqlite3_busy_timeout (self->handle, (int) timeout_ms);
}

gint64
aims_db_get_data_version (AimsDb *self)
{
  gint64 version = -1;

  g_return_val_if_fail (AIMS_IS_DB (self), -1);

  /* Polled from the main loop: never wait for another writer's lock here.
   * A busy file answers -1 and is looked at again on the next poll. */
  sqlite3_busy_timeout (self->handle, 0);
  if (!query_int (self, "PRAGMA data_version", &version, NULL))
    version = -1;
  sqlite3_busy_timeout (self->handle, (int) self->busy_timeout_ms);
  return version;
}

const char *
aims_db_get_path (AimsDb *self)
{
  g_return_val_if_fail (AIMS_IS_DB (self), NULL);

  return self->path;
}

AimsDbMode
aims_db_get_mode (AimsDb *self)
{
  g_return_val_if_fail (AIMS_IS_DB (self), AIMS_DB_MODE_LOCAL);

  return self->mode;
}

gboolean
aims_db_is_read_only (AimsDb *self)
{
  g_return_val_if_fail (AIMS_IS_DB (self), TRUE);

  return self->read_only;
}

const char *
aims_db_get_read_only_reason (AimsDb *self)
{
  g_return_val_if_fail (AIMS_IS_DB (self), NULL);

  return self->read_only_reason;
}

int
aims_db_get_schema_version (AimsDb *self)
{
  g_return_val_if_fail (AIMS_IS_DB (self), 0);

  return self->schema_version;
}

const char *
aims_db_get_migration_backup (AimsDb *self)
{
  g_return_val_if_fail (AIMS_IS_DB (self), NULL);

  return self->migration_backup;
}

char *
aims_db_dup_organisation (AimsDb *self)
{
  g_autoptr(AimsStatement) stmt = NULL;

  g_return_val_if_fail (AIMS_IS_DB (self), NULL);

  stmt = aims_db_prepare (self, "SELECT value FROM setting WHERE key = 'organisation'", NULL);
  if (stmt != NULL && aims_statement_step (stmt, NULL) == AIMS_STEP_ROW)
    return g_strdup (aims_statement_column_text (stmt, 0));
  return NULL;
}

/* ── Opening ───────────────────────────────────────────────────────────── */

static gboolean
path_is_on_remote_filesystem (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) dir = g_file_get_parent (file);
  g_autoptr(GFileInfo) info = NULL;

  if (dir == NULL)
    return FALSE;
  info = g_file_query_filesystem_info (dir, G_FILE_ATTRIBUTE_FILESYSTEM_REMOTE, NULL, NULL);
  return info != NULL &&
         g_file_info_get_attribute_boolean (info, G_FILE_ATTRIBUTE_FILESYSTEM_REMOTE);
}

/* Checks the file itself before SQLite sees it: stat only, never open(),
 * so that no other descriptor on the file can drop SQLite's locks. */
static gboolean
check_file_before_open (const char  *path,
                        const char  *display_name,
                        gboolean     may_create,
                        gboolean    *creating,
                        GError     **error)
{
  GStatBuf st;

  *creating = FALSE;
  if (g_stat (path, &st) != 0)
    {
      int saved_errno = errno;

      if (saved_errno == ENOENT && may_create)
        {
          *creating = TRUE;
          return TRUE;
        }
      if (saved_errno == ENOENT)
        g_set_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_MISSING,
                     _("Could not open “%s”: the file does not exist"), display_name);
      else
        g_set_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_FAILED,
                     _("Could not open “%s”: %s"), display_name, g_strerror (saved_errno));
      return FALSE;
    }
  if (S_ISDIR (st.st_mode))
    {
      g_set_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_NOT_AIMS,
                   _("“%s” is a folder, not an AIMS Desk database"), display_name);
      return FALSE;
    }
  if (st.st_size == 0)
    {
      g_set_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_NOT_AIMS,
                   _("“%s” is empty: it is not an AIMS Desk database"), display_name);
      return FALSE;
    }
  return TRUE;
}

static char *
why_not_writable (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  if (g_access (path, W_OK) != 0)
    return g_strdup (_("You do not have permission to change this file, so it is open read-only."));
  /* The rollback journal and the WAL index are files beside the database. */
  if (g_access (dir, W_OK) != 0)
    return g_strdup (_("You do not have permission to change the folder that holds this file, so it is open read-only."));
  return NULL;
}

static gboolean
open_handle (AimsDb      *self,
             gboolean     creating,
             gboolean     read_only,
             gboolean     immutable,
             GError     **error)
{
  g_autofree char *uri = NULL;
  g_autofree char *escaped = NULL;
  int flags = SQLITE_OPEN_URI | SQLITE_OPEN_FULLMUTEX;
  int rc;

  if (self->handle != NULL)
    {
      flush_statements (self);
      sqlite3_close_v2 (self->handle);
      self->handle = NULL;
    }

  escaped = g_uri_escape_string (self->path, "/", FALSE);
  if (read_only)
    {
      flags |= SQLITE_OPEN_READONLY;
      uri = g_strdup_printf ("file:%s?mode=ro%s", escaped, immutable ? "&immutable=1" : "");
    }
  else
    {
      flags |= SQLITE_OPEN_READWRITE | (creating ? SQLITE_OPEN_CREATE : 0);
      uri = g_strdup_printf ("file:%s", escaped);
    }

  rc = sqlite3_open_v2 (uri, &self->handle, flags, NULL);
  if (rc != SQLITE_OK)
    {
      aims_db_set_error_from_sqlite (self, rc, error);
      return FALSE;
    }
  sqlite3_extended_result_codes (self->handle, 1);
  sqlite3_busy_timeout (self->handle, (int) self->busy_timeout_ms);
  return TRUE;
}

typedef struct
{
  gint64 application_id;
  gint64 user_version;
  gint64 n_objects;
} FileHeader;

static gboolean
read_header (AimsDb      *self,
             FileHeader  *header,
             GError     **error)
{
  return query_int (self, "PRAGMA application_id", &header->application_id, error) &&
         query_int (self, "PRAGMA user_version", &header->user_version, error) &&
         query_int (self, "SELECT count(*) FROM sqlite_master", &header->n_objects, error);
}

static gboolean
quick_check (AimsDb  *self,
             GError **error)
{
  g_autoptr(AimsStatement) stmt = aims_db_prepare (self, "PRAGMA quick_check(1)", error);
  const char *result;

  if (stmt == NULL)
    return FALSE;
  if (aims_statement_step (stmt, error) != AIMS_STEP_ROW)
    return FALSE;
  result = aims_statement_column_text (stmt, 0);
  if (g_strcmp0 (result, "ok") != 0)
    {
      g_set_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_CORRUPT,
                   _("“%s” is damaged (%s)"), self->display_name, result);
      return FALSE;
    }
  return TRUE;
}

/* Whether the file was marked shared. A failure to read it is an error, not
 * "local": guessing local would switch a shared file to WAL. */
static gboolean
file_says_shared (AimsDb    *self,
                  gboolean  *shared,
                  GError   **error)
{
  gint64 value = 0;

  if (!query_int (self, "SELECT value = '1' FROM setting WHERE key = 'shared'", &value, error))
    return FALSE;
  *shared = value != 0;
  return TRUE;
}

static gboolean
configure_connection (AimsDb      *self,
                      GError     **error)
{
  if (!aims_db_exec (self, "PRAGMA foreign_keys = ON", error))
    return FALSE;
  if (self->read_only)
    return aims_db_exec (self, "PRAGMA query_only = ON", error);
  if (self->mode == AIMS_DB_MODE_SHARED)
    /* WAL needs shared memory between the writers, which network file
     * systems do not give: a shared file always uses the rollback journal. */
    return aims_db_exec (self, "PRAGMA journal_mode = DELETE; PRAGMA synchronous = FULL", error);
  return aims_db_exec (self, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL", error);
}

AimsDb *
aims_db_open (const char       *path,
              AimsDbOpenFlags   flags,
              GError          **error)
{
  g_autoptr(AimsDb) self = NULL;
  g_autoptr(GError) local_error = NULL;
  FileHeader header = { 0 };
  gboolean creating;
  gboolean handle_read_only;
  gboolean marked_shared = FALSE;
  int latest = aims_migrate_latest_version ();

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (AIMS_TYPE_DB, NULL);
  self->path = g_canonicalize_filename (path, NULL);
  self->display_name = g_filename_display_name (self->path);

  if (!check_file_before_open (self->path, self->display_name,
                               (flags & AIMS_DB_OPEN_CREATE) && !(flags & AIMS_DB_OPEN_READ_ONLY),
                               &creating, error))
    return NULL;

  if (!creating && (self->read_only_reason = why_not_writable (self->path)) != NULL)
    self->read_only = TRUE;
  /* A read-only connection cannot clean up the WAL files when it closes,
   * so a read-only open of a writable file uses a read-write connection
   * that refuses writes (PRAGMA query_only) instead. */
  handle_read_only = self->read_only;
  if ((flags & AIMS_DB_OPEN_READ_ONLY) && !self->read_only)
    {
      self->read_only = TRUE;
      self->read_only_reason = g_strdup (_("This database was opened read-only on request."));
    }

  if (!open_handle (self, creating, handle_read_only, FALSE, error))
    return NULL;

  if (!read_header (self, &header, &local_error))
    {
      /* A WAL file in a folder we cannot write needs its -shm: open it as
       * an immutable snapshot instead (nobody can write through this path). */
      if (handle_read_only &&
          (g_error_matches (local_error, AIMS_DB_ERROR, AIMS_DB_ERROR_FAILED) ||
           g_error_matches (local_error, AIMS_DB_ERROR, AIMS_DB_ERROR_READ_ONLY)))
        {
          g_clear_error (&local_error);
          if (!open_handle (self, FALSE, TRUE, TRUE, error) || !read_header (self, &header, error))
            return NULL;
        }
      else
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
    }

  if (header.application_id != AIMS_APPLICATION_ID)
    {
      if (!(creating && header.n_objects == 0))
        {
          g_set_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_NOT_AIMS,
                       header.n_objects > 0 || header.application_id != 0
                       ? _("“%s” is the database of another program, not an AIMS Desk database")
                       : _("“%s” is an empty SQLite file, not an AIMS Desk database"),
                       self->display_name);
          return NULL;
        }
    }

  if (header.user_version > latest)
    {
      self->read_only = TRUE;
      g_free (self->read_only_reason);
      self->read_only_reason =
        g_strdup_printf (_("This database was made by a newer version of AIMS Desk (schema version %d; this version knows up to %d). It is open read-only so that nothing in it is damaged."),
                         (int) header.user_version, latest);
    }

  /* Read-only checks first: nothing below may write to a damaged file. */
  if (!creating && !quick_check (self, error))
    return NULL;

  if (!creating && header.user_version > 0 && !file_says_shared (self, &marked_shared, error))
    return NULL;
  if ((flags & AIMS_DB_OPEN_SHARED) || marked_shared || path_is_on_remote_filesystem (self->path))
    self->mode = AIMS_DB_MODE_SHARED;
  else
    self->mode = AIMS_DB_MODE_LOCAL;

  if (!configure_connection (self, error))
    return NULL;

  self->schema_version = (int) header.user_version;
  if (header.user_version < latest)
    {
      if (self->read_only)
        {
          g_set_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_READ_ONLY,
                       _("“%s” must be upgraded to this version of AIMS Desk, but it is read-only: %s"),
                       self->display_name, self->read_only_reason);
          return NULL;
        }
      if (!aims_migrate_run (self, (int) header.user_version, &self->migration_backup, error))
        return NULL;
      self->schema_version = latest;
    }

  if (self->mode == AIMS_DB_MODE_SHARED && !self->read_only && !marked_shared)
    {
      /* Remembered in the file, so that every later opener uses the
       * rollback journal too, even when it cannot tell the share is remote. */
      if (!aims_db_exec (self, "INSERT OR REPLACE INTO setting (key, value) VALUES ('shared', '1')", error))
        return NULL;
    }

  return g_steal_pointer (&self);
}

typedef struct
{
  char            *path;
  AimsDbOpenFlags  flags;
} OpenData;

static void
open_data_free (OpenData *data)
{
  g_free (data->path);
  g_free (data);
}

static void
open_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  OpenData *data = task_data;
  GError *error = NULL;
  AimsDb *db = aims_db_open (data->path, data->flags, &error);

  if (db == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, db, g_object_unref);
}

void
aims_db_open_async (const char          *path,
                    AimsDbOpenFlags      flags,
                    GCancellable        *cancellable,
                    GAsyncReadyCallback  callback,
                    gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  OpenData *data;

  g_return_if_fail (path != NULL);

  data = g_new0 (OpenData, 1);
  data->path = g_strdup (path);
  data->flags = flags;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, aims_db_open_async);
  g_task_set_task_data (task, data, (GDestroyNotify) open_data_free);
  /* A result that arrives after cancelling is dropped, and its connection closed. */
  g_task_set_return_on_cancel (task, TRUE);
  g_task_run_in_thread (task, open_thread);
}

AimsDb *
aims_db_open_finish (GAsyncResult  *result,
                     GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ── Backup ────────────────────────────────────────────────────────────── */

gboolean
aims_db_backup_to (AimsDb      *self,
                   const char  *dest_path,
                   GError     **error)
{
  g_autofree char *dest_display = NULL;
  sqlite3 *dest = NULL;
  sqlite3_backup *backup;
  int rc;

  g_return_val_if_fail (AIMS_IS_DB (self), FALSE);
  g_return_val_if_fail (dest_path != NULL, FALSE);

  dest_display = g_filename_display_name (dest_path);
  if (g_file_test (dest_path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_FAILED,
                   _("Could not back up to “%s”: the file already exists"), dest_display);
      return FALSE;
    }

  rc = sqlite3_open_v2 (dest_path, &dest, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_FAILED,
                   _("Could not back up to “%s”: %s"), dest_display,
                   dest != NULL ? sqlite3_errmsg (dest) : sqlite3_errstr (rc));
      sqlite3_close (dest);
      return FALSE;
    }

  backup = sqlite3_backup_init (dest, "main", self->handle, "main");
  if (backup == NULL)
    {
      g_set_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_FAILED,
                   _("Could not back up to “%s”: %s"), dest_display, sqlite3_errmsg (dest));
      sqlite3_close (dest);
      g_unlink (dest_path);
      return FALSE;
    }

  /* Copies in steps so that another writer is not locked out for the
   * whole copy; a write in between restarts the copy, which stays consistent. */
  do
    {
      rc = sqlite3_backup_step (backup, 256);
      if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
        sqlite3_sleep (50);
    }
  while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
  sqlite3_backup_finish (backup);

  if (rc != SQLITE_DONE)
    {
      g_set_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_FAILED,
                   _("Could not back up to “%s”: %s"), dest_display, sqlite3_errstr (rc));
      sqlite3_close (dest);
      g_unlink (dest_path);
      return FALSE;
    }

  /* The copy is a plain file for archiving or moving: no WAL beside it. */
  sqlite3_exec (dest, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
  rc = sqlite3_close (dest);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_FAILED,
                   _("Could not back up to “%s”: %s"), dest_display, sqlite3_errstr (rc));
      return FALSE;
    }
  return TRUE;
}
