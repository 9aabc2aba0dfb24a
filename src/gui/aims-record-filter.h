/* aims-record-filter.h — which records a list shows, and in which order
 *
 * Pure functions over records and a plain filter struct: no widgets, so the
 * rules are tested without a display (tests/gui/test-record-filter.c). The
 * pages wrap them in a GtkCustomFilter and one GtkCustomSorter per column.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "aims-core.h"

G_BEGIN_DECLS

typedef struct
{
  const char *search_text;      /* words that must all appear, or NULL/"" */
  const char *lifecycle_stage;  /* a choice key, or NULL for all stages */
  const char *eu_ai_act_class;  /* a choice key, or NULL for all classes */
  gboolean    show_retired;     /* retired AI systems are hidden unless TRUE */
} AimsRecordFilter;

/* TRUE when record is shown under filter. Every search word (case, accents
 * and word order ignored) must occur in the reference or in what a person
 * reads for some field. Retired systems are shown only with show_retired,
 * or when the lifecycle filter itself asks for retired ones. The choice
 * filters apply only to entities that have those fields. */
gboolean  aims_record_filter_matches  (const AimsRecordFilter *filter,
                                       AimsRecord             *record);

/* TRUE when the filter may hide records: a search, a choice, or retired
 * systems left out. */
gboolean  aims_record_filter_is_active (const AimsRecordFilter *filter);

/* The text a search compares against: lower case, without accents. */
char     *aims_record_filter_fold     (const char             *text);

/* Orders a and b by a column: field is a field name of their entity, or
 * NULL (or "reference") for the reference. References sort by prefix then
 * number (AIS-9 before AIS-10); choices in the order of their choices (Low,
 * Medium, High, Critical; Inception … Retired); dates by date; text as
 * people sort words. Records with the field unset come last; ties are
 * broken by reference. Returns <0, 0 or >0. */
int       aims_record_compare         (AimsRecord             *a,
                                       AimsRecord             *b,
                                       const char             *field);

/* What a list cell shows for a field: the display value when the record has
 * one (choice label, person name), else the stored value; "" when unset. */
const char *aims_record_cell_text     (AimsRecord             *record,
                                       const char             *field);

G_END_DECLS
