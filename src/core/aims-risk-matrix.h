/* aims-risk-matrix.h — the one configuration that computes every risk score,
 * band and colour
 *
 * A risk sits in a cell of a size × size grid: likelihood 1..size on one
 * axis, impact 1..size on the other. Its score is likelihood × impact; the
 * score falls in exactly one band (Low, Medium, …), which gives its name and
 * colour. The table, the editor, the heatmap and the exports all ask
 * aims_risk_matrix_cell(), so score and colour can never disagree.
 *
 * Storage (load, save, re-scoring the register) is in aims-risk-matrix-db.h.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define AIMS_RISK_MATRIX_MIN_SIZE 3
#define AIMS_RISK_MATRIX_MAX_SIZE 6
/* In characters. */
#define AIMS_RISK_MATRIX_LABEL_MAX_LENGTH 40

typedef enum
{
  AIMS_RISK_AXIS_LIKELIHOOD = 1,
  AIMS_RISK_AXIS_IMPACT,
} AimsRiskAxis;

typedef struct
{
  char  *name;       /* "High" */
  guint  min_score;  /* the band holds the scores min_score..max_score */
  guint  max_score;
  char  *colour;     /* "#rrggbb" */
} AimsRiskBand;

typedef struct
{
  guint    size;               /* 3..6 */
  char   **likelihood_labels;  /* size labels, level 1 first, NULL-terminated */
  char   **impact_labels;      /* size labels, level 1 first, NULL-terminated */
  GArray  *bands;              /* AimsRiskBand, lowest scores first */
  char    *appetite_band;      /* the highest band the organisation accepts */

  /* As stored; row_version 0 for a matrix that was never saved. */
  gint64   row_version;
  char    *updated_at;
  char    *updated_by;
} AimsRiskMatrix;

#define AIMS_TYPE_RISK_MATRIX (aims_risk_matrix_get_type ())

GType           aims_risk_matrix_get_type        (void) G_GNUC_CONST;

/* A matrix of size without labels, bands or appetite, to build by hand;
 * invalid until they are set. */
AimsRiskMatrix *aims_risk_matrix_new             (guint                 size);
/* 5×5: likelihood Rare … Almost certain, impact Negligible … Severe, bands
 * Low, Medium, High, Critical, appetite Medium. */
AimsRiskMatrix *aims_risk_matrix_new_default     (void);
/* The default labels and bands for a size of 3..6. */
AimsRiskMatrix *aims_risk_matrix_new_for_size    (guint                 size);
AimsRiskMatrix *aims_risk_matrix_copy            (const AimsRiskMatrix *self);
void            aims_risk_matrix_free            (AimsRiskMatrix       *self);
/* The same configuration (row_version and who saved it aside). */
gboolean        aims_risk_matrix_equal           (const AimsRiskMatrix *a,
                                                  const AimsRiskMatrix *b);

/* Appends a band; for building a matrix by hand. */
void            aims_risk_matrix_add_band        (AimsRiskMatrix       *self,
                                                  const char           *name,
                                                  guint                 min_score,
                                                  guint                 max_score,
                                                  const char           *colour);
/* Changes the size, for an editor: the labels become the default ones of
 * the new size and the band boundaries are scaled to the new scores, so the
 * result is valid when the matrix was. */
void            aims_risk_matrix_set_size        (AimsRiskMatrix       *self,
                                                  guint                 size);

/* TRUE when the matrix can be used; otherwise FALSE with
 * AIMS_DB_ERROR_INVALID and the reason: a size outside 3..6, a label
 * missing, empty, too long or repeated, a band without a name or colour,
 * scores in no band (a gap) or in two (an overlap), an appetite that is no
 * band. */
gboolean        aims_risk_matrix_validate        (const AimsRiskMatrix *self,
                                                  GError              **error);

/* likelihood × impact; 0 when a level is outside 1..size. */
guint           aims_risk_matrix_score           (const AimsRiskMatrix *self,
                                                  guint                 likelihood,
                                                  guint                 impact);
/* The index in bands of the band holding score, or -1. */
int             aims_risk_matrix_band_for_score  (const AimsRiskMatrix *self,
                                                  guint                 score);
/* The one function everything asks: the score and band index of a cell.
 * FALSE (score 0, band -1) when a level is outside the matrix. */
gboolean        aims_risk_matrix_cell            (const AimsRiskMatrix *self,
                                                  guint                 likelihood,
                                                  guint                 impact,
                                                  guint                *score,
                                                  int                  *band);
/* NULL when index is out of range. */
const AimsRiskBand *aims_risk_matrix_get_band    (const AimsRiskMatrix *self,
                                                  int                   index);
/* The appetite band's index, or -1 when it names no band. */
int             aims_risk_matrix_appetite_index  (const AimsRiskMatrix *self);
/* TRUE when band is above the appetite band. */
gboolean        aims_risk_matrix_band_above_appetite (const AimsRiskMatrix *self,
                                                      int                   band);
gboolean        aims_risk_matrix_above_appetite  (const AimsRiskMatrix *self,
                                                  guint                 likelihood,
                                                  guint                 impact);

/* The label of a level (1..size), or NULL. */
const char     *aims_risk_matrix_level_label     (const AimsRiskMatrix *self,
                                                  AimsRiskAxis          axis,
                                                  guint                 level);
/* A level given as its number or its label (any case); 0 when neither. */
guint           aims_risk_matrix_level_from_text (const AimsRiskMatrix *self,
                                                  AimsRiskAxis          axis,
                                                  const char           *text);
/* "Likelihood", "Impact" (translated). */
const char     *aims_risk_axis_title             (AimsRiskAxis          axis);

/* Where level of a scale of old_size lies on a scale of new_size, in
 * proportion: level sits (level - 1) / (old_size - 1) of the way from the
 * lowest level to the highest, and goes to the new level nearest that point
 * (the higher one when two are as near, so that a change never understates
 * a risk). The lowest and highest levels stay lowest and highest, order is
 * kept, and the same size maps every level to itself. 5 → 3: 1→1, 2→2,
 * 3→2, 4→3, 5→3; 3 → 5: 1→1, 2→3, 3→5. 0 when level is outside 1..old_size. */
guint           aims_risk_matrix_map_level       (guint                 old_size,
                                                  guint                 new_size,
                                                  guint                 level);

/* "#rrggbb" → red, green, blue in 0..1; FALSE when colour is not that form. */
gboolean        aims_risk_colour_parse           (const char           *colour,
                                                  double               *red,
                                                  double               *green,
                                                  double               *blue);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AimsRiskMatrix, aims_risk_matrix_free)

G_END_DECLS
