/* aims-store-private.h — the store's writes, for other writers of the core
 * that run them inside a transaction of their own
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "aims-store.h"

G_BEGIN_DECLS

/* The audited update of aims_store_update() inside the caller's write
 * transaction: normalized holds field → value as normalize gives them (NULL:
 * unset). check_rules FALSE skips the entity's rules across fields, for a
 * change the program makes to every record at once (re-scoring risks after
 * a matrix change), which must not fail on a record's other fields. */
AimsRecord *aims_store_update_in_transaction (AimsDb            *db,
                                              const AimsEntity  *entity,
                                              gint64             id,
                                              gint64             expected_version,
                                              GHashTable        *normalized,
                                              const char        *author,
                                              const char        *action,
                                              gboolean           check_rules,
                                              GError           **error);

/* The changes of an update (field → text as a user typed it) checked and
 * normalised as aims_store_update() does before its transaction: field →
 * value, NULL for an emptied field; NULL with AIMS_DB_ERROR_INVALID for an
 * unknown, read-only, invalid or emptied required field. */
GHashTable *aims_store_normalize_changes     (AimsDb            *db,
                                              const AimsEntity  *entity,
                                              GHashTable        *changes,
                                              GError           **error);

/* The AIMS_DB_ERROR_CONFLICT of an update expecting expected_version of a
 * record that is now current, for writers that check it themselves. */
void        aims_store_set_conflict_error    (AimsRecord        *current,
                                              gint64             expected_version,
                                              GError           **error);

/* The audited insert of aims_store_insert() inside the caller's write
 * transaction (an import writes many in one): normalized as
 * aims_store_normalize_changes() gives them, required fields present. */
AimsRecord *aims_store_insert_in_transaction (AimsDb            *db,
                                              const AimsEntity  *entity,
                                              GHashTable        *normalized,
                                              const char        *author,
                                              const char        *action,
                                              GError           **error);

/* The record as its audit rows hold it: a JSON object of reference,
 * row_version and every field. */
char       *aims_store_record_to_json        (AimsRecord        *record);

G_END_DECLS
