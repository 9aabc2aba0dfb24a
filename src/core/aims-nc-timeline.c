/* aims-nc-timeline.c — a nonconformity's history from the audit log
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "aims-json.h"
#include "aims-nc.h"
#include "aims-nc-timeline.h"
#include "aims-statement.h"

void
aims_nc_event_free (AimsNcEvent *event)
{
  if (event == NULL)
    return;
  g_free (event->at);
  g_free (event->actor);
  g_free (event->reference);
  g_free (event->fields);
  g_free (event->note);
  g_free (event);
}

/* A member of an audit row's JSON object as text; NULL when absent or null. */
static char *
member (GVariant   *object,
        const char *key)
{
  g_autoptr(GVariant) value = object != NULL ? g_variant_lookup_value (object, key, NULL) : NULL;

  if (value == NULL || !g_variant_is_of_type (value, G_VARIANT_TYPE_STRING))
    return NULL;
  return g_variant_dup_string (value, NULL);
}

/* The labels of entity's fields (but the state) that differ between the
 * two objects. */
static char *
changed_labels (const AimsEntity *entity,
                GVariant         *before,
                GVariant         *after)
{
  g_autoptr(GString) labels = g_string_new (NULL);

  for (guint i = 0; i < entity->n_fields; i++)
    {
      const char *name = entity->fields[i].name;
      g_autofree char *old = member (before, name);
      g_autofree char *new = member (after, name);

      /* An update's row holds only what changed, so absent is unchanged. */
      if (g_str_equal (name, "state") || g_strcmp0 (old, new) == 0)
        continue;
      g_string_append_printf (labels, "%s%s", labels->len > 0 ? ", " : "", _(entity->fields[i].label));
    }
  return labels->len > 0 ? g_strdup (labels->str) : NULL;
}

static AimsNcState
state_of (GVariant    *object,
          AimsNcState  otherwise)
{
  g_autofree char *key = member (object, "state");
  AimsNcState state = otherwise;

  if (key != NULL)
    aims_nc_state_from_text (key, &state);
  return state;
}

/* One audit row of the nonconformity itself. */
static void
fill_nc_event (AimsNcEvent *event,
               const char  *action,
               GVariant    *before,
               GVariant    *after)
{
  const AimsEntity *entity = aims_entity_nonconformities ();
  const char *reason_field;

  event->from = state_of (before, event->to);
  event->to = state_of (after, event->from);
  if (g_str_equal (action, "insert"))
    {
      event->kind = AIMS_NC_EVENT_REPORTED;
      event->from = event->to;
      return;
    }
  event->fields = changed_labels (entity, before, after);
  if (event->from == event->to)
    {
      event->kind = AIMS_NC_EVENT_EDITED;
      return;
    }
  event->kind = AIMS_NC_EVENT_TRANSITION;
  if ((reason_field = aims_nc_state_reason_field (event->to)) != NULL)
    event->note = member (after, reason_field);
}

/* One audit row of one of its actions. */
static void
fill_action_event (AimsNcEvent *event,
                   const char  *action,
                   GVariant    *before,
                   GVariant    *after)
{
  const AimsEntity *entity = aims_entity_actions ();
  g_autofree char *old_status = member (before, "status");
  g_autofree char *new_status = member (after, "status");

  event->from = event->to;
  if (g_str_equal (action, "insert") || before == NULL)
    {
      event->kind = AIMS_NC_EVENT_ACTION_ADDED;
      event->note = member (after, "description");
      return;
    }
  event->kind = AIMS_NC_EVENT_ACTION_CHANGED;
  event->fields = changed_labels (entity, before, after);
  if (new_status != NULL && g_strcmp0 (old_status, new_status) != 0)
    event->note = g_strdup (aims_field_choice_label (aims_entity_find_field (entity, "status"), new_status));
}

GPtrArray *
aims_nc_timeline (AimsDb  *db,
                  gint64   id,
                  GError **error)
{
  static const char sql[] =
    "SELECT id, at, actor, entity, action, before_json, after_json FROM audit_log"
    " WHERE (entity = 'nonconformity' AND entity_id = ?1)"
    "    OR (entity = 'corrective_action'"
    "        AND entity_id IN (SELECT id FROM corrective_action WHERE nonconformity_id = ?1))"
    " ORDER BY id";
  g_autoptr(AimsStatement) stmt = NULL;
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func ((GDestroyNotify) aims_nc_event_free);
  AimsNcState state = AIMS_NC_STATE_REPORTED;
  AimsStep step;

  g_return_val_if_fail (AIMS_IS_DB (db), NULL);

  if ((stmt = aims_db_prepare (db, sql, error)) == NULL)
    return NULL;
  aims_statement_bind_int64 (stmt, 1, id);
  while ((step = aims_statement_step (stmt, error)) == AIMS_STEP_ROW)
    {
      const char *before_json = aims_statement_column_text (stmt, 5);
      const char *after_json = aims_statement_column_text (stmt, 6);
      g_autoptr(GVariant) before = before_json != NULL ? aims_json_parse (before_json, NULL) : NULL;
      g_autoptr(GVariant) after = after_json != NULL ? aims_json_parse (after_json, NULL) : NULL;
      const char *action = aims_statement_column_text (stmt, 4);
      AimsNcEvent *event = g_new0 (AimsNcEvent, 1);

      event->audit_id = aims_statement_column_int64 (stmt, 0);
      event->at = g_strdup (aims_statement_column_text (stmt, 1));
      event->actor = g_strdup (aims_statement_column_text (stmt, 2));
      event->reference = member (after != NULL ? after : before, "reference");
      event->to = state;
      if (g_str_equal (aims_statement_column_text (stmt, 3), "nonconformity"))
        fill_nc_event (event, action, before, after);
      else
        fill_action_event (event, action, before, after);
      state = event->to;
      g_ptr_array_add (events, event);
    }
  if (step == AIMS_STEP_ERROR)
    return NULL;
  return g_steal_pointer (&events);
}

char *
aims_nc_event_describe (const AimsNcEvent *event)
{
  g_return_val_if_fail (event != NULL, NULL);

  switch (event->kind)
    {
    case AIMS_NC_EVENT_REPORTED:
      /* Translators: the first event of a nonconformity's history, e.g. "NC-003 reported" */
      return g_strdup_printf (_("%s reported"), event->reference);
    case AIMS_NC_EVENT_TRANSITION:
      if (event->note != NULL)
        /* Translators: "Closed → Reopened: it happened again in May" */
        return g_strdup_printf (_("%s → %s: %s"), aims_nc_state_label (event->from),
                                aims_nc_state_label (event->to), event->note);
      if (event->fields != NULL)
        /* Translators: "Reopened → Root cause analysed (Root cause, Five whys)" */
        return g_strdup_printf (_("%s → %s (%s)"), aims_nc_state_label (event->from),
                                aims_nc_state_label (event->to), event->fields);
      return g_strdup_printf (_("%s → %s"), aims_nc_state_label (event->from), aims_nc_state_label (event->to));
    case AIMS_NC_EVENT_EDITED:
      /* Translators: "Edited: Root cause, Cause category" */
      return g_strdup_printf (_("Edited: %s"), event->fields != NULL ? event->fields : "");
    case AIMS_NC_EVENT_ACTION_ADDED:
      /* Translators: "CA-004 added: Retrain the model monthly" */
      return g_strdup_printf (_("%s added: %s"), event->reference, event->note != NULL ? event->note : "");
    case AIMS_NC_EVENT_ACTION_CHANGED:
    default:
      if (event->note != NULL)
        /* Translators: "CA-004 is now Done (Status, Completed on, Evidence)" */
        return g_strdup_printf (_("%s is now %s (%s)"), event->reference, event->note,
                                event->fields != NULL ? event->fields : "");
      /* Translators: "CA-004 changed: Due" */
      return g_strdup_printf (_("%s changed: %s"), event->reference, event->fields != NULL ? event->fields : "");
    }
}
