/* aims-demo.c — the demo organisation
 *
 * The demo is data (data/demo/demo-organisation.ini, bundled as a resource)
 * written through the same audited store functions as a user's edits. Dates
 * may be written "today+N" / "today-N" so that the demo always has reviews
 * both due and overdue, whenever it is made.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>
#include <stdlib.h>

#include "aims-core-resources.h"
#include "aims-date.h"
#include "aims-demo.h"
#include "aims-demo-assessments.h"
#include "aims-nc-demo.h"
#include "aims-objective-demo.h"
#include "aims-review-demo.h"
#include "aims-soa-demo.h"
#include "aims-statement.h"
#include "aims-store.h"

#define DEMO_RESOURCE "/io/github/aimsdesk/AimsDesk/demo/demo-organisation.ini"
#define DEMO_AUTHOR "AIMS Desk demo"

char *
aims_demo_resolve_date (const char *value)
{
  g_autoptr(GDate) date = NULL;
  gint64 days;

  if (!g_str_has_prefix (value, "today"))
    return g_strdup (value);
  days = g_ascii_strtoll (value + 5, NULL, 10);
  date = aims_date_today ();
  if (days >= 0)
    g_date_add_days (date, (guint) days);
  else
    g_date_subtract_days (date, (guint) -days);
  return aims_date_format_iso (date);
}

GKeyFile *
aims_demo_load_file (const char  *resource,
                     GError     **error)
{
  g_autoptr(GBytes) bytes = g_resource_lookup_data (aims_core_get_resource (), resource,
                                                    G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  g_autoptr(GKeyFile) keyfile = g_key_file_new ();

  if (bytes == NULL || !g_key_file_load_from_bytes (keyfile, bytes, G_KEY_FILE_NONE, error))
    return NULL;
  return g_steal_pointer (&keyfile);
}

GHashTable *
aims_demo_group_values (GKeyFile    *keyfile,
                        const char  *group,
                        GError     **error)
{
  g_autoptr(GHashTable) values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_auto(GStrv) keys = g_key_file_get_keys (keyfile, group, NULL, error);

  if (keys == NULL)
    return NULL;
  for (guint k = 0; keys[k] != NULL; k++)
    {
      g_autofree char *value = g_key_file_get_string (keyfile, group, keys[k], error);

      if (value == NULL)
        return NULL;
      g_hash_table_insert (values, g_strdup (keys[k]), aims_demo_resolve_date (value));
    }
  return g_steal_pointer (&values);
}

static gboolean
insert_groups (AimsDb            *db,
               GKeyFile          *keyfile,
               const char        *prefix,
               const AimsEntity  *entity,
               GError           **error)
{
  g_auto(GStrv) groups = g_key_file_get_groups (keyfile, NULL);

  for (guint i = 0; groups[i] != NULL; i++)
    {
      g_autoptr(GHashTable) values = NULL;
      g_autoptr(AimsRecord) record = NULL;

      if (!g_str_has_prefix (groups[i], prefix))
        continue;
      if ((values = aims_demo_group_values (keyfile, groups[i], error)) == NULL)
        return FALSE;

      record = aims_store_insert (db, entity, values, DEMO_AUTHOR, error);
      if (record == NULL)
        {
          g_prefix_error (error, "demo [%s]: ", groups[i]);
          return FALSE;
        }
    }
  return TRUE;
}

gboolean
aims_demo_insert_records (AimsDb            *db,
                          GKeyFile          *keyfile,
                          const char        *prefix,
                          const AimsEntity  *entity,
                          GError           **error)
{
  return insert_groups (db, keyfile, prefix, entity, error);
}

gboolean
aims_demo_populate (AimsDb  *db,
                    GError **error)
{
  g_autoptr(GKeyFile) keyfile = NULL;
  g_autofree char *organisation = NULL;
  g_autoptr(AimsStatement) stmt = NULL;

  g_return_val_if_fail (AIMS_IS_DB (db), FALSE);

  if ((keyfile = aims_demo_load_file (DEMO_RESOURCE, error)) == NULL)
    return FALSE;

  organisation = g_key_file_get_string (keyfile, "organisation", "name", error);
  if (organisation == NULL)
    return FALSE;
  stmt = aims_db_prepare (db, "INSERT OR REPLACE INTO setting (key, value) VALUES ('organisation', ?)", error);
  if (stmt == NULL)
    return FALSE;
  aims_statement_bind_text (stmt, 1, organisation);
  if (!aims_statement_run (stmt, error))
    return FALSE;

  /* People first: the systems name their owners; the risks name both. */
  return insert_groups (db, keyfile, "person.", aims_entity_people (), error) &&
         insert_groups (db, keyfile, "system.", aims_entity_systems (), error) &&
         insert_groups (db, keyfile, "risk.", aims_entity_risks (), error) &&
         aims_soa_demo_populate (db, DEMO_AUTHOR, error) &&
         aims_objective_demo_populate (db, DEMO_AUTHOR, error) &&
         aims_nc_demo_populate (db, DEMO_AUTHOR, error) &&
         aims_demo_assessments_populate (db, error) &&
         /* Last: the review's inputs are frozen from everything above. */
         aims_review_demo_populate (db, DEMO_AUTHOR, error);
}
