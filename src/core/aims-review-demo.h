/* aims-review-demo.h — the demo organisation's management reviews
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "aims-db.h"

G_BEGIN_DECLS

/* Adds the reviews of data/demo/demo-review.ini through the audited core
 * functions: the last review held, with its actions, closed (so its inputs
 * are frozen from the demo as it then stands), then the tracking of its
 * actions and the records made since, and the next review as a draft. Call
 * it after every other area of the demo. */
gboolean aims_review_demo_populate (AimsDb      *db,
                                    const char  *author,
                                    GError     **error);

G_END_DECLS
