/* aims-import-private.h — what the files of the importer share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "aims-import.h"

G_BEGIN_DECLS

struct _AimsImportFile
{
  char         *path;
  gsize         max_cell_bytes;  /* 0: the reader's default */
  AimsCsvSniff *sniff;
  guint         n_rows;
  GPtrArray    *columns;    /* AimsImportColumn * */
  char         *sha256;
};

struct _AimsImportMapping
{
  const AimsEntity  *entity;
  GStrv              headers;
  guint              n_columns;
  const AimsField  **fields;   /* per column; NULL: left out */
  GHashTable        *values;   /* field name → ValueMap (aims-import-mapping.c) */
};

/* aims-import-file.c */
/* SHA-256 of the file's bytes, lower-case hex. */
char       *aims_import_hash_file       (const char       *path,
                                         GCancellable     *cancellable,
                                         GError          **error);
/* A reader at the first row below the header of file, reading it as its
 * sniff says. */
AimsCsvReader *aims_import_file_open_rows (AimsImportFile *file,
                                           GCancellable   *cancellable,
                                           GError        **error);
gboolean    aims_import_row_is_blank    (AimsCsvReader    *reader);

/* aims-import-cell.c */
/* A cell meaning "nothing": empty, or N/A and the like. */
gboolean    aims_import_is_blank        (const char       *text);
/* The cell's text as a key for comparing values: one line, case folded. */
char       *aims_import_value_key       (const char       *text);
/* What a cell like "25/7/2024" tells of its column's date order. */
void        aims_import_date_evidence   (const char       *text,
                                         gboolean         *day_first,
                                         gboolean         *month_first);
/* "2024-07-25", "2024/7/25", "25.7.2024", "7/25/2024" (by order), with
 * or without a time after it, "Jul 2024" or "Jul-24" (its 1st, and
 * *month_only set) → "2024-07-25"; NULL when it is not a date, or it could
 * be two (*ambiguous set). */
char       *aims_import_parse_date      (const char       *text,
                                         AimsDateOrder     order,
                                         gboolean         *month_only,
                                         gboolean         *ambiguous);

/* aims-import-propose.c */
/* How well header names field, 0 (not at all) to 100 (it is the field's
 * name or label). */
guint       aims_import_header_score    (const AimsEntity *entity,
                                         const AimsField  *field,
                                         const char       *header);

/* aims-import-plan.c: the rows validated, shared by check and run */
typedef enum
{
  PLAN_INSERT,
  PLAN_UPDATE,     /* changes for existing_id */
  PLAN_UNCHANGED,  /* a duplicate to update that holds the same already */
  PLAN_SKIP,       /* excluded, an error, a duplicate skipped or merged */
} PlanAction;

typedef struct
{
  guint        row;
  char       **values;          /* per field of the entity; NULL: unset */
  guint        n_values;        /* so not a string vector: NULLs inside */
  char        *key;             /* title and business unit, case folded */
  gboolean     error;
  PlanAction   action;
  gint64       existing_id;
  gint64       existing_version;
  GHashTable  *changes;         /* PLAN_UPDATE: field name → new value (NULL: unset) */
  char        *before_json;     /* PLAN_UPDATE: those fields as they were */
} PlanRow;

typedef struct
{
  const AimsEntity *entity;
  GPtrArray        *rows;       /* PlanRow *, in file order */
  AimsImportReport *report;
} AimsImportPlan;

/* Reads and validates every row; progress goes from 0 to share. */
AimsImportPlan   *aims_import_plan_build     (AimsDb                  *db,
                                              AimsImportFile          *file,
                                              AimsImportMapping       *mapping,
                                              const AimsImportOptions *options,
                                              AimsProgressFunc         progress,
                                              gpointer                 progress_data,
                                              double                   share,
                                              GCancellable            *cancellable,
                                              GError                 **error);
/* Sets each row's action against the records stored now (in the write
 * transaction, for a run) and fills the report's counts and duplicates. */
gboolean          aims_import_plan_decide    (AimsImportPlan          *plan,
                                              AimsDb                  *db,
                                              const AimsImportOptions *options,
                                              GError                 **error);
/* values of a row as field name → value, for the store. */
GHashTable       *aims_import_plan_row_values (AimsImportPlan         *plan,
                                               PlanRow                *row);
void              aims_import_plan_free      (AimsImportPlan          *plan);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AimsImportPlan, aims_import_plan_free)

/* aims-import.c */
AimsImportReport *aims_import_report_new     (AimsImportFile          *file);
void              aims_import_report_add     (AimsImportReport        *report,
                                              guint                    row,
                                              int                      column,
                                              AimsImportSeverity       severity,
                                              AimsImportProblemKind    kind,
                                              const AimsField         *field,
                                              char                    *message);

G_END_DECLS
