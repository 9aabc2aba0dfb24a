/* aims-objective-card.h — one AI objective on the Objectives page
 *
 * A button shaped as a card: the reference and the status (its colour and
 * its words, never the colour alone), the title, the latest value against
 * the target, a sparkline of the series (the core's renderer, light or
 * dark), the trend and when the next value is due. A screen reader hears
 * all of it as the button's name. Clicking it activates the card's action
 * (gtk_actionable_set_action_name()), with the objective's id as target
 * ("x") when the page sets it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "aims-core.h"

G_BEGIN_DECLS

#define AIMS_TYPE_OBJECTIVE_CARD (aims_objective_card_get_type ())
G_DECLARE_FINAL_TYPE (AimsObjectiveCard, aims_objective_card, AIMS, OBJECTIVE_CARD, GtkButton)

GtkWidget          *aims_objective_card_new             (void);

/* Shows objective with its series (AimsMeasurementPoint, may be NULL) and
 * the status computed from them on today. */
void                aims_objective_card_update          (AimsObjectiveCard         *self,
                                                         AimsRecord                *objective,
                                                         GArray                    *series,
                                                         const AimsObjectiveStatus *status,
                                                         const GDate               *today);

gint64              aims_objective_card_get_id          (AimsObjectiveCard *self);
const char         *aims_objective_card_get_reference   (AimsObjectiveCard *self);
AimsObjectiveState  aims_objective_card_get_state       (AimsObjectiveCard *self);
/* The latest value as shown, "89 %", or NULL when none. */
const char         *aims_objective_card_get_value_text  (AimsObjectiveCard *self);
/* The status words as shown, "At risk". */
const char         *aims_objective_card_get_state_text  (AimsObjectiveCard *self);
/* What a search compares with: reference, title, KPI, owner, status;
 * folded as aims_record_filter_fold() folds. */
const char         *aims_objective_card_get_search_text (AimsObjectiveCard *self);
/* The sparkline, for tests of what a screen reader hears of it. */
GtkWidget          *aims_objective_card_get_sparkline   (AimsObjectiveCard *self);

G_END_DECLS
