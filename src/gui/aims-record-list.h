/* aims-record-list.h — the body of a page that lists records: a sortable
 * table beside the editor of the chosen record
 *
 * What the AI systems page and the people page share: a GListStore of the
 * entity's records, a search entry and the filters of aims-record-filter.h
 * (GtkCustomFilter), the column view's sorter, an empty state, the
 * AimsRecordEditor of the selected record, and the reloading on the
 * context's notify::db and "data-changed" that keeps the selection and
 * leaves a field being edited alone. Pages add their columns, and their
 * filter buttons under the search entry ("list-header").
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "aims-context.h"
#include "aims-record-editor.h"

G_BEGIN_DECLS

typedef enum
{
  AIMS_RECORD_COLUMN_DEFAULT     = 0,
  AIMS_RECORD_COLUMN_EXPAND      = 1 << 0, /* takes the width left over */
  AIMS_RECORD_COLUMN_REVIEW_DATE = 1 << 1, /* overdue reviews stand out */
} AimsRecordColumnFlags;

/* A column whose cells are computed (a risk's score and band): each
 * function may be NULL, and then the column shows, sorts by and flags the
 * field's value as a plain column does. */
typedef struct
{
  /* The text of the cell (transfer full), or NULL for the field's. */
  char       *(*text)    (AimsRecord *record,
                          gpointer    data);
  /* A colour dot before the text, "#rrggbb", or NULL for none. */
  const char *(*swatch)  (AimsRecord *record,
                          gpointer    data);
  /* Why the cell must stand out ("Above the risk appetite"), transfer
   * full; NULL when it need not. Shown as a warning icon and in colour. */
  char       *(*warning) (AimsRecord *record,
                          gpointer    data);
  int         (*compare) (AimsRecord *a,
                          AimsRecord *b,
                          gpointer    data);
} AimsRecordColumnFuncs;

/* A page's own rule that a shown record must also pass. */
typedef gboolean (*AimsRecordMatchFunc) (AimsRecord *record,
                                         gpointer    data);

#define AIMS_TYPE_RECORD_LIST (aims_record_list_get_type ())
G_DECLARE_FINAL_TYPE (AimsRecordList, aims_record_list, AIMS, RECORD_LIST, GtkWidget)

/* Call once, before adding columns. */
void              aims_record_list_setup            (AimsRecordList           *self,
                                                     AimsContext              *context,
                                                     const AimsEntity         *entity);
/* field NULL is the reference. width is the column's width in pixels until
 * the user resizes it, or -1 for its content's; an EXPAND column is never
 * narrower than width and takes the width left over. */
void              aims_record_list_add_column       (AimsRecordList           *self,
                                                     const char               *field,
                                                     const char               *title,
                                                     int                       width,
                                                     AimsRecordColumnFlags     flags);
/* funcs is copied; data must outlive the list (the page owning it). */
void              aims_record_list_add_custom_column (AimsRecordList              *self,
                                                      const char                  *field,
                                                      const char                  *title,
                                                      int                          width,
                                                      AimsRecordColumnFlags        flags,
                                                      const AimsRecordColumnFuncs *funcs,
                                                      gpointer                     data);
/* Records must also pass func (NULL: none); call again (or
 * aims_record_list_refilter()) when what it tests changed. */
void              aims_record_list_set_match_func   (AimsRecordList           *self,
                                                     AimsRecordMatchFunc       func,
                                                     gpointer                  data);
/* The filters beside the search (see AimsRecordFilter); NULL for all. */
void              aims_record_list_set_filter       (AimsRecordList           *self,
                                                     const char               *lifecycle_stage,
                                                     const char               *eu_ai_act_class,
                                                     gboolean                  show_retired);
/* Every record read, shown or not (AimsRecord items). */
GListModel       *aims_record_list_get_records      (AimsRecordList           *self);
/* The search entry above the table ("search-placeholder" sets its text). */
GtkSearchEntry   *aims_record_list_get_search_entry (AimsRecordList           *self);
/* What "page.search" does. */
void              aims_record_list_focus_search     (AimsRecordList           *self);
void              aims_record_list_clear_search     (AimsRecordList           *self);
/* The page's filter changed. */
void              aims_record_list_refilter         (AimsRecordList           *self);
/* Computes the cells shown again: for columns whose funcs read more than
 * the record (a check that finished after the rows were drawn). */
void              aims_record_list_redraw           (AimsRecordList           *self);
/* The empty states: no records at all, and none that match. */
void              aims_record_list_set_empty_texts  (AimsRecordList           *self,
                                                     const char               *icon_name,
                                                     const char               *title,
                                                     const char               *description,
                                                     const char               *no_results_description);

/* Reads the records again, keeping the selection. */
void              aims_record_list_reload           (AimsRecordList           *self);
/* Selects the record with this id when it is shown; FALSE when it is not. */
gboolean          aims_record_list_select_id        (AimsRecordList           *self,
                                                     gint64                    id);
/* The selected record as listed, or NULL. Notifies "selected". */
AimsRecord       *aims_record_list_get_selected     (AimsRecordList           *self);

guint             aims_record_list_get_n_shown      (AimsRecordList           *self);
guint             aims_record_list_get_n_total      (AimsRecordList           *self);

AimsRecordEditor *aims_record_list_get_editor       (AimsRecordList           *self);
GtkColumnView    *aims_record_list_get_column_view  (AimsRecordList           *self);
GtkWidget        *aims_record_list_get_list_header  (AimsRecordList           *self);
void              aims_record_list_set_list_header  (AimsRecordList           *self,
                                                     GtkWidget                *header);

/* After a write made by the page itself (add, duplicate, retire): reload,
 * and tell the other pages. */
void              aims_record_list_changed_here     (AimsRecordList           *self);

/* Inserts a record with values (field → text), selects it and starts
 * editing its title; NULL with error when the store refused. */
AimsRecord       *aims_record_list_insert           (AimsRecordList           *self,
                                                     GHashTable               *values,
                                                     GError                  **error);
/* Duplicates the selected record and selects the copy. */
AimsRecord       *aims_record_list_duplicate_selected (AimsRecordList         *self,
                                                       GError                **error);
/* Writes pending edits before returning ("page.flush"). */
void              aims_record_list_flush            (AimsRecordList           *self);
/* A message dialog over the window. */
void              aims_record_list_show_error       (AimsRecordList           *self,
                                                     const char               *heading,
                                                     const char               *message);

/* Signals:
 *   "counts-changed" () — get_n_shown() or get_n_total() changed.
 */

G_END_DECLS
