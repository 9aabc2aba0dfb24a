/* aims-systems-page.h — the inventory of AI systems
 *
 * A searchable, sortable table of the AI systems (filters by lifecycle
 * stage and EU AI Act class; retired systems on request) beside the editor
 * of the selected one; Add, Add Risk, Duplicate and Retire in the header.
 * Actions: page.search, page.flush (AimsRecordPage), page.add,
 * page.add-risk (win.new-risk with the selected system), page.duplicate,
 * page.retire.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "aims-record-page.h"

G_BEGIN_DECLS

#define AIMS_TYPE_SYSTEMS_PAGE (aims_systems_page_get_type ())
G_DECLARE_FINAL_TYPE (AimsSystemsPage, aims_systems_page, AIMS, SYSTEMS_PAGE, AimsRecordPage)

GtkWidget *aims_systems_page_new (AimsContext *context);

G_END_DECLS
