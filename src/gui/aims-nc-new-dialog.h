/* aims-nc-new-dialog.h — "Add Nonconformity": what happened, where it was
 * found, how severe, when and by whom, and what it concerns
 *
 * A modal window with Cancel and Add in its header. The fields the
 * nonconformity needs (title, source, severity, date found) are checked
 * as they are typed by the same aims_field_normalize() the store uses,
 * and the first one missing or wrong is named under the fields, with Add
 * insensitive until it is put right. A refusal by the store (a date found
 * in the future) is shown the same way and the dialog stays open, with
 * everything typed, so nothing is lost.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "aims-context.h"

G_BEGIN_DECLS

/* Stores values (field → text as typed) and returns the new record, or
 * NULL with error. */
typedef AimsRecord *(*AimsNcNewDialogInsertFunc) (GHashTable  *values,
                                                  gpointer     data,
                                                  GError     **error);

#define AIMS_TYPE_NC_NEW_DIALOG (aims_nc_new_dialog_get_type ())
G_DECLARE_FINAL_TYPE (AimsNcNewDialog, aims_nc_new_dialog, AIMS, NC_NEW_DIALOG, AdwWindow)

/* found_by_id: the person proposed as the finder (the user), or NULL.
 * insert runs on Add; data must outlive the dialog. */
AimsNcNewDialog *aims_nc_new_dialog_new         (AimsContext               *context,
                                                 GtkWindow                 *parent,
                                                 const char                *found_by_id,
                                                 AimsNcNewDialogInsertFunc  insert,
                                                 gpointer                   data);

/* Sets a field as the user would: text for title, description, clause and
 * found_date; a choice's key or label for source and severity; a
 * record's id for found_by_id, ai_system_id, control_id and risk_id.
 * FALSE when the dialog has no such field or choice. */
gboolean         aims_nc_new_dialog_set_value   (AimsNcNewDialog           *self,
                                                 const char                *field,
                                                 const char                *value);
/* The row of a field, for tests and focus. */
GtkWidget       *aims_nc_new_dialog_get_row     (AimsNcNewDialog           *self,
                                                 const char                *field);
/* Why Add cannot be done now (what is missing, or the store's refusal),
 * or NULL. */
const char      *aims_nc_new_dialog_get_problem (AimsNcNewDialog           *self);
/* What Add does: stores the nonconformity and closes the dialog,
 * returning the new record; NULL when refused (the reason is shown and the
 * dialog stays open). */
AimsRecord      *aims_nc_new_dialog_add         (AimsNcNewDialog           *self);

G_END_DECLS
