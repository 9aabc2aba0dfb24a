/* aims-risk-matrix.c — the one configuration that computes every risk score,
 * band and colour
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>
#include <string.h>

#include "aims-db.h"
#include "aims-risk-matrix.h"

G_DEFINE_BOXED_TYPE (AimsRiskMatrix, aims_risk_matrix, aims_risk_matrix_copy, aims_risk_matrix_free)

/* ── Defaults ──────────────────────────────────────────────────────────── */

/* Default labels, indexed by size - AIMS_RISK_MATRIX_MIN_SIZE. They become the
 * organisation's data once saved, so they are translated when made. */
static const char *const default_likelihood[][AIMS_RISK_MATRIX_MAX_SIZE] = {
  { N_("Unlikely"), N_("Possible"), N_("Likely") },
  { N_("Unlikely"), N_("Possible"), N_("Likely"), N_("Almost certain") },
  { N_("Rare"), N_("Unlikely"), N_("Possible"), N_("Likely"), N_("Almost certain") },
  { N_("Remote"), N_("Rare"), N_("Unlikely"), N_("Possible"), N_("Likely"), N_("Almost certain") },
};

static const char *const default_impact[][AIMS_RISK_MATRIX_MAX_SIZE] = {
  { N_("Minor"), N_("Moderate"), N_("Major") },
  { N_("Minor"), N_("Moderate"), N_("Major"), N_("Severe") },
  { N_("Negligible"), N_("Minor"), N_("Moderate"), N_("Major"), N_("Severe") },
  { N_("Negligible"), N_("Minor"), N_("Moderate"), N_("Major"), N_("Severe"), N_("Catastrophic") },
};

/* GNOME palette colours saturated enough to tell apart on a light and a
 * dark background alike. */
static const struct
{
  const char *name;
  const char *colour;
} default_bands[] = {
  { N_("Low"),      "#33d17a" },
  { N_("Medium"),   "#f6d32d" },
  { N_("High"),     "#ff7800" },
  { N_("Critical"), "#e01b24" },
};

/* The lowest score of Medium, High and Critical for each size: about a fifth,
 * two fifths and two thirds of the highest score, so that Critical holds
 * only the top corner and Low the bottom one. */
static const guint default_band_starts[][G_N_ELEMENTS (default_bands) - 1] = {
  { 3, 5, 7 },     /* 3×3: 1–2, 3–4, 5–6, 7–9 */
  { 4, 7, 12 },    /* 4×4: 1–3, 4–6, 7–11, 12–16 */
  { 5, 10, 17 },   /* 5×5: 1–4, 5–9, 10–16, 17–25 */
  { 6, 12, 24 },   /* 6×6: 1–5, 6–11, 12–23, 24–36 */
};

#define DEFAULT_APPETITE 1  /* Medium */

static void
band_clear (AimsRiskBand *band)
{
  g_free (band->name);
  g_free (band->colour);
}

AimsRiskMatrix *
aims_risk_matrix_new (guint size)
{
  AimsRiskMatrix *self = g_new0 (AimsRiskMatrix, 1);

  self->size = size;
  self->bands = g_array_new (FALSE, TRUE, sizeof (AimsRiskBand));
  g_array_set_clear_func (self->bands, (GDestroyNotify) band_clear);
  return self;
}

static char **
default_labels (const char *const *labels,
                guint              size)
{
  char **strv = g_new0 (char *, size + 1);

  for (guint i = 0; i < size; i++)
    strv[i] = g_strdup (_(labels[i]));
  return strv;
}

AimsRiskMatrix *
aims_risk_matrix_new_for_size (guint size)
{
  AimsRiskMatrix *self;
  guint row;

  g_return_val_if_fail (size >= AIMS_RISK_MATRIX_MIN_SIZE && size <= AIMS_RISK_MATRIX_MAX_SIZE, NULL);

  row = size - AIMS_RISK_MATRIX_MIN_SIZE;
  self = aims_risk_matrix_new (size);
  self->likelihood_labels = default_labels (default_likelihood[row], size);
  self->impact_labels = default_labels (default_impact[row], size);
  for (guint b = 0; b < G_N_ELEMENTS (default_bands); b++)
    aims_risk_matrix_add_band (self, _(default_bands[b].name),
                               b == 0 ? 1 : default_band_starts[row][b - 1],
                               b + 1 < G_N_ELEMENTS (default_bands)
                                 ? default_band_starts[row][b] - 1 : size * size,
                               default_bands[b].colour);
  self->appetite_band = g_strdup (_(default_bands[DEFAULT_APPETITE].name));
  return self;
}

AimsRiskMatrix *
aims_risk_matrix_new_default (void)
{
  return aims_risk_matrix_new_for_size (5);
}

AimsRiskMatrix *
aims_risk_matrix_copy (const AimsRiskMatrix *self)
{
  AimsRiskMatrix *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = aims_risk_matrix_new (self->size);
  copy->likelihood_labels = g_strdupv (self->likelihood_labels);
  copy->impact_labels = g_strdupv (self->impact_labels);
  for (guint b = 0; b < self->bands->len; b++)
    {
      const AimsRiskBand *band = &g_array_index (self->bands, AimsRiskBand, b);

      aims_risk_matrix_add_band (copy, band->name, band->min_score, band->max_score, band->colour);
    }
  copy->appetite_band = g_strdup (self->appetite_band);
  copy->row_version = self->row_version;
  copy->updated_at = g_strdup (self->updated_at);
  copy->updated_by = g_strdup (self->updated_by);
  return copy;
}

void
aims_risk_matrix_free (AimsRiskMatrix *self)
{
  if (self == NULL)
    return;
  g_strfreev (self->likelihood_labels);
  g_strfreev (self->impact_labels);
  g_array_unref (self->bands);
  g_free (self->appetite_band);
  g_free (self->updated_at);
  g_free (self->updated_by);
  g_free (self);
}

static gboolean
strv_equal0 (char **a,
             char **b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return g_strv_equal ((const char *const *) a, (const char *const *) b);
}

gboolean
aims_risk_matrix_equal (const AimsRiskMatrix *a,
                        const AimsRiskMatrix *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  if (a->size != b->size || a->bands->len != b->bands->len ||
      g_strcmp0 (a->appetite_band, b->appetite_band) != 0 ||
      !strv_equal0 (a->likelihood_labels, b->likelihood_labels) ||
      !strv_equal0 (a->impact_labels, b->impact_labels))
    return FALSE;
  for (guint i = 0; i < a->bands->len; i++)
    {
      const AimsRiskBand *x = &g_array_index (a->bands, AimsRiskBand, i);
      const AimsRiskBand *y = &g_array_index (b->bands, AimsRiskBand, i);

      if (g_strcmp0 (x->name, y->name) != 0 || x->min_score != y->min_score ||
          x->max_score != y->max_score || g_ascii_strcasecmp (x->colour ? x->colour : "",
                                                              y->colour ? y->colour : "") != 0)
        return FALSE;
    }
  return TRUE;
}

void
aims_risk_matrix_add_band (AimsRiskMatrix *self,
                           const char     *name,
                           guint           min_score,
                           guint           max_score,
                           const char     *colour)
{
  AimsRiskBand band = { g_strdup (name), min_score, max_score, g_strdup (colour) };

  g_return_if_fail (self != NULL);

  g_array_append_val (self->bands, band);
}

void
aims_risk_matrix_set_size (AimsRiskMatrix *self,
                           guint           size)
{
  guint row, old_cells, new_cells, n_bands;

  g_return_if_fail (self != NULL);
  g_return_if_fail (size >= AIMS_RISK_MATRIX_MIN_SIZE && size <= AIMS_RISK_MATRIX_MAX_SIZE);

  if (size == self->size)
    return;
  row = size - AIMS_RISK_MATRIX_MIN_SIZE;
  old_cells = MAX (self->size * self->size, 1);
  new_cells = size * size;
  n_bands = self->bands->len;

  g_strfreev (self->likelihood_labels);
  g_strfreev (self->impact_labels);
  self->likelihood_labels = default_labels (default_likelihood[row], size);
  self->impact_labels = default_labels (default_impact[row], size);

  /* Each band keeps its share of the scores, and at least one score. */
  for (guint b = 0; b < n_bands; b++)
    {
      AimsRiskBand *band = &g_array_index (self->bands, AimsRiskBand, b);
      guint min = 1;

      if (b > 0)
        {
          guint previous = g_array_index (self->bands, AimsRiskBand, b - 1).min_score;

          min = (guint) ((band->min_score - 1) * (double) new_cells / old_cells + 0.5) + 1;
          min = CLAMP (min, previous + 1, new_cells - (n_bands - 1 - b));
        }
      band->min_score = min;
    }
  for (guint b = 0; b < n_bands; b++)
    {
      AimsRiskBand *band = &g_array_index (self->bands, AimsRiskBand, b);

      band->max_score = b + 1 < n_bands
        ? g_array_index (self->bands, AimsRiskBand, b + 1).min_score - 1 : new_cells;
    }
  self->size = size;
}

/* ── Validation ────────────────────────────────────────────────────────── */

static gboolean
invalid (GError     **error,
         const char  *format,
         ...) G_GNUC_PRINTF (2, 3);

static gboolean
invalid (GError     **error,
         const char  *format,
         ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error_literal (error, AIMS_DB_ERROR, AIMS_DB_ERROR_INVALID, message);
  return FALSE;
}

static gboolean
is_blank (const char *text)
{
  for (; text != NULL && *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}

static gboolean
same_text (const char *a,
           const char *b)
{
  g_autofree char *fa = g_utf8_casefold (a, -1);
  g_autofree char *fb = g_utf8_casefold (b, -1);

  return g_str_equal (fa, fb);
}

/* A name or label: present, one line, not too long. what names it. */
static gboolean
validate_name (const char  *text,
               const char  *what,
               GError     **error)
{
  if (is_blank (text))
    return invalid (error, _("%s has no name"), what);
  if (!g_utf8_validate (text, -1, NULL))
    return invalid (error, _("%s: the text is not valid UTF-8"), what);
  if (strpbrk (text, "\r\n") != NULL)
    return invalid (error, _("%s must fit on one line"), what);
  if (g_utf8_strlen (text, -1) > AIMS_RISK_MATRIX_LABEL_MAX_LENGTH)
    return invalid (error, _("%s is too long: at most %u characters"),
                    what, AIMS_RISK_MATRIX_LABEL_MAX_LENGTH);
  return TRUE;
}

static gboolean
validate_labels (const AimsRiskMatrix  *self,
                 AimsRiskAxis           axis,
                 GError               **error)
{
  char **labels = axis == AIMS_RISK_AXIS_LIKELIHOOD ? self->likelihood_labels : self->impact_labels;
  const char *title = aims_risk_axis_title (axis);
  guint n = labels != NULL ? g_strv_length (labels) : 0;

  if (n != self->size)
    /* Translators: "The matrix has 5 levels of Likelihood but 4 labels" */
    return invalid (error, _("The matrix has %u levels of %s but %u labels"), self->size, title, n);
  for (guint i = 0; i < n; i++)
    {
      /* Translators: "Likelihood level 3", the subject of a sentence */
      g_autofree char *what = g_strdup_printf (_("%s level %u"), title, i + 1);

      if (!validate_name (labels[i], what, error))
        return FALSE;
      for (guint j = 0; j < i; j++)
        if (same_text (labels[i], labels[j]))
          return invalid (error, _("%s levels %u and %u are both labelled “%s”"),
                          title, j + 1, i + 1, labels[i]);
    }
  return TRUE;
}

static gboolean
validate_band (const AimsRiskMatrix  *self,
               guint                  index,
               GError               **error)
{
  const AimsRiskBand *band = &g_array_index (self->bands, AimsRiskBand, index);
  g_autofree char *what = g_strdup_printf (_("Score band %u"), index + 1);

  if (!validate_name (band->name, what, error))
    return FALSE;
  for (guint j = 0; j < index; j++)
    if (same_text (band->name, g_array_index (self->bands, AimsRiskBand, j).name))
      return invalid (error, _("Two score bands are named “%s”"), band->name);
  if (!aims_risk_colour_parse (band->colour, NULL, NULL, NULL))
    return invalid (error, _("Band “%s”: “%s” is not a colour (use #rrggbb)"),
                    band->name, band->colour != NULL ? band->colour : "");
  if (band->min_score < 1 || band->min_score > band->max_score)
    return invalid (error, _("Band “%s” runs from %u to %u: it must hold at least one score, from 1"),
                    band->name, band->min_score, band->max_score);
  if (band->max_score > self->size * self->size)
    return invalid (error, _("Band “%s” reaches %u, but the highest score of a %u×%u matrix is %u"),
                    band->name, band->max_score, self->size, self->size, self->size * self->size);
  return TRUE;
}

static int
compare_band_starts (gconstpointer a,
                     gconstpointer b)
{
  const AimsRiskBand *x = *(const AimsRiskBand *const *) a;
  const AimsRiskBand *y = *(const AimsRiskBand *const *) b;

  if (x->min_score != y->min_score)
    return x->min_score < y->min_score ? -1 : 1;
  return x->max_score < y->max_score ? -1 : x->max_score > y->max_score;
}

/* Every score 1..size² in exactly one band, and bands listed lowest first. */
static gboolean
validate_coverage (const AimsRiskMatrix  *self,
                   GError               **error)
{
  g_autoptr(GPtrArray) sorted = g_ptr_array_new ();
  guint next = 1;  /* the lowest score not yet in a band */
  guint last = self->size * self->size;

  for (guint b = 0; b < self->bands->len; b++)
    g_ptr_array_add (sorted, &g_array_index (self->bands, AimsRiskBand, b));
  g_ptr_array_sort (sorted, compare_band_starts);

  for (guint b = 0; b < sorted->len; b++)
    {
      const AimsRiskBand *band = sorted->pdata[b];

      if (band->min_score > next)
        return invalid (error, _("Scores %u to %u are in no band"), next, band->min_score - 1);
      if (band->min_score < next)
        {
          const AimsRiskBand *previous = sorted->pdata[b - 1];

          return invalid (error, _("Scores %u to %u are in both “%s” and “%s”"),
                          band->min_score, MIN (band->max_score, next - 1),
                          previous->name, band->name);
        }
      next = band->max_score + 1;
    }
  if (next <= last)
    return invalid (error, _("Scores %u to %u are in no band"), next, last);

  for (guint b = 0; b < sorted->len; b++)
    if (sorted->pdata[b] != &g_array_index (self->bands, AimsRiskBand, b))
      return invalid (error, _("List the score bands from the lowest scores to the highest"));
  return TRUE;
}

gboolean
aims_risk_matrix_validate (const AimsRiskMatrix  *self,
                           GError               **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (self->size < AIMS_RISK_MATRIX_MIN_SIZE || self->size > AIMS_RISK_MATRIX_MAX_SIZE)
    return invalid (error, _("The risk matrix must be from %u×%u to %u×%u, not %u×%u"),
                    AIMS_RISK_MATRIX_MIN_SIZE, AIMS_RISK_MATRIX_MIN_SIZE,
                    AIMS_RISK_MATRIX_MAX_SIZE, AIMS_RISK_MATRIX_MAX_SIZE,
                    self->size, self->size);
  if (!validate_labels (self, AIMS_RISK_AXIS_LIKELIHOOD, error) ||
      !validate_labels (self, AIMS_RISK_AXIS_IMPACT, error))
    return FALSE;

  if (self->bands->len == 0)
    return invalid (error, _("The risk matrix has no score bands"));
  for (guint b = 0; b < self->bands->len; b++)
    if (!validate_band (self, b, error))
      return FALSE;
  if (!validate_coverage (self, error))
    return FALSE;

  if (aims_risk_matrix_appetite_index (self) < 0)
    {
      g_autoptr(GString) names = g_string_new (NULL);

      for (guint b = 0; b < self->bands->len; b++)
        g_string_append_printf (names, "%s%s", b > 0 ? ", " : "",
                                g_array_index (self->bands, AimsRiskBand, b).name);
      return invalid (error, _("The risk appetite “%s” is not one of the bands (%s)"),
                      self->appetite_band != NULL ? self->appetite_band : "", names->str);
    }
  return TRUE;
}

/* ── Scores ────────────────────────────────────────────────────────────── */

guint
aims_risk_matrix_score (const AimsRiskMatrix *self,
                        guint                 likelihood,
                        guint                 impact)
{
  g_return_val_if_fail (self != NULL, 0);

  if (likelihood < 1 || likelihood > self->size || impact < 1 || impact > self->size)
    return 0;
  return likelihood * impact;
}

int
aims_risk_matrix_band_for_score (const AimsRiskMatrix *self,
                                 guint                 score)
{
  g_return_val_if_fail (self != NULL, -1);

  for (guint b = 0; b < self->bands->len; b++)
    {
      const AimsRiskBand *band = &g_array_index (self->bands, AimsRiskBand, b);

      if (score >= band->min_score && score <= band->max_score)
        return (int) b;
    }
  return -1;
}

gboolean
aims_risk_matrix_cell (const AimsRiskMatrix *self,
                       guint                 likelihood,
                       guint                 impact,
                       guint                *score,
                       int                  *band)
{
  guint s;
  int b;

  g_return_val_if_fail (self != NULL, FALSE);

  s = aims_risk_matrix_score (self, likelihood, impact);
  b = s > 0 ? aims_risk_matrix_band_for_score (self, s) : -1;
  if (score != NULL)
    *score = s;
  if (band != NULL)
    *band = b;
  return s > 0;
}

const AimsRiskBand *
aims_risk_matrix_get_band (const AimsRiskMatrix *self,
                           int                   index)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (index < 0 || (guint) index >= self->bands->len)
    return NULL;
  return &g_array_index (self->bands, AimsRiskBand, index);
}

int
aims_risk_matrix_appetite_index (const AimsRiskMatrix *self)
{
  g_return_val_if_fail (self != NULL, -1);

  for (guint b = 0; b < self->bands->len && self->appetite_band != NULL; b++)
    if (g_strcmp0 (g_array_index (self->bands, AimsRiskBand, b).name, self->appetite_band) == 0)
      return (int) b;
  return -1;
}

gboolean
aims_risk_matrix_band_above_appetite (const AimsRiskMatrix *self,
                                      int                   band)
{
  int appetite = aims_risk_matrix_appetite_index (self);

  return band >= 0 && appetite >= 0 && band > appetite;
}

gboolean
aims_risk_matrix_above_appetite (const AimsRiskMatrix *self,
                                 guint                 likelihood,
                                 guint                 impact)
{
  int band;

  if (!aims_risk_matrix_cell (self, likelihood, impact, NULL, &band))
    return FALSE;
  return aims_risk_matrix_band_above_appetite (self, band);
}

/* ── Levels ────────────────────────────────────────────────────────────── */

static char **
labels_of (const AimsRiskMatrix *self,
           AimsRiskAxis          axis)
{
  return axis == AIMS_RISK_AXIS_LIKELIHOOD ? self->likelihood_labels : self->impact_labels;
}

const char *
aims_risk_matrix_level_label (const AimsRiskMatrix *self,
                              AimsRiskAxis          axis,
                              guint                 level)
{
  char **labels;

  g_return_val_if_fail (self != NULL, NULL);

  labels = labels_of (self, axis);
  if (labels == NULL || level < 1 || level > self->size || level > g_strv_length (labels))
    return NULL;
  return labels[level - 1];
}

guint
aims_risk_matrix_level_from_text (const AimsRiskMatrix *self,
                                  AimsRiskAxis          axis,
                                  const char           *text)
{
  g_autofree char *trimmed = NULL;
  char **labels;
  guint64 number;

  g_return_val_if_fail (self != NULL, 0);

  if (text == NULL)
    return 0;
  trimmed = g_strstrip (g_strdup (text));
  if (g_ascii_string_to_unsigned (trimmed, 10, 1, self->size, &number, NULL))
    return (guint) number;
  labels = labels_of (self, axis);
  for (guint i = 0; labels != NULL && labels[i] != NULL && i < self->size; i++)
    if (same_text (labels[i], trimmed))
      return i + 1;
  return 0;
}

const char *
aims_risk_axis_title (AimsRiskAxis axis)
{
  return axis == AIMS_RISK_AXIS_LIKELIHOOD ? _("Likelihood") : _("Impact");
}

guint
aims_risk_matrix_map_level (guint old_size,
                            guint new_size,
                            guint level)
{
  guint steps;

  g_return_val_if_fail (old_size > 0 && new_size > 0, 0);

  if (level < 1 || level > old_size)
    return 0;
  if (old_size == 1)
    return 1;
  /* (level - 1) / (old_size - 1) of the way up, rounded half up: the
   * distance in new steps is (level - 1)(new_size - 1) / (old_size - 1). */
  steps = (2 * (level - 1) * (new_size - 1) + (old_size - 1)) / (2 * (old_size - 1));
  return steps + 1;
}

gboolean
aims_risk_colour_parse (const char *colour,
                        double     *red,
                        double     *green,
                        double     *blue)
{
  int digits[6];

  if (colour == NULL || colour[0] != '#' || strlen (colour) != 7)
    return FALSE;
  for (int i = 0; i < 6; i++)
    if ((digits[i] = g_ascii_xdigit_value (colour[i + 1])) < 0)
      return FALSE;
  if (red != NULL)
    *red = (digits[0] * 16 + digits[1]) / 255.0;
  if (green != NULL)
    *green = (digits[2] * 16 + digits[3]) / 255.0;
  if (blue != NULL)
    *blue = (digits[4] * 16 + digits[5]) / 255.0;
  return TRUE;
}
