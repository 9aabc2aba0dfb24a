/* aims-link-chooser.h — a row that chooses the record a link field points
 * to: a person (an owner, an approver) or an AI system (a risk's system)
 *
 * An AdwActionRow whose button opens a searchable list of the entity's
 * records (title, with a second line: a person's role, else the
 * reference), the "unset" entry ("Not set", "Organisation-wide"), and for
 * people "Add Person…", which asks for a name (required), a role and an
 * email, stores the person through aims_store_insert() and chooses them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "aims-context.h"

G_BEGIN_DECLS

#define AIMS_TYPE_LINK_CHOOSER (aims_link_chooser_get_type ())
G_DECLARE_FINAL_TYPE (AimsLinkChooser, aims_link_chooser, AIMS, LINK_CHOOSER, AdwActionRow)

/* entity: the records offered (aims_entity_people (), aims_entity_systems ());
 * unset_label: what no choice is called, NULL for "Not set". */
GtkWidget        *aims_link_chooser_new              (AimsContext       *context,
                                                      const AimsEntity  *entity,
                                                      const char        *unset_label);

AimsContext      *aims_link_chooser_get_context      (AimsLinkChooser   *self);
void              aims_link_chooser_set_context      (AimsLinkChooser   *self,
                                                      AimsContext       *context);
const AimsEntity *aims_link_chooser_get_entity       (AimsLinkChooser   *self);

/* The chosen record's id as text, or NULL when none. Notifies "record-id"
 * whenever it changes, by the user or by the setter. */
const char       *aims_link_chooser_get_record_id    (AimsLinkChooser   *self);
/* title is what the button shows; NULL looks it up in the database. */
void              aims_link_chooser_set_record       (AimsLinkChooser   *self,
                                                      const char        *record_id,
                                                      const char        *title);
/* The chosen record's title, or NULL. */
const char       *aims_link_chooser_get_record_title (AimsLinkChooser   *self);

/* What "Add Person…" does once the dialog is filled in (a chooser of
 * people only): stores the person and chooses them. */
gboolean          aims_link_chooser_add_person       (AimsLinkChooser   *self,
                                                      const char        *name,
                                                      const char        *role,
                                                      const char        *email,
                                                      GError           **error);

G_END_DECLS
