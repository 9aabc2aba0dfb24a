/* aims-date.h — ISO 8601 dates and timestamps as stored
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* "YYYY-MM-DD" → a valid GDate, or NULL. Also accepts "YYYY-MM-DDTHH…". */
GDate *aims_date_parse          (const char *text);
char  *aims_date_format_iso     (const GDate *date);
/* Today, in local time. */
GDate *aims_date_today          (void);
/* Now, UTC, as "YYYY-MM-DDTHH:MM:SSZ". */
char  *aims_timestamp_now       (void);


G_END_DECLS
