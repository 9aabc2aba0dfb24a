/* aims-import.h — bringing an inventory in from a spreadsheet (CSV)
 *
 * The steps the import assistant and `aimsctl import` take, in order:
 *
 *   1. aims_import_file_load(): the file read once through (encoding,
 *      delimiter and header row as aims_csv_sniff() finds them or as the
 *      user says), with what each column holds: its distinct values and
 *      how it writes dates.
 *   2. aims_import_mapping_load() (a mapping saved for the same headers)
 *      or aims_import_mapping_propose(); the user changes it with
 *      aims_import_mapping_set_field(). Several columns may go into one
 *      long-text field, as labelled paragraphs; a single-value field takes
 *      one column.
 *   3. For choice fields, aims_import_list_choice_values() gives each
 *      distinct value, its count and the choice proposed for it;
 *      aims_import_mapping_set_value() changes that.
 *   4. aims_import_check(): every row validated, nothing written. Problems
 *      come by row and column; rows that duplicate a record (same title
 *      and business unit) are listed.
 *   5. aims_import_run(): all the chosen rows in one transaction, or none;
 *      recorded as an import batch (file name, SHA-256, who, when, how
 *      many) in import_batch and in the audit log, each record audited.
 *      aims_import_undo() takes a batch back while its records are
 *      unchanged since.
 *
 * Row numbers are the file's, counted from 1 as a spreadsheet shows them
 * (the header and any title rows above it included); columns count from 0
 * in the API and are shown from 1. Blocking functions take a cancellable
 * and a progress function: call them in a GTask thread on a connection of
 * their own (aims_db_open() in the thread); progress is called in that
 * thread.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "aims-csv.h"
#include "aims-db.h"
#include "aims-entity.h"
#include "aims-review-workbook.h"  /* AimsProgressFunc */

G_BEGIN_DECLS

/* ── The file ──────────────────────────────────────────────────────────── */

/* A column keeps its distinct values up to this many (each at most
 * AIMS_IMPORT_MAX_VALUE_BYTES long); past it, it holds free text. */
#define AIMS_IMPORT_MAX_DISTINCT    500
#define AIMS_IMPORT_MAX_VALUE_BYTES 200

typedef enum
{
  AIMS_DATE_ORDER_UNKNOWN,      /* no date like 3/4/2025 in it says which */
  AIMS_DATE_ORDER_DAY_FIRST,    /* 25/7/2024 */
  AIMS_DATE_ORDER_MONTH_FIRST,  /* 7/25/2024 */
} AimsDateOrder;

typedef struct
{
  char  *text;   /* the cell on one line (aims_csv_text_one_line()) */
  guint  count;  /* rows holding it */
} AimsImportValue;

typedef struct
{
  guint          index;       /* from 0 */
  const char    *header;      /* as in the sniff's headers */
  guint          n_filled;    /* rows with something in this cell */
  GPtrArray     *values;      /* AimsImportValue, most frequent first; NULL
                                 when the column holds free text */
  AimsDateOrder  date_order;
} AimsImportColumn;

typedef struct _AimsImportFile AimsImportFile;

/* Reads the file at path through once. options (may be NULL) can name the
 * encoding and the header row instead of detecting them. Fails with an
 * AIMS_CSV_ERROR naming row and column when the file cannot be read as a
 * table (binary, empty, no header, an unclosed quote, a cell too large). */
AimsImportFile         *aims_import_file_load        (const char                 *path,
                                                      const AimsCsvSniffOptions  *options,
                                                      GCancellable               *cancellable,
                                                      GError                    **error);
void                    aims_import_file_free        (AimsImportFile             *file);
const char             *aims_import_file_get_path    (AimsImportFile             *file);
/* Encoding (as found on reading it all), delimiter, header row, headers,
 * and the first rows for a preview. */
const AimsCsvSniff     *aims_import_file_get_sniff   (AimsImportFile             *file);
/* Rows below the header with anything in them. */
guint                   aims_import_file_get_n_rows  (AimsImportFile             *file);
guint                   aims_import_file_get_n_columns (AimsImportFile           *file);
const AimsImportColumn *aims_import_file_get_column  (AimsImportFile             *file,
                                                      guint                       column);
/* Lower-case hex. */
const char             *aims_import_file_get_sha256  (AimsImportFile             *file);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AimsImportFile, aims_import_file_free)

/* ── The mapping ───────────────────────────────────────────────────────── */

typedef struct _AimsImportMapping AimsImportMapping;

/* No column mapped. headers: the file's, as in its sniff. */
AimsImportMapping *aims_import_mapping_new         (const AimsEntity   *entity,
                                                    const char *const  *headers);
/* Columns mapped from their headers ("Use Case Name" → name, "Bureau" →
 * business_unit, "16_dev_stage" → lifecycle_stage, a column named as a
 * field or its label → that field); for a single-value field the column
 * that fits best. Choice values are proposed by aims_import_propose_choice()
 * unless set. */
AimsImportMapping *aims_import_mapping_propose     (const AimsEntity   *entity,
                                                    AimsImportFile     *file);
AimsImportMapping *aims_import_mapping_copy        (AimsImportMapping  *mapping);
void               aims_import_mapping_free        (AimsImportMapping  *mapping);

const AimsEntity  *aims_import_mapping_get_entity  (AimsImportMapping  *mapping);
guint              aims_import_mapping_get_n_columns (AimsImportMapping *mapping);
const char        *aims_import_mapping_get_header  (AimsImportMapping  *mapping,
                                                    guint               column);
/* The column with that header (ignoring case and runs of spaces), or of
 * that number counted from 1 ("7"); -1 when none. */
int                aims_import_mapping_find_column (AimsImportMapping  *mapping,
                                                    const char         *header_or_number);

/* The field a column goes into, or NULL when it is left out. */
const AimsField   *aims_import_mapping_get_field   (AimsImportMapping  *mapping,
                                                    guint               column);
/* Maps column to the field named (NULL or "": leave the column out).
 * Refused with AIMS_DB_ERROR_INVALID, naming both columns, when field takes
 * one value and another column is mapped to it already; also for a field
 * that is not the entity's or cannot be written. */
gboolean           aims_import_mapping_set_field   (AimsImportMapping  *mapping,
                                                    guint               column,
                                                    const char         *field,
                                                    GError            **error);
/* The columns mapped to field, in order (guint). */
GArray            *aims_import_mapping_get_columns (AimsImportMapping  *mapping,
                                                    const char         *field);

/* For a choice field: the key that cells reading text (compared on one
 * line, ignoring case) are stored as; "" leaves the field unset; NULL
 * forgets what was set, so the proposal holds again. A key or label that
 * is not one of the field's choices is refused with AIMS_DB_ERROR_INVALID. */
gboolean           aims_import_mapping_set_value   (AimsImportMapping  *mapping,
                                                    const char         *field,
                                                    const char         *text,
                                                    const char         *key,
                                                    GError            **error);
/* What was set for text: a key, "" (leave unset), or NULL when nothing was. */
const char        *aims_import_mapping_get_value   (AimsImportMapping  *mapping,
                                                    const char         *field,
                                                    const char         *text);
/* The key a cell reading text becomes: as set, else as proposed; NULL when
 * neither gives one or the cell is to stay unset. */
const char        *aims_import_mapping_resolve_value (AimsImportMapping *mapping,
                                                      const AimsField   *field,
                                                      const char        *text);
/* The values set for field, as pairs text, key in a flat array of
 * strings (owned by the mapping), in the order they were set. */
GPtrArray         *aims_import_mapping_list_values (AimsImportMapping  *mapping,
                                                    const char         *field);

/* The mapping can be imported with: a column goes into the title field
 * ("name"). AIMS_DB_ERROR_INVALID otherwise. */
gboolean           aims_import_mapping_check       (AimsImportMapping  *mapping,
                                                    GError            **error);

/* Keeps the mapping in the database for files with the same set of
 * headers (in any order); replaces one saved before. Audited. */
gboolean           aims_import_mapping_save        (AimsDb             *db,
                                                    AimsImportMapping  *mapping,
                                                    const char         *author,
                                                    GError            **error);
/* The mapping saved for these headers, or NULL — with error set only when
 * reading failed. */
AimsImportMapping *aims_import_mapping_load        (AimsDb             *db,
                                                    const AimsEntity   *entity,
                                                    const char *const  *headers,
                                                    GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AimsImportMapping, aims_import_mapping_free)

/* The choice of field that text plainly means ("Operation and
 * Maintenance", "Deployed", "c) Deployed – The use case is…" → operation;
 * "Pre-deployment" → design_development; "Yes" → personal for personal
 * data), or NULL when it is not clear. */
const char        *aims_import_propose_choice      (const AimsField    *field,
                                                    const char         *text);

typedef struct
{
  const char *text;      /* as in the column's values */
  guint       count;
  const char *key;       /* what it becomes: a choice key, or NULL (left unset) */
  gboolean    was_set;   /* key comes from aims_import_mapping_set_value() */
} AimsImportChoiceValue;

/* The distinct values of the columns mapped to the choice field, most
 * frequent first (AimsImportChoiceValue, freed with the array; its strings
 * belong to file and mapping). NULL with AIMS_DB_ERROR_INVALID when field is
 * not a choice field or its column holds free text. */
GPtrArray         *aims_import_list_choice_values  (AimsImportFile     *file,
                                                    AimsImportMapping  *mapping,
                                                    const char         *field,
                                                    GError            **error);

/* ── Checking and importing ────────────────────────────────────────────── */

typedef enum
{
  AIMS_IMPORT_DUPLICATES_SKIP,    /* leave the record as it is */
  AIMS_IMPORT_DUPLICATES_UPDATE,  /* write the row's non-blank cells into it */
} AimsImportDuplicates;

typedef struct
{
  AimsImportDuplicates  on_duplicate;
  /* Leave rows with errors out; otherwise one such row stops the import. */
  gboolean              skip_invalid;
  /* Rows (guint numbers) the user chose not to import; may be NULL. */
  GArray               *excluded_rows;
  const char           *author;   /* NULL: aims_default_author() */
} AimsImportOptions;

typedef enum
{
  AIMS_IMPORT_WARNING,  /* the row is imported; the cell as said */
  AIMS_IMPORT_ERROR,    /* the row cannot be a record */
} AimsImportSeverity;

typedef enum
{
  AIMS_IMPORT_PROBLEM_NO_TITLE,      /* error: the row has no name (or lacks
                                        another required field) */
  AIMS_IMPORT_PROBLEM_WRITE,         /* error: the database refused the row */
  AIMS_IMPORT_PROBLEM_BLANK_CHOICE,  /* a choice cell blank or "N/A": left unset */
  AIMS_IMPORT_PROBLEM_UNFIT_VALUE,   /* no choice fits, not a date, no such
                                        person…: left unset */
  AIMS_IMPORT_PROBLEM_ADJUSTED,      /* made to fit: cut to the field's length,
                                        lines joined, a month taken as its 1st */
  AIMS_IMPORT_PROBLEM_EXTRA_CELLS,   /* cells right of the last header: ignored */
  AIMS_IMPORT_PROBLEM_DUPLICATE,     /* the same as a record or an earlier row */
} AimsImportProblemKind;

typedef struct
{
  guint                  row;
  int                    column;    /* from 0; -1 for the row as a whole */
  AimsImportSeverity     severity;
  AimsImportProblemKind  kind;
  const AimsField       *field;     /* the field concerned, or NULL */
  char                  *message;   /* for people, without the row and column */
} AimsImportProblem;

typedef struct
{
  guint   row;
  char   *title;
  char   *business_unit;      /* NULL when the entity has none or it is blank */
  char   *existing_reference; /* the record it duplicates ("AIS-014"), or NULL */
  guint   earlier_row;        /* or the earlier row of the file, or 0 */
  gboolean updated;           /* TRUE: the row updates it; FALSE: skipped */
} AimsImportDuplicate;

typedef struct
{
  char      *file_name;       /* the file's base name */
  char      *sha256;
  guint      rows_read;       /* rows below the header with anything in them */
  guint      inserted;        /* (to be) added */
  guint      updated;         /* existing records (to be) changed */
  guint      unchanged;       /* duplicates to update that hold the same already */
  guint      skipped;         /* duplicates skipped, rows excluded or with errors */
  guint      n_errors;
  guint      n_warnings;
  GPtrArray *problems;        /* AimsImportProblem, by row */
  GPtrArray *duplicates;      /* AimsImportDuplicate, by row */
  gint64     batch_id;        /* the import batch written; 0 for a check */
} AimsImportReport;

void               aims_import_report_free         (AimsImportReport   *report);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AimsImportReport, aims_import_report_free)

/* Validates every row as aims_import_run() would and says what it would
 * do; writes nothing. NULL only when the file cannot be read again, the
 * mapping fails aims_import_mapping_check(), or the database fails. */
AimsImportReport  *aims_import_check               (AimsDb                  *db,
                                                    AimsImportFile          *file,
                                                    AimsImportMapping       *mapping,
                                                    const AimsImportOptions *options,
                                                    AimsProgressFunc         progress,
                                                    gpointer                 progress_data,
                                                    GCancellable            *cancellable,
                                                    GError                 **error);
/* Imports in one BEGIN IMMEDIATE transaction: every chosen row or none.
 * Fails, writing nothing, when a chosen row has an error (unless
 * skip_invalid), when the file changed since it was loaded, when the
 * database refuses a row (the message names it), or when cancelled. */
AimsImportReport  *aims_import_run                 (AimsDb                  *db,
                                                    AimsImportFile          *file,
                                                    AimsImportMapping       *mapping,
                                                    const AimsImportOptions *options,
                                                    AimsProgressFunc         progress,
                                                    gpointer                 progress_data,
                                                    GCancellable            *cancellable,
                                                    GError                 **error);

/* ── Batches ───────────────────────────────────────────────────────────── */

typedef struct
{
  gint64            id;
  const AimsEntity *entity;
  char             *created_at;
  char             *created_by;
  char             *file_name;
  char             *file_sha256;
  guint             row_count;    /* records added or changed */
  char             *undone_at;    /* NULL while it stands */
  char             *undone_by;
} AimsImportBatch;

void               aims_import_batch_free          (AimsImportBatch    *batch);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AimsImportBatch, aims_import_batch_free)

/* Every import batch, oldest first (AimsImportBatch). */
GPtrArray         *aims_import_list_batches        (AimsDb             *db,
                                                    GError            **error);
/* Removes the records batch_id added and gives those it updated their
 * values back, in one audited transaction. Refused with
 * AIMS_DB_ERROR_CONFLICT when any of them changed since, or other records
 * refer to one it added; *changed (may be NULL) then gets their references.
 * AIMS_DB_ERROR_MISSING for no such batch, AIMS_DB_ERROR_INVALID for one
 * undone already. */
gboolean           aims_import_undo                (AimsDb             *db,
                                                    gint64              batch_id,
                                                    const char         *author,
                                                    GStrv              *changed,
                                                    GError            **error);

/* ── Export ────────────────────────────────────────────────────────────── */

/* Every record of entity as CSV a spreadsheet opens: UTF-8 with a
 * byte-order mark, CRLF between rows; a header of reference, the field
 * names, created_at, created_by, updated_at, updated_by, row_version; choice
 * keys, ISO dates, linked records by title. Such a file imports back into
 * the same records. The file appears only when complete. */
gboolean           aims_export_csv                 (AimsDb             *db,
                                                    const AimsEntity   *entity,
                                                    const char         *path,
                                                    GError            **error);

G_END_DECLS
