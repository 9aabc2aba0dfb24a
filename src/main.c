/* main.c — the GUI's entry point
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <locale.h>

#include <glib/gi18n.h>

#include "aims-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AimsApplication) app = NULL;

  /* Before the options are parsed, so that --help and the errors about
   * them are translated too. */
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = aims_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
