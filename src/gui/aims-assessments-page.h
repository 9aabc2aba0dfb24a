/* aims-assessments-page.h — the Impact Assessments page
 *
 * Every version of every assessment, filtered by status and AI system;
 * the one chosen shows its record (approval, EU AI Act result), every
 * answer read-only, and what can be done with it now: open it in the
 * wizard (aims-assessment-wizard.h: answering a draft, reading the
 * others), approve it or send it back with comments (by its approver), start
 * a new version of an approved one, compare two versions.
 *
 * Actions: page.start (choose the AI system and assessor), page.open,
 * page.approve, page.send-back, page.new-version, page.compare, and
 * page.filter with "status=KEY;system=ID".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "aims-record-page.h"

G_BEGIN_DECLS

#define AIMS_TYPE_ASSESSMENTS_PAGE (aims_assessments_page_get_type ())
G_DECLARE_FINAL_TYPE (AimsAssessmentsPage, aims_assessments_page, AIMS, ASSESSMENTS_PAGE, AimsRecordPage)

GtkWidget *aims_assessments_page_new          (AimsContext         *context);
/* Asks for the AI system (system_id preset when > 0) and the assessor,
 * then starts the assessment and opens the wizard. */
void       aims_assessments_page_start        (AimsAssessmentsPage *self,
                                               gint64               system_id);
/* Starts an assessment of system_id by assessor_id, selects it and opens
 * the wizard; returns the wizard, or NULL with the reason shown. */
GtkWidget *aims_assessments_page_start_with   (AimsAssessmentsPage *self,
                                               gint64               system_id,
                                               gint64               assessor_id);
/* Opens assessment id in the wizard (read-only unless a draft); returns
 * the wizard, or NULL with the reason shown. */
GtkWidget *aims_assessments_page_open         (AimsAssessmentsPage *self,
                                               gint64               id);
/* Selects id in the list, clearing the filters when they hide it. */
gboolean   aims_assessments_page_select       (AimsAssessmentsPage *self,
                                               gint64               id);

G_END_DECLS
