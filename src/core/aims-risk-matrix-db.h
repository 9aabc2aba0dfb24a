/* aims-risk-matrix-db.h — the organisation's risk matrix as stored, and
 * re-scoring the register when it changes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "aims-db.h"
#include "aims-risk-matrix.h"

G_BEGIN_DECLS

/* The stored matrix (the default one when the database holds none), or NULL
 * with AIMS_DB_ERROR_CORRUPT when what is stored cannot be read or used. */
AimsRiskMatrix *aims_risk_matrix_load              (AimsDb                *db,
                                                    GError               **error);

/* Saves matrix as the organisation's matrix and, when its size differs from
 * the stored one, maps every risk's levels onto the new scale with
 * aims_risk_matrix_map_level(), all in one BEGIN IMMEDIATE transaction with
 * an audit row for the matrix and one for each risk changed. expected_version
 * is the row_version the caller read (-1: any); when the matrix changed
 * since, nothing is written and AIMS_DB_ERROR_CONFLICT is returned. An
 * invalid matrix is refused with AIMS_DB_ERROR_INVALID and the reason.
 * Returns the matrix as stored after. */
AimsRiskMatrix *aims_risk_matrix_save_and_rescore  (AimsDb                *db,
                                                    const AimsRiskMatrix  *matrix,
                                                    gint64                 expected_version,
                                                    const char            *author,
                                                    GError               **error);

/* Risks of one cell that a matrix change sends elsewhere or into another
 * band. */
typedef struct
{
  gboolean residual;        /* the residual levels, else the inherent ones */
  guint    old_likelihood;
  guint    old_impact;
  guint    new_likelihood;
  guint    new_impact;
  int      old_band;        /* index into the stored matrix's bands */
  int      new_band;        /* index into the new matrix's bands */
  guint    n_risks;
} AimsRescoreMove;

typedef struct
{
  guint   n_risks;          /* in the register */
  guint   n_moved;          /* whose levels change */
  guint   n_band_changed;   /* whose inherent or residual band is another one */
  GArray *moves;            /* AimsRescoreMove, by view, then old cell */
} AimsRescorePreview;

/* What aims_risk_matrix_save_and_rescore() would do to the register, for
 * the user to see and confirm first. Writes nothing. */
AimsRescorePreview *aims_risk_matrix_preview_rescore (AimsDb               *db,
                                                      const AimsRiskMatrix *matrix,
                                                      GError              **error);
void            aims_rescore_preview_free          (AimsRescorePreview    *preview);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AimsRescorePreview, aims_rescore_preview_free)

G_END_DECLS
