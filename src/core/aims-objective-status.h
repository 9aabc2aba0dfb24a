/* aims-objective-status.h — where an AI objective stands, worked out from
 * its KPI's latest value
 *
 * One pure function over plain structs, so that the Objectives page, the
 * dashboard, aimsctl and the exports show the same status and a table of
 * cases tests it without a database. aims-objective.h fills the structs from
 * stored records.
 *
 * The rules:
 * - no measurement: not measured yet;
 * - no target, or no way to tell which side of it is better (no direction,
 *   no baseline to infer it from): no target;
 * - higher is better: at or above the target on track; below it but at or
 *   above the at-risk threshold at risk; below the threshold (or below the
 *   target when there is no threshold) off track. Lower is better: the same
 *   mirrored;
 * - the next measurement is due one period (the frequency) after the latest,
 *   or after the day the objective was set while it has none; when today is
 *   past that day the status is overdue, whatever the last value said (level
 *   keeps what it said).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  AIMS_OBJECTIVE_NOT_MEASURED,
  AIMS_OBJECTIVE_ON_TRACK,
  AIMS_OBJECTIVE_AT_RISK,
  AIMS_OBJECTIVE_OFF_TRACK,
  AIMS_OBJECTIVE_OVERDUE,
  AIMS_OBJECTIVE_NO_TARGET,
} AimsObjectiveState;

#define AIMS_OBJECTIVE_N_STATES (AIMS_OBJECTIVE_NO_TARGET + 1)

typedef enum
{
  AIMS_DIRECTION_NONE,
  AIMS_DIRECTION_HIGHER,   /* higher is better */
  AIMS_DIRECTION_LOWER,    /* lower is better */
} AimsDirection;

typedef enum
{
  AIMS_FREQUENCY_NONE,     /* no schedule: never overdue */
  AIMS_FREQUENCY_WEEKLY,
  AIMS_FREQUENCY_MONTHLY,
  AIMS_FREQUENCY_QUARTERLY,
  AIMS_FREQUENCY_HALF_YEARLY,
  AIMS_FREQUENCY_YEARLY,
} AimsFrequency;

typedef enum
{
  AIMS_TREND_NONE,         /* fewer than two values */
  AIMS_TREND_UP,
  AIMS_TREND_DOWN,
  AIMS_TREND_FLAT,
} AimsTrend;

/* What an objective says about its KPI. The has_ flags tell set from unset. */
typedef struct
{
  AimsDirection direction;      /* as stored; NONE when not chosen */
  AimsFrequency frequency;
  gboolean      has_baseline;
  double        baseline;
  gboolean      has_target;
  double        target;
  gboolean      has_threshold;
  double        threshold;      /* at-risk threshold */
  GDate         since;          /* when the objective was set (may be
                                   invalid): the first value is due one
                                   period after it */
} AimsObjectiveKpi;

/* One measurement: its day and value. */
typedef struct
{
  GDate  date;
  double value;
} AimsMeasurementPoint;

typedef struct
{
  AimsObjectiveState state;
  /* What the latest value says alone: NOT_MEASURED, NO_TARGET, ON_TRACK,
   * AT_RISK or OFF_TRACK (never OVERDUE). */
  AimsObjectiveState level;
  /* The direction used: the stored one, or inferred from baseline to target. */
  AimsDirection      direction;
  gboolean           has_latest;
  double             latest;
  GDate              latest_date;
  gboolean           has_previous;
  double             previous;
  /* From the previous value to the latest; improving is TRUE when the move
   * is towards the better side (FALSE for FLAT, NONE, or no direction). */
  AimsTrend          trend;
  gboolean           improving;
  gboolean           worsening;
  /* One period after the latest value (or after since when there is none);
   * invalid when there is no frequency. */
  GDate              next_due;
  /* Days from next_due to today when past it, else 0. */
  guint              days_overdue;
} AimsObjectiveStatus;

/* The status of an objective whose measurements are points (any order; the
 * latest by date, of two on one day the later in the array) on today. */
void        aims_objective_status_compute  (const AimsObjectiveKpi     *kpi,
                                            const AimsMeasurementPoint *points,
                                            guint                       n_points,
                                            const GDate                *today,
                                            AimsObjectiveStatus        *status);

/* The level value alone would be at: ON_TRACK, AT_RISK, OFF_TRACK or
 * NO_TARGET. */
AimsObjectiveState aims_objective_level_for_value (const AimsObjectiveKpi *kpi,
                                                   double                  value);

/* The direction that counts: the stored one, else the one from baseline to
 * target; NONE when neither says. */
AimsDirection aims_objective_kpi_get_direction (const AimsObjectiveKpi *kpi);

/* The day one period of frequency after date; invalid result for NONE. */
void        aims_frequency_add             (AimsFrequency               frequency,
                                            const GDate                *date,
                                            GDate                      *result);
/* From a stored key ("monthly"); NONE for NULL or unknown. */
AimsFrequency aims_frequency_from_key      (const char                 *key);
/* From a stored key ("higher"); NONE for NULL or unknown. */
AimsDirection aims_direction_from_key      (const char                 *key);

/* For scripts: "on_track", "at_risk", "off_track", "not_measured",
 * "overdue", "no_target". */
const char *aims_objective_state_key       (AimsObjectiveState          state);
/* For people, translated: "On track", "Not measured yet", … */
const char *aims_objective_state_label     (AimsObjectiveState          state);
/* "#rrggbb" from the GNOME palette, the same in every view and export. */
const char *aims_objective_state_colour    (AimsObjectiveState          state);
/* For scripts: "up", "down", "flat", or NULL for NONE. */
const char *aims_trend_key                 (AimsTrend                   trend);
/* For people, translated: "Rising", "Falling", "Steady", or NULL. */
const char *aims_trend_label               (AimsTrend                   trend);

G_END_DECLS
