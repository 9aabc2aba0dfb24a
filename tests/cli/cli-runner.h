/* cli-runner.h — running the built aimsctl from tests, and what they share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* What one run of a program gave. */
typedef struct
{
  char *out;
  char *err;
  int   status;  /* the exit status; -1 when it did not exit normally */
} CliResult;

void        cli_result_clear    (CliResult  *result);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CliResult, cli_result_clear)

/* g_test_init with isolated folders; the binary comes from $AIMSCTL. */
void        cli_test_init       (int         *argc,
                                 char      ***argv);

/* Runs aimsctl with the arguments, NULL-terminated. AIMS_AUTHOR is set to
 * CLI_TEST_AUTHOR unless env (NULL or "NAME=VALUE" strings) says otherwise. */
void        cli_run_env         (CliResult          *result,
                                 const char *const  *env,
                                 const char         *first_arg,
                                 ...) G_GNUC_NULL_TERMINATED;
#define cli_run(result, ...) cli_run_env ((result), NULL, __VA_ARGS__)

/* Runs any program with input on its stdin (or none). */
void        cli_spawn           (CliResult          *result,
                                 const char *const  *argv,
                                 const char *const  *env,
                                 const char         *input);

#define CLI_TEST_AUTHOR "CLI Test"

/* Fails the test, showing what the program printed, when the status differs. */
#define cli_assert_status(result, expected) \
  cli_assert_status_impl ((result), (expected), __FILE__, __LINE__)
void        cli_assert_status_impl (const CliResult *result,
                                    int              expected,
                                    const char      *file,
                                    int              line);

/* The status, and a failure's message: one line on stderr naming name. */
#define cli_assert_failed(result, expected, name) \
  G_STMT_START { \
    cli_assert_status ((result), (expected)); \
    cli_assert_one_line_naming ((result)->err, (name)); \
  } G_STMT_END
/* A failure's message: exactly one line on stderr naming the file. */
void        cli_assert_one_line_naming (const char *err,
                                        const char *name);

/* A path in this test's own (isolated) folder. */
char       *cli_path            (const char  *name);
/* A new demo database in this test's folder; its path. */
char       *cli_new_demo        (const char  *name);
/* Runs the sqlite3 tool on db; the test fails when it does. */
void        cli_sqlite3         (const char  *db,
                                 const char  *sql);
/* The file's bytes, or NULL when it does not exist. */
GBytes     *cli_read_bytes      (const char  *path);
/* FALSE, and the test skipped, when Debian's /usr/bin/python3 is missing. */
gboolean    cli_require_python  (void);
/* Fails the test when path's bytes differ from before (NULL: the file
 * did not exist, and must still not). */
void        cli_assert_unchanged (const char *path,
                                  GBytes     *before);
/* A new demo database, or NULL and the test skipped when Debian's python3
 * (which reads the output) is missing. */
char       *cli_new_demo_for_python (const char *name);
/* Runs /usr/bin/python3 -c script with input on stdin; its stdout. */
char       *cli_python          (const char  *script,
                                 const char  *input);
/* The output of `list ENTITY DB --format FORMAT`, which must succeed. */
char       *cli_list            (const char  *entity,
                                 const char  *db,
                                 const char  *format);
/* One column of the record with that reference, read from CSV by Python's
 * csv module; NULL when there is no such record. */
char       *cli_csv_value       (const char  *csv,
                                 const char  *reference,
                                 const char  *column);
void        cli_assert_csv_value (const char *csv,
                                  const char *reference,
                                  const char *column,
                                  const char *expected);

G_END_DECLS
