/* aims-review-inputs.h — the inputs of a management review (ISO/IEC 42001
 * 9.3.2): the headline figures of every area, compiled from the data as of
 * a day, and their frozen form
 *
 * The figures are the same counts the dashboard and the pages show
 * (aims_dashboard_load(), aims_nc_state_is_open(), aims_soa_group_progress()),
 * each under a stable key ("risks.band.High", "systems.stage.operation"), so
 * that a figure of today and the one frozen with the last review can be set
 * side by side and their difference is exact. What depends on the day
 * (overdue reviews and actions, expired acceptances, objectives' states) is
 * worked out for the as-of day; the records are those on file when compiled.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "aims-dashboard.h"
#include "aims-db.h"

G_BEGIN_DECLS

typedef struct
{
  char   *key;     /* "area.what[.category]", stable across versions and languages */
  char   *area;    /* "systems", "risks", "objectives", "nonconformities",
                      "actions", "soa", "assessments" */
  char   *label;   /* what a person reads, in the language it was compiled in */
  gint64  value;
} AimsReviewFigure;

typedef struct
{
  char   *as_of;    /* ISO date the figures are for */
  GArray *figures;  /* AimsReviewFigure, in the order a person reads them */
} AimsReviewInputs;

/* Every headline figure of db as of the day as_of (NULL: today). */
AimsReviewInputs       *aims_review_inputs_compile   (AimsDb                 *db,
                                                      const GDate            *as_of,
                                                      GError                **error);
/* The same from a dashboard the caller has already loaded as of that day
 * (the export's, from the register it has read). */
AimsReviewInputs       *aims_review_inputs_compile_with (AimsDb                 *db,
                                                         const AimsDashboard    *dashboard,
                                                         GError                **error);
/* aims_review_inputs_compile() in a worker thread, on a read-only
 * connection of its own to the file at db_path, so that a window showing a
 * draft's preview never waits on it. as_of: an ISO date, NULL for today. */
void                    aims_review_inputs_compile_async  (const char          *db_path,
                                                           const char          *as_of,
                                                           GCancellable        *cancellable,
                                                           GAsyncReadyCallback  callback,
                                                           gpointer             user_data);
AimsReviewInputs       *aims_review_inputs_compile_finish (GAsyncResult        *result,
                                                           GError             **error);
/* The frozen form: {"as_of": "…", "figures": [{"key", "area", "label", "value"}, …]}. */
char                   *aims_review_inputs_to_json   (const AimsReviewInputs *inputs);
/* NULL with AIMS_DB_ERROR_INVALID when json is not such a text. */
AimsReviewInputs       *aims_review_inputs_from_json (const char             *json,
                                                      GError                **error);
void                    aims_review_inputs_free      (AimsReviewInputs       *inputs);
/* The figure under key, or NULL. */
const AimsReviewFigure *aims_review_inputs_find      (const AimsReviewInputs *inputs,
                                                      const char             *key);
/* The title of an area of figures ("Risks"), translated. */
const char             *aims_review_area_title       (const char             *area);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AimsReviewInputs, aims_review_inputs_free)

G_END_DECLS
