/* aims-check.h — integrity, schema and audit chain in one report
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "aims-db.h"

G_BEGIN_DECLS

/* Runs PRAGMA integrity_check, compares the schema with what this version
 * expects, checks foreign keys, and verifies the audit chain. Appends one
 * line per problem found to problems (translated, each naming the table and
 * row concerned). Returns TRUE when nothing was found. */
gboolean aims_check_database (AimsDb     *db,
                              GPtrArray  *problems,
                              GError    **error);

G_END_DECLS
