/* aims-objective-status.c — where an AI objective stands, worked out from
 * its KPI's latest value
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "aims-objective-entity.h"
#include "aims-objective-status.h"

AimsDirection
aims_objective_kpi_get_direction (const AimsObjectiveKpi *kpi)
{
  g_return_val_if_fail (kpi != NULL, AIMS_DIRECTION_NONE);

  if (kpi->direction != AIMS_DIRECTION_NONE)
    return kpi->direction;
  if (kpi->has_baseline && kpi->has_target && kpi->target != kpi->baseline)
    return kpi->target > kpi->baseline ? AIMS_DIRECTION_HIGHER : AIMS_DIRECTION_LOWER;
  return AIMS_DIRECTION_NONE;
}

AimsObjectiveState
aims_objective_level_for_value (const AimsObjectiveKpi *kpi,
                                double                  value)
{
  AimsDirection direction;
  /* Higher is better is the reference; lower is better is the same with
   * every number negated. */
  double sign, v, target, threshold;
  gboolean has_threshold;

  g_return_val_if_fail (kpi != NULL, AIMS_OBJECTIVE_NO_TARGET);

  direction = aims_objective_kpi_get_direction (kpi);
  if (!kpi->has_target || direction == AIMS_DIRECTION_NONE)
    return AIMS_OBJECTIVE_NO_TARGET;

  sign = direction == AIMS_DIRECTION_HIGHER ? 1 : -1;
  v = sign * value;
  target = sign * kpi->target;
  threshold = sign * kpi->threshold;
  /* A threshold on the wrong side (the write rules refuse one; a file
   * edited by hand may still hold it) marks no band at all. */
  has_threshold = kpi->has_threshold && threshold < target;

  if (v >= target)
    return AIMS_OBJECTIVE_ON_TRACK;
  if (has_threshold && v >= threshold)
    return AIMS_OBJECTIVE_AT_RISK;
  return AIMS_OBJECTIVE_OFF_TRACK;
}

void
aims_frequency_add (AimsFrequency  frequency,
                    const GDate   *date,
                    GDate         *result)
{
  static const guint months[] = {
    [AIMS_FREQUENCY_MONTHLY] = 1,
    [AIMS_FREQUENCY_QUARTERLY] = 3,
    [AIMS_FREQUENCY_HALF_YEARLY] = 6,
    [AIMS_FREQUENCY_YEARLY] = 12,
  };

  g_return_if_fail (result != NULL);

  g_date_clear (result, 1);
  if (frequency == AIMS_FREQUENCY_NONE || date == NULL || !g_date_valid (date))
    return;
  *result = *date;
  if (frequency == AIMS_FREQUENCY_WEEKLY)
    g_date_add_days (result, 7);
  else
    /* The 31st of a month plus one month is the last day of the next. */
    g_date_add_months (result, months[frequency]);
}

static gboolean
nearly_equal (double a,
              double b)
{
  return fabs (a - b) <= 1e-9 * MAX (1.0, MAX (fabs (a), fabs (b)));
}

/* The latest and the one before it, by date; of two on one day the later in
 * the array counts as the later. */
static void
find_latest (const AimsMeasurementPoint  *points,
             guint                        n_points,
             const AimsMeasurementPoint **latest,
             const AimsMeasurementPoint **previous)
{
  *latest = *previous = NULL;
  for (guint i = 0; i < n_points; i++)
    {
      const AimsMeasurementPoint *p = &points[i];

      if (!g_date_valid (&p->date) || !isfinite (p->value))
        continue;
      if (*latest == NULL || g_date_compare (&p->date, &(*latest)->date) >= 0)
        {
          *previous = *latest;
          *latest = p;
        }
      else if (*previous == NULL || g_date_compare (&p->date, &(*previous)->date) >= 0)
        *previous = p;
    }
}

void
aims_objective_status_compute (const AimsObjectiveKpi     *kpi,
                               const AimsMeasurementPoint *points,
                               guint                       n_points,
                               const GDate                *today,
                               AimsObjectiveStatus        *status)
{
  const AimsMeasurementPoint *latest, *previous;

  g_return_if_fail (kpi != NULL);
  g_return_if_fail (points != NULL || n_points == 0);
  g_return_if_fail (today != NULL && g_date_valid (today));
  g_return_if_fail (status != NULL);

  memset (status, 0, sizeof *status);
  g_date_clear (&status->latest_date, 1);
  g_date_clear (&status->next_due, 1);
  status->direction = aims_objective_kpi_get_direction (kpi);

  find_latest (points, n_points, &latest, &previous);
  if (latest != NULL)
    {
      status->has_latest = TRUE;
      status->latest = latest->value;
      status->latest_date = latest->date;
      status->level = aims_objective_level_for_value (kpi, latest->value);
      aims_frequency_add (kpi->frequency, &latest->date, &status->next_due);
    }
  else
    {
      status->level = AIMS_OBJECTIVE_NOT_MEASURED;
      aims_frequency_add (kpi->frequency, &kpi->since, &status->next_due);
    }

  if (previous != NULL)
    {
      status->has_previous = TRUE;
      status->previous = previous->value;
      if (nearly_equal (latest->value, previous->value))
        status->trend = AIMS_TREND_FLAT;
      else
        status->trend = latest->value > previous->value ? AIMS_TREND_UP : AIMS_TREND_DOWN;
      if (status->direction != AIMS_DIRECTION_NONE && status->trend != AIMS_TREND_FLAT)
        {
          gboolean up_is_good = status->direction == AIMS_DIRECTION_HIGHER;

          status->improving = (status->trend == AIMS_TREND_UP) == up_is_good;
          status->worsening = !status->improving;
        }
    }

  status->state = status->level;
  if (g_date_valid (&status->next_due) && g_date_compare (today, &status->next_due) > 0)
    {
      status->days_overdue = (guint) g_date_days_between (&status->next_due, today);
      status->state = AIMS_OBJECTIVE_OVERDUE;
    }
}

AimsFrequency
aims_frequency_from_key (const char *key)
{
  static const struct
  {
    const char    *key;
    AimsFrequency  frequency;
  } keys[] = {
    { AIMS_OBJECTIVE_FREQUENCY_WEEKLY,      AIMS_FREQUENCY_WEEKLY },
    { AIMS_OBJECTIVE_FREQUENCY_MONTHLY,     AIMS_FREQUENCY_MONTHLY },
    { AIMS_OBJECTIVE_FREQUENCY_QUARTERLY,   AIMS_FREQUENCY_QUARTERLY },
    { AIMS_OBJECTIVE_FREQUENCY_HALF_YEARLY, AIMS_FREQUENCY_HALF_YEARLY },
    { AIMS_OBJECTIVE_FREQUENCY_YEARLY,      AIMS_FREQUENCY_YEARLY },
  };

  for (guint i = 0; key != NULL && i < G_N_ELEMENTS (keys); i++)
    if (g_str_equal (keys[i].key, key))
      return keys[i].frequency;
  return AIMS_FREQUENCY_NONE;
}

AimsDirection
aims_direction_from_key (const char *key)
{
  if (g_strcmp0 (key, AIMS_OBJECTIVE_DIRECTION_HIGHER) == 0)
    return AIMS_DIRECTION_HIGHER;
  if (g_strcmp0 (key, AIMS_OBJECTIVE_DIRECTION_LOWER) == 0)
    return AIMS_DIRECTION_LOWER;
  return AIMS_DIRECTION_NONE;
}

/* ── Words and colours ─────────────────────────────────────────────────── */

static const struct
{
  const char *key;
  const char *label;
  const char *colour;
} states[AIMS_OBJECTIVE_N_STATES] = {
  /* GNOME palette: Light 4 grey, Green 4, Yellow 5, Red 3, Purple 3, Light 5. */
  [AIMS_OBJECTIVE_NOT_MEASURED] = { "not_measured", N_("Not measured yet"), "#9a9996" },
  [AIMS_OBJECTIVE_ON_TRACK]     = { "on_track",     N_("On track"),         "#2ec27e" },
  [AIMS_OBJECTIVE_AT_RISK]      = { "at_risk",      N_("At risk"),          "#e5a50a" },
  [AIMS_OBJECTIVE_OFF_TRACK]    = { "off_track",    N_("Off track"),        "#e01b24" },
  [AIMS_OBJECTIVE_OVERDUE]      = { "overdue",      N_("Overdue"),          "#9141ac" },
  [AIMS_OBJECTIVE_NO_TARGET]    = { "no_target",    N_("No target"),        "#77767b" },
};

const char *
aims_objective_state_key (AimsObjectiveState state)
{
  g_return_val_if_fail (state < AIMS_OBJECTIVE_N_STATES, NULL);
  return states[state].key;
}

const char *
aims_objective_state_label (AimsObjectiveState state)
{
  g_return_val_if_fail (state < AIMS_OBJECTIVE_N_STATES, NULL);
  return _(states[state].label);
}

const char *
aims_objective_state_colour (AimsObjectiveState state)
{
  g_return_val_if_fail (state < AIMS_OBJECTIVE_N_STATES, NULL);
  return states[state].colour;
}

const char *
aims_trend_key (AimsTrend trend)
{
  switch (trend)
    {
    case AIMS_TREND_UP:
      return "up";
    case AIMS_TREND_DOWN:
      return "down";
    case AIMS_TREND_FLAT:
      return "flat";
    case AIMS_TREND_NONE:
    default:
      return NULL;
    }
}

const char *
aims_trend_label (AimsTrend trend)
{
  switch (trend)
    {
    case AIMS_TREND_UP:
      return _("Rising");
    case AIMS_TREND_DOWN:
      return _("Falling");
    case AIMS_TREND_FLAT:
      return _("Steady");
    case AIMS_TREND_NONE:
    default:
      return NULL;
    }
}
