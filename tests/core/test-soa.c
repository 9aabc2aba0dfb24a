/* test-soa.c — the Annex A catalogue, the Statement of Applicability's rules
 * and audited writes, links between risks and controls, the clause checklist,
 * progress, and the demo's SoA
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "core-fixtures.h"

/* The 38 controls of ISO/IEC 42001 Annex A, as the issue lists them. */
static const struct
{
  const char *reference;
  const char *title;
} annex_a[] = {
  { "A.2.2", "AI policy" },
  { "A.2.3", "Alignment with other organizational policies" },
  { "A.2.4", "Review of the AI policy" },
  { "A.3.2", "AI roles and responsibilities" },
  { "A.3.3", "Reporting of concerns" },
  { "A.4.2", "Resource documentation" },
  { "A.4.3", "Data resources" },
  { "A.4.4", "Tooling resources" },
  { "A.4.5", "System and computing resources" },
  { "A.4.6", "Human resources" },
  { "A.5.2", "AI system impact assessment process" },
  { "A.5.3", "Documentation of AI system impact assessments" },
  { "A.5.4", "Assessing AI system impact on individuals or groups of individuals" },
  { "A.5.5", "Assessing societal impacts of AI systems" },
  { "A.6.1.2", "Objectives for responsible development of AI system" },
  { "A.6.1.3", "Processes for responsible AI system design and development" },
  { "A.6.2.2", "AI system requirements and specification" },
  { "A.6.2.3", "Documentation of AI system design and development" },
  { "A.6.2.4", "AI system verification and validation" },
  { "A.6.2.5", "AI system deployment" },
  { "A.6.2.6", "AI system operation and monitoring" },
  { "A.6.2.7", "AI system technical documentation" },
  { "A.6.2.8", "AI system recording of event logs" },
  { "A.7.2", "Data for development and enhancement of AI system" },
  { "A.7.3", "Acquisition of data" },
  { "A.7.4", "Quality of data for AI systems" },
  { "A.7.5", "Data provenance" },
  { "A.7.6", "Data preparation" },
  { "A.8.2", "System documentation and information for users" },
  { "A.8.3", "External reporting" },
  { "A.8.4", "Communication of incidents" },
  { "A.8.5", "Information for interested parties" },
  { "A.9.2", "Processes for responsible use of AI systems" },
  { "A.9.3", "Objectives for responsible use of AI system" },
  { "A.9.4", "Intended use of the AI system" },
  { "A.10.2", "Allocating responsibilities" },
  { "A.10.3", "Suppliers" },
  { "A.10.4", "Customers" },
};

static const char *const group_titles[] = {
  "A.2 Policies related to AI", "A.3 Internal organization", "A.4 Resources for AI systems",
  "A.5 Assessing impacts of AI systems", "A.6 AI system life cycle", "A.7 Data for AI systems",
  "A.8 Information for interested parties of AI systems", "A.9 Use of AI systems",
  "A.10 Third-party and customer relationships",
};

static const char *const clause_references[] = {
  "4.1", "4.2", "4.3", "4.4", "5.1", "5.2", "5.3", "6.1.1", "6.1.2", "6.1.3", "6.1.4",
  "6.2", "6.3", "7.1", "7.2", "7.3", "7.4", "7.5.1", "7.5.2", "7.5.3", "8.1", "8.2",
  "8.3", "8.4", "9.1", "9.2.1", "9.2.2", "9.3.1", "9.3.2", "9.3.3", "10.1", "10.2",
};

static GPtrArray *
list_controls (AimsDb *db)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *controls = aims_store_list (db, aims_entity_controls (), &error);

  g_assert_no_error (error);
  return controls;
}

static AimsRecord *
find_control (AimsDb     *db,
              const char *reference)
{
  g_autoptr(GError) error = NULL;
  AimsRecord *control = aims_store_find (db, aims_entity_controls (), reference, &error);

  g_assert_no_error (error);
  return control;
}

/* The group of "A.6.2.4" is "A.6". */
static char *
group_of (const char *reference)
{
  const char *second_dot = strchr (reference + 2, '.');

  return g_strndup (reference, second_dot - reference);
}

/* Every database holds exactly the 38 controls in the order of Annex A, in
 * their groups, each with an explanation, none decided; and the checklist
 * of clauses 4 to 10. */
static void
test_catalogue (FixtureDb     *f,
                gconstpointer  data)
{
  g_autoptr(GPtrArray) controls = list_controls (f->db);
  g_autoptr(GHashTable) explanations = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) clauses = NULL;
  g_autoptr(GError) error = NULL;
  const AimsChoice *groups = aims_soa_groups ();
  guint n_groups = 0;

  g_assert_cmpuint (controls->len, ==, G_N_ELEMENTS (annex_a));
  g_assert_cmpuint (controls->len, ==, AIMS_SOA_N_CONTROLS);
  for (guint i = 0; i < controls->len; i++)
    {
      AimsRecord *control = controls->pdata[i];
      g_autofree char *group = group_of (annex_a[i].reference);
      const char *guidance = aims_record_get (control, "guidance");

      g_assert_cmpstr (aims_record_get_reference (control), ==, annex_a[i].reference);
      g_assert_cmpstr (aims_record_get (control, "title"), ==, annex_a[i].title);
      g_assert_cmpstr (aims_record_get (control, "group_ref"), ==, group);
      g_assert_nonnull (guidance);
      g_assert_cmpuint (strlen (guidance), >, 40);
      g_assert_false (g_hash_table_contains (explanations, guidance));
      g_hash_table_add (explanations, (gpointer) guidance);
      g_assert_null (aims_record_get (control, "applicable"));
      g_assert_cmpstr (aims_record_get (control, "soa_status"), ==, AIMS_SOA_STATUS_UNDECIDED);
      g_assert_null (aims_record_get (control, "linked_risks"));
      /* One id for the control in every table. */
      g_assert_cmpint (aims_record_get_id (control), ==, i + 1);
    }
  g_assert_cmpint (fixture_count_rows (f->db, "control"), ==, 38);
  g_assert_cmpint (fixture_count_rows (f->db, "soa_entry"), ==, 38);

  for (; groups[n_groups].key != NULL; n_groups++)
    g_assert_cmpstr (groups[n_groups].label, ==, group_titles[n_groups]);
  g_assert_cmpuint (n_groups, ==, G_N_ELEMENTS (group_titles));

  clauses = aims_store_list (f->db, aims_entity_clauses (), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (clauses->len, ==, G_N_ELEMENTS (clause_references));
  for (guint i = 0; i < clauses->len; i++)
    {
      AimsRecord *requirement = clauses->pdata[i];
      g_autofree char *chapter = g_strndup (clause_references[i], strchr (clause_references[i], '.') - clause_references[i]);

      g_assert_cmpstr (aims_record_get_reference (requirement), ==, clause_references[i]);
      g_assert_cmpstr (aims_record_get (requirement, "clause"), ==, chapter);
      g_assert_nonnull (aims_record_get (requirement, "title"));
      g_assert_nonnull (aims_record_get (requirement, "guidance"));
      g_assert_cmpstr (aims_record_get (requirement, "status"), ==, AIMS_CLAUSE_STATUS_NOT_STARTED);
    }
  /* The seed rows are part of the schema, not changes anyone made. */
  g_assert_cmpint (fixture_count_rows (f->db, "audit_log"), ==, 0);
}

/* A database made by the previous version gets the catalogue, and keeps
 * what it held. */
static void
test_migrate_from_version_2 (void)
{
  g_autofree char *path = fixture_path ("old.aims");
  g_autoptr(GPtrArray) scripts = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) controls = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *pragmas = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = 2",
                                              AIMS_APPLICATION_ID);
  sqlite3 *raw;
  AimsDb *db;

  scripts = aims_migrate_dup_scripts (&error);
  g_assert_no_error (error);
  raw = fixture_raw_open (path);
  fixture_raw_exec (raw, scripts->pdata[0]);
  fixture_raw_exec (raw, scripts->pdata[1]);
  fixture_raw_exec (raw, pragmas);
  fixture_raw_exec (raw, "INSERT INTO person (reference, created_at, created_by, updated_at, updated_by, name)"
                         " VALUES ('PER-001', '2025-01-01T00:00:00Z', 'x', '2025-01-01T00:00:00Z', 'x', 'Ada');"
                         "INSERT INTO risk (reference, created_at, created_by, updated_at, updated_by, title, owner_id, treatment)"
                         " VALUES ('RSK-001', '2025-01-01T00:00:00Z', 'x', '2025-01-01T00:00:00Z', 'x', 'Old risk', 1, 'mitigate')");
  sqlite3_close (raw);

  db = fixture_open_db (path, AIMS_DB_OPEN_DEFAULT);
  g_assert_cmpint (aims_db_get_schema_version (db), ==, aims_migrate_latest_version ());
  g_assert_nonnull (aims_db_get_migration_backup (db));
  controls = list_controls (db);
  g_assert_cmpuint (controls->len, ==, 38);
  g_assert_cmpint (fixture_query_int (db, "SELECT count(*) FROM risk WHERE title = 'Old risk'"), ==, 1);
  g_assert_cmpint (fixture_count_rows (db, "clause_requirement"), ==, G_N_ELEMENTS (clause_references));
  g_assert_true (aims_check_database (db, problems, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);
  fixture_close_db (&db);
}

/* Everything a refused write could have touched, as one string. */
static char *
state_of (AimsDb *db)
{
  return fixture_query_text (db,
    "SELECT (SELECT group_concat(id || quote(applicable) || quote(justification) || quote(implementation_status)"
    "                            || quote(owner_id) || quote(evidence) || quote(review_date) || row_version"
    "                            || updated_at, '|') FROM soa_entry)"
    " || (SELECT group_concat(risk_id || '-' || control_id, ',') FROM risk_control)"
    " || (SELECT group_concat(title || guidance, '|') FROM control)"
    " || (SELECT group_concat(status || quote(notes) || row_version, '|') FROM clause_requirement)"
    " || (SELECT count(*) FROM audit_log)");
}

static AimsRecord *
update_control (AimsDb     *db,
                const char *reference,
                GHashTable *changes)
{
  g_autoptr(AimsRecord) control = find_control (db, reference);
  g_autoptr(GError) error = NULL;
  AimsRecord *updated = aims_store_update (db, aims_entity_controls (), aims_record_get_id (control),
                                           aims_record_get_row_version (control), changes,
                                           FIXTURE_AUTHOR, &error);

  g_assert_no_error (error);
  return updated;
}

static void
link_control (AimsDb     *db,
              AimsRecord *risk,
              const char *reference)
{
  g_autoptr(AimsRecord) control = find_control (db, reference);
  g_autoptr(GError) error = NULL;
  gint64 id = aims_record_get_id (control);

  aims_risk_controls_change (db, aims_record_get_id (risk), &id, 1, NULL, 0, FIXTURE_AUTHOR, &error);
  g_assert_no_error (error);
}

typedef struct
{
  const char *name;
  const char *reference;
  const char *changes[8];   /* field, value, … */
  const char *says[3];      /* the message names these */
} Refusal;

static const Refusal refusals[] = {
  { "exclude without justification", "A.10.4", { "applicable", "no", NULL },
    { "A.10.4", "Justification" } },
  { "exclude with a blank justification", "A.10.4", { "applicable", "Excluded", "justification", "   ", NULL },
    { "A.10.4", "Justification" } },
  { "implemented without evidence", "A.2.2", { "applicable", "yes", "implementation_status", "implemented", NULL },
    { "A.2.2", "Evidence" } },
  { "evidence cleared from an implemented control", "A.6.2.5", { "evidence", "", NULL },
    { "A.6.2.5", "Evidence" } },
  { "exclude a control a risk relies on", "A.6.2.4", { "applicable", "no", "justification", "Not ours", NULL },
    { "A.6.2.4", "RSK-001", "Model drifts" } },
  { "change a title", "A.2.2", { "title", "Our AI policy", NULL }, { "Control" } },
  { "change a group", "A.2.2", { "group_ref", "A.3", NULL }, { "Group" } },
  { "set the computed status", "A.2.2", { "soa_status", "implemented", NULL }, { "SoA status" } },
  { "set the linked risks", "A.2.2", { "linked_risks", "RSK-001", NULL }, { "Linked risks" } },
  { "an unknown choice", "A.2.2", { "applicable", "maybe", NULL }, { "Applicable", "maybe" } },
};

/* Each refused write says why, naming the field or the risks, and leaves
 * the database as it was, audit log included. */
static void
test_refusals (FixtureDb     *f,
               gconstpointer  data)
{
  g_autoptr(AimsRecord) owner = fixture_add_person (f->db, "Ada Lovelace");
  g_autoptr(AimsRecord) risk = NULL;
  g_autoptr(GHashTable) values = fixture_values ("title", "Model drifts", "owner_id", "Ada Lovelace",
                                                 "treatment", "mitigate", NULL);
  g_autoptr(AimsRecord) implemented = NULL;
  g_autoptr(AimsRecord) decided = NULL;
  g_autoptr(GHashTable) implement = fixture_values ("applicable", "yes", "justification", "Release control",
                                                    "implementation_status", "implemented",
                                                    "evidence", "Release checklist", NULL);
  g_autoptr(GHashTable) apply = fixture_values ("applicable", "yes", "justification", "Treats drift", NULL);

  risk = fixture_insert (f->db, aims_entity_risks (), values);
  implemented = update_control (f->db, "A.6.2.5", implement);
  decided = update_control (f->db, "A.6.2.4", apply);
  link_control (f->db, risk, "A.6.2.4");

  for (guint i = 0; i < G_N_ELEMENTS (refusals); i++)
    {
      const Refusal *r = &refusals[i];
      g_autoptr(AimsRecord) control = find_control (f->db, r->reference);
      g_autoptr(GHashTable) changes = g_hash_table_new (g_str_hash, g_str_equal);
      g_autofree char *before = state_of (f->db);
      g_autofree char *after = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(AimsRecord) through_soa = NULL;
      g_autoptr(GError) soa_error = NULL;

      g_test_message ("%s", r->name);
      for (guint c = 0; r->changes[c] != NULL; c += 2)
        g_hash_table_insert (changes, (gpointer) r->changes[c], (gpointer) r->changes[c + 1]);

      error = fixture_update_refused (f->db, control, changes);
      g_assert_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_INVALID);
      for (guint s = 0; s < G_N_ELEMENTS (r->says) && r->says[s] != NULL; s++)
        if (strstr (error->message, r->says[s]) == NULL)
          g_error ("%s: “%s” does not name %s", r->name, error->message, r->says[s]);

      /* The SoA's own update refuses alike when it is not told to unlink. */
      through_soa = aims_soa_update (f->db, aims_record_get_id (control), -1, changes, FALSE,
                                     FIXTURE_AUTHOR, &soa_error);
      g_assert_null (through_soa);
      g_assert_error (soa_error, AIMS_DB_ERROR, AIMS_DB_ERROR_INVALID);

      after = state_of (f->db);
      g_assert_cmpstr (after, ==, before);
    }
}

/* Nothing can be added to a fixed catalogue. */
static void
test_catalogue_fixed (FixtureDb     *f,
                      gconstpointer  data)
{
  const AimsEntity *entities[] = { aims_entity_controls (), aims_entity_clauses () };
  g_autofree char *before = state_of (f->db);
  g_autofree char *after = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (entities); i++)
    {
      g_autoptr(GHashTable) values = fixture_values ("title", "A control of our own", NULL);
      g_autoptr(GError) error = fixture_insert_refused (f->db, entities[i], values);
      g_autoptr(GError) copy_error = NULL;
      g_autoptr(AimsRecord) copy = aims_store_duplicate (f->db, entities[i], 1, FIXTURE_AUTHOR, &copy_error);

      g_assert_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, "fixed catalogue"));
      g_assert_null (copy);
      g_assert_error (copy_error, AIMS_DB_ERROR, AIMS_DB_ERROR_INVALID);
    }
  after = state_of (f->db);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (fixture_count_rows (f->db, "control"), ==, 38);
}

static GArray *
controls_of (AimsDb     *db,
             AimsRecord *risk)
{
  g_autoptr(GError) error = NULL;
  GArray *ids = aims_risk_controls_get (db, aims_record_get_id (risk), &error);

  g_assert_no_error (error);
  return ids;
}

static char *
ids_text (GArray *ids)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < ids->len; i++)
    g_string_append_printf (text, "%s%" G_GINT64_FORMAT, i > 0 ? " " : "", g_array_index (ids, gint64, i));
  return g_string_free (text, FALSE);
}

static void
assert_controls (AimsDb     *db,
                 AimsRecord *risk,
                 const char *expected)
{
  g_autoptr(GArray) ids = controls_of (db, risk);
  g_autofree char *text = ids_text (ids);

  g_assert_cmpstr (text, ==, expected);
}

/* Links are set, changed and read both ways; each change is one audit row on
 * the risk naming the controls; the same set again writes nothing. */
static void
test_links (FixtureDb     *f,
            gconstpointer  data)
{
  g_autoptr(AimsRecord) owner = fixture_add_person (f->db, "Ada");
  g_autoptr(AimsRecord) risk = fixture_add_risk (f->db, owner, 3, 3, 0, 0);
  g_autoptr(AimsRecord) other = fixture_add_risk (f->db, owner, 2, 2, 0, 0);
  g_autoptr(AimsRecord) v_and_v = NULL;
  g_autoptr(AimsRecord) reloaded = NULL;
  g_autoptr(GArray) risks = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *after_json = NULL;
  g_autofree char *action = NULL;
  const gint64 set[] = { 19, 1, 19, 26 };
  const gint64 add[] = { 2 };
  const gint64 remove[] = { 1, 30 };
  gint64 audit_rows;

  g_assert_true (aims_risk_controls_set (f->db, aims_record_get_id (risk), set, G_N_ELEMENTS (set),
                                         FIXTURE_AUTHOR, &error));
  g_assert_no_error (error);
  assert_controls (f->db, risk, "1 19 26");
  after_json = fixture_query_text (f->db, "SELECT after_json FROM audit_log ORDER BY id DESC LIMIT 1");
  g_assert_nonnull (strstr (after_json, "\"controls\":\"A.2.2 A.6.2.4 A.7.4\""));
  action = fixture_query_text (f->db, "SELECT action FROM audit_log ORDER BY id DESC LIMIT 1");
  g_assert_cmpstr (action, ==, "link_controls");

  /* The same set again: nothing written. */
  audit_rows = fixture_count_rows (f->db, "audit_log");
  g_assert_true (aims_risk_controls_set (f->db, aims_record_get_id (risk), set, G_N_ELEMENTS (set),
                                         FIXTURE_AUTHOR, &error));
  g_assert_cmpint (fixture_count_rows (f->db, "audit_log"), ==, audit_rows);

  /* A change keeps what it does not name; removing an absent link is no change. */
  g_assert_true (aims_risk_controls_change (f->db, aims_record_get_id (risk), add, 1, remove, 2,
                                            FIXTURE_AUTHOR, &error));
  g_assert_no_error (error);
  assert_controls (f->db, risk, "2 19 26");
  g_assert_cmpint (fixture_count_rows (f->db, "audit_log"), ==, audit_rows + 1);

  link_control (f->db, other, "A.6.2.4");
  risks = aims_control_risks_get (f->db, 19, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (risks->len, ==, 2);
  g_assert_cmpint (g_array_index (risks, gint64, 0), ==, aims_record_get_id (risk));
  g_assert_cmpint (g_array_index (risks, gint64, 1), ==, aims_record_get_id (other));
  v_and_v = find_control (f->db, "A.6.2.4");
  g_assert_cmpstr (aims_record_get (v_and_v, "linked_risks"), ==, "RSK-001 RSK-002");
  /* Links leave the risk's own version alone. */
  reloaded = fixture_reload (f->db, risk);
  g_assert_cmpint (aims_record_get_row_version (reloaded), ==, 1);

  /* Clearing. */
  g_assert_true (aims_risk_controls_set (f->db, aims_record_get_id (risk), NULL, 0, FIXTURE_AUTHOR, &error));
  assert_controls (f->db, risk, "");
}

/* A control that is not in the catalogue, or that is excluded, cannot be
 * linked; nothing is written then, not even the valid part of the change. */
static void
test_links_refused (FixtureDb     *f,
                    gconstpointer  data)
{
  g_autoptr(AimsRecord) owner = fixture_add_person (f->db, "Ada");
  g_autoptr(AimsRecord) risk = fixture_add_risk (f->db, owner, 3, 3, 0, 0);
  g_autoptr(GHashTable) exclude = fixture_values ("applicable", "no",
                                                  "justification", "We supply no AI to customers", NULL);
  g_autoptr(AimsRecord) customers = update_control (f->db, "A.10.4", exclude);
  const gint64 with_excluded[] = { 1, 38 };
  const gint64 with_unknown[] = { 1, 39 };
  g_autofree char *before = state_of (f->db);
  g_autofree char *after = NULL;
  g_autoptr(GError) excluded_error = NULL;
  g_autoptr(GError) unknown_error = NULL;
  g_autoptr(GError) missing_error = NULL;

  g_assert_false (aims_risk_controls_set (f->db, aims_record_get_id (risk), with_excluded, 2,
                                          FIXTURE_AUTHOR, &excluded_error));
  g_assert_error (excluded_error, AIMS_DB_ERROR, AIMS_DB_ERROR_INVALID);
  g_assert_nonnull (strstr (excluded_error->message, "A.10.4"));

  g_assert_false (aims_risk_controls_change (f->db, aims_record_get_id (risk), with_unknown, 2, NULL, 0,
                                             FIXTURE_AUTHOR, &unknown_error));
  g_assert_error (unknown_error, AIMS_DB_ERROR, AIMS_DB_ERROR_INVALID);
  g_assert_nonnull (strstr (unknown_error->message, "39"));

  g_assert_null (aims_risk_controls_get (f->db, 999, &missing_error));
  g_assert_error (missing_error, AIMS_DB_ERROR, AIMS_DB_ERROR_MISSING);

  after = state_of (f->db);
  g_assert_cmpstr (after, ==, before);
}

/* Told to, the SoA's update unlinks the risks and excludes in one write,
 * each change audited; a refusal of the rest keeps the links. */
static void
test_exclude_unlinking (FixtureDb     *f,
                        gconstpointer  data)
{
  g_autoptr(AimsRecord) owner = fixture_add_person (f->db, "Ada");
  g_autoptr(AimsRecord) risk = fixture_add_risk (f->db, owner, 3, 3, 0, 0);
  g_autoptr(GHashTable) apply = fixture_values ("applicable", "yes", "justification", "Treats RSK-001", NULL);
  g_autoptr(AimsRecord) applied = update_control (f->db, "A.8.3", apply);
  g_autoptr(GHashTable) bad = fixture_values ("applicable", "no", "implementation_status", "implemented", NULL);
  g_autoptr(GHashTable) good = fixture_values ("applicable", "no", "justification", "No public AI", NULL);
  g_autoptr(AimsRecord) refused = NULL;
  g_autoptr(AimsRecord) excluded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 audit_rows, first_broken = -1;

  link_control (f->db, risk, "A.8.3");
  before = state_of (f->db);
  refused = aims_soa_update (f->db, aims_record_get_id (applied), -1, bad, TRUE, FIXTURE_AUTHOR, &error);
  g_assert_null (refused);
  g_assert_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_INVALID);
  after = state_of (f->db);
  g_assert_cmpstr (after, ==, before);
  g_clear_error (&error);

  audit_rows = fixture_count_rows (f->db, "audit_log");
  excluded = aims_soa_update (f->db, aims_record_get_id (applied), aims_record_get_row_version (applied),
                              good, TRUE, FIXTURE_AUTHOR, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (aims_record_get (excluded, "soa_status"), ==, AIMS_SOA_STATUS_EXCLUDED);
  g_assert_null (aims_record_get (excluded, "linked_risks"));
  assert_controls (f->db, risk, "");
  g_assert_cmpint (fixture_count_rows (f->db, "audit_log"), ==, audit_rows + 2);
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count(*) FROM audit_log WHERE entity = 'risk'"
                                             " AND action = 'link_controls'"), ==, 2);
  g_assert_true (aims_audit_verify (f->db, &first_broken, NULL, &error));
  g_assert_no_error (error);
}

/* SoA decisions and checklist changes are audited with what changed, with
 * row versions and conflicts like every record, and the chain verifies. */
static void
test_audited (FixtureDb     *f,
              gconstpointer  data)
{
  g_autoptr(AimsRecord) owner = fixture_add_person (f->db, "Ada Lovelace");
  g_autoptr(AimsRecord) control = find_control (f->db, "A.5.2");
  g_autoptr(GHashTable) changes = fixture_values ("applicable", "Applicable", "justification", "GDPR Art. 35",
                                                  "implementation_status", "Partly implemented",
                                                  "owner_id", "Ada Lovelace", "review_date", "2026-01-15", NULL);
  g_autoptr(GHashTable) later = fixture_values ("implementation_status", "planned", NULL);
  g_autoptr(GHashTable) clause_changes = fixture_values ("status", "In place", "evidence", "Scope v1", NULL);
  g_autoptr(AimsRecord) updated = NULL;
  g_autoptr(AimsRecord) stale = NULL;
  g_autoptr(AimsRecord) requirement = NULL;
  g_autoptr(AimsRecord) in_place = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *after_json = NULL;
  gint64 first_broken = -1, n_rows = 0;

  updated = aims_store_update (f->db, aims_entity_controls (), aims_record_get_id (control), 1, changes,
                               FIXTURE_AUTHOR, &error);
  g_assert_no_error (error);
  g_assert_cmpint (aims_record_get_row_version (updated), ==, 2);
  g_assert_cmpstr (aims_record_get (updated, "applicable"), ==, AIMS_SOA_APPLICABLE_YES);
  g_assert_cmpstr (aims_record_get (updated, "implementation_status"), ==, AIMS_SOA_STATUS_PARTIAL);
  g_assert_cmpstr (aims_record_get (updated, "soa_status"), ==, AIMS_SOA_STATUS_PARTIAL);
  g_assert_cmpstr (aims_record_get_display (updated, "owner_id"), ==, "Ada Lovelace");
  g_assert_cmpstr (aims_record_get_updated_by (updated), ==, FIXTURE_AUTHOR);
  g_assert_cmpint (fixture_query_int (f->db, "SELECT applicable FROM soa_entry WHERE reference = 'A.5.2'"), ==, 1);

  after_json = fixture_query_text (f->db, "SELECT after_json FROM audit_log WHERE entity = 'soa' ORDER BY id DESC LIMIT 1");
  g_assert_nonnull (strstr (after_json, "\"reference\":\"A.5.2\""));
  g_assert_nonnull (strstr (after_json, "\"justification\":\"GDPR Art. 35\""));

  /* Read at version 1, changed since: a conflict, nothing written. */
  stale = aims_store_update (f->db, aims_entity_controls (), aims_record_get_id (control), 1, later,
                             FIXTURE_AUTHOR, &error);
  g_assert_null (stale);
  g_assert_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_CONFLICT);
  g_clear_error (&error);

  requirement = aims_store_find (f->db, aims_entity_clauses (), "4.3", &error);
  g_assert_no_error (error);
  in_place = aims_store_update (f->db, aims_entity_clauses (), aims_record_get_id (requirement), 1,
                                clause_changes, FIXTURE_AUTHOR, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (aims_record_get (in_place, "status"), ==, AIMS_CLAUSE_STATUS_IN_PLACE);
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count(*) FROM audit_log WHERE entity = 'clause_requirement'"), ==, 1);

  g_assert_true (aims_audit_verify (f->db, &first_broken, &n_rows, &error));
  g_assert_no_error (error);
  g_assert_cmpint (n_rows, ==, 3);
}

/* Where each group and each chapter stands. */
static void
test_progress (FixtureDb     *f,
               gconstpointer  data)
{
  g_autoptr(GHashTable) implemented = fixture_values ("applicable", "yes", "justification", "Policy",
                                                      "implementation_status", "implemented",
                                                      "evidence", "POL-1", NULL);
  g_autoptr(GHashTable) applicable = fixture_values ("applicable", "yes", "justification", "Policy", NULL);
  g_autoptr(GHashTable) excluded = fixture_values ("applicable", "no", "justification", "Not ours", NULL);
  g_autoptr(GHashTable) in_place = fixture_values ("status", "in_place", NULL);
  g_autoptr(GHashTable) partial = fixture_values ("status", "partial", NULL);
  g_autoptr(GPtrArray) controls = NULL;
  g_autoptr(GPtrArray) requirements = NULL;
  g_autoptr(GArray) groups = NULL;
  g_autoptr(GArray) chapters = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AimsRecord) a22 = update_control (f->db, "A.2.2", implemented);
  g_autoptr(AimsRecord) a23 = update_control (f->db, "A.2.3", applicable);
  g_autoptr(AimsRecord) a104 = update_control (f->db, "A.10.4", excluded);
  const AimsSoaGroupProgress *a2, *a10;
  const AimsClauseProgress *c4, *c5;

  for (guint i = 0; i < 4; i++)
    {
      const char *reference = i < 3 ? clause_references[i] : "5.1";
      g_autoptr(AimsRecord) requirement = aims_store_find (f->db, aims_entity_clauses (), reference, &error);
      g_autoptr(AimsRecord) updated = aims_store_update (f->db, aims_entity_clauses (), aims_record_get_id (requirement),
                                                         -1, i < 2 ? in_place : partial, FIXTURE_AUTHOR, &error);

      g_assert_no_error (error);
      g_assert_nonnull (updated);
    }

  controls = list_controls (f->db);
  groups = aims_soa_group_progress (controls);
  g_assert_cmpuint (groups->len, ==, 9);
  a2 = &g_array_index (groups, AimsSoaGroupProgress, 0);
  g_assert_cmpstr (a2->group_ref, ==, "A.2");
  g_assert_cmpstr (a2->title, ==, "A.2 Policies related to AI");
  g_assert_cmpuint (a2->n_controls, ==, 3);
  g_assert_cmpuint (a2->n_decided, ==, 2);
  g_assert_cmpuint (a2->n_applicable, ==, 2);
  g_assert_cmpuint (a2->n_implemented, ==, 1);
  a10 = &g_array_index (groups, AimsSoaGroupProgress, 8);
  g_assert_cmpstr (a10->group_ref, ==, "A.10");
  g_assert_cmpuint (a10->n_controls, ==, 3);
  g_assert_cmpuint (a10->n_excluded, ==, 1);
  g_assert_cmpuint (a10->n_decided, ==, 1);
  g_assert_cmpuint (a10->n_applicable, ==, 0);

  requirements = aims_store_list (f->db, aims_entity_clauses (), &error);
  g_assert_no_error (error);
  chapters = aims_clause_progress (requirements);
  g_assert_cmpuint (chapters->len, ==, 7);
  c4 = &g_array_index (chapters, AimsClauseProgress, 0);
  g_assert_cmpstr (c4->clause, ==, "4");
  g_assert_cmpuint (c4->n_requirements, ==, 4);
  g_assert_cmpuint (c4->n_in_place, ==, 2);
  g_assert_cmpuint (c4->n_partial, ==, 1);
  g_assert_cmpuint (c4->percent, ==, 50);
  c5 = &g_array_index (chapters, AimsClauseProgress, 1);
  g_assert_cmpuint (c5->n_requirements, ==, 3);
  g_assert_cmpuint (c5->percent, ==, 0);
  g_assert_cmpuint (c5->n_partial, ==, 1);
}

/* The demo shows a defensible SoA in progress, with its gaps. */
static void
test_demo (void)
{
  g_autofree char *path = fixture_create_demo_file ("demo.aims");
  AimsDb *db = fixture_open_db (path, AIMS_DB_OPEN_DEFAULT);
  g_autoptr(GPtrArray) controls = list_controls (db);
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GDate) today = aims_date_today ();
  g_autoptr(GError) error = NULL;
  guint counts[AIMS_SOA_N_FINDING_KINDS] = { 0 };
  guint undecided = 0, excluded = 0, implemented = 0, linked = 0;
  gint64 first_broken = -1;

  for (guint i = 0; i < controls->len; i++)
    {
      AimsRecord *control = controls->pdata[i];
      const char *status = aims_record_get (control, "soa_status");

      undecided += g_str_equal (status, AIMS_SOA_STATUS_UNDECIDED);
      if (g_str_equal (status, AIMS_SOA_STATUS_EXCLUDED))
        {
          excluded++;
          g_assert_nonnull (aims_record_get (control, "justification"));
        }
      if (g_str_equal (status, AIMS_SOA_STATUS_IMPLEMENTED))
        {
          implemented++;
          g_assert_nonnull (aims_record_get (control, "evidence"));
        }
      linked += aims_record_get (control, "linked_risks") != NULL;
    }
  g_assert_cmpuint (undecided, >=, 2);
  g_assert_cmpuint (undecided, <=, 5);
  g_assert_cmpuint (excluded, ==, 2);
  g_assert_cmpuint (implemented, >=, 8);
  g_assert_cmpuint (linked, >=, 15);

  findings = aims_soa_check (db, today, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < findings->len; i++)
    counts[((AimsSoaFinding *) findings->pdata[i])->kind]++;
  g_assert_cmpuint (counts[AIMS_SOA_FINDING_UNDECIDED], ==, undecided);
  g_assert_cmpuint (counts[AIMS_SOA_FINDING_NO_OWNER], ==, 1);
  g_assert_cmpuint (counts[AIMS_SOA_FINDING_EVIDENCE_STALE], ==, 1);
  g_assert_cmpuint (counts[AIMS_SOA_FINDING_RISK_WITHOUT_CONTROL], >=, 1);
  g_assert_cmpuint (counts[AIMS_SOA_FINDING_CLAUSE_GAP], >=, 5);
  g_assert_cmpuint (counts[AIMS_SOA_FINDING_NO_JUSTIFICATION], ==, 0);
  g_assert_cmpuint (counts[AIMS_SOA_FINDING_EXCLUDED_RELIED_ON], ==, 0);
  g_assert_cmpuint (counts[AIMS_SOA_FINDING_NO_EVIDENCE], ==, 0);

  /* Every decision of the demo went through the audited store. */
  g_assert_cmpint (fixture_query_int (db, "SELECT count(*) FROM audit_log WHERE entity = 'soa'"), ==, 38 - undecided);
  g_assert_true (aims_audit_verify (db, &first_broken, NULL, &error));
  g_assert_no_error (error);
  fixture_close_db (&db);
}

int
main (int    argc,
      char **argv)
{
  fixture_init (&argc, &argv);

  FIXTURE_ADD_DB_TEST ("/soa/catalogue", test_catalogue);
  g_test_add_func ("/soa/migrate-from-version-2", test_migrate_from_version_2);
  FIXTURE_ADD_DB_TEST ("/soa/refusals", test_refusals);
  FIXTURE_ADD_DB_TEST ("/soa/catalogue-fixed", test_catalogue_fixed);
  FIXTURE_ADD_DB_TEST ("/soa/links", test_links);
  FIXTURE_ADD_DB_TEST ("/soa/links-refused", test_links_refused);
  FIXTURE_ADD_DB_TEST ("/soa/exclude-unlinking", test_exclude_unlinking);
  FIXTURE_ADD_DB_TEST ("/soa/audited", test_audited);
  FIXTURE_ADD_DB_TEST ("/soa/progress", test_progress);
  g_test_add_func ("/soa/demo", test_demo);

  return g_test_run ();
}
