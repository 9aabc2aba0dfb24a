/* cli-runner.c — running the built aimsctl from tests, and what they share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include <glib/gstdio.h>

#include "cli-runner.h"

static const char *aimsctl_path;

void
cli_result_clear (CliResult *result)
{
  g_clear_pointer (&result->out, g_free);
  g_clear_pointer (&result->err, g_free);
}

void
cli_test_init (int    *argc,
               char ***argv)
{
  g_test_init (argc, argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  aimsctl_path = g_getenv ("AIMSCTL");
  if (aimsctl_path == NULL || !g_file_test (aimsctl_path, G_FILE_TEST_IS_EXECUTABLE))
    g_error ("AIMSCTL must name the built aimsctl (meson test sets it), not “%s”",
             aimsctl_path != NULL ? aimsctl_path : "(unset)");
}

void
cli_spawn (CliResult          *result,
           const char *const  *argv,
           const char *const  *env,
           const char         *input)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_auto(GStrv) envp = g_get_environ ();
  g_autoptr(GError) error = NULL;

  envp = g_environ_setenv (envp, "AIMS_AUTHOR", CLI_TEST_AUTHOR, TRUE);
  for (guint i = 0; env != NULL && env[i] != NULL; i++)
    {
      g_auto(GStrv) pair = g_strsplit (env[i], "=", 2);

      envp = g_environ_setenv (envp, pair[0], pair[1] != NULL ? pair[1] : "", TRUE);
    }

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE |
                                        G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_set_environ (launcher, envp);
  process = g_subprocess_launcher_spawnv (launcher, argv, &error);
  g_assert_no_error (error);

  cli_result_clear (result);
  g_subprocess_communicate_utf8 (process, input, NULL, &result->out, &result->err, &error);
  g_assert_no_error (error);
  result->status = g_subprocess_get_if_exited (process) ? g_subprocess_get_exit_status (process) : -1;
}

void
cli_run_env (CliResult         *result,
             const char *const *env,
             const char        *first_arg,
             ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  va_list args;

  g_ptr_array_add (argv, (gpointer) aimsctl_path);
  va_start (args, first_arg);
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  if (g_test_verbose ())
    {
      g_autofree char *line = g_strjoinv (" ", (char **) argv->pdata);

      g_test_message ("running %s", line);
    }
  cli_spawn (result, (const char *const *) argv->pdata, env, NULL);
}

void
cli_assert_status_impl (const CliResult *result,
                        int              expected,
                        const char      *file,
                        int              line)
{
  if (result->status == expected)
    return;
  g_test_message ("stdout:\n%s", result->out);
  g_test_message ("stderr:\n%s", result->err);
  g_error ("%s:%d: exit status %d, expected %d; stderr: %s",
           file, line, result->status, expected, result->err);
}

void
cli_assert_one_line_naming (const char *err,
                            const char *name)
{
  g_assert_nonnull (err);
  g_assert_true (g_str_has_prefix (err, "aimsctl: "));
  g_assert_true (g_str_has_suffix (err, "\n"));
  g_assert_cmpint (strchr (err, '\n') - err, ==, strlen (err) - 1);
  g_assert_nonnull (strstr (err, name));
}

char *
cli_path (const char *name)
{
  const char *dir = g_get_user_data_dir ();

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  return g_build_filename (dir, name, NULL);
}

char *
cli_new_demo (const char *name)
{
  g_auto(CliResult) result = { 0 };
  char *path = cli_path (name);

  cli_run (&result, "init", path, "--demo", NULL);
  cli_assert_status (&result, 0);
  return path;
}

void
cli_sqlite3 (const char *db,
             const char *sql)
{
  const char *argv[] = { "sqlite3", "-bail", db, sql, NULL };
  g_auto(CliResult) result = { 0 };

  cli_spawn (&result, argv, NULL, NULL);
  cli_assert_status (&result, 0);
}

GBytes *
cli_read_bytes (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return NULL;
  return g_bytes_new_take (g_steal_pointer (&contents), length);
}

void
cli_assert_unchanged (const char *path,
                      GBytes     *before)
{
  g_autoptr(GBytes) after = cli_read_bytes (path);

  if (before == NULL)
    g_assert_null (after);
  else
    g_assert_true (after != NULL && g_bytes_equal (before, after));
}

#define PYTHON "/usr/bin/python3"

gboolean
cli_require_python (void)
{
  if (g_file_test (PYTHON, G_FILE_TEST_IS_EXECUTABLE))
    return TRUE;
  g_test_skip (PYTHON " is not installed");
  return FALSE;
}

char *
cli_new_demo_for_python (const char *name)
{
  return cli_require_python () ? cli_new_demo (name) : NULL;
}

char *
cli_python (const char *script,
            const char *input)
{
  const char *argv[] = { PYTHON, "-c", script, NULL };
  g_auto(CliResult) result = { 0 };

  cli_spawn (&result, argv, NULL, input);
  cli_assert_status (&result, 0);
  return g_steal_pointer (&result.out);
}

char *
cli_list (const char *entity,
          const char *db,
          const char *format)
{
  g_auto(CliResult) result = { 0 };

  cli_run (&result, "list", entity, db, "--format", format, NULL);
  cli_assert_status (&result, 0);
  g_assert_cmpstr (result.err, ==, "");
  return g_steal_pointer (&result.out);
}

char *
cli_csv_value (const char *csv,
               const char *reference,
               const char *column)
{
  g_autofree char *script = g_strdup_printf (
    "import csv, sys\n"
    "for r in csv.DictReader(sys.stdin):\n"
    "    if r['reference'] == '%s':\n"
    "        print(r['%s'], end='')\n"
    "        break\n"
    "else:\n"
    "    print('<absent>', end='')\n", reference, column);
  g_autofree char *value = cli_python (script, csv);

  if (g_str_equal (value, "<absent>"))
    return NULL;
  return g_steal_pointer (&value);
}

void
cli_assert_csv_value (const char *csv,
                      const char *reference,
                      const char *column,
                      const char *expected)
{
  g_autofree char *value = cli_csv_value (csv, reference, column);

  g_assert_cmpstr (value, ==, expected);
}
