/* aims-nc-board.h — nonconformities as cards in one column per state of
 * the clause 10.2 workflow
 *
 * Each card shows the reference, the title, the severity and how many of
 * its corrective actions are overdue; its "Move to" menu offers the states
 * that may follow the card's own, the ones the guards refuse now greyed
 * out with the refusal beneath (aims_nc_workflow_moves()). The board
 * writes nothing: it emits "move-requested" and the page moves the card
 * through aims_nc_transition().
 *
 * Signals:
 *   "move-requested" (gint64 id, guint target) — an AimsNcState;
 *   "card-activated" (gint64 id) — the card was opened.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "aims-core.h"

G_BEGIN_DECLS

#define AIMS_TYPE_NC_BOARD (aims_nc_board_get_type ())
G_DECLARE_FINAL_TYPE (AimsNcBoard, aims_nc_board, AIMS, NC_BOARD, GtkWidget)

GtkWidget *aims_nc_board_new        (void);
/* Shows records (AimsRecord items of nonconformities) with their actions
 * (aims_nc_load_actions_by_nc(); may be NULL). */
void       aims_nc_board_set_records (AimsNcBoard *self,
                                      GListModel  *records,
                                      GHashTable  *actions_by_nc);
/* How many cards the column of state holds. */
guint      aims_nc_board_get_n_cards (AimsNcBoard *self,
                                      AimsNcState  state);
/* The card of nonconformity id, or NULL. */
GtkWidget *aims_nc_board_get_card    (AimsNcBoard *self,
                                      gint64       id);

G_END_DECLS
