/* aims-objective-detail.h — one AI objective opened from its card
 *
 * Two views (an AdwViewStack; the page puts its switcher in the header):
 *
 * - Progress: where the objective stands in words, the full chart (the
 *   core's time series: dates, the unit, the target line, the at-risk
 *   band; a tooltip per value) above the line that enters a new value, and
 *   beside them the table of measurements, newest first, with the editor
 *   in which a measurement is corrected (AimsRecordList: audited updates,
 *   conflicts shown as in every editor).
 * - Objective: the objective's own fields (AimsRecordEditor) and the AI
 *   systems it concerns.
 *
 * The page hands it the objective, its series and the status it computed,
 * so the detail says what the card says.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "aims-context.h"
#include "aims-measurement-entry.h"
#include "aims-record-list.h"

G_BEGIN_DECLS

#define AIMS_TYPE_OBJECTIVE_DETAIL (aims_objective_detail_get_type ())
G_DECLARE_FINAL_TYPE (AimsObjectiveDetail, aims_objective_detail, AIMS, OBJECTIVE_DETAIL, GtkWidget)

GtkWidget            *aims_objective_detail_new              (AimsContext               *context);

/* Shows objective (NULL: nothing) with its series (may be NULL) and the
 * status computed from them on today. The same objective again refreshes
 * what is shown and leaves fields being edited alone. */
void                  aims_objective_detail_show             (AimsObjectiveDetail       *self,
                                                              AimsRecord                *objective,
                                                              GArray                    *series,
                                                              const AimsObjectiveStatus *status,
                                                              const GDate               *today);
/* The objective shown, or NULL. */
AimsRecord           *aims_objective_detail_get_objective    (AimsObjectiveDetail       *self);

/* Shows the objective's fields and puts the focus on field (NULL: none). */
void                  aims_objective_detail_edit_field       (AimsObjectiveDetail       *self,
                                                              const char                *field);
/* Writes what is typed in either editor (what "page.flush" does). */
void                  aims_objective_detail_flush            (AimsObjectiveDetail       *self);
/* Focuses the search of the measurements (what "page.search" does). */
void                  aims_objective_detail_focus_search     (AimsObjectiveDetail       *self);

AdwViewStack         *aims_objective_detail_get_view_stack   (AimsObjectiveDetail       *self);
AdwViewSwitcherBar   *aims_objective_detail_get_switcher_bar (AimsObjectiveDetail       *self);
AimsMeasurementEntry *aims_objective_detail_get_entry        (AimsObjectiveDetail       *self);
AimsRecordList       *aims_objective_detail_get_measurements (AimsObjectiveDetail       *self);
AimsRecordEditor     *aims_objective_detail_get_editor       (AimsObjectiveDetail       *self);
GtkWidget            *aims_objective_detail_get_systems_row  (AimsObjectiveDetail       *self);
GtkWidget            *aims_objective_detail_get_chart        (AimsObjectiveDetail       *self);

/* Whatever the detail writes (a value, a correction, a field, a link) is
 * announced with aims_context_emit_data_changed(): the page reads again
 * and calls aims_objective_detail_show(). */

G_END_DECLS
