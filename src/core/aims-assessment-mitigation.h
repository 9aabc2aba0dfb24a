/* aims-assessment-mitigation.h — step 7 of the wizard: the impacts rated
 * high become risks of the register, or are linked to risks already there
 *
 * A link joins an assessment's impact area (a page of its template) to a
 * risk; links change only while the assessment is a draft and are copied to
 * a new version. Every link made or removed is an audit row of the
 * assessment (actions "link_risk", "unlink_risk").
 *
 * An impact area can also be linked to Annex A controls that treat it
 * (table assessment_control, data/schema/0009-assessment-controls.sql):
 * the same rules, actions "link_control" and "unlink_control", and each
 * such write also bumps the assessment's row_version.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "aims-assessment.h"

G_BEGIN_DECLS

typedef struct
{
  gint64      section_id;
  char       *section_key;   /* the impact area: "fairness" */
  AimsRecord *risk;          /* of aims_entity_risks(), display values filled */
} AimsAssessmentLink;

void        aims_assessment_link_free            (AimsAssessmentLink *link);

/* The links of an assessment, by the template's order of areas, then by
 * risk reference. */
GPtrArray  *aims_assessment_list_links           (AimsDb          *db,
                                                  gint64           assessment_id,
                                                  GError         **error);

/* The fields of a new risk for the impact rated on page section_key, as
 * aims_store_insert() takes them: title ("Fairness and non-discrimination:
 * " and the first line of what could happen), description (what could
 * happen, to whom), the AI system, a source category for the area, owner
 * (the answer to "mitigations.owner", else the system's owner, else the
 * assessor), inherent likelihood and impact from the answers, existing
 * controls (the measures in place). A page for the wizard's "new risk"
 * dialog to show before saving; NULL with AIMS_DB_ERROR_INVALID when
 * section_key is no impact area that was rated. */
GHashTable *aims_assessment_risk_values_for_impact (AimsAssessment *assessment,
                                                    const char     *section_key,
                                                    GError        **error);

/* Turns the impact rated on section_key into a new risk of the register
 * (the values above; overrides, when not NULL, replaces any of them) and
 * links it, in one transaction: the risk's audited insert through the
 * store, and the link's audit row. Returns the new risk. */
AimsRecord *aims_assessment_risk_from_impact     (AimsDb          *db,
                                                  gint64           assessment_id,
                                                  const char      *section_key,
                                                  GHashTable      *overrides,
                                                  const char      *author,
                                                  GError         **error);

/* Links an existing risk (by reference, id or exact title) to an impact
 * area of a draft; linking it twice is no change. */
gboolean    aims_assessment_link_risk            (AimsDb          *db,
                                                  gint64           assessment_id,
                                                  const char      *section_key,
                                                  const char      *risk,
                                                  const char      *author,
                                                  GError         **error);
gboolean    aims_assessment_unlink_risk          (AimsDb          *db,
                                                  gint64           assessment_id,
                                                  const char      *section_key,
                                                  gint64           risk_id,
                                                  const char      *author,
                                                  GError         **error);

/* ── Annex A controls (aims-assessment-control-link.c) ─────────────────── */

typedef struct
{
  gint64      section_id;
  char       *section_key;   /* the impact area: "fairness" */
  AimsRecord *control;       /* of aims_entity_controls(): reference "A.5.4", title */
} AimsAssessmentControlLink;

void        aims_assessment_control_link_free    (AimsAssessmentControlLink *link);

/* The control links of an assessment, by the template's order of areas,
 * then in Annex A order. */
GPtrArray  *aims_assessment_list_control_links   (AimsDb          *db,
                                                  gint64           assessment_id,
                                                  GError         **error);

/* Links the Annex A control (by reference "A.5.4", or id) to the impact
 * area section_key of a draft: one BEGIN IMMEDIATE transaction that adds
 * the link, bumps the assessment's row_version and appends the audit row.
 * Refused with AIMS_DB_ERROR_INVALID, nothing written, when the control is
 * unknown, excluded from the Statement of Applicability or already linked
 * to that area, when section_key is no impact area, or when the assessment
 * is not a draft (in review, approved or superseded). */
gboolean    aims_assessment_link_control         (AimsDb          *db,
                                                  gint64           assessment_id,
                                                  const char      *section_key,
                                                  const char      *control,
                                                  const char      *author,
                                                  GError         **error);
/* Removes that link, the same way; AIMS_DB_ERROR_INVALID when it is not
 * there or the assessment is not a draft. */
gboolean    aims_assessment_unlink_control       (AimsDb          *db,
                                                  gint64           assessment_id,
                                                  const char      *section_key,
                                                  gint64           control_id,
                                                  const char      *author,
                                                  GError         **error);

G_END_DECLS
