/* aims-nc-whys-row.h — the five whys of a root cause analysis as five
 * entries in an expander row, read from and written to the JSON array the
 * nonconformity stores (aims_nc_five_whys_parse() / _to_json())
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* An AdwExpanderRow holding AIMS_NC_MAX_WHYS entry rows with an apply
 * button each. */
GtkWidget *aims_nc_whys_row_new           (void);
/* Shows the stored text; text that is not such an array is shown in the
 * first entry, so nothing is hidden from the user. */
void       aims_nc_whys_row_set_json      (GtkWidget  *row,
                                           const char *json);
/* What the entries hold now, as the stored text (NULL: none). */
char      *aims_nc_whys_row_dup_json      (GtkWidget  *row);
/* The entry of why number index (0-based), for tests. */
GtkWidget *aims_nc_whys_row_get_entry     (GtkWidget  *row,
                                           guint       index);
/* callback (data) runs when the user applies any entry (Enter, or its
 * apply button). */
void       aims_nc_whys_row_connect_apply (GtkWidget  *row,
                                           GCallback   callback,
                                           gpointer    data);

G_END_DECLS
