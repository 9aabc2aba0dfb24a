/* aims-import-assistant.h — the window that brings AI systems in from a
 * CSV file, in five steps: file, columns, values, check, import
 *
 * Every decision is the core's (src/core/aims-import.h); this window shows
 * what it proposes and passes on what the user changes. Reading, checking
 * and importing run in worker threads on connections of their own.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "aims-context.h"

G_BEGIN_DECLS

#define AIMS_TYPE_IMPORT_ASSISTANT (aims_import_assistant_get_type ())
G_DECLARE_FINAL_TYPE (AimsImportAssistant, aims_import_assistant, AIMS, IMPORT_ASSISTANT, AdwWindow)

/* context must have a database open. */
AimsImportAssistant *aims_import_assistant_new       (GtkWindow           *parent,
                                                      AimsContext         *context);
/* Reads the file at path (as after choosing it), in a worker thread. */
void                 aims_import_assistant_load_path (AimsImportAssistant *self,
                                                      const char          *path);
/* The step shown: "file", "columns", "values", "check" or "import". */
const char          *aims_import_assistant_get_step  (AimsImportAssistant *self);
/* The import batch written by the last import, or 0. */
gint64               aims_import_assistant_get_batch_id (AimsImportAssistant *self);

G_END_DECLS
