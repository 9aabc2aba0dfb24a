/* test-cli-usage.c — aimsctl's help, and bad usage (exit 2) told before any file is read
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "cli-runner.h"

static const char *const commands[] = {
  "init", "info", "check", "list", "add", "update", "backup", NULL
};

/* Bad usage: exit 2, stderr says what and shows a usage line, stdout empty. */
static void
assert_usage_error (const CliResult *result,
                    const char      *what)
{
  cli_assert_status (result, 2);
  g_assert_cmpstr (result->out, ==, "");
  g_assert_nonnull (strstr (result->err, what));
  g_assert_nonnull (strstr (result->err, "Usage: aimsctl"));
}

static void
test_help_tool (void)
{
  g_auto(CliResult) result = { 0 };
  g_auto(CliResult) help = { 0 };

  cli_run (&result, "--help", NULL);
  cli_assert_status (&result, 0);
  g_assert_cmpstr (result.err, ==, "");
  for (guint i = 0; commands[i] != NULL; i++)
    {
      g_autofree char *line = g_strdup_printf ("\n  %s ", commands[i]);

      g_assert_nonnull (strstr (result.out, line));
    }
  g_assert_nonnull (strstr (result.out, "Exit status"));

  cli_run (&help, "help", NULL);
  cli_assert_status (&help, 0);
  g_assert_cmpstr (help.out, ==, result.out);
}

static void
test_help_commands (void)
{
  for (guint i = 0; commands[i] != NULL; i++)
    {
      g_auto(CliResult) option = { 0 };
      g_auto(CliResult) help = { 0 };
      g_autofree char *usage = g_strdup_printf ("Usage: aimsctl %s ", commands[i]);

      cli_run (&option, commands[i], "--help", NULL);
      cli_assert_status (&option, 0);
      g_assert_cmpstr (option.err, ==, "");
      g_assert_true (g_str_has_prefix (option.out, usage));
      g_assert_nonnull (strstr (option.out, "--author"));

      /* Examples name the command as it is typed. */
      g_free (usage);
      usage = g_strdup_printf ("  aimsctl %s ", commands[i]);
      g_assert_nonnull (strstr (option.out, usage));

      cli_run (&help, "help", commands[i], NULL);
      cli_assert_status (&help, 0);
      g_assert_cmpstr (help.out, ==, option.out);
    }
}

static void
test_version (void)
{
  g_auto(CliResult) result = { 0 };

  cli_run (&result, "--version", NULL);
  cli_assert_status (&result, 0);
  g_assert_true (g_str_has_prefix (result.out, "aimsctl (AIMS Desk) "));
}

static void
test_unknown_command (void)
{
  g_auto(CliResult) result = { 0 };
  g_auto(CliResult) help = { 0 };

  cli_run (&result, "frobnicate", "x.db", NULL);
  assert_usage_error (&result, "frobnicate");

  cli_run (&help, "help", "frobnicate", NULL);
  assert_usage_error (&help, "frobnicate");
}

static void
test_no_command (void)
{
  g_auto(CliResult) result = { 0 };

  cli_run (&result, NULL, NULL);
  assert_usage_error (&result, "COMMAND");
}

static void
test_unknown_option (void)
{
  g_auto(CliResult) after = { 0 };
  g_auto(CliResult) before = { 0 };
  g_auto(CliResult) other = { 0 };

  cli_run (&after, "list", "systems", "x.db", "--bogus", NULL);
  assert_usage_error (&after, "--bogus");

  cli_run (&before, "--bogus", "list", "systems", "x.db", NULL);
  assert_usage_error (&before, "--bogus");

  /* An option of another command. */
  cli_run (&other, "add", "systems", "x.db", "--set", "name=x", "--format", "csv", NULL);
  assert_usage_error (&other, "--format");
}

static void
test_missing_argument (void)
{
  struct { const char *args[4]; const char *missing; } cases[] = {
    { { "list", "systems", NULL }, "DB" },
    { { "list", NULL }, "ENTITY" },
    { { "update", "systems", "x.db", NULL }, "ID" },
    { { "backup", "x.db", NULL }, "OUT" },
    { { "init", NULL }, "DB" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(CliResult) result = { 0 };
      g_autofree char *message = g_strdup_printf ("missing %s", cases[i].missing);

      cli_run (&result, cases[i].args[0], cases[i].args[1], cases[i].args[2], NULL);
      assert_usage_error (&result, message);
    }
}

static void
test_extra_argument (void)
{
  g_auto(CliResult) result = { 0 };

  cli_run (&result, "info", "x.db", "y.db", NULL);
  assert_usage_error (&result, "y.db");
}

static void
test_bad_values (void)
{
  g_auto(CliResult) format = { 0 };
  g_auto(CliResult) timeout = { 0 };
  g_auto(CliResult) env_timeout = { 0 };
  g_auto(CliResult) version = { 0 };
  g_auto(CliResult) set = { 0 };
  g_auto(CliResult) no_set = { 0 };
  const char *env[] = { "AIMS_BUSY_TIMEOUT=soon", NULL };

  cli_run (&format, "list", "systems", "x.db", "--format", "xml", NULL);
  assert_usage_error (&format, "xml");

  cli_run (&timeout, "--timeout", "-5", "info", "x.db", NULL);
  assert_usage_error (&timeout, "--timeout");

  cli_run_env (&env_timeout, env, "info", "x.db", NULL);
  assert_usage_error (&env_timeout, "AIMS_BUSY_TIMEOUT");

  cli_run (&version, "update", "systems", "x.db", "AIS-001", "--set", "name=x",
           "--expect-version", "0", NULL);
  assert_usage_error (&version, "--expect-version");

  cli_run (&set, "add", "systems", "x.db", "--set", "name", NULL);
  assert_usage_error (&set, "FIELD=VALUE");

  cli_run (&no_set, "add", "systems", "x.db", NULL);
  assert_usage_error (&no_set, "--set");
}

static void
test_entities (void)
{
  g_auto(CliResult) unknown = { 0 };
  g_auto(CliResult) missing = { 0 };

  cli_run (&unknown, "list", "widgets", "x.db", NULL);
  assert_usage_error (&unknown, "widgets");

  /* Every entity of DESIGN.md is known: what is wrong here is the file. */
  cli_run (&missing, "list", "assessments", "x.db", NULL);
  cli_assert_failed (&missing, 1, "x.db");
  g_assert_nonnull (strstr (missing.err, "does not exist"));
}

static void
test_unknown_field (void)
{
  g_autofree char *db = cli_new_demo ("demo.db");
  g_autoptr(GBytes) before = cli_read_bytes (db);
  g_auto(CliResult) add = { 0 };
  g_auto(CliResult) update = { 0 };

  cli_run (&add, "add", "people", db, "--set", "name=Ada", "--set", "shoe_size=9", NULL);
  assert_usage_error (&add, "shoe_size");

  cli_run (&update, "update", "systems", db, "AIS-001", "--set", "row_version=9", NULL);
  assert_usage_error (&update, "row_version");

  cli_assert_unchanged (db, before);
}

int
main (int    argc,
      char **argv)
{
  cli_test_init (&argc, &argv);

  g_test_add_func ("/cli/usage/help-tool", test_help_tool);
  g_test_add_func ("/cli/usage/help-commands", test_help_commands);
  g_test_add_func ("/cli/usage/version", test_version);
  g_test_add_func ("/cli/usage/unknown-command", test_unknown_command);
  g_test_add_func ("/cli/usage/no-command", test_no_command);
  g_test_add_func ("/cli/usage/unknown-option", test_unknown_option);
  g_test_add_func ("/cli/usage/missing-argument", test_missing_argument);
  g_test_add_func ("/cli/usage/extra-argument", test_extra_argument);
  g_test_add_func ("/cli/usage/bad-values", test_bad_values);
  g_test_add_func ("/cli/usage/entities", test_entities);
  g_test_add_func ("/cli/usage/unknown-field", test_unknown_field);

  return g_test_run ();
}
