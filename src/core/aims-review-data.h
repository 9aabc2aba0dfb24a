/* aims-review-data.h — what the management review reports are made of
 *
 * The workbook and the PDF pack read the same data once: the period, who
 * exports, the register, the matrix, and the headline figures, so that the
 * two can never disagree.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "aims-dashboard.h"
#include "aims-entity.h"
#include "aims-record.h"
#include "aims-review-inputs.h"
#include "aims-review-workbook.h"
#include "aims-risk.h"
#include "aims-risk-matrix.h"

G_BEGIN_DECLS

typedef struct _AimsXlsx AimsXlsx;
/* The heatmap picture being drawn in a thread (aims-review-heatmap-sheet.c). */
typedef struct _AimsReviewPicture AimsReviewPicture;

typedef struct
{
  AimsDb         *db;
  AimsXlsx       *xlsx;          /* the workbook being written, or NULL */
  char           *from;          /* ISO dates, inclusive */
  char           *to;
  char           *author;
  char           *organisation;
  char           *exported_at;   /* ISO timestamp */
  GDate          *today;
  AimsRiskMatrix *matrix;
  GPtrArray      *systems;       /* AimsRecord, every AI system */
  GPtrArray      *risks;         /* AimsRecord, every risk */
  /* The figures of every area as of the end of the period, counted from
   * the register above: the headline, the charts and "since the last
   * review" all read them, so they agree and the register is read once. */
  AimsDashboard  *dashboard;
  /* The workbook's heatmap picture, drawn while the first sheets are written. */
  AimsReviewPicture *picture;
  /* While the Objectives sheet is written: objective id → measurements. */
  GHashTable     *objective_series;
  /* The scores of the risk whose row is being written. */
  AimsRecord     *scored_risk;
  AimsRiskScores  scores;
} AimsReviewExport;

typedef struct
{
  guint systems;              /* not retired */
  guint high_risk_systems;
  guint open_risks;
  guint above_appetite;
  guint reviews_overdue;
  guint acceptances_expired;
  guint changes;              /* audit rows in the period */
} AimsReviewHeadline;

/* Reads the period (checked), the matrix and the register. On failure the
 * export holds what was read and must still be cleared. */
gboolean aims_review_export_init     (AimsReviewExport         *export,
                                      AimsDb                   *db,
                                      const AimsReviewOptions  *options,
                                      GError                  **error);
void     aims_review_export_clear    (AimsReviewExport         *export);
gboolean aims_review_headline        (AimsReviewExport         *export,
                                      AimsReviewHeadline       *figures,
                                      GError                  **error);
/* What "since the last management review" compares, for the workbook's
 * Summary and the pack's alike. */
typedef struct
{
  AimsReviewInputs *now;      /* the export's dashboard's figures */
  AimsRecord       *last;     /* the last review closed by the end of the
                                 period; NULL when there is none */
  AimsReviewInputs *then;     /* its frozen figures; NULL without last */
  GPtrArray        *actions;  /* AimsRecord, the actions decided at it;
                                 NULL without last */
  char             *about;    /* the sentence saying what is compared */
} AimsReviewSince;

gboolean aims_review_since_load      (AimsReviewExport         *export,
                                      AimsReviewSince          *since,
                                      GError                  **error);
void     aims_review_since_clear     (AimsReviewSince          *since);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (AimsReviewSince, aims_review_since_clear)


G_END_DECLS
