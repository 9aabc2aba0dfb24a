/* test-nonconformities.c — nonconformities and corrective actions in a real
 * database: each transition one audited write, every guard refusing with its
 * reason and nothing changed, the state out of reach of plain updates,
 * conflicts, the rules of actions, overdue and similar queries, the
 * timeline, the migration and the demo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "core-fixtures.h"

typedef struct
{
  AimsDb     *db;
  char       *path;
  AimsRecord *owner;
  AimsRecord *system;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->db = fixture_create_db ("nc.aims", AIMS_DB_OPEN_DEFAULT, &f->path);
  f->owner = fixture_add_person (f->db, "Priya Raman");
  f->system = fixture_add_system (f->db, "Credit scoring", f->owner);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->system);
  g_clear_object (&f->owner);
  fixture_close_db (&f->db);
  g_free (f->path);
}

#define ADD_TEST(path, func) \
  g_test_add ((path), Fixture, NULL, fixture_set_up, (func), fixture_tear_down)

static void
assert_says (const char *text,
             const char *needle)
{
  if (text == NULL || !fixture_contains_nocase (text, needle))
    g_error ("“%s” does not say “%s”", text, needle);
}

static char *
id_text (AimsRecord *record)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, aims_record_get_id (record));
}

/* A reported nonconformity found on 2025-01-10; more fields as pairs. */
static AimsRecord *
add_nc (AimsDb     *db,
        const char *title,
        ...)
{
  g_autoptr(GHashTable) values = fixture_values ("title", title, "source", "Internal audit",
                                                 "severity", "major", "found_date", "2025-01-10", NULL);
  va_list args;

  va_start (args, title);
  for (const char *field = va_arg (args, const char *); field != NULL; field = va_arg (args, const char *))
    g_hash_table_replace (values, g_strdup (field), g_strdup (va_arg (args, const char *)));
  va_end (args);
  return fixture_insert (db, aims_entity_nonconformities (), values);
}

static AimsRecord *
add_action (AimsDb     *db,
            AimsRecord *nc,
            AimsRecord *owner,
            const char *due,
            const char *status)
{
  g_autofree char *nc_id = id_text (nc);
  g_autofree char *owner_id = id_text (owner);
  g_autoptr(GHashTable) values = fixture_values ("nonconformity_id", nc_id, "description", "Name an owner",
                                                 "owner_id", owner_id, NULL);

  if (due != NULL)
    g_hash_table_insert (values, g_strdup ("due_date"), g_strdup (due));
  if (status != NULL)
    g_hash_table_insert (values, g_strdup ("status"), g_strdup (status));
  if (g_strcmp0 (status, "done") == 0)
    g_hash_table_insert (values, g_strdup ("completed_date"), g_strdup ("2025-02-20"));
  return fixture_insert (db, aims_entity_actions (), values);
}

/* Takes the step; changes as field, value pairs. */
static AimsRecord *
step (AimsDb      *db,
      AimsRecord  *nc,
      AimsNcState  target,
      ...)
{
  g_autoptr(GHashTable) changes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GError) error = NULL;
  AimsRecord *after;
  va_list args;

  va_start (args, target);
  for (const char *field = va_arg (args, const char *); field != NULL; field = va_arg (args, const char *))
    g_hash_table_insert (changes, g_strdup (field), g_strdup (va_arg (args, const char *)));
  va_end (args);
  after = aims_nc_transition (db, aims_record_get_id (nc), aims_record_get_row_version (nc), target,
                              changes, FIXTURE_AUTHOR, &error);
  g_assert_no_error (error);
  g_assert_cmpint (aims_nc_get_state (after), ==, target);
  g_assert_cmpint (aims_record_get_row_version (after), ==, aims_record_get_row_version (nc) + 1);
  return after;
}

/* Everything a refused write could have touched, as one string: every
 * nonconformity and action as stored, and the audit log's length. */
static char *
snapshot (AimsDb *db)
{
  const AimsEntity *entities[] = { aims_entity_nonconformities (), aims_entity_actions () };
  GString *text = g_string_new (NULL);

  for (guint e = 0; e < G_N_ELEMENTS (entities); e++)
    {
      g_autoptr(GPtrArray) records = aims_store_list (db, entities[e], NULL);

      for (guint i = 0; i < records->len; i++)
        {
          AimsRecord *record = records->pdata[i];

          g_string_append_printf (text, "%s v%" G_GINT64_FORMAT " %s;", aims_record_get_reference (record),
                                  aims_record_get_row_version (record), aims_record_get_updated_at (record));
          for (guint f = 0; f < entities[e]->n_fields; f++)
            g_string_append_printf (text, "%s=%s;", entities[e]->fields[f].name,
                                    aims_record_get (record, entities[e]->fields[f].name));
        }
    }
  g_string_append_printf (text, "audit=%" G_GINT64_FORMAT, fixture_count_rows (db, "audit_log"));
  return g_string_free (text, FALSE);
}

/* call gives an error code saying says, and nothing in the database
 * changed. */
#define assert_refused(db, code, says, call) \
  G_STMT_START { \
    g_autofree char *before_ = snapshot (db); \
    g_autofree char *after_ = NULL; \
    g_autoptr(GError) error_ = (call); \
    g_assert_error (error_, AIMS_DB_ERROR, (code)); \
    assert_says (error_->message, (says)); \
    after_ = snapshot (db); \
    g_assert_cmpstr (after_, ==, before_); \
  } G_STMT_END

static GError *
transition_refused (AimsDb      *db,
                    AimsRecord  *nc,
                    gint64       expected_version,
                    AimsNcState  target,
                    GHashTable  *changes)
{
  GError *error = NULL;
  g_autoptr(AimsRecord) moved = aims_nc_transition (db, aims_record_get_id (nc), expected_version, target,
                                                    changes, FIXTURE_AUTHOR, &error);

  g_assert_null (moved);
  return error;
}

static void
refuse_step (AimsDb      *db,
             AimsRecord  *nc,
             gint64       expected_version,
             AimsNcState  target,
             GHashTable  *changes,
             int          code,
             const char  *says)
{
  assert_refused (db, code, says, transition_refused (db, nc, expected_version, target, changes));
}

static void
refuse (AimsDb      *db,
        AimsRecord  *nc,
        AimsNcState  target,
        const char  *says)
{
  refuse_step (db, nc, aims_record_get_row_version (nc), target, NULL, AIMS_DB_ERROR_INVALID, says);
}

static void
assert_chain_verifies (AimsDb *db)
{
  g_autoptr(GError) error = NULL;
  gint64 broken = -1, n_rows = 0;

  g_assert_true (aims_audit_verify (db, &broken, &n_rows, &error));
  g_assert_no_error (error);
  g_assert_cmpint (n_rows, ==, fixture_count_rows (db, "audit_log"));
}

/* ── The entities ──────────────────────────────────────────────────────── */

static void
test_entities (void)
{
  const AimsEntity *ncs = aims_entity_lookup ("nonconformities");
  const AimsEntity *actions = aims_entity_lookup ("actions");

  g_assert_true (ncs == aims_entity_nonconformities ());
  g_assert_true (actions == aims_entity_actions ());
  g_assert_true (g_strv_contains (aims_entity_names (), "nonconformities"));
  g_assert_true (g_strv_contains (aims_entity_names (), "actions"));
  g_assert_cmpstr (ncs->ref_prefix, ==, "NC");
  g_assert_cmpstr (actions->ref_prefix, ==, "CA");
  g_assert_cmpstr (ncs->table, ==, "nonconformity");
  g_assert_cmpstr (actions->table, ==, "corrective_action");
  g_assert_true (aims_field_get_link_entity (aims_entity_find_field (ncs, "control_id")) == aims_entity_controls ());
  g_assert_true (aims_field_get_link_entity (aims_entity_find_field (ncs, "risk_id")) == aims_entity_risks ());
  g_assert_true (aims_field_get_link_entity (aims_entity_find_field (actions, "nonconformity_id")) == ncs);
  g_assert_true (aims_entity_find_field (actions, "owner_id")->required);
  g_assert_true (aims_entity_find_field (ncs, "state")->read_only);
}

/* ── One step, one audited write ───────────────────────────────────────── */

static void
test_full_loop (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(AimsRecord) nc = add_nc (f->db, "Drift reports missing", NULL);
  g_autoptr(AimsRecord) action = NULL;
  g_autoptr(AimsRecord) done = NULL;
  g_autofree char *owner = id_text (f->owner);
  g_autofree char *after_json = NULL;
  g_autofree char *before_json = NULL;
  const AimsNcState loop[] = {
    AIMS_NC_STATE_CORRECTION_TAKEN, AIMS_NC_STATE_ROOT_CAUSE_ANALYSED, AIMS_NC_STATE_ACTIONS_PLANNED,
    AIMS_NC_STATE_ACTIONS_IMPLEMENTED, AIMS_NC_STATE_EFFECTIVENESS_VERIFIED, AIMS_NC_STATE_CLOSED,
  };
  gint64 audit_before;

  g_assert_cmpint (aims_nc_get_state (nc), ==, AIMS_NC_STATE_REPORTED);
  g_assert_cmpstr (aims_record_get (nc, "state"), ==, "reported");

  audit_before = fixture_count_rows (f->db, "audit_log");
  g_set_object (&nc, step (f->db, nc, AIMS_NC_STATE_CORRECTION_TAKEN, "correction", "Reports made by hand", NULL));
  /* One audit row: the step, with who, the state before and after, and the
   * field written with it. */
  g_assert_cmpint (fixture_count_rows (f->db, "audit_log"), ==, audit_before + 1);
  {
    g_autofree char *last = fixture_query_text (f->db, "SELECT action || ' ' || actor FROM audit_log ORDER BY id DESC LIMIT 1");

    g_assert_cmpstr (last, ==, "transition " FIXTURE_AUTHOR);
  }
  before_json = fixture_query_text (f->db, "SELECT before_json FROM audit_log ORDER BY id DESC LIMIT 1");
  after_json = fixture_query_text (f->db, "SELECT after_json FROM audit_log ORDER BY id DESC LIMIT 1");
  assert_says (before_json, "\"state\":\"reported\"");
  assert_says (after_json, "\"state\":\"correction_taken\"");
  assert_says (after_json, "\"correction\":\"Reports made by hand\"");

  g_set_object (&nc, step (f->db, nc, loop[1], "root_cause", "No owner for the job",
                           "five_whys", "[\"Missing\", \"Job failed\"]", "cause_category", "Process", NULL));
  g_assert_cmpstr (aims_record_get (nc, "cause_category"), ==, "process");
  action = add_action (f->db, nc, f->owner, "2025-02-15", NULL);
  g_assert_cmpstr (aims_record_get (action, "status"), ==, "open");
  g_set_object (&nc, step (f->db, nc, loop[2], NULL));
  {
    g_autoptr(AimsRecord) now = fixture_reload (f->db, action);
    g_autoptr(GHashTable) changes = fixture_values ("status", "done", "completed_date", "2025-02-14",
                                                    "evidence", "Inventory lists owners", NULL);

    done = aims_store_update (f->db, aims_entity_actions (), aims_record_get_id (now),
                              aims_record_get_row_version (now), changes, FIXTURE_AUTHOR, NULL);
    g_assert_nonnull (done);
  }
  g_set_object (&nc, step (f->db, nc, loop[3], NULL));
  g_set_object (&nc, step (f->db, nc, loop[4], "effectiveness_by_id", owner, "effectiveness_date", "2025-04-01",
                           "effectiveness_evidence", "Four months on time", "effectiveness_result", "Effective", NULL));
  g_set_object (&nc, step (f->db, nc, loop[5], NULL));

  g_assert_cmpint (fixture_query_int (f->db, "SELECT count(*) FROM audit_log WHERE entity = 'nonconformity'"
                                             " AND action = 'transition'"), ==, G_N_ELEMENTS (loop));
  {
    g_autofree char *state = fixture_query_text (f->db, "SELECT state FROM nonconformity");

    g_assert_cmpstr (state, ==, "closed");
  }
  assert_chain_verifies (f->db);
}

/* The "every guard": refused with the reason, nothing written. */
static void
test_guards_refuse (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(AimsRecord) nc = add_nc (f->db, "Training records missing", NULL);
  g_autoptr(AimsRecord) open = NULL;
  g_autoptr(AimsRecord) closed_action = NULL;
  g_autoptr(AimsRecord) undated = NULL;
  g_autoptr(GHashTable) partial = NULL;
  g_autoptr(GHashTable) not_effective = NULL;
  g_autofree char *owner = id_text (f->owner);

  refuse (f->db, nc, AIMS_NC_STATE_CORRECTION_TAKEN, "Record the correction first");
  refuse (f->db, nc, AIMS_NC_STATE_CLOSED, "A nonconformity that is “Reported” cannot go to “Closed”");
  refuse (f->db, nc, AIMS_NC_STATE_ROOT_CAUSE_ANALYSED, "cannot go to");
  refuse (f->db, nc, AIMS_NC_STATE_REPORTED, "already");
  refuse (f->db, nc, AIMS_NC_STATE_REJECTED, "Give the reason why it is not a nonconformity");

  g_set_object (&nc, step (f->db, nc, AIMS_NC_STATE_CORRECTION_TAKEN, "correction", "Trained again", NULL));
  refuse (f->db, nc, AIMS_NC_STATE_ROOT_CAUSE_ANALYSED, "Record the root cause first");
  g_set_object (&nc, step (f->db, nc, AIMS_NC_STATE_ROOT_CAUSE_ANALYSED, "root_cause", "No owner", NULL));

  refuse (f->db, nc, AIMS_NC_STATE_ACTIONS_PLANNED, "Plan at least one corrective action with an owner and a due date");
  undated = add_action (f->db, nc, f->owner, NULL, NULL);
  refuse (f->db, nc, AIMS_NC_STATE_ACTIONS_PLANNED, "owner and a due date");
  open = add_action (f->db, nc, f->owner, "2025-03-01", "in_progress");
  g_set_object (&nc, step (f->db, nc, AIMS_NC_STATE_ACTIONS_PLANNED, NULL));

  refuse (f->db, nc, AIMS_NC_STATE_ACTIONS_IMPLEMENTED, "Corrective actions CA-001, CA-002 are still open");
  g_clear_object (&closed_action);
  closed_action = fixture_update_field (f->db, undated, "status", "cancelled");
  refuse (f->db, nc, AIMS_NC_STATE_ACTIONS_IMPLEMENTED, "Corrective action CA-002 is still open");
  g_clear_object (&closed_action);
  {
    g_autoptr(GHashTable) changes = fixture_values ("status", "done", "completed_date", "2025-02-20", NULL);

    closed_action = aims_store_update (f->db, aims_entity_actions (), aims_record_get_id (open),
                                       aims_record_get_row_version (open), changes, FIXTURE_AUTHOR, NULL);
    g_assert_nonnull (closed_action);
  }
  g_set_object (&nc, step (f->db, nc, AIMS_NC_STATE_ACTIONS_IMPLEMENTED, NULL));

  refuse (f->db, nc, AIMS_NC_STATE_EFFECTIVENESS_VERIFIED, "Record the effectiveness check first");
  partial = fixture_values ("effectiveness_by_id", owner, "effectiveness_result", "effective", NULL);
  refuse_step (f->db, nc, aims_record_get_row_version (nc), AIMS_NC_STATE_EFFECTIVENESS_VERIFIED, partial,
               AIMS_DB_ERROR_INVALID, "missing: Checked on, Evidence of effectiveness");
  not_effective = fixture_values ("effectiveness_by_id", owner, "effectiveness_date", "2025-04-01",
                                  "effectiveness_evidence", "It happened again in March",
                                  "effectiveness_result", "not_effective", NULL);
  refuse_step (f->db, nc, aims_record_get_row_version (nc), AIMS_NC_STATE_EFFECTIVENESS_VERIFIED, not_effective,
               AIMS_DB_ERROR_INVALID, "reopen the nonconformity instead");
  refuse (f->db, nc, AIMS_NC_STATE_CLOSED, "cannot go to “Closed”");
  refuse (f->db, nc, AIMS_NC_STATE_REOPENED, "Give the reason for reopening");

  g_set_object (&nc, step (f->db, nc, AIMS_NC_STATE_EFFECTIVENESS_VERIFIED,
                           "effectiveness_by_id", owner, "effectiveness_date", "2025-04-01",
                           "effectiveness_evidence", "Four months on time", "effectiveness_result", "effective", NULL));
  g_set_object (&nc, step (f->db, nc, AIMS_NC_STATE_CLOSED, NULL));
  refuse (f->db, nc, AIMS_NC_STATE_ACTIONS_PLANNED, "from there it can go to “Reopened”");
  assert_chain_verifies (f->db);
}

/* Rejected needs a reason given with the step, every time; reopened too,
 * and it clears the check the new round needs again. */
static void
test_rejected_and_reopened (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(AimsRecord) nc = add_nc (f->db, "Complaint about the chatbot", NULL);
  g_autoptr(AimsRecord) action = NULL;
  g_autoptr(AimsRecord) second = NULL;
  g_autoptr(GHashTable) empty_reason = fixture_values ("rejection_reason", "  ", NULL);
  g_autofree char *owner = id_text (f->owner);

  refuse_step (f->db, nc, aims_record_get_row_version (nc), AIMS_NC_STATE_REJECTED, empty_reason,
               AIMS_DB_ERROR_INVALID, "Give the reason");
  g_set_object (&nc, step (f->db, nc, AIMS_NC_STATE_REJECTED, "rejection_reason", "A wish, not a requirement", NULL));
  g_assert_cmpstr (aims_record_get (nc, "rejection_reason"), ==, "A wish, not a requirement");
  g_assert_false (aims_nc_state_is_open (aims_nc_get_state (nc)));
  refuse (f->db, nc, AIMS_NC_STATE_CORRECTION_TAKEN, "from there it can go to “Reopened”");

  g_set_object (&nc, step (f->db, nc, AIMS_NC_STATE_REOPENED, "reopen_reason", "The same complaint came from the regulator", NULL));
  g_set_object (&nc, step (f->db, nc, AIMS_NC_STATE_CORRECTION_TAKEN, "correction", "Answered", NULL));
  /* The reason of the first rejection is still on file, but it is not this one's. */
  g_assert_nonnull (aims_record_get (nc, "rejection_reason"));
  refuse (f->db, nc, AIMS_NC_STATE_REJECTED, "Give the reason why it is not a nonconformity");

  /* Round one to closed, then it happens again. */
  g_set_object (&nc, step (f->db, nc, AIMS_NC_STATE_ROOT_CAUSE_ANALYSED, "root_cause", "FAQ outdated", NULL));
  action = add_action (f->db, nc, f->owner, "2025-02-01", "done");
  g_set_object (&nc, step (f->db, nc, AIMS_NC_STATE_ACTIONS_PLANNED, NULL));
  g_set_object (&nc, step (f->db, nc, AIMS_NC_STATE_ACTIONS_IMPLEMENTED, NULL));
  g_set_object (&nc, step (f->db, nc, AIMS_NC_STATE_EFFECTIVENESS_VERIFIED,
                           "effectiveness_by_id", owner, "effectiveness_date", "2025-03-01",
                           "effectiveness_evidence", "No complaint since", "effectiveness_result", "effective", NULL));
  g_set_object (&nc, step (f->db, nc, AIMS_NC_STATE_CLOSED, NULL));
  refuse (f->db, nc, AIMS_NC_STATE_REOPENED, "Give the reason for reopening");
  g_set_object (&nc, step (f->db, nc, AIMS_NC_STATE_REOPENED, "reopen_reason", "It happened again in May", NULL));
  g_assert_cmpstr (aims_record_get (nc, "reopen_reason"), ==, "It happened again in May");
  g_assert_null (aims_record_get (nc, "effectiveness_by_id"));
  g_assert_null (aims_record_get (nc, "effectiveness_date"));
  g_assert_null (aims_record_get (nc, "effectiveness_evidence"));
  g_assert_null (aims_record_get (nc, "effectiveness_result"));
  g_assert_nonnull (aims_record_get (nc, "root_cause"));

  /* Back into the loop with a new action still to be done. */
  refuse (f->db, nc, AIMS_NC_STATE_ACTIONS_PLANNED, "the actions on file are all done");
  second = add_action (f->db, nc, f->owner, "2025-06-01", NULL);
  g_set_object (&nc, step (f->db, nc, AIMS_NC_STATE_ACTIONS_PLANNED, NULL));
  assert_chain_verifies (f->db);
}

/* The state is the workflow's: no insert or update writes it, and a
 * transition's changes may not carry it. */
static void
test_state_not_writable (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(AimsRecord) nc = add_nc (f->db, "Logs deleted", NULL);
  g_autoptr(GHashTable) set_state = fixture_values ("state", "closed", NULL);
  g_autoptr(GHashTable) insert_closed = fixture_values ("title", "Born closed", "source", "monitoring",
                                                        "severity", "minor", "found_date", "2025-01-01",
                                                        "state", "closed", NULL);
  g_autofree char *before = snapshot (f->db);
  g_autofree char *after = NULL;
  g_autoptr(GError) update_error = fixture_update_refused (f->db, nc, set_state);
  g_autoptr(GError) insert_error = fixture_insert_refused (f->db, aims_entity_nonconformities (), insert_closed);

  fixture_assert_error_names_field (update_error, aims_entity_nonconformities (), "state");
  fixture_assert_error_names_field (insert_error, aims_entity_nonconformities (), "state");
  after = snapshot (f->db);
  g_assert_cmpstr (after, ==, before);
  refuse_step (f->db, nc, -1, AIMS_NC_STATE_CORRECTION_TAKEN, set_state, AIMS_DB_ERROR_INVALID, "State");

  /* From any other writer, only a state or status of the workflow. */
  {
    sqlite3 *raw = fixture_raw_open (f->path);
    char *message = NULL;

    g_assert_cmpint (sqlite3_exec (raw, "UPDATE nonconformity SET state = 'done'", NULL, NULL, &message), !=, SQLITE_OK);
    assert_says (message, "not a state of the workflow");
    sqlite3_free (message);
    g_assert_cmpint (sqlite3_exec (raw, "INSERT INTO corrective_action (reference, created_at, created_by,"
                                        " updated_at, updated_by, nonconformity_id, description, status)"
                                        " VALUES ('CA-900', 'x', 'x', 'x', 'x', 1, 'd', 'finished')",
                                   NULL, NULL, &message), !=, SQLITE_OK);
    assert_says (message, "must be open, in_progress, done or cancelled");
    sqlite3_free (message);
    sqlite3_close (raw);
  }
  g_free (after);
  after = snapshot (f->db);
  g_assert_cmpstr (after, ==, before);
}

/* A change given with a step is checked as an update's: refused, nothing
 * written. An unknown record is missing. */
static void
test_step_changes_checked (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(AimsRecord) nc = add_nc (f->db, "Bias audit late", NULL);
  g_autoptr(GHashTable) bad_date = fixture_values ("correction", "Fixed", "effectiveness_date", "soon", NULL);
  g_autoptr(GHashTable) unknown = fixture_values ("colour", "red", NULL);
  g_autoptr(GHashTable) title_emptied = fixture_values ("correction", "Fixed", "title", "", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(AimsRecord) none = NULL;

  refuse_step (f->db, nc, -1, AIMS_NC_STATE_CORRECTION_TAKEN, bad_date, AIMS_DB_ERROR_INVALID, "Checked on");
  refuse_step (f->db, nc, -1, AIMS_NC_STATE_CORRECTION_TAKEN, unknown, AIMS_DB_ERROR_INVALID, "colour");
  refuse_step (f->db, nc, -1, AIMS_NC_STATE_CORRECTION_TAKEN, title_emptied, AIMS_DB_ERROR_INVALID, "Title is required");
  none = aims_nc_transition (f->db, 999, -1, AIMS_NC_STATE_CORRECTION_TAKEN, NULL, FIXTURE_AUTHOR, &error);
  g_assert_null (none);
  g_assert_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_MISSING);
}

/* ── Conflicts ─────────────────────────────────────────────────────────── */

static void
test_conflict (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(AimsRecord) nc = add_nc (f->db, "Override rates not reviewed", "correction", "Reviewed by hand", NULL);
  g_autoptr(AimsRecord) read_by_other = NULL;
  g_autoptr(AimsRecord) moved = NULL;
  g_autoptr(GHashTable) reason = fixture_values ("rejection_reason", "Out of scope", NULL);
  AimsDb *other = fixture_open_db (f->path, AIMS_DB_OPEN_DEFAULT);

  /* A stale version: nothing written, CONFLICT with who changed it. */
  refuse_step (f->db, nc, aims_record_get_row_version (nc) + 1, AIMS_NC_STATE_CORRECTION_TAKEN, NULL,
               AIMS_DB_ERROR_CONFLICT, "nothing was saved");

  /* Two users: the second one's step, from what it read, is refused. */
  read_by_other = aims_store_load (other, aims_entity_nonconformities (), aims_record_get_id (nc), NULL);
  g_set_object (&nc, step (f->db, nc, AIMS_NC_STATE_CORRECTION_TAKEN, NULL));
  refuse_step (other, read_by_other, aims_record_get_row_version (read_by_other), AIMS_NC_STATE_REJECTED, reason,
               AIMS_DB_ERROR_CONFLICT, "NC-001");
  /* Without a version, the guards see what is stored now. */
  moved = aims_nc_transition (other, aims_record_get_id (nc), -1, AIMS_NC_STATE_CORRECTION_TAKEN, NULL,
                              FIXTURE_AUTHOR, NULL);
  g_assert_null (moved);
  fixture_close_db (&other);
  assert_chain_verifies (f->db);
}

/* ── Rules of the store ────────────────────────────────────────────────── */

#define assert_insert_refused(db, values, says) \
  assert_refused ((db), AIMS_DB_ERROR_INVALID, (says), fixture_insert_refused ((db), aims_entity_actions (), (values)))
#define assert_update_refused(db, record, changes, says) \
  assert_refused ((db), AIMS_DB_ERROR_INVALID, (says), fixture_update_refused ((db), (record), (changes)))

static void
test_action_rules (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(AimsRecord) nc = add_nc (f->db, "Rate sheet outdated", "correction", "Removed",
                                     "root_cause", "Manual upload", NULL);
  g_autoptr(AimsRecord) done = NULL;
  g_autofree char *nc_id = id_text (nc);
  g_autofree char *owner = id_text (f->owner);
  g_autoptr(GHashTable) no_owner = fixture_values ("nonconformity_id", nc_id, "description", "Fix it", NULL);
  g_autoptr(GHashTable) early = fixture_values ("nonconformity_id", nc_id, "description", "Fix it",
                                                "owner_id", owner, "due_date", "2025-01-09", NULL);
  g_autoptr(GHashTable) no_completion = fixture_values ("nonconformity_id", nc_id, "description", "Fix it",
                                                        "owner_id", owner, "status", "done", NULL);
  g_autoptr(GHashTable) no_status = fixture_values ("nonconformity_id", nc_id, "description", "Fix it",
                                                    "owner_id", owner, "status", "", NULL);
  g_autoptr(GHashTable) no_nc = fixture_values ("description", "Fix it", "owner_id", owner, NULL);
  g_autoptr(GHashTable) open_again = fixture_values ("status", "open", NULL);
  g_autoptr(GHashTable) found_later = fixture_values ("found_date", "2025-03-01", NULL);
  g_autoptr(GHashTable) found_future = fixture_values ("found_date", "2999-01-01", NULL);

  assert_insert_refused (f->db, no_owner, "Owner is required");
  assert_insert_refused (f->db, early, "Due: 2025-01-09 is before NC-001 was found (2025-01-10)");
  assert_insert_refused (f->db, no_completion, "needs its Completed on date");
  assert_insert_refused (f->db, no_status, "Status is required");
  assert_insert_refused (f->db, no_nc, "Nonconformity is required");

  done = add_action (f->db, nc, f->owner, "2025-02-01", "done");
  /* A found date after an action was due. */
  assert_update_refused (f->db, nc, found_later, "after the due date 2025-02-01 of CA-001");
  assert_update_refused (f->db, nc, found_future, "after today");

  g_set_object (&nc, step (f->db, nc, AIMS_NC_STATE_CORRECTION_TAKEN, NULL));
  g_set_object (&nc, step (f->db, nc, AIMS_NC_STATE_ROOT_CAUSE_ANALYSED, NULL));
  g_set_object (&nc, step (f->db, nc, AIMS_NC_STATE_ACTIONS_PLANNED, NULL));
  g_set_object (&nc, step (f->db, nc, AIMS_NC_STATE_ACTIONS_IMPLEMENTED, NULL));
  /* No open action beside "implemented": reopen first. */
  {
    g_autoptr(GHashTable) another = fixture_values ("nonconformity_id", nc_id, "description", "More",
                                                    "owner_id", owner, "due_date", "2025-05-01", NULL);
    g_autoptr(AimsRecord) finished = NULL;

    assert_insert_refused (f->db, another, "NC-001 is “Actions implemented”: reopen it before adding an open corrective action");
    g_hash_table_insert (another, g_strdup ("status"), g_strdup ("done"));
    g_hash_table_insert (another, g_strdup ("completed_date"), g_strdup ("2025-04-01"));
    finished = fixture_insert (f->db, aims_entity_actions (), another);
    g_assert_nonnull (finished);
  }
  assert_update_refused (f->db, done, open_again, "reopen it before");
  assert_chain_verifies (f->db);
}

/* A plain edit may not take away what the state stands on. */
static void
test_state_fields_kept (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(AimsRecord) nc = add_nc (f->db, "Drift unmonitored", "correction", "Done by hand", NULL);
  g_autoptr(GHashTable) no_root_cause = fixture_values ("root_cause", "", NULL);
  g_autoptr(GHashTable) no_correction = fixture_values ("correction", "", NULL);
  g_autoptr(GHashTable) six_whys = fixture_values ("five_whys", "[\"1\",\"2\",\"3\",\"4\",\"5\",\"6\"]", NULL);
  g_autoptr(GHashTable) not_json = fixture_values ("five_whys", "Because", NULL);
  g_autoptr(AimsRecord) edited = NULL;

  /* Reported: the correction may still come and go. */
  g_set_object (&nc, fixture_update_field (f->db, nc, "correction", ""));
  g_set_object (&nc, fixture_update_field (f->db, nc, "correction", "Done by hand"));
  g_set_object (&nc, step (f->db, nc, AIMS_NC_STATE_CORRECTION_TAKEN, NULL));
  g_set_object (&nc, step (f->db, nc, AIMS_NC_STATE_ROOT_CAUSE_ANALYSED, "root_cause", "No owner", NULL));
  assert_update_refused (f->db, nc, no_root_cause, "Root cause cannot be emptied while the nonconformity is “Root cause analysed”");
  assert_update_refused (f->db, nc, no_correction, "Correction cannot be emptied");
  assert_update_refused (f->db, nc, six_whys, "at most 5 answers");
  assert_update_refused (f->db, nc, not_json, "JSON array");
  /* Editing it is fine. */
  edited = fixture_update_field (f->db, nc, "root_cause", "No owner after the reorganisation");
  g_assert_cmpint (aims_nc_get_state (edited), ==, AIMS_NC_STATE_ROOT_CAUSE_ANALYSED);
}

/* ── Queries ───────────────────────────────────────────────────────────── */

static void
test_overdue_actions (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(AimsRecord) nc = add_nc (f->db, "Logs deleted", NULL);
  g_autoptr(AimsRecord) other = add_nc (f->db, "Policy late", NULL);
  g_autoptr(GDate) today = g_date_new_dmy (1, G_DATE_MARCH, 2025);
  g_autoptr(GPtrArray) overdue = NULL;
  g_autoptr(GHashTable) by_nc = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *list;
  guint n_open, n_overdue;
  AimsRecord *actions[] = {
    add_action (f->db, nc, f->owner, "2025-02-01", NULL),           /* overdue */
    add_action (f->db, nc, f->owner, "2025-03-01", NULL),           /* due today */
    add_action (f->db, nc, f->owner, "2025-01-20", "done"),         /* done */
    add_action (f->db, other, f->owner, "2025-01-15", "in_progress"), /* overdue, first */
    add_action (f->db, other, f->owner, NULL, NULL),                /* no date */
  };

  overdue = aims_nc_list_overdue_actions (f->db, today, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (overdue->len, ==, 2);
  g_assert_cmpstr (aims_record_get_reference (overdue->pdata[0]), ==, "CA-004");
  g_assert_cmpstr (aims_record_get_reference (overdue->pdata[1]), ==, "CA-001");

  by_nc = aims_nc_load_actions_by_nc (f->db, &error);
  g_assert_no_error (error);
  list = aims_nc_actions_lookup (by_nc, aims_record_get_id (nc));
  g_assert_cmpuint (list->len, ==, 3);
  aims_actions_count (list, today, &n_open, &n_overdue);
  g_assert_cmpuint (n_open, ==, 2);
  g_assert_cmpuint (n_overdue, ==, 1);
  g_assert_cmpuint (aims_nc_actions_lookup (by_nc, aims_record_get_id (other))->len, ==, 2);
  g_assert_null (aims_nc_actions_lookup (by_nc, 999));
  {
    g_autoptr(GPtrArray) own = aims_nc_list_actions (f->db, aims_record_get_id (other), &error);

    g_assert_cmpuint (own->len, ==, 2);
    g_assert_cmpstr (aims_record_get_reference (own->pdata[0]), ==, "CA-004");
  }
  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    g_object_unref (actions[i]);
}

static void
test_similar (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(AimsRecord) other_system = fixture_add_system (f->db, "Chatbot", f->owner);
  g_autofree char *s1 = id_text (f->system);
  g_autofree char *s2 = id_text (other_system);
  g_autoptr(AimsRecord) a = add_nc (f->db, "A", "ai_system_id", s1, "control_id", "A.6.2.6",
                                    "cause_category", "process", NULL);
  g_autoptr(AimsRecord) b = add_nc (f->db, "B", "ai_system_id", s1, "cause_category", "data",
                                    "found_date", "2025-01-05", NULL);
  g_autoptr(AimsRecord) c = add_nc (f->db, "C", "ai_system_id", s2, "control_id", "A.6.2.6",
                                    "cause_category", "Process", NULL);
  g_autoptr(AimsRecord) d = add_nc (f->db, "D", "ai_system_id", s2, NULL);
  g_autoptr(AimsRecord) e = add_nc (f->db, "E", "cause_category", "data", "found_date", "2025-01-12", NULL);
  g_autoptr(AimsRecord) lonely = add_nc (f->db, "F", NULL);
  g_autoptr(GPtrArray) similar = NULL;
  g_autoptr(GPtrArray) none = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (aims_record_get_display (a, "control_id"), ==, "AI system operation and monitoring");
  g_assert_cmpint (aims_nc_similarity (a, c), ==, AIMS_NC_SIMILAR_CONTROL | AIMS_NC_SIMILAR_CAUSE);
  g_assert_cmpint (aims_nc_similarity (a, b), ==, AIMS_NC_SIMILAR_SYSTEM);
  g_assert_cmpint (aims_nc_similarity (a, d), ==, AIMS_NC_SIMILAR_NONE);
  g_assert_cmpint (aims_nc_similarity (lonely, lonely), ==, AIMS_NC_SIMILAR_NONE);

  similar = aims_nc_list_similar (f->db, aims_record_get_id (a), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (similar->len, ==, 2);
  g_assert_cmpstr (aims_record_get_title (similar->pdata[0]), ==, "C");
  g_assert_cmpstr (aims_record_get_title (similar->pdata[1]), ==, "B");

  /* Equal in common: the most recently found first. */
  g_clear_pointer (&similar, g_ptr_array_unref);
  similar = aims_nc_list_similar (f->db, aims_record_get_id (b), &error);
  g_assert_cmpuint (similar->len, ==, 2);
  g_assert_cmpstr (aims_record_get_title (similar->pdata[0]), ==, "E");
  g_assert_cmpstr (aims_record_get_title (similar->pdata[1]), ==, "A");

  none = aims_nc_list_similar (f->db, aims_record_get_id (lonely), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (none->len, ==, 0);
}

/* The history in the order it happened, steps and action changes alike. */
static void
test_timeline (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(AimsRecord) nc = add_nc (f->db, "Logs deleted", NULL);
  g_autoptr(AimsRecord) unrelated = add_nc (f->db, "Something else", NULL);
  g_autoptr(AimsRecord) action = NULL;
  g_autoptr(AimsRecord) changed = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;
  const AimsNcEventKind kinds[] = {
    AIMS_NC_EVENT_REPORTED, AIMS_NC_EVENT_EDITED, AIMS_NC_EVENT_TRANSITION, AIMS_NC_EVENT_TRANSITION,
    AIMS_NC_EVENT_TRANSITION, AIMS_NC_EVENT_ACTION_ADDED, AIMS_NC_EVENT_ACTION_CHANGED,
  };
  const char *const lines[] = {
    "NC-001 reported", "Edited: Severity", "Reported → Correction taken (Correction)",
    "Correction taken → Rejected: Not ours", "Rejected → Reopened: It is ours after all",
    "CA-001 added: Name an owner", "CA-001 is now In progress (Status)",
  };

  g_set_object (&nc, fixture_update_field (f->db, nc, "severity", "minor"));
  g_set_object (&nc, step (f->db, nc, AIMS_NC_STATE_CORRECTION_TAKEN, "correction", "Logs restored", NULL));
  g_set_object (&unrelated, step (f->db, unrelated, AIMS_NC_STATE_REJECTED, "rejection_reason", "Dup", NULL));
  g_set_object (&nc, step (f->db, nc, AIMS_NC_STATE_REJECTED, "rejection_reason", "Not ours", NULL));
  g_set_object (&nc, step (f->db, nc, AIMS_NC_STATE_REOPENED, "reopen_reason", "It is ours after all", NULL));
  action = add_action (f->db, nc, f->owner, "2025-02-01", NULL);
  changed = fixture_update_field (f->db, action, "status", "in_progress");

  events = aims_nc_timeline (f->db, aims_record_get_id (nc), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (events->len, ==, G_N_ELEMENTS (kinds));
  for (guint i = 0; i < events->len; i++)
    {
      const AimsNcEvent *event = events->pdata[i];
      g_autofree char *line = aims_nc_event_describe (event);

      g_assert_cmpint (event->kind, ==, kinds[i]);
      g_assert_cmpstr (line, ==, lines[i]);
      g_assert_cmpstr (event->actor, ==, FIXTURE_AUTHOR);
      g_assert_nonnull (event->at);
      if (i > 0)
        {
          const AimsNcEvent *previous = events->pdata[i - 1];

          g_assert_cmpint (event->audit_id, >, previous->audit_id);
          g_assert_cmpstr (event->at, >=, previous->at);
        }
    }
  g_assert_cmpint (((AimsNcEvent *) events->pdata[3])->from, ==, AIMS_NC_STATE_CORRECTION_TAKEN);
  g_assert_cmpint (((AimsNcEvent *) events->pdata[3])->to, ==, AIMS_NC_STATE_REJECTED);
  /* Action events carry the state the nonconformity was in. */
  g_assert_cmpint (((AimsNcEvent *) events->pdata[6])->to, ==, AIMS_NC_STATE_REOPENED);
}

/* ── Migration ─────────────────────────────────────────────────────────── */

/* A database of version 4 gets the reason for reopening and the triggers,
 * and keeps its nonconformities, which then move by the workflow. */
static void
test_migration (void)
{
  g_autofree char *path = fixture_path ("before-5.aims");
  g_autoptr(GPtrArray) scripts = aims_migrate_dup_scripts (NULL);
  g_autofree char *pragmas = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = 4",
                                              AIMS_APPLICATION_ID);
  g_autoptr(AimsRecord) nc = NULL;
  g_autoptr(AimsRecord) moved = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) changes = fixture_values ("correction", "Fixed", NULL);
  sqlite3 *raw = fixture_raw_open (path);
  AimsDb *db;

  /* Every migration before this one. */
  for (guint i = 0; i < scripts->len && strstr (scripts->pdata[i], "reopen_reason") == NULL; i++)
    fixture_raw_exec (raw, scripts->pdata[i]);
  fixture_raw_exec (raw, pragmas);
  fixture_raw_exec (raw, "INSERT INTO nonconformity (reference, created_at, created_by, updated_at, updated_by,"
                         " title, source, severity, found_date)"
                         " VALUES ('NC-001', '2025-01-01T00:00:00Z', 'x', '2025-01-01T00:00:00Z', 'x',"
                         " 'Old finding', 'internal_audit', 'minor', '2025-01-01')");
  sqlite3_close (raw);

  db = fixture_open_db (path, AIMS_DB_OPEN_DEFAULT);
  g_assert_cmpint (aims_db_get_schema_version (db), ==, aims_migrate_latest_version ());
  nc = aims_store_find (db, aims_entity_nonconformities (), "NC-001", &error);
  g_assert_no_error (error);
  g_assert_cmpint (aims_nc_get_state (nc), ==, AIMS_NC_STATE_REPORTED);
  g_assert_null (aims_record_get (nc, "reopen_reason"));
  moved = aims_nc_transition (db, aims_record_get_id (nc), 1, AIMS_NC_STATE_CORRECTION_TAKEN, changes,
                              FIXTURE_AUTHOR, &error);
  g_assert_no_error (error);
  g_assert_cmpint (aims_nc_get_state (moved), ==, AIMS_NC_STATE_CORRECTION_TAKEN);
  fixture_close_db (&db);
}

/* ── The demo ──────────────────────────────────────────────────────────── */

static void
test_demo (void)
{
  g_autofree char *path = fixture_create_demo_file ("demo.aims");
  AimsDb *db = fixture_open_db (path, AIMS_DB_OPEN_DEFAULT);
  g_autoptr(GPtrArray) ncs = NULL;
  g_autoptr(GHashTable) by_nc = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDate) today = aims_date_today ();
  g_autoptr(GError) error = NULL;
  guint per_state[AIMS_NC_N_STATES] = { 0 };
  guint with_overdue = 0, reopened_in_history = 0;

  ncs = aims_store_list (db, aims_entity_nonconformities (), &error);
  g_assert_no_error (error);
  by_nc = aims_nc_load_actions_by_nc (db, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < ncs->len; i++)
    {
      AimsRecord *nc = ncs->pdata[i];
      g_autoptr(GPtrArray) events = aims_nc_timeline (db, aims_record_get_id (nc), &error);
      guint n_overdue = 0;
      AimsNcState last = AIMS_NC_STATE_REPORTED;

      g_assert_no_error (error);
      per_state[aims_nc_get_state (nc)]++;
      /* Every one holds what its state needs, and its history leads there. */
      g_assert_true (aims_nc_workflow_check_fields (nc, NULL));
      g_assert_cmpint (((AimsNcEvent *) events->pdata[0])->kind, ==, AIMS_NC_EVENT_REPORTED);
      for (guint e = 0; e < events->len; e++)
        {
          const AimsNcEvent *event = events->pdata[e];

          if (event->kind != AIMS_NC_EVENT_TRANSITION)
            continue;
          g_assert_true (aims_nc_state_can_follow (event->from, event->to));
          reopened_in_history += event->to == AIMS_NC_STATE_REOPENED;
          last = event->to;
        }
      g_assert_cmpint (last, ==, aims_nc_get_state (nc));
      aims_actions_count (aims_nc_actions_lookup (by_nc, aims_record_get_id (nc)), today, NULL, &n_overdue);
      with_overdue += n_overdue > 0;
      g_assert_nonnull (aims_record_get (nc, "found_by_id"));
    }
  for (guint s = 0; s < AIMS_NC_N_STATES; s++)
    if (per_state[s] == 0)
      g_error ("no demo nonconformity is %s", aims_nc_state_key (s));
  g_assert_cmpuint (per_state[AIMS_NC_STATE_REOPENED], ==, 1);
  g_assert_cmpuint (with_overdue, >=, 2);
  g_assert_cmpuint (reopened_in_history, >=, 2);

  /* Recurring problems show: the credit model's two findings. */
  {
    g_autoptr(AimsRecord) first = aims_store_find (db, aims_entity_nonconformities (), "NC-001", NULL);
    g_autoptr(GPtrArray) similar = aims_nc_list_similar (db, aims_record_get_id (first), NULL);

    g_assert_cmpuint (similar->len, >=, 1);
  }
  g_assert_cmpint (fixture_query_int (db, "SELECT count(*) FROM audit_log WHERE action = 'transition'"), >=, 30);
  assert_chain_verifies (db);
  g_assert_true (aims_check_database (db, problems, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);
  fixture_close_db (&db);
}

int
main (int    argc,
      char **argv)
{
  fixture_init (&argc, &argv);

  g_test_add_func ("/nonconformities/entities", test_entities);
  ADD_TEST ("/nonconformities/full-loop", test_full_loop);
  ADD_TEST ("/nonconformities/guards-refuse", test_guards_refuse);
  ADD_TEST ("/nonconformities/rejected-and-reopened", test_rejected_and_reopened);
  ADD_TEST ("/nonconformities/state-not-writable", test_state_not_writable);
  ADD_TEST ("/nonconformities/step-changes-checked", test_step_changes_checked);
  ADD_TEST ("/nonconformities/conflict", test_conflict);
  ADD_TEST ("/nonconformities/action-rules", test_action_rules);
  ADD_TEST ("/nonconformities/state-fields-kept", test_state_fields_kept);
  ADD_TEST ("/nonconformities/overdue-actions", test_overdue_actions);
  ADD_TEST ("/nonconformities/similar", test_similar);
  ADD_TEST ("/nonconformities/timeline", test_timeline);
  g_test_add_func ("/nonconformities/migration", test_migration);
  g_test_add_func ("/nonconformities/demo", test_demo);

  return g_test_run ();
}
