/* aims-assessment-impact.h — the impacts rated in an assessment, on the
 * organisation's risk matrix
 *
 * An impact area is a page of the template that asks a likelihood and an
 * impact (severity) question; in the default template the nine areas of
 * step 3, each with "relevant", "likelihood" and "severity". Its rating is
 * the matrix's cell of the two levels (aims_risk_matrix_cell()), so the
 * score, band and colour are those of the risk register. The overall impact
 * level of an assessment is the highest band of its relevant areas; an area
 * is rated high when its band is above the organisation's risk appetite.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "aims-assessment.h"
#include "aims-heatmap.h"

G_BEGIN_DECLS

typedef struct
{
  const AimsTemplateSection *section;  /* the area's page */
  gboolean                   relevant; /* not answered "no" to "relevant" */
  guint                      likelihood; /* 1..size of the current matrix; 0: not rated */
  guint                      impact;
  guint                      score;    /* 0 when not rated */
  int                        band;     /* index into the matrix's bands; -1 when not rated */
  gboolean                   high;     /* the band is above the risk appetite */
} AimsImpactRating;

/* One rating per impact area of the template, in the template's order. */
GArray     *aims_assessment_impact_ratings   (AimsAssessment          *self);
/* The index of the highest band of the relevant areas rated, or -1 when
 * none is; worst (may be NULL) gets the area's rating. */
int         aims_assessment_overall_band     (AimsAssessment          *self,
                                              AimsImpactRating        *worst);
/* That band's name, or NULL. */
char       *aims_assessment_overall_level    (AimsAssessment          *self);
/* The relevant areas rated, counted into the cells of a heatmap (the
 * renderer of aims-heatmap.h draws them). */
void        aims_assessment_heatmap_counts   (AimsAssessment          *self,
                                              AimsHeatmapCounts       *counts);

G_END_DECLS
