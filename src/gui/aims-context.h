/* aims-context.h — what every page needs, handed down instead of globals
 *
 * One context per window: the open database (or none), the user's name as
 * the author of changes, the settings, and the watch that notices other
 * users' commits.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "aims-core.h"

G_BEGIN_DECLS

#define AIMS_TYPE_CONTEXT (aims_context_get_type ())
G_DECLARE_FINAL_TYPE (AimsContext, aims_context, AIMS, CONTEXT, GObject)

AimsContext *aims_context_new          (GSettings   *settings);

/* The open database, or NULL. Setting it notifies "db". */
AimsDb      *aims_context_get_db       (AimsContext *self);
void         aims_context_set_db       (AimsContext *self,
                                        AimsDb      *db);
GSettings   *aims_context_get_settings (AimsContext *self);
/* The name recorded as created_by/updated_by: the "author-name" setting,
 * or the account's real name when that is empty. */
const char  *aims_context_get_author   (AimsContext *self);

/* TRUE while the window is narrow and shows either its sidebar or one page
 * (AdwLeaflet:folded, mirrored here by the window): pages bind their back
 * button's "visible" to it. Notifies "folded". */
gboolean     aims_context_get_folded   (AimsContext *self);
void         aims_context_set_folded   (AimsContext *self,
                                        gboolean     folded);

/* Properties: "settings" (construct-only, may be NULL in tests), "db",
 * "author", "folded".
 *
 * Signals:
 *   "data-changed" ()  — another connection committed to the open database
 *                         (emitted from the main loop, within ~1 s), or this
 *                         program wrote through another page;
 *   notify::db         — a database was opened, replaced or closed.
 * Pages reload what they show on either. While a database is open the
 * context polls it with an AimsDbWatch every second. */
void         aims_context_emit_data_changed (AimsContext *self);

/* The organisation's risk matrix as stored in the open database (the
 * default one when none is open), read again after "data-changed" or a new
 * database. Owned by the context; valid until the next of those. */
const AimsRiskMatrix *aims_context_get_risk_matrix (AimsContext *self);

G_END_DECLS
