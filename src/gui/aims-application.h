/* aims-application.h — the AIMS Desk application
 *
 * `aimsdesk [DB] [--page NAME]`: opens DB (or shows the welcome page) on the
 * page NAME of the table in aims-pages.h.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define AIMS_TYPE_APPLICATION (aims_application_get_type ())
G_DECLARE_FINAL_TYPE (AimsApplication, aims_application, AIMS, APPLICATION, AdwApplication)

AimsApplication *aims_application_new          (void);

/* The application's settings (schema io.github.aimsdesk.AimsDesk). */
GSettings       *aims_application_get_settings (AimsApplication *self);

G_END_DECLS
