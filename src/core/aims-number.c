/* aims-number.c — decimal numbers as typed, stored and shown
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <locale.h>
#include <math.h>
#include <string.h>

#include "aims-number.h"

/* [sign] digits [. digits] [e [sign] digits], with at least one digit
 * before the exponent; decimal is the separator accepted. */
static gboolean
is_plain_decimal (const char *text,
                  char        decimal)
{
  const char *p = text;
  guint digits = 0;

  if (*p == '+' || *p == '-')
    p++;
  for (; g_ascii_isdigit (*p); p++)
    digits++;
  if (*p == decimal)
    for (p++; g_ascii_isdigit (*p); p++)
      digits++;
  if (digits == 0)
    return FALSE;
  if (*p == 'e' || *p == 'E')
    {
      p++;
      if (*p == '+' || *p == '-')
        p++;
      if (!g_ascii_isdigit (*p))
        return FALSE;
      while (g_ascii_isdigit (*p))
        p++;
    }
  return *p == '\0';
}

gboolean
aims_number_parse (const char *text,
                   double     *value)
{
  double parsed;

  if (text == NULL || !is_plain_decimal (text, '.'))
    return FALSE;
  parsed = g_ascii_strtod (text, NULL);
  if (!isfinite (parsed))
    return FALSE;
  if (value != NULL)
    *value = parsed;
  return TRUE;
}

gboolean
aims_number_parse_typed (const char *text,
                         double     *value)
{
  g_autofree char *trimmed = NULL;
  const char *decimal = localeconv ()->decimal_point;

  if (text == NULL)
    return FALSE;
  trimmed = g_strstrip (g_strdup (text));
  if (aims_number_parse (trimmed, value))
    return TRUE;
  /* "12,5" where the locale writes a decimal comma; "1,000" is refused
   * elsewhere, since it means a thousand to some and one to others. */
  if (g_str_equal (decimal, ",") && is_plain_decimal (trimmed, ','))
    {
      g_strdelimit (trimmed, ",", '.');
      return aims_number_parse (trimmed, value);
    }
  return FALSE;
}

char *
aims_number_format (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  g_return_val_if_fail (isfinite (value), NULL);

  /* -0 would read back as 0 and look like a change. */
  if (value == 0)
    value = 0;
  return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.15g", value));
}

char *
aims_number_format_display (double value,
                            guint  max_decimals)
{
  const char *decimal = localeconv ()->decimal_point;
  char *text;
  char *point;

  if (fabs (value) < 0.5 * pow (10, -(double) max_decimals))
    value = 0;
  text = g_strdup_printf ("%.*f", (int) MIN (max_decimals, 15), value);
  /* Trailing zeros say nothing: "82.00" → "82", "0.50" → "0.5". */
  if ((point = strstr (text, decimal)) != NULL)
    {
      char *end = text + strlen (text);

      while (end > point + strlen (decimal) && end[-1] == '0')
        *--end = '\0';
      if (end == point + strlen (decimal))
        *point = '\0';
    }
  return text;
}
