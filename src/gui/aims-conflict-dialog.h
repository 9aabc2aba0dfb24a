/* aims-conflict-dialog.h — someone else changed the record being edited
 *
 * Shown when a save is refused with AIMS_DB_ERROR_CONFLICT: for each field
 * whose stored value ("theirs") differs from the user's ("mine"), both
 * values, and the choice to keep mine, take theirs, or choose field by
 * field. Nothing is written here: the caller writes the merged values with
 * the row_version of theirs, so nothing is ever overwritten silently.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "aims-core.h"

G_BEGIN_DECLS

typedef enum
{
  AIMS_CONFLICT_CANCELLED,      /* closed without choosing: nothing decided */
  AIMS_CONFLICT_KEEP_MINE,
  AIMS_CONFLICT_TAKE_THEIRS,
  AIMS_CONFLICT_FIELD_BY_FIELD,
} AimsConflictChoice;

#define AIMS_TYPE_CONFLICT_DIALOG (aims_conflict_dialog_get_type ())
G_DECLARE_FINAL_TYPE (AimsConflictDialog, aims_conflict_dialog, AIMS, CONFLICT_DIALOG, AdwMessageDialog)

/* theirs: the record as stored now; mine: the same record with the user's
 * values. The dialog compares them with aims_record_diff(). */
AimsConflictDialog *aims_conflict_dialog_new        (GtkWindow          *parent,
                                                     AimsRecord         *theirs,
                                                     AimsRecord         *mine);

AimsRecord         *aims_conflict_dialog_get_theirs (AimsConflictDialog *self);
AimsRecord         *aims_conflict_dialog_get_mine   (AimsConflictDialog *self);
/* Names of the fields that differ (element type: utf8). */
GPtrArray          *aims_conflict_dialog_get_fields (AimsConflictDialog *self);

/* After ::resolved: what the user chose, and the merged values: for every
 * field that differs, the value to keep ("" for unset). Empty when
 * cancelled. */
AimsConflictChoice  aims_conflict_dialog_get_choice (AimsConflictDialog *self);
GHashTable         *aims_conflict_dialog_get_values (AimsConflictDialog *self);

/* The field-by-field step: which value a field keeps (TRUE: mine). */
void                aims_conflict_dialog_set_keep_mine (AimsConflictDialog *self,
                                                        const char         *field,
                                                        gboolean            keep_mine);

/* Signals:
 *   "resolved" () — the user chose (or cancelled); the dialog is gone
 *                   afterwards.
 */

G_END_DECLS
