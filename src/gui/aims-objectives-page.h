/* aims-objectives-page.h — the AI objectives and where they stand
 *
 * One card per objective (AimsObjectiveCard) with the status the core
 * computes, filtered by a search and by status with buttons that count each
 * status; a card opens the objective (AimsObjectiveDetail) in the same page,
 * whose header then switches between its progress and its fields and has a
 * button back to all objectives. Add Objective in the header.
 *
 * Actions (see aims-pages.h): page.search, page.flush, page.filter
 * ("state=on_track", any key of aims_objective_state_key(); anything else
 * shows all), page.add, page.open (x: an objective's id),
 * page.show-cards.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "aims-context.h"
#include "aims-objective-card.h"
#include "aims-objective-detail.h"

G_BEGIN_DECLS

#define AIMS_TYPE_OBJECTIVES_PAGE (aims_objectives_page_get_type ())
G_DECLARE_FINAL_TYPE (AimsObjectivesPage, aims_objectives_page, AIMS, OBJECTIVES_PAGE, GtkWidget)

GtkWidget           *aims_objectives_page_new         (AimsContext        *context);

/* Reads the objectives and their measurements again. */
void                 aims_objectives_page_reload      (AimsObjectivesPage *self);

/* Every card, shown or filtered out, in the order shown. */
GPtrArray           *aims_objectives_page_get_cards   (AimsObjectivesPage *self);
/* The card of the objective with this id, or NULL. */
AimsObjectiveCard   *aims_objectives_page_get_card    (AimsObjectivesPage *self,
                                                       gint64              id);
/* TRUE when the card passes the search and the status filter. */
gboolean             aims_objectives_page_card_shown  (AimsObjectivesPage *self,
                                                       AimsObjectiveCard  *card);
guint                aims_objectives_page_get_n_shown (AimsObjectivesPage *self);

/* Opens the objective with this id (what a card's click does); FALSE when
 * there is none. */
gboolean             aims_objectives_page_open        (AimsObjectivesPage *self,
                                                       gint64              id);
/* TRUE while an objective is open rather than the cards. */
gboolean             aims_objectives_page_is_open     (AimsObjectivesPage *self);
AimsObjectiveDetail *aims_objectives_page_get_detail  (AimsObjectivesPage *self);

G_END_DECLS
