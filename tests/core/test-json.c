/* test-json.c — JSON string literals for the audit log and aimsctl, and the reader
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "core-fixtures.h"

static void
assert_json (const char *value,
             const char *expected)
{
  g_autoptr(GString) out = g_string_new ("[");

  aims_json_append_string (out, value);
  g_string_append_c (out, ']');
  g_assert_cmpstr (out->str, ==, expected);
}

static void
test_json_string (void)
{
  assert_json (NULL, "[null]");
  assert_json ("", "[\"\"]");
  assert_json ("plain", "[\"plain\"]");
  assert_json ("say \"hi\"", "[\"say \\\"hi\\\"\"]");
  assert_json ("back\\slash", "[\"back\\\\slash\"]");
  assert_json ("line\nbreak\r\ttab", "[\"line\\nbreak\\r\\ttab\"]");
  assert_json ("bell\a and \x1f", "[\"bell\\u0007 and \\u001f\"]");
  /* UTF-8 passes through as it is; JSON allows it. */
  assert_json ("Zürich – 東京", "[\"Zürich – 東京\"]");
  assert_json ("</script>", "[\"</script>\"]");
}

/* What the reader gives, in GVariant's text form. */
static void
assert_parses (const char *json,
               const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) value = aims_json_parse (json, &error);
  g_autofree char *text = NULL;

  g_assert_no_error (error);
  g_assert_false (g_variant_is_floating (value));
  text = g_variant_print (value, FALSE);
  g_assert_cmpstr (text, ==, expected);
}

static void
assert_string (const char *json,
               const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) value = aims_json_parse (json, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (g_variant_get_string (value, NULL), ==, expected);
}

static void
assert_unparsable (const char *json)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) value = aims_json_parse (json, &error);

  g_assert_null (value);
  g_assert_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_INVALID);
}

static void
test_json_parse (void)
{
  g_autoptr(GString) deep = g_string_new (NULL);
  g_autoptr(GString) written = g_string_new (NULL);

  assert_parses ("[]", "[]");
  assert_parses (" [ \"Rare\" , \"Almost certain\" ] ", "[<'Rare'>, <'Almost certain'>]");
  assert_parses ("{\"name\":\"Low\",\"min_score\":1,\"max_score\":4,\"colour\":\"#33d17a\"}",
                 "{'name': <'Low'>, 'min_score': <int64 1>, 'max_score': <int64 4>, 'colour': <'#33d17a'>}");
  assert_parses ("[true,false,null,-0,2.5,1e3,[{}]]",
                 "[<true>, <false>, <@mv nothing>, <int64 0>, <2.5>, <1000.0>, <[<@a{sv} {}>]>]");
  assert_parses ("99999999999999999999", "1e+20");

  /* Escapes, a surrogate pair, and what the writer writes read back. */
  assert_string ("\"\\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9\\ud83d\\ude00 Zürich\"",
                 "\"\\/\b\f\n\r\t\u00e9\U0001F600 Zürich");
  aims_json_append_string (written, "line\nbreak \"quoted\" \x01 \\");
  assert_string (written->str, "line\nbreak \"quoted\" \x01 \\");

  assert_unparsable ("");
  assert_unparsable ("[");
  assert_unparsable ("[1,]");
  assert_unparsable ("[1 2]");
  assert_unparsable ("{\"a\" 1}");
  assert_unparsable ("{1:2}");
  assert_unparsable ("\"unterminated");
  assert_unparsable ("\"tab\tinside\"");
  assert_unparsable ("\"\\x\"");
  assert_unparsable ("\"\\ud83d\"");
  assert_unparsable ("\"\\ude00\"");
  assert_unparsable ("\"\\u0000\"");
  assert_unparsable ("\"\xff\"");
  assert_unparsable ("01");
  assert_unparsable ("-");
  assert_unparsable ("1.");
  assert_unparsable ("tru");
  assert_unparsable ("[] []");
  g_string_append (deep, "[");
  for (int i = 0; i < 100; i++)
    g_string_append (deep, "[");
  assert_unparsable (deep->str);
}

int
main (int   argc,
      char *argv[])
{
  fixture_init (&argc, &argv);

  g_test_add_func ("/core/json/string", test_json_string);
  g_test_add_func ("/core/json/parse", test_json_parse);

  return g_test_run ();
}
