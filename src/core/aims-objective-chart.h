/* aims-objective-chart.h — an objective's KPI chart, for a window and for
 * files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "aims-chart.h"
#include "aims-db.h"
#include "aims-objective.h"

G_BEGIN_DECLS

/* The picture a file gets, in pixels at 1× or in points. */
#define AIMS_OBJECTIVE_CHART_WIDTH  900
#define AIMS_OBJECTIVE_CHART_HEIGHT 480

/* Points series at the objective's KPI: its title, its unit, kpi (filled
 * here from the record) and points (AimsMeasurementPoint, may be NULL).
 * series keeps pointers to kpi, points' data and the record's strings: keep
 * them while it is drawn. */
void     aims_objective_time_series_init (AimsTimeSeries    *series,
                                          AimsRecord        *objective,
                                          AimsObjectiveKpi  *kpi,
                                          GArray            *points);

/* The time series of the objective (by reference "OBJ-001" or id), light on
 * white, to path as PNG, SVG or PDF by its extension. A bad extension is
 * AIMS_DB_ERROR_INVALID; an objective that does not exist
 * AIMS_DB_ERROR_MISSING; a file that cannot be written AIMS_DB_ERROR_FAILED
 * naming it, and what was at path before stays. */
gboolean aims_objective_chart_export     (AimsDb            *db,
                                          const char        *id_or_reference,
                                          const char        *path,
                                          GError           **error);

G_END_DECLS
