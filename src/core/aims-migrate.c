/* aims-migrate.c — numbered schema migrations from data/schema/
 *
 * Each migration is a file "NNNN-what.sql" bundled as a resource. A database's
 * PRAGMA user_version is the number of the last one applied to it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>
#include <stdlib.h>

#include "aims-core-resources.h"
#include "aims-migrate.h"
#include "aims-statement.h"

#define SCHEMA_RESOURCE_DIR "/io/github/aimsdesk/AimsDesk/schema/"

static int
migration_number (const char *name)
{
  if (!g_ascii_isdigit (name[0]) || !g_str_has_suffix (name, ".sql"))
    return 0;
  return atoi (name);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return migration_number (*(const char **) a) - migration_number (*(const char **) b);
}

/* The migrations in order of their numbers. */
static GPtrArray *
list_migrations (void)
{
  g_auto(GStrv) names = NULL;
  GPtrArray *list = g_ptr_array_new_with_free_func (g_free);

  names = g_resource_enumerate_children (aims_core_get_resource (), SCHEMA_RESOURCE_DIR,
                                         G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    if (migration_number (names[i]) > 0)
      g_ptr_array_add (list, g_strdup (names[i]));
  g_ptr_array_sort (list, compare_names);
  return list;
}

int
aims_migrate_latest_version (void)
{
  /* Stored plus one, since g_once_init_enter() treats 0 as "not yet". */
  static gsize latest_plus_one = 0;

  if (g_once_init_enter (&latest_plus_one))
    {
      g_autoptr(GPtrArray) list = list_migrations ();
      gsize value = list->len > 0 ? (gsize) migration_number (g_ptr_array_index (list, list->len - 1)) : 0;

      g_once_init_leave (&latest_plus_one, value + 1);
    }
  return (int) latest_plus_one - 1;
}

static char *
backup_path_for (const char *path,
                 int         from_version)
{
  g_autofree char *base = g_strdup_printf ("%s.schema-%d.backup", path, from_version);
  char *candidate = g_strdup (base);

  for (int n = 2; g_file_test (candidate, G_FILE_TEST_EXISTS); n++)
    {
      g_free (candidate);
      candidate = g_strdup_printf ("%s-%d", base, n);
    }
  return candidate;
}

static char *
load_script (const char  *name,
             GError     **error)
{
  g_autofree char *resource = g_strconcat (SCHEMA_RESOURCE_DIR, name, NULL);
  g_autoptr(GBytes) bytes = g_resource_lookup_data (aims_core_get_resource (), resource,
                                                    G_RESOURCE_LOOKUP_FLAGS_NONE, error);

  if (bytes == NULL)
    return NULL;
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static gboolean
apply_migration (AimsDb      *db,
                 const char  *name,
                 GError     **error)
{
  g_autofree char *sql = load_script (name, error);
  g_autoptr(GError) local_error = NULL;

  if (sql == NULL)
    return FALSE;
  if (!aims_db_exec (db, sql, &local_error))
    {
      g_set_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_FAILED,
                   _("Upgrading the database failed in step %s: %s"), name, local_error->message);
      return FALSE;
    }
  return TRUE;
}

static gboolean
read_user_version (AimsDb  *db,
                   int     *version,
                   GError **error)
{
  g_autoptr(AimsStatement) stmt = aims_db_prepare (db, "PRAGMA user_version", error);

  if (stmt == NULL || aims_statement_step (stmt, error) != AIMS_STEP_ROW)
    return FALSE;
  *version = (int) aims_statement_column_int64 (stmt, 0);
  return TRUE;
}

static gboolean
holds_tables (AimsDb    *db,
              gboolean  *has_tables,
              GError   **error)
{
  g_autoptr(AimsStatement) stmt = aims_db_prepare (db, "SELECT count(*) FROM sqlite_master", error);

  if (stmt == NULL || aims_statement_step (stmt, error) != AIMS_STEP_ROW)
    return FALSE;
  *has_tables = aims_statement_column_int64 (stmt, 0) > 0;
  return TRUE;
}

gboolean
aims_migrate_run (AimsDb      *db,
                  int          from_version,
                  char       **backup_path,
                  GError     **error)
{
  g_autoptr(GPtrArray) list = list_migrations ();
  g_autofree char *backup = NULL;
  g_autofree char *pragmas = NULL;
  int current;
  int latest = aims_migrate_latest_version ();
  gboolean has_tables = FALSE;

  g_return_val_if_fail (AIMS_IS_DB (db), FALSE);

  if (backup_path != NULL)
    *backup_path = NULL;

  if (from_version >= latest)
    return TRUE;

  if (!holds_tables (db, &has_tables, error))
    return FALSE;
  /* Any file that holds something is copied first, whatever its version says. */
  if (from_version > 0 || has_tables)
    {
      backup = backup_path_for (aims_db_get_path (db), from_version);
      if (!aims_db_backup_to (db, backup, error))
        return FALSE;
    }

  if (!aims_db_exec (db, "BEGIN EXCLUSIVE", error))
    return FALSE;

  /* Another program may have upgraded the file between our look and the lock. */
  if (!read_user_version (db, &current, error))
    goto fail;

  for (guint i = 0; i < list->len; i++)
    {
      const char *name = g_ptr_array_index (list, i);

      if (migration_number (name) > current && !apply_migration (db, name, error))
        goto fail;
    }

  pragmas = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = %d",
                             AIMS_APPLICATION_ID, latest);
  if (!aims_db_exec (db, pragmas, error))
    goto fail;
  if (!aims_db_commit (db, error))
    return FALSE;

  if (backup_path != NULL)
    *backup_path = g_steal_pointer (&backup);
  return TRUE;

fail:
  aims_db_rollback (db);
  return FALSE;
}

GPtrArray *
aims_migrate_dup_scripts (GError **error)
{
  g_autoptr(GPtrArray) list = list_migrations ();
  g_autoptr(GPtrArray) scripts = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < list->len; i++)
    {
      char *sql = load_script (g_ptr_array_index (list, i), error);

      if (sql == NULL)
        return NULL;
      g_ptr_array_add (scripts, sql);
    }
  return g_steal_pointer (&scripts);
}
