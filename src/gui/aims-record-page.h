/* aims-record-page.h — what every page that lists records has
 *
 * The base of AimsSystemsPage and AimsPeoplePage: the construct-only
 * "context" property of aims-pages.h, the actions "page.search" (Ctrl+F)
 * and "page.flush", the count of records under the page title, the back
 * button of a folded window, and typing in the page to search. A subclass
 * brings its template (header bar, AimsRecordList) and calls
 * aims_record_page_setup() once it is constructed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "aims-context.h"
#include "aims-record-list.h"

G_BEGIN_DECLS

#define AIMS_TYPE_RECORD_PAGE (aims_record_page_get_type ())
G_DECLARE_DERIVABLE_TYPE (AimsRecordPage, aims_record_page, AIMS, RECORD_PAGE, GtkWidget)

struct _AimsRecordPageClass
{
  GtkWidgetClass parent_class;

  /* "12 systems", "3 of 12 systems": the subtitle under the page title. */
  char *(*format_count) (AimsRecordPage *self,
                         guint           shown,
                         guint           total);

  gpointer padding[4];
};

AimsContext    *aims_record_page_get_context     (AimsRecordPage *self);
AimsRecordList *aims_record_page_get_record_list (AimsRecordPage *self);

/* Connects the page's list, title and back button; reads the records. */
void            aims_record_page_setup           (AimsRecordPage *self,
                                                  AimsRecordList *list,
                                                  AdwWindowTitle *title,
                                                  GtkWidget      *back_button);

/* A toast in the window, "Added AIS-014". Takes a printf() format. */
void            aims_record_page_toast           (AimsRecordPage *self,
                                                  const char     *format,
                                                  ...) G_GNUC_PRINTF (2, 3);

/* Filter dropdowns over a choice field: "All …" first, then the choices'
 * labels in their order. */
GListModel     *aims_choice_filter_model          (const AimsField *field,
                                                   const char      *all_label);
/* The key chosen in such a dropdown, or NULL for all. */
const char     *aims_choice_filter_key            (GtkDropDown     *dropdown,
                                                   const AimsField *field);
/* Chooses key in such a dropdown ("All …" for NULL or a key not found). */
void            aims_choice_filter_select         (GtkDropDown     *dropdown,
                                                   const AimsField *field,
                                                   const char      *key);

/* A dropdown filtering by AI system: "All AI systems", then every system of
 * db by title; system_ids receives the id of each item (0 for all), and the
 * system chosen stays chosen. */
void            aims_system_filter_fill          (GtkDropDown     *dropdown,
                                                   GArray          *system_ids,
                                                   AimsDb          *db,
                                                   gint64           chosen);
/* The id chosen in such a dropdown, or 0 for all. */
gint64          aims_system_filter_get           (GtkDropDown     *dropdown,
                                                   GArray          *system_ids);

G_END_DECLS
