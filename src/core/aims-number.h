/* aims-number.h — decimal numbers as typed, stored and shown
 *
 * A number field (AIMS_FIELD_NUMBER) is stored in SQLite as a REAL and
 * travels through the core as text in one canonical form, so that what a
 * user typed, what the store read back and what the audit log holds compare
 * equal: the C locale's '.', at most 15 significant digits, no trailing
 * zeros ("12.5", "100", "0.001", "1e+20").
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A number in the stored form, or any plain decimal in the C locale
 * ("12.5", "-3", "4.5e3"): FALSE for anything else, hexadecimal, infinity
 * and NaN included. */
gboolean  aims_number_parse          (const char *text,
                                      double     *value);
/* What a person typed: as aims_number_parse(), with spaces around it, and
 * also with the decimal comma when the locale writes one ("12,5" under
 * de_DE). Thousands separators are refused rather than guessed. */
gboolean  aims_number_parse_typed    (const char *text,
                                      double     *value);
/* The stored form of value (finite). */
char     *aims_number_format         (double      value);
/* value as a person reads it, in the locale's decimal separator, with at
 * most max_decimals decimals and no trailing zeros ("12.5", "82", "0.33"). */
char     *aims_number_format_display (double      value,
                                      guint       max_decimals);

G_END_DECLS
