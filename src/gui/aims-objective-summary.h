/* aims-objective-summary.h — where an objective stands, in words
 *
 * The sentences the Objectives page shows on a card, above an objective's
 * chart and to a screen reader, made from the status the core computes
 * (aims_objective_compute()), so that every view says the same. Plain GLib:
 * no widgets.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "aims-core.h"

G_BEGIN_DECLS

/* A day as people read it on a card, "19 Dec 2026"; "" for an invalid one. */
char *aims_objective_summary_date    (const GDate               *date);
/* The latest value with its unit, "89 %"; NULL when nothing was measured. */
char *aims_objective_summary_latest  (AimsRecord                *objective,
                                      const AimsObjectiveStatus *status);
/* "Target 100 %", or "No target set". */
char *aims_objective_summary_target  (AimsRecord                *objective);
/* "Rising, improving", "Falling, worsening", "Steady"; NULL with fewer
 * than two values. */
char *aims_objective_summary_trend   (const AimsObjectiveStatus *status);
/* The same after an arrow that points the way the values went. */
char *aims_objective_summary_trend_arrow (const AimsObjectiveStatus *status);
/* "Next value due 19 Dec 2026 (in 24 days)", "Overdue by 45 days, due
 * 11 Oct 2026", "No measurement schedule". */
char *aims_objective_summary_due     (const AimsObjectiveStatus *status,
                                      const GDate               *today);
/* Everything a card shows, as one sentence for a screen reader:
 * "OBJ-001 All high-risk …: At risk. 89 %, target 100 %. Rising,
 * improving. Next value due 19 Dec 2026 (in 24 days)." */
char *aims_objective_summary_describe (AimsRecord               *objective,
                                       const AimsObjectiveStatus *status,
                                       const GDate              *today);
/* What a chart of the series says to a screen reader: "Sparkline: 12
 * measurements, latest 89 %", or "Sparkline: no measurements yet". kind
 * is what the picture is ("Sparkline", "Chart"). */
char *aims_objective_summary_series  (const char                *kind,
                                      AimsRecord                *objective,
                                      const AimsObjectiveStatus *status,
                                      guint                      n_points);

G_END_DECLS
