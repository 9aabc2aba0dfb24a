/* aims-preferences-window.h — the user's preferences
 *
 * "Your Name", the author-name setting: the name recorded as the author of
 * every change (updated_by, the audit log's actor). Empty means the
 * account's name. AimsContext follows the setting, so a change takes effect
 * for the next save. With a database open, also the organisation's risk
 * matrix (AimsRiskMatrixPage), which is stored in the database.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "aims-context.h"

G_BEGIN_DECLS

#define AIMS_TYPE_PREFERENCES_WINDOW (aims_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (AimsPreferencesWindow, aims_preferences_window, AIMS, PREFERENCES_WINDOW, AdwPreferencesWindow)

/* A modal window over parent (may be NULL) that edits settings and, when
 * context (may be NULL) has a database open, its risk matrix. */
GtkWidget *aims_preferences_window_new (GtkWindow   *parent,
                                        GSettings   *settings,
                                        AimsContext *context);

/* Properties: "settings", "context" (construct-only). */

G_END_DECLS
