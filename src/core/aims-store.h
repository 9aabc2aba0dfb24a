/* aims-store.h — reading and writing records by the rules of DESIGN.md
 *
 * Each write is one BEGIN IMMEDIATE transaction that changes the row, bumps
 * row_version and appends its audit row.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "aims-db.h"
#include "aims-record.h"

G_BEGIN_DECLS

/* values: field name → text as a user gave it (validated and normalised
 * here). Returns the new record, or NULL with AIMS_DB_ERROR_INVALID naming the
 * field, or another AIMS_DB_ERROR. */
AimsRecord *aims_store_insert       (AimsDb           *db,
                                     const AimsEntity *entity,
                                     GHashTable       *values,
                                     const char       *author,
                                     GError          **error);

/* Changes the fields in changes. expected_version is the row_version the
 * caller read; when the row has another now, nothing is written and
 * AIMS_DB_ERROR_CONFLICT is returned. Pass -1 to update whatever version is
 * current (still one atomic write). Returns the record as stored after. */
AimsRecord *aims_store_update       (AimsDb           *db,
                                     const AimsEntity *entity,
                                     gint64            id,
                                     gint64            expected_version,
                                     GHashTable       *changes,
                                     const char       *author,
                                     GError          **error);

AimsRecord *aims_store_load         (AimsDb           *db,
                                     const AimsEntity *entity,
                                     gint64            id,
                                     GError          **error);
/* By reference ("AIS-004") or by numeric id given as text. */
AimsRecord *aims_store_find         (AimsDb           *db,
                                     const AimsEntity *entity,
                                     const char       *id_or_reference,
                                     GError          **error);
/* Every record of the entity, in the order they were made, display values filled. */
GPtrArray  *aims_store_list         (AimsDb           *db,
                                     const AimsEntity *entity,
                                     GError          **error);
/* The records of entity whose link field link_field holds id (the
 * measurements of one objective), in the order they were made. */
GPtrArray  *aims_store_list_linked  (AimsDb           *db,
                                     const AimsEntity *entity,
                                     const char       *link_field,
                                     gint64            id,
                                     GError          **error);

/* A new system with the fields of an existing one, named "… (copy)". */
AimsRecord *aims_store_duplicate    (AimsDb           *db,
                                     const AimsEntity *entity,
                                     gint64            id,
                                     const char       *author,
                                     GError          **error);
/* Sets the lifecycle stage to retired; the record stays on file. */
AimsRecord *aims_store_retire_system (AimsDb          *db,
                                      gint64           id,
                                      gint64           expected_version,
                                      const char      *author,
                                      GError         **error);

/* A record of entity by reference, id, or exact title (case-insensitive):
 * a person by name, an AI system by name. Its id as text, or NULL with
 * AIMS_DB_ERROR_INVALID (none, or several of that title). */
char       *aims_store_resolve_link   (AimsDb           *db,
                                       const AimsEntity *entity,
                                       const char       *text,
                                       GError          **error);
/* aims_store_resolve_link() for people. */
char       *aims_store_resolve_person (AimsDb         *db,
                                       const char     *text,
                                       GError        **error);

/* A value of field as a user typed it, checked and normalised as an insert
 * or update will store it: a link resolved to the id, a level (its number
 * or its label) to its number on the current risk matrix. "" for an empty
 * optional value; NULL with AIMS_DB_ERROR_INVALID naming the field. Rules
 * across fields are checked by the write itself. */
char       *aims_store_normalize_value (AimsDb          *db,
                                        const AimsField *field,
                                        const char      *value,
                                        GError         **error);

/* Who is writing, when the caller has no better name: the user's real name. */
const char *aims_default_author     (void);

G_END_DECLS
