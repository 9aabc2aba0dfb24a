/* aims-nc-whys-row.h — the five whys of a root cause analysis as five
 * entries in an expander row, read from and written to the JSON array the
 * nonconformity stores (aims_nc_five_whys_parse() / _to_json())
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* An AdwExpanderRow holding AIMS_NC_MAX_WHYS entry rows. What is typed is
 * saved (the apply func runs) after a pause in typing, when an entry loses
 * the focus, and on Enter or an entry's apply button. */
GtkWidget *aims_nc_whys_row_new           (void);
/* Shows the stored text; text that is not such an array is shown in the
 * first entry, so nothing is hidden from the user. What is typed and not
 * saved yet is left as it is. */
void       aims_nc_whys_row_set_json      (GtkWidget  *row,
                                           const char *json);
/* What the entries hold now, as the stored text (NULL: none). */
char      *aims_nc_whys_row_dup_json      (GtkWidget  *row);
/* The entry of why number index (0-based), for tests. */
GtkWidget *aims_nc_whys_row_get_entry     (GtkWidget  *row,
                                           guint       index);
/* apply (data) saves what aims_nc_whys_row_dup_json() holds. */
void       aims_nc_whys_row_set_apply_func (GtkWidget  *row,
                                            void      (*apply) (gpointer data),
                                            gpointer    data);
/* Typed and not saved yet. */
gboolean   aims_nc_whys_row_has_pending   (GtkWidget  *row);
/* Saves now what is pending; nothing when nothing is. */
void       aims_nc_whys_row_flush         (GtkWidget  *row);

G_END_DECLS
