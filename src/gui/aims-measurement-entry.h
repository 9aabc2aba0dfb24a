/* aims-measurement-entry.h — a new value of an objective's KPI, entered in
 * one line: the day (today unless changed), the value, a note, Add
 *
 * Add (or Enter in any of the fields) writes one measurement with
 * aims_store_insert(), audited. A value that is not a number, a day that is
 * not a date or lies in the future, or a second value on one day is refused
 * with the reason under the line, the field concerned marked, and nothing
 * written; what was typed stays for the user to correct.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "aims-context.h"

G_BEGIN_DECLS

#define AIMS_TYPE_MEASUREMENT_ENTRY (aims_measurement_entry_get_type ())
G_DECLARE_FINAL_TYPE (AimsMeasurementEntry, aims_measurement_entry, AIMS, MEASUREMENT_ENTRY, GtkWidget)

GtkWidget  *aims_measurement_entry_new            (AimsContext          *context);

/* The objective the values are for (NULL: none, the line is insensitive);
 * its unit shows beside the value. */
void        aims_measurement_entry_set_objective  (AimsMeasurementEntry *self,
                                                   AimsRecord           *objective);

/* What Add does. The measurement written (transfer full), or NULL when it
 * was refused; then get_error() says why. */
AimsRecord *aims_measurement_entry_submit         (AimsMeasurementEntry *self);
/* The reason the last value was refused, or NULL. */
const char *aims_measurement_entry_get_error      (AimsMeasurementEntry *self);

/* The fields, as a person types into them. */
GtkEditable *aims_measurement_entry_get_date_field  (AimsMeasurementEntry *self);
GtkEditable *aims_measurement_entry_get_value_field (AimsMeasurementEntry *self);
GtkEditable *aims_measurement_entry_get_note_field  (AimsMeasurementEntry *self);

/* Signals:
 *   "added" (AimsRecord *measurement) — a measurement was written.
 */

G_END_DECLS
