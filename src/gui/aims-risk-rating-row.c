/* aims-risk-rating-row.c — a risk's score and band, shown as its levels
 * are chosen
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "aims-colour-swatch.h"
#include "aims-risk-rating-row.h"

GtkWidget *
aims_risk_rating_row_new (const char *title)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *swatch = aims_colour_swatch_new (18, FALSE);
  GtkWidget *warning = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  /* The subtitle names a band in the organisation's own words, not markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), swatch);

  gtk_widget_add_css_class (warning, "overdue");
  gtk_widget_set_valign (warning, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (warning, _("Above the risk appetite"));
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), warning);

  g_object_set_data (G_OBJECT (row), "swatch", swatch);
  g_object_set_data (G_OBJECT (row), "warning", warning);
  gtk_widget_set_focusable (row, FALSE);
  aims_risk_rating_row_update (row, NULL, 0, 0);
  return row;
}

void
aims_risk_rating_row_update (GtkWidget            *row,
                             const AimsRiskMatrix *matrix,
                             guint                 likelihood,
                             guint                 impact)
{
  GtkWidget *swatch = g_object_get_data (G_OBJECT (row), "swatch");
  GtkWidget *warning = g_object_get_data (G_OBJECT (row), "warning");
  const AimsRiskBand *band = NULL;
  g_autofree char *subtitle = NULL;
  gboolean above = FALSE;
  guint score = 0;
  int band_index = -1;

  g_return_if_fail (ADW_IS_ACTION_ROW (row));

  if (matrix != NULL && aims_risk_matrix_cell (matrix, likelihood, impact, &score, &band_index))
    {
      band = aims_risk_matrix_get_band (matrix, band_index);
      above = aims_risk_matrix_band_above_appetite (matrix, band_index);
    }

  if (band == NULL)
    subtitle = g_strdup (_("Choose the likelihood and the impact"));
  else if (above)
    /* Translators: a risk's rating, "Score 20 · Critical · above the appetite" */
    subtitle = g_strdup_printf (_("Score %u · %s · above the appetite"), score, band->name);
  else
    /* Translators: a risk's rating, "Score 6 · Medium" */
    subtitle = g_strdup_printf (_("Score %u · %s"), score, band->name);

  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  aims_colour_swatch_set (swatch, band != NULL ? band->colour : NULL);
  gtk_widget_set_visible (warning, above);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, subtitle,
                                  -1);
}
