/* aims-person-chooser.h — a row that chooses a person, from a list the user
 * can extend
 *
 * An AdwActionRow whose button opens a searchable list of the people on
 * file (name, with role), "Not set", and "Add Person…", which asks for a
 * name (required), a role and an email, stores the person through
 * aims_store_insert() and chooses them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "aims-context.h"

G_BEGIN_DECLS

#define AIMS_TYPE_PERSON_CHOOSER (aims_person_chooser_get_type ())
G_DECLARE_FINAL_TYPE (AimsPersonChooser, aims_person_chooser, AIMS, PERSON_CHOOSER, AdwActionRow)

GtkWidget  *aims_person_chooser_new             (AimsContext       *context);

AimsContext *aims_person_chooser_get_context    (AimsPersonChooser *self);
void        aims_person_chooser_set_context     (AimsPersonChooser *self,
                                                 AimsContext       *context);

/* The chosen person's id as text, or NULL when none. Notifies
 * "person-id" whenever it changes, by the user or by the setter. */
const char *aims_person_chooser_get_person_id   (AimsPersonChooser *self);
/* name is what the button shows; NULL looks it up in the database. */
void        aims_person_chooser_set_person      (AimsPersonChooser *self,
                                                 const char        *person_id,
                                                 const char        *name);
/* The chosen person's name, or NULL. */
const char *aims_person_chooser_get_person_name (AimsPersonChooser *self);

/* What "Add Person…" does once the dialog is filled in: stores the person
 * and chooses them. */
gboolean    aims_person_chooser_add_person      (AimsPersonChooser *self,
                                                 const char        *name,
                                                 const char        *role,
                                                 const char        *email,
                                                 GError           **error);

G_END_DECLS
