/* aims-assessment-shown.c — what the reports of impact assessments read alike
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "aims-assessment.h"
#include "aims-assessment-shown.h"
#include "aims-date.h"

const char *
aims_assessment_choice_label (AimsRecord *assessment,
                              const char *field_name)
{
  const AimsField *field = aims_entity_find_field (aims_entity_assessments (), field_name);
  const char *key = aims_record_get (assessment, field_name);
  const char *label = key != NULL && field != NULL ? aims_field_choice_label (field, key) : NULL;

  return label != NULL ? _(label) : key;
}

gboolean
aims_assessment_reassessment_overdue (AimsRecord  *assessment,
                                      const GDate *today)
{
  g_autoptr(GDate) due = NULL;

  if (aims_assessment_record_get_status (assessment) != AIMS_ASSESSMENT_APPROVED)
    return FALSE;
  due = aims_date_parse (aims_record_get (assessment, "next_review_date"));
  return due != NULL && g_date_compare (due, today) < 0;
}
