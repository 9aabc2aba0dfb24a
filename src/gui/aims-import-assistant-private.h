/* aims-import-assistant-private.h — shared by aims-import-assistant.c (the
 * window, navigation, threads) and aims-import-steps.c (what each step
 * shows)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "aims-core.h"
#include "aims-import-assistant.h"

G_BEGIN_DECLS

#define AIMS_IMPORT_N_STEPS 5
/* Rows of problems or duplicates listed at most; the rest are counted. */
#define AIMS_IMPORT_ROWS_SHOWN 200

struct _AimsImportAssistant
{
  AdwWindow           parent_instance;

  AimsContext        *context;
  GCancellable       *cancellable;   /* of the work under way, or NULL */
  guint               progress_source;
  gint                permille;      /* progress of that work; -1: unknown */

  /* The file as the user reads it. */
  char               *path;
  char               *encoding;      /* NULL: detect */
  char                delimiter;     /* 0: detect */
  guint               header_row;    /* 0: detect */
  AimsImportFile     *file;
  AimsImportMapping  *mapping;
  gboolean            mapping_loaded; /* saved for these headers before */
  AimsImportReport   *report;         /* of the check */
  GHashTable         *update_rows;    /* duplicates to update, not skip */
  gint64              batch_id;
  gint64              undo_batch_id;
  gboolean            filling;        /* setting widgets, not the user */

  AdwWindowTitle     *title;
  GtkWidget          *back_button;
  GtkWidget          *next_button;
  GtkStack           *stack;
  GtkWidget          *step_boxes[AIMS_IMPORT_N_STEPS];
  GtkRevealer        *busy_revealer;
  GtkLabel           *busy_label;
  GtkProgressBar     *busy_progress;

  /* Step 1 */
  AdwActionRow       *file_row;
  AdwComboRow        *encoding_row;
  AdwComboRow        *delimiter_row;
  AdwActionRow       *header_row_row;
  GtkSpinButton      *header_spin;
  GtkLabel           *file_error;
  AdwPreferencesGroup *preview_group;
  GtkWidget          *preview;
  AdwPreferencesGroup *batches_group;
  GtkWidget          *batches_list;
  /* Step 2 */
  GtkLabel           *columns_message;
  GtkWidget          *columns_page;
  /* Step 3 */
  GtkWidget          *values_page;
  /* Step 4 */
  GtkWidget          *check_page;
  GtkCheckButton     *skip_invalid_check;
  /* Step 5 */
  GtkProgressBar     *import_progress;
  AdwStatusPage      *summary;
  GtkWidget          *undo_button;
};

/* aims-import-assistant.c */
void _aims_import_assistant_update      (AimsImportAssistant *self);
void _aims_import_assistant_reload      (AimsImportAssistant *self);
void _aims_import_assistant_choose_file (AimsImportAssistant *self);
void _aims_import_assistant_undo        (AimsImportAssistant *self,
                                         gint64               batch_id);

/* aims-import-steps.c */
void _aims_import_steps_init            (AimsImportAssistant *self);
/* The file read, or error (NULL when it was read). */
void _aims_import_steps_show_file       (AimsImportAssistant *self,
                                         const char          *error);
void _aims_import_steps_build_batches   (AimsImportAssistant *self);
void _aims_import_steps_build_columns   (AimsImportAssistant *self);
void _aims_import_steps_show_columns_message (AimsImportAssistant *self,
                                              const char          *message,
                                              gboolean             is_error);
void _aims_import_steps_build_values    (AimsImportAssistant *self);
void _aims_import_steps_build_check     (AimsImportAssistant *self,
                                         const char          *error);
/* report NULL and error NULL: the import under way. */
void _aims_import_steps_show_summary    (AimsImportAssistant *self,
                                         AimsImportReport    *report,
                                         const char          *error);
void _aims_import_steps_show_undone     (AimsImportAssistant *self,
                                         const char          *error);

G_END_DECLS
