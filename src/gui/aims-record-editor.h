/* aims-record-editor.h — one record of any entity, edited field by field
 *
 * Built from the entity's field table: one AdwPreferencesGroup per field
 * group, the fields in table order, each as the row its type calls for.
 * Every edit is written at once, one field at a time, with the row_version
 * the field was read at: text after a pause in typing, on Enter and when
 * the field loses focus; choices, dates, people and switches when they
 * change. Invalid values are refused at the field and never written; a
 * conflict opens AimsConflictDialog; a busy database is retried while the
 * editor says it is waiting; a read-only one makes the editor insensitive.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "aims-context.h"

G_BEGIN_DECLS

#define AIMS_TYPE_RECORD_EDITOR (aims_record_editor_get_type ())
G_DECLARE_FINAL_TYPE (AimsRecordEditor, aims_record_editor, AIMS, RECORD_EDITOR, GtkWidget)

GtkWidget        *aims_record_editor_new           (AimsContext      *context,
                                                    const AimsEntity *entity);

const AimsEntity *aims_record_editor_get_entity    (AimsRecordEditor *self);
AimsContext      *aims_record_editor_get_context   (AimsRecordEditor *self);

/* The record as last read or written, or NULL. */
AimsRecord       *aims_record_editor_get_record    (AimsRecordEditor *self);
/* Shows record (a copy is kept), or nothing. Edits still pending on the
 * record shown before are written first. */
void              aims_record_editor_set_record    (AimsRecordEditor *self,
                                                    AimsRecord       *record);
/* The stored record changed (another user, another page): see the rule in
 * aims-record-editor.c — fields being edited are left alone. */
void              aims_record_editor_refresh       (AimsRecordEditor *self,
                                                    AimsRecord       *stored);

/* TRUE while some field holds a value not written yet. */
gboolean          aims_record_editor_has_pending   (AimsRecordEditor *self);
/* Writes pending edits now; conflicts open the dialog, a busy database is
 * retried later. */
void              aims_record_editor_save_pending  (AimsRecordEditor *self);
/* Writes pending edits before returning, asking the user about conflicts
 * and telling them about what cannot be written, which is then dropped:
 * afterwards nothing is pending. What "page.flush" does. */
void              aims_record_editor_flush         (AimsRecordEditor *self);

/* Moves the keyboard focus to a field, its text selected. */
void              aims_record_editor_focus_field   (AimsRecordEditor *self,
                                                    const char       *field);
/* The row that edits a field (for tests and focus). */
GtkWidget        *aims_record_editor_get_field_row (AimsRecordEditor *self,
                                                    const char       *field);
/* The message shown above the fields ("Waiting for the database…", or why
 * the database is read-only), or NULL. Notifies "status". */
const char       *aims_record_editor_get_status    (AimsRecordEditor *self);

/* What the editor shows when no record is chosen. */
void              aims_record_editor_set_placeholder (AimsRecordEditor *self,
                                                      const char       *title,
                                                      const char       *description);

/* What the field's widget holds now, saved or not, as text: a choice's
 * key, a link's id, a level's number; "" when unset. */
char             *aims_record_editor_dup_field_text (AimsRecordEditor *self,
                                                     const char       *field);
/* Appends a row of the page's own (a computed score, a list of links) to
 * the editor's group with that key. */
void              aims_record_editor_add_row       (AimsRecordEditor *self,
                                                    const char       *group,
                                                    GtkWidget        *row);

/* A row showing a value as selectable text under its title, nothing to
 * click: how the editor shows read-only fields. *value_label gets the label
 * to set the value in. */
GtkWidget        *aims_record_editor_new_text_row  (const char       *title,
                                                    GtkWidget       **value_label);

/* Loads the stylesheet of the record widgets once per display. */
void              aims_records_ensure_style        (void);

/* Signals:
 *   "saved" (AimsRecord *record) — a field was written; record is the row
 *                                  as stored now.
 *   "field-changed" (const char *field) — the user changed what a field's
 *                                  widget holds, before it is saved:
 *                                  computed rows follow it live.
 */

G_END_DECLS
