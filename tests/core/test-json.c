/* test-json.c — JSON string literals for the audit log and aimsctl
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

int
main (int   argc,
      char *argv[])
{
  fixture_init (&argc, &argv);

  g_test_add_func ("/core/json/string", test_json_string);

  return g_test_run ();
}
