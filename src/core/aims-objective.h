/* aims-objective.h — AI objectives and their measurements as stored: the
 * KPI and series read for aims_objective_status_compute(), the linked AI
 * systems, and the rules the store checks when either is written
 *
 * Objectives and measurements are records of aims_entity_objectives() and
 * aims_entity_measurements(), written with aims_store_insert() and
 * aims_store_update() like any other (a measurement corrected is an update:
 * audited, row_version checked).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "aims-db.h"
#include "aims-objective-entity.h"
#include "aims-objective-status.h"
#include "aims-record.h"

G_BEGIN_DECLS

/* The KPI of an objective record as stored: unset or unreadable numbers
 * are not set; since is the day it was created. */
void        aims_objective_kpi_from_record  (AimsRecord           *objective,
                                             AimsObjectiveKpi     *kpi);

/* The measurements of objective_id as AimsMeasurementPoint, oldest first
 * (of two on one day, the one entered first first). */
GArray     *aims_objective_load_series      (AimsDb               *db,
                                             gint64                objective_id,
                                             GError              **error);
/* Every objective's series at once, for lists and the dashboard: a table
 * from the objective's id (gint64 *, g_int64_hash) to its series as above.
 * An objective without measurements has no entry. */
GHashTable *aims_objective_load_all_series  (AimsDb               *db,
                                             GError              **error);

/* aims_objective_status_compute() for a stored objective; series may be
 * NULL (no measurements). */
void        aims_objective_compute          (AimsRecord           *objective,
                                             GArray               *series,
                                             const GDate          *today,
                                             AimsObjectiveStatus  *status);

/* The measurement records of objective_id, oldest first, for the table in
 * which they are corrected. */
GPtrArray  *aims_objective_list_measurements (AimsDb              *db,
                                              gint64               objective_id,
                                              GError             **error);

/* A value of the objective's KPI as a person reads it: "82 %",
 * "12.5 days", "3" (no unit). */
char       *aims_objective_format_value     (AimsRecord           *objective,
                                             double                value);

/* ── Linked AI systems ──────────────────────────────────────────────────
 *
 * The AI systems an objective concerns (table objective_system). A change is
 * one BEGIN IMMEDIATE transaction with one audit row (entity "objective",
 * action "link_systems", before and after naming the systems by
 * reference). As for a risk's controls, links carry no row_version and
 * changing them leaves the objective's own row_version alone, so an editor
 * open on the objective stays valid. */

/* The ids (gint64) of the AI systems of objective_id, in the order they were
 * made. An objective that does not exist gives AIMS_DB_ERROR_MISSING. */
GArray     *aims_objective_systems_get      (AimsDb               *db,
                                             gint64                objective_id,
                                             GError              **error);
/* Makes the systems of objective_id exactly system_ids (duplicates
 * ignored). An id that is not an AI system is refused with
 * AIMS_DB_ERROR_INVALID and nothing is written; the same set again writes
 * and logs nothing. */
gboolean    aims_objective_systems_set      (AimsDb               *db,
                                             gint64                objective_id,
                                             const gint64         *system_ids,
                                             guint                 n_system_ids,
                                             const char           *author,
                                             GError              **error);

/* ── Rules, for the store ───────────────────────────────────────────────
 *
 * Checked inside the store's write transaction against what is stored then.
 * before is the stored record (NULL for an insert), changes maps field names
 * to normalised values (NULL: unset). Refused with AIMS_DB_ERROR_INVALID and
 * the reason, nothing written. */

/* An objective: a target equal to its baseline needs a direction; an
 * at-risk threshold needs a target and a direction, and must lie on the
 * worse side of the target (below it when higher is better, above it when
 * lower is better). */
gboolean    aims_objective_check_rules      (AimsDb               *db,
                                             AimsRecord           *before,
                                             GHashTable           *changes,
                                             GError              **error);
/* A measurement: not dated after today, and no second measurement of one
 * objective on one day (the first is to be corrected instead). */
gboolean    aims_measurement_check_rules    (AimsDb               *db,
                                             AimsRecord           *before,
                                             GHashTable           *changes,
                                             GError              **error);

G_END_DECLS
