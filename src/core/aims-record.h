/* aims-record.h — one stored record of any entity, as read at one row_version
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "aims-entity.h"

G_BEGIN_DECLS

#define AIMS_TYPE_RECORD (aims_record_get_type ())
G_DECLARE_FINAL_TYPE (AimsRecord, aims_record, AIMS, RECORD, GObject)

AimsRecord       *aims_record_new             (const AimsEntity *entity);
AimsRecord       *aims_record_copy            (AimsRecord       *self);
/* The record as a write will store it, for rules across fields: a copy of
 * before with changes (field name → value, NULL: unset) applied, or for an
 * insert (before NULL) a new record of entity holding changes. */
AimsRecord       *aims_record_new_with_changes (const AimsEntity *entity,
                                               AimsRecord       *before,
                                               GHashTable       *changes);

const AimsEntity *aims_record_get_entity      (AimsRecord *self);
gint64            aims_record_get_id          (AimsRecord *self);
const char       *aims_record_get_reference   (AimsRecord *self);
gint64            aims_record_get_row_version (AimsRecord *self);
const char       *aims_record_get_created_at  (AimsRecord *self);
const char       *aims_record_get_created_by  (AimsRecord *self);
const char       *aims_record_get_updated_at  (AimsRecord *self);
const char       *aims_record_get_updated_by  (AimsRecord *self);

/* The stored value of a field, NULL when unset. Person fields hold the
 * person's id as text; aims_record_get_display() gives the name. */
const char       *aims_record_get             (AimsRecord *self,
                                               const char *field);
void              aims_record_set             (AimsRecord *self,
                                               const char *field,
                                               const char *value);
/* What a person reads for the field: a choice's label, a person's name. */
const char       *aims_record_get_display     (AimsRecord *self,
                                               const char *field);
void              aims_record_set_display     (AimsRecord *self,
                                               const char *field,
                                               const char *display);
/* The same by the field's index in the entity (entity->fields[index]), for
 * code that walks every field: no lookup by name. */
const char       *aims_record_get_nth         (AimsRecord *self,
                                               guint       index);
const char       *aims_record_get_nth_display (AimsRecord *self,
                                               guint       index);
void              aims_record_set_nth         (AimsRecord *self,
                                               guint       index,
                                               const char *value);
void              aims_record_set_nth_display (AimsRecord *self,
                                               guint       index,
                                               const char *display);
/* The record's title field, or its reference when that is empty. */
const char       *aims_record_get_title       (AimsRecord *self);

/* Names of fields whose stored value differs between a and b (same entity). */
GPtrArray        *aims_record_diff            (AimsRecord *a,
                                               AimsRecord *b);

/* Used by the store while loading. */
void              aims_record_set_meta        (AimsRecord *self,
                                               gint64      id,
                                               const char *reference,
                                               gint64      row_version,
                                               const char *created_at,
                                               const char *created_by,
                                               const char *updated_at,
                                               const char *updated_by);

/* AI system specifics, computed the same way wherever they are shown. */
gboolean          aims_system_is_retired         (AimsRecord *self);
/* TRUE when the next review date is before today and the system is not retired. */
gboolean          aims_system_is_review_overdue  (AimsRecord *self,
                                                  GDate      *today);

G_END_DECLS
