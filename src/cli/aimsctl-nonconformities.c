/* aimsctl-nonconformities.c — nonconformities and corrective actions on the
 * command line: the transition command, and the computed columns of `list`
 *
 * Adding and updating them are `add` and `update` with the entities
 * "nonconformities" and "actions" (aimsctl-records.c); the state moves only
 * through `transition`, by the same guarded core function as the GUI's.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "aimsctl.h"
#include "aimsctl-columns.h"

/* ── Computed columns ──────────────────────────────────────────────────── */

static GPtrArray *
actions_of (AimsRecord               *nc,
            const AimsctlListContext *context)
{
  if (context->actions_by_nc == NULL)
    return NULL;
  return aims_nc_actions_lookup (context->actions_by_nc, aims_record_get_id (nc));
}

static char *
value_actions (AimsRecord *nc, const AimsctlListContext *context)
{
  GPtrArray *actions = actions_of (nc, context);

  return g_strdup_printf ("%u", actions != NULL ? actions->len : 0);
}

static char *
value_open_actions (AimsRecord *nc, const AimsctlListContext *context)
{
  guint n_open;

  aims_actions_count (actions_of (nc, context), context->today, &n_open, NULL);
  return g_strdup_printf ("%u", n_open);
}

static char *
value_overdue_actions (AimsRecord *nc, const AimsctlListContext *context)
{
  guint n_overdue;

  aims_actions_count (actions_of (nc, context), context->today, NULL, &n_overdue);
  return g_strdup_printf ("%u", n_overdue);
}

static char *
value_nc_overdue (AimsRecord *nc, const AimsctlListContext *context)
{
  guint n_overdue;

  aims_actions_count (actions_of (nc, context), context->today, NULL, &n_overdue);
  return g_strdup (n_overdue > 0 ? "true" : "false");
}

/* "1 of 2 open, 1 overdue" */
static char *
value_actions_shown (AimsRecord *nc, const AimsctlListContext *context)
{
  GPtrArray *actions = actions_of (nc, context);
  guint n_open, n_overdue;

  if (actions == NULL)
    return NULL;
  aims_actions_count (actions, context->today, &n_open, &n_overdue);
  if (n_overdue > 0)
    /* Translators: a nonconformity's corrective actions in a table */
    return g_strdup_printf (_("%u of %u open, %u overdue"), n_open, actions->len, n_overdue);
  /* Translators: a nonconformity's corrective actions in a table */
  return g_strdup_printf (_("%u of %u open"), n_open, actions->len);
}

static char *
value_action_overdue (AimsRecord *action, const AimsctlListContext *context)
{
  return g_strdup (aims_action_is_overdue (action, context->today) ? "true" : "false");
}

/* The due date, marked when overdue. */
static char *
value_due_shown (AimsRecord *action, const AimsctlListContext *context)
{
  const char *due = aims_record_get (action, "due_date");

  if (due != NULL && aims_action_is_overdue (action, context->today))
    /* Translators: a date in a table, e.g. "2024-03-01 (overdue)" */
    return g_strdup_printf (_("%s (overdue)"), due);
  return g_strdup (due);
}

static const AimsctlComputedColumn nc_columns[] = {
  { "actions", N_("Actions"), AIMSCTL_VALUE_NUMBER, value_actions, FALSE },
  { "open_actions", N_("Open actions"), AIMSCTL_VALUE_NUMBER, value_open_actions, FALSE },
  { "overdue_actions", N_("Overdue actions"), AIMSCTL_VALUE_NUMBER, value_overdue_actions, FALSE },
  { "overdue", N_("Overdue"), AIMSCTL_VALUE_BOOLEAN, value_nc_overdue, FALSE },
  { "actions_shown", N_("Actions"), AIMSCTL_VALUE_TEXT, value_actions_shown, TRUE },
  { NULL }
};

static const AimsctlComputedColumn action_columns[] = {
  { "overdue", N_("Overdue"), AIMSCTL_VALUE_BOOLEAN, value_action_overdue, FALSE },
  { "due_shown", N_("Due"), AIMSCTL_VALUE_TEXT, value_due_shown, TRUE },
  { NULL }
};

static const char *const nc_table[] = {
  "title", "severity", "found_date", "state", "ai_system_id", "+actions_shown", NULL
};

static const char *const action_table[] = {
  "nonconformity_id", "description", "owner_id", "+due_shown", "status", NULL
};

const AimsctlComputedColumn *
aimsctl_nc_computed_columns (const AimsEntity *entity)
{
  if (entity == aims_entity_nonconformities ())
    return nc_columns;
  if (entity == aims_entity_actions ())
    return action_columns;
  return NULL;
}

const char *const *
aimsctl_nc_table_columns (const AimsEntity *entity)
{
  if (entity == aims_entity_nonconformities ())
    return nc_table;
  if (entity == aims_entity_actions ())
    return action_table;
  return NULL;
}

/* ── transition ────────────────────────────────────────────────────────── */

static char *
state_keys (void)
{
  g_autoptr(GString) keys = g_string_new (NULL);

  for (guint s = 0; s < AIMS_NC_N_STATES; s++)
    g_string_append_printf (keys, "%s%s", s > 0 ? ", " : "", aims_nc_state_key (s));
  return g_strdup (keys->str);
}

/* Without STATE: where it stands, the steps it can take now or why not,
 * and its history, for people. */
static int
show_workflow (AimsDb      *db,
               AimsRecord  *nc,
               const char  *path)
{
  g_autoptr(GPtrArray) actions = NULL;
  g_autoptr(GArray) moves = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GDate) today = aims_date_today ();
  g_autoptr(GError) error = NULL;
  AimsNcState state = aims_nc_get_state (nc);
  guint n_open, n_overdue;

  if ((actions = aims_nc_list_actions (db, aims_record_get_id (nc), &error)) == NULL ||
      (events = aims_nc_timeline (db, aims_record_get_id (nc), &error)) == NULL)
    return aimsctl_fail_error (path, error);
  moves = aims_nc_workflow_moves (nc, actions);
  aims_actions_count (actions, today, &n_open, &n_overdue);

  g_string_append_printf (out, "%s %s\n", aims_record_get_reference (nc), aims_record_get_title (nc));
  /* Translators: "State: Actions planned (row_version 7)" */
  g_string_append_printf (out, _("State: %s (row_version %lld)\n"),
                          aims_nc_state_label (state), (long long) aims_record_get_row_version (nc));
  /* Translators: "Corrective actions: 3, 2 open, 1 overdue" */
  g_string_append_printf (out, _("Corrective actions: %u, %u open, %u overdue\n"), actions->len, n_open, n_overdue);
  g_string_append_printf (out, "%s\n", _("Next steps:"));
  for (guint i = 0; i < moves->len; i++)
    {
      const AimsNcMove *move = &g_array_index (moves, AimsNcMove, i);

      if (!aims_nc_state_can_follow (state, move->target))
        continue;
      if (!move->allowed)
        /* Translators: "  actions_implemented: not yet: Corrective action CA-004 is still open" */
        g_string_append_printf (out, _("  %s: not yet: %s\n"), aims_nc_state_key (move->target), move->refusal);
      else if (move->reason_field != NULL)
        /* Translators: "  rejected: with --set rejection_reason=…" */
        g_string_append_printf (out, _("  %s: with --set %s=…\n"), aims_nc_state_key (move->target), move->reason_field);
      else
        g_string_append_printf (out, "  %s\n", aims_nc_state_key (move->target));
    }
  g_string_append_printf (out, "%s\n", _("History:"));
  for (guint i = 0; i < events->len; i++)
    {
      const AimsNcEvent *event = g_ptr_array_index (events, i);
      g_autofree char *line = aims_nc_event_describe (event);

      g_string_append_printf (out, "  %s  %s  %s\n", event->at, event->actor, line);
    }
  return aimsctl_write_out (out);
}

int
aimsctl_cmd_transition (AimsctlInvocation *inv)
{
  const char *path = inv->args[1];
  const char *id = inv->args[2];
  const char *state_text = inv->n_args > 3 ? inv->args[3] : NULL;
  const AimsEntity *entity;
  g_autoptr(GHashTable) values = NULL;
  g_autoptr(AimsDb) db = NULL;
  g_autoptr(AimsRecord) current = NULL;
  g_autoptr(AimsRecord) moved = NULL;
  g_autoptr(GError) error = NULL;
  gint64 expected = -1;
  AimsNcState target = AIMS_NC_STATE_REPORTED;
  int status;

  if ((entity = aimsctl_entity (inv, inv->args[0], &status)) == NULL)
    return status;
  if (entity != aims_entity_nonconformities ())
    return aimsctl_usage_error (inv->command, _("%s have no workflow; nonconformities do"), entity->name);
  if (state_text != NULL && !aims_nc_state_from_text (state_text, &target))
    {
      g_autofree char *keys = state_keys ();

      return aimsctl_usage_error (inv->command, _("unknown STATE “%s”; use one of: %s"), state_text, keys);
    }
  if (inv->options->expect_version != AIMSCTL_NOT_GIVEN)
    {
      if (inv->options->expect_version < 1)
        return aimsctl_usage_error (inv->command, _("--expect-version wants a row version: 1 or more"));
      expected = inv->options->expect_version;
    }
  if (state_text == NULL && (inv->options->set != NULL || expected != -1))
    return aimsctl_usage_error (inv->command, _("--set and --expect-version go with a STATE"));
  if (inv->options->set != NULL && (values = aimsctl_parse_assignments (inv, entity, &status)) == NULL)
    return status;

  if (state_text == NULL)
    {
      if ((db = aimsctl_open (inv, path, AIMS_DB_OPEN_READ_ONLY, &status)) == NULL)
        return status;
      if ((current = aims_store_find (db, entity, id, &error)) == NULL)
        return aimsctl_fail_error (path, error);
      return show_workflow (db, current, path);
    }

  if ((db = aimsctl_open_for_writing (inv, path, &status)) == NULL ||
      (values != NULL && !aimsctl_resolve_values (db, entity, values, path, &status)))
    return status;
  if ((current = aims_store_find (db, entity, id, &error)) == NULL)
    return aimsctl_fail_error (path, error);
  moved = aims_nc_transition (db, aims_record_get_id (current), expected, target, values,
                              aimsctl_author (inv), &error);
  if (moved == NULL)
    return aimsctl_fail_error (path, error);

  /* For scripts, as update prints: the reference, the state, the version to expect next. */
  g_print ("%s %s row_version=%" G_GINT64_FORMAT "\n", aims_record_get_reference (moved),
           aims_nc_state_key (aims_nc_get_state (moved)), aims_record_get_row_version (moved));
  return AIMSCTL_EXIT_OK;
}
