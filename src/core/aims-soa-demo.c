/* aims-soa-demo.c — the demo organisation's Statement of Applicability
 *
 * data/demo/demo-controls.ini, written through the same audited functions as
 * a user's edits: the controls' decisions first (a risk may only rely on a
 * control that is not excluded), then the links, then the clause checklist.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "aims-core-resources.h"
#include "aims-demo.h"
#include "aims-risk-controls.h"
#include "aims-soa.h"
#include "aims-soa-demo.h"
#include "aims-store.h"

#define DEMO_CONTROLS_RESOURCE "/io/github/aimsdesk/AimsDesk/demo/demo-controls.ini"

/* [control.A.2.2] → the SoA entry of A.2.2; [clause.4.1] → requirement 4.1. */
static gboolean
update_record (AimsDb            *db,
               const AimsEntity  *entity,
               const char        *reference,
               GHashTable        *values,
               const char        *author,
               GError           **error)
{
  g_autoptr(AimsRecord) record = aims_store_find (db, entity, reference, error);
  g_autoptr(AimsRecord) updated = NULL;

  if (record == NULL)
    return FALSE;
  if (entity == aims_entity_controls ())
    updated = aims_soa_update (db, aims_record_get_id (record), -1, values, FALSE, author, error);
  else
    updated = aims_store_update (db, entity, aims_record_get_id (record), -1, values, author, error);
  return updated != NULL;
}

static gboolean
link_risk (AimsDb      *db,
           GHashTable  *values,
           const char  *author,
           GError     **error)
{
  g_autofree char *risk_id = NULL;
  g_auto(GStrv) references = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  const char *risk = g_hash_table_lookup (values, "risk");
  const char *controls = g_hash_table_lookup (values, "controls");

  if (risk == NULL || controls == NULL)
    {
      g_set_error_literal (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_KEY_NOT_FOUND,
                           "a link needs risk= and controls=");
      return FALSE;
    }
  if ((risk_id = aims_store_resolve_link (db, aims_entity_risks (), risk, error)) == NULL)
    return FALSE;
  references = g_strsplit (controls, ";", -1);
  for (guint i = 0; references[i] != NULL; i++)
    {
      g_autoptr(AimsRecord) control = aims_store_find (db, aims_entity_controls (), references[i], error);
      gint64 id;

      if (control == NULL)
        return FALSE;
      id = aims_record_get_id (control);
      g_array_append_val (ids, id);
    }
  return aims_risk_controls_set (db, g_ascii_strtoll (risk_id, NULL, 10),
                                 (const gint64 *) ids->data, ids->len, author, error);
}

/* Every group whose name starts with prefix, in the order of the file. */
static gboolean
load_groups (AimsDb      *db,
             GKeyFile    *keyfile,
             const char  *prefix,
             const char  *author,
             GError     **error)
{
  g_auto(GStrv) groups = g_key_file_get_groups (keyfile, NULL);

  for (guint i = 0; groups[i] != NULL; i++)
    {
      g_autoptr(GHashTable) values = NULL;
      const char *reference = groups[i] + strlen (prefix);
      gboolean done;

      if (!g_str_has_prefix (groups[i], prefix))
        continue;
      if ((values = aims_demo_group_values (keyfile, groups[i], error)) == NULL)
        return FALSE;
      if (g_str_equal (prefix, "link."))
        done = link_risk (db, values, author, error);
      else
        done = update_record (db, g_str_equal (prefix, "control.") ? aims_entity_controls () : aims_entity_clauses (),
                              reference, values, author, error);
      if (!done)
        {
          g_prefix_error (error, "demo-controls [%s]: ", groups[i]);
          return FALSE;
        }
    }
  return TRUE;
}

gboolean
aims_soa_demo_populate (AimsDb      *db,
                        const char  *author,
                        GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GKeyFile) keyfile = g_key_file_new ();

  g_return_val_if_fail (AIMS_IS_DB (db), FALSE);

  bytes = g_resource_lookup_data (aims_core_get_resource (), DEMO_CONTROLS_RESOURCE,
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL || !g_key_file_load_from_bytes (keyfile, bytes, G_KEY_FILE_NONE, error))
    return FALSE;

  return load_groups (db, keyfile, "control.", author, error) &&
         load_groups (db, keyfile, "link.", author, error) &&
         load_groups (db, keyfile, "clause.", author, error);
}
