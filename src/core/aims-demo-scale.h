/* aims-demo-scale.h — a demo organisation grown to a given size
 *
 * For trying the program, its exports and its benchmarks at the size of a
 * large organisation: `aimsctl init DB --demo --scale N`.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "aims-db.h"

G_BEGIN_DECLS

/* After aims_demo_populate(): adds AI systems made from the demo's until
 * there are n_systems, and ten risks per added system made from the
 * demo's risks (other levels, the new system), in one transaction with one
 * audit row saying what was added. Refused when the database holds no
 * demo systems to copy. */
gboolean aims_demo_scale (AimsDb  *db,
                          guint    n_systems,
                          GError **error);

G_END_DECLS
