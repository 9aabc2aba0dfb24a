/* test-objective-status.c — an objective's status on a table of cases: both
 * directions, thresholds, no data, no target, overdue, the trend and the
 * next due date
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "core-fixtures.h"

/* Every case is judged on this day. */
#define TODAY "2025-06-15"

typedef struct
{
  const char         *name;
  AimsDirection       direction;
  AimsFrequency       frequency;
  const char         *baseline;    /* NULL: unset */
  const char         *target;
  const char         *threshold;
  const char         *since;       /* the objective's creation day, or NULL */
  const char         *series;      /* "DATE=VALUE DATE=VALUE …", any order */
  AimsObjectiveState  state;
  AimsObjectiveState  level;
  AimsTrend           trend;
  int                 good;        /* 1 improving, -1 worsening, 0 neither */
  const char         *next_due;    /* NULL: none */
  guint               days_overdue;
} Case;

static const Case cases[] = {
  /* Higher is better: target 100, at risk from 80. */
  { "higher, above target", AIMS_DIRECTION_HIGHER, AIMS_FREQUENCY_MONTHLY, "40", "100", "80", NULL,
    "2025-05-01=90 2025-06-01=100", AIMS_OBJECTIVE_ON_TRACK, AIMS_OBJECTIVE_ON_TRACK,
    AIMS_TREND_UP, 1, "2025-07-01", 0 },
  { "higher, between threshold and target", AIMS_DIRECTION_HIGHER, AIMS_FREQUENCY_MONTHLY, "40", "100", "80", NULL,
    "2025-05-01=90 2025-06-01=85", AIMS_OBJECTIVE_AT_RISK, AIMS_OBJECTIVE_AT_RISK,
    AIMS_TREND_DOWN, -1, "2025-07-01", 0 },
  { "higher, exactly on the threshold", AIMS_DIRECTION_HIGHER, AIMS_FREQUENCY_MONTHLY, "40", "100", "80", NULL,
    "2025-06-01=80", AIMS_OBJECTIVE_AT_RISK, AIMS_OBJECTIVE_AT_RISK, AIMS_TREND_NONE, 0, "2025-07-01", 0 },
  { "higher, below the threshold", AIMS_DIRECTION_HIGHER, AIMS_FREQUENCY_MONTHLY, "40", "100", "80", NULL,
    "2025-06-01=79.9 2025-05-01=70", AIMS_OBJECTIVE_OFF_TRACK, AIMS_OBJECTIVE_OFF_TRACK,
    AIMS_TREND_UP, 1, "2025-07-01", 0 },
  { "higher, no threshold: below target is off track", AIMS_DIRECTION_HIGHER, AIMS_FREQUENCY_MONTHLY, NULL, "100", NULL, NULL,
    "2025-06-01=99", AIMS_OBJECTIVE_OFF_TRACK, AIMS_OBJECTIVE_OFF_TRACK, AIMS_TREND_NONE, 0, "2025-07-01", 0 },
  { "higher, threshold on the wrong side is ignored", AIMS_DIRECTION_HIGHER, AIMS_FREQUENCY_MONTHLY, NULL, "100", "120", NULL,
    "2025-06-01=99", AIMS_OBJECTIVE_OFF_TRACK, AIMS_OBJECTIVE_OFF_TRACK, AIMS_TREND_NONE, 0, "2025-07-01", 0 },

  /* Lower is better: target 10 days, at risk up to 14. */
  { "lower, below target", AIMS_DIRECTION_LOWER, AIMS_FREQUENCY_MONTHLY, "21", "10", "14", NULL,
    "2025-05-10=12 2025-06-10=9.5", AIMS_OBJECTIVE_ON_TRACK, AIMS_OBJECTIVE_ON_TRACK,
    AIMS_TREND_DOWN, 1, "2025-07-10", 0 },
  { "lower, exactly on target", AIMS_DIRECTION_LOWER, AIMS_FREQUENCY_MONTHLY, "21", "10", "14", NULL,
    "2025-06-10=10", AIMS_OBJECTIVE_ON_TRACK, AIMS_OBJECTIVE_ON_TRACK, AIMS_TREND_NONE, 0, "2025-07-10", 0 },
  { "lower, between target and threshold", AIMS_DIRECTION_LOWER, AIMS_FREQUENCY_MONTHLY, "21", "10", "14", NULL,
    "2025-05-10=11 2025-06-10=13", AIMS_OBJECTIVE_AT_RISK, AIMS_OBJECTIVE_AT_RISK,
    AIMS_TREND_UP, -1, "2025-07-10", 0 },
  { "lower, past the threshold", AIMS_DIRECTION_LOWER, AIMS_FREQUENCY_MONTHLY, "21", "10", "14", NULL,
    "2025-05-10=15 2025-06-10=15", AIMS_OBJECTIVE_OFF_TRACK, AIMS_OBJECTIVE_OFF_TRACK,
    AIMS_TREND_FLAT, 0, "2025-07-10", 0 },

  /* The direction from baseline to target when none is chosen. */
  { "direction inferred: lower", AIMS_DIRECTION_NONE, AIMS_FREQUENCY_QUARTERLY, "21", "10", "14", NULL,
    "2025-04-01=12", AIMS_OBJECTIVE_AT_RISK, AIMS_OBJECTIVE_AT_RISK, AIMS_TREND_NONE, 0, "2025-07-01", 0 },
  { "direction inferred: higher", AIMS_DIRECTION_NONE, AIMS_FREQUENCY_QUARTERLY, "0", "50", NULL, NULL,
    "2025-04-01=50", AIMS_OBJECTIVE_ON_TRACK, AIMS_OBJECTIVE_ON_TRACK, AIMS_TREND_NONE, 0, "2025-07-01", 0 },

  /* Nothing to judge by. */
  { "no target", AIMS_DIRECTION_HIGHER, AIMS_FREQUENCY_MONTHLY, NULL, NULL, NULL, NULL,
    "2025-06-01=3", AIMS_OBJECTIVE_NO_TARGET, AIMS_OBJECTIVE_NO_TARGET, AIMS_TREND_NONE, 0, "2025-07-01", 0 },
  { "target without direction or baseline", AIMS_DIRECTION_NONE, AIMS_FREQUENCY_MONTHLY, NULL, "5", NULL, NULL,
    "2025-06-01=3", AIMS_OBJECTIVE_NO_TARGET, AIMS_OBJECTIVE_NO_TARGET, AIMS_TREND_NONE, 0, "2025-07-01", 0 },

  /* No data. */
  { "not measured, first value not yet due", AIMS_DIRECTION_HIGHER, AIMS_FREQUENCY_QUARTERLY, "0", "100", "70", "2025-05-01",
    "", AIMS_OBJECTIVE_NOT_MEASURED, AIMS_OBJECTIVE_NOT_MEASURED, AIMS_TREND_NONE, 0, "2025-08-01", 0 },
  { "not measured, no schedule", AIMS_DIRECTION_HIGHER, AIMS_FREQUENCY_NONE, "0", "100", "70", "2020-01-01",
    "", AIMS_OBJECTIVE_NOT_MEASURED, AIMS_OBJECTIVE_NOT_MEASURED, AIMS_TREND_NONE, 0, NULL, 0 },
  { "not measured, first value overdue", AIMS_DIRECTION_HIGHER, AIMS_FREQUENCY_MONTHLY, "0", "100", "70", "2025-04-01",
    "", AIMS_OBJECTIVE_OVERDUE, AIMS_OBJECTIVE_NOT_MEASURED, AIMS_TREND_NONE, 0, "2025-05-01", 45 },

  /* Overdue: the next value was due before today, whatever the last said. */
  { "overdue, last value on track", AIMS_DIRECTION_HIGHER, AIMS_FREQUENCY_MONTHLY, "40", "100", "80", NULL,
    "2025-04-01=95 2025-05-01=100", AIMS_OBJECTIVE_OVERDUE, AIMS_OBJECTIVE_ON_TRACK,
    AIMS_TREND_UP, 1, "2025-06-01", 14 },
  { "due today is not overdue", AIMS_DIRECTION_HIGHER, AIMS_FREQUENCY_MONTHLY, "40", "100", "80", NULL,
    "2025-05-15=100", AIMS_OBJECTIVE_ON_TRACK, AIMS_OBJECTIVE_ON_TRACK, AIMS_TREND_NONE, 0, "2025-06-15", 0 },
  { "quarterly, overdue by a day", AIMS_DIRECTION_LOWER, AIMS_FREQUENCY_QUARTERLY, "21", "10", "14", NULL,
    "2025-03-14=16", AIMS_OBJECTIVE_OVERDUE, AIMS_OBJECTIVE_OFF_TRACK, AIMS_TREND_NONE, 0, "2025-06-14", 1 },
  { "weekly", AIMS_DIRECTION_HIGHER, AIMS_FREQUENCY_WEEKLY, NULL, "10", NULL, NULL,
    "2025-06-10=10", AIMS_OBJECTIVE_ON_TRACK, AIMS_OBJECTIVE_ON_TRACK, AIMS_TREND_NONE, 0, "2025-06-17", 0 },
  { "yearly", AIMS_DIRECTION_HIGHER, AIMS_FREQUENCY_YEARLY, NULL, "10", NULL, NULL,
    "2024-06-30=10", AIMS_OBJECTIVE_ON_TRACK, AIMS_OBJECTIVE_ON_TRACK, AIMS_TREND_NONE, 0, "2025-06-30", 0 },
  { "monthly from the 31st: the last day of the next month", AIMS_DIRECTION_HIGHER, AIMS_FREQUENCY_MONTHLY, NULL, "10", NULL, NULL,
    "2025-05-31=10", AIMS_OBJECTIVE_ON_TRACK, AIMS_OBJECTIVE_ON_TRACK, AIMS_TREND_NONE, 0, "2025-06-30", 0 },
  { "a leap day a year on", AIMS_DIRECTION_HIGHER, AIMS_FREQUENCY_YEARLY, NULL, "10", NULL, NULL,
    "2024-02-29=10", AIMS_OBJECTIVE_OVERDUE, AIMS_OBJECTIVE_ON_TRACK, AIMS_TREND_NONE, 0, "2025-02-28", 107 },
  { "no schedule is never overdue", AIMS_DIRECTION_HIGHER, AIMS_FREQUENCY_NONE, NULL, "10", NULL, NULL,
    "2019-01-01=12", AIMS_OBJECTIVE_ON_TRACK, AIMS_OBJECTIVE_ON_TRACK, AIMS_TREND_NONE, 0, NULL, 0 },

  /* The latest by date, not by order; two on one day: the later entered. */
  { "latest by date", AIMS_DIRECTION_HIGHER, AIMS_FREQUENCY_MONTHLY, NULL, "100", "80", NULL,
    "2025-06-01=70 2025-04-01=100 2025-05-01=90", AIMS_OBJECTIVE_OFF_TRACK, AIMS_OBJECTIVE_OFF_TRACK,
    AIMS_TREND_DOWN, -1, "2025-07-01", 0 },
  { "two on one day", AIMS_DIRECTION_HIGHER, AIMS_FREQUENCY_MONTHLY, NULL, "100", "80", NULL,
    "2025-06-01=70 2025-06-01=85", AIMS_OBJECTIVE_AT_RISK, AIMS_OBJECTIVE_AT_RISK,
    AIMS_TREND_UP, 1, "2025-07-01", 0 },
  { "no direction: a trend is neither good nor bad", AIMS_DIRECTION_NONE, AIMS_FREQUENCY_MONTHLY, NULL, NULL, NULL, NULL,
    "2025-05-01=1 2025-06-01=2", AIMS_OBJECTIVE_NO_TARGET, AIMS_OBJECTIVE_NO_TARGET,
    AIMS_TREND_UP, 0, "2025-07-01", 0 },
};

static gboolean
parse_optional (const char *text,
                double     *value)
{
  if (text == NULL)
    return FALSE;
  g_assert_true (aims_number_parse (text, value));
  return TRUE;
}

static void
set_date (GDate      *date,
          const char *iso)
{
  g_autoptr(GDate) parsed = aims_date_parse (iso);

  g_assert_nonnull (parsed);
  *date = *parsed;
}

static GArray *
parse_series (const char *text)
{
  g_auto(GStrv) items = g_strsplit (text, " ", -1);
  GArray *points = g_array_new (FALSE, FALSE, sizeof (AimsMeasurementPoint));

  for (guint i = 0; items[i] != NULL; i++)
    {
      g_auto(GStrv) pair = NULL;
      AimsMeasurementPoint point;

      if (*items[i] == '\0')
        continue;
      pair = g_strsplit (items[i], "=", 2);
      set_date (&point.date, pair[0]);
      g_assert_true (aims_number_parse (pair[1], &point.value));
      g_array_append_val (points, point);
    }
  return points;
}

static void
test_status_cases (void)
{
  GDate today;

  set_date (&today, TODAY);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const Case *c = &cases[i];
      g_autoptr(GArray) points = parse_series (c->series);
      AimsObjectiveKpi kpi = { 0 };
      AimsObjectiveStatus status;

      g_test_message ("case: %s", c->name);
      kpi.direction = c->direction;
      kpi.frequency = c->frequency;
      kpi.has_baseline = parse_optional (c->baseline, &kpi.baseline);
      kpi.has_target = parse_optional (c->target, &kpi.target);
      kpi.has_threshold = parse_optional (c->threshold, &kpi.threshold);
      g_date_clear (&kpi.since, 1);
      if (c->since != NULL)
        set_date (&kpi.since, c->since);

      aims_objective_status_compute (&kpi, (AimsMeasurementPoint *) points->data, points->len, &today, &status);

      g_assert_cmpstr (aims_objective_state_key (status.state), ==, aims_objective_state_key (c->state));
      g_assert_cmpstr (aims_objective_state_key (status.level), ==, aims_objective_state_key (c->level));
      g_assert_cmpint (status.trend, ==, c->trend);
      g_assert_cmpint (status.improving, ==, c->good > 0);
      g_assert_cmpint (status.worsening, ==, c->good < 0);
      g_assert_cmpint (status.has_latest, ==, points->len > 0);
      g_assert_cmpint (status.has_previous, ==, points->len > 1);
      if (c->next_due == NULL)
        g_assert_false (g_date_valid (&status.next_due));
      else
        {
          g_autofree char *due = aims_date_format_iso (&status.next_due);

          g_assert_cmpstr (due, ==, c->next_due);
        }
      g_assert_cmpuint (status.days_overdue, ==, c->days_overdue);
      /* The level of the latest value alone agrees. */
      if (status.has_latest)
        g_assert_cmpint (aims_objective_level_for_value (&kpi, status.latest), ==, c->level);
    }
}

/* Words and colours exist for every state, and keys are distinct. */
static void
test_status_words (void)
{
  for (AimsObjectiveState s = 0; s < AIMS_OBJECTIVE_N_STATES; s++)
    {
      g_assert_nonnull (aims_objective_state_label (s));
      g_assert_true (g_str_has_prefix (aims_objective_state_colour (s), "#"));
      for (AimsObjectiveState t = s + 1; t < AIMS_OBJECTIVE_N_STATES; t++)
        g_assert_cmpstr (aims_objective_state_key (s), !=, aims_objective_state_key (t));
    }
  g_assert_cmpstr (aims_trend_key (AIMS_TREND_UP), ==, "up");
  g_assert_null (aims_trend_key (AIMS_TREND_NONE));
  g_assert_cmpint (aims_frequency_from_key ("quarterly"), ==, AIMS_FREQUENCY_QUARTERLY);
  g_assert_cmpint (aims_frequency_from_key ("fortnightly"), ==, AIMS_FREQUENCY_NONE);
  g_assert_cmpint (aims_direction_from_key ("lower"), ==, AIMS_DIRECTION_LOWER);
  g_assert_cmpint (aims_direction_from_key (NULL), ==, AIMS_DIRECTION_NONE);
}

/* Numbers as typed and as stored. */
static void
test_numbers (void)
{
  static const struct
  {
    const char *typed;
    const char *stored;  /* NULL: refused */
  } numbers[] = {
    { "12.5", "12.5" }, { " 100 ", "100" }, { "100.0", "100" }, { "-3", "-3" },
    { "+4", "4" }, { "0.1", "0.1" }, { "1e3", "1000" }, { ".5", "0.5" }, { "-0", "0" },
    { "0.30000000000000004", "0.3" },
    { "", NULL }, { "abc", NULL }, { "12 %", NULL }, { "1,000", NULL }, { "0x10", NULL },
    { "inf", NULL }, { "nan", NULL }, { "1e999", NULL }, { "1.2.3", NULL }, { "e5", NULL },
    { "-", NULL }, { "5e", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    {
      double value;
      gboolean parsed = aims_number_parse_typed (numbers[i].typed, &value);

      g_test_message ("number: “%s”", numbers[i].typed);
      g_assert_cmpint (parsed, ==, numbers[i].stored != NULL);
      if (parsed)
        {
          g_autofree char *stored = aims_number_format (value);

          g_assert_cmpstr (stored, ==, numbers[i].stored);
        }
    }
}

int
main (int    argc,
      char **argv)
{
  fixture_init (&argc, &argv);

  g_test_add_func ("/objective-status/cases", test_status_cases);
  g_test_add_func ("/objective-status/words", test_status_words);
  g_test_add_func ("/objective-status/numbers", test_numbers);

  return g_test_run ();
}
