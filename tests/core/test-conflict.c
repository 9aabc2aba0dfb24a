/* test-conflict.c — an update from a stale row_version writes nothing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "core-fixtures.h"

/* Updates field from the version the caller read, expecting a conflict;
 * asserts nothing was written (no audit row either). */
static void
assert_conflict (AimsDb     *db,
                 AimsRecord *stale,
                 const char *field,
                 const char *value)
{
  g_autoptr(GHashTable) changes = fixture_values (field, value, NULL);
  gint64 audit = fixture_count_rows (db, "audit_log");
  g_autoptr(GError) error = fixture_update_refused (db, stale, changes);

  g_assert_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_CONFLICT);
  g_assert_cmpint (fixture_count_rows (db, "audit_log"), ==, audit);
}

static void
test_conflict_stale_version (FixtureDb     *f,
                             gconstpointer  data)
{
  g_autoptr(AimsRecord) read = NULL;
  g_autoptr(AimsRecord) first = NULL;
  g_autoptr(AimsRecord) stored = NULL;

  read = fixture_add_system (f->db, "Support chatbot", NULL);
  g_assert_cmpint (aims_record_get_row_version (read), ==, 1);

  first = fixture_update_field (f->db, read, "provider", "First writer Ltd");
  g_assert_cmpint (aims_record_get_row_version (first), ==, 2);

  assert_conflict (f->db, read, "provider", "Second writer Ltd");

  stored = fixture_reload (f->db, read);
  g_assert_cmpstr (aims_record_get (stored, "provider"), ==, "First writer Ltd");
  g_assert_cmpint (aims_record_get_row_version (stored), ==, 2);
}

/* Two connections to one file, as two users: A writes, B's stale write is
 * refused and B then reads A's value. */
static void
check_two_connections (AimsDbOpenFlags flags)
{
  g_autofree char *path = NULL;
  g_autoptr(AimsRecord) created = NULL;
  g_autoptr(AimsRecord) read_a = NULL;
  g_autoptr(AimsRecord) read_b = NULL;
  g_autoptr(AimsRecord) written_a = NULL;
  g_autoptr(AimsRecord) seen_by_b = NULL;
  AimsDb *a = fixture_create_db ("two-users.aims", flags, &path);
  AimsDb *b = fixture_open_db (path, flags);

  created = fixture_add_system (a, "Medical triage", NULL);
  read_a = fixture_reload (a, created);
  read_b = fixture_reload (b, created);

  written_a = fixture_update_field (a, read_a, "criticality", "critical");
  assert_conflict (b, read_b, "criticality", "low");

  seen_by_b = fixture_reload (b, created);
  g_assert_cmpstr (aims_record_get (seen_by_b, "criticality"), ==, "critical");
  g_assert_cmpint (aims_record_get_row_version (seen_by_b), ==, 2);

  fixture_close_db (&b);
  fixture_close_db (&a);
}

static void
test_conflict_two_connections_local (void)
{
  check_two_connections (AIMS_DB_OPEN_DEFAULT);
}

static void
test_conflict_two_connections_shared (void)
{
  check_two_connections (AIMS_DB_OPEN_SHARED);
}

/* Changing a field the other user did not touch is still a conflict: the
 * caller decides, the store never merges silently. */
static void
test_conflict_other_field (FixtureDb     *f,
                           gconstpointer  data)
{
  g_autoptr(AimsRecord) read = NULL;
  g_autoptr(AimsRecord) first = NULL;

  read = fixture_add_system (f->db, "Fraud detection", NULL);
  first = fixture_update_field (f->db, read, "provider", "Acme");
  assert_conflict (f->db, read, "business_unit", "Payments");
}

/* -1 updates whatever version is current. */
static void
test_conflict_any_version (FixtureDb     *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AimsRecord) read = NULL;
  g_autoptr(AimsRecord) first = NULL;
  g_autoptr(AimsRecord) second = NULL;
  g_autoptr(GHashTable) changes = fixture_values ("provider", "Whoever", NULL);

  read = fixture_add_system (f->db, "Predictive maintenance", NULL);
  first = fixture_update_field (f->db, read, "provider", "Acme");
  second = aims_store_update (f->db, aims_entity_systems (), aims_record_get_id (read), -1,
                              changes, FIXTURE_AUTHOR, &error);
  g_assert_no_error (error);
  g_assert_cmpint (aims_record_get_row_version (second), ==, 3);
  g_assert_cmpstr (aims_record_get (second, "provider"), ==, "Whoever");
}

/* Updating a record that is not there is MISSING, not a silent no-op. */
static void
test_conflict_missing_row (FixtureDb     *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) changes = fixture_values ("provider", "Nobody", NULL);
  g_autoptr(AimsRecord) updated = NULL;

  updated = aims_store_update (f->db, aims_entity_systems (), 4242, 1, changes,
                               FIXTURE_AUTHOR, &error);
  g_assert_null (updated);
  g_assert_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_MISSING);
  g_assert_cmpint (fixture_count_rows (f->db, "audit_log"), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  fixture_init (&argc, &argv);

  FIXTURE_ADD_DB_TEST ("/core/conflict/stale-version", test_conflict_stale_version);
  g_test_add_func ("/core/conflict/two-connections/local", test_conflict_two_connections_local);
  g_test_add_func ("/core/conflict/two-connections/shared", test_conflict_two_connections_shared);
  FIXTURE_ADD_DB_TEST ("/core/conflict/other-field", test_conflict_other_field);
  FIXTURE_ADD_DB_TEST ("/core/conflict/any-version", test_conflict_any_version);
  FIXTURE_ADD_DB_TEST ("/core/conflict/missing-row", test_conflict_missing_row);

  return g_test_run ();
}
