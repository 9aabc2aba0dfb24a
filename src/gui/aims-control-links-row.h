/* aims-control-links-row.h — the Annex A controls a risk relies on, in the
 * risk's editor
 *
 * A row that names the linked controls by reference ("A.6.2.4, A.7.4") and
 * opens a searchable list of the 38 controls with a check box each.
 * Checking or unchecking one is saved at once through
 * aims_risk_controls_change(), which adds or removes that link alone, so two
 * people linking different controls to one risk both keep theirs. Controls
 * excluded from the Statement of Applicability cannot be linked, and say so.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "aims-context.h"

G_BEGIN_DECLS

#define AIMS_TYPE_CONTROL_LINKS_ROW (aims_control_links_row_get_type ())
G_DECLARE_FINAL_TYPE (AimsControlLinksRow, aims_control_links_row, AIMS, CONTROL_LINKS_ROW, AdwActionRow)

GtkWidget *aims_control_links_row_new       (AimsContext         *context);

/* The risk whose links are shown (0: none); reads them again. */
void       aims_control_links_row_set_risk  (AimsControlLinksRow *self,
                                             gint64               risk_id);
/* The linked controls' references, "A.6.2.4, A.7.4", or "" (the subtitle). */
const char *aims_control_links_row_get_summary (AimsControlLinksRow *self);
/* What a check box does: links or unlinks the control with that
 * reference; FALSE with error when refused (an excluded control). */
gboolean   aims_control_links_row_set_linked (AimsControlLinksRow *self,
                                              const char          *reference,
                                              gboolean             linked,
                                              GError             **error);

G_END_DECLS
