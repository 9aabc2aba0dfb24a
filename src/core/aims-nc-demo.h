/* aims-nc-demo.h — the demo organisation's nonconformities
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "aims-db.h"

G_BEGIN_DECLS

/* Adds the nonconformities of data/demo/demo-nonconformities.ini with their
 * corrective actions, and takes each through its steps with
 * aims_nc_transition(), so that the guards hold and the audit log has the
 * history of every step. The people, AI systems, risks and the Annex A
 * catalogue must be there already. */
gboolean aims_nc_demo_populate (AimsDb      *db,
                                const char  *author,
                                GError     **error);

G_END_DECLS
