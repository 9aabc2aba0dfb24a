/* test-store.c — create, read, update, duplicate and retire records
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "core-fixtures.h"

static char *
id_text (AimsRecord *record)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, aims_record_get_id (record));
}

/* The record of list whose id is id. */
static AimsRecord *
find_in_list (GPtrArray *list,
              gint64     id)
{
  for (guint i = 0; i < list->len; i++)
    if (aims_record_get_id (list->pdata[i]) == id)
      return list->pdata[i];
  g_error ("record %" G_GINT64_FORMAT " is not in the list", id);
}

/* field is the one field whose value differs between a and b. */
static void
assert_only_changed (AimsRecord *a,
                     AimsRecord *b,
                     const char *field)
{
  g_autoptr(GPtrArray) changed = aims_record_diff (a, b);

  g_assert_cmpuint (changed->len, ==, 1);
  g_assert_cmpstr (changed->pdata[0], ==, field);
}

static GPtrArray *
list_systems (AimsDb *db)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *systems = aims_store_list (db, aims_entity_systems (), &error);

  g_assert_no_error (error);
  g_assert_nonnull (systems);
  return systems;
}

static void
test_store_insert_load (FixtureDb     *f,
                        gconstpointer  data)
{
  g_autoptr(AimsRecord) owner = NULL;
  g_autoptr(AimsRecord) system = NULL;
  g_autoptr(AimsRecord) loaded = NULL;
  g_autoptr(AimsRecord) person = NULL;
  g_autoptr(GHashTable) values = NULL;
  g_autofree char *owner_id = NULL;

  owner = fixture_add_person (f->db, "Ada Lovelace");
  g_assert_cmpint (aims_record_get_id (owner), >, 0);
  g_assert_cmpstr (aims_record_get_reference (owner), ==, "PER-001");
  owner_id = id_text (owner);

  values = fixture_values ("name", "  Credit scoring  ",
                           "description", "Scores loan applications.\nSecond line.",
                           "owner_id", owner_id,
                           "sourcing", "in_house",
                           "lifecycle_stage", "Operation and monitoring",
                           "eu_ai_act_class", "high",
                           "next_review_date", "2026-03-31",
                           NULL);
  system = fixture_insert (f->db, aims_entity_systems (), values);
  g_assert_true (aims_record_get_entity (system) == aims_entity_systems ());
  g_assert_cmpstr (aims_record_get_reference (system), ==, "AIS-001");
  g_assert_cmpint (aims_record_get_row_version (system), ==, 1);
  g_assert_cmpstr (aims_record_get_created_by (system), ==, FIXTURE_AUTHOR);
  g_assert_cmpstr (aims_record_get_updated_by (system), ==, FIXTURE_AUTHOR);
  g_assert_nonnull (aims_record_get_created_at (system));
  g_assert_true (g_str_has_suffix (aims_record_get_created_at (system), "Z"));

  loaded = fixture_reload (f->db, system);
  g_assert_cmpstr (aims_record_get (loaded, "name"), ==, "Credit scoring");
  g_assert_cmpstr (aims_record_get (loaded, "description"), ==, "Scores loan applications.\nSecond line.");
  g_assert_cmpstr (aims_record_get (loaded, "owner_id"), ==, owner_id);
  g_assert_cmpstr (aims_record_get (loaded, "sourcing"), ==, "in_house");
  g_assert_cmpstr (aims_record_get (loaded, "lifecycle_stage"), ==, "operation");
  g_assert_cmpstr (aims_record_get (loaded, "next_review_date"), ==, "2026-03-31");
  g_assert_null (aims_record_get (loaded, "provider"));
  g_assert_cmpstr (aims_record_get_title (loaded), ==, "Credit scoring");
  fixture_assert_same_fields (system, loaded);
  g_assert_cmpint (aims_record_get_row_version (loaded), ==, 1);
  g_assert_false (aims_system_is_retired (loaded));

  person = fixture_reload (f->db, owner);
  g_assert_cmpstr (aims_record_get (person, "name"), ==, "Ada Lovelace");
  g_assert_cmpstr (aims_record_get (person, "role"), ==, "Risk owner");
}

/* References count up per entity: AIS-001, AIS-002, …; PER-001, … */
static void
test_store_references (FixtureDb     *f,
                       gconstpointer  data)
{

  for (guint i = 1; i <= 12; i++)
    {
      g_autofree char *name = g_strdup_printf ("System %u", i);
      g_autofree char *expected = g_strdup_printf ("AIS-%03u", i);
      g_autoptr(AimsRecord) system = fixture_add_system (f->db, name, NULL);

      g_assert_cmpstr (aims_record_get_reference (system), ==, expected);
    }
  {
    g_autoptr(AimsRecord) a = fixture_add_person (f->db, "First Person");
    g_autoptr(AimsRecord) b = fixture_add_person (f->db, "Second Person");

    g_assert_cmpstr (aims_record_get_reference (a), ==, "PER-001");
    g_assert_cmpstr (aims_record_get_reference (b), ==, "PER-002");
  }
}

/* The list holds every record, ordered by reference, with display values. */
static void
test_store_list (FixtureDb     *f,
                 gconstpointer  data)
{
  g_autoptr(AimsRecord) owner = NULL;
  g_autoptr(AimsRecord) first = NULL;
  g_autoptr(AimsRecord) second = NULL;
  g_autoptr(GPtrArray) systems = NULL;
  AimsRecord *listed;

  owner = fixture_add_person (f->db, "Katherine Johnson");
  first = fixture_add_system (f->db, "Zeta chatbot", owner);
  second = fixture_add_system (f->db, "Alpha triage", NULL);

  systems = list_systems (f->db);
  g_assert_cmpuint (systems->len, ==, 2);
  g_assert_cmpstr (aims_record_get_reference (systems->pdata[0]), ==, "AIS-001");
  g_assert_cmpstr (aims_record_get_reference (systems->pdata[1]), ==, "AIS-002");

  listed = find_in_list (systems, aims_record_get_id (first));
  g_assert_cmpstr (aims_record_get_display (listed, "owner_id"), ==, "Katherine Johnson");
  g_assert_cmpstr (aims_record_get_display (listed, "sourcing"), ==, "Third-party");
  g_assert_cmpstr (aims_record_get_display (listed, "criticality"), ==, "High");
  fixture_assert_same_fields (first, listed);
}

static void
test_store_find (FixtureDb     *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AimsRecord) system = NULL;
  g_autoptr(AimsRecord) by_ref = NULL;
  g_autoptr(AimsRecord) by_id = NULL;
  g_autoptr(AimsRecord) none = NULL;
  g_autofree char *id = NULL;

  system = fixture_add_system (f->db, "Fraud detection", NULL);
  id = id_text (system);

  by_ref = aims_store_find (f->db, aims_entity_systems (), "AIS-001", &error);
  g_assert_no_error (error);
  g_assert_cmpint (aims_record_get_id (by_ref), ==, aims_record_get_id (system));
  by_id = aims_store_find (f->db, aims_entity_systems (), id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (aims_record_get_reference (by_id), ==, "AIS-001");

  none = aims_store_find (f->db, aims_entity_systems (), "AIS-999", &error);
  g_assert_null (none);
  g_assert_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_MISSING);
  g_clear_error (&error);

  none = aims_store_load (f->db, aims_entity_systems (), 4242, &error);
  g_assert_null (none);
  g_assert_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_MISSING);
}

static void
test_store_update (FixtureDb     *f,
                   gconstpointer  data)
{
  g_autoptr(AimsRecord) system = NULL;
  g_autoptr(AimsRecord) after = NULL;
  g_autoptr(AimsRecord) loaded = NULL;

  system = fixture_add_system (f->db, "CV screening", NULL);
  after = fixture_update_field (f->db, system, "provider", "HireRight Analytics");
  g_assert_cmpint (aims_record_get_row_version (after), ==, 2);
  g_assert_cmpstr (aims_record_get (after, "provider"), ==, "HireRight Analytics");
  g_assert_cmpstr (aims_record_get (after, "name"), ==, "CV screening");
  g_assert_cmpstr (aims_record_get (after, "sourcing"), ==, "third_party");
  g_assert_cmpstr (aims_record_get_created_at (after), ==, aims_record_get_created_at (system));

  assert_only_changed (system, after, "provider");

  loaded = fixture_reload (f->db, system);
  fixture_assert_same_fields (after, loaded);
  g_assert_cmpint (aims_record_get_row_version (loaded), ==, 2);
}

/* An empty value unsets a field, choices included (the schema's CHECK
 * allows NULL, not ""). */
static void
test_store_clear_field (FixtureDb     *f,
                        gconstpointer  data)
{
  g_autoptr(AimsRecord) system = NULL;
  g_autoptr(AimsRecord) no_review = NULL;
  g_autoptr(AimsRecord) no_criticality = NULL;
  g_autofree char *sql = NULL;

  system = fixture_add_system (f->db, "Medical triage", NULL);
  no_review = fixture_update_field (f->db, system, "next_review_date", "");
  g_assert_null (aims_record_get (no_review, "next_review_date"));
  no_criticality = fixture_update_field (f->db, no_review, "criticality", "");
  g_assert_null (aims_record_get (no_criticality, "criticality"));

  sql = g_strdup_printf ("SELECT count(*) FROM ai_system WHERE id = %" G_GINT64_FORMAT
                         " AND criticality IS NULL AND next_review_date IS NULL",
                         aims_record_get_id (system));
  g_assert_cmpint (fixture_query_int (f->db, sql), ==, 1);
}

static void
test_store_duplicate (FixtureDb     *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AimsRecord) owner = NULL;
  g_autoptr(AimsRecord) system = NULL;
  g_autoptr(AimsRecord) copy = NULL;

  owner = fixture_add_person (f->db, "Alan Turing");
  system = fixture_add_system (f->db, "Support chatbot", owner);
  copy = aims_store_duplicate (f->db, aims_entity_systems (), aims_record_get_id (system),
                               FIXTURE_AUTHOR, &error);
  g_assert_no_error (error);
  g_assert_true (AIMS_IS_RECORD (copy));
  g_assert_cmpint (aims_record_get_id (copy), !=, aims_record_get_id (system));
  g_assert_cmpstr (aims_record_get_reference (copy), ==, "AIS-002");
  g_assert_cmpint (aims_record_get_row_version (copy), ==, 1);
  g_assert_cmpstr (aims_record_get (copy, "name"), ==, "Support chatbot (copy)");
  g_assert_cmpstr (aims_record_get (copy, "owner_id"), ==, aims_record_get (system, "owner_id"));

  assert_only_changed (system, copy, "name");
  g_assert_cmpint (fixture_count_rows (f->db, "ai_system"), ==, 2);
}

/* Retiring keeps the record, listed, with its stage set to retired. */
static void
test_store_retire (FixtureDb     *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AimsRecord) system = NULL;
  g_autoptr(AimsRecord) retired = NULL;
  g_autoptr(AimsRecord) again = NULL;
  g_autoptr(GPtrArray) systems = NULL;

  system = fixture_add_system (f->db, "Demand forecasting", NULL);
  retired = aims_store_retire_system (f->db, aims_record_get_id (system),
                                      aims_record_get_row_version (system),
                                      FIXTURE_AUTHOR, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (aims_record_get (retired, "lifecycle_stage"), ==, AIMS_LIFECYCLE_RETIRED);
  g_assert_true (aims_system_is_retired (retired));
  g_assert_cmpint (aims_record_get_row_version (retired), ==, 2);
  {
    g_autoptr(GDate) today = aims_date_today ();
    g_autofree char *today_iso = aims_date_format_iso (today);

    g_assert_cmpstr (aims_record_get (retired, "retired_date"), ==, today_iso);
  }

  systems = list_systems (f->db);
  g_assert_cmpuint (systems->len, ==, 1);
  g_assert_true (aims_system_is_retired (find_in_list (systems, aims_record_get_id (system))));

  /* Retiring from the version read before is a conflict like any update. */
  again = aims_store_retire_system (f->db, aims_record_get_id (system),
                                    aims_record_get_row_version (system),
                                    FIXTURE_AUTHOR, &error);
  g_assert_null (again);
  g_assert_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_CONFLICT);
}

/* Text made of digits is text: leading zeros and long numbers are kept. */
static void
test_store_digits_kept (FixtureDb     *f,
                        gconstpointer  data)
{
  g_autoptr(GHashTable) values = fixture_values ("name", "2024",
                                                 "contract_reference", "000123",
                                                 "business_unit", "0042",
                                                 "provider", "12345678901234567890123",
                                                 NULL);
  g_autoptr(AimsRecord) inserted = NULL;
  g_autoptr(AimsRecord) loaded = NULL;

  inserted = fixture_insert (f->db, aims_entity_systems (), values);
  loaded = fixture_reload (f->db, inserted);
  g_assert_cmpstr (aims_record_get (loaded, "name"), ==, "2024");
  g_assert_cmpstr (aims_record_get (loaded, "contract_reference"), ==, "000123");
  g_assert_cmpstr (aims_record_get (loaded, "business_unit"), ==, "0042");
  g_assert_cmpstr (aims_record_get (loaded, "provider"), ==, "12345678901234567890123");
}

/* Saving what is stored already is no change: no new version, no audit row. */
static void
test_store_update_unchanged (FixtureDb     *f,
                             gconstpointer  data)
{
  g_autoptr(AimsRecord) system = NULL;
  g_autoptr(AimsRecord) same = NULL;

  system = fixture_add_system (f->db, "Fraud detection", NULL);
  same = fixture_update_field (f->db, system, "criticality", "High");
  g_assert_cmpint (aims_record_get_row_version (same), ==, 1);
  g_assert_cmpint (fixture_count_rows (f->db, "audit_log"), ==, 1);
}

/* A person field also takes the person's name or reference. */
static void
test_store_person_by_name (FixtureDb     *f,
                           gconstpointer  data)
{
  g_autoptr(AimsRecord) owner = NULL;
  g_autoptr(AimsRecord) approver = NULL;
  g_autoptr(AimsRecord) system = NULL;
  g_autoptr(GHashTable) values = NULL;
  g_autofree char *owner_id = NULL;
  g_autofree char *approver_id = NULL;

  owner = fixture_add_person (f->db, "Ada Lovelace");
  approver = fixture_add_person (f->db, "Grace Hopper");
  values = fixture_values ("name", "Credit scoring", "owner_id", "ada lovelace",
                           "approver_id", "PER-002", NULL);
  system = fixture_insert (f->db, aims_entity_systems (), values);
  owner_id = id_text (owner);
  approver_id = id_text (approver);
  g_assert_cmpstr (aims_record_get (system, "owner_id"), ==, owner_id);
  g_assert_cmpstr (aims_record_get (system, "approver_id"), ==, approver_id);
}

/* Every choice key the entity table offers is one the schema accepts. */
static void
test_store_every_choice (FixtureDb     *f,
                         gconstpointer  data)
{
  const AimsEntity *systems = aims_entity_systems ();

  for (guint i = 0; i < systems->n_fields; i++)
    {
      const AimsField *field = &systems->fields[i];

      if (field->type != AIMS_FIELD_CHOICE)
        continue;
      for (const AimsChoice *c = field->choices; c->key != NULL; c++)
        {
          g_autofree char *name = g_strdup_printf ("%s = %s", field->name, c->key);
          g_autoptr(GHashTable) values = fixture_values ("name", name, field->name, c->key, NULL);
          g_autoptr(AimsRecord) record = fixture_insert (f->db, systems, values);

          g_assert_cmpstr (aims_record_get (record, field->name), ==, c->key);
        }
    }
}

/* Person fields take the id of an existing person. */
static void
test_store_unknown_person (FixtureDb     *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) values = fixture_values ("name", "Orphan", "owner_id", "4242", NULL);

  error = fixture_insert_refused (f->db, aims_entity_systems (), values);
  fixture_assert_error_names_field (error, aims_entity_systems (), "owner_id");
  g_assert_cmpint (fixture_count_rows (f->db, "ai_system"), ==, 0);
  g_assert_cmpint (fixture_count_rows (f->db, "audit_log"), ==, 0);
}

static void
test_store_resolve_person (FixtureDb     *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AimsRecord) person = NULL;
  g_autofree char *id = NULL;
  g_autofree char *by_name = NULL;
  g_autofree char *by_ref = NULL;
  g_autofree char *by_id = NULL;
  g_autofree char *nobody = NULL;

  person = fixture_add_person (f->db, "Margaret Hamilton");
  id = id_text (person);

  by_name = aims_store_resolve_person (f->db, "margaret HAMILTON", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (by_name, ==, id);
  by_ref = aims_store_resolve_person (f->db, "PER-001", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (by_ref, ==, id);
  by_id = aims_store_resolve_person (f->db, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (by_id, ==, id);

  nobody = aims_store_resolve_person (f->db, "Nobody Known", &error);
  g_assert_null (nobody);
  g_assert_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_INVALID);
}

/* Link fields read as the linked record's title whether the list links a
 * few records (looked up one by one) or many (the table read at once): the
 * risks of 600 systems and the demo's nonconformities, each compared with
 * a join in SQL. */
static void
check_link_titles (FixtureDb        *f,
                   const AimsEntity *entity,
                   const char       *field,
                   const char       *join_sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = aims_store_list (f->db, entity, &error);
  g_autoptr(GHashTable) expected = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  sqlite3 *raw = fixture_raw_open (aims_db_get_path (f->db));
  sqlite3_stmt *stmt = NULL;
  guint checked = 0;

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_prepare_v2 (raw, join_sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_hash_table_insert (expected, g_strdup ((const char *) sqlite3_column_text (stmt, 0)),
                         g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
  sqlite3_finalize (stmt);
  sqlite3_close (raw);

  for (guint i = 0; i < records->len; i++)
    {
      AimsRecord *record = g_ptr_array_index (records, i);
      const char *title = g_hash_table_lookup (expected, aims_record_get_reference (record));

      if (aims_record_get (record, field) == NULL)
        continue;
      g_assert_nonnull (title);
      g_assert_cmpstr (aims_record_get_display (record, field), ==, title);
      checked++;
    }
  g_assert_cmpuint (checked, ==, g_hash_table_size (expected));
  g_assert_cmpuint (checked, >, 0);
}

static void
test_store_link_titles (FixtureDb     *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (aims_demo_populate (f->db, &error) && aims_demo_scale (f->db, 600, &error));
  g_assert_no_error (error);
  /* Over 500 systems linked: read at once. */
  check_link_titles (f, aims_entity_risks (), "ai_system_id",
                     "SELECT r.reference, s.name FROM risk r JOIN ai_system s ON s.id = r.ai_system_id");
  /* A dozen risks linked from 100,000: looked up one by one. */
  check_link_titles (f, aims_entity_nonconformities (), "risk_id",
                     "SELECT n.reference, r.title FROM nonconformity n JOIN risk r ON r.id = n.risk_id");
}

int
main (int   argc,
      char *argv[])
{
  fixture_init (&argc, &argv);

  FIXTURE_ADD_DB_TEST ("/core/store/insert-load", test_store_insert_load);
  FIXTURE_ADD_DB_TEST ("/core/store/references", test_store_references);
  FIXTURE_ADD_DB_TEST ("/core/store/list", test_store_list);
  FIXTURE_ADD_DB_TEST ("/core/store/find", test_store_find);
  FIXTURE_ADD_DB_TEST ("/core/store/update", test_store_update);
  FIXTURE_ADD_DB_TEST ("/core/store/clear-field", test_store_clear_field);
  FIXTURE_ADD_DB_TEST ("/core/store/duplicate", test_store_duplicate);
  FIXTURE_ADD_DB_TEST ("/core/store/retire", test_store_retire);
  FIXTURE_ADD_DB_TEST ("/core/store/digits-kept", test_store_digits_kept);
  FIXTURE_ADD_DB_TEST ("/core/store/update-unchanged", test_store_update_unchanged);
  FIXTURE_ADD_DB_TEST ("/core/store/person-by-name", test_store_person_by_name);
  FIXTURE_ADD_DB_TEST ("/core/store/every-choice", test_store_every_choice);
  FIXTURE_ADD_DB_TEST ("/core/store/unknown-person", test_store_unknown_person);
  FIXTURE_ADD_DB_TEST ("/core/store/resolve-person", test_store_resolve_person);
  FIXTURE_ADD_DB_TEST ("/core/store/link-titles", test_store_link_titles);

  return g_test_run ();
}
