/* test-date.c — ISO 8601 dates and timestamps as stored
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "core-fixtures.h"

static void
assert_date (const char *text,
             int         year,
             int         month,
             int         day)
{
  g_autoptr(GDate) date = aims_date_parse (text);

  if (date == NULL)
    g_error ("“%s” did not parse", text);
  g_assert_true (g_date_valid (date));
  g_assert_cmpint (g_date_get_year (date), ==, year);
  g_assert_cmpint (g_date_get_month (date), ==, month);
  g_assert_cmpint (g_date_get_day (date), ==, day);
}

static void
assert_no_date (const char *text)
{
  g_autoptr(GDate) date = aims_date_parse (text);

  if (date != NULL)
    g_error ("“%s” parsed as a date", text);
}

static void
test_date_parse_valid (void)
{
  assert_date ("2025-01-01", 2025, 1, 1);
  assert_date ("2025-12-31", 2025, 12, 31);
  assert_date ("2024-02-29", 2024, 2, 29);   /* leap year */
  assert_date ("2000-02-29", 2000, 2, 29);   /* divisible by 400 */
  assert_date ("2025-04-30", 2025, 4, 30);
  assert_date ("0001-01-01", 1, 1, 1);
  assert_date ("9999-12-31", 9999, 12, 31);
  /* Timestamps as stored give their date. */
  assert_date ("2025-03-07T23:59:59Z", 2025, 3, 7);
}

static void
test_date_parse_invalid (void)
{
  assert_no_date ("");
  assert_no_date ("2025-02-30");
  assert_no_date ("2023-02-29");   /* not a leap year */
  assert_no_date ("1900-02-29");   /* divisible by 100, not 400 */
  assert_no_date ("2025-04-31");
  assert_no_date ("2025-00-10");
  assert_no_date ("2025-13-01");
  assert_no_date ("2025-01-00");
  assert_no_date ("2025-01-32");
  assert_no_date ("0000-01-01");
  assert_no_date ("2025/01/01");
  assert_no_date ("01-02-2025");
  assert_no_date ("2025-1-1");
  assert_no_date ("2025-01");
  assert_no_date ("abcd-ef-gh");
  assert_no_date ("2025-01-01junk");
  assert_no_date ("+2025-01-01");
  assert_no_date ("-025-01-01");
  assert_no_date ("2025-01-1x");
}

/* Every day of a leap year survives format → parse. */
static void
test_date_round_trip (void)
{
  g_autoptr(GDate) date = g_date_new_dmy (1, G_DATE_JANUARY, 2024);

  for (guint i = 0; i < 366; i++, g_date_add_days (date, 1))
    {
      g_autofree char *text = aims_date_format_iso (date);
      g_autoptr(GDate) parsed = aims_date_parse (text);

      g_assert_cmpuint (strlen (text), ==, 10);
      g_assert_nonnull (parsed);
      g_assert_cmpint (g_date_compare (date, parsed), ==, 0);
    }
  g_assert_cmpint (g_date_get_year (date), ==, 2025);
}

static void
test_date_format (void)
{
  g_autoptr(GDate) date = g_date_new_dmy (7, G_DATE_MARCH, 2025);
  g_autofree char *text = aims_date_format_iso (date);

  g_assert_cmpstr (text, ==, "2025-03-07");
}

static void
test_date_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDate) today = aims_date_today ();

  g_assert_true (g_date_valid (today));
  /* Allow for midnight passing between the two calls. */
  if (g_date_get_day (today) != g_date_time_get_day_of_month (now))
    return;
  g_assert_cmpint (g_date_get_year (today), ==, g_date_time_get_year (now));
  g_assert_cmpint (g_date_get_month (today), ==, g_date_time_get_month (now));
}

static void
test_date_timestamp (void)
{
  g_autofree char *stamp = aims_timestamp_now ();
  g_autoptr(GDateTime) parsed = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  g_assert_true (g_regex_match_simple ("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z$", stamp, 0, 0));
  parsed = g_date_time_new_from_iso8601 (stamp, NULL);
  g_assert_nonnull (parsed);
  g_assert_cmpint (ABS (g_date_time_difference (now, parsed)), <, 5 * G_TIME_SPAN_SECOND);
}

/* Shown in the reader's zone, across a day and a year boundary. */
static void
test_date_timestamp_display (void)
{
  g_autoptr(GTimeZone) plus_one = g_time_zone_new_identifier ("+01:00");
  g_autoptr(GTimeZone) minus_five = g_time_zone_new_identifier ("-05:00");
  g_autofree char *morning = aims_timestamp_format_display ("2026-11-28T09:42:05Z", plus_one);
  g_autofree char *new_year = aims_timestamp_format_display ("2026-12-31T23:30:00Z", plus_one);
  g_autofree char *day_before = aims_timestamp_format_display ("2026-03-01T02:07:00Z", minus_five);
  g_autofree char *odd = aims_timestamp_format_display ("yesterday", plus_one);

  g_assert_cmpstr (morning, ==, "28 Nov 2026, 10:42");
  g_assert_cmpstr (new_year, ==, "1 Jan 2027, 00:30");
  g_assert_cmpstr (day_before, ==, "28 Feb 2026, 21:07");
  g_assert_cmpstr (odd, ==, "yesterday");
}

int
main (int   argc,
      char *argv[])
{
  fixture_init (&argc, &argv);

  g_test_add_func ("/core/date/parse-valid", test_date_parse_valid);
  g_test_add_func ("/core/date/parse-invalid", test_date_parse_invalid);
  g_test_add_func ("/core/date/round-trip", test_date_round_trip);
  g_test_add_func ("/core/date/format", test_date_format);
  g_test_add_func ("/core/date/today", test_date_today);
  g_test_add_func ("/core/date/timestamp", test_date_timestamp);
  g_test_add_func ("/core/date/timestamp-display", test_date_timestamp_display);

  return g_test_run ();
}
