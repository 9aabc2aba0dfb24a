/* aims-review-records.c — the record sheets of the management-review
 * workbook: AI systems and risks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "aims-review-sheet.h"
#include "aims-risk.h"

/* ── Any entity ──────────────────────────────────────────────────────── */

static double
field_width (const AimsField *field)
{
  switch (field->type)
    {
    case AIMS_FIELD_LONG_TEXT:
      return 48;
    case AIMS_FIELD_DATE:
      return 12;
    case AIMS_FIELD_LEVEL:
    case AIMS_FIELD_BOOLEAN:
      return 10;
    case AIMS_FIELD_CHOICE:
      return 18;
    default:
      return 26;
    }
}

static void
write_field (AimsReviewExport *export,
             lxw_worksheet    *sheet,
             lxw_row_t         row,
             lxw_col_t         col,
             AimsRecord       *record,
             guint             index,
             lxw_format       *format)
{
  const AimsField *field = &aims_record_get_entity (record)->fields[index];
  const char *value = aims_record_get_nth (record, index);
  const char *display = aims_record_get_nth_display (record, index);

  if (value == NULL || *value == '\0')
    return;

  switch (field->type)
    {
    case AIMS_FIELD_DATE:
      aims_xlsx_write_date (export->xlsx, sheet, row, col, value, format);
      break;

    case AIMS_FIELD_NUMBER:
      aims_xlsx_write_number (export->xlsx, sheet, row, col, g_ascii_strtod (value, NULL), format);
      break;

    case AIMS_FIELD_LEVEL:
      aims_xlsx_write_number (export->xlsx, sheet, row, col, g_ascii_strtod (value, NULL),
                              format != NULL ? format : aims_xlsx_format (export->xlsx, AIMS_XLSX_INTEGER));
      break;

    case AIMS_FIELD_BOOLEAN:
      aims_xlsx_write_text (export->xlsx, sheet, row, col,
                            g_str_equal (value, "1") ? _("Yes") : _("No"), format);
      break;

    case AIMS_FIELD_CHOICE:
      aims_xlsx_write_text (export->xlsx, sheet, row, col,
                            _(aims_field_choice_label (field, value)), format);
      break;

    default:
      aims_xlsx_write_text (export->xlsx, sheet, row, col,
                            display != NULL && *display != '\0' ? display : value, format);
      break;
    }
}

void
aims_review_write_records (AimsReviewExport       *export,
                           lxw_worksheet          *sheet,
                           const AimsEntity       *entity,
                           GPtrArray              *records,
                           const AimsReviewColumn *extra,
                           guint                   n_extra,
                           AimsReviewCellFormat    cell_format)
{
  guint n_columns = 1 + entity->n_fields + n_extra;
  g_autofree AimsXlsxColumn *columns = g_new0 (AimsXlsxColumn, n_columns);
  lxw_row_t first = 2;

  columns[0] = (AimsXlsxColumn) { _("Reference"), 11 };
  for (guint f = 0; f < entity->n_fields; f++)
    columns[1 + f] = (AimsXlsxColumn) { _(entity->fields[f].label), field_width (&entity->fields[f]) };
  for (guint e = 0; e < n_extra; e++)
    columns[1 + entity->n_fields + e] = (AimsXlsxColumn) { extra[e].header, extra[e].width };

  /* Title above the table; the table's header row is first. */
  aims_xlsx_write_text (export->xlsx, sheet, 0, 0, _(entity->plural),
                        aims_xlsx_format (export->xlsx, AIMS_XLSX_TITLE));
  aims_xlsx_add_table (export->xlsx, sheet, first, records->len, columns, n_columns, TRUE);
  worksheet_repeat_rows (sheet, first, first);

  for (guint r = 0; r < records->len; r++)
    {
      AimsRecord *record = g_ptr_array_index (records, r);
      lxw_row_t row = first + 1 + r;

      aims_xlsx_write_text (export->xlsx, sheet, row, 0, aims_record_get_reference (record), NULL);
      for (guint f = 0; f < entity->n_fields; f++)
        {
          const AimsField *field = &entity->fields[f];

          write_field (export, sheet, row, 1 + f, record, f,
                       cell_format != NULL ? cell_format (export, record, field) : NULL);
        }
      for (guint e = 0; e < n_extra; e++)
        extra[e].write (export, sheet, row, 1 + entity->n_fields + e, record);
    }
}

/* ── AI systems ──────────────────────────────────────────────────────── */

static lxw_format *
system_cell_format (AimsReviewExport *export,
                    AimsRecord       *record,
                    const AimsField  *field)
{
  if (g_str_equal (field->name, "next_review_date") &&
      aims_system_is_review_overdue (record, export->today))
    return aims_xlsx_format (export->xlsx, AIMS_XLSX_WARNING_DATE);
  return NULL;
}

gboolean
aims_review_sheet_systems (AimsReviewExport  *export,
                           GError           **error)
{
  lxw_worksheet *sheet = aims_xlsx_add_data_sheet (export->xlsx, _("AI systems"));

  aims_review_write_records (export, sheet, aims_entity_systems (), export->systems,
                             NULL, 0, system_cell_format);
  return TRUE;
}

/* ── Risks ───────────────────────────────────────────────────────────── */

/* A risk's row asks for its scores once per column: computed once per row. */
static void
scores_of (AimsReviewExport *export,
           AimsRecord       *risk,
           AimsRiskScores   *scores)
{
  if (risk != export->scored_risk)
    {
      aims_risk_compute (export->matrix, risk, export->today, &export->scores);
      export->scored_risk = risk;
    }
  *scores = export->scores;
  /* current points into the copy, not into the cache. */
  scores->current = export->scores.current == &export->scores.residual ? &scores->residual
                                                                         : &scores->inherent;
}

static void
write_score (AimsReviewExport     *export,
             lxw_worksheet        *sheet,
             lxw_row_t             row,
             lxw_col_t             col,
             const AimsRiskRating *rating)
{
  if (rating->assessed)
    aims_xlsx_write_number (export->xlsx, sheet, row, col, rating->score,
                            aims_xlsx_format (export->xlsx, AIMS_XLSX_INTEGER));
}

/* The band by name, in the band's own colour. */
static void
write_band (AimsReviewExport     *export,
            lxw_worksheet        *sheet,
            lxw_row_t             row,
            lxw_col_t             col,
            const AimsRiskRating *rating)
{
  if (rating->assessed)
    aims_xlsx_write_text (export->xlsx, sheet, row, col, rating->band_name,
                          aims_xlsx_fill (export->xlsx, rating->colour));
}

#define RISK_COLUMN(name, body)                                              \
  static void                                                                \
  name (AimsReviewExport *export, lxw_worksheet *sheet, lxw_row_t row,       \
        lxw_col_t col, AimsRecord *risk)                                     \
  {                                                                          \
    AimsRiskScores scores;                                                   \
                                                                             \
    scores_of (export, risk, &scores);                                       \
    body;                                                                    \
  }

RISK_COLUMN (inherent_score, write_score (export, sheet, row, col, &scores.inherent))
RISK_COLUMN (inherent_band, write_band (export, sheet, row, col, &scores.inherent))
RISK_COLUMN (residual_score, write_score (export, sheet, row, col, &scores.residual))
RISK_COLUMN (residual_band, write_band (export, sheet, row, col, &scores.residual))
RISK_COLUMN (above_appetite,
             if (scores.current->assessed)
               aims_xlsx_write_text (export->xlsx, sheet, row, col,
                                     scores.above_appetite ? _("Yes") : _("No"),
                                     scores.above_appetite && !aims_risk_is_closed (risk)
                                     ? aims_xlsx_format (export->xlsx, AIMS_XLSX_WARNING) : NULL))

static lxw_format *
risk_cell_format (AimsReviewExport *export,
                  AimsRecord       *risk,
                  const AimsField  *field)
{
  AimsRiskScores scores;

  if (field->type != AIMS_FIELD_DATE)
    return NULL;
  scores_of (export, risk, &scores);
  if ((g_str_equal (field->name, "next_review_date") && scores.review_overdue) ||
      (g_str_equal (field->name, "accepted_until") && scores.acceptance_expired))
    return aims_xlsx_format (export->xlsx, AIMS_XLSX_WARNING_DATE);
  return NULL;
}

gboolean
aims_review_sheet_risks (AimsReviewExport  *export,
                         GError           **error)
{
  const AimsReviewColumn extra[] = {
    { _("Inherent score"), 10, inherent_score },
    { _("Inherent band"), 12, inherent_band },
    { _("Residual score"), 10, residual_score },
    { _("Residual band"), 12, residual_band },
    { _("Above appetite"), 10, above_appetite },
  };
  lxw_worksheet *sheet = aims_xlsx_add_data_sheet (export->xlsx, _("Risks"));

  aims_review_write_records (export, sheet, aims_entity_risks (), export->risks,
                             extra, G_N_ELEMENTS (extra), risk_cell_format);
  return TRUE;
}
