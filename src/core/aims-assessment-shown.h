/* aims-assessment-shown.h — what the reports of impact assessments (the
 * PDF, the workbook sheet, aimsctl, the dashboard) read alike
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "aims-record.h"

G_BEGIN_DECLS

/* The translated label of a choice field of an assessment record
 * ("eu_class" → "High risk"), the stored key when it has none, or NULL. */
const char *aims_assessment_choice_label          (AimsRecord  *assessment,
                                                   const char  *field_name);
/* The approved assessment in force is past its next reassessment date; a
 * draft, one in review or a superseded one never is. */
gboolean    aims_assessment_reassessment_overdue  (AimsRecord  *assessment,
                                                   const GDate *today);

G_END_DECLS
