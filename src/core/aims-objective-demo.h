/* aims-objective-demo.h — the demo organisation's AI objectives
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "aims-db.h"

G_BEGIN_DECLS

/* Adds the objectives of data/demo/demo-objectives.ini, their linked AI
 * systems and a year or more of measurements, through the audited store.
 * The people and AI systems of the demo must be there already. */
gboolean aims_objective_demo_populate (AimsDb      *db,
                                       const char  *author,
                                       GError     **error);

G_END_DECLS
