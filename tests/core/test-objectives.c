/* test-objectives.c — objectives and measurements in the store: numbers,
 * the rules that refuse bad input with nothing changed, corrections in the
 * audit log, linked AI systems, series, the migration's triggers, the demo
 * and the chart export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "core-fixtures.h"

static AimsRecord *
add_objective (AimsDb     *db,
               const char *first_field,
               ...)
{
  g_autoptr(GHashTable) values = fixture_values ("title", "Bias audit coverage", NULL);
  va_list args;

  va_start (args, first_field);
  for (const char *field = first_field; field != NULL; field = va_arg (args, const char *))
    g_hash_table_replace (values, g_strdup (field), g_strdup (va_arg (args, const char *)));
  va_end (args);
  return fixture_insert (db, aims_entity_objectives (), values);
}

static AimsRecord *
add_measurement (AimsDb     *db,
                 AimsRecord *objective,
                 const char *day,
                 const char *value)
{
  g_autoptr(GHashTable) values = fixture_values ("objective_id", aims_record_get_reference (objective),
                                                 "measured_on", day, "value", value, NULL);

  return fixture_insert (db, aims_entity_measurements (), values);
}

/* What refusing must leave alone: every row of both tables and the log. */
typedef struct
{
  gint64 objectives;
  gint64 measurements;
  gint64 audit;
  char  *digest;
} Snapshot;

static void
snapshot_take (AimsDb   *db,
               Snapshot *snapshot)
{
  snapshot->objectives = fixture_count_rows (db, "objective");
  snapshot->measurements = fixture_count_rows (db, "measurement");
  snapshot->audit = fixture_count_rows (db, "audit_log");
  snapshot->digest = fixture_query_text (db,
    "SELECT group_concat(x, '|') FROM ("
    " SELECT quote(id) || quote(row_version) || quote(baseline) || quote(target) || quote(direction)"
    "   || quote(at_risk_threshold) AS x FROM objective"
    " UNION ALL SELECT quote(id) || quote(row_version) || quote(measured_on) || quote(value) FROM measurement)");
}

static void
snapshot_assert_same (AimsDb   *db,
                      Snapshot *before)
{
  Snapshot after;

  snapshot_take (db, &after);
  g_assert_cmpint (after.objectives, ==, before->objectives);
  g_assert_cmpint (after.measurements, ==, before->measurements);
  g_assert_cmpint (after.audit, ==, before->audit);
  g_assert_cmpstr (after.digest, ==, before->digest);
  g_free (after.digest);
  g_clear_pointer (&before->digest, g_free);
}

static void
assert_message_has (const GError *error,
                    const char   *needle)
{
  if (!fixture_contains_nocase (error->message, needle))
    g_error ("“%s” does not say “%s”", error->message, needle);
}

static void
test_objectives_entities (void)
{
  const AimsEntity *objectives = aims_entity_lookup ("objectives");
  const AimsEntity *measurements = aims_entity_lookup ("measurements");
  const char *const *names = aims_entity_names ();

  g_assert_true (objectives == aims_entity_objectives ());
  g_assert_true (measurements == aims_entity_measurements ());
  g_assert_true (g_strv_contains (names, "objectives"));
  g_assert_true (g_strv_contains (names, "measurements"));
  g_assert_cmpstr (objectives->ref_prefix, ==, "OBJ");
  g_assert_cmpstr (measurements->ref_prefix, ==, "MEA");
  g_assert_cmpint (aims_entity_find_field (objectives, "target")->type, ==, AIMS_FIELD_NUMBER);
  g_assert_cmpint (aims_entity_find_field (measurements, "value")->type, ==, AIMS_FIELD_NUMBER);
  g_assert_true (aims_field_get_link_entity (aims_entity_find_field (measurements, "objective_id")) == objectives);
}

/* A number is stored as a REAL and read back in the form it was normalised
 * to, so saving it again is no change. */
static void
test_objectives_numbers (FixtureDb     *f,
                         gconstpointer  data)
{
  g_autoptr(AimsRecord) objective = add_objective (f->db, "baseline", "40.0", "target", " 100 ",
                                                   "direction", "Higher is better", NULL);
  g_autoptr(AimsRecord) reloaded = fixture_reload (f->db, objective);
  g_autoptr(AimsRecord) again = NULL;
  gint64 audit = fixture_count_rows (f->db, "audit_log");

  g_assert_cmpstr (aims_record_get (objective, "baseline"), ==, "40");
  g_assert_cmpstr (aims_record_get (reloaded, "target"), ==, "100");
  g_assert_cmpstr (aims_record_get (reloaded, "direction"), ==, "higher");
  g_assert_cmpint (fixture_query_int (f->db, "SELECT typeof(target) = 'real' FROM objective"), ==, 1);

  again = fixture_update_field (f->db, reloaded, "target", "100.00");
  g_assert_cmpint (aims_record_get_row_version (again), ==, 1);
  g_assert_cmpint (fixture_count_rows (f->db, "audit_log"), ==, audit);
}

/* Bad input is refused with the reason and nothing stored changes. */
static void
test_objectives_refused (FixtureDb     *f,
                         gconstpointer  data)
{
  const AimsEntity *objectives = aims_entity_objectives ();
  const AimsEntity *measurements = aims_entity_measurements ();
  g_autoptr(AimsRecord) objective = add_objective (f->db, "baseline", "40", "target", "100",
                                                   "direction", "higher", "at_risk_threshold", "80", NULL);
  g_autoptr(AimsRecord) first = add_measurement (f->db, objective, "2025-01-31", "62");
  g_autoptr(GDate) tomorrow = aims_date_today ();
  g_autofree char *tomorrow_iso = NULL;
  static const struct
  {
    const char *field;
    const char *value;
    const char *says;
  } bad_objectives[] = {
    { "target", "a hundred", "not a number" },
    { "baseline", "12 %", "not a number" },
    { "at_risk_threshold", "1,000", "not a number" },
  };
  Snapshot snapshot;

  g_date_add_days (tomorrow, 1);
  tomorrow_iso = aims_date_format_iso (tomorrow);

  /* A value that is not a number, on insert and on a correction. */
  for (guint i = 0; i < G_N_ELEMENTS (bad_objectives); i++)
    {
      g_autoptr(GHashTable) values = fixture_values ("title", "x", bad_objectives[i].field, bad_objectives[i].value, NULL);
      g_autoptr(GHashTable) changes = fixture_values (bad_objectives[i].field, bad_objectives[i].value, NULL);
      g_autoptr(GError) inserted = NULL;
      g_autoptr(GError) updated = NULL;

      snapshot_take (f->db, &snapshot);
      inserted = fixture_insert_refused (f->db, objectives, values);
      updated = fixture_update_refused (f->db, objective, changes);
      fixture_assert_error_names_field (inserted, objectives, bad_objectives[i].field);
      fixture_assert_error_names_field (updated, objectives, bad_objectives[i].field);
      assert_message_has (inserted, bad_objectives[i].says);
      snapshot_assert_same (f->db, &snapshot);
    }
  {
    g_autoptr(GHashTable) values = fixture_values ("objective_id", "OBJ-001", "measured_on", "2025-02-28",
                                                   "value", "n/a", NULL);
    g_autoptr(GHashTable) changes = fixture_values ("value", "about 70", NULL);
    g_autoptr(GError) inserted = NULL;
    g_autoptr(GError) updated = NULL;

    snapshot_take (f->db, &snapshot);
    inserted = fixture_insert_refused (f->db, measurements, values);
    updated = fixture_update_refused (f->db, first, changes);
    fixture_assert_error_names_field (inserted, measurements, "value");
    fixture_assert_error_names_field (updated, measurements, "value");
    snapshot_assert_same (f->db, &snapshot);
  }

  /* A measurement dated in the future; today is fine. */
  {
    g_autoptr(GHashTable) values = fixture_values ("objective_id", "OBJ-001", "measured_on", tomorrow_iso,
                                                   "value", "70", NULL);
    g_autoptr(GHashTable) changes = fixture_values ("measured_on", tomorrow_iso, NULL);
    g_autoptr(GError) inserted = NULL;
    g_autoptr(GError) updated = NULL;
    g_autoptr(GDate) today = aims_date_today ();
    g_autofree char *today_iso = aims_date_format_iso (today);
    g_autoptr(AimsRecord) measured_today = NULL;

    snapshot_take (f->db, &snapshot);
    inserted = fixture_insert_refused (f->db, measurements, values);
    updated = fixture_update_refused (f->db, first, changes);
    fixture_assert_error_names_field (inserted, measurements, "measured_on");
    assert_message_has (inserted, "future");
    assert_message_has (updated, "future");
    assert_message_has (inserted, tomorrow_iso);
    snapshot_assert_same (f->db, &snapshot);

    measured_today = add_measurement (f->db, objective, today_iso, "71");
  }

  /* A second value on a day that has one: correct that one instead. */
  {
    g_autoptr(GHashTable) values = fixture_values ("objective_id", "OBJ-001", "measured_on", "2025-01-31",
                                                   "value", "63", NULL);
    g_autoptr(GError) error = NULL;

    snapshot_take (f->db, &snapshot);
    error = fixture_insert_refused (f->db, measurements, values);
    assert_message_has (error, aims_record_get_reference (first));
    assert_message_has (error, "2025-01-31");
    snapshot_assert_same (f->db, &snapshot);
  }

  /* A measurement of an objective that does not exist. */
  {
    g_autoptr(GHashTable) values = fixture_values ("objective_id", "OBJ-404", "measured_on", "2025-01-31",
                                                   "value", "1", NULL);
    g_autoptr(GError) error = NULL;

    snapshot_take (f->db, &snapshot);
    error = fixture_insert_refused (f->db, measurements, values);
    fixture_assert_error_names_field (error, measurements, "objective_id");
    snapshot_assert_same (f->db, &snapshot);
  }
}

/* The rules across an objective's fields, on insert and on update. */
static void
test_objectives_rules (FixtureDb     *f,
                       gconstpointer  data)
{
  static const struct
  {
    const char *baseline, *target, *direction, *threshold;
    const char *says;   /* NULL: accepted */
  } cases[] = {
    { "50", "50", NULL, NULL, "direction" },
    { "50", "50", "higher", NULL, NULL },
    { "50", "50", "lower", "60", NULL },
    { "40", "100", "higher", "110", "below the target" },
    { "40", "100", "higher", "100", "below the target" },
    { "40", "100", "higher", "80", NULL },
    { "21", "10", "lower", "5", "above the target" },
    { "21", "10", "lower", "10", "above the target" },
    { "21", "10", "lower", "14", NULL },
    /* The direction from baseline to target decides the side. */
    { "21", "10", NULL, "5", "above the target" },
    { "21", "10", NULL, "14", NULL },
    { NULL, "10", NULL, "14", "direction" },
    { NULL, NULL, "higher", "14", "target" },
    { NULL, "10", NULL, NULL, NULL },
  };
  g_autoptr(AimsRecord) stored = add_objective (f->db, "title", "Stored", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GHashTable) values = fixture_values ("title", "Case", NULL);
      g_autoptr(GHashTable) changes = g_hash_table_new (g_str_hash, g_str_equal);
      const char *names[] = { "baseline", "target", "direction", "at_risk_threshold" };
      const char *given[] = { cases[i].baseline, cases[i].target, cases[i].direction, cases[i].threshold };
      Snapshot snapshot;

      g_test_message ("case %u", i);
      for (guint n = 0; n < G_N_ELEMENTS (names); n++)
        {
          g_hash_table_insert (values, g_strdup (names[n]), g_strdup (given[n] != NULL ? given[n] : ""));
          g_hash_table_insert (changes, (gpointer) names[n], (gpointer) (given[n] != NULL ? given[n] : ""));
        }
      if (cases[i].says == NULL)
        {
          g_autoptr(AimsRecord) inserted = fixture_insert (f->db, aims_entity_objectives (), values);

          continue;
        }

      snapshot_take (f->db, &snapshot);
      {
        g_autoptr(GError) inserted = fixture_insert_refused (f->db, aims_entity_objectives (), values);
        g_autoptr(GError) updated = fixture_update_refused (f->db, stored, changes);

        g_assert_error (inserted, AIMS_DB_ERROR, AIMS_DB_ERROR_INVALID);
        g_assert_error (updated, AIMS_DB_ERROR, AIMS_DB_ERROR_INVALID);
        assert_message_has (inserted, cases[i].says);
        g_assert_cmpstr (inserted->message, ==, updated->message);
      }
      snapshot_assert_same (f->db, &snapshot);
    }
}

/* A corrected value is an audited update at the version read; a stale one
 * is a conflict that writes nothing. */
static void
test_objectives_correction (FixtureDb     *f,
                            gconstpointer  data)
{
  g_autoptr(AimsRecord) objective = add_objective (f->db, "target", "10", "direction", "lower", NULL);
  g_autoptr(AimsRecord) measurement = add_measurement (f->db, objective, "2025-03-31", "12.5");
  g_autoptr(AimsRecord) corrected = NULL;
  g_autoptr(AimsRecord) stale = NULL;
  g_autoptr(GHashTable) changes = fixture_values ("value", "11,5", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 audit;

  /* "11,5" is no number in the C locale the tests run in. */
  g_assert_null (aims_store_update (f->db, aims_entity_measurements (), aims_record_get_id (measurement),
                                    1, changes, FIXTURE_AUTHOR, &error));
  g_assert_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_INVALID);
  g_clear_error (&error);

  corrected = fixture_update_field (f->db, measurement, "value", "11.5");
  g_assert_cmpint (aims_record_get_row_version (corrected), ==, 2);
  g_assert_cmpstr (aims_record_get (corrected, "value"), ==, "11.5");
  before = fixture_query_text (f->db, "SELECT before_json FROM audit_log WHERE entity = 'measurement' ORDER BY id DESC LIMIT 1");
  after = fixture_query_text (f->db, "SELECT after_json FROM audit_log WHERE entity = 'measurement' ORDER BY id DESC LIMIT 1");
  g_assert_nonnull (strstr (before, "\"value\":\"12.5\""));
  g_assert_nonnull (strstr (after, "\"value\":\"11.5\""));

  audit = fixture_count_rows (f->db, "audit_log");
  g_hash_table_replace (changes, g_strdup ("value"), g_strdup ("9"));
  stale = aims_store_update (f->db, aims_entity_measurements (), aims_record_get_id (measurement),
                             aims_record_get_row_version (measurement), changes, FIXTURE_AUTHOR, &error);
  g_assert_null (stale);
  g_assert_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_CONFLICT);
  g_assert_cmpint (fixture_count_rows (f->db, "audit_log"), ==, audit);
  g_assert_cmpint (fixture_query_int (f->db, "SELECT value = 11.5 FROM measurement"), ==, 1);
}

static GArray *
ids_of (AimsRecord *first,
        ...)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  va_list args;

  va_start (args, first);
  for (AimsRecord *r = first; r != NULL; r = va_arg (args, AimsRecord *))
    {
      gint64 id = aims_record_get_id (r);

      g_array_append_val (ids, id);
    }
  va_end (args);
  return ids;
}

static void
test_objectives_systems (FixtureDb     *f,
                         gconstpointer  data)
{
  g_autoptr(AimsRecord) objective = add_objective (f->db, NULL);
  g_autoptr(AimsRecord) a = fixture_add_system (f->db, "Credit scoring", NULL);
  g_autoptr(AimsRecord) b = fixture_add_system (f->db, "Chat assistant", NULL);
  g_autoptr(GArray) wanted = ids_of (b, a, b, NULL);
  g_autoptr(GArray) got = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *after = NULL;
  gint64 objective_id = aims_record_get_id (objective);
  gint64 bad[] = { aims_record_get_id (a), 999 };
  gint64 audit;

  got = aims_objective_systems_get (f->db, objective_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (got->len, ==, 0);
  g_clear_pointer (&got, g_array_unref);

  g_assert_true (aims_objective_systems_set (f->db, objective_id, (gint64 *) wanted->data, wanted->len,
                                             FIXTURE_AUTHOR, &error));
  g_assert_no_error (error);
  got = aims_objective_systems_get (f->db, objective_id, &error);
  g_assert_cmpuint (got->len, ==, 2);
  g_assert_cmpint (g_array_index (got, gint64, 0), ==, aims_record_get_id (a));
  g_assert_cmpint (g_array_index (got, gint64, 1), ==, aims_record_get_id (b));
  after = fixture_query_text (f->db, "SELECT after_json FROM audit_log WHERE action = 'link_systems'");
  g_assert_nonnull (strstr (after, "AIS-001 AIS-002"));
  /* The objective's own version stays, so an open editor stays valid. */
  g_assert_cmpint (fixture_query_int (f->db, "SELECT row_version FROM objective"), ==, 1);

  /* The same set again: no write, no log. */
  audit = fixture_count_rows (f->db, "audit_log");
  g_assert_true (aims_objective_systems_set (f->db, objective_id, (gint64 *) wanted->data, wanted->len,
                                             FIXTURE_AUTHOR, &error));
  g_assert_cmpint (fixture_count_rows (f->db, "audit_log"), ==, audit);

  /* An id that is no AI system: refused, nothing changed. */
  g_assert_false (aims_objective_systems_set (f->db, objective_id, bad, G_N_ELEMENTS (bad), FIXTURE_AUTHOR, &error));
  g_assert_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (fixture_count_rows (f->db, "objective_system"), ==, 2);
  g_assert_cmpint (fixture_count_rows (f->db, "audit_log"), ==, audit);

  /* None. */
  g_assert_true (aims_objective_systems_set (f->db, objective_id, NULL, 0, FIXTURE_AUTHOR, &error));
  g_assert_cmpint (fixture_count_rows (f->db, "objective_system"), ==, 0);
  g_assert_cmpint (fixture_count_rows (f->db, "audit_log"), ==, audit + 1);

  /* An objective that does not exist. */
  g_assert_null (aims_objective_systems_get (f->db, 999, &error));
  g_assert_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_MISSING);
}

static void
test_objectives_series (FixtureDb     *f,
                        gconstpointer  data)
{
  g_autoptr(AimsRecord) one = add_objective (f->db, "target", "100", "direction", "higher",
                                             "at_risk_threshold", "80", "frequency", "monthly", NULL);
  g_autoptr(AimsRecord) two = add_objective (f->db, "title", "Other", NULL);
  g_autoptr(AimsRecord) m1 = add_measurement (f->db, one, "2025-03-31", "85");
  g_autoptr(AimsRecord) m2 = add_measurement (f->db, one, "2025-01-31", "60");
  g_autoptr(AimsRecord) m3 = add_measurement (f->db, one, "2025-02-28", "75.5");
  g_autoptr(AimsRecord) m4 = add_measurement (f->db, two, "2025-02-01", "3");
  g_autoptr(GArray) series = NULL;
  g_autoptr(GHashTable) all = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;
  gint64 one_id = aims_record_get_id (one);
  gint64 two_id = aims_record_get_id (two);
  AimsObjectiveStatus status;
  GDate today;

  series = aims_objective_load_series (f->db, one_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (series->len, ==, 3);
  g_assert_cmpfloat (g_array_index (series, AimsMeasurementPoint, 0).value, ==, 60);
  g_assert_cmpfloat (g_array_index (series, AimsMeasurementPoint, 1).value, ==, 75.5);
  g_assert_cmpfloat (g_array_index (series, AimsMeasurementPoint, 2).value, ==, 85);

  all = aims_objective_load_all_series (f->db, &error);
  g_assert_cmpuint (g_hash_table_size (all), ==, 2);
  g_assert_cmpuint (((GArray *) g_hash_table_lookup (all, &one_id))->len, ==, 3);
  g_assert_cmpuint (((GArray *) g_hash_table_lookup (all, &two_id))->len, ==, 1);

  records = aims_objective_list_measurements (f->db, one_id, &error);
  g_assert_cmpuint (records->len, ==, 3);
  g_assert_cmpstr (aims_record_get_reference (g_ptr_array_index (records, 0)), ==, aims_record_get_reference (m2));
  g_assert_cmpstr (aims_record_get_reference (g_ptr_array_index (records, 2)), ==, aims_record_get_reference (m1));
  g_assert_cmpstr (aims_record_get_display (g_ptr_array_index (records, 0), "objective_id"), ==, "Bias audit coverage");

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 15, 4, 2025);
  aims_objective_compute (one, series, &today, &status);
  g_assert_cmpint (status.state, ==, AIMS_OBJECTIVE_AT_RISK);
  g_assert_cmpint (status.trend, ==, AIMS_TREND_UP);
  g_assert_true (status.improving);
  g_date_set_dmy (&today, 1, 5, 2025);
  aims_objective_compute (one, series, &today, &status);
  g_assert_cmpint (status.state, ==, AIMS_OBJECTIVE_OVERDUE);
}

/* Version 6 adds triggers that refuse text in the number columns from any
 * writer; a database of the version before gets them, and keeps its rows. */
static void
test_objectives_migration (void)
{
  g_autofree char *path = fixture_path ("before-6.aims");
  g_autoptr(GPtrArray) scripts = aims_migrate_dup_scripts (NULL);
  g_autofree char *header = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = 5;", AIMS_APPLICATION_ID);
  sqlite3 *raw = fixture_raw_open (path);
  AimsDb *db;
  char *message = NULL;
  int rc;

  /* Scripts 1 to 5 make the file of version 5; the migrator adds 6 and later. */
  g_assert_nonnull (strstr (g_ptr_array_index (scripts, 5), "measurement_value_number_insert"));
  for (guint i = 0; i < 5; i++)
    fixture_raw_exec (raw, g_ptr_array_index (scripts, i));
  fixture_raw_exec (raw, header);
  fixture_raw_exec (raw, "INSERT INTO objective (reference, created_at, created_by, updated_at, updated_by, title)"
                         " VALUES ('OBJ-001', '2025-01-01T00:00:00Z', 'x', '2025-01-01T00:00:00Z', 'x', 'Old');"
                         "INSERT INTO measurement (reference, created_at, created_by, updated_at, updated_by,"
                         " objective_id, measured_on, value) VALUES ('MEA-001', '2025-01-01T00:00:00Z', 'x',"
                         " '2025-01-01T00:00:00Z', 'x', 1, '2025-01-01', 'n/a')");
  sqlite3_close (raw);

  db = fixture_open_db (path, AIMS_DB_OPEN_DEFAULT);
  g_assert_cmpint (aims_db_get_schema_version (db), ==, aims_migrate_latest_version ());
  g_assert_cmpint (fixture_count_rows (db, "measurement"), ==, 1);
  {
    /* The text written before is left out of the series, not shown as 0. */
    g_autoptr(GArray) series = aims_objective_load_series (db, 1, NULL);

    g_assert_cmpuint (series->len, ==, 0);
  }
  fixture_close_db (&db);

  raw = fixture_raw_open (path);
  rc = sqlite3_exec (raw, "UPDATE measurement SET value = 'still n/a'", NULL, NULL, &message);
  g_assert_cmpint (rc, !=, SQLITE_OK);
  g_assert_nonnull (strstr (message, "must be a number"));
  sqlite3_free (message);
  rc = sqlite3_exec (raw, "UPDATE objective SET target = 'high'", NULL, NULL, &message);
  g_assert_cmpint (rc, !=, SQLITE_OK);
  sqlite3_free (message);
  fixture_raw_exec (raw, "UPDATE measurement SET value = '12.5'");
  sqlite3_close (raw);
}

/* The demo holds one objective in each state, a year or more of values. */
static void
test_objectives_demo (void)
{
  g_autofree char *path = fixture_create_demo_file ("demo.aims");
  AimsDb *db = fixture_open_db (path, AIMS_DB_OPEN_READ_ONLY);
  g_autoptr(GPtrArray) objectives = NULL;
  g_autoptr(GHashTable) series = NULL;
  g_autoptr(GDate) today = aims_date_today ();
  g_autoptr(GError) error = NULL;
  guint states[AIMS_OBJECTIVE_N_STATES] = { 0 };

  objectives = aims_store_list (db, aims_entity_objectives (), &error);
  g_assert_no_error (error);
  series = aims_objective_load_all_series (db, &error);
  g_assert_cmpuint (objectives->len, >=, 5);
  for (guint i = 0; i < objectives->len; i++)
    {
      AimsRecord *objective = g_ptr_array_index (objectives, i);
      gint64 id = aims_record_get_id (objective);
      GArray *points = g_hash_table_lookup (series, &id);
      AimsObjectiveStatus status;

      aims_objective_compute (objective, points, today, &status);
      states[status.state]++;
      g_assert_nonnull (aims_record_get (objective, "kpi_unit"));
      if (points != NULL)
        {
          const GDate *first = &g_array_index (points, AimsMeasurementPoint, 0).date;

          g_assert_cmpint (g_date_days_between (first, today), >=, 365);
        }
    }
  g_assert_cmpuint (states[AIMS_OBJECTIVE_ON_TRACK], >=, 1);
  g_assert_cmpuint (states[AIMS_OBJECTIVE_AT_RISK], >=, 1);
  g_assert_cmpuint (states[AIMS_OBJECTIVE_OFF_TRACK], >=, 1);
  g_assert_cmpuint (states[AIMS_OBJECTIVE_OVERDUE], >=, 1);
  g_assert_cmpuint (states[AIMS_OBJECTIVE_NOT_MEASURED], >=, 1);
  g_assert_cmpint (fixture_query_int (db, "SELECT count(*) FROM objective_system"), >=, 3);
  g_assert_cmpint (fixture_query_int (db, "SELECT count(*) FROM audit_log WHERE entity = 'measurement'"), ==,
                   fixture_count_rows (db, "measurement"));
  fixture_close_db (&db);
}

static void
assert_starts_with (const char *path,
                    const char *magic,
                    gsize       length)
{
  g_autoptr(GBytes) bytes = fixture_read_bytes (path);

  g_assert_cmpuint (g_bytes_get_size (bytes), >, length);
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), length, magic, length);
}

static void
test_objectives_chart_export (void)
{
  g_autofree char *path = fixture_create_demo_file ("demo.aims");
  g_autofree char *png = fixture_path ("chart.png");
  g_autofree char *svg = fixture_path ("chart.SVG");
  g_autofree char *pdf = fixture_path ("chart.pdf");
  g_autofree char *txt = fixture_path ("chart.txt");
  g_autofree char *folder = g_path_get_dirname (png);
  g_autofree char *missing = g_build_filename (folder, "no-such-folder", "chart.png", NULL);
  AimsDb *db = fixture_open_db (path, AIMS_DB_OPEN_READ_ONLY);
  g_autoptr(GError) error = NULL;
  cairo_surface_t *image;

  g_assert_true (aims_objective_chart_export (db, "OBJ-001", png, &error));
  g_assert_no_error (error);
  assert_starts_with (png, "\x89PNG", 4);
  image = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_image_surface_get_width (image), ==, 2 * AIMS_OBJECTIVE_CHART_WIDTH);
  cairo_surface_destroy (image);
  g_assert_true (aims_objective_chart_export (db, "OBJ-002", svg, &error));
  assert_starts_with (svg, "<?xml", 5);
  g_assert_true (aims_objective_chart_export (db, "1", pdf, &error));
  assert_starts_with (pdf, "%PDF", 4);

  g_assert_false (aims_objective_chart_export (db, "OBJ-001", txt, &error));
  g_assert_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (g_file_test (txt, G_FILE_TEST_EXISTS));
  g_assert_false (aims_objective_chart_export (db, "OBJ-404", png, &error));
  g_assert_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_MISSING);
  g_clear_error (&error);
  g_assert_false (aims_objective_chart_export (db, "OBJ-001", missing, &error));
  fixture_assert_error_names_file (error, AIMS_DB_ERROR_FAILED, missing);
  fixture_close_db (&db);
}

int
main (int    argc,
      char **argv)
{
  fixture_init (&argc, &argv);

  g_test_add_func ("/objectives/entities", test_objectives_entities);
  FIXTURE_ADD_DB_TEST ("/objectives/numbers", test_objectives_numbers);
  FIXTURE_ADD_DB_TEST ("/objectives/refused", test_objectives_refused);
  FIXTURE_ADD_DB_TEST ("/objectives/rules", test_objectives_rules);
  FIXTURE_ADD_DB_TEST ("/objectives/correction", test_objectives_correction);
  FIXTURE_ADD_DB_TEST ("/objectives/systems", test_objectives_systems);
  FIXTURE_ADD_DB_TEST ("/objectives/series", test_objectives_series);
  g_test_add_func ("/objectives/migration", test_objectives_migration);
  g_test_add_func ("/objectives/demo", test_objectives_demo);
  g_test_add_func ("/objectives/chart-export", test_objectives_chart_export);

  return g_test_run ();
}
