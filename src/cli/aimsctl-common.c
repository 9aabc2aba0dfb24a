/* aimsctl-common.c — errors, exit statuses, opening a database, the author
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "aimsctl.h"

/* One line on stderr: "aimsctl: FILE: message". A message that already
 * names the file (the core's do) is not given it twice, and a message never
 * spans lines. */
static void
print_failure (const char *path,
               const char *message)
{
  g_autofree char *line = g_strdup (message);
  g_autofree char *base = path != NULL ? g_path_get_basename (path) : NULL;

  g_strdelimit (line, "\r\n", ' ');
  if (path != NULL && strstr (line, base) == NULL)
    g_printerr ("aimsctl: %s: %s\n", path, line);
  else
    g_printerr ("aimsctl: %s\n", line);
}

void
aimsctl_print_failure_v (const char *path,
                         const char *format,
                         va_list     args)
{
  g_autofree char *message = g_strdup_vprintf (format, args);

  print_failure (path, message);
}

int
aimsctl_fail (const char *path,
              const char *format,
              ...)
{
  va_list args;

  va_start (args, format);
  aimsctl_print_failure_v (path, format, args);
  va_end (args);
  return AIMSCTL_EXIT_FAILED;
}

int
aimsctl_exit_for_error (const GError *error)
{
  if (error->domain == G_OPTION_ERROR)
    return AIMSCTL_EXIT_USAGE;
  if (g_error_matches (error, AIMS_DB_ERROR, AIMS_DB_ERROR_CONFLICT))
    return AIMSCTL_EXIT_CONFLICT;
  if (g_error_matches (error, AIMS_DB_ERROR, AIMS_DB_ERROR_BUSY))
    return AIMSCTL_EXIT_BUSY;
  return AIMSCTL_EXIT_FAILED;
}

int
aimsctl_fail_error (const char   *path,
                    const GError *error)
{
  print_failure (path, error->message);
  return aimsctl_exit_for_error (error);
}

const char *
aimsctl_author (AimsctlInvocation *inv)
{
  const char *env = g_getenv ("AIMS_AUTHOR");

  if (inv->options->author != NULL && *inv->options->author != '\0')
    return inv->options->author;
  if (env != NULL && *env != '\0')
    return env;
  return aims_default_author ();
}

AimsDb *
aimsctl_open (AimsctlInvocation *inv,
              const char        *path,
              AimsDbOpenFlags    flags,
              int               *exit_status)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AimsDb) db = aims_db_open (path, flags, &error);

  if (db == NULL)
    {
      *exit_status = aimsctl_fail_error (path, error);
      return NULL;
    }
  /* main() has checked it, or set the default. */
  aims_db_set_busy_timeout (db, (guint) inv->options->timeout_ms);
  return g_steal_pointer (&db);
}

AimsDb *
aimsctl_open_for_writing (AimsctlInvocation *inv,
                          const char        *path,
                          int               *exit_status)
{
  g_autoptr(AimsDb) db = aimsctl_open (inv, path, AIMS_DB_OPEN_DEFAULT, exit_status);

  if (db != NULL && aims_db_is_read_only (db))
    {
      const char *reason = aims_db_get_read_only_reason (db);

      *exit_status = aimsctl_fail (path, _("cannot change it: %s"),
                                   reason != NULL ? reason : _("the database is read-only"));
      return NULL;
    }
  return g_steal_pointer (&db);
}

const AimsEntity *
aimsctl_entity (AimsctlInvocation *inv,
                const char        *name,
                int               *exit_status)
{
  const AimsEntity *entity = aims_entity_lookup (name);
  g_autofree char *known = NULL;

  if (entity != NULL)
    return entity;

  known = g_strjoinv (", ", (char **) aims_entity_names ());
  *exit_status = aimsctl_usage_error (inv->command, _("unknown ENTITY “%s”; use one of: %s"),
                                      name, known);
  return NULL;
}

/* Writes text to stdout; a failure (a full disk, a closed pipe) is one. */
int
aimsctl_write_out (GString *text)
{
  if (fwrite (text->str, 1, text->len, stdout) != text->len || fflush (stdout) != 0)
    {
      g_printerr (_("aimsctl: cannot write the output: %s\n"), g_strerror (errno));
      return AIMSCTL_EXIT_FAILED;
    }
  return AIMSCTL_EXIT_OK;
}
