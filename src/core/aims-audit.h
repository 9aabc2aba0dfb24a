/* aims-audit.h — the append-only audit log and its SHA-256 chain
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "aims-db.h"

G_BEGIN_DECLS

/* Appends one row inside the caller's write transaction. before_json and
 * after_json are JSON objects or NULL. */
gboolean aims_audit_append (AimsDb     *db,
                            const char *actor,
                            const char *entity_table,
                            gint64      entity_id,
                            const char *action,
                            const char *before_json,
                            const char *after_json,
                            GError    **error);

/* Recomputes the chain. Returns TRUE when every row verifies; otherwise
 * FALSE with *first_broken_id set to the audit_log id of the first row whose
 * hash does not match (and error saying which). n_rows gets the rows read. */
gboolean aims_audit_verify (AimsDb     *db,
                            gint64     *first_broken_id,
                            gint64     *n_rows,
                            GError    **error);

G_END_DECLS
