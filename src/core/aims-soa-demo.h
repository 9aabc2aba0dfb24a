/* aims-soa-demo.h — the demo organisation's Statement of Applicability
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "aims-db.h"

G_BEGIN_DECLS

/* After the demo's people, systems and risks: decides its controls, links
 * its risks to them and fills its clause checklist from
 * data/demo/demo-controls.ini, through the audited writes, as author. */
gboolean aims_soa_demo_populate (AimsDb      *db,
                                 const char  *author,
                                 GError     **error);

G_END_DECLS
