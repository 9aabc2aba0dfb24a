/* aims-nc-workflow.c — the clause 10.2 state machine and its guards
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "aims-date.h"
#include "aims-nc-entity.h"
#include "aims-nc-workflow.h"

#define BIT(state) (1u << (state))

/* The steps out of each state. */
static const guint next_states[AIMS_NC_N_STATES] = {
  [AIMS_NC_STATE_REPORTED]               = BIT (AIMS_NC_STATE_CORRECTION_TAKEN) | BIT (AIMS_NC_STATE_REJECTED),
  [AIMS_NC_STATE_CORRECTION_TAKEN]       = BIT (AIMS_NC_STATE_ROOT_CAUSE_ANALYSED) | BIT (AIMS_NC_STATE_REJECTED),
  [AIMS_NC_STATE_ROOT_CAUSE_ANALYSED]    = BIT (AIMS_NC_STATE_ACTIONS_PLANNED),
  [AIMS_NC_STATE_ACTIONS_PLANNED]        = BIT (AIMS_NC_STATE_ACTIONS_IMPLEMENTED),
  [AIMS_NC_STATE_ACTIONS_IMPLEMENTED]    = BIT (AIMS_NC_STATE_EFFECTIVENESS_VERIFIED) | BIT (AIMS_NC_STATE_REOPENED),
  [AIMS_NC_STATE_EFFECTIVENESS_VERIFIED] = BIT (AIMS_NC_STATE_CLOSED) | BIT (AIMS_NC_STATE_REOPENED),
  [AIMS_NC_STATE_CLOSED]                 = BIT (AIMS_NC_STATE_REOPENED),
  [AIMS_NC_STATE_REJECTED]               = BIT (AIMS_NC_STATE_REOPENED),
  [AIMS_NC_STATE_REOPENED]               = BIT (AIMS_NC_STATE_CORRECTION_TAKEN) |
                                           BIT (AIMS_NC_STATE_ROOT_CAUSE_ANALYSED) |
                                           BIT (AIMS_NC_STATE_ACTIONS_PLANNED),
};

/* What the effectiveness check consists of. */
static const char *const effectiveness_fields[] = {
  "effectiveness_by_id", "effectiveness_date", "effectiveness_evidence", "effectiveness_result", NULL
};

static const AimsField *
state_field (void)
{
  return aims_entity_find_field (&aims_nonconformities_entity, "state");
}

const char *
aims_nc_state_key (AimsNcState state)
{
  g_return_val_if_fail (state < AIMS_NC_N_STATES, NULL);

  return state_field ()->choices[state].key;
}

const char *
aims_nc_state_label (AimsNcState state)
{
  g_return_val_if_fail (state < AIMS_NC_N_STATES, NULL);

  return _(state_field ()->choices[state].label);
}

gboolean
aims_nc_state_from_text (const char  *text,
                         AimsNcState *state)
{
  const char *key = text != NULL ? aims_field_choice_from_text (state_field (), text) : NULL;

  if (key == NULL)
    return FALSE;
  for (guint i = 0; i < AIMS_NC_N_STATES; i++)
    if (g_str_equal (key, aims_nc_state_key (i)))
      {
        *state = i;
        return TRUE;
      }
  return FALSE;
}

AimsNcState
aims_nc_get_state (AimsRecord *nc)
{
  AimsNcState state = AIMS_NC_STATE_REPORTED;

  g_return_val_if_fail (AIMS_IS_RECORD (nc), AIMS_NC_STATE_REPORTED);

  aims_nc_state_from_text (aims_record_get (nc, "state"), &state);
  return state;
}

gboolean
aims_nc_state_is_open (AimsNcState state)
{
  return state != AIMS_NC_STATE_CLOSED && state != AIMS_NC_STATE_REJECTED;
}

gboolean
aims_nc_state_can_follow (AimsNcState from,
                          AimsNcState to)
{
  g_return_val_if_fail (from < AIMS_NC_N_STATES && to < AIMS_NC_N_STATES, FALSE);

  return (next_states[from] & BIT (to)) != 0;
}

const char *
aims_nc_state_reason_field (AimsNcState state)
{
  if (state == AIMS_NC_STATE_REJECTED)
    return "rejection_reason";
  if (state == AIMS_NC_STATE_REOPENED)
    return "reopen_reason";
  return NULL;
}

/* ── Actions ───────────────────────────────────────────────────────────── */

gboolean
aims_action_is_open (AimsRecord *action)
{
  const char *status;

  g_return_val_if_fail (AIMS_IS_RECORD (action), FALSE);

  status = aims_record_get (action, "status");
  return status == NULL || g_str_equal (status, AIMS_ACTION_STATUS_OPEN) ||
         g_str_equal (status, AIMS_ACTION_STATUS_IN_PROGRESS);
}

gboolean
aims_action_is_overdue (AimsRecord  *action,
                        const GDate *today)
{
  g_autoptr(GDate) due = NULL;

  g_return_val_if_fail (AIMS_IS_RECORD (action), FALSE);
  g_return_val_if_fail (today != NULL, FALSE);

  if (!aims_action_is_open (action) || (due = aims_date_parse (aims_record_get (action, "due_date"))) == NULL)
    return FALSE;
  return g_date_compare (due, today) < 0;
}

void
aims_actions_count (GPtrArray   *actions,
                    const GDate *today,
                    guint       *n_open,
                    guint       *n_overdue)
{
  guint open = 0, overdue = 0;

  for (guint i = 0; actions != NULL && i < actions->len; i++)
    {
      open += aims_action_is_open (g_ptr_array_index (actions, i));
      overdue += aims_action_is_overdue (g_ptr_array_index (actions, i), today);
    }
  if (n_open != NULL)
    *n_open = open;
  if (n_overdue != NULL)
    *n_overdue = overdue;
}

static gboolean
has_value (AimsRecord *record,
           const char *field)
{
  const char *value = aims_record_get (record, field);

  return value != NULL && *value != '\0';
}

/* Planned: not cancelled, with an owner and a due date; after a reopening
 * the new round needs an action still to be done. */
static gboolean
actions_planned (GPtrArray   *actions,
                 AimsNcState  from,
                 char       **refusal)
{
  gboolean any_done = FALSE;

  for (guint i = 0; actions != NULL && i < actions->len; i++)
    {
      AimsRecord *action = g_ptr_array_index (actions, i);

      if (g_strcmp0 (aims_record_get (action, "status"), AIMS_ACTION_STATUS_CANCELLED) == 0 ||
          !has_value (action, "owner_id") || !has_value (action, "due_date"))
        continue;
      if (from != AIMS_NC_STATE_REOPENED || aims_action_is_open (action))
        return TRUE;
      any_done = TRUE;
    }
  if (refusal != NULL)
    *refusal = g_strdup (any_done
                         ? _("Plan at least one new corrective action with an owner and a due date: the actions on file are all done")
                         : _("Plan at least one corrective action with an owner and a due date first"));
  return FALSE;
}

static gboolean
actions_implemented (GPtrArray  *actions,
                     char      **refusal)
{
  g_autoptr(GPtrArray) open = g_ptr_array_new_null_terminated (0, NULL, TRUE);
  gboolean any_done = FALSE;
  g_autofree char *list = NULL;

  for (guint i = 0; actions != NULL && i < actions->len; i++)
    {
      AimsRecord *action = g_ptr_array_index (actions, i);

      if (aims_action_is_open (action))
        g_ptr_array_add (open, (gpointer) aims_record_get_reference (action));
      any_done |= g_strcmp0 (aims_record_get (action, "status"), AIMS_ACTION_STATUS_DONE) == 0;
    }
  if (open->len > 0)
    {
      list = g_strjoinv (", ", (char **) open->pdata);
      if (refusal != NULL)
        /* Translators: "Corrective actions CA-004, CA-007 are still open" */
        *refusal = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                 "Corrective action %s is still open",
                                                 "Corrective actions %s are still open", open->len),
                                    list);
      return FALSE;
    }
  if (!any_done)
    {
      if (refusal != NULL)
        *refusal = g_strdup (_("No corrective action is done yet"));
      return FALSE;
    }
  return TRUE;
}

/* ── Fields on record ──────────────────────────────────────────────────── */

static gboolean
needs_correction (AimsNcState state)
{
  return state >= AIMS_NC_STATE_CORRECTION_TAKEN && state <= AIMS_NC_STATE_CLOSED;
}

static gboolean
needs_root_cause (AimsNcState state)
{
  return state >= AIMS_NC_STATE_ROOT_CAUSE_ANALYSED && state <= AIMS_NC_STATE_CLOSED;
}

static gboolean
needs_effectiveness (AimsNcState state)
{
  return state == AIMS_NC_STATE_EFFECTIVENESS_VERIFIED || state == AIMS_NC_STATE_CLOSED;
}

static void
append_label (GString    *list,
              const char *field)
{
  g_string_append_printf (list, "%s%s", list->len > 0 ? ", " : "",
                          _(aims_entity_find_field (&aims_nonconformities_entity, field)->label));
}

/* The labels of the parts of the effectiveness check nc lacks, or NULL. */
static char *
missing_effectiveness (AimsRecord *nc)
{
  g_autoptr(GString) missing = g_string_new (NULL);

  for (guint i = 0; effectiveness_fields[i] != NULL; i++)
    if (!has_value (nc, effectiveness_fields[i]))
      append_label (missing, effectiveness_fields[i]);
  return missing->len > 0 ? g_strdup (missing->str) : NULL;
}

static gboolean
found_effective (AimsRecord *nc)
{
  return g_strcmp0 (aims_record_get (nc, "effectiveness_result"), AIMS_NC_RESULT_EFFECTIVE) == 0;
}

/* What a step into target needs on nc's record; the reason only when
 * with_reason. */
static gboolean
record_ready (AimsRecord   *nc,
              AimsNcState   target,
              gboolean      with_reason,
              char        **refusal)
{
  const char *reason_field = aims_nc_state_reason_field (target);
  g_autofree char *missing = NULL;
  const char *message = NULL;

  if (needs_correction (target) && !has_value (nc, "correction"))
    message = _("Record the correction first: the immediate fix that contained the nonconformity");
  else if (needs_root_cause (target) && !has_value (nc, "root_cause"))
    message = _("Record the root cause first");
  else if (needs_effectiveness (target) && (missing = missing_effectiveness (nc)) != NULL)
    {
      if (refusal != NULL)
        /* Translators: "Record the effectiveness check first; missing: Checked by, Result" */
        *refusal = g_strdup_printf (_("Record the effectiveness check first; missing: %s"), missing);
      return FALSE;
    }
  else if (needs_effectiveness (target) && !found_effective (nc))
    message = _("The effectiveness check found the actions not effective: reopen the nonconformity instead");
  else if (with_reason && reason_field != NULL && !has_value (nc, reason_field))
    message = target == AIMS_NC_STATE_REJECTED
              ? _("Give the reason why it is not a nonconformity")
              : _("Give the reason for reopening: the effectiveness check failed, or it happened again");

  if (message == NULL)
    return TRUE;
  if (refusal != NULL)
    *refusal = g_strdup (message);
  return FALSE;
}

/* ── Checks ────────────────────────────────────────────────────────────── */

static char *
next_states_text (AimsNcState from)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint s = 0; s < AIMS_NC_N_STATES; s++)
    if (aims_nc_state_can_follow (from, s))
      /* Translators: one of the states a nonconformity can go to, in a list */
      g_string_append_printf (text, _("%s“%s”"), text->len > 0 ? ", " : "", aims_nc_state_label (s));
  return g_strdup (text->str);
}

static gboolean
check_move (AimsRecord   *nc,
            GPtrArray    *actions,
            AimsNcState   target,
            gboolean      with_reason,
            char        **refusal)
{
  AimsNcState from = aims_nc_get_state (nc);

  if (from == target)
    {
      if (refusal != NULL)
        *refusal = g_strdup_printf (_("It is “%s” already"), aims_nc_state_label (from));
      return FALSE;
    }
  if (!aims_nc_state_can_follow (from, target))
    {
      g_autofree char *next = next_states_text (from);

      if (refusal != NULL)
        /* Translators: "A nonconformity that is “Reported” cannot go to “Closed”;
         * from there it can go to “Correction taken”, “Rejected”" */
        *refusal = g_strdup_printf (_("A nonconformity that is “%s” cannot go to “%s”; from there it can go to %s"),
                                    aims_nc_state_label (from), aims_nc_state_label (target), next);
      return FALSE;
    }
  if (!record_ready (nc, target, with_reason, refusal))
    return FALSE;
  if (target == AIMS_NC_STATE_ACTIONS_PLANNED)
    return actions_planned (actions, from, refusal);
  if (target == AIMS_NC_STATE_ACTIONS_IMPLEMENTED)
    return actions_implemented (actions, refusal);
  return TRUE;
}

gboolean
aims_nc_workflow_check (AimsRecord  *nc,
                        GPtrArray   *actions,
                        AimsNcState  target,
                        char       **refusal)
{
  g_return_val_if_fail (AIMS_IS_RECORD (nc), FALSE);
  g_return_val_if_fail (target < AIMS_NC_N_STATES, FALSE);

  if (refusal != NULL)
    *refusal = NULL;
  return check_move (nc, actions, target, TRUE, refusal);
}

static void
move_clear (AimsNcMove *move)
{
  g_clear_pointer (&move->refusal, g_free);
}

GArray *
aims_nc_workflow_moves (AimsRecord *nc,
                        GPtrArray  *actions)
{
  GArray *moves = g_array_new (FALSE, TRUE, sizeof (AimsNcMove));
  AimsNcState from;

  g_return_val_if_fail (AIMS_IS_RECORD (nc), moves);

  g_array_set_clear_func (moves, (GDestroyNotify) move_clear);
  from = aims_nc_get_state (nc);
  for (guint s = 0; s < AIMS_NC_N_STATES; s++)
    {
      AimsNcMove move = { s, FALSE, NULL, aims_nc_state_reason_field (s) };

      if (s == from)
        continue;
      move.allowed = check_move (nc, actions, s, FALSE, &move.refusal);
      g_array_append_val (moves, move);
    }
  return moves;
}

gboolean
aims_nc_workflow_check_fields (AimsRecord  *nc,
                               char       **problem)
{
  const AimsField *result_field = aims_entity_find_field (&aims_nonconformities_entity, "effectiveness_result");
  g_autoptr(GString) missing = g_string_new (NULL);
  AimsNcState state;
  const char *reason_field;

  g_return_val_if_fail (AIMS_IS_RECORD (nc), FALSE);

  state = aims_nc_get_state (nc);
  reason_field = aims_nc_state_reason_field (state);
  if (needs_correction (state) && !has_value (nc, "correction"))
    append_label (missing, "correction");
  if (needs_root_cause (state) && !has_value (nc, "root_cause"))
    append_label (missing, "root_cause");
  for (guint i = 0; needs_effectiveness (state) && effectiveness_fields[i] != NULL; i++)
    if (!has_value (nc, effectiveness_fields[i]))
      append_label (missing, effectiveness_fields[i]);
  if (reason_field != NULL && !has_value (nc, reason_field))
    append_label (missing, reason_field);

  if (missing->len > 0)
    {
      if (problem != NULL)
        /* Translators: "Root cause cannot be emptied while the nonconformity is “Closed”" */
        *problem = g_strdup_printf (_("%s cannot be emptied while the nonconformity is “%s”"),
                                    missing->str, aims_nc_state_label (state));
      return FALSE;
    }
  if (needs_effectiveness (state) && !found_effective (nc))
    {
      if (problem != NULL)
        /* Translators: "Result must stay “Effective” while the nonconformity is “Closed”: reopen it instead" */
        *problem = g_strdup_printf (_("%s must stay “%s” while the nonconformity is “%s”: reopen it instead"),
                                    _(result_field->label),
                                    aims_field_choice_label (result_field, AIMS_NC_RESULT_EFFECTIVE),
                                    aims_nc_state_label (state));
      return FALSE;
    }
  return TRUE;
}
