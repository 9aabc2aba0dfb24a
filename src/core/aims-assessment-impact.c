/* aims-assessment-impact.c — impact ratings from the answers, scored by the
 * one function of the risk matrix
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "aims-assessment-impact.h"
#include "aims-assessment-private.h"

/* The question of section with type, or NULL. */
static const AimsQuestion *
find_typed (const AimsTemplateSection *section,
            AimsQuestionType           type)
{
  for (guint i = 0; i < section->questions->len; i++)
    {
      const AimsQuestion *question = g_ptr_array_index (section->questions, i);

      if (question->type == type)
        return question;
    }
  return NULL;
}

static void
rate (AimsAssessment            *self,
      const AimsTemplateSection *section,
      const AimsQuestion        *likelihood,
      const AimsQuestion        *impact,
      AimsImpactRating          *rating)
{
  g_autofree char *relevant_path = g_strconcat (section->key, ".relevant", NULL);

  memset (rating, 0, sizeof *rating);
  rating->section = section;
  rating->band = -1;
  rating->relevant = g_strcmp0 (aims_assessment_get_value_at (self, relevant_path), "no") != 0;
  if (!rating->relevant)
    return;
  rating->likelihood = aims_answer_level (aims_assessment_get_value (self, likelihood), self->matrix);
  rating->impact = aims_answer_level (aims_assessment_get_value (self, impact), self->matrix);
  if (!aims_risk_matrix_cell (self->matrix, rating->likelihood, rating->impact, &rating->score, &rating->band))
    {
      rating->likelihood = rating->impact = 0;
      return;
    }
  rating->high = aims_risk_matrix_band_above_appetite (self->matrix, rating->band);
}

GArray *
aims_assessment_impact_ratings (AimsAssessment *self)
{
  GArray *ratings = g_array_new (FALSE, TRUE, sizeof (AimsImpactRating));

  g_return_val_if_fail (self != NULL, ratings);

  for (guint s = 0; s < self->template->sections->len; s++)
    {
      const AimsTemplateSection *section = g_ptr_array_index (self->template->sections, s);
      const AimsQuestion *likelihood = find_typed (section, AIMS_QUESTION_LIKELIHOOD);
      const AimsQuestion *impact = find_typed (section, AIMS_QUESTION_IMPACT);
      AimsImpactRating rating;

      if (likelihood == NULL || impact == NULL)
        continue;
      rate (self, section, likelihood, impact, &rating);
      g_array_append_val (ratings, rating);
    }
  return ratings;
}

int
aims_assessment_overall_band (AimsAssessment   *self,
                              AimsImpactRating *worst)
{
  g_autoptr(GArray) ratings = aims_assessment_impact_ratings (self);
  int band = -1;

  for (guint i = 0; i < ratings->len; i++)
    {
      AimsImpactRating *rating = &g_array_index (ratings, AimsImpactRating, i);

      /* The higher band, and within one band the higher score. */
      if (rating->band > band || (rating->band == band && band >= 0 && worst != NULL && rating->score > worst->score))
        {
          band = rating->band;
          if (worst != NULL)
            *worst = *rating;
        }
    }
  return band;
}

char *
aims_assessment_overall_level (AimsAssessment *self)
{
  const AimsRiskBand *band = aims_risk_matrix_get_band (self->matrix, aims_assessment_overall_band (self, NULL));

  return band != NULL ? g_strdup (band->name) : NULL;
}

void
aims_assessment_heatmap_counts (AimsAssessment    *self,
                                AimsHeatmapCounts *counts)
{
  g_autoptr(GArray) ratings = aims_assessment_impact_ratings (self);

  memset (counts, 0, sizeof *counts);
  counts->size = self->matrix->size;
  for (guint i = 0; i < ratings->len; i++)
    {
      AimsImpactRating *rating = &g_array_index (ratings, AimsImpactRating, i);

      if (!rating->relevant)
        continue;
      if (rating->band < 0)
        {
          counts->n_unplaced++;
          continue;
        }
      counts->counts[rating->likelihood - 1][rating->impact - 1]++;
      counts->n_placed++;
    }
}
