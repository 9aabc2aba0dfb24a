/* aims-nc-demo.c — the demo organisation's nonconformities
 *
 * data/demo/demo-nonconformities.ini, written through the same guarded
 * and audited functions as a user's work:
 *   [nc.N]            a nonconformity as it was reported, and steps= the
 *                     workflow's steps it has been through, in order;
 *   [nc.N.STEP]       the fields recorded with a step ([nc.N.STEP.2] with
 *                     its second occurrence, after a reopening);
 *   [action.N.K]      a corrective action of nc.N as it stands now; round=R
 *                     (1 when not given) says at which "actions_planned" it
 *                     was added. It is added open, before that step, and
 *                     brought to its status, completion date and evidence
 *                     before the R-th "actions_implemented" (or at the end).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "aims-demo.h"
#include "aims-nc.h"
#include "aims-nc-demo.h"
#include "aims-store.h"

#define DEMO_NC_RESOURCE "/io/github/aimsdesk/AimsDesk/demo/demo-nonconformities.ini"

/* How far an action got: written when it gets there, not when it is added. */
static const char *const progress_keys[] = { "status", "completed_date", "evidence", NULL };

typedef struct
{
  AimsDb     *db;
  GKeyFile   *keyfile;
  const char *author;
  gint64      id;       /* the nonconformity */
  GPtrArray  *groups;   /* its [action.N.K] */
  GArray     *ids;      /* gint64 for each of groups: 0 until added */
  GArray     *settled;  /* gboolean for each: brought to how far it got */
} DemoNc;

static guint
action_round (DemoNc *demo,
              guint   i)
{
  gint64 round = g_key_file_get_int64 (demo->keyfile, g_ptr_array_index (demo->groups, i), "round", NULL);

  return round > 0 ? (guint) round : 1;
}

/* Adds the actions of round (0: every one not added yet), open. */
static gboolean
add_actions (DemoNc  *demo,
             guint    round,
             GError **error)
{
  for (guint i = 0; i < demo->groups->len; i++)
    {
      const char *group = g_ptr_array_index (demo->groups, i);
      g_autoptr(GHashTable) values = NULL;
      g_autoptr(AimsRecord) action = NULL;

      if (g_array_index (demo->ids, gint64, i) != 0 || (round != 0 && action_round (demo, i) != round))
        continue;
      if ((values = aims_demo_group_values (demo->keyfile, group, error)) == NULL)
        return FALSE;
      g_hash_table_remove (values, "round");
      for (guint k = 0; progress_keys[k] != NULL; k++)
        g_hash_table_remove (values, progress_keys[k]);
      g_hash_table_insert (values, g_strdup ("nonconformity_id"), g_strdup_printf ("%" G_GINT64_FORMAT, demo->id));
      if ((action = aims_store_insert (demo->db, aims_entity_actions (), values, demo->author, error)) == NULL)
        {
          g_prefix_error (error, "[%s]: ", group);
          return FALSE;
        }
      g_array_index (demo->ids, gint64, i) = aims_record_get_id (action);
    }
  return TRUE;
}

/* Brings the added actions of round (0: all) to how far they got. */
static gboolean
settle_actions (DemoNc  *demo,
                guint    round,
                GError **error)
{
  for (guint i = 0; i < demo->groups->len; i++)
    {
      const char *group = g_ptr_array_index (demo->groups, i);
      g_autoptr(GHashTable) changes = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
      g_autoptr(AimsRecord) action = NULL;

      if (g_array_index (demo->ids, gint64, i) == 0 || g_array_index (demo->settled, gboolean, i) ||
          (round != 0 && action_round (demo, i) != round))
        continue;
      g_array_index (demo->settled, gboolean, i) = TRUE;
      for (guint k = 0; progress_keys[k] != NULL; k++)
        {
          g_autofree char *value = g_key_file_get_string (demo->keyfile, group, progress_keys[k], NULL);

          if (value != NULL)
            g_hash_table_insert (changes, (gpointer) progress_keys[k], aims_demo_resolve_date (value));
        }
      if (g_hash_table_size (changes) == 0)
        continue;
      action = aims_store_update (demo->db, aims_entity_actions (), g_array_index (demo->ids, gint64, i),
                                  -1, changes, demo->author, error);
      if (action == NULL)
        {
          g_prefix_error (error, "[%s]: ", group);
          return FALSE;
        }
    }
  return TRUE;
}

/* One step of [group], with the fields of its own group when there is one. */
static gboolean
take_step (DemoNc      *demo,
           const char  *group,
           const char  *step,
           guint        occurrence,
           GError     **error)
{
  g_autofree char *step_group = occurrence == 1 ? g_strdup_printf ("%s.%s", group, step)
                                                : g_strdup_printf ("%s.%s.%u", group, step, occurrence);
  g_autoptr(GHashTable) changes = NULL;
  g_autoptr(AimsRecord) nc = NULL;
  AimsNcState target;

  if (!aims_nc_state_from_text (step, &target))
    {
      g_set_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_INVALID_VALUE,
                   "[%s]: “%s” is not a state of the workflow", group, step);
      return FALSE;
    }
  if (g_key_file_has_group (demo->keyfile, step_group) &&
      (changes = aims_demo_group_values (demo->keyfile, step_group, error)) == NULL)
    return FALSE;
  if ((nc = aims_nc_transition (demo->db, demo->id, -1, target, changes, demo->author, error)) == NULL)
    {
      g_prefix_error (error, "[%s] step %s: ", group, step);
      return FALSE;
    }
  return TRUE;
}

static gboolean
populate_one (AimsDb      *db,
              GKeyFile    *keyfile,
              char       **groups,
              const char  *group,
              const char  *author,
              GError     **error)
{
  g_autoptr(GHashTable) values = NULL;
  g_autoptr(AimsRecord) nc = NULL;
  g_autoptr(GHashTable) occurrences = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) action_groups = g_ptr_array_new ();
  g_autoptr(GArray) ids = g_array_new (FALSE, TRUE, sizeof (gint64));
  g_autoptr(GArray) settled = g_array_new (FALSE, TRUE, sizeof (gboolean));
  g_autofree char *action_prefix = g_strdup_printf ("action.%s.", group + strlen ("nc."));
  g_auto(GStrv) steps = g_key_file_get_string_list (keyfile, group, "steps", NULL, NULL);
  DemoNc demo = { db, keyfile, author, 0, action_groups, ids, settled };
  guint planned = 0, implemented = 0;

  if ((values = aims_demo_group_values (keyfile, group, error)) == NULL)
    return FALSE;
  g_hash_table_remove (values, "steps");
  if ((nc = aims_store_insert (db, aims_entity_nonconformities (), values, author, error)) == NULL)
    {
      g_prefix_error (error, "[%s]: ", group);
      return FALSE;
    }
  demo.id = aims_record_get_id (nc);
  for (guint i = 0; groups[i] != NULL; i++)
    if (g_str_has_prefix (groups[i], action_prefix))
      g_ptr_array_add (action_groups, groups[i]);
  g_array_set_size (ids, action_groups->len);
  g_array_set_size (settled, action_groups->len);

  for (guint s = 0; steps != NULL && steps[s] != NULL; s++)
    {
      const char *step = g_strstrip (steps[s]);
      guint occurrence = GPOINTER_TO_UINT (g_hash_table_lookup (occurrences, step)) + 1;

      g_hash_table_insert (occurrences, (gpointer) step, GUINT_TO_POINTER (occurrence));
      if (g_str_equal (step, aims_nc_state_key (AIMS_NC_STATE_ACTIONS_PLANNED)) &&
          !add_actions (&demo, ++planned, error))
        return FALSE;
      if (g_str_equal (step, aims_nc_state_key (AIMS_NC_STATE_ACTIONS_IMPLEMENTED)) &&
          !settle_actions (&demo, ++implemented, error))
        return FALSE;
      if (!take_step (&demo, group, step, occurrence, error))
        return FALSE;
    }
  return add_actions (&demo, 0, error) && settle_actions (&demo, 0, error);
}

/* [nc.12], not [nc.12.correction_taken]. */
static gboolean
is_nc_group (const char *group)
{
  const char *number = group + strlen ("nc.");

  if (!g_str_has_prefix (group, "nc.") || *number == '\0')
    return FALSE;
  for (; *number != '\0'; number++)
    if (!g_ascii_isdigit (*number))
      return FALSE;
  return TRUE;
}

gboolean
aims_nc_demo_populate (AimsDb      *db,
                       const char  *author,
                       GError     **error)
{
  g_autoptr(GKeyFile) keyfile = NULL;
  g_auto(GStrv) groups = NULL;

  g_return_val_if_fail (AIMS_IS_DB (db), FALSE);

  if ((keyfile = aims_demo_load_file (DEMO_NC_RESOURCE, error)) == NULL)
    return FALSE;
  groups = g_key_file_get_groups (keyfile, NULL);
  for (guint i = 0; groups[i] != NULL; i++)
    if (is_nc_group (groups[i]) && !populate_one (db, keyfile, groups, groups[i], author, error))
      {
        g_prefix_error (error, "demo-nonconformities: ");
        return FALSE;
      }
  return TRUE;
}
