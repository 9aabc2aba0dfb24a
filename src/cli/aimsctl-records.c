/* aimsctl-records.c — the commands about records: list, add, update
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include <glib/gi18n.h>

#include "aimsctl.h"
#include "aimsctl-columns.h"

/* Widest a table cell may be, in terminal columns. */
#define TABLE_MAX_WIDTH 32

/* ── list ──────────────────────────────────────────────────────────────── */

typedef enum
{
  FORMAT_TABLE,
  FORMAT_CSV,
  FORMAT_JSON,
} Format;

int
aimsctl_cmd_list (AimsctlInvocation *inv)
{
  const char *format_name = inv->options->format != NULL ? inv->options->format : "table";
  const char *path = inv->args[1];
  const AimsEntity *entity;
  g_autoptr(AimsDb) db = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(AimsctlGrid) grid = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GDate) today = aims_date_today ();
  g_autoptr(AimsRiskMatrix) matrix = NULL;
  g_autoptr(GHashTable) series = NULL;
  g_autoptr(GHashTable) actions_by_nc = NULL;
  g_autoptr(GError) error = NULL;
  AimsctlListContext context = { today, NULL, NULL, NULL };
  Format format;
  int status;

  if (g_str_equal (format_name, "table"))
    format = FORMAT_TABLE;
  else if (g_str_equal (format_name, "csv"))
    format = FORMAT_CSV;
  else if (g_str_equal (format_name, "json"))
    format = FORMAT_JSON;
  else
    return aimsctl_usage_error (inv->command, _("unknown --format “%s”; use table, csv or json"),
                                format_name);

  if ((entity = aimsctl_entity (inv, inv->args[0], &status)) == NULL)
    return status;
  if ((db = aimsctl_open (inv, path, AIMS_DB_OPEN_READ_ONLY, &status)) == NULL)
    return status;
  if ((records = aims_store_list (db, entity, &error)) == NULL)
    return aimsctl_fail_error (path, error);
  /* Risks show scores and bands, computed from the organisation's matrix. */
  if (entity == aims_entity_risks ())
    {
      if ((matrix = aims_risk_matrix_load (db, &error)) == NULL)
        return aimsctl_fail_error (path, error);
      context.matrix = matrix;
    }
  /* Objectives show their status, computed from their measurements. */
  if (entity == aims_entity_objectives () &&
      (context.objective_series = series = aims_objective_load_all_series (db, &error)) == NULL)
    return aimsctl_fail_error (path, error);
  /* Nonconformities show how many of their actions are open and overdue. */
  if (entity == aims_entity_nonconformities () &&
      (context.actions_by_nc = actions_by_nc = aims_nc_load_actions_by_nc (db, &error)) == NULL)
    return aimsctl_fail_error (path, error);

  switch (format)
    {
    case FORMAT_CSV:
      grid = aimsctl_grid_for_scripts (entity, records, &context);
      aimsctl_write_csv (grid, out);
      break;
    case FORMAT_JSON:
      grid = aimsctl_grid_for_scripts (entity, records, &context);
      aimsctl_write_json (grid, out);
      break;
    case FORMAT_TABLE:
    default:
      grid = aimsctl_grid_for_people (entity, records, &context);
      aimsctl_write_table (grid, TABLE_MAX_WIDTH, TRUE, out);
      break;
    }
  return aimsctl_write_out (out);
}

/* ── --set FIELD=VALUE ─────────────────────────────────────────────────── */

/* Reads the --set options into field → text, checking only their form and
 * the field names, so that bad usage is told before any file is opened. */
static GHashTable *
parse_assignments (AimsctlInvocation *inv,
                   const AimsEntity  *entity,
                   int               *exit_status)
{
  g_autoptr(GHashTable) values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  char **set = inv->options->set;

  if (set == NULL || set[0] == NULL)
    {
      *exit_status = aimsctl_usage_error (inv->command, _("missing --set FIELD=VALUE"));
      return NULL;
    }

  for (guint i = 0; set[i] != NULL; i++)
    {
      const char *eq = strchr (set[i], '=');
      g_autofree char *name = NULL;

      if (eq == NULL || eq == set[i])
        {
          *exit_status = aimsctl_usage_error (inv->command,
                                              _("--set wants FIELD=VALUE, not “%s”"), set[i]);
          return NULL;
        }
      name = g_strndup (set[i], eq - set[i]);
      g_strstrip (name);
      /* A link may be named without its "_id": objective=OBJ-001. */
      if (aims_entity_find_field (entity, name) == NULL)
        {
          g_autofree char *with_id = g_strconcat (name, "_id", NULL);
          const AimsField *link = aims_entity_find_field (entity, with_id);

          if (link != NULL && aims_field_get_link_entity (link) != NULL)
            {
              g_free (name);
              name = g_steal_pointer (&with_id);
            }
        }
      if (aims_entity_find_field (entity, name) == NULL)
        {
          g_autoptr(GString) known = g_string_new (NULL);

          for (guint f = 0; f < entity->n_fields; f++)
            g_string_append_printf (known, "%s%s", f > 0 ? ", " : "", entity->fields[f].name);
          *exit_status = aimsctl_usage_error (inv->command,
                                              _("unknown field “%s” for %s; fields: %s"),
                                              name, entity->name, known->str);
          return NULL;
        }
      g_hash_table_replace (values, g_steal_pointer (&name), g_strdup (eq + 1));
    }
  return g_steal_pointer (&values);
}

/* Checks and normalises every value the way the store will, so that the
 * message can name the field as the user typed it; a person or an AI system
 * may be given by reference, id or name, a level by number or label. */
static gboolean
resolve_values (AimsDb            *db,
                const AimsEntity  *entity,
                GHashTable        *values,
                const char        *path,
                int               *exit_status)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, values);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const AimsField *field = aims_entity_find_field (entity, key);
      g_autoptr(GError) error = NULL;
      g_autofree char *normal = aims_store_normalize_value (db, field, value, &error);

      if (normal == NULL)
        {
          *exit_status = aimsctl_fail (path, "%s: %s", (const char *) key, error->message);
          return FALSE;
        }
      g_hash_table_iter_replace (&iter, g_steal_pointer (&normal));
    }
  return TRUE;
}

/* ── add ───────────────────────────────────────────────────────────────── */

int
aimsctl_cmd_add (AimsctlInvocation *inv)
{
  const char *path = inv->args[1];
  const AimsEntity *entity;
  g_autoptr(GHashTable) values = NULL;
  g_autoptr(AimsDb) db = NULL;
  g_autoptr(AimsRecord) record = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if ((entity = aimsctl_entity (inv, inv->args[0], &status)) == NULL ||
      (values = parse_assignments (inv, entity, &status)) == NULL ||
      (db = aimsctl_open_for_writing (inv, path, &status)) == NULL ||
      !resolve_values (db, entity, values, path, &status))
    return status;

  record = aims_store_insert (db, entity, values, aimsctl_author (inv), &error);
  if (record == NULL)
    return aimsctl_fail_error (path, error);

  g_print ("%s\n", aims_record_get_reference (record));
  return AIMSCTL_EXIT_OK;
}

/* ── update ────────────────────────────────────────────────────────────── */

/* The one line of a conflict: what the row is at now, and who made it so. */
static int
report_conflict (AimsDb           *db,
                 const AimsEntity *entity,
                 AimsRecord       *read,
                 gint64            expected,
                 const char       *path)
{
  g_autoptr(AimsRecord) now = aims_store_load (db, entity, aims_record_get_id (read), NULL);
  AimsRecord *shown = now != NULL ? now : read;

  g_printerr (_("aimsctl: %s: %s changed since version %lld; it is now at version %lld "
                "(by %s at %s); nothing was written\n"),
              path, aims_record_get_reference (shown), (long long) expected,
              (long long) aims_record_get_row_version (shown),
              aims_record_get_updated_by (shown), aims_record_get_updated_at (shown));
  return AIMSCTL_EXIT_CONFLICT;
}

int
aimsctl_cmd_update (AimsctlInvocation *inv)
{
  const char *path = inv->args[1];
  const char *id = inv->args[2];
  gint64 expected = -1;
  const AimsEntity *entity;
  g_autoptr(GHashTable) values = NULL;
  g_autoptr(AimsDb) db = NULL;
  g_autoptr(AimsRecord) current = NULL;
  g_autoptr(AimsRecord) updated = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (inv->options->expect_version != AIMSCTL_NOT_GIVEN)
    {
      if (inv->options->expect_version < 1)
        return aimsctl_usage_error (inv->command,
                                    _("--expect-version wants a row version: 1 or more"));
      expected = inv->options->expect_version;
    }

  if ((entity = aimsctl_entity (inv, inv->args[0], &status)) == NULL ||
      (values = parse_assignments (inv, entity, &status)) == NULL ||
      (db = aimsctl_open_for_writing (inv, path, &status)) == NULL ||
      !resolve_values (db, entity, values, path, &status))
    return status;

  if ((current = aims_store_find (db, entity, id, &error)) == NULL)
    return aimsctl_fail_error (path, error);

  updated = aims_store_update (db, entity, aims_record_get_id (current), expected,
                               values, aimsctl_author (inv), &error);
  if (g_error_matches (error, AIMS_DB_ERROR, AIMS_DB_ERROR_CONFLICT))
    return report_conflict (db, entity, current, expected, path);
  if (updated == NULL)
    return aimsctl_fail_error (path, error);

  /* For scripts: the reference and the version to expect next time. */
  g_print ("%s row_version=%" G_GINT64_FORMAT "\n",
           aims_record_get_reference (updated), aims_record_get_row_version (updated));
  return AIMSCTL_EXIT_OK;
}

/* ── For other commands that take --set ────────────────────────────────── */

GHashTable *
aimsctl_parse_assignments (AimsctlInvocation *inv,
                           const AimsEntity  *entity,
                           int               *exit_status)
{
  return parse_assignments (inv, entity, exit_status);
}

gboolean
aimsctl_resolve_values (AimsDb           *db,
                        const AimsEntity *entity,
                        GHashTable       *values,
                        const char       *path,
                        int              *exit_status)
{
  return resolve_values (db, entity, values, path, exit_status);
}
