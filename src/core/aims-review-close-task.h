/* aims-review-close-task.h — closing a management review away from the
 * window's thread
 *
 * aims_review_close() compiles every headline figure inside its write
 * transaction, so that the frozen inputs are exactly the data at the close;
 * on a large register that takes seconds. The window runs it here, in a
 * worker thread on a connection of its own, and stays usable meanwhile.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "aims-db.h"
#include "aims-record.h"

G_BEGIN_DECLS

/* aims_review_close() of review id on a connection opened with flags to the
 * file at db_path. The same refusals, with the same errors: above all
 * AIMS_DB_ERROR_CONFLICT when the review is no longer at expected_version,
 * because someone changed it while the user was deciding. */
void        aims_review_close_async  (const char          *db_path,
                                      AimsDbOpenFlags      flags,
                                      gint64               id,
                                      gint64               expected_version,
                                      const char          *author,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data);
/* The review as stored after the close. */
AimsRecord *aims_review_close_finish (GAsyncResult        *result,
                                      GError             **error);

G_END_DECLS
