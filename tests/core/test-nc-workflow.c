/* test-nc-workflow.c — the clause 10.2 state machine as pure functions: every
 * pair of states, every guard with its reason, the board's moves, the fields
 * a state holds on to, and overdue actions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "core-fixtures.h"

#define R  AIMS_NC_STATE_REPORTED
#define CT AIMS_NC_STATE_CORRECTION_TAKEN
#define RC AIMS_NC_STATE_ROOT_CAUSE_ANALYSED
#define AP AIMS_NC_STATE_ACTIONS_PLANNED
#define AI AIMS_NC_STATE_ACTIONS_IMPLEMENTED
#define EV AIMS_NC_STATE_EFFECTIVENESS_VERIFIED
#define CL AIMS_NC_STATE_CLOSED
#define RJ AIMS_NC_STATE_REJECTED
#define RO AIMS_NC_STATE_REOPENED

/* The state machine as the issue draws it, written out pair by pair. */
static const gboolean expected_steps[AIMS_NC_N_STATES][AIMS_NC_N_STATES] = {
  /*          R  CT RC AP AI EV CL RJ RO */
  [R]  = {    0, 1, 0, 0, 0, 0, 0, 1, 0 },
  [CT] = {    0, 0, 1, 0, 0, 0, 0, 1, 0 },
  [RC] = {    0, 0, 0, 1, 0, 0, 0, 0, 0 },
  [AP] = {    0, 0, 0, 0, 1, 0, 0, 0, 0 },
  [AI] = {    0, 0, 0, 0, 0, 1, 0, 0, 1 },
  [EV] = {    0, 0, 0, 0, 0, 0, 1, 0, 1 },
  [CL] = {    0, 0, 0, 0, 0, 0, 0, 0, 1 },
  [RJ] = {    0, 0, 0, 0, 0, 0, 0, 0, 1 },
  [RO] = {    0, 1, 1, 1, 0, 0, 0, 0, 0 },
};

/* A nonconformity in state with everything on record that any step needs,
 * the reasons included. */
static AimsRecord *
complete_nc (AimsNcState state)
{
  AimsRecord *nc = aims_record_new (aims_entity_nonconformities ());

  aims_record_set_meta (nc, 1, "NC-001", 3, "2025-01-01T00:00:00Z", "a", "2025-01-01T00:00:00Z", "a");
  aims_record_set (nc, "title", "Drift reports missing");
  aims_record_set (nc, "found_date", "2025-01-01");
  aims_record_set (nc, "state", aims_nc_state_key (state));
  aims_record_set (nc, "correction", "Reports made by hand");
  aims_record_set (nc, "root_cause", "No owner for the job");
  aims_record_set (nc, "effectiveness_by_id", "1");
  aims_record_set (nc, "effectiveness_date", "2025-03-01");
  aims_record_set (nc, "effectiveness_evidence", "Four months of reports on time");
  aims_record_set (nc, "effectiveness_result", "effective");
  aims_record_set (nc, "rejection_reason", "Not a requirement of ours");
  aims_record_set (nc, "reopen_reason", "It happened again");
  return nc;
}

static AimsRecord *
new_action (const char *reference,
            const char *owner,
            const char *due,
            const char *status)
{
  AimsRecord *action = aims_record_new (aims_entity_actions ());

  aims_record_set_meta (action, 1, reference, 1, "2025-01-01T00:00:00Z", "a", "2025-01-01T00:00:00Z", "a");
  aims_record_set (action, "nonconformity_id", "1");
  aims_record_set (action, "description", "Name an owner");
  aims_record_set (action, "owner_id", owner);
  aims_record_set (action, "due_date", due);
  aims_record_set (action, "status", status);
  return action;
}

static GPtrArray *
actions_new (void)
{
  return g_ptr_array_new_with_free_func (g_object_unref);
}

/* The guards allow target for a complete record, when the actions are
 * right for it. */
static GPtrArray *
actions_for (AimsNcState from,
             AimsNcState target)
{
  GPtrArray *actions = actions_new ();

  if (target == AP)
    g_ptr_array_add (actions, new_action ("CA-001", "1", "2025-02-01", "open"));
  else
    g_ptr_array_add (actions, new_action ("CA-001", "1", "2025-02-01", "done"));
  return actions;
}

static void
assert_says (const char *text,
             const char *needle)
{
  if (text == NULL || !fixture_contains_nocase (text, needle))
    g_error ("“%s” does not say “%s”", text, needle);
}

/* Every pair of states: allowed exactly where the machine has a step, and
 * a refusal in words wherever it has none. */
static void
test_every_pair (void)
{
  for (guint from = 0; from < AIMS_NC_N_STATES; from++)
    for (guint to = 0; to < AIMS_NC_N_STATES; to++)
      {
        g_autoptr(AimsRecord) nc = complete_nc (from);
        g_autoptr(GPtrArray) actions = actions_for (from, to);
        g_autofree char *refusal = NULL;
        gboolean allowed = aims_nc_workflow_check (nc, actions, to, &refusal);

        g_assert_cmpint (aims_nc_state_can_follow (from, to), ==, expected_steps[from][to]);
        if (allowed != expected_steps[from][to])
          g_error ("%s → %s: %s (%s)", aims_nc_state_key (from), aims_nc_state_key (to),
                   allowed ? "allowed" : "refused", refusal);
        if (allowed)
          g_assert_null (refusal);
        else if (from == to)
          assert_says (refusal, "already");
        else
          {
            /* It names both states and where it can go instead. */
            assert_says (refusal, aims_nc_state_label (from));
            assert_says (refusal, aims_nc_state_label (to));
            assert_says (refusal, "from there it can go to");
          }
      }
}

static void
test_keys_and_labels (void)
{
  const AimsField *field = aims_entity_find_field (aims_entity_nonconformities (), "state");
  AimsNcState state;

  /* The entity's choices are the states, in the enum's order. */
  for (guint s = 0; s < AIMS_NC_N_STATES; s++)
    {
      g_assert_cmpstr (field->choices[s].key, ==, aims_nc_state_key (s));
      g_assert_cmpstr (aims_field_choice_label (field, aims_nc_state_key (s)), ==, aims_nc_state_label (s));
      g_assert_true (aims_nc_state_from_text (aims_nc_state_key (s), &state));
      g_assert_cmpint (state, ==, s);
      g_assert_true (aims_nc_state_from_text (aims_nc_state_label (s), &state));
      g_assert_cmpint (state, ==, s);
    }
  g_assert_null (field->choices[AIMS_NC_N_STATES].key);
  g_assert_true (field->read_only);
  g_assert_true (aims_nc_state_from_text ("Root-Cause analysed", &state));
  g_assert_cmpint (state, ==, RC);
  g_assert_false (aims_nc_state_from_text ("done", &state));
  g_assert_false (aims_nc_state_from_text (NULL, &state));

  g_assert_cmpstr (aims_nc_state_reason_field (RJ), ==, "rejection_reason");
  g_assert_cmpstr (aims_nc_state_reason_field (RO), ==, "reopen_reason");
  g_assert_null (aims_nc_state_reason_field (CL));
  g_assert_false (aims_nc_state_is_open (CL));
  g_assert_false (aims_nc_state_is_open (RJ));
  g_assert_true (aims_nc_state_is_open (RO));
  g_assert_true (aims_nc_state_is_open (R));
}

/* A record with field emptied may not take the step to target, and the
 * refusal says what is missing. */
static void
assert_guard (AimsNcState  from,
              AimsNcState  target,
              const char  *field,
              const char  *value,
              GPtrArray   *actions,
              const char  *says)
{
  g_autoptr(AimsRecord) nc = complete_nc (from);
  g_autofree char *refusal = NULL;

  if (field != NULL)
    aims_record_set (nc, field, value);
  if (aims_nc_workflow_check (nc, actions, target, &refusal))
    g_error ("%s → %s allowed with %s=%s", aims_nc_state_key (from), aims_nc_state_key (target),
             field, value);
  assert_says (refusal, says);
}

static void
test_record_guards (void)
{
  g_autoptr(GPtrArray) done = actions_for (AI, EV);

  assert_guard (R, CT, "correction", NULL, NULL, "Record the correction first");
  assert_guard (RO, CT, "correction", NULL, NULL, "Record the correction first");
  assert_guard (CT, RC, "root_cause", NULL, NULL, "Record the root cause first");
  assert_guard (RO, RC, "root_cause", "", NULL, "Record the root cause first");
  /* Each part of the effectiveness check, named by its label. */
  assert_guard (AI, EV, "effectiveness_by_id", NULL, done, "missing: Checked by");
  assert_guard (AI, EV, "effectiveness_date", NULL, done, "missing: Checked on");
  assert_guard (AI, EV, "effectiveness_evidence", NULL, done, "missing: Evidence of effectiveness");
  assert_guard (AI, EV, "effectiveness_result", NULL, done, "missing: Result");
  assert_guard (EV, CL, "effectiveness_evidence", NULL, done, "Record the effectiveness check first");
  assert_guard (EV, CL, "effectiveness_result", "not_effective", done, "reopen the nonconformity instead");
  assert_guard (AI, EV, "effectiveness_result", "not_effective", done, "not effective");
  assert_guard (R, RJ, "rejection_reason", NULL, NULL, "reason why it is not a nonconformity");
  assert_guard (CT, RJ, "rejection_reason", "", NULL, "reason why it is not a nonconformity");
  assert_guard (CL, RO, "reopen_reason", NULL, NULL, "reason for reopening");
  assert_guard (AI, RO, "reopen_reason", NULL, done, "reason for reopening");
}

static void
test_action_guards (void)
{
  g_autoptr(GPtrArray) none = actions_new ();
  g_autoptr(GPtrArray) no_owner = actions_new ();
  g_autoptr(GPtrArray) no_due = actions_new ();
  g_autoptr(GPtrArray) cancelled = actions_new ();
  g_autoptr(GPtrArray) old_done = actions_new ();
  g_autoptr(GPtrArray) planned = actions_new ();
  g_autoptr(GPtrArray) one_open = actions_new ();
  g_autoptr(GPtrArray) all_cancelled = actions_new ();
  g_autoptr(AimsRecord) rc = complete_nc (RC);
  g_autoptr(AimsRecord) reopened = complete_nc (RO);
  g_autoptr(AimsRecord) ap = complete_nc (AP);

  g_ptr_array_add (no_owner, new_action ("CA-001", NULL, "2025-02-01", "open"));
  g_ptr_array_add (no_due, new_action ("CA-001", "1", NULL, "open"));
  g_ptr_array_add (cancelled, new_action ("CA-001", "1", "2025-02-01", "cancelled"));
  g_ptr_array_add (old_done, new_action ("CA-001", "1", "2025-02-01", "done"));
  g_ptr_array_add (planned, new_action ("CA-001", "1", "2025-02-01", "done"));
  g_ptr_array_add (planned, new_action ("CA-002", "2", "2025-06-01", NULL));
  g_ptr_array_add (one_open, new_action ("CA-001", "1", "2025-02-01", "done"));
  g_ptr_array_add (one_open, new_action ("CA-002", "1", "2025-02-01", "in_progress"));
  g_ptr_array_add (one_open, new_action ("CA-003", "1", "2025-02-01", "open"));
  g_ptr_array_add (all_cancelled, new_action ("CA-001", "1", "2025-02-01", "cancelled"));

  /* Planned: an action with an owner and a due date, not cancelled. */
  assert_guard (RC, AP, NULL, NULL, none, "Plan at least one corrective action with an owner and a due date");
  assert_guard (RC, AP, NULL, NULL, NULL, "Plan at least one corrective action");
  assert_guard (RC, AP, NULL, NULL, no_owner, "owner and a due date");
  assert_guard (RC, AP, NULL, NULL, no_due, "owner and a due date");
  assert_guard (RC, AP, NULL, NULL, cancelled, "owner and a due date");
  g_assert_true (aims_nc_workflow_check (rc, old_done, AP, NULL));
  /* After a reopening, the new round needs an action still to be done. */
  assert_guard (RO, AP, NULL, NULL, old_done, "the actions on file are all done");
  g_assert_true (aims_nc_workflow_check (reopened, planned, AP, NULL));

  /* Implemented: none open, one done at least. */
  assert_guard (AP, AI, NULL, NULL, one_open, "Corrective actions CA-002, CA-003 are still open");
  assert_guard (AP, AI, NULL, NULL, planned, "Corrective action CA-002 is still open");
  assert_guard (AP, AI, NULL, NULL, all_cancelled, "No corrective action is done yet");
  assert_guard (AP, AI, NULL, NULL, none, "No corrective action is done yet");
  g_assert_true (aims_nc_workflow_check (ap, old_done, AI, NULL));
}

/* The board: one move per other state, allowed or with its refusal; a
 * reason to give is not counted as missing. */
static void
test_moves (void)
{
  g_autoptr(AimsRecord) nc = complete_nc (R);
  g_autoptr(GArray) moves = NULL;
  guint allowed = 0;

  aims_record_set (nc, "correction", NULL);
  aims_record_set (nc, "rejection_reason", NULL);
  moves = aims_nc_workflow_moves (nc, NULL);
  g_assert_cmpuint (moves->len, ==, AIMS_NC_N_STATES - 1);
  for (guint i = 0; i < moves->len; i++)
    {
      const AimsNcMove *move = &g_array_index (moves, AimsNcMove, i);

      g_assert_cmpint (move->target, !=, R);
      g_assert_cmpint (move->allowed, ==, move->refusal == NULL);
      g_assert_cmpstr (move->reason_field, ==, aims_nc_state_reason_field (move->target));
      allowed += move->allowed;
      if (move->target == CT)
        assert_says (move->refusal, "Record the correction first");
      if (move->target == RJ)
        g_assert_true (move->allowed);
      if (move->target == CL)
        assert_says (move->refusal, "cannot go to");
    }
  g_assert_cmpuint (allowed, ==, 1);
}

/* What a state holds on to: a plain edit may not empty it. */
static void
test_check_fields (void)
{
  g_autofree char *problem = NULL;

  for (guint s = 0; s < AIMS_NC_N_STATES; s++)
    {
      g_autoptr(AimsRecord) nc = complete_nc (s);

      g_assert_true (aims_nc_workflow_check_fields (nc, NULL));
    }
  {
    g_autoptr(AimsRecord) nc = complete_nc (AP);

    aims_record_set (nc, "root_cause", NULL);
    g_assert_false (aims_nc_workflow_check_fields (nc, &problem));
    assert_says (problem, "Root cause cannot be emptied while the nonconformity is “Actions planned”");
    g_clear_pointer (&problem, g_free);
    /* Effectiveness is not needed yet. */
    aims_record_set (nc, "root_cause", "x");
    aims_record_set (nc, "effectiveness_result", NULL);
    g_assert_true (aims_nc_workflow_check_fields (nc, NULL));
  }
  {
    g_autoptr(AimsRecord) nc = complete_nc (CL);

    aims_record_set (nc, "effectiveness_result", "not_effective");
    g_assert_false (aims_nc_workflow_check_fields (nc, &problem));
    assert_says (problem, "must stay “Effective”");
    g_clear_pointer (&problem, g_free);
    aims_record_set (nc, "effectiveness_date", NULL);
    aims_record_set (nc, "correction", NULL);
    g_assert_false (aims_nc_workflow_check_fields (nc, &problem));
    assert_says (problem, "Correction, Checked on cannot be emptied");
    g_clear_pointer (&problem, g_free);
  }
  {
    g_autoptr(AimsRecord) nc = complete_nc (RJ);

    aims_record_set (nc, "correction", NULL);
    aims_record_set (nc, "root_cause", NULL);
    g_assert_true (aims_nc_workflow_check_fields (nc, NULL));
    aims_record_set (nc, "rejection_reason", NULL);
    g_assert_false (aims_nc_workflow_check_fields (nc, &problem));
    assert_says (problem, "Reason for rejection");
  }
}

/* Overdue: open (or in progress, or without a status) and due before
 * today; due today is not overdue yet. */
static void
test_overdue (void)
{
  g_autoptr(GDate) today = g_date_new_dmy (15, G_DATE_MARCH, 2025);
  g_autoptr(GPtrArray) actions = actions_new ();
  guint n_open = 99, n_overdue = 99;
  const struct
  {
    const char *due;
    const char *status;
    gboolean    open;
    gboolean    overdue;
  } cases[] = {
    { "2025-03-14", "open", TRUE, TRUE },
    { "2025-03-14", "in_progress", TRUE, TRUE },
    { "2024-12-31", NULL, TRUE, TRUE },
    { "2025-03-15", "open", TRUE, FALSE },
    { "2025-04-01", "open", TRUE, FALSE },
    { NULL, "open", TRUE, FALSE },
    { "2025-01-01", "done", FALSE, FALSE },
    { "2025-01-01", "cancelled", FALSE, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      AimsRecord *action = new_action ("CA-001", "1", cases[i].due, cases[i].status);

      g_assert_cmpint (aims_action_is_open (action), ==, cases[i].open);
      g_assert_cmpint (aims_action_is_overdue (action, today), ==, cases[i].overdue);
      g_ptr_array_add (actions, action);
    }
  aims_actions_count (actions, today, &n_open, &n_overdue);
  g_assert_cmpuint (n_open, ==, 6);
  g_assert_cmpuint (n_overdue, ==, 3);
  aims_actions_count (NULL, today, &n_open, &n_overdue);
  g_assert_cmpuint (n_open, ==, 0);
  g_assert_cmpuint (n_overdue, ==, 0);
}

static void
test_five_whys (void)
{
  const char *const whys[] = { " The report is missing ", "", "The job failed", NULL };
  const char *const none[] = { "  ", NULL };
  g_autofree char *json = aims_nc_five_whys_to_json (whys);
  g_auto(GStrv) back = aims_nc_five_whys_parse (json, NULL);
  g_auto(GStrv) empty = aims_nc_five_whys_parse (NULL, NULL);
  g_auto(GStrv) quoted = aims_nc_five_whys_parse ("[\"He said \\\"no\\\"\"]", NULL);
  g_autoptr(GError) error = NULL;
  GStrv bad;

  g_assert_cmpstr (json, ==, "[\"The report is missing\", \"The job failed\"]");
  g_assert_cmpuint (g_strv_length (back), ==, 2);
  g_assert_cmpstr (back[1], ==, "The job failed");
  g_assert_cmpuint (g_strv_length (empty), ==, 0);
  g_assert_cmpstr (quoted[0], ==, "He said \"no\"");
  g_assert_null (aims_nc_five_whys_to_json (none));
  g_assert_null (aims_nc_five_whys_to_json (NULL));

  bad = aims_nc_five_whys_parse ("Because", &error);
  g_assert_null (bad);
  g_assert_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_INVALID);
  assert_says (error->message, "Five whys");
  g_clear_error (&error);
  bad = aims_nc_five_whys_parse ("[\"a\", 2]", &error);
  g_assert_null (bad);
  assert_says (error->message, "answer 2 is not text");
}

int
main (int    argc,
      char **argv)
{
  fixture_init (&argc, &argv);

  g_test_add_func ("/nc-workflow/every-pair", test_every_pair);
  g_test_add_func ("/nc-workflow/keys-and-labels", test_keys_and_labels);
  g_test_add_func ("/nc-workflow/record-guards", test_record_guards);
  g_test_add_func ("/nc-workflow/action-guards", test_action_guards);
  g_test_add_func ("/nc-workflow/moves", test_moves);
  g_test_add_func ("/nc-workflow/check-fields", test_check_fields);
  g_test_add_func ("/nc-workflow/overdue", test_overdue);
  g_test_add_func ("/nc-workflow/five-whys", test_five_whys);

  return g_test_run ();
}
