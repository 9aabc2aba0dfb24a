/* aims-demo.h — the demo organisation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "aims-db.h"

G_BEGIN_DECLS

/* Fills an empty database with the fictional organisation of the demo, through
 * the same audited writes as a user's edits. */
gboolean aims_demo_populate (AimsDb     *db,
                             GError    **error);

G_END_DECLS
