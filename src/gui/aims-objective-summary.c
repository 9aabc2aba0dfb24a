/* aims-objective-summary.c — where an objective stands, in words
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "aims-objective-summary.h"

char *
aims_objective_summary_date (const GDate *date)
{
  char buffer[64];

  if (date == NULL || !g_date_valid (date))
    return g_strdup ("");
  /* Translators: a day on an objective's card, see strftime(3): "19 Dec 2026" */
  if (g_date_strftime (buffer, sizeof buffer, _("%-d %b %Y"), date) == 0)
    return aims_date_format_iso (date);
  return g_strdup (buffer);
}

char *
aims_objective_summary_latest (AimsRecord                *objective,
                               const AimsObjectiveStatus *status)
{
  g_return_val_if_fail (AIMS_IS_RECORD (objective), NULL);
  g_return_val_if_fail (status != NULL, NULL);

  if (!status->has_latest)
    return NULL;
  return aims_objective_format_value (objective, status->latest);
}

char *
aims_objective_summary_target (AimsRecord *objective)
{
  g_autofree char *value = NULL;
  AimsObjectiveKpi kpi;

  g_return_val_if_fail (AIMS_IS_RECORD (objective), NULL);

  aims_objective_kpi_from_record (objective, &kpi);
  if (!kpi.has_target)
    return g_strdup (_("No target set"));
  value = aims_objective_format_value (objective, kpi.target);
  /* Translators: beside an objective's latest value, "Target 100 %" */
  return g_strdup_printf (_("Target %s"), value);
}

char *
aims_objective_summary_trend (const AimsObjectiveStatus *status)
{
  const char *trend;

  g_return_val_if_fail (status != NULL, NULL);

  if ((trend = aims_trend_label (status->trend)) == NULL)
    return NULL;
  if (status->improving)
    /* Translators: an objective's trend, e.g. "Rising, improving" */
    return g_strdup_printf (_("%s, improving"), trend);
  if (status->worsening)
    /* Translators: an objective's trend, e.g. "Falling, worsening" */
    return g_strdup_printf (_("%s, worsening"), trend);
  return g_strdup (trend);
}

char *
aims_objective_summary_trend_arrow (const AimsObjectiveStatus *status)
{
  g_autofree char *trend = aims_objective_summary_trend (status);
  const char *arrow;

  if (trend == NULL)
    return NULL;
  switch (status->trend)
    {
    case AIMS_TREND_UP:
      arrow = "↗";
      break;
    case AIMS_TREND_DOWN:
      arrow = "↘";
      break;
    case AIMS_TREND_FLAT:
    case AIMS_TREND_NONE:
    default:
      arrow = "→";
      break;
    }
  return g_strdup_printf ("%s %s", arrow, trend);
}

char *
aims_objective_summary_due (const AimsObjectiveStatus *status,
                            const GDate               *today)
{
  g_autofree char *day = NULL;
  int days;

  g_return_val_if_fail (status != NULL, NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  if (!g_date_valid (&status->next_due))
    return g_strdup (_("No measurement schedule"));

  day = aims_objective_summary_date (&status->next_due);
  if (status->days_overdue > 0)
    /* Translators: "Overdue by 45 days, due 11 Oct 2026" */
    return g_strdup_printf (ngettext ("Overdue by %u day, due %s", "Overdue by %u days, due %s",
                                      status->days_overdue),
                            status->days_overdue, day);

  days = g_date_days_between (today, &status->next_due);
  if (days == 0)
    return g_strdup (_("Next value due today"));
  /* Translators: "Next value due 19 Dec 2026 (in 24 days)" */
  return g_strdup_printf (ngettext ("Next value due %s (in %d day)", "Next value due %s (in %d days)", days),
                          day, days);
}

char *
aims_objective_summary_describe (AimsRecord                *objective,
                                 const AimsObjectiveStatus *status,
                                 const GDate               *today)
{
  g_autofree char *latest = NULL;
  g_autofree char *target = NULL;
  g_autofree char *trend = NULL;
  g_autofree char *due = NULL;
  AimsObjectiveKpi kpi;
  GString *text;

  g_return_val_if_fail (AIMS_IS_RECORD (objective), NULL);

  latest = aims_objective_summary_latest (objective, status);
  aims_objective_kpi_from_record (objective, &kpi);
  target = kpi.has_target ? aims_objective_format_value (objective, kpi.target) : NULL;
  trend = aims_objective_summary_trend (status);
  due = aims_objective_summary_due (status, today);

  text = g_string_new (NULL);
  /* Translators: how a screen reader starts an objective's card:
   * "OBJ-001 Staff trained in responsible AI: On track." */
  g_string_append_printf (text, _("%s %s: %s."), aims_record_get_reference (objective),
                          aims_record_get_title (objective), aims_objective_state_label (status->state));
  g_string_append_c (text, ' ');
  if (latest != NULL && target != NULL)
    /* Translators: "Latest 89 %, target 100 %." */
    g_string_append_printf (text, _("Latest %s, target %s."), latest, target);
  else if (latest != NULL)
    /* Translators: "Latest 89 %, no target set." */
    g_string_append_printf (text, _("Latest %s, no target set."), latest);
  else if (target != NULL)
    /* Translators: "No value yet, target 100 %." */
    g_string_append_printf (text, _("No value yet, target %s."), target);
  else
    g_string_append (text, _("No value yet, no target set."));
  if (trend != NULL)
    g_string_append_printf (text, " %s.", trend);
  g_string_append_printf (text, " %s.", due);
  return g_string_free (text, FALSE);
}

char *
aims_objective_summary_series (const char                *kind,
                               AimsRecord                *objective,
                               const AimsObjectiveStatus *status,
                               guint                      n_points)
{
  g_autofree char *latest = NULL;

  g_return_val_if_fail (kind != NULL, NULL);

  latest = objective != NULL && status != NULL ? aims_objective_summary_latest (objective, status) : NULL;
  if (n_points == 0 || latest == NULL)
    /* Translators: what a screen reader says of an empty chart, "Sparkline: no measurements yet" */
    return g_strdup_printf (_("%s: no measurements yet"), kind);
  /* Translators: what a screen reader says of a chart, "Sparkline: 12 measurements, latest 89 %" */
  return g_strdup_printf (ngettext ("%s: %u measurement, latest %s", "%s: %u measurements, latest %s", n_points),
                          kind, n_points, latest);
}
