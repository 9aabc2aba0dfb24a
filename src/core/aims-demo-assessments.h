/* aims-demo-assessments.h — the demo organisation's impact assessments
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "aims-db.h"

G_BEGIN_DECLS

/* Adds the impact assessments of data/demo/demo-assessments.ini through the
 * functions the wizard uses: each answer saved and checked on its own, the
 * EU AI Act screening confirmed, risks linked, then submitted, approved and
 * started again as a second version as the file says, each step audited
 * under the name of the person who takes it. The people, AI systems and
 * risks of the demo must be there already. */
gboolean aims_demo_assessments_populate (AimsDb      *db,
                                         GError     **error);

G_END_DECLS
