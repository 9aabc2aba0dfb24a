/* aims-assessment-compare.h — two versions of an impact assessment side by
 * side, answer by answer
 *
 * Both are chosen among the versions of the same AI system's assessments;
 * aims_assessment_compare() gives the rows, each marked changed, added or
 * removed (the earlier answer struck through, the later one beside it), and
 * unchanged answers on request.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "aims-context.h"

G_BEGIN_DECLS

#define AIMS_TYPE_ASSESSMENT_COMPARE (aims_assessment_compare_get_type ())
G_DECLARE_FINAL_TYPE (AimsAssessmentCompare, aims_assessment_compare, AIMS, ASSESSMENT_COMPARE, AdwWindow)

/* Compares version a (the earlier) with b; NULL with the reason when
 * either cannot be read. */
GtkWidget *aims_assessment_compare_new           (GtkWindow             *parent,
                                                  AimsContext           *context,
                                                  gint64                 a_id,
                                                  gint64                 b_id,
                                                  GError               **error);
/* How many rows are shown (changes, and unchanged ones when asked). */
guint      aims_assessment_compare_get_n_rows    (AimsAssessmentCompare *self);
void       aims_assessment_compare_set_show_same (AimsAssessmentCompare *self,
                                                  gboolean               show_same);

G_END_DECLS
