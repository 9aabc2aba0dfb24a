/* aims-review-assessments.c — the workbook's Impact assessments sheet
 *
 * Every version of every impact assessment, one row each, with what
 * leadership asks of them: where each stands, who approved it and when,
 * the overall impact level and EU AI Act class, and when the one in force
 * must be assessed again (in red once that day has passed).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "aims-assessment.h"
#include "aims-assessment-shown.h"
#include "aims-date.h"
#include "aims-review-sheet.h"
#include "aims-store.h"

gboolean
aims_review_sheet_assessments (AimsReviewExport  *export,
                               GError           **error)
{
  const AimsXlsxColumn columns[] = {
    { _("Reference"), 11 }, { _("AI system"), 30 }, { _("Version"), 9 }, { _("Status"), 12 },
    { _("In force"), 9 }, { _("Overall impact level"), 14 }, { _("EU AI Act class"), 14 },
    { _("EU AI Act role"), 13 }, { _("Assessor"), 20 }, { _("Approver"), 20 }, { _("Submitted by"), 20 },
    { _("Submitted at"), 17 }, { _("Approved by"), 20 }, { _("Approved at"), 17 },
    { _("Next reassessment"), 14 }, { _("Supersedes"), 11 },
  };
  AimsXlsx *xlsx = export->xlsx;
  g_autoptr(GPtrArray) assessments = aims_store_list (export->db, aims_entity_assessments (), error);
  g_autoptr(GHashTable) references = NULL;
  lxw_format *datetime = NULL;
  lxw_worksheet *sheet;
  lxw_row_t first = 2;

  if (assessments == NULL)
    return FALSE;
  /* Supersedes is shown by reference, the way the rows are named. */
  references = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < assessments->len; i++)
    {
      AimsRecord *record = g_ptr_array_index (assessments, i);

      g_hash_table_insert (references, g_strdup_printf ("%" G_GINT64_FORMAT, aims_record_get_id (record)),
                           (gpointer) aims_record_get_reference (record));
    }

  sheet = aims_xlsx_add_sheet (xlsx, _("Impact assessments"));
  datetime = aims_xlsx_format (xlsx, AIMS_XLSX_DATETIME);
  aims_xlsx_write_text (xlsx, sheet, 0, 0, _("Impact assessments"), aims_xlsx_format (xlsx, AIMS_XLSX_TITLE));
  aims_xlsx_add_table (xlsx, sheet, first, assessments->len, columns, G_N_ELEMENTS (columns), TRUE);
  worksheet_repeat_rows (sheet, first, first);

  for (guint i = 0; i < assessments->len; i++)
    {
      AimsRecord *record = g_ptr_array_index (assessments, i);
      lxw_row_t row = first + 1 + i;
      const char *version = aims_record_get (record, "version");
      const char *supersedes = aims_record_get (record, "supersedes_id");
      AimsAssessmentStatus status = aims_assessment_record_get_status (record);
      lxw_col_t col = 0;

      aims_xlsx_write_text (xlsx, sheet, row, col++, aims_record_get_reference (record), NULL);
      aims_xlsx_write_text (xlsx, sheet, row, col++, aims_record_get_display (record, "ai_system_id"), NULL);
      if (version != NULL)
        aims_xlsx_write_number (xlsx, sheet, row, col, g_ascii_strtod (version, NULL),
                                aims_xlsx_format (xlsx, AIMS_XLSX_INTEGER));
      col++;
      aims_xlsx_write_text (xlsx, sheet, row, col++, aims_assessment_status_label (status), NULL);
      aims_xlsx_write_text (xlsx, sheet, row, col++, status == AIMS_ASSESSMENT_APPROVED ? _("Yes") : _("No"), NULL);
      aims_xlsx_write_text (xlsx, sheet, row, col++, aims_record_get (record, "overall_level"), NULL);
      aims_xlsx_write_text (xlsx, sheet, row, col++, aims_assessment_choice_label (record, "eu_class"), NULL);
      aims_xlsx_write_text (xlsx, sheet, row, col++, aims_assessment_choice_label (record, "eu_role"), NULL);
      aims_xlsx_write_text (xlsx, sheet, row, col++, aims_record_get_display (record, "assessor_id"), NULL);
      aims_xlsx_write_text (xlsx, sheet, row, col++, aims_record_get_display (record, "approver_id"), NULL);
      aims_xlsx_write_text (xlsx, sheet, row, col++, aims_record_get (record, "submitted_by"), NULL);
      aims_xlsx_write_date (xlsx, sheet, row, col++, aims_record_get (record, "submitted_at"), datetime);
      aims_xlsx_write_text (xlsx, sheet, row, col++, aims_record_get (record, "approved_by"), NULL);
      aims_xlsx_write_date (xlsx, sheet, row, col++, aims_record_get (record, "approved_at"), datetime);
      aims_xlsx_write_date (xlsx, sheet, row, col++, aims_record_get (record, "next_review_date"),
                            aims_assessment_reassessment_overdue (record, export->today)
                            ? aims_xlsx_format (xlsx, AIMS_XLSX_WARNING_DATE) : NULL);
      aims_xlsx_write_text (xlsx, sheet, row, col++,
                            supersedes != NULL ? g_hash_table_lookup (references, supersedes) : NULL, NULL);
    }
  return TRUE;
}
