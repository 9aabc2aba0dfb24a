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
/* A stored UTC timestamp ("YYYY-MM-DDTHH:MM:SSZ") as a person reads it, in
 * tz (NULL: the local time zone): "28 Nov 2026, 10:42". A text that is not
 * such a timestamp is returned as it is. */
char  *aims_timestamp_format_display (const char *timestamp,
                                      GTimeZone  *tz);


G_END_DECLS
