/* aims-soa-sheet.c — the Statement of Applicability as a worksheet
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "aims-date.h"
#include "aims-review-sheet.h"
#include "aims-soa.h"
#include "aims-soa-check.h"
#include "aims-soa-sheet.h"
#include "aims-statement.h"
#include "aims-store.h"

enum
{
  COL_REFERENCE,
  COL_CONTROL,
  COL_GROUP,
  COL_APPLICABLE,
  COL_JUSTIFICATION,
  COL_STATUS,
  COL_OWNER,
  COL_EVIDENCE,
  COL_REVIEWED,
  COL_RISKS,
  COL_OPEN_POINTS,
};

/* What one sheet is written from. */
typedef struct
{
  AimsXlsx      *xlsx;
  lxw_worksheet *sheet;
  GPtrArray     *controls;    /* AimsRecord of aims_entity_controls() */
  GHashTable    *risks;       /* control id → "RSK-003 Title\nRSK-010 Title" */
  GHashTable    *points;      /* control id → open points, one a line (GString) */
  GHashTable    *stale;       /* control ids whose evidence is stale */
  lxw_format    *percent;
  lxw_format    *open_points;  /* red like a warning, but wrapped */
  const AimsXlsxColumn *columns;
} SoaSheet;

static void
soa_sheet_clear (SoaSheet *s)
{
  g_clear_pointer (&s->controls, g_ptr_array_unref);
  g_clear_pointer (&s->risks, g_hash_table_unref);
  g_clear_pointer (&s->points, g_hash_table_unref);
  g_clear_pointer (&s->stale, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SoaSheet, soa_sheet_clear)

static gint64 *
id_key (gint64 id)
{
  return g_memdup2 (&id, sizeof id);
}

static GString *
lines_for (GHashTable *table,
           gint64      id)
{
  GString *lines = g_hash_table_lookup (table, &id);

  if (lines == NULL)
    {
      lines = g_string_new (NULL);
      g_hash_table_insert (table, id_key (id), lines);
    }
  else
    g_string_append_c (lines, '\n');
  return lines;
}

static void
lines_free (gpointer lines)
{
  g_string_free (lines, TRUE);
}

static GHashTable *
lines_table_new (void)
{
  return g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, lines_free);
}

/* The risks that rely on each control, "RSK-003 Title" a line. */
static gboolean
load_risks (SoaSheet  *s,
            AimsDb    *db,
            GError   **error)
{
  g_autoptr(AimsStatement) stmt = NULL;
  AimsStep step;

  stmt = aims_db_prepare (db, "SELECT rc.control_id, r.reference, r.title FROM risk_control rc"
                              " JOIN risk r ON r.id = rc.risk_id ORDER BY rc.control_id, r.id", error);
  if (stmt == NULL)
    return FALSE;
  s->risks = lines_table_new ();
  while ((step = aims_statement_step (stmt, error)) == AIMS_STEP_ROW)
    g_string_append_printf (lines_for (s->risks, aims_statement_column_int64 (stmt, 0)), "%s %s",
                            aims_statement_column_text (stmt, 1), aims_statement_column_text (stmt, 2));
  return step == AIMS_STEP_DONE;
}

/* What the completeness check says about each control. */
static gboolean
load_points (SoaSheet  *s,
             AimsDb    *db,
             GDate     *today,
             GError   **error)
{
  g_autoptr(GPtrArray) findings = aims_soa_check (db, today, error);

  if (findings == NULL)
    return FALSE;
  s->points = lines_table_new ();
  s->stale = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  for (guint i = 0; i < findings->len; i++)
    {
      AimsSoaFinding *finding = g_ptr_array_index (findings, i);

      if (!g_str_equal (aims_soa_finding_kind_entity (finding->kind), "controls"))
        continue;
      g_string_append (lines_for (s->points, finding->id), finding->message);
      if (finding->kind == AIMS_SOA_FINDING_EVIDENCE_STALE)
        g_hash_table_add (s->stale, id_key (finding->id));
    }
  return TRUE;
}

static const char *
lines_of (GHashTable *table,
          gint64      id)
{
  GString *lines = g_hash_table_lookup (table, &id);

  return lines != NULL ? lines->str : NULL;
}

static const char *
choice_label (AimsRecord *record,
              const char *field)
{
  return aims_field_choice_label (aims_entity_find_field (aims_record_get_entity (record), field),
                                  aims_record_get (record, field));
}

/* Lines text takes in a column width characters wide, wrapped at words. */
static guint
lines_needed (const char *text,
              double      width)
{
  g_auto(GStrv) paragraphs = NULL;
  guint per_line = (guint) MAX (width - 2, 4);
  guint lines = 0;

  if (text == NULL || *text == '\0')
    return 1;
  paragraphs = g_strsplit (text, "\n", -1);
  for (guint i = 0; paragraphs[i] != NULL; i++)
    lines += MAX (1, (g_utf8_strlen (paragraphs[i], -1) + per_line - 1) / per_line);
  return lines;
}

/* Spreadsheet programs do not all grow a row to its wrapped text when they
 * open a file: each row gets the height of its tallest cell. */
static void
fit_row (SoaSheet    *s,
         lxw_row_t    row,
         const char **texts)
{
  guint lines = 1;

  for (guint c = 0; c < AIMS_SOA_SHEET_N_COLUMNS; c++)
    lines = MAX (lines, lines_needed (texts[c], s->columns[c].width));
  /* 15 points a line; Excel's limit is 409. */
  worksheet_set_row (s->sheet, row, MIN (15.0 * lines, 409.0), NULL);
}

static void
write_control (SoaSheet   *s,
               lxw_row_t   row,
               AimsRecord *control)
{
  gint64 id = aims_record_get_id (control);
  const char *applicable = choice_label (control, "applicable");
  gboolean stale = g_hash_table_contains (s->stale, &id);
  const char *texts[AIMS_SOA_SHEET_N_COLUMNS] = {
    [COL_CONTROL] = aims_record_get_title (control),
    [COL_GROUP] = choice_label (control, "group_ref"),
    [COL_JUSTIFICATION] = aims_record_get (control, "justification"),
    [COL_EVIDENCE] = aims_record_get (control, "evidence"),
    [COL_RISKS] = lines_of (s->risks, id),
    [COL_OPEN_POINTS] = lines_of (s->points, id),
  };

  aims_xlsx_write_text (s->xlsx, s->sheet, row, COL_REFERENCE, aims_record_get_reference (control), NULL);
  aims_xlsx_write_text (s->xlsx, s->sheet, row, COL_CONTROL, aims_record_get_title (control), NULL);
  aims_xlsx_write_text (s->xlsx, s->sheet, row, COL_GROUP, choice_label (control, "group_ref"), NULL);
  if (applicable != NULL)
    aims_xlsx_write_text (s->xlsx, s->sheet, row, COL_APPLICABLE, applicable, NULL);
  else
    aims_xlsx_write_text (s->xlsx, s->sheet, row, COL_APPLICABLE, _("Not decided"),
                          aims_xlsx_format (s->xlsx, AIMS_XLSX_WARNING));
  aims_xlsx_write_text (s->xlsx, s->sheet, row, COL_JUSTIFICATION, aims_record_get (control, "justification"), NULL);
  aims_xlsx_write_text (s->xlsx, s->sheet, row, COL_STATUS, choice_label (control, "implementation_status"), NULL);
  aims_xlsx_write_text (s->xlsx, s->sheet, row, COL_OWNER, aims_record_get_display (control, "owner_id"), NULL);
  aims_xlsx_write_text (s->xlsx, s->sheet, row, COL_EVIDENCE, aims_record_get (control, "evidence"), NULL);
  aims_xlsx_write_date (s->xlsx, s->sheet, row, COL_REVIEWED, aims_record_get (control, "review_date"),
                        stale ? aims_xlsx_format (s->xlsx, AIMS_XLSX_WARNING_DATE) : NULL);
  aims_xlsx_write_text (s->xlsx, s->sheet, row, COL_RISKS, lines_of (s->risks, id), NULL);
  aims_xlsx_write_text (s->xlsx, s->sheet, row, COL_OPEN_POINTS, lines_of (s->points, id), s->open_points);
  fit_row (s, row, texts);
}

static void
write_progress_row (SoaSheet                   *s,
                    lxw_row_t                   row,
                    const AimsSoaGroupProgress *p,
                    lxw_format                 *label)
{
  lxw_format *integer = aims_xlsx_format (s->xlsx, AIMS_XLSX_INTEGER);
  const guint counts[] = { p->n_controls, p->n_decided, p->n_applicable, p->n_excluded, p->n_implemented };

  aims_xlsx_write_text (s->xlsx, s->sheet, row, 0, p->group_ref, label);
  aims_xlsx_write_text (s->xlsx, s->sheet, row, 1, p->title, label);
  worksheet_set_row (s->sheet, row, 15.0 * lines_needed (p->title, s->columns[1].width), NULL);
  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    aims_xlsx_write_number (s->xlsx, s->sheet, row, 2 + i, counts[i], integer);
  /* A share, not a rounded percentage: a fraction the format shows as "67%". */
  if (p->n_applicable > 0)
    aims_xlsx_write_number (s->xlsx, s->sheet, row, 2 + G_N_ELEMENTS (counts),
                            (double) p->n_implemented / p->n_applicable, s->percent);
}

/* Below the table: where each group stands, and all of them. */
static void
write_progress (SoaSheet  *s,
                lxw_row_t  row)
{
  g_autoptr(GArray) groups = aims_soa_group_progress (s->controls);
  lxw_format *label = aims_xlsx_format (s->xlsx, AIMS_XLSX_LABEL);
  const char *headers[] = {
    _("Group"), _("Title"), _("Controls"), _("Decided"), _("Applicable"), _("Excluded"),
    _("Implemented"), _("Implemented of applicable"),
  };
  AimsSoaGroupProgress total = { "", _("All controls"), 0, 0, 0, 0, 0 };

  aims_xlsx_write_text (s->xlsx, s->sheet, row++, 0, _("Progress by group"), aims_xlsx_format (s->xlsx, AIMS_XLSX_SUBTITLE));
  for (guint c = 0; c < G_N_ELEMENTS (headers); c++)
    aims_xlsx_write_text (s->xlsx, s->sheet, row, c, headers[c], label);
  row++;
  for (guint i = 0; i < groups->len; i++)
    {
      const AimsSoaGroupProgress *p = &g_array_index (groups, AimsSoaGroupProgress, i);

      write_progress_row (s, row++, p, NULL);
      total.n_controls += p->n_controls;
      total.n_decided += p->n_decided;
      total.n_applicable += p->n_applicable;
      total.n_excluded += p->n_excluded;
      total.n_implemented += p->n_implemented;
    }
  write_progress_row (s, row, &total, label);
}

static void
write_heading (SoaSheet *s,
               AimsDb   *db,
               GDate    *today)
{
  g_autofree char *organisation = aims_db_dup_organisation (db);
  g_autofree char *date = aims_date_format_iso (today);
  g_autofree char *about = NULL;
  g_autoptr(GArray) groups = aims_soa_group_progress (s->controls);
  guint decided = 0, applicable = 0, excluded = 0, implemented = 0;

  for (guint i = 0; i < groups->len; i++)
    {
      const AimsSoaGroupProgress *p = &g_array_index (groups, AimsSoaGroupProgress, i);

      decided += p->n_decided;
      applicable += p->n_applicable;
      excluded += p->n_excluded;
      implemented += p->n_implemented;
    }
  /* Translators: "Larkspur Vale Ltd — ISO/IEC 42001 Annex A, as of 2026-03-01: 35 of 38
   * controls decided, 33 applicable, 2 excluded; 13 implemented" */
  about = g_strdup_printf (_("%s — ISO/IEC 42001 Annex A, as of %s: %u of %u controls decided, "
                             "%u applicable, %u excluded; %u implemented"),
                           organisation != NULL ? organisation : _("Unnamed organisation"), date,
                           decided, s->controls->len, applicable, excluded, implemented);

  aims_xlsx_write_text (s->xlsx, s->sheet, 0, 0, _("Statement of Applicability"),
                        aims_xlsx_format (s->xlsx, AIMS_XLSX_TITLE));
  aims_xlsx_write_text (s->xlsx, s->sheet, 1, 0, about, aims_xlsx_format (s->xlsx, AIMS_XLSX_SUBTITLE));
}

gboolean
aims_soa_sheet_write (AimsXlsx  *xlsx,
                      AimsDb    *db,
                      GDate     *today,
                      GError   **error)
{
  const AimsXlsxColumn columns[AIMS_SOA_SHEET_N_COLUMNS] = {
    [COL_REFERENCE]     = { _("Reference"), 10 },
    [COL_CONTROL]       = { _("Control"), 36 },
    [COL_GROUP]         = { _("Group"), 26 },
    [COL_APPLICABLE]    = { _("Applicable"), 13 },
    [COL_JUSTIFICATION] = { _("Justification"), 48 },
    [COL_STATUS]        = { _("Implementation status"), 20 },
    [COL_OWNER]         = { _("Owner"), 20 },
    [COL_EVIDENCE]      = { _("Evidence"), 44 },
    [COL_REVIEWED]      = { _("Last reviewed"), 14 },
    [COL_RISKS]         = { _("Linked risks"), 36 },
    [COL_OPEN_POINTS]   = { _("Open points"), 40 },
  };
  g_auto(SoaSheet) s = { xlsx, NULL, NULL, NULL, NULL, NULL, NULL, NULL, columns };
  lxw_row_t row = AIMS_SOA_SHEET_TABLE_ROW;

  g_return_val_if_fail (xlsx != NULL, FALSE);
  g_return_val_if_fail (AIMS_IS_DB (db), FALSE);
  g_return_val_if_fail (today != NULL, FALSE);

  if ((s.controls = aims_store_list (db, aims_entity_controls (), error)) == NULL ||
      !load_risks (&s, db, error) || !load_points (&s, db, today, error))
    return FALSE;

  s.sheet = aims_xlsx_add_sheet (xlsx, _("Statement of Applicability"));
  s.percent = workbook_add_format (aims_xlsx_get_workbook (xlsx));
  format_set_num_format (s.percent, "0%");
  s.open_points = workbook_add_format (aims_xlsx_get_workbook (xlsx));
  format_set_font_color (s.open_points, 0xC00000);
  format_set_text_wrap (s.open_points);
  format_set_align (s.open_points, LXW_ALIGN_VERTICAL_TOP);

  write_heading (&s, db, today);
  aims_xlsx_add_table (xlsx, s.sheet, row, s.controls->len, columns, G_N_ELEMENTS (columns), TRUE);
  for (guint i = 0; i < s.controls->len; i++)
    write_control (&s, ++row, g_ptr_array_index (s.controls, i));
  write_progress (&s, row + 3);

  /* Printed, it is still a table: landscape, one page wide, the header on
   * every page. */
  worksheet_set_landscape (s.sheet);
  worksheet_set_paper (s.sheet, 9);  /* A4 */
  worksheet_fit_to_pages (s.sheet, 1, 0);
  worksheet_repeat_rows (s.sheet, AIMS_SOA_SHEET_TABLE_ROW, AIMS_SOA_SHEET_TABLE_ROW);
  return TRUE;
}

gboolean
aims_review_sheet_soa (AimsReviewExport  *export,
                       GError           **error)
{
  return aims_soa_sheet_write (export->xlsx, export->db, export->today, error);
}
