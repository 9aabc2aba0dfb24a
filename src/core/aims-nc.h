/* aims-nc.h — nonconformities and corrective actions in the database: the
 * guarded transition, the rules the store checks, and the queries the
 * pages and aimsctl show (actions, overdue, similar nonconformities)
 *
 * The records themselves are read and written with aims-store.h
 * (aims_entity_nonconformities(), aims_entity_actions()), except the state,
 * which only aims_nc_transition() writes. The history of a nonconformity is
 * in aims-nc-timeline.h.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "aims-db.h"
#include "aims-nc-entity.h"
#include "aims-nc-workflow.h"
#include "aims-record.h"

G_BEGIN_DECLS

/* Moves nonconformity id to target as one audited write: in one BEGIN
 * IMMEDIATE transaction it reads the record and its actions, checks the
 * step with aims_nc_workflow_check(), writes the state with changes (field
 * → value as a user typed them, as for aims_store_update(); may be NULL)
 * and bumps row_version, and appends one audit row (action "transition")
 * whose before and after hold the state and every field changed.
 *
 * changes carry what the step records: the reason of a rejection or a
 * reopening (which must be given here, new, every time: see
 * aims_nc_state_reason_field()), the effectiveness check with the step to
 * effectiveness_verified, and so on. They are checked together with the
 * step: when the step is refused, nothing is written. Reopening also clears
 * the effectiveness check, which the new round of actions needs anew.
 *
 * expected_version is the row_version the caller read, or -1 for whatever
 * is current. Errors: AIMS_DB_ERROR_CONFLICT when the record changed since
 * (nothing written); AIMS_DB_ERROR_INVALID with the guard's refusal in
 * words, or a value refused as by aims_store_update(); AIMS_DB_ERROR_MISSING
 * when there is no such nonconformity. Returns the record as stored after. */
AimsRecord *aims_nc_transition          (AimsDb       *db,
                                         gint64        id,
                                         gint64        expected_version,
                                         AimsNcState   target,
                                         GHashTable   *changes,
                                         const char   *author,
                                         GError      **error);

/* The corrective actions of nonconformity id, in the order they were made. */
GPtrArray  *aims_nc_list_actions        (AimsDb       *db,
                                         gint64        id,
                                         GError      **error);

/* Every corrective action, grouped: nonconformity id (a gint64 key, use
 * g_int64_hash) → GPtrArray of its action records. Only nonconformities
 * with actions have an entry. For lists that show counts of open and
 * overdue actions beside each nonconformity (aims_actions_count()). */
GHashTable *aims_nc_load_actions_by_nc  (AimsDb       *db,
                                         GError      **error);
/* The actions of one nonconformity from such a table; NULL for none. */
GPtrArray  *aims_nc_actions_lookup      (GHashTable   *actions_by_nc,
                                         gint64        id);

/* Every open corrective action whose due date is before today, oldest due
 * date first, across all nonconformities. */
GPtrArray  *aims_nc_list_overdue_actions (AimsDb      *db,
                                          const GDate *today,
                                          GError     **error);

/* What two nonconformities have in common. */
typedef enum
{
  AIMS_NC_SIMILAR_NONE    = 0,
  AIMS_NC_SIMILAR_SYSTEM  = 1 << 0,  /* the same AI system */
  AIMS_NC_SIMILAR_CONTROL = 1 << 1,  /* the same Annex A control */
  AIMS_NC_SIMILAR_CAUSE   = 1 << 2,  /* the same cause category */
} AimsNcSimilarity;

AimsNcSimilarity aims_nc_similarity     (AimsRecord   *a,
                                         AimsRecord   *b);
/* The other nonconformities with the same AI system, Annex A control or
 * cause category as nonconformity id, whatever their state: those with the
 * most in common first, then the most recently found. Empty when id has
 * none of the three set. */
GPtrArray  *aims_nc_list_similar        (AimsDb       *db,
                                         gint64        id,
                                         GError      **error);

/* The five whys as stored (a JSON array of strings) → a NULL-terminated
 * array of the answers, or NULL with AIMS_DB_ERROR_INVALID when the text
 * is not such an array. NULL or "" gives an empty array. */
GStrv       aims_nc_five_whys_parse     (const char   *json,
                                         GError      **error);
/* The answers (NULL-terminated; empty ones are left out) → the stored
 * JSON text, or NULL when there are none. */
char       *aims_nc_five_whys_to_json   (const char *const *whys);

/* For the store, inside its write transaction (before: the stored record,
 * NULL for an insert; changes: field → normalised value, NULL unsets).
 * A nonconformity: found on a day not after today, and not after any of its
 * actions' due dates; the five whys a JSON array of at most
 * AIMS_NC_MAX_WHYS answers; and nothing that its state required emptied
 * (aims_nc_workflow_check_fields()). */
gboolean    aims_nc_check_rules         (AimsDb       *db,
                                         AimsRecord   *before,
                                         GHashTable   *changes,
                                         GError      **error);
/* A corrective action: a status (it cannot be unset); a due date and a
 * completion date not before its nonconformity was found; a completion
 * date once done; and no open action added to (or reopened on) a
 * nonconformity whose actions are implemented, or that is verified,
 * closed or rejected: it has to be reopened first, so that "implemented"
 * never stands beside an open action. */
gboolean    aims_action_check_rules     (AimsDb       *db,
                                         AimsRecord   *before,
                                         GHashTable   *changes,
                                         GError      **error);

G_END_DECLS
