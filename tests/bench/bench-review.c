/* bench-review.c — the management-review workbook at scale
 *
 * For N = 1,000 and 10,000 AI systems (ten risks each, `aimsctl init
 * --demo --scale N`): the time and peak memory of writing the workbook,
 * and, in the same run, the time bare libxlsxwriter and Python's
 * XlsxWriter take to write the same cells (bench-review-xlsxwriter.py reads
 * them from our workbook, untimed). Prints figures; asserts nothing about
 * time. Without /usr/bin/python3 and its xlsxwriter and openpyxl the
 * comparisons are left out.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdio.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <xlsxwriter.h>

#include "aims-core.h"

static double
seconds_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1e6;
}

/* Our export in a child process, so that its peak memory is its own. */
static gboolean
export_in_child (const char *db_path,
                 const char *out,
                 double     *seconds,
                 long       *peak_kb)
{
  int fds[2];
  pid_t pid;
  struct rusage usage;
  int status;

  if (pipe (fds) != 0)
    return FALSE;
  pid = fork ();
  if (pid == 0)
    {
      g_autoptr(AimsDb) db = NULL;
      g_autoptr(GError) error = NULL;
      gint64 start;
      double took;

      close (fds[0]);
      start = g_get_monotonic_time ();
      db = aims_db_open (db_path, AIMS_DB_OPEN_READ_ONLY, &error);
      if (db == NULL || !aims_review_workbook_write (db, out, NULL, NULL, NULL, &error))
        {
          g_printerr ("export failed: %s\n", error->message);
          _exit (1);
        }
      took = seconds_since (start);
      if (write (fds[1], &took, sizeof took) != sizeof took)
        _exit (1);
      _exit (0);
    }
  close (fds[1]);
  if (read (fds[0], seconds, sizeof *seconds) != sizeof *seconds)
    *seconds = -1;
  close (fds[0]);
  if (wait4 (pid, &status, 0, &usage) < 0 || !WIFEXITED (status) || WEXITSTATUS (status) != 0)
    return FALSE;
  *peak_kb = usage.ru_maxrss;
  return TRUE;
}

static char *
unescape (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '\\' && p[1] != '\0')
        {
          p++;
          g_string_append_c (out, *p == 'n' ? '\n' : *p == 't' ? '\t' : *p);
        }
      else
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

/* The same cells written with libxlsxwriter and nothing else: no tables,
 * formats or lookups. Reading the cell file is not timed. */
static double
bare_libxlsxwriter (const char *cells_path,
                    const char *out)
{
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  lxw_workbook *workbook;
  lxw_format *date_format;
  lxw_worksheet *sheet = NULL;
  /* Its fastest mode: the cells come row by row, as our data sheets do. */
  lxw_workbook_options options = { .constant_memory = LXW_TRUE };
  gint64 start;

  if (!g_file_get_contents (cells_path, &contents, NULL, NULL))
    return -1;
  lines = g_strsplit (contents, "\n", -1);

  start = g_get_monotonic_time ();
  workbook = workbook_new_opt (out, &options);
  date_format = workbook_add_format (workbook);
  format_set_num_format (date_format, "yyyy-mm-dd");
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) f = g_strsplit (lines[i], "\t", 4);

      if (f[0] == NULL || f[1] == NULL)
        continue;
      if (f[0][0] == 'S')
        sheet = workbook_add_worksheet (workbook, f[1]);
      else if (sheet != NULL && f[2] != NULL && f[3] != NULL)
        {
          lxw_row_t row = (lxw_row_t) g_ascii_strtoull (f[1], NULL, 10);
          lxw_col_t col = (lxw_col_t) g_ascii_strtoull (f[2], NULL, 10);

          if (f[0][0] == 'T')
            {
              g_autofree char *text = unescape (f[3]);

              worksheet_write_string (sheet, row, col, text, NULL);
            }
          else
            worksheet_write_number (sheet, row, col, g_ascii_strtod (f[3], NULL),
                                    f[0][0] == 'D' ? date_format : NULL);
        }
    }
  workbook_close (workbook);
  return seconds_since (start);
}

static double
python_xlsxwriter (const char *script,
                   const char *ours,
                   const char *cells_path,
                   const char *out)
{
  const char *argv[] = { "/usr/bin/python3", script, ours, cells_path, out, NULL };
  g_autofree char *output = NULL;
  int status;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                     &output, NULL, &status, NULL) ||
      !g_spawn_check_wait_status (status, NULL))
    return -1;
  return g_ascii_strtod (output, NULL);
}

int
main (int   argc,
      char *argv[])
{
  static const guint sizes[] = { 1000, 10000 };
  g_autofree char *dir = g_dir_make_tmp ("aims-bench-review-XXXXXX", NULL);
  g_autofree char *script = g_build_filename (g_getenv ("G_TEST_SRCDIR") != NULL ? g_getenv ("G_TEST_SRCDIR")
                                              : ".", "bench", "bench-review-xlsxwriter.py", NULL);

  g_print ("Management-review workbook (times in seconds; Python and bare libxlsxwriter write the same cells):\n");
  g_print ("%8s %8s %9s %8s %10s %9s %10s %10s\n",
           "systems", "risks", "ours", "peak MB", "bare lxw", "python", "py/ours", "ours/bare");

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      g_autofree char *db_path = g_strdup_printf ("%s/scale-%u.aimsdb", dir, sizes[s]);
      g_autofree char *ours = g_strdup_printf ("%s/ours-%u.xlsx", dir, sizes[s]);
      g_autofree char *cells = g_strdup_printf ("%s/cells-%u.tsv", dir, sizes[s]);
      g_autofree char *bare = g_strdup_printf ("%s/bare-%u.xlsx", dir, sizes[s]);
      g_autofree char *py = g_strdup_printf ("%s/python-%u.xlsx", dir, sizes[s]);
      g_autoptr(GError) error = NULL;
      double ours_s = 0, bare_s = -1, python_s = -1;
      long peak_kb = 0;
      gint64 risks = 0;

      {
        g_autoptr(AimsDb) db = aims_db_open (db_path, AIMS_DB_OPEN_CREATE, &error);
        g_autoptr(AimsStatement) stmt = NULL;

        g_assert_no_error (error);
        g_assert_true (aims_demo_populate (db, &error));
        g_assert_true (aims_demo_scale (db, sizes[s], &error));
        stmt = aims_db_prepare (db, "SELECT count(*) FROM risk", &error);
        g_assert_cmpint (aims_statement_step (stmt, &error), ==, AIMS_STEP_ROW);
        risks = aims_statement_column_int64 (stmt, 0);
      }

      g_assert_true (export_in_child (db_path, ours, &ours_s, &peak_kb));
      if (g_file_test ("/usr/bin/python3", G_FILE_TEST_IS_EXECUTABLE) && g_file_test (script, G_FILE_TEST_EXISTS))
        python_s = python_xlsxwriter (script, ours, cells, py);
      if (python_s >= 0)
        bare_s = bare_libxlsxwriter (cells, bare);

      g_print ("%8u %8" G_GINT64_FORMAT " %9.2f %8.0f %10.2f %9.2f %10.1f %10.2f\n",
               sizes[s], risks, ours_s, peak_kb / 1024.0, bare_s, python_s,
               python_s > 0 ? python_s / ours_s : 0, bare_s > 0 ? ours_s / bare_s : 0);
      g_unlink (db_path);
      g_unlink (ours);
      g_unlink (cells);
      g_unlink (bare);
      g_unlink (py);
      {
        g_autofree char *wal = g_strconcat (db_path, "-wal", NULL);
        g_autofree char *shm = g_strconcat (db_path, "-shm", NULL);

        g_unlink (wal);
        g_unlink (shm);
      }
    }
  g_rmdir (dir);
  return 0;
}
