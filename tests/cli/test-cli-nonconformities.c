/* test-cli-nonconformities.c — aimsctl on nonconformities and corrective
 * actions: list with what is overdue, add and update, and transition
 * obeying the workflow's guards
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "cli-runner.h"

/* What a refused command could have touched: both lists for scripts, and
 * the length of the audit log. */
static char *
state_of_db (const char *db)
{
  g_autofree char *ncs = cli_list ("nonconformities", db, "csv");
  g_autofree char *actions = cli_list ("actions", db, "csv");
  const char *argv[] = { "sqlite3", db, "SELECT count(*) FROM audit_log", NULL };
  g_auto(CliResult) audit = { 0 };

  cli_spawn (&audit, argv, NULL, NULL);
  cli_assert_status (&audit, 0);
  return g_strconcat (ncs, actions, audit.out, NULL);
}

/* Runs aimsctl with the arguments, which must fail with status, one line
 * naming name that says says, and nothing changed in db. */
#define assert_refused(db, status, name, says, ...) \
  G_STMT_START { \
    g_autofree char *before_ = state_of_db (db); \
    g_autofree char *after_ = NULL; \
    g_auto(CliResult) result_ = { 0 }; \
    cli_run (&result_, __VA_ARGS__, NULL); \
    cli_assert_failed (&result_, status, name); \
    if (strstr (result_.err, says) == NULL) \
      g_error ("“%s” does not say “%s”", result_.err, says); \
    after_ = state_of_db (db); \
    g_assert_cmpstr (after_, ==, before_); \
  } G_STMT_END

/* Runs aimsctl with the arguments, which must succeed printing expected. */
#define assert_output(expected, ...) \
  G_STMT_START { \
    g_auto(CliResult) result_ = { 0 }; \
    cli_run (&result_, __VA_ARGS__, NULL); \
    cli_assert_status (&result_, 0); \
    g_assert_cmpstr (result_.out, ==, (expected)); \
  } G_STMT_END

/* Today as aimsctl reads dates. */
static char *
today_iso (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

static const char states_script[] =
  "import csv, sys\n"
  "rows = list(csv.DictReader(sys.stdin))\n"
  "print(' '.join(sorted({r['state'] for r in rows})))\n"
  "print(' '.join(r['reference'] for r in rows if r['overdue'] == 'true'))\n";

/* The demo in the lists: every state, and what is overdue computed. */
static void
test_list (void)
{
  g_autofree char *db = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *actions = NULL;
  g_autofree char *json = NULL;
  g_autofree char *parsed = NULL;
  g_autofree char *table = NULL;
  g_autofree char *action_table = NULL;
  g_auto(GStrv) lines = NULL;

  if ((db = cli_new_demo_for_python ("demo.db")) == NULL)
    return;
  csv = cli_list ("nonconformities", db, "csv");
  g_assert_true (g_str_has_prefix (csv, "id,row_version,reference,created_at,created_by,updated_at,updated_by,"
                                        "title,description,source,severity,found_date,found_by_id,"));
  g_assert_nonnull (strstr (csv, ",state,rejection_reason,reopen_reason,"));
  g_assert_nonnull (strstr (csv, ",state_label,actions,open_actions,overdue_actions,overdue\n"));

  parsed = cli_python (states_script, csv);
  lines = g_strsplit (parsed, "\n", -1);
  g_assert_cmpstr (lines[0], ==, "actions_implemented actions_planned closed correction_taken "
                                 "effectiveness_verified rejected reopened reported root_cause_analysed");
  g_assert_cmpstr (lines[1], ==, "NC-002 NC-006");
  cli_assert_csv_value (csv, "NC-002", "open_actions", "2");
  cli_assert_csv_value (csv, "NC-002", "overdue_actions", "1");
  cli_assert_csv_value (csv, "NC-002", "actions", "3");
  cli_assert_csv_value (csv, "NC-001", "overdue", "false");
  cli_assert_csv_value (csv, "NC-001", "control_name", "AI system operation and monitoring");
  cli_assert_csv_value (csv, "NC-011", "state_label", "Reopened");
  cli_assert_csv_value (csv, "NC-012", "severity_label", "Opportunity for improvement");

  actions = cli_list ("actions", db, "csv");
  g_assert_nonnull (strstr (actions, ",status,completed_date,evidence,nonconformity_name,review_name,owner_name,status_label,overdue\n"));
  cli_assert_csv_value (actions, "CA-004", "overdue", "true");
  cli_assert_csv_value (actions, "CA-005", "overdue", "false");
  cli_assert_csv_value (actions, "CA-001", "status", "done");
  cli_assert_csv_value (actions, "CA-004", "nonconformity_name", "Support assistant quoted a withdrawn interest rate");

  json = cli_list ("nonconformities", db, "json");
  g_free (parsed);
  parsed = cli_python ("import json, sys\n"
                       "r = json.load(sys.stdin)\n"
                       "assert all(isinstance(x['overdue'], bool) and isinstance(x['open_actions'], int) for x in r)\n"
                       "print(len(r))\n", json);
  g_assert_cmpstr (parsed, ==, "12\n");

  table = cli_list ("nonconformities", db, "table");
  g_assert_true (g_str_has_prefix (table, "Reference"));
  g_assert_nonnull (strstr (table, "2 of 3 open, 1 overdue"));
  g_assert_nonnull (strstr (table, "Effectiveness verified"));
  action_table = cli_list ("actions", db, "table");
  g_assert_nonnull (strstr (action_table, "(overdue)"));
  g_assert_nonnull (strstr (action_table, "In progress"));
}

/* Without STATE: where it stands, the next steps or why not, its history. */
static void
test_show (void)
{
  g_autofree char *db = cli_new_demo ("demo.db");
  g_auto(CliResult) result = { 0 };
  g_auto(CliResult) rejectable = { 0 };

  cli_run (&result, "transition", "nonconformities", db, "NC-002", NULL);
  cli_assert_status (&result, 0);
  g_assert_true (g_str_has_prefix (result.out, "NC-002 Support assistant quoted a withdrawn interest rate\n"
                                               "State: Actions planned (row_version "));
  g_assert_nonnull (strstr (result.out, "Corrective actions: 3, 2 open, 1 overdue\n"));
  g_assert_nonnull (strstr (result.out, "  actions_implemented: not yet: Corrective actions CA-004, CA-005 are still open\n"));
  g_assert_nonnull (strstr (result.out, "Actions implemented → Reopened: Effectiveness check"));
  g_assert_nonnull (strstr (result.out, "CA-004 added: "));

  cli_run (&rejectable, "transition", "nonconformities", db, "NC-003", NULL);
  cli_assert_status (&rejectable, 0);
  g_assert_nonnull (strstr (rejectable.out, "  correction_taken: not yet: Record the correction first"));
  g_assert_nonnull (strstr (rejectable.out, "  rejected: with --set rejection_reason=…\n"));
}

/* The whole loop through aimsctl, each step refused until its record is there. */
static void
test_transition_guards (void)
{
  g_autofree char *db = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *today = today_iso ();
  g_autofree char *completed = g_strconcat ("completed_date=", today, NULL);
  g_autofree char *checked = g_strconcat ("effectiveness_date=", today, NULL);
  g_auto(CliResult) add = { 0 };
  g_auto(CliResult) check = { 0 };

  if ((db = cli_new_demo_for_python ("demo.db")) == NULL)
    return;

  assert_refused (db, 1, "demo.db", "NC-003 cannot go to “Correction taken”: Record the correction first",
                  "transition", "nonconformities", db, "NC-003", "correction_taken");
  assert_refused (db, 1, "demo.db", "cannot go to “Closed”",
                  "transition", "nonconformities", db, "NC-003", "closed");
  /* A bad value given with the step: neither written. */
  assert_refused (db, 1, "demo.db", "Checked on",
                  "transition", "nonconformities", db, "NC-003", "correction_taken",
                  "--set", "correction=Told the claimant", "--set", "effectiveness_date=tomorrow");
  assert_output ("NC-003 correction_taken row_version=2\n",
                 "transition", "nonconformities", db, "NC-003", "Correction taken",
                 "--set", "correction=The claimant was told and her claim re-triaged by a handler");
  assert_refused (db, 1, "demo.db", "Record the root cause first",
                  "transition", "nonconformities", db, "NC-003", "root_cause_analysed");
  assert_output ("NC-003 root_cause_analysed row_version=3\n",
                 "transition", "nonconformities", db, "NC-003", "root_cause_analysed",
                 "--set", "root_cause=The claim letters have no sentence on automated triage",
                 "--set", "cause_category=process", "--expect-version", "2");
  assert_refused (db, 1, "demo.db", "Plan at least one corrective action with an owner and a due date",
                  "transition", "nonconformities", db, "NC-003", "actions_planned");

  /* Actions: an owner, a due date after it was found. */
  assert_refused (db, 1, "demo.db", "Owner is required",
                  "add", "actions", db, "--set", "nonconformity_id=NC-003", "--set", "description=Add a sentence");
  assert_refused (db, 1, "demo.db", "is before NC-003 was found",
                  "add", "actions", db, "--set", "nonconformity_id=NC-003", "--set", "description=Add a sentence",
                  "--set", "owner_id=Hanna Petersen", "--set", "due_date=2001-01-01");
  cli_run (&add, "add", "actions", db, "--set", "nonconformity_id=NC-003",
           "--set", "description=Add a sentence on automated triage to every claim letter",
           "--set", "owner_id=Hanna Petersen", "--set", "due_date=2099-01-31", NULL);
  cli_assert_status (&add, 0);
  /* CA-014 to CA-017 are the actions decided at the demo's management review. */
  g_assert_cmpstr (add.out, ==, "CA-018\n");
  assert_output ("NC-003 actions_planned row_version=4\n",
                 "transition", "nonconformities", db, "NC-003", "actions_planned");
  assert_refused (db, 1, "demo.db", "Corrective action CA-018 is still open",
                  "transition", "nonconformities", db, "NC-003", "actions_implemented");
  assert_refused (db, 1, "demo.db", "needs its Completed on date",
                  "update", "actions", db, "CA-018", "--set", "status=done");
  assert_output ("CA-018 row_version=2\n", "update", "actions", db, "CA-018", "--set", "status=done",
                 "--set", completed, "--set", "evidence=Letter template v4");
  assert_output ("NC-003 actions_implemented row_version=5\n",
                 "transition", "nonconformities", db, "NC-003", "actions_implemented");
  assert_refused (db, 1, "demo.db", "Record the effectiveness check first; missing: Checked by, Checked on",
                  "transition", "nonconformities", db, "NC-003", "effectiveness_verified",
                  "--set", "effectiveness_evidence=No complaint since", "--set", "effectiveness_result=effective");
  assert_output ("NC-003 effectiveness_verified row_version=6\n",
                 "transition", "nonconformities", db, "NC-003", "effectiveness_verified",
                 "--set", "effectiveness_by_id=Samuel Okafor", "--set", checked,
                 "--set", "effectiveness_evidence=No complaint since", "--set", "effectiveness_result=Effective");
  assert_output ("NC-003 closed row_version=7\n", "transition", "nonconformities", db, "NC-003", "closed");
  assert_refused (db, 1, "demo.db", "already", "transition", "nonconformities", db, "NC-003", "closed");

  /* No plain update can move the state, or take away what it stands on. */
  assert_refused (db, 1, "demo.db", "State", "update", "nonconformities", db, "NC-004", "--set", "state=closed");
  assert_refused (db, 1, "demo.db", "Correction cannot be emptied",
                  "update", "nonconformities", db, "NC-003", "--set", "correction=");
  assert_refused (db, 1, "demo.db", "reopen it before adding an open corrective action",
                  "add", "actions", db, "--set", "nonconformity_id=NC-003", "--set", "description=More",
                  "--set", "owner_id=Hanna Petersen");

  csv = cli_list ("nonconformities", db, "csv");
  cli_assert_csv_value (csv, "NC-003", "state", "closed");
  cli_assert_csv_value (csv, "NC-003", "effectiveness_by_name", "Samuel Okafor");
  cli_run (&check, "check", db, NULL);
  cli_assert_status (&check, 0);
}

static void
test_rejected_reopened_conflict (void)
{
  g_autofree char *db = cli_new_demo ("demo.db");

  assert_refused (db, 1, "demo.db", "Give the reason why it is not a nonconformity",
                  "transition", "nonconformities", db, "NC-012", "rejected");
  assert_output ("NC-012 rejected row_version=2\n", "transition", "nonconformities", db, "NC-012", "rejected",
                 "--set", "rejection_reason=Prompt logs are reviewed by the vendor under the contract");
  assert_refused (db, 1, "demo.db", "Give the reason for reopening",
                  "transition", "nonconformities", db, "NC-001", "reopened");
  /* A stale version: exit 3, nothing written. */
  assert_refused (db, 3, "demo.db", "nothing was saved",
                  "transition", "nonconformities", db, "NC-001", "reopened",
                  "--set", "reopen_reason=Drift reports missing again", "--expect-version", "2");
  assert_output ("NC-001 reopened row_version=8\n", "transition", "nonconformities", db, "NC-001", "reopened",
                 "--set", "reopen_reason=Drift reports missing again", "--expect-version", "7");
  assert_refused (db, 1, "demo.db", "the actions on file are all done",
                  "transition", "nonconformities", db, "NC-001", "actions_planned");
}

/* add and update on both entities hold to the same rules as the GUI: a
 * nonconformity without what it needs, an action losing its owner or due
 * before the finding, a finding moved after an action's due date. */
static void
test_add_update_guards (void)
{
  g_autofree char *db = cli_new_demo ("demo.db");
  g_auto(CliResult) added = { 0 };

  assert_refused (db, 1, "demo.db", "Found through is required",
                  "add", "nonconformities", db, "--set", "title=Model card missing", "--set", "severity=minor",
                  "--set", "found_date=2026-01-05");
  assert_refused (db, 1, "demo.db", "Found on: 2999-01-01 is after today",
                  "add", "nonconformities", db, "--set", "title=Model card missing", "--set", "severity=minor",
                  "--set", "source=internal_audit", "--set", "found_date=2999-01-01");
  assert_refused (db, 1, "demo.db", "Severity",
                  "add", "nonconformities", db, "--set", "title=Model card missing", "--set", "severity=huge",
                  "--set", "source=internal_audit", "--set", "found_date=2026-01-05");
  assert_refused (db, 1, "demo.db", "Owner",
                  "update", "actions", db, "CA-004", "--set", "owner_id=");
  assert_refused (db, 1, "demo.db", "is before NC-002 was found",
                  "update", "actions", db, "CA-004", "--set", "due_date=2001-01-01");
  assert_refused (db, 1, "demo.db", "is after today",
                  "update", "nonconformities", db, "NC-002", "--set", "found_date=2099-01-01");

  cli_run (&added, "add", "nonconformities", db, "--set", "title=Model card missing",
           "--set", "severity=minor", "--set", "source=Internal audit", "--set", "found_date=2026-01-05",
           "--set", "found_by_id=Samuel Okafor", "--set", "clause=7.5", NULL);
  cli_assert_status (&added, 0);
  g_assert_cmpstr (added.out, ==, "NC-013\n");
  assert_output ("NC-013 row_version=2\n", "update", "nonconformities", db, "NC-013",
                 "--set", "description=The model card of the pricing model was never written");
  assert_refused (db, 1, "demo.db", "State", "update", "nonconformities", db, "NC-013", "--set", "state=closed");
}

static void
test_usage (void)
{
  g_autofree char *db = cli_new_demo ("demo.db");
  g_auto(CliResult) state = { 0 };
  g_auto(CliResult) entity = { 0 };
  g_auto(CliResult) set_alone = { 0 };
  g_auto(CliResult) version = { 0 };
  g_auto(CliResult) missing = { 0 };
  g_auto(CliResult) help = { 0 };

  cli_run (&state, "transition", "nonconformities", db, "NC-003", "done", NULL);
  cli_assert_status (&state, 2);
  g_assert_nonnull (strstr (state.err, "unknown STATE “done”; use one of: reported, correction_taken"));
  cli_run (&entity, "transition", "systems", db, "AIS-001", "closed", NULL);
  cli_assert_status (&entity, 2);
  g_assert_nonnull (strstr (entity.err, "systems have no workflow"));
  cli_run (&set_alone, "transition", "nonconformities", db, "NC-003", "--set", "correction=x", NULL);
  cli_assert_status (&set_alone, 2);
  cli_run (&version, "transition", "nonconformities", db, "NC-003", "closed", "--expect-version", "0", NULL);
  cli_assert_status (&version, 2);
  cli_run (&missing, "transition", "nonconformities", db, "NC-099", NULL);
  cli_assert_failed (&missing, 1, "NC-099");
  cli_run (&help, "help", "transition", NULL);
  cli_assert_status (&help, 0);
  g_assert_nonnull (strstr (help.out, "Usage: aimsctl transition nonconformities DB ID"));
}

int
main (int    argc,
      char **argv)
{
  cli_test_init (&argc, &argv);

  g_test_add_func ("/cli/nonconformities/list", test_list);
  g_test_add_func ("/cli/nonconformities/show", test_show);
  g_test_add_func ("/cli/nonconformities/transition-guards", test_transition_guards);
  g_test_add_func ("/cli/nonconformities/rejected-reopened-conflict", test_rejected_reopened_conflict);
  g_test_add_func ("/cli/nonconformities/add-update-guards", test_add_update_guards);
  g_test_add_func ("/cli/nonconformities/usage", test_usage);

  return g_test_run ();
}
