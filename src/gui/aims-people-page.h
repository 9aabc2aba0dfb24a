/* aims-people-page.h — the people of the organisation: owners, approvers,
 * reviewers
 *
 * The same shape as the AI systems page, simpler: a searchable table
 * (reference, name, role, email) beside the editor, and Add. Actions:
 * page.search, page.flush (AimsRecordPage), page.add.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "aims-record-page.h"

G_BEGIN_DECLS

#define AIMS_TYPE_PEOPLE_PAGE (aims_people_page_get_type ())
G_DECLARE_FINAL_TYPE (AimsPeoplePage, aims_people_page, AIMS, PEOPLE_PAGE, AimsRecordPage)

GtkWidget *aims_people_page_new (AimsContext *context);

G_END_DECLS
