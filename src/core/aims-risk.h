/* aims-risk.h — what a risk of the register shows beside its stored fields,
 * and the rules across its fields
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "aims-db.h"
#include "aims-record.h"
#include "aims-risk-matrix.h"

G_BEGIN_DECLS

/* One view of a risk on the matrix: before (inherent) or after (residual)
 * its treatment. */
typedef struct
{
  gboolean    assessed;    /* both levels set and inside the matrix */
  guint       likelihood;
  guint       impact;
  guint       score;       /* 0 when not assessed */
  int         band;        /* index into the matrix's bands, or -1 */
  const char *band_name;   /* owned by the matrix, NULL when not assessed */
  const char *colour;      /* "#rrggbb", owned by the matrix */
} AimsRiskRating;

typedef struct
{
  AimsRiskRating inherent;
  AimsRiskRating residual;
  /* The residual rating when assessed, else the inherent one: where the risk
   * stands now. */
  const AimsRiskRating *current;
  /* The current band is above the organisation's appetite. */
  gboolean above_appetite;
  /* The next review date is before today and the risk is not closed. */
  gboolean review_overdue;
  /* Accepted (treatment accept or status accepted) until a date before
   * today, and not closed: the risk stands out again until renewed. */
  gboolean acceptance_expired;
} AimsRiskScores;

/* Computes everything from the matrix, as the table, editor, heatmap and
 * exports show it. The strings stay owned by matrix. */
void     aims_risk_compute           (const AimsRiskMatrix *matrix,
                                      AimsRecord           *risk,
                                      GDate                *today,
                                      AimsRiskScores       *scores);

/* One view alone: what aims_risk_compute() puts in inherent or residual. */
void     aims_risk_rate              (const AimsRiskMatrix *matrix,
                                      AimsRecord           *risk,
                                      gboolean              residual,
                                      AimsRiskRating       *rating);
/* The stored levels of one view; FALSE when either is unset or outside the
 * matrix (then both are 0). */
gboolean aims_risk_get_levels        (const AimsRiskMatrix *matrix,
                                      AimsRecord           *risk,
                                      gboolean              residual,
                                      guint                *likelihood,
                                      guint                *impact);

gboolean aims_risk_is_closed         (AimsRecord           *risk);

/* For the store, inside its write transaction: the rules that span fields,
 * checked against the risk matrix stored now. before is the stored record
 * (NULL for an insert), changes maps field names to normalised values (NULL:
 * unset). Refuses with AIMS_DB_ERROR_INVALID and the reason:
 * - a level outside the matrix;
 * - a target date before today when the plan is new: on a new risk, when the
 *   date changes, or when a plan is written where there was none;
 * - accepting a risk above the appetite without who accepted it and until
 *   when. */
gboolean aims_risk_check_rules       (AimsDb               *db,
                                      AimsRecord           *before,
                                      GHashTable           *changes,
                                      GError              **error);

G_END_DECLS
