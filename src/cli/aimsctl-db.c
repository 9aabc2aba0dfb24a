/* aimsctl-db.c — the commands about a whole database: init, info, check, backup
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "aimsctl.h"
#include "aimsctl-format.h"

/* Removes what a failed init created: the database and the files SQLite
 * keeps beside it. Only called once the connection is closed. */
static void
remove_new_database (const char *path)
{
  static const char *const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_unlink (file);
    }
}

int
aimsctl_cmd_init (AimsctlInvocation *inv)
{
  const char *path = inv->args[0];
  AimsDbOpenFlags flags = AIMS_DB_OPEN_CREATE;
  g_autoptr(AimsDb) db = NULL;
  g_autoptr(GError) error = NULL;
  GStatBuf st;
  int status;

  /* lstat: a dangling link is something that exists too. */
  if (g_lstat (path, &st) == 0)
    return aimsctl_fail (path, _("the file already exists; init never overwrites a file"));

  if (inv->options->scale != AIMSCTL_NOT_GIVEN &&
      (!inv->options->demo || inv->options->scale < 1 || inv->options->scale > 1000000))
    return aimsctl_usage_error (inv->command, _("--scale takes --demo and a number of AI systems from 1 to 1000000"));

  if (inv->options->shared)
    flags |= AIMS_DB_OPEN_SHARED;
  if ((db = aimsctl_open (inv, path, flags, &status)) == NULL)
    return status;

  if (inv->options->demo &&
      (!aims_demo_populate (db, &error) ||
       (inv->options->scale != AIMSCTL_NOT_GIVEN && !aims_demo_scale (db, (guint) inv->options->scale, &error))))
    {
      status = aimsctl_fail_error (path, error);
      g_clear_object (&db);
      remove_new_database (path);
      return status;
    }

  if (aims_db_get_mode (db) == AIMS_DB_MODE_SHARED)
    g_print (inv->options->demo
             ? _("Created %s with the demo organisation (shared: rollback journal)\n")
             : _("Created %s (shared: rollback journal)\n"), path);
  else
    g_print (inv->options->demo
             ? _("Created %s with the demo organisation (local: write-ahead log)\n")
             : _("Created %s (local: write-ahead log)\n"), path);
  return AIMSCTL_EXIT_OK;
}

/* ── info ──────────────────────────────────────────────────────────────── */

static gboolean
count_rows (AimsDb      *db,
            const char  *table,
            gint64      *count,
            GError     **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM \"%s\"", table);
  g_autoptr(AimsStatement) stmt = aims_db_prepare (db, sql, error);

  if (stmt == NULL || aims_statement_step (stmt, error) != AIMS_STEP_ROW)
    return FALSE;
  *count = aims_statement_column_int64 (stmt, 0);
  return TRUE;
}

static void
add_info (AimsctlGrid *grid,
          const char  *label,
          char        *value)
{
  aimsctl_grid_begin_row (grid);
  aimsctl_grid_take_cell (grid, g_strdup_printf ("%s:", label));
  aimsctl_grid_take_cell (grid, value);
}

static char *
capitalised (const char *text)
{
  gunichar first = g_unichar_totitle (g_utf8_get_char (text));
  char buf[8] = { 0 };

  g_unichar_to_utf8 (first, buf);
  return g_strconcat (buf, g_utf8_next_char (text), NULL);
}

int
aimsctl_cmd_info (AimsctlInvocation *inv)
{
  const char *path = inv->args[0];
  g_autoptr(AimsDb) db = NULL;
  g_autoptr(AimsctlGrid) grid = aimsctl_grid_new ();
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  const char *const *names = aims_entity_names ();
  gint64 count = 0;
  int status;

  /* Opened as the GUI opens it, so that read-only says why. */
  if ((db = aimsctl_open (inv, path, AIMS_DB_OPEN_DEFAULT, &status)) == NULL)
    return status;

  aimsctl_grid_add_column (grid, "label", AIMSCTL_VALUE_TEXT);
  aimsctl_grid_add_column (grid, "value", AIMSCTL_VALUE_TEXT);

  add_info (grid, _("Path"), g_strdup (aims_db_get_path (db)));
  add_info (grid, _("Organisation"), aims_db_dup_organisation (db));
  add_info (grid, _("Schema version"), g_strdup_printf ("%d", aims_db_get_schema_version (db)));
  add_info (grid, _("Mode"), g_strdup (aims_db_get_mode (db) == AIMS_DB_MODE_SHARED
                                       ? _("shared (rollback journal)")
                                       : _("local (write-ahead log)")));
  if (aims_db_is_read_only (db))
    add_info (grid, _("Read-only"), g_strdup_printf (_("yes: %s"), aims_db_get_read_only_reason (db)));
  else
    add_info (grid, _("Read-only"), g_strdup (_("no")));
  if (aims_db_get_migration_backup (db) != NULL)
    add_info (grid, _("Copy before upgrade"), g_strdup (aims_db_get_migration_backup (db)));

  for (guint i = 0; names[i] != NULL; i++)
    {
      const AimsEntity *entity = aims_entity_lookup (names[i]);
      g_autofree char *label = NULL;

      if (!count_rows (db, entity->table, &count, &error))
        return aimsctl_fail_error (path, error);
      label = capitalised (_(entity->plural));
      add_info (grid, label, g_strdup_printf ("%" G_GINT64_FORMAT, count));
    }
  if (!count_rows (db, "audit_log", &count, &error))
    return aimsctl_fail_error (path, error);
  add_info (grid, _("Audit log rows"), g_strdup_printf ("%" G_GINT64_FORMAT, count));

  /* Long values (paths, reasons) are never cut here. */
  aimsctl_write_table (grid, G_MAXUINT, FALSE, out);
  return aimsctl_write_out (out);
}

/* ── check ─────────────────────────────────────────────────────────────── */

int
aimsctl_cmd_check (AimsctlInvocation *inv)
{
  const char *path = inv->args[0];
  g_autoptr(AimsDb) db = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  int status;

  /* Read-only: a check never changes what it checks. */
  if ((db = aimsctl_open (inv, path, AIMS_DB_OPEN_READ_ONLY, &status)) == NULL)
    return status;

  if (!aims_check_database (db, problems, &error) && error != NULL)
    return aimsctl_fail_error (path, error);

  if (problems->len == 0)
    {
      g_print ("%s\n", _("OK"));
      return AIMSCTL_EXIT_OK;
    }

  for (guint i = 0; i < problems->len; i++)
    g_string_append_printf (out, "%s\n", (const char *) g_ptr_array_index (problems, i));
  status = aimsctl_write_out (out);
  if (status != AIMSCTL_EXIT_OK)
    return status;
  return aimsctl_fail (path, g_dngettext (GETTEXT_PACKAGE,
                                          "the check found %u problem",
                                          "the check found %u problems",
                                          problems->len),
                       problems->len);
}

/* ── backup ────────────────────────────────────────────────────────────── */

int
aimsctl_cmd_backup (AimsctlInvocation *inv)
{
  const char *path = inv->args[0];
  const char *out_path = inv->args[1];
  g_autoptr(AimsDb) db = NULL;
  g_autoptr(GError) error = NULL;
  GStatBuf st;
  int status;

  /* Before opening anything, so that a refusal touches nothing. */
  if (g_lstat (out_path, &st) == 0)
    return aimsctl_fail (out_path, _("the file already exists; backup never overwrites a file"));

  if ((db = aimsctl_open (inv, path, AIMS_DB_OPEN_READ_ONLY, &status)) == NULL)
    return status;

  if (!aims_db_backup_to (db, out_path, &error))
    return aimsctl_fail_error (out_path, error);

  g_print (_("Backed up %s to %s\n"), path, out_path);
  return AIMSCTL_EXIT_OK;
}
