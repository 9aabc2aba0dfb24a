/* aims-objective-systems-row.h — the AI systems an objective concerns, in
 * the objective's editor
 *
 * A row naming the linked systems ("Credit scoring model, CV screening")
 * with a Choose button that opens the AI systems, a check box each. Each
 * check is written at once: the links are read again, the one system added
 * or removed, and the set stored with aims_objective_systems_set() (one
 * audit row), so a link another user made meanwhile stays.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "aims-context.h"

G_BEGIN_DECLS

#define AIMS_TYPE_OBJECTIVE_SYSTEMS_ROW (aims_objective_systems_row_get_type ())
G_DECLARE_FINAL_TYPE (AimsObjectiveSystemsRow, aims_objective_systems_row, AIMS, OBJECTIVE_SYSTEMS_ROW, AdwActionRow)

GtkWidget  *aims_objective_systems_row_new           (AimsContext             *context);

/* The objective whose systems are shown (0: none); reads them again. */
void        aims_objective_systems_row_set_objective (AimsObjectiveSystemsRow *self,
                                                      gint64                   objective_id);
/* The linked systems' names, "A, B", or "" (the subtitle says "None"). */
const char *aims_objective_systems_row_get_summary   (AimsObjectiveSystemsRow *self);
/* What a check box does; FALSE with error when it could not be written. */
gboolean    aims_objective_systems_row_set_linked    (AimsObjectiveSystemsRow *self,
                                                      gint64                   system_id,
                                                      gboolean                 linked,
                                                      GError                 **error);

G_END_DECLS
