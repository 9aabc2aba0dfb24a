/* aims-import-cell.c — reading what people write in cells: blanks and dates
 *
 * Spreadsheets say "nothing" in many ways (N/A, -, n.a.), and write dates
 * as their author's locale does. 3/4/2025 is the 3rd of April to some and
 * the 4th of March to others; a column tells which when one of its dates
 * has a day past 12, and a date the column cannot decide is not guessed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "aims-import-private.h"

static const char *const blank_words[] = {
  "n/a", "na", "n.a.", "n.a", "n / a", "-", "--", "–", "—", "?", "not applicable", "tbd", NULL
};

static gboolean
is_space (gunichar c)
{
  return g_unichar_isspace (c) || c == 0x00A0 || c == 0xFEFF;
}

gboolean
aims_import_is_blank (const char *text)
{
  g_autofree char *key = NULL;
  const char *p = text;

  while (*p != '\0' && is_space (g_utf8_get_char (p)))
    p = g_utf8_next_char (p);
  if (*p == '\0')
    return TRUE;
  /* The blank words are short: a long cell is never one. */
  if (strlen (p) > 20)
    return FALSE;
  key = aims_import_value_key (p);
  return g_strv_contains (blank_words, key);
}

char *
aims_import_value_key (const char *text)
{
  g_autofree char *line = aims_csv_text_one_line (text);

  return g_utf8_casefold (line, -1);
}

/* ── Dates ─────────────────────────────────────────────────────────────── */

static guint
read_number (const char **p,
             guint       *value)
{
  guint digits = 0;

  *value = 0;
  while (g_ascii_isdigit (**p) && digits < 5)
    {
      *value = *value * 10 + (guint) (**p - '0');
      (*p)++;
      digits++;
    }
  return digits;
}

/* What may follow a date: nothing, or a time ("T10:00Z", " 12:00:00 AM"). */
static gboolean
only_time_follows (const char *p)
{
  if (*p == '\0')
    return TRUE;
  if (*p != ' ' && *p != 'T')
    return FALSE;
  while (*p == ' ' || *p == 'T')
    p++;
  return g_ascii_isdigit (p[0]) && (p[1] == ':' || (g_ascii_isdigit (p[1]) && p[2] == ':'));
}

typedef struct
{
  guint a, b, c;        /* the three numbers in the order written */
  guint a_digits, c_digits;
  char  separator;
} DateParts;

/* "N<sep>N<sep>N" with sep one of / - . and a time at most after it. */
static gboolean
split_numeric (const char *text,
               DateParts  *parts)
{
  const char *p = text;
  guint b_digits;

  if ((parts->a_digits = read_number (&p, &parts->a)) == 0)
    return FALSE;
  parts->separator = *p;
  if (parts->separator != '/' && parts->separator != '-' && parts->separator != '.')
    return FALSE;
  p++;
  if ((b_digits = read_number (&p, &parts->b)) == 0 || b_digits > 2 || *p != parts->separator)
    return FALSE;
  p++;
  if ((parts->c_digits = read_number (&p, &parts->c)) == 0)
    return FALSE;
  return only_time_follows (p);
}

void
aims_import_date_evidence (const char *text,
                           gboolean   *day_first,
                           gboolean   *month_first)
{
  DateParts parts;

  if (!split_numeric (text, &parts) || parts.separator == '.' || parts.a_digits > 2)
    return;
  if (parts.a > 12 && parts.b <= 12)
    *day_first = TRUE;
  else if (parts.b > 12 && parts.a <= 12)
    *month_first = TRUE;
}

static guint
month_from_name (const char *word)
{
  static const char *const months[] = {
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"
  };

  for (guint i = 0; i < G_N_ELEMENTS (months); i++)
    if (g_ascii_strncasecmp (word, months[i], 3) == 0)
      return i + 1;
  return 0;
}

/* "Jul 2024", "July-2024", "Jul-24". */
static gboolean
parse_month_year (const char *text,
                  guint      *month,
                  guint      *year)
{
  const char *p = text;
  g_autofree char *word = NULL;
  guint digits;

  while (g_ascii_isalpha (*p))
    p++;
  if (p - text < 3 || p - text > 9 || (*p != ' ' && *p != '-' && *p != '/'))
    return FALSE;
  word = g_strndup (text, p - text);
  p++;
  digits = read_number (&p, year);
  if ((digits != 2 && digits != 4) || *p != '\0')
    return FALSE;
  if (digits == 2)
    *year += 2000;
  return (*month = month_from_name (word)) != 0;
}

char *
aims_import_parse_date (const char    *text,
                        AimsDateOrder  order,
                        gboolean      *month_only,
                        gboolean      *ambiguous)
{
  g_autofree char *line = aims_csv_text_one_line (text);
  DateParts parts;
  guint day = 1, month = 0, year = 0;

  *month_only = FALSE;
  *ambiguous = FALSE;

  if (split_numeric (line, &parts))
    {
      if (parts.a_digits == 4)
        year = parts.a, month = parts.b, day = parts.c;
      else if (parts.a_digits <= 2 && (parts.c_digits == 4 || parts.c_digits == 2))
        {
          gboolean day_first;

          year = parts.c_digits == 2 ? 2000 + parts.c : parts.c;
          if (parts.separator == '.' || order == AIMS_DATE_ORDER_DAY_FIRST)
            day_first = TRUE;
          else if (order == AIMS_DATE_ORDER_MONTH_FIRST)
            day_first = FALSE;
          else if (parts.a > 12 || parts.a == parts.b)
            day_first = TRUE;
          else if (parts.b > 12)
            day_first = FALSE;
          else
            {
              *ambiguous = TRUE;
              return NULL;
            }
          day = day_first ? parts.a : parts.b;
          month = day_first ? parts.b : parts.a;
        }
    }
  else if (parse_month_year (line, &month, &year))
    *month_only = TRUE;

  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 || day > 31 ||
      !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    {
      *month_only = FALSE;
      return NULL;
    }
  return g_strdup_printf ("%04u-%02u-%02u", year, month, day);
}
