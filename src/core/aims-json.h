/* aims-json.h — the small JSON writer the audit log and aimsctl need
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Appends value as a JSON string literal (with quotes), or null when NULL. */
void aims_json_append_string (GString    *out,
                              const char *value);

G_END_DECLS
