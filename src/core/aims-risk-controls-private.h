/* aims-risk-controls-private.h — link changes for other writers of the core,
 * inside a write transaction of their own
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "aims-risk-controls.h"

G_BEGIN_DECLS

/* Removes every link to control_id, with one audit row per risk. */
gboolean aims_control_unlink_risks_in_transaction (AimsDb      *db,
                                                   gint64       control_id,
                                                   const char  *author,
                                                   GError     **error);

/* "RSK-003 Title, RSK-010 Title": the risks of ids (gint64), for messages. */
char    *aims_risks_describe                      (AimsDb      *db,
                                                   GArray      *risk_ids,
                                                   GError     **error);

G_END_DECLS
