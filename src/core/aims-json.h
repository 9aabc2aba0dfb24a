/* aims-json.h — the small JSON writer and reader the core needs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Appends value as a JSON string literal (with quotes), or null when NULL. */
void      aims_json_append_string (GString     *out,
                                   const char  *value);

/* Reads one JSON text (RFC 8259) into a GVariant: an object becomes a{sv},
 * an array av, a string s, an integer x, any other number d, true and false
 * b, null an empty mv. Returns a new reference, or NULL with
 * AIMS_DB_ERROR_INVALID saying where the text went wrong. */
GVariant *aims_json_parse         (const char  *text,
                                   GError     **error);

G_END_DECLS
