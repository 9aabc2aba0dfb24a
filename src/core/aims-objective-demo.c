/* aims-objective-demo.c — the demo organisation's AI objectives
 *
 * data/demo/demo-objectives.ini, written through the same audited functions
 * as a user's edits: each objective, its AI systems, then its measurements
 * from the oldest, so the audit log reads as if they had been entered over
 * the year.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>
#include <string.h>

#include "aims-core-resources.h"
#include "aims-date.h"
#include "aims-demo.h"
#include "aims-objective.h"
#include "aims-objective-demo.h"
#include "aims-store.h"

#define DEMO_OBJECTIVES_RESOURCE "/io/github/aimsdesk/AimsDesk/demo/demo-objectives.ini"

/* ai_systems=Name;Name → the objective's links. */
static gboolean
link_systems (AimsDb      *db,
              AimsRecord  *objective,
              const char  *names,
              const char  *author,
              GError     **error)
{
  g_auto(GStrv) list = g_strsplit (names, ";", -1);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; list[i] != NULL; i++)
    {
      g_autofree char *id = NULL;
      gint64 number;

      if (*g_strstrip (list[i]) == '\0')
        continue;
      if ((id = aims_store_resolve_link (db, aims_entity_systems (), list[i], error)) == NULL)
        return FALSE;
      number = g_ascii_strtoll (id, NULL, 10);
      g_array_append_val (ids, number);
    }
  return aims_objective_systems_set (db, aims_record_get_id (objective),
                                     (const gint64 *) ids->data, ids->len, author, error);
}

static AimsRecord *
insert_objective (AimsDb      *db,
                  GKeyFile    *keyfile,
                  const char  *group,
                  const char  *author,
                  GError     **error)
{
  g_autoptr(GHashTable) values = aims_demo_group_values (keyfile, group, error);
  g_autofree char *key = NULL;
  g_autofree char *systems = NULL;
  g_autoptr(AimsRecord) objective = NULL;

  if (values == NULL)
    return NULL;
  /* ai_systems= is no field: the objective's links, made once it exists. */
  g_hash_table_steal_extended (values, "ai_systems", (gpointer *) &key, (gpointer *) &systems);
  if ((objective = aims_store_insert (db, aims_entity_objectives (), values, author, error)) == NULL)
    return NULL;
  if (systems != NULL && !link_systems (db, objective, systems, author, error))
    return NULL;
  return g_steal_pointer (&objective);
}

/* The series of [measurements.N]: the last value on last=, each one before
 * it months= earlier. */
static gboolean
insert_measurements (AimsDb      *db,
                     GKeyFile    *keyfile,
                     const char  *group,
                     AimsRecord  *objective,
                     const char  *author,
                     GError     **error)
{
  g_autofree char *last_text = g_key_file_get_string (keyfile, group, "last", error);
  gint months = g_key_file_get_integer (keyfile, group, "months", NULL);
  g_auto(GStrv) values = g_key_file_get_string_list (keyfile, group, "values", NULL, error);
  g_autofree char *last_iso = NULL;
  g_autofree char *objective_id = NULL;
  g_autoptr(GDate) last = NULL;
  guint n;

  if (last_text == NULL || values == NULL)
    return FALSE;
  last_iso = aims_demo_resolve_date (last_text);
  if ((last = aims_date_parse (last_iso)) == NULL || months < 1)
    {
      g_set_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_INVALID_VALUE,
                   "[%s] needs last= a date and months= 1 or more", group);
      return FALSE;
    }
  objective_id = g_strdup_printf ("%" G_GINT64_FORMAT, aims_record_get_id (objective));
  n = g_strv_length (values);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GHashTable) fields = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
      g_autoptr(AimsRecord) measurement = NULL;
      g_autofree char *note_key = g_strdup_printf ("note.%u", i + 1);
      char *note = g_key_file_get_string (keyfile, group, note_key, NULL);
      GDate day = *last;

      g_date_subtract_months (&day, (n - 1 - i) * (guint) months);
      g_hash_table_insert (fields, "objective_id", g_strdup (objective_id));
      g_hash_table_insert (fields, "measured_on", aims_date_format_iso (&day));
      g_hash_table_insert (fields, "value", g_strdup (values[i]));
      if (note != NULL)
        g_hash_table_insert (fields, "note", note);
      if ((measurement = aims_store_insert (db, aims_entity_measurements (), fields, author, error)) == NULL)
        return FALSE;
    }
  return TRUE;
}

gboolean
aims_objective_demo_populate (AimsDb      *db,
                              const char  *author,
                              GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GKeyFile) keyfile = g_key_file_new ();
  g_auto(GStrv) groups = NULL;

  g_return_val_if_fail (AIMS_IS_DB (db), FALSE);

  bytes = g_resource_lookup_data (aims_core_get_resource (), DEMO_OBJECTIVES_RESOURCE,
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL || !g_key_file_load_from_bytes (keyfile, bytes, G_KEY_FILE_NONE, error))
    return FALSE;

  groups = g_key_file_get_groups (keyfile, NULL);
  for (guint i = 0; groups[i] != NULL; i++)
    {
      g_autoptr(AimsRecord) objective = NULL;
      g_autofree char *series = NULL;

      if (!g_str_has_prefix (groups[i], "objective."))
        continue;
      series = g_strconcat ("measurements.", groups[i] + strlen ("objective."), NULL);
      if ((objective = insert_objective (db, keyfile, groups[i], author, error)) == NULL ||
          (g_key_file_has_group (keyfile, series) &&
           !insert_measurements (db, keyfile, series, objective, author, error)))
        {
          g_prefix_error (error, "demo-objectives [%s]: ", groups[i]);
          return FALSE;
        }
    }
  return TRUE;
}
