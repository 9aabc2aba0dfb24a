/* aims-demo.h — the demo organisation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "aims-db.h"
#include "aims-entity.h"

G_BEGIN_DECLS

/* Fills an empty database with the fictional organisation of the demo, through
 * the same audited writes as a user's edits. */
gboolean aims_demo_populate (AimsDb     *db,
                             GError    **error);

/* A date of a demo file: "today+30" or "today-5" (days from the day the demo
 * is made) as an ISO date; any other value as it is. */
char    *aims_demo_resolve_date (const char *value);

/* The demo file bundled at resource ("/io/github/aimsdesk/AimsDesk/demo/…"). */
GKeyFile   *aims_demo_load_file    (const char  *resource,
                                    GError     **error);

/* The keys of one group of a demo file, field → value, with the dates
 * resolved by aims_demo_resolve_date(). */
GHashTable *aims_demo_group_values (GKeyFile    *keyfile,
                                    const char  *group,
                                    GError     **error);

/* Inserts every group of keyfile whose name starts with prefix as a record
 * of entity, through the audited store, as the demo's author. */
gboolean    aims_demo_insert_records (AimsDb            *db,
                                      GKeyFile          *keyfile,
                                      const char        *prefix,
                                      const AimsEntity  *entity,
                                      GError           **error);

G_END_DECLS
