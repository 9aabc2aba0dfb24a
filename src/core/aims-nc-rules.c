/* aims-nc-rules.c — the rules across fields of nonconformities and
 * corrective actions, checked by the store inside its write transaction,
 * and the five whys' stored form
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "aims-date.h"
#include "aims-json.h"
#include "aims-nc.h"
#include "aims-review-record.h"
#include "aims-statement.h"
#include "aims-store.h"

/* ── Five whys ─────────────────────────────────────────────────────────── */

GStrv
aims_nc_five_whys_parse (const char  *json,
                         GError     **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GVariant) array = NULL;
  const char *label = _(aims_entity_find_field (aims_entity_nonconformities (), "five_whys")->label);

  if (json == NULL || *json == '\0')
    return g_strv_builder_end (builder);
  if ((array = aims_json_parse (json, NULL)) == NULL || !g_variant_is_of_type (array, G_VARIANT_TYPE ("av")))
    {
      g_set_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_INVALID,
                   /* Translators: "Five whys: write the answers as a JSON array of text, e.g. [“…”, “…”]" */
                   _("%s: write the answers as a JSON array of text, e.g. [\"…\", \"…\"]"), label);
      return NULL;
    }
  for (gsize i = 0; i < g_variant_n_children (array); i++)
    {
      g_autoptr(GVariant) boxed = g_variant_get_child_value (array, i);
      g_autoptr(GVariant) answer = g_variant_get_variant (boxed);

      if (!g_variant_is_of_type (answer, G_VARIANT_TYPE_STRING))
        {
          g_set_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_INVALID,
                       _("%s: answer %u is not text"), label, (guint) i + 1);
          return NULL;
        }
      g_strv_builder_add (builder, g_variant_get_string (answer, NULL));
    }
  return g_strv_builder_end (builder);
}

char *
aims_nc_five_whys_to_json (const char *const *whys)
{
  g_autoptr(GString) json = g_string_new ("[");
  guint n = 0;

  for (guint i = 0; whys != NULL && whys[i] != NULL; i++)
    {
      g_autofree char *answer = g_strstrip (g_strdup (whys[i]));

      if (*answer == '\0')
        continue;
      if (n++ > 0)
        g_string_append (json, ", ");
      aims_json_append_string (json, answer);
    }
  if (n == 0)
    return NULL;
  g_string_append_c (json, ']');
  return g_strdup (json->str);
}

/* ── Shared ────────────────────────────────────────────────────────────── */

static const char *
label_of (const AimsEntity *entity,
          const char       *field)
{
  return _(aims_entity_find_field (entity, field)->label);
}

/* The field is among the changes and gets a value. */
static const char *
changed_to (GHashTable *changes,
            const char *field)
{
  return g_hash_table_lookup (changes, field);
}

/* ── Nonconformity ─────────────────────────────────────────────────────── */

/* The action of nonconformity id due first, when it is due before day. */
static gboolean
find_action_due_before (AimsDb      *db,
                        gint64       id,
                        const char  *day,
                        char       **reference,
                        char       **due_date,
                        GError     **error)
{
  g_autoptr(AimsStatement) stmt = NULL;
  AimsStep step;

  *reference = *due_date = NULL;
  stmt = aims_db_prepare (db, "SELECT reference, due_date FROM corrective_action"
                              " WHERE nonconformity_id = ? AND due_date < ? ORDER BY due_date LIMIT 1", error);
  if (stmt == NULL)
    return FALSE;
  aims_statement_bind_int64 (stmt, 1, id);
  aims_statement_bind_text (stmt, 2, day);
  if ((step = aims_statement_step (stmt, error)) == AIMS_STEP_ERROR)
    return FALSE;
  if (step == AIMS_STEP_ROW)
    {
      *reference = g_strdup (aims_statement_column_text (stmt, 0));
      *due_date = g_strdup (aims_statement_column_text (stmt, 1));
    }
  return TRUE;
}

static gboolean
check_found_date (AimsDb      *db,
                  AimsRecord  *before,
                  const char  *found,
                  GError     **error)
{
  const AimsEntity *entity = aims_entity_nonconformities ();
  g_autoptr(GDate) today = aims_date_today ();
  g_autoptr(GDate) day = aims_date_parse (found);
  g_autofree char *reference = NULL;
  g_autofree char *due = NULL;

  if (day != NULL && g_date_compare (day, today) > 0)
    {
      g_set_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_INVALID,
                   /* Translators: "Found on: 2031-01-01 is after today" */
                   _("%s: %s is after today"), label_of (entity, "found_date"), found);
      return FALSE;
    }
  if (before == NULL)
    return TRUE;
  if (!find_action_due_before (db, aims_record_get_id (before), found, &reference, &due, error))
    return FALSE;
  if (reference != NULL)
    {
      g_set_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_INVALID,
                   /* Translators: "Found on: 2025-03-01 is after the due date 2025-02-01 of CA-004" */
                   _("%s: %s is after the due date %s of %s"),
                   label_of (entity, "found_date"), found, due, reference);
      return FALSE;
    }
  return TRUE;
}

gboolean
aims_nc_check_rules (AimsDb      *db,
                     AimsRecord  *before,
                     GHashTable  *changes,
                     GError     **error)
{
  const AimsEntity *entity = aims_entity_nonconformities ();
  g_autoptr(AimsRecord) after = NULL;
  g_autofree char *problem = NULL;
  g_auto(GStrv) whys = NULL;
  const char *value;

  g_return_val_if_fail (AIMS_IS_DB (db), FALSE);

  after = aims_record_new_with_changes (entity, before, changes);
  if ((value = changed_to (changes, "found_date")) != NULL && !check_found_date (db, before, value, error))
    return FALSE;
  if ((value = changed_to (changes, "five_whys")) != NULL)
    {
      if ((whys = aims_nc_five_whys_parse (value, error)) == NULL)
        return FALSE;
      if (g_strv_length (whys) > AIMS_NC_MAX_WHYS)
        {
          g_set_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_INVALID,
                       _("%s: at most %u answers"), label_of (entity, "five_whys"), AIMS_NC_MAX_WHYS);
          return FALSE;
        }
    }
  /* A record already short of what its state needs (changed outside the
   * program) can still be edited; a change may not make it so. */
  if (!aims_nc_workflow_check_fields (after, &problem) &&
      (before == NULL || aims_nc_workflow_check_fields (before, NULL)))
    {
      g_set_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_INVALID, "%s", problem);
      return FALSE;
    }
  return TRUE;
}

/* ── Corrective action ─────────────────────────────────────────────────── */

static gboolean
states_take_open_actions (AimsNcState state)
{
  return state != AIMS_NC_STATE_ACTIONS_IMPLEMENTED && state != AIMS_NC_STATE_EFFECTIVENESS_VERIFIED &&
         state != AIMS_NC_STATE_CLOSED && state != AIMS_NC_STATE_REJECTED;
}

/* A date of the action that must not be before the nonconformity was found. */
static gboolean
check_not_before_found (AimsRecord  *nc,
                        GHashTable  *changes,
                        const char  *field,
                        GError     **error)
{
  const char *value = changed_to (changes, field);
  const char *found = aims_record_get (nc, "found_date");

  if (value == NULL || found == NULL || g_strcmp0 (value, found) >= 0)
    return TRUE;
  g_set_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_INVALID,
               /* Translators: "Due: 2025-01-10 is before NC-003 was found (2025-02-01)" */
               _("%s: %s is before %s was found (%s)"),
               label_of (aims_entity_actions (), field), value, aims_record_get_reference (nc), found);
  return FALSE;
}

gboolean
aims_action_check_rules (AimsDb      *db,
                         AimsRecord  *before,
                         GHashTable  *changes,
                         GError     **error)
{
  const AimsEntity *entity = aims_entity_actions ();
  g_autoptr(AimsRecord) after = NULL;
  g_autoptr(AimsRecord) nc = NULL;
  const char *nc_id;
  AimsNcState state;
  gboolean opens;

  g_return_val_if_fail (AIMS_IS_DB (db), FALSE);

  after = aims_record_new_with_changes (entity, before, changes);
  if (g_hash_table_contains (changes, "status") && changed_to (changes, "status") == NULL)
    {
      g_set_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_INVALID,
                   _("%s is required"), label_of (entity, "status"));
      return FALSE;
    }
  /* Raised by a nonconformity or decided at a management review: one of the two. */
  nc_id = aims_record_get (after, "nonconformity_id");
  if ((nc_id == NULL) == (aims_record_get (after, "review_id") == NULL))
    {
      if (nc_id == NULL)
        g_set_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_INVALID,
                     /* Translators: "Nonconformity is required, or the Management review that decided the action" */
                     _("%s is required, or the %s that decided the action"),
                     label_of (entity, "nonconformity_id"), label_of (entity, "review_id"));
      else
        g_set_error_literal (error, AIMS_DB_ERROR, AIMS_DB_ERROR_INVALID,
                             _("An action belongs to a nonconformity or to a management review, not to both"));
      return FALSE;
    }
  if (g_strcmp0 (aims_record_get (after, "status"), AIMS_ACTION_STATUS_DONE) == 0 &&
      aims_record_get (after, "completed_date") == NULL)
    {
      g_set_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_INVALID,
                   /* Translators: "A corrective action that is done needs its Completed on date" */
                   _("A corrective action that is done needs its %s date"), label_of (entity, "completed_date"));
      return FALSE;
    }
  if (nc_id == NULL)
    return aims_review_check_action (db, before, after, changes, error);
  if ((nc = aims_store_load (db, aims_entity_nonconformities (), g_ascii_strtoll (nc_id, NULL, 10), error)) == NULL)
    return FALSE;

  if (!check_not_before_found (nc, changes, "due_date", error) ||
      !check_not_before_found (nc, changes, "completed_date", error))
    return FALSE;

  /* An open action beside "implemented" would make the step a lie. */
  state = aims_nc_get_state (nc);
  opens = aims_action_is_open (after) &&
          (before == NULL || !aims_action_is_open (before) ||
           g_strcmp0 (aims_record_get (before, "nonconformity_id"), nc_id) != 0);
  if (opens && !states_take_open_actions (state))
    {
      g_set_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_INVALID,
                   /* Translators: "NC-003 is “Closed”: reopen it before adding an open corrective action" */
                   _("%s is “%s”: reopen it before adding an open corrective action"),
                   aims_record_get_reference (nc), aims_nc_state_label (state));
      return FALSE;
    }
  return TRUE;
}
