/* test-entity.c — the field tables, and how a typed value is normalised
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "core-fixtures.h"

static const AimsField *
system_field (const char *name)
{
  const AimsField *field = aims_entity_find_field (aims_entity_systems (), name);

  g_assert_nonnull (field);
  return field;
}

static void
assert_normalizes (const AimsField *field,
                   const char      *typed,
                   const char      *stored)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *value = aims_field_normalize (field, typed, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (value, ==, stored);
}

static void
assert_refused (const AimsField *field,
                const char      *typed)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *value = aims_field_normalize (field, typed, &error);

  g_assert_null (value);
  g_assert_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_INVALID);
  if (strstr (error->message, field->label) == NULL)
    g_error ("“%s” does not name the field %s", error->message, field->label);
}

static void
test_entity_lookup (void)
{
  const char *const *names = aims_entity_names ();

  g_assert_true (aims_entity_lookup ("systems") == aims_entity_systems ());
  g_assert_true (aims_entity_lookup ("people") == aims_entity_people ());
  g_assert_null (aims_entity_lookup ("gadgets"));
  g_assert_true (g_strv_contains (names, "systems"));
  g_assert_true (g_strv_contains (names, "people"));
  for (guint i = 0; names[i] != NULL; i++)
    g_assert_nonnull (aims_entity_lookup (names[i]));

  g_assert_cmpstr (aims_entity_systems ()->table, ==, "ai_system");
  g_assert_cmpstr (aims_entity_systems ()->ref_prefix, ==, "AIS");
  g_assert_null (aims_entity_find_field (aims_entity_systems (), "colour"));
}

/* Every field belongs to a declared group, choices are non-empty and their
 * keys unique, and each field is a column of its table in the schema. */
static void
test_entity_tables_match_schema (void)
{
  AimsDb *db = fixture_create_db ("schema.aims", AIMS_DB_OPEN_DEFAULT, NULL);
  const char *const *names = aims_entity_names ();

  for (guint e = 0; names[e] != NULL; e++)
    {
      const AimsEntity *entity = aims_entity_lookup (names[e]);

      g_assert_nonnull (aims_entity_find_field (entity, entity->title_field));
      for (guint i = 0; i < entity->n_fields; i++)
        {
          const AimsField *field = &entity->fields[i];
          g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM pragma_table_info('%s')"
                                                  " WHERE name = '%s'", entity->table, field->name);
          gboolean grouped = FALSE;

          g_assert_true (aims_entity_find_field (entity, field->name) == field);
          if (fixture_query_int (db, sql) != 1)
            g_error ("%s.%s is not a column of the schema", entity->table, field->name);
          for (const AimsFieldGroup *g = entity->groups; g->key != NULL; g++)
            grouped |= g_str_equal (g->key, field->group);
          g_assert_true (grouped);

          if (field->type != AIMS_FIELD_CHOICE)
            continue;
          g_assert_nonnull (field->choices);
          g_assert_nonnull (field->choices[0].key);
          for (const AimsChoice *a = field->choices; a->key != NULL; a++)
            {
              g_assert_cmpstr (aims_field_choice_label (field, a->key), ==, a->label);
              g_assert_cmpstr (aims_field_choice_from_text (field, a->label), ==, a->key);
              for (const AimsChoice *b = a + 1; b->key != NULL; b++)
                g_assert_cmpstr (a->key, !=, b->key);
            }
        }
    }
  fixture_close_db (&db);
}

/* A value as typed and as stored; NULL when it must be refused. */
typedef struct
{
  const char *typed;
  const char *stored;
} Case;

static void
check_cases (const AimsField *field,
             const Case      *cases,
             gsize            n_cases)
{
  for (gsize i = 0; i < n_cases; i++)
    if (cases[i].stored != NULL)
      assert_normalizes (field, cases[i].typed, cases[i].stored);
    else
      assert_refused (field, cases[i].typed);
}

#define CHECK_CASES(field, cases) check_cases ((field), (cases), G_N_ELEMENTS (cases))

static void
test_entity_normalize_choice (void)
{
  static const Case sourcing[] = {
    { "Third-party", "third_party" }, { "third party", "third_party" },
    { "THIRD_PARTY", "third_party" }, { "  In-house ", "in_house" },
    { "hybrid", "hybrid" }, { "", "" },
    { "outsourced", NULL }, { "third", NULL },
  };
  const AimsField *field = system_field ("sourcing");

  CHECK_CASES (field, sourcing);
  g_assert_cmpstr (aims_field_choice_label (field, "third_party"), ==, "Third-party");
  g_assert_null (aims_field_choice_label (field, "nope"));
  assert_normalizes (system_field ("lifecycle_stage"), "Retired", AIMS_LIFECYCLE_RETIRED);
  assert_normalizes (system_field ("eu_ai_act_class"), "High risk", "high");
}

static void
test_entity_normalize_date (void)
{
  static const Case dates[] = {
    { "2025-02-28", "2025-02-28" }, { " 2024-02-29 ", "2024-02-29" }, { "", "" },
    { "2025-02-30", NULL }, { "2023-02-29", NULL }, { "2025-13-01", NULL },
    { "2025-00-10", NULL }, { "2025-2-3", NULL }, { "03/04/2025", NULL },
    { "tomorrow", NULL },
  };

  CHECK_CASES (system_field ("next_review_date"), dates);
}

static void
test_entity_normalize_email (void)
{
  static const Case emails[] = {
    { "ada@example.org", "ada@example.org" },
    { "  grace.hopper@navy.example.mil ", "grace.hopper@navy.example.mil" },
    { "", "" },
    { "ada@", NULL }, { "@example.org", NULL }, { "ada example.org", NULL },
    { "ada@example", NULL }, { "ada@@example.org", NULL }, { "Ada <ada@example.org>", NULL },
  };
  const AimsField *email = aims_entity_find_field (aims_entity_people (), "email");

  g_assert_nonnull (email);
  CHECK_CASES (email, emails);
}

static void
test_entity_normalize_boolean (void)
{
  static const AimsField flag = { "flag", "Flag", "g", AIMS_FIELD_BOOLEAN, FALSE, 0, NULL, NULL };
  static const AimsField required_flag = { "rflag", "Required flag", "g", AIMS_FIELD_BOOLEAN, TRUE, 0, NULL, NULL };
  static const Case booleans[] = {
    { "yes", "1" }, { "TRUE", "1" }, { "1", "1" },
    { "No", "0" }, { "false", "0" }, { " 0 ", "0" }, { "", "" },
    { "maybe", NULL }, { "2", NULL },
  };

  CHECK_CASES (&flag, booleans);
  assert_refused (&required_flag, "");
}

static void
test_entity_normalize_required (void)
{
  const AimsField *name = system_field ("name");

  g_assert_true (name->required);
  assert_normalizes (name, "  Credit scoring\t", "Credit scoring");
  assert_refused (name, "");
  assert_refused (name, "   ");
  assert_refused (name, NULL);
  assert_normalizes (system_field ("provider"), NULL, "");
}

static void
test_entity_normalize_length (void)
{
  const AimsField *provider = system_field ("provider");
  const AimsField *description = system_field ("description");
  g_autofree char *longest = g_strnfill (AIMS_TEXT_MAX_LENGTH, 'x');
  g_autofree char *too_long = g_strnfill (AIMS_TEXT_MAX_LENGTH + 1, 'x');
  g_autofree char *longest_text = g_strnfill (AIMS_LONG_TEXT_MAX_LENGTH, 'y');
  g_autofree char *too_long_text = g_strnfill (AIMS_LONG_TEXT_MAX_LENGTH + 1, 'y');
  g_autoptr(GString) wide = g_string_new (NULL);

  g_assert_cmpuint (aims_field_max_length (provider), ==, AIMS_TEXT_MAX_LENGTH);
  g_assert_cmpuint (aims_field_max_length (description), ==, AIMS_LONG_TEXT_MAX_LENGTH);
  assert_normalizes (provider, longest, longest);
  assert_refused (provider, too_long);
  assert_normalizes (description, longest_text, longest_text);
  assert_refused (description, too_long_text);

  /* Characters, not bytes. */
  for (guint i = 0; i < AIMS_TEXT_MAX_LENGTH; i++)
    g_string_append (wide, "ß");
  assert_normalizes (provider, wide->str, wide->str);
  g_string_append (wide, "ß");
  assert_refused (provider, wide->str);
}

static void
test_entity_normalize_text (void)
{
  assert_refused (system_field ("provider"), "two\nlines");
  assert_refused (system_field ("provider"), "bad \xc3\x28 utf-8");
  assert_normalizes (system_field ("description"), "two\nlines", "two\nlines");
}

int
main (int   argc,
      char *argv[])
{
  fixture_init (&argc, &argv);

  g_test_add_func ("/core/entity/lookup", test_entity_lookup);
  g_test_add_func ("/core/entity/tables-match-schema", test_entity_tables_match_schema);
  g_test_add_func ("/core/entity/normalize/choice", test_entity_normalize_choice);
  g_test_add_func ("/core/entity/normalize/date", test_entity_normalize_date);
  g_test_add_func ("/core/entity/normalize/email", test_entity_normalize_email);
  g_test_add_func ("/core/entity/normalize/boolean", test_entity_normalize_boolean);
  g_test_add_func ("/core/entity/normalize/required", test_entity_normalize_required);
  g_test_add_func ("/core/entity/normalize/length", test_entity_normalize_length);
  g_test_add_func ("/core/entity/normalize/text", test_entity_normalize_text);

  return g_test_run ();
}
