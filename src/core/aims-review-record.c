/* aims-review-record.c — closing a management review with its frozen
 * inputs, its attendees, its actions, and the rules that keep a closed one
 * as it was
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "aims-audit.h"
#include "aims-date.h"
#include "aims-json.h"
#include "aims-nc.h"
#include "aims-review-record.h"
#include "aims-statement.h"
#include "aims-store.h"
#include "aims-store-private.h"

gboolean
aims_review_is_closed (AimsRecord *review)
{
  g_return_val_if_fail (AIMS_IS_RECORD (review), FALSE);

  return g_strcmp0 (aims_record_get (review, "status"), AIMS_REVIEW_STATUS_CLOSED) == 0;
}

static void
set_frozen_error (AimsRecord  *review,
                  GError     **error)
{
  g_set_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_INVALID,
               /* Translators: "MR-001 is closed: its record and inputs are frozen" */
               _("%s is closed: its record and inputs are frozen"), aims_record_get_reference (review));
}

/* ── Closing ───────────────────────────────────────────────────────────── */

static AimsRecord *
close_in_transaction (AimsDb      *db,
                      gint64       id,
                      gint64       expected_version,
                      const char  *author,
                      GError     **error)
{
  const AimsEntity *entity = aims_entity_reviews ();
  g_autoptr(AimsRecord) before = NULL;
  g_autoptr(GDate) held_on = NULL;
  g_autoptr(GDate) today = aims_date_today ();
  g_autoptr(AimsReviewInputs) inputs = NULL;
  g_autoptr(GHashTable) normalized = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

  if ((before = aims_store_load (db, entity, id, error)) == NULL)
    return NULL;
  if (expected_version >= 0 && aims_record_get_row_version (before) != expected_version)
    {
      aims_store_set_conflict_error (before, expected_version, error);
      return NULL;
    }
  if (aims_review_is_closed (before))
    {
      set_frozen_error (before, error);
      return NULL;
    }
  held_on = aims_date_parse (aims_record_get (before, "held_on"));
  if (held_on == NULL || g_date_compare (held_on, today) > 0)
    {
      g_set_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_INVALID,
                   /* Translators: "MR-002 is held on 2027-01-10: it can be closed from that day on" */
                   _("%s is held on %s: it can be closed from that day on"),
                   aims_record_get_reference (before), aims_record_get (before, "held_on"));
      return NULL;
    }
  if ((inputs = aims_review_inputs_compile (db, held_on, error)) == NULL)
    return NULL;

  g_hash_table_insert (normalized, "status", g_strdup (AIMS_REVIEW_STATUS_CLOSED));
  g_hash_table_insert (normalized, "inputs", aims_review_inputs_to_json (inputs));
  g_hash_table_insert (normalized, "closed_at", aims_timestamp_now ());
  g_hash_table_insert (normalized, "closed_by", g_strdup (author));
  return aims_store_update_in_transaction (db, entity, id, aims_record_get_row_version (before),
                                           normalized, author, "close", TRUE, error);
}

AimsRecord *
aims_review_close (AimsDb      *db,
                   gint64       id,
                   gint64       expected_version,
                   const char  *author,
                   GError     **error)
{
  g_autoptr(AimsRecord) record = NULL;

  g_return_val_if_fail (AIMS_IS_DB (db), NULL);

  if (!aims_db_begin_write (db, error))
    return NULL;
  record = close_in_transaction (db, id, expected_version, author != NULL ? author : aims_default_author (), error);
  if (!aims_db_end_write (db, record != NULL, error))
    return NULL;
  return g_steal_pointer (&record);
}

AimsReviewInputs *
aims_review_get_inputs (AimsRecord  *review,
                        GError     **error)
{
  const char *json;

  g_return_val_if_fail (AIMS_IS_RECORD (review), NULL);

  if (!aims_review_is_closed (review) || (json = aims_record_get (review, "inputs")) == NULL)
    return NULL;
  return aims_review_inputs_from_json (json, error);
}

/* ── Finding and listing ───────────────────────────────────────────────── */

AimsRecord *
aims_review_find_last_closed (AimsDb      *db,
                              const char  *date,
                              gboolean     on_or_before,
                              gint64       except_id,
                              GError     **error)
{
  g_autoptr(AimsStatement) stmt = NULL;
  AimsStep step;
  gint64 id;

  g_return_val_if_fail (AIMS_IS_DB (db), NULL);
  g_return_val_if_fail (date != NULL, NULL);

  stmt = aims_db_prepare (db, on_or_before
                              ? "SELECT id FROM management_review WHERE status = 'closed' AND held_on <= ?"
                                " AND id IS NOT ? ORDER BY held_on DESC, id DESC LIMIT 1"
                              : "SELECT id FROM management_review WHERE status = 'closed' AND held_on < ?"
                                " AND id IS NOT ? ORDER BY held_on DESC, id DESC LIMIT 1",
                          error);
  if (stmt == NULL)
    return NULL;
  aims_statement_bind_text (stmt, 1, date);
  aims_statement_bind_int64 (stmt, 2, except_id);
  if ((step = aims_statement_step (stmt, error)) != AIMS_STEP_ROW)
    return NULL;
  id = aims_statement_column_int64 (stmt, 0);
  return aims_store_load (db, aims_entity_reviews (), id, error);
}

static int
compare_latest_first (gconstpointer a,
                      gconstpointer b)
{
  AimsRecord *x = *(AimsRecord **) a;
  AimsRecord *y = *(AimsRecord **) b;
  int order = g_strcmp0 (aims_record_get (y, "held_on"), aims_record_get (x, "held_on"));

  return order != 0 ? order : (aims_record_get_id (y) > aims_record_get_id (x)) - (aims_record_get_id (y) < aims_record_get_id (x));
}

GPtrArray *
aims_review_list (AimsDb  *db,
                  GError **error)
{
  GPtrArray *reviews;

  g_return_val_if_fail (AIMS_IS_DB (db), NULL);

  if ((reviews = aims_store_list (db, aims_entity_reviews (), error)) != NULL)
    g_ptr_array_sort (reviews, compare_latest_first);
  return reviews;
}

GPtrArray *
aims_review_list_actions (AimsDb  *db,
                          gint64   id,
                          GError **error)
{
  g_return_val_if_fail (AIMS_IS_DB (db), NULL);

  return aims_store_list_linked (db, aims_entity_actions (), "review_id", id, error);
}

/* ── Attendees ─────────────────────────────────────────────────────────── */

static GArray *
read_attendees (AimsDb   *db,
                gint64    id,
                GString  *names,
                GError  **error)
{
  g_autoptr(AimsStatement) stmt = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  AimsStep step;

  stmt = aims_db_prepare (db, "SELECT p.id, p.name FROM management_review_attendee a"
                              " JOIN person p ON p.id = a.person_id WHERE a.review_id = ? ORDER BY p.id",
                          error);
  if (stmt == NULL)
    return NULL;
  aims_statement_bind_int64 (stmt, 1, id);
  while ((step = aims_statement_step (stmt, error)) == AIMS_STEP_ROW)
    {
      gint64 person = aims_statement_column_int64 (stmt, 0);

      g_array_append_val (ids, person);
      if (names != NULL)
        g_string_append_printf (names, "%s%s", names->len > 0 ? "; " : "", aims_statement_column_text (stmt, 1));
    }
  if (step == AIMS_STEP_ERROR)
    return NULL;
  return g_steal_pointer (&ids);
}

GArray *
aims_review_attendees_get (AimsDb  *db,
                           gint64   id,
                           GError **error)
{
  g_autoptr(AimsRecord) review = NULL;

  g_return_val_if_fail (AIMS_IS_DB (db), NULL);

  if ((review = aims_store_load (db, aims_entity_reviews (), id, error)) == NULL)
    return NULL;
  return read_attendees (db, id, NULL, error);
}

static char *
attendees_json (AimsRecord *review,
                const char *names)
{
  GString *json = g_string_new ("{\"reference\":");

  aims_json_append_string (json, aims_record_get_reference (review));
  g_string_append (json, ",\"title\":");
  aims_json_append_string (json, aims_record_get_title (review));
  g_string_append (json, ",\"attendees\":");
  aims_json_append_string (json, names);
  g_string_append_c (json, '}');
  return g_string_free (json, FALSE);
}

static gboolean
set_attendees_in_transaction (AimsDb        *db,
                              gint64         id,
                              const gint64  *person_ids,
                              guint          n_person_ids,
                              const char    *author,
                              GError       **error)
{
  g_autoptr(AimsRecord) review = NULL;
  g_autoptr(GString) before_names = g_string_new (NULL);
  g_autoptr(GString) after_names = g_string_new (NULL);
  g_autoptr(GArray) before = NULL;
  g_autoptr(GArray) after = NULL;
  g_autofree char *before_json = NULL;
  g_autofree char *after_json = NULL;

  if ((review = aims_store_load (db, aims_entity_reviews (), id, error)) == NULL ||
      (before = read_attendees (db, id, before_names, error)) == NULL)
    return FALSE;
  if (aims_review_is_closed (review))
    {
      set_frozen_error (review, error);
      return FALSE;
    }
  for (guint i = 0; i < n_person_ids; i++)
    {
      g_autoptr(AimsRecord) person = aims_store_load (db, aims_entity_people (), person_ids[i], NULL);

      if (person == NULL)
        {
          g_set_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_INVALID,
                       _("There is no person with id %lld"), (long long) person_ids[i]);
          return FALSE;
        }
    }

  if (!aims_db_run_with_ids (db, "DELETE FROM management_review_attendee WHERE review_id = ?", id, 0, error))
    return FALSE;
  for (guint i = 0; i < n_person_ids; i++)
    if (!aims_db_run_with_ids (db, "INSERT OR IGNORE INTO management_review_attendee (review_id, person_id) VALUES (?, ?)",
                               id, person_ids[i], error))
      return FALSE;
  if ((after = read_attendees (db, id, after_names, error)) == NULL)
    return FALSE;
  if (g_str_equal (before_names->str, after_names->str) && before->len == after->len)
    return TRUE;
  before_json = attendees_json (review, before_names->str);
  after_json = attendees_json (review, after_names->str);
  return aims_audit_append (db, author, aims_entity_reviews ()->table, id, "attendees",
                            before_json, after_json, error);
}

gboolean
aims_review_attendees_set (AimsDb        *db,
                           gint64         id,
                           const gint64  *person_ids,
                           guint          n_person_ids,
                           const char    *author,
                           GError       **error)
{
  gboolean done;

  g_return_val_if_fail (AIMS_IS_DB (db), FALSE);
  g_return_val_if_fail (person_ids != NULL || n_person_ids == 0, FALSE);

  if (!aims_db_begin_write (db, error))
    return FALSE;
  done = set_attendees_in_transaction (db, id, person_ids, n_person_ids,
                                       author != NULL ? author : aims_default_author (), error);
  return aims_db_end_write (db, done, error);
}

/* ── Rules for the store ───────────────────────────────────────────────── */

gboolean
aims_review_check_rules (AimsDb      *db,
                         AimsRecord  *before,
                         GHashTable  *changes,
                         GError     **error)
{
  g_return_val_if_fail (AIMS_IS_DB (db), FALSE);

  if (before != NULL && aims_review_is_closed (before))
    {
      set_frozen_error (before, error);
      return FALSE;
    }
  return TRUE;
}

static const char *
action_label (const char *field)
{
  return _(aims_entity_find_field (aims_entity_actions (), field)->label);
}

gboolean
aims_review_check_action (AimsDb      *db,
                          AimsRecord  *before,
                          AimsRecord  *after,
                          GHashTable  *changes,
                          GError     **error)
{
  const char *review_id = aims_record_get (after, "review_id");
  g_autoptr(AimsRecord) review = NULL;
  const char *due = aims_record_get (after, "due_date");
  gboolean joins, reworded;

  g_return_val_if_fail (AIMS_IS_DB (db), FALSE);
  g_return_val_if_fail (review_id != NULL, FALSE);

  if ((review = aims_store_load (db, aims_entity_reviews (), g_ascii_strtoll (review_id, NULL, 10), error)) == NULL)
    return FALSE;
  joins = before == NULL || g_strcmp0 (aims_record_get (before, "review_id"), review_id) != 0;
  reworded = g_hash_table_contains (changes, "description");
  if ((joins || reworded) && aims_review_is_closed (review))
    {
      g_set_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_INVALID,
                   /* Translators: "MR-001 is closed: the actions decided at it stay as decided" */
                   _("%s is closed: the actions decided at it stay as decided"),
                   aims_record_get_reference (review));
      return FALSE;
    }
  if (g_hash_table_contains (changes, "due_date") && due != NULL &&
      g_strcmp0 (due, aims_record_get (review, "held_on")) < 0)
    {
      g_set_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_INVALID,
                   /* Translators: "Due: 2025-01-10 is before MR-001 was held (2025-02-01)" */
                   _("%s: %s is before %s was held (%s)"),
                   action_label ("due_date"), due, aims_record_get_reference (review),
                   aims_record_get (review, "held_on"));
      return FALSE;
    }
  return TRUE;
}
