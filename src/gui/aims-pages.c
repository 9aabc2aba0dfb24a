/* aims-pages.c — the one table of the window's pages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "aims-pages.h"
#include "aims-assessments-page.h"
#include "aims-controls-page.h"
#include "aims-dashboard-page.h"
#include "aims-nonconformities-page.h"
#include "aims-objectives-page.h"
#include "aims-people-page.h"
#include "aims-reviews-page.h"
#include "aims-risks-page.h"
#include "aims-systems-page.h"

/* Adding an area is adding a row here (see aims-pages.h for what a page
 * must do). Areas not built yet have no row. */
static const AimsPageInfo pages[] = {
  { "dashboard", N_("Dashboard"), "view-grid-symbolic", aims_dashboard_page_get_type },
  { "systems", N_("AI Systems"), "applications-science-symbolic", aims_systems_page_get_type },
  { "risks",   N_("Risks"),      "dialog-warning-symbolic",       aims_risks_page_get_type },
  { "assessments", N_("Impact Assessments"), "x-office-document-symbolic", aims_assessments_page_get_type },
  { "objectives", N_("Objectives"), "emoji-flags-symbolic",     aims_objectives_page_get_type },
  { "nonconformities", N_("Nonconformities"), "dialog-error-symbolic", aims_nonconformities_page_get_type },
  { "controls", N_("Controls (SoA)"), "emblem-documents-symbolic", aims_controls_page_get_type },
  { "reviews", N_("Management Review"), "x-office-presentation-symbolic", aims_reviews_page_get_type },
  { "people",  N_("People"),     "system-users-symbolic",         aims_people_page_get_type },
};

const AimsPageInfo *
aims_pages_get (guint *n_pages)
{
  if (n_pages != NULL)
    *n_pages = G_N_ELEMENTS (pages);

  return pages;
}

const AimsPageInfo *
aims_pages_lookup (const char *name)
{
  if (name == NULL)
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      if (g_str_equal (pages[i].name, name))
        return &pages[i];
    }

  return NULL;
}

char *
aims_pages_dup_names (void)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) names = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    g_strv_builder_add (builder, pages[i].name);

  names = g_strv_builder_end (builder);

  return g_strjoinv (", ", names);
}

void
aims_page_add_toast (GtkWidget *page,
                     AdwToast  *toast)
{
  GtkWidget *overlay;

  g_return_if_fail (GTK_IS_WIDGET (page));
  g_return_if_fail (ADW_IS_TOAST (toast));

  overlay = gtk_widget_get_ancestor (page, ADW_TYPE_TOAST_OVERLAY);
  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (toast);
}
