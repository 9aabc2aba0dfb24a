/* test-validation.c — values the store refuses, naming the field, before any
 * write: nothing is half-saved and no audit row is added
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "core-fixtures.h"

typedef struct
{
  AimsDb     *db;
  AimsRecord *system;   /* one stored system to update */
  gint64      systems;  /* rows before the refused write */
  gint64      audit;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->db = fixture_create_db ("validation.aims", AIMS_DB_OPEN_DEFAULT, NULL);
  f->system = fixture_add_system (f->db, "Credit scoring", NULL);
  f->systems = fixture_count_rows (f->db, "ai_system");
  f->audit = fixture_count_rows (f->db, "audit_log");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(AimsRecord) stored = NULL;

  /* Whatever was refused, nothing changed. */
  g_assert_cmpint (fixture_count_rows (f->db, "ai_system"), ==, f->systems);
  g_assert_cmpint (fixture_count_rows (f->db, "audit_log"), ==, f->audit);
  stored = fixture_reload (f->db, f->system);
  g_assert_cmpint (aims_record_get_row_version (stored), ==, 1);
  fixture_assert_same_fields (f->system, stored);

  g_clear_object (&f->system);
  fixture_close_db (&f->db);
}

/* A value a user might type for field that must be refused. When fill is
 * not 0, the value is fill copies of value's first character. */
typedef struct
{
  const char *field;
  const char *value;
  guint       fill;
} Refusal;

static const Refusal missing_name = { "name", "" };
static const Refusal blank_name = { "name", "   \t " };
static const Refusal invalid_date = { "next_review_date", "2025-02-30" };
static const Refusal unparseable_date = { "start_date", "next Tuesday" };
static const Refusal unknown_choice = { "sourcing", "outsourced somehow" };
static const Refusal too_long = { "provider", "x", AIMS_TEXT_MAX_LENGTH + 1 };
static const Refusal too_long_name = { "name", "n", AIMS_TEXT_MAX_LENGTH + 1 };
static const Refusal too_long_paragraphs = { "description", "p", AIMS_LONG_TEXT_MAX_LENGTH + 1 };
static const Refusal line_break_in_text = { "business_unit", "Retail\nBanking" };
static const Refusal invalid_utf8 = { "provider", "Acme \xff\xfe Ltd" };

/* Both an insert of a new system and an update of the stored one with the
 * value are refused with INVALID naming the field. */
static void
test_validation_refused (Fixture       *f,
                         gconstpointer  data)
{
  const Refusal *r = data;
  const AimsEntity *systems = aims_entity_systems ();
  g_autofree char *value = r->fill > 0 ? g_strnfill (r->fill, r->value[0]) : g_strdup (r->value);
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) values = fixture_values ("name", "New system", NULL);
  g_autoptr(GHashTable) changes = fixture_values (r->field, value, NULL);

  g_hash_table_insert (values, g_strdup (r->field), g_strdup (value));
  error = fixture_insert_refused (f->db, systems, values);
  fixture_assert_error_names_field (error, systems, r->field);
  g_clear_error (&error);

  error = fixture_update_refused (f->db, f->system, changes);
  fixture_assert_error_names_field (error, systems, r->field);
}

/* A new record without the required field at all. */
static void
test_validation_absent_name (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GHashTable) values = fixture_values ("provider", "Acme", NULL);
  g_autoptr(GError) error = fixture_insert_refused (f->db, aims_entity_systems (), values);

  fixture_assert_error_names_field (error, aims_entity_systems (), "name");
}

/* Limits count characters, not bytes: the longest name allowed is stored
 * whole, also in a script with multi-byte characters. */
static void
test_validation_longest_allowed (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(GString) name = g_string_new (NULL);
  g_autoptr(GHashTable) values = NULL;
  g_autoptr(AimsRecord) record = NULL;
  g_autoptr(AimsRecord) loaded = NULL;

  for (guint i = 0; i < AIMS_TEXT_MAX_LENGTH; i++)
    g_string_append (name, "é");
  values = fixture_values ("name", name->str, NULL);
  record = fixture_insert (f->db, aims_entity_systems (), values);
  loaded = fixture_reload (f->db, record);
  g_assert_cmpstr (aims_record_get (loaded, "name"), ==, name->str);

  /* This one was meant to be stored: the tear-down counts it. */
  f->systems++;
  f->audit++;
}

static void
test_validation_unknown_field (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GHashTable) values = fixture_values ("name", "Typo", "colour", "blue", NULL);
  g_autoptr(GError) error = fixture_insert_refused (f->db, aims_entity_systems (), values);

  g_assert_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "colour"));
}

/* Several fields, one bad: the good ones are not stored either. */
static void
test_validation_one_bad_of_many (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(GHashTable) changes = fixture_values ("provider", "Acme",
                                                  "criticality", "critical",
                                                  "last_review_date", "2025-13-01",
                                                  NULL);
  g_autoptr(GError) error = fixture_update_refused (f->db, f->system, changes);

  fixture_assert_error_names_field (error, aims_entity_systems (), "last_review_date");
}

static void
test_validation_person_email (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GHashTable) values = fixture_values ("name", "Ada", "email", "ada at example", NULL);
  g_autoptr(GError) error = fixture_insert_refused (f->db, aims_entity_people (), values);

  fixture_assert_error_names_field (error, aims_entity_people (), "email");
  g_assert_cmpint (fixture_count_rows (f->db, "person"), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  fixture_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add ("/core/validation/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
#define ADD_REFUSAL(path, refusal) \
  g_test_add ("/core/validation/" path, Fixture, &refusal, fixture_set_up, \
              test_validation_refused, fixture_tear_down)

  ADD_REFUSAL ("missing-name", missing_name);
  ADD_REFUSAL ("blank-name", blank_name);
  ADD ("absent-name", test_validation_absent_name);
  ADD_REFUSAL ("invalid-date", invalid_date);
  ADD_REFUSAL ("unparseable-date", unparseable_date);
  ADD_REFUSAL ("unknown-choice", unknown_choice);
  ADD_REFUSAL ("too-long", too_long);
  ADD_REFUSAL ("too-long-name", too_long_name);
  ADD_REFUSAL ("too-long-paragraphs", too_long_paragraphs);
  ADD_REFUSAL ("line-break-in-text", line_break_in_text);
  ADD_REFUSAL ("invalid-utf8", invalid_utf8);
  ADD ("longest-allowed", test_validation_longest_allowed);
  ADD ("unknown-field", test_validation_unknown_field);
  ADD ("one-bad-of-many", test_validation_one_bad_of_many);
  ADD ("person-email", test_validation_person_email);

#undef ADD_REFUSAL
#undef ADD

  return g_test_run ();
}
