/* aims-system-assessment-row.h — where an AI system stands with its impact
 * assessment, in the system's editor
 *
 * The assessment in force (reference, version), one in progress, when the
 * next reassessment is due (and whether that is past), with "Start Impact
 * Assessment…" (win.start-assessment) and "Open" (win.open-assessment).
 * It follows the record its editor shows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "aims-context.h"
#include "aims-record-editor.h"

G_BEGIN_DECLS

#define AIMS_TYPE_SYSTEM_ASSESSMENT_ROW (aims_system_assessment_row_get_type ())
G_DECLARE_FINAL_TYPE (AimsSystemAssessmentRow, aims_system_assessment_row, AIMS, SYSTEM_ASSESSMENT_ROW, AdwActionRow)

GtkWidget *aims_system_assessment_row_new     (AimsContext             *context,
                                               AimsRecordEditor        *editor);
/* Shows where system (NULL: none) stands, read from the database now. */
void       aims_system_assessment_row_set_system (AimsSystemAssessmentRow *self,
                                                  AimsRecord              *system);

G_END_DECLS
