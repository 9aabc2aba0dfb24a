/* aimsctl.h — what the files of aimsctl share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "aims-core.h"

G_BEGIN_DECLS

/* The exit statuses of DESIGN.md. */
typedef enum
{
  AIMSCTL_EXIT_OK       = 0,
  AIMSCTL_EXIT_FAILED   = 1,
  AIMSCTL_EXIT_USAGE    = 2,
  AIMSCTL_EXIT_CONFLICT = 3,
  AIMSCTL_EXIT_BUSY     = 4,
} AimsctlExit;

#define AIMSCTL_DEFAULT_TIMEOUT_MS 5000
/* An integer option that was not given. */
#define AIMSCTL_NOT_GIVEN G_MININT64

/* Every option of every command; each command accepts a subset. */
typedef struct
{
  /* global */
  char      *author;
  gint64     timeout_ms;       /* AIMSCTL_NOT_GIVEN, or checked by main() */
  gboolean   help;
  gboolean   version;
  /* init */
  gboolean   demo;
  gboolean   shared;
  gint64     scale;            /* AIMSCTL_NOT_GIVEN */
  /* list */
  char      *format;
  /* add, update */
  char     **set;
  gint64     expect_version;   /* AIMSCTL_NOT_GIVEN */
  /* export */
  gboolean   residual;
  char      *from;
  char      *to;
  /* import */
  char     **map;
  char     **value;
  char      *encoding;
  gint64     header_row;       /* AIMSCTL_NOT_GIVEN */
  char      *on_duplicate;
  gboolean   skip_invalid;
  gboolean   save_mapping;
  gboolean   dry_run;
} AimsctlOptions;

typedef struct _AimsctlCommand AimsctlCommand;

/* One run of one command: its options and its positional arguments. */
typedef struct
{
  const AimsctlCommand *command;
  AimsctlOptions       *options;
  char                **args;
  guint                 n_args;
} AimsctlInvocation;

struct _AimsctlCommand
{
  const char *name;
  const char *synopsis;     /* after "aimsctl NAME ": "ENTITY DB [--format table|csv|json]" */
  const char *parameters;   /* the positional ones, space-separated: "ENTITY DB" */
  const char *summary;      /* N_() */
  const char *details;      /* N_(): more explanation and examples */
  const char *options;      /* long names of its own options, space-separated */
  guint       min_args;
  guint       max_args;
  int       (*run)        (AimsctlInvocation *inv);
};

/* aimsctl.c */
int               aimsctl_usage_error      (const AimsctlCommand *command,
                                            const char           *format,
                                            ...) G_GNUC_PRINTF (2, 3);

/* aimsctl-common.c */
/* The one line of a failure on stderr: "aimsctl: PATH: message". */
void              aimsctl_print_failure_v  (const char           *path,
                                            const char           *format,
                                            va_list               args) G_GNUC_PRINTF (2, 0);
int               aimsctl_fail             (const char           *path,
                                            const char           *format,
                                            ...) G_GNUC_PRINTF (2, 3);
int               aimsctl_fail_error       (const char           *path,
                                            const GError         *error);
int               aimsctl_exit_for_error   (const GError         *error);
const char       *aimsctl_author           (AimsctlInvocation    *inv);
AimsDb           *aimsctl_open             (AimsctlInvocation    *inv,
                                            const char           *path,
                                            AimsDbOpenFlags       flags,
                                            int                  *exit_status);
AimsDb           *aimsctl_open_for_writing (AimsctlInvocation    *inv,
                                            const char           *path,
                                            int                  *exit_status);
const AimsEntity *aimsctl_entity           (AimsctlInvocation    *inv,
                                            const char           *name,
                                            int                  *exit_status);
int               aimsctl_write_out        (GString              *text);

/* aimsctl-db.c */
int               aimsctl_cmd_init         (AimsctlInvocation    *inv);
int               aimsctl_cmd_info         (AimsctlInvocation    *inv);
int               aimsctl_cmd_check        (AimsctlInvocation    *inv);
int               aimsctl_cmd_backup       (AimsctlInvocation    *inv);

/* aimsctl-export.c */
int               aimsctl_cmd_export       (AimsctlInvocation    *inv);

/* aimsctl-records.c */
int               aimsctl_cmd_list         (AimsctlInvocation    *inv);
int               aimsctl_cmd_add          (AimsctlInvocation    *inv);
int               aimsctl_cmd_update       (AimsctlInvocation    *inv);
/* The --set options of inv as field → text (usage errors before any file
 * is read), and those values checked against db as the store will. */
GHashTable       *aimsctl_parse_assignments (AimsctlInvocation   *inv,
                                             const AimsEntity    *entity,
                                             int                 *exit_status);
gboolean          aimsctl_resolve_values   (AimsDb               *db,
                                            const AimsEntity     *entity,
                                            GHashTable           *values,
                                            const char           *path,
                                            int                  *exit_status);

/* aimsctl-nonconformities.c */
int               aimsctl_cmd_transition   (AimsctlInvocation    *inv);

/* aimsctl-controls.c */
int               aimsctl_cmd_check_soa    (AimsctlInvocation    *inv);
int               aimsctl_cmd_link         (AimsctlInvocation    *inv);
int               aimsctl_cmd_unlink       (AimsctlInvocation    *inv);
int               aimsctl_export_soa       (AimsctlInvocation    *inv);

/* aimsctl-assessments.c */
int               aimsctl_export_assessment (AimsctlInvocation   *inv);

/* aimsctl-import.c */
int               aimsctl_cmd_import       (AimsctlInvocation    *inv);
int               aimsctl_export_csv       (AimsctlInvocation    *inv);

G_END_DECLS
