/* aims-review-demo.c — the demo organisation's management reviews
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "aims-demo.h"
#include "aims-review-demo.h"
#include "aims-review-record.h"
#include "aims-nc.h"
#include "aims-store.h"

#define REVIEW_RESOURCE "/io/github/aimsdesk/AimsDesk/demo/demo-review.ini"

/* Splits a group's values into what is written now and the "later." ones. */
static GHashTable *
take_later (GHashTable *values)
{
  GHashTable *later = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, values);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (g_str_has_prefix (key, "later."))
      {
        g_hash_table_insert (later, g_strdup ((char *) key + 6), g_strdup (value));
        g_hash_table_iter_remove (&iter);
      }
  return later;
}

static gboolean
set_attendees (AimsDb      *db,
               AimsRecord  *review,
               const char  *names,
               const char  *author,
               GError     **error)
{
  g_auto(GStrv) list = g_strsplit (names, ";", -1);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; list[i] != NULL; i++)
    {
      g_autofree char *id = aims_store_resolve_person (db, g_strstrip (list[i]), error);
      gint64 value;

      if (id == NULL)
        return FALSE;
      value = g_ascii_strtoll (id, NULL, 10);
      g_array_append_val (ids, value);
    }
  return aims_review_attendees_set (db, aims_record_get_id (review), (gint64 *) ids->data, ids->len,
                                    author, error);
}

/* The actions of [review.N], made now; their later changes go to pending
 * (action id → changes), written once the review is closed. */
static gboolean
add_actions (AimsDb      *db,
             GKeyFile    *keyfile,
             const char  *group,
             AimsRecord  *review,
             GPtrArray   *pending,
             const char  *author,
             GError     **error)
{
  g_auto(GStrv) groups = g_key_file_get_groups (keyfile, NULL);
  g_autofree char *prefix = g_strconcat (group, ".action.", NULL);

  for (guint i = 0; groups[i] != NULL; i++)
    {
      g_autoptr(GHashTable) values = NULL;
      g_autoptr(AimsRecord) action = NULL;
      GHashTable *later;

      if (!g_str_has_prefix (groups[i], prefix))
        continue;
      if ((values = aims_demo_group_values (keyfile, groups[i], error)) == NULL)
        return FALSE;
      later = take_later (values);
      g_hash_table_insert (values, g_strdup ("review_id"),
                           g_strdup_printf ("%" G_GINT64_FORMAT, aims_record_get_id (review)));
      if ((action = aims_store_insert (db, aims_entity_actions (), values, author, error)) == NULL)
        {
          g_hash_table_unref (later);
          g_prefix_error (error, "demo [%s]: ", groups[i]);
          return FALSE;
        }
      g_object_set_data_full (G_OBJECT (action), "later", later, (GDestroyNotify) g_hash_table_unref);
      g_ptr_array_add (pending, g_steal_pointer (&action));
    }
  return TRUE;
}

static gboolean
add_review (AimsDb      *db,
            GKeyFile    *keyfile,
            const char  *group,
            GPtrArray   *pending,
            const char  *author,
            GError     **error)
{
  g_autoptr(GHashTable) values = aims_demo_group_values (keyfile, group, error);
  g_autoptr(AimsRecord) review = NULL;
  g_autoptr(AimsRecord) closed = NULL;
  g_autofree char *people = NULL;
  gboolean close;

  if (values == NULL)
    return FALSE;
  people = g_strdup (g_hash_table_lookup (values, "attendee_people"));
  close = g_strcmp0 (g_hash_table_lookup (values, "close"), "true") == 0;
  g_hash_table_remove (values, "attendee_people");
  g_hash_table_remove (values, "close");

  if ((review = aims_store_insert (db, aims_entity_reviews (), values, author, error)) == NULL ||
      (people != NULL && !set_attendees (db, review, people, author, error)) ||
      !add_actions (db, keyfile, group, review, pending, author, error))
    {
      g_prefix_error (error, "demo [%s]: ", group);
      return FALSE;
    }
  if (close && (closed = aims_review_close (db, aims_record_get_id (review), -1, author, error)) == NULL)
    return FALSE;
  return TRUE;
}

gboolean
aims_review_demo_populate (AimsDb      *db,
                           const char  *author,
                           GError     **error)
{
  g_autoptr(GKeyFile) keyfile = NULL;
  g_autoptr(GPtrArray) pending = g_ptr_array_new_with_free_func (g_object_unref);
  g_auto(GStrv) groups = NULL;

  g_return_val_if_fail (AIMS_IS_DB (db), FALSE);

  if ((keyfile = aims_demo_load_file (REVIEW_RESOURCE, error)) == NULL)
    return FALSE;
  groups = g_key_file_get_groups (keyfile, NULL);
  for (guint i = 0; groups[i] != NULL; i++)
    if (g_str_has_prefix (groups[i], "review.") && strchr (groups[i] + 7, '.') == NULL &&
        !add_review (db, keyfile, groups[i], pending, author, error))
      return FALSE;

  /* What happened after the review: its actions tracked, records made. */
  for (guint i = 0; i < pending->len; i++)
    {
      AimsRecord *action = g_ptr_array_index (pending, i);
      GHashTable *later = g_object_get_data (G_OBJECT (action), "later");
      g_autoptr(AimsRecord) updated = NULL;

      if (g_hash_table_size (later) > 0 &&
          (updated = aims_store_update (db, aims_entity_actions (), aims_record_get_id (action), -1,
                                        later, author, error)) == NULL)
        return FALSE;
    }
  return aims_demo_insert_records (db, keyfile, "after.system.", aims_entity_systems (), error) &&
         aims_demo_insert_records (db, keyfile, "after.risk.", aims_entity_risks (), error);
}
