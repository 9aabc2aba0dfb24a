/* aims-date.c — ISO 8601 dates and timestamps as stored
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>

#include "aims-date.h"

static gboolean
all_digits (const char *s,
            gsize       n)
{
  for (gsize i = 0; i < n; i++)
    if (!g_ascii_isdigit (s[i]))
      return FALSE;
  return TRUE;
}

GDate *
aims_date_parse (const char *text)
{
  int year, month, day;

  if (text == NULL || strlen (text) < 10)
    return NULL;
  if (!all_digits (text, 4) || text[4] != '-' || !all_digits (text + 5, 2) ||
      text[7] != '-' || !all_digits (text + 8, 2))
    return NULL;
  if (text[10] != '\0' && text[10] != 'T' && text[10] != ' ')
    return NULL;

  year = atoi (text);
  month = atoi (text + 5);
  day = atoi (text + 8);
  if (!g_date_valid_dmy (day, month, year))
    return NULL;
  return g_date_new_dmy (day, month, year);
}

char *
aims_date_format_iso (const GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  return g_strdup_printf ("%04u-%02u-%02u",
                          g_date_get_year (date),
                          g_date_get_month (date),
                          g_date_get_day (date));
}

GDate *
aims_date_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_new_dmy (g_date_time_get_day_of_month (now),
                         g_date_time_get_month (now),
                         g_date_time_get_year (now));
}

char *
aims_timestamp_now (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

char *
aims_timestamp_format_display (const char *timestamp,
                               GTimeZone  *tz)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GTimeZone) local = NULL;
  g_autoptr(GDateTime) when = NULL;
  g_autoptr(GDateTime) shown = NULL;
  char *text;

  if (timestamp == NULL)
    return g_strdup ("");
  if ((when = g_date_time_new_from_iso8601 (timestamp, utc)) == NULL)
    return g_strdup (timestamp);
  if (tz == NULL)
    tz = local = g_time_zone_new_local ();
  shown = g_date_time_to_timezone (when, tz);
  /* Translators: when something happened, see g_date_time_format():
   * "28 Nov 2026, 10:42" */
  text = g_date_time_format (shown, _("%-d %b %Y, %H:%M"));
  return text != NULL ? text : g_strdup (timestamp);
}
