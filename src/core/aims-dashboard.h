/* aims-dashboard.h — the figures of the AIMS at a glance
 *
 * One struct holds every figure the dashboard shows, filled by one call,
 * from the same functions the pages use (aims_risk_compute(),
 * aims_objective_status_compute()), so that a tile and the page it opens
 * count alike. Each area has its own part of the struct, filled by its own
 * function in the table of aims-dashboard.c. An area that lands later
 * (impact assessments, nonconformities, the Statement of Applicability) adds
 * a member here and a line in that table; the GUI shows a tile for each part
 * it knows.
 *
 * Loading reads every AI system, risk and objective: call it in a thread
 * (aims_dashboard_load_async()) from a window.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "aims-db.h"
#include "aims-heatmap.h"
#include "aims-objective-status.h"
#include "aims-risk-matrix.h"

G_BEGIN_DECLS

/* One category of a breakdown. */
typedef struct
{
  char  *key;     /* what the category is, for a page's filter: the stored
                     choice key ("operation", "high"), the band's name
                     ("Critical"), the state's key ("on_track"); NULL for
                     "not set" or "not assessed" */
  char  *label;   /* what a person reads, translated */
  char  *colour;  /* "#rrggbb" */
  guint  count;
} AimsDashboardCount;

/* Counts per category, every category listed (zeros too) in the order a
 * person reads them. */
typedef struct
{
  const char *field;   /* the field the page filters by ("lifecycle_stage"),
                          NULL for a computed category (band, status) */
  GArray     *counts;  /* AimsDashboardCount */
  guint       total;   /* the sum of the counts */
} AimsDashboardBreakdown;

typedef struct
{
  guint                  total;           /* every AI system, retired ones too */
  guint                  in_use;          /* not retired */
  /* Every system by lifecycle stage (retired is a stage), then "Not set". */
  AimsDashboardBreakdown by_stage;
  /* Systems in use by EU AI Act class, then "Not set". */
  AimsDashboardBreakdown by_eu_class;
  guint                  review_overdue;  /* aims_system_is_review_overdue() */
} AimsDashboardSystems;

typedef struct
{
  /* The matrix everything below was computed with. */
  AimsRiskMatrix        *matrix;
  guint                  open;            /* risks that are not closed */
  /* Open risks by their current band (residual when assessed, else
   * inherent), the matrix's bands from low to high, then "Not assessed". */
  AimsDashboardBreakdown by_band;
  guint                  above_appetite;  /* open, current band above the appetite */
  guint                  review_overdue;  /* open, next review before today */
  guint                  acceptance_expired;
  /* The small heatmaps: open risks by inherent and residual levels. */
  AimsHeatmapCounts      inherent;
  AimsHeatmapCounts      residual;
} AimsDashboardRisks;

typedef struct
{
  guint                  total;
  /* By aims_objective_status_compute()'s state: on track, at risk, off
   * track, overdue, not measured yet, no target. */
  AimsDashboardBreakdown by_state;
  /* The count of one state, whatever its place in by_state. */
  guint                  state_counts[AIMS_OBJECTIVE_N_STATES];
} AimsDashboardObjectives;

typedef struct
{
  guint                  open;             /* neither closed nor rejected */
  /* The open ones by severity (major, minor, observation, improvement). */
  AimsDashboardBreakdown by_severity;
  guint                  with_overdue;     /* with an overdue action (the page's
                                              filter "overdue=1") */
  guint                  actions_open;     /* aims_action_is_open() */
  guint                  actions_overdue;  /* aims_action_is_overdue() */
} AimsDashboardNonconformities;

/* Days ahead in which a reassessment counts as due. */
#define AIMS_DASHBOARD_REASSESSMENT_DAYS 30

typedef struct
{
  guint total;       /* every version of every impact assessment */
  guint approved;    /* approved and in force */
  guint in_review;
  guint drafts;
  guint superseded;
  /* Of the approved ones: the next reassessment date has passed, or falls
   * within AIMS_DASHBOARD_REASSESSMENT_DAYS days from today. */
  guint overdue;
  guint due;
} AimsDashboardAssessments;

/* The Statement of Applicability: the 38 Annex A controls. */
typedef struct
{
  guint controls;
  guint decided;       /* applicable or excluded */
  guint applicable;
  guint implemented;   /* applicable and implemented */
} AimsDashboardSoa;

typedef struct
{
  GDate                   today;   /* the day the figures are for */
  AimsDashboardSystems    systems;
  AimsDashboardRisks      risks;
  AimsDashboardObjectives objectives;
  AimsDashboardNonconformities nonconformities;
  AimsDashboardAssessments     assessments;
  AimsDashboardSoa             soa;
} AimsDashboard;

/* Every figure of db on today (NULL: today). NULL with error when the
 * database cannot be read. */
AimsDashboard *aims_dashboard_load        (AimsDb                 *db,
                                           const GDate            *today,
                                           GError                **error);
void           aims_dashboard_free        (AimsDashboard          *dashboard);

/* The register a caller has already read, so that a report which needs
 * both its records and the dashboard's figures (the management review)
 * reads 100,000 risks once. NULL members are read by the dashboard. */
typedef struct
{
  GPtrArray *systems;  /* AimsRecord, every AI system, as aims_store_list() gives them */
  GPtrArray *risks;    /* AimsRecord, every risk */
} AimsDashboardRecords;

/* aims_dashboard_load() from records already read (NULL: read them all). */
AimsDashboard *aims_dashboard_load_from   (AimsDb                     *db,
                                           const GDate                *today,
                                           const AimsDashboardRecords *records,
                                           GError                    **error);

/* aims_dashboard_load() in a worker thread, on a read-only connection of its
 * own to the file at db_path, so a window never waits on it. */
void           aims_dashboard_load_async  (const char             *db_path,
                                           GCancellable           *cancellable,
                                           GAsyncReadyCallback     callback,
                                           gpointer                user_data);
AimsDashboard *aims_dashboard_load_finish (GAsyncResult           *result,
                                           GError                **error);

/* The entry of breakdown whose key is key (NULL: the "not set" one); NULL
 * when there is none. */
const AimsDashboardCount *aims_dashboard_breakdown_find (const AimsDashboardBreakdown *breakdown,
                                                         const char                   *key);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AimsDashboard, aims_dashboard_free)

G_END_DECLS
