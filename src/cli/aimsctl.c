/* aimsctl.c — the command-line face of AIMS Desk: commands, options, help
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <locale.h>
#include <string.h>

#include <glib/gi18n.h>

#include "aimsctl.h"

/* ── Options ───────────────────────────────────────────────────────────── */

typedef struct
{
  const char *long_name;
  char        short_name;
  GOptionArg  arg;
  gsize       offset;           /* in AimsctlOptions */
  const char *arg_description;  /* N_() */
  const char *description;      /* N_() */
} OptionSpec;

static const OptionSpec option_specs[] = {
  { "author", 0, G_OPTION_ARG_STRING, G_STRUCT_OFFSET (AimsctlOptions, author), N_("NAME"),
    N_("Record changes as made by NAME (default: $AIMS_AUTHOR, else your name)") },
  { "timeout", 0, G_OPTION_ARG_INT64, G_STRUCT_OFFSET (AimsctlOptions, timeout_ms), N_("MS"),
    N_("Wait at most MS milliseconds while another program writes\n"
       "      (default: $AIMS_BUSY_TIMEOUT, else 5000)") },
  { "help", 'h', G_OPTION_ARG_NONE, G_STRUCT_OFFSET (AimsctlOptions, help), NULL,
    N_("Show this help") },
  { "version", 0, G_OPTION_ARG_NONE, G_STRUCT_OFFSET (AimsctlOptions, version), NULL,
    N_("Show the version") },
  { "demo", 0, G_OPTION_ARG_NONE, G_STRUCT_OFFSET (AimsctlOptions, demo), NULL,
    N_("Fill the new database with the demo organisation") },
  { "scale", 0, G_OPTION_ARG_INT64, G_STRUCT_OFFSET (AimsctlOptions, scale), N_("N"),
    N_("With --demo: grow the demo to N AI systems, with ten risks each") },
  { "shared", 0, G_OPTION_ARG_NONE, G_STRUCT_OFFSET (AimsctlOptions, shared), NULL,
    N_("The file is on a shared drive: use a rollback journal, never a write-ahead log") },
  { "format", 0, G_OPTION_ARG_STRING, G_STRUCT_OFFSET (AimsctlOptions, format), N_("table|csv|json"),
    N_("A table for people (the default), or CSV or JSON for scripts") },
  { "set", 0, G_OPTION_ARG_STRING_ARRAY, G_STRUCT_OFFSET (AimsctlOptions, set), N_("FIELD=VALUE"),
    N_("Set FIELD to VALUE; repeat for more fields; an empty VALUE clears the field") },
  { "expect-version", 0, G_OPTION_ARG_INT64, G_STRUCT_OFFSET (AimsctlOptions, expect_version), N_("N"),
    N_("Write only if the record is still at row version N; otherwise exit 3") },
  { "residual", 0, G_OPTION_ARG_NONE, G_STRUCT_OFFSET (AimsctlOptions, residual), NULL,
    N_("The residual risk, after treatment, instead of the inherent risk") },
  { "from", 0, G_OPTION_ARG_STRING, G_STRUCT_OFFSET (AimsctlOptions, from), N_("DATE"),
    N_("First day of the review period, YYYY-MM-DD (default: a year before --to)") },
  { "to", 0, G_OPTION_ARG_STRING, G_STRUCT_OFFSET (AimsctlOptions, to), N_("DATE"),
    N_("Last day of the review period, YYYY-MM-DD (default: today)") },
  { "map", 0, G_OPTION_ARG_STRING_ARRAY, G_STRUCT_OFFSET (AimsctlOptions, map), N_("COLUMN=FIELD"),
    N_("Import the column (its header, or its number from 1) into FIELD; repeat for more\n"
       "      columns; several into one long-text field become labelled paragraphs") },
  { "value", 0, G_OPTION_ARG_STRING_ARRAY, G_STRUCT_OFFSET (AimsctlOptions, value), N_("FIELD:TEXT=VALUE"),
    N_("Store cells reading TEXT as the choice VALUE of FIELD (empty: leave unset)") },
  { "encoding", 0, G_OPTION_ARG_STRING, G_STRUCT_OFFSET (AimsctlOptions, encoding), N_("E"),
    N_("Read the file in encoding E (default: detected; UTF-8, UTF-16 with a mark, else WINDOWS-1252)") },
  { "header-row", 0, G_OPTION_ARG_INT64, G_STRUCT_OFFSET (AimsctlOptions, header_row), N_("N"),
    N_("The column names are in row N (default: detected, skipping title rows)") },
  { "on-duplicate", 0, G_OPTION_ARG_STRING, G_STRUCT_OFFSET (AimsctlOptions, on_duplicate), N_("skip|update"),
    N_("A row with the name and business unit of a record already there: skip it (the\n"
       "      default), or update the record with the row's non-blank cells") },
  { "skip-invalid", 0, G_OPTION_ARG_NONE, G_STRUCT_OFFSET (AimsctlOptions, skip_invalid), NULL,
    N_("Leave out rows that cannot be imported (no name) instead of importing nothing") },
  { "save-mapping", 0, G_OPTION_ARG_NONE, G_STRUCT_OFFSET (AimsctlOptions, save_mapping), NULL,
    N_("Keep the mapping used, for files with the same headers") },
  { "dry-run", 0, G_OPTION_ARG_NONE, G_STRUCT_OFFSET (AimsctlOptions, dry_run), NULL,
    N_("Check every row and print the report; write nothing") },
};

/* Taken by every command, before or after its name. */
static const char global_options[] = "author timeout help";

static const OptionSpec *
find_option_spec (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (option_specs); i++)
    if (g_str_equal (option_specs[i].long_name, name))
      return &option_specs[i];
  g_return_val_if_reached (NULL);
}

static void
add_option_entries (GArray         *entries,
                    AimsctlOptions *options,
                    const char     *names)
{
  g_auto(GStrv) split = g_strsplit (names, " ", -1);

  for (guint i = 0; split[i] != NULL; i++)
    {
      const OptionSpec *spec = find_option_spec (split[i]);
      GOptionEntry entry = {
        spec->long_name, spec->short_name, 0, spec->arg,
        G_STRUCT_MEMBER_P (options, spec->offset),
        spec->description, spec->arg_description,
      };

      g_array_append_val (entries, entry);
    }
}

/* A parser for the options named (space-separated); the help is ours. */
static GOptionContext *
option_context_new (AimsctlOptions *options,
                    const char     *names,
                    gboolean        with_globals)
{
  g_autoptr(GArray) entries = g_array_new (TRUE, TRUE, sizeof (GOptionEntry));
  GOptionContext *context = g_option_context_new (NULL);

  if (*names != '\0')
    add_option_entries (entries, options, names);
  if (with_globals)
    add_option_entries (entries, options, global_options);
  g_option_context_set_help_enabled (context, FALSE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, (const GOptionEntry *) entries->data, NULL);
  return context;
}

static void
options_clear (AimsctlOptions *options)
{
  g_clear_pointer (&options->author, g_free);
  g_clear_pointer (&options->format, g_free);
  g_clear_pointer (&options->from, g_free);
  g_clear_pointer (&options->to, g_free);
  g_clear_pointer (&options->set, g_strfreev);
  g_clear_pointer (&options->map, g_strfreev);
  g_clear_pointer (&options->value, g_strfreev);
  g_clear_pointer (&options->encoding, g_free);
  g_clear_pointer (&options->on_duplicate, g_free);
}

/* ── Commands ──────────────────────────────────────────────────────────── */

static const AimsctlCommand commands[] = {
  { "init", "DB [--demo [--scale N]] [--shared]", "DB",
    N_("Create a new AIMS database"),
    N_("Refuses when DB exists already. --scale N grows the demo organisation to N AI\n"
       "systems with ten risks each, to try the program at the size of a large one.\n"
       "\n"
       "Examples:\n"
       "  aimsctl init demo.db --demo\n"
       "  aimsctl init large.db --demo --scale 10000\n"
       "  aimsctl init /mnt/team/aims.db --shared"),
    "demo scale shared", 1, 1, aimsctl_cmd_init },
  { "info", "DB", "DB",
    N_("Show what a database is: organisation, schema version, mode, read-only, counts"),
    N_("Example:\n"
       "  aimsctl info demo.db"),
    "", 1, 1, aimsctl_cmd_info },
  { "check", "DB", "DB",
    N_("Check integrity, schema and the audit chain; exit 1 when anything is broken"),
    N_("Prints each problem on a line of its own, naming the table and row, or “OK”.\n"
       "The file is opened read-only and never changed.\n"
       "\n"
       "Example:\n"
       "  aimsctl check demo.db || echo \"demo.db needs attention\""),
    "", 1, 1, aimsctl_cmd_check },
  { "check-soa", "DB [--format table|csv|json]", "DB",
    N_("List what stands between DB and a defensible Statement of Applicability; exit 1 when anything does"),
    N_("The table shows how far each group of Annex A is decided and implemented and\n"
       "how far each clause of the checklist is in place, then one finding a line: a\n"
       "control not decided, decided without a justification, excluded although risks\n"
       "rely on it, applicable without an owner, implemented without evidence, or with\n"
       "evidence last reviewed more than a year ago; a risk to be mitigated with no\n"
       "applicable control linked; a clause requirement not in place. CSV and JSON give\n"
       "the findings alone, with the columns kind, reference and message.\n"
       "\n"
       "Examples:\n"
       "  aimsctl check-soa demo.db\n"
       "  aimsctl check-soa demo.db --format csv > gaps.csv"),
    "format", 1, 1, aimsctl_cmd_check_soa },
  { "link", "DB RISK CONTROL…", "DB RISK CONTROL",
    N_("Record that a risk relies on Annex A controls; print the risk and its controls"),
    N_("RISK is a risk’s reference or id, CONTROL a control’s reference (A.6.2.4) or id.\n"
       "A control excluded from the Statement of Applicability cannot be linked.\n"
       "\n"
       "Example:\n"
       "  aimsctl link demo.db RSK-003 A.6.2.4 A.8.2"),
    "", 3, G_MAXUINT, aimsctl_cmd_link },
  { "unlink", "DB RISK CONTROL…", "DB RISK CONTROL",
    N_("Remove links between a risk and Annex A controls; print the risk and its controls"),
    N_("A control that risks rely on cannot be excluded: unlink them first.\n"
       "\n"
       "Example:\n"
       "  aimsctl unlink demo.db RSK-003 A.8.2"),
    "", 3, G_MAXUINT, aimsctl_cmd_unlink },
  { "list", "ENTITY DB [--format table|csv|json]", "ENTITY DB",
    N_("List every record of ENTITY, retired AI systems included"),
    N_("ENTITY is one of those of “aimsctl --help”.\n"
       "\n"
       "The table is for people: names instead of ids, labels instead of keys, overdue\n"
       "reviews marked, long text cut with “…”; risks show their scores and bands.\n"
       "\n"
       "CSV and JSON are for scripts: one record a row, columns id, row_version,\n"
       "reference, created_at, created_by, updated_at, updated_by, then every field as\n"
       "stored (choice keys, ids of people and systems, level numbers, ISO 8601 dates),\n"
       "then what a person sees: FIELD_name for a person or system (owner_name),\n"
       "FIELD_label for a choice or a level; for AI systems retired and review_overdue;\n"
       "for risks inherent_score, inherent_band, residual_score, residual_band,\n"
       "above_appetite, review_overdue and acceptance_expired, computed from the\n"
       "organisation’s risk matrix. CSV follows RFC 4180 with LF line ends; an unset\n"
       "field is empty in CSV and null in JSON; true and false are JSON booleans.\n"
       "\n"
       "controls is the Statement of Applicability: the 38 Annex A controls in the\n"
       "order of the standard, each with applicable (yes, no, or empty while not\n"
       "decided), justification, implementation_status, owner, evidence, review_date,\n"
       "soa_status (not decided, excluded, or how far it is implemented) and\n"
       "linked_risks. clauses is the checklist of clauses 4 to 10, with each\n"
       "requirement's status (not_started, partial, in_place), notes and evidence.\n"
       "\n"
       "objectives show, worked out from their measurements, status (on_track, at_risk,\n"
       "off_track, overdue, not_measured, no_target), latest_value, latest_on, trend (up,\n"
       "down, flat), next_due and days_overdue.\n"
       "\n"
       "nonconformities show their state and, from their corrective actions, actions,\n"
       "open_actions, overdue_actions and overdue (true when any action is past its due\n"
       "date and not done); actions show overdue.\n"
       "\n"
       "assessments (impact assessments) show their AI system, version, status, overall\n"
       "impact level, EU AI Act class, assessor, approver, who approved them and when,\n"
       "and the next reassessment; scripts also get review_overdue (true when the\n"
       "approved assessment in force is past its reassessment date).\n"
       "\n"
       "reviews (management reviews) show their title, the day held, status (draft,\n"
       "closed) and who closed them; scripts also get inputs, the headline figures\n"
       "frozen when the review was closed, as JSON. The actions decided at a review\n"
       "are actions whose review_id names it.\n"
       "\n"
       "Examples:\n"
       "  aimsctl list systems demo.db\n"
       "  aimsctl list assessments demo.db\n"
       "  aimsctl list objectives demo.db\n"
       "  aimsctl list systems demo.db --format csv > inventory.csv\n"
       "  aimsctl list risks demo.db\n"
       "  aimsctl list people demo.db --format json"),
    "format", 2, 2, aimsctl_cmd_list },
  { "add", "ENTITY DB --set FIELD=VALUE…", "ENTITY DB",
    N_("Add a record and print its reference"),
    N_("ENTITY is systems, risks, people, objectives, measurements, nonconformities or\n"
       "actions. An impact assessment is started and answered in AIMS Desk; an approved\n"
       "one cannot be changed at all. A person field (owner_id, approver_id)\n"
       "takes a person’s reference, id or exact name, and ai_system_id a system’s; a\n"
       "choice takes its key or its label; a likelihood or impact takes its level (1 to\n"
       "the size of the risk matrix) or its label; a date is YYYY-MM-DD.\n"
       "“aimsctl list ENTITY DB --format csv” shows the field names.\n"
       "\n"
       "A risk needs a title and an owner; a new treatment plan’s target date may not be\n"
       "in the past; accepting a risk above the appetite needs accepted_by_id and\n"
       "accepted_until.\n"
       "\n"
       "A measurement needs its objective, the day it was measured (not in the future)\n"
       "and a value (a number, “.” for decimals); a link field may be named without\n"
       "its _id. An objective’s at_risk_threshold lies on the worse side of its target.\n"
       "  aimsctl add measurements demo.db --set objective=OBJ-001 \\\n"
       "      --set measured_on=2025-06-30 --set value=92.5\n"
       "\n"
       "Examples:\n"
       "  aimsctl add people demo.db --set name=\"Ada Lovelace\" --set role=\"Risk owner\"\n"
       "  aimsctl add systems demo.db --set name=\"Invoice OCR\" --set owner_id=\"Ada Lovelace\" \\\n"
       "      --set sourcing=third_party --set next_review_date=2025-06-30\n"
       "  aimsctl add risks demo.db --set title=\"Invoices misread\" --set ai_system_id=AIS-008 \\\n"
       "      --set owner_id=\"Ada Lovelace\" --set inherent_likelihood=Likely --set inherent_impact=3"),
    "set", 2, 2, aimsctl_cmd_add },
  { "update", "ENTITY DB ID --set FIELD=VALUE… [--expect-version N]", "ENTITY DB ID",
    N_("Change fields of a record; print its reference and new row_version"),
    N_("ID is a reference (AIS-004) or a numeric id. With --expect-version N nothing is\n"
       "written when someone changed the record since you read it at version N: the\n"
       "exit status is then 3. Values are given as for add.\n"
       "\n"
       "Examples:\n"
       "  aimsctl update systems demo.db AIS-004 --set lifecycle_stage=retired \\\n"
       "      --set retired_date=2025-01-31\n"
       "  aimsctl update people demo.db PER-002 --set email=ada@example.org --expect-version 3\n"
       "  aimsctl update controls demo.db A.6.2.4 --set applicable=yes \\\n"
       "      --set justification=\"Treats RSK-001\" --set implementation_status=planned\n"
       "  aimsctl update clauses demo.db 6.1.3 --set status=partial"),
    "set expect-version", 3, 3, aimsctl_cmd_update },
  { "transition", "nonconformities DB ID [STATE [--set FIELD=VALUE…] [--expect-version N]]",
    "ENTITY DB ID STATE",
    N_("Take a nonconformity to a step of its workflow, or show the steps it can take"),
    N_("The clause 10.2 workflow: reported → correction_taken → root_cause_analysed →\n"
       "actions_planned → actions_implemented → effectiveness_verified → closed;\n"
       "rejected (from reported or correction_taken) and reopened (from\n"
       "actions_implemented, effectiveness_verified, closed or rejected), after which it\n"
       "goes back to correction_taken, root_cause_analysed or actions_planned.\n"
       "\n"
       "A step is refused, with what is missing and exit status 1, unless its record is\n"
       "there: the correction; the root cause; a corrective action with an owner and a\n"
       "due date; no action still open; the effectiveness check (effectiveness_by_id,\n"
       "effectiveness_date, effectiveness_evidence, effectiveness_result=effective).\n"
       "rejected needs --set rejection_reason=… and reopened --set reopen_reason=…,\n"
       "given with the step. Fields given with --set are written with the step, or not\n"
       "at all. The state cannot be changed with update.\n"
       "\n"
       "Without STATE: the state, the steps it can take now (or why not) and its history.\n"
       "With STATE it prints the reference, the state and the new row_version.\n"
       "\n"
       "Examples:\n"
       "  aimsctl transition nonconformities demo.db NC-005\n"
       "  aimsctl transition nonconformities demo.db NC-005 actions_planned --expect-version 4\n"
       "  aimsctl transition nonconformities demo.db NC-003 rejected \\\n"
       "      --set rejection_reason=\"A complaint about the wording, not a nonconformity\"\n"
       "  aimsctl transition nonconformities demo.db NC-008 closed"),
    "set expect-version", 3, 4, aimsctl_cmd_transition },
  { "import", "ENTITY DB FILE.csv [--map COLUMN=FIELD…] [--value FIELD:TEXT=VALUE…] [--encoding E]\n"
    "               [--header-row N] [--on-duplicate skip|update] [--skip-invalid] [--save-mapping] [--dry-run]\n"
    "               | batches DB | undo DB BATCH",
    "ENTITY DB FILE",
    N_("Import records from a CSV file, list import batches, or undo one"),
    N_("ENTITY is systems (or people, risks, … any that records can be added to). The\n"
       "encoding (UTF-8 with or without a byte-order mark, UTF-16 with one, else\n"
       "Windows-1252), the delimiter (comma, semicolon, tab) and the header row (title\n"
       "rows above it skipped) are detected; the first line printed says what was found.\n"
       "\n"
       "Without --map the columns are mapped as saved for files with these headers, else\n"
       "as proposed from their names, and the mapping is printed first as options to copy\n"
       "and change. With --map only the columns named are imported. Values of choice\n"
       "fields (“Deployed”, “c) Pilot – …”) become choices where clear; --value says\n"
       "the others.\n"
       "\n"
       "Then every row is checked and the report printed: rows read, imported, updated,\n"
       "skipped, and each warning and error by row and column. A blank or unfit cell is a\n"
       "warning and leaves its field unset; a row without a name is an error, and then\n"
       "nothing is imported unless --skip-invalid. A row with the name and business unit\n"
       "of a record already there (or of an earlier row) is skipped, or with\n"
       "--on-duplicate update written into it. The import is one transaction, all or\n"
       "nothing, recorded as an import batch with the file's name and SHA-256.\n"
       "\n"
       "batches lists the import batches; undo takes one back as a whole (exit 3 when\n"
       "any of its records changed since).\n"
       "\n"
       "Examples:\n"
       "  aimsctl import systems org.db inventory.csv --dry-run\n"
       "  aimsctl import systems org.db inventory.csv --map \"Use Case Name=name\" \\\n"
       "      --map Bureau=business_unit --map Stage=lifecycle_stage \\\n"
       "      --value \"lifecycle_stage:In production=operation\"\n"
       "  aimsctl import systems org.db hhs.csv --encoding WINDOWS-1252 --header-row 2\n"
       "  aimsctl import batches org.db\n"
       "  aimsctl import undo org.db 3"),
    "map value encoding header-row on-duplicate skip-invalid save-mapping dry-run", 2, 3, aimsctl_cmd_import },
  { "export", "heatmap DB OUT.png|OUT.svg|OUT.pdf [--residual] | review DB OUT.xlsx [--from DATE --to DATE]\n"
    "               | report DB OUT.pdf [--from DATE --to DATE] | soa DB OUT.xlsx\n"
    "               | chart DB OBJECTIVE OUT.png|OUT.svg|OUT.pdf | csv ENTITY DB OUT.csv\n"
    "               | assessment DB ID OUT.pdf",
    "WHAT DB OUT",
    N_("Export the risk heatmap, the management-review workbook or PDF pack, the Statement of Applicability, "
       "a KPI chart, a CSV file, or an impact assessment as a PDF"),
    N_("review: the Excel workbook for the management review (ISO/IEC 42001 clause 9.3):\n"
       "a summary with the headline figures and a chart, the AI systems, the risks with\n"
       "their scores and bands in the matrix's colours, the heatmap, the changes made in\n"
       "the period (from the change history) and a legend. The period is the year up to\n"
       "today unless --from and --to say otherwise.\n"
       "\n"
       "report: the same review as a PDF for reading: a title page, the headline figures,\n"
       "the heatmaps, a chart and the risks that need attention, with page numbers.\n"
       "\n"
       "heatmap: the format follows OUT’s extension. The heatmap counts every risk that is not\n"
       "closed by its inherent likelihood and impact (before treatment), or with\n"
       "--residual by its residual ones (after treatment); each cell has the colour of\n"
       "its band in the organisation’s risk matrix, and a line marks the risk appetite.\n"
       "OUT is replaced when it exists, and only once the new file is complete.\n"
       "\n"
       "Examples:\n"
       "  aimsctl export heatmap demo.db heatmap.png\n"
       "  aimsctl export heatmap demo.db residual.pdf --residual\n"
       "  aimsctl export review demo.db review.xlsx --from 2026-01-01 --to 2026-06-30\n"
       "  aimsctl export report demo.db review.pdf\n"
       "  aimsctl export soa demo.db soa.xlsx\n"
       "\n"
       "soa: the Statement of Applicability alone, as auditors read it: the 38 Annex A\n"
       "controls with applicability, justification, implementation status, owner,\n"
       "evidence, last review, linked risks and open points, then each group's progress.\n"
       "\n"
       "chart: one AI objective's KPI over time (OBJECTIVE is its reference or id), with\n"
       "the target line and the at-risk band, in the format of OUT’s extension:\n"
       "  aimsctl export chart demo.db OBJ-001 objective.png\n"
       "\n"
       "csv: every record of ENTITY for a spreadsheet: UTF-8 with a byte-order mark, a\n"
       "header of reference and the field names, choice keys, ISO dates, people and\n"
       "systems by name. aimsctl import reads such a file back into the same records:\n"
       "  aimsctl export csv systems demo.db systems.csv\n"
       "\n"
       "assessment: one impact assessment (ID is its reference or id) as a PDF to read:\n"
       "its AI system, version, status and approval, every page of questions with the\n"
       "answers given, the impact ratings as a heatmap, the EU AI Act result with its\n"
       "reasons, and the mitigations with their linked risks:\n"
       "  aimsctl export assessment demo.db AIA-001 assessment.pdf"),
    "residual from to", 3, 4, aimsctl_cmd_export },
  { "backup", "DB OUT", "DB OUT",
    N_("Copy the database to OUT, consistently, even while others write to it"),
    N_("Refuses when OUT exists already. The copy is a plain file without a write-ahead log.\n"
       "\n"
       "Example:\n"
       "  aimsctl backup demo.db \"demo-$(date +%F).db\""),
    "", 2, 2, aimsctl_cmd_backup },
};

static const AimsctlCommand *
find_command (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (commands[i].name, name))
      return &commands[i];
  return NULL;
}

/* ── Help ──────────────────────────────────────────────────────────────── */

static void
append_options_help (GString    *out,
                     const char *title,
                     const char *names)
{
  g_auto(GStrv) split = g_strsplit (names, " ", -1);

  if (split[0] == NULL || *split[0] == '\0')
    return;
  g_string_append_printf (out, "\n%s\n", title);
  for (guint i = 0; split[i] != NULL; i++)
    {
      const OptionSpec *spec = find_option_spec (split[i]);

      g_string_append (out, "  ");
      if (spec->short_name != '\0')
        g_string_append_printf (out, "-%c, ", spec->short_name);
      g_string_append_printf (out, "--%s", spec->long_name);
      if (spec->arg_description != NULL)
        g_string_append_printf (out, " %s", _(spec->arg_description));
      g_string_append_printf (out, "\n      %s\n", _(spec->description));
    }
}

static void
print_command_help (const AimsctlCommand *command)
{
  g_autoptr(GString) out = g_string_new (NULL);

  g_string_append_printf (out, _("Usage: aimsctl %s %s\n"), command->name, command->synopsis);
  g_string_append_printf (out, "\n%s.\n", _(command->summary));
  append_options_help (out, _("Options:"), command->options);
  append_options_help (out, _("Options of every command:"), global_options);
  g_string_append_printf (out, "\n%s\n", _(command->details));
  aimsctl_write_out (out);
}

static void
print_help (void)
{
  g_autoptr(GString) out = g_string_new (NULL);

  g_string_append_printf (out, "%s\n\n%s\n\n%s\n",
                          _("Usage: aimsctl [OPTION…] COMMAND ARGUMENTS…"),
                          _("Keep the ISO/IEC 42001 AI management system of an AIMS Desk database."),
                          _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_string_append_printf (out, "  %s %s\n      %s\n",
                            commands[i].name, commands[i].synopsis, _(commands[i].summary));
  {
    g_autofree char *entities = g_strjoinv (", ", (char **) aims_entity_names ());

    g_string_append (out, "\n");
    /* Translators: %s lists the entities: "systems, risks, people, …" */
    g_string_append_printf (out, _("ENTITY is one of: %s. DB is the database file."), entities);
    g_string_append (out, "\n");
  }
  append_options_help (out, _("Options of every command:"), global_options);
  append_options_help (out, _("Other options:"), "version");
  g_string_append_printf (out, "\n%s\n\n%s\n",
                          _("Exit status: 0 done; 1 failed; 2 bad usage; 3 conflict (the record\n"
                            "changed since --expect-version); 4 the database stayed busy past the timeout."),
                          _("Run “aimsctl help COMMAND” for the options and examples of a command."));
  aimsctl_write_out (out);
}

int
aimsctl_usage_error (const AimsctlCommand *command,
                     const char           *format,
                     ...)
{
  va_list args;

  va_start (args, format);
  aimsctl_print_failure_v (NULL, format, args);
  va_end (args);
  if (command != NULL)
    g_printerr (_("Usage: aimsctl %s %s\nRun “aimsctl help %s” for more.\n"),
                command->name, command->synopsis, command->name);
  else
    g_printerr (_("Usage: aimsctl [OPTION…] COMMAND ARGUMENTS…\nRun “aimsctl --help” for the commands.\n"));
  return AIMSCTL_EXIT_USAGE;
}

/* ── Running ───────────────────────────────────────────────────────────── */

static int
run_help_command (char **args)
{
  const AimsctlCommand *command;

  if (args[0] == NULL)
    {
      print_help ();
      return AIMSCTL_EXIT_OK;
    }
  if ((command = find_command (args[0])) == NULL)
    return aimsctl_usage_error (NULL, _("unknown command “%s”"), args[0]);
  if (args[1] != NULL)
    return aimsctl_usage_error (NULL, _("unexpected argument “%s”"), args[1]);
  print_command_help (command);
  return AIMSCTL_EXIT_OK;
}

/* The timeout from --timeout, else $AIMS_BUSY_TIMEOUT, else the default. */
static int
settle_timeout (AimsctlOptions *options)
{
  const char *env = g_getenv ("AIMS_BUSY_TIMEOUT");
  guint64 value;

  if (options->timeout_ms != AIMSCTL_NOT_GIVEN)
    {
      if (options->timeout_ms < 0 || options->timeout_ms > G_MAXINT)
        return aimsctl_usage_error (NULL, _("--timeout wants milliseconds: 0 or more"));
      return AIMSCTL_EXIT_OK;
    }
  if (env == NULL || *env == '\0')
    {
      options->timeout_ms = AIMSCTL_DEFAULT_TIMEOUT_MS;
      return AIMSCTL_EXIT_OK;
    }
  if (!g_ascii_string_to_unsigned (env, 10, 0, G_MAXINT, &value, NULL))
    return aimsctl_usage_error (NULL, _("AIMS_BUSY_TIMEOUT wants milliseconds, not “%s”"), env);
  options->timeout_ms = (gint64) value;
  return AIMSCTL_EXIT_OK;
}

static int
run_command (const AimsctlCommand  *command,
             AimsctlOptions        *options,
             char                 **argv)
{
  g_autoptr(GOptionContext) context = option_context_new (options, command->options, TRUE);
  g_auto(GStrv) args = g_strdupv (argv);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) parameters = g_strsplit (command->parameters, " ", -1);
  AimsctlInvocation inv = { command, options, NULL, 0 };
  int status;

  /* args[0] is the command's name, where GOption expects the program's. */
  if (!g_option_context_parse_strv (context, &args, &error))
    return aimsctl_usage_error (command, "%s", error->message);
  if (options->help)
    {
      print_command_help (command);
      return AIMSCTL_EXIT_OK;
    }

  inv.args = args + 1;
  inv.n_args = g_strv_length (inv.args);
  if (inv.n_args < command->min_args)
    return aimsctl_usage_error (command, _("missing %s"), parameters[inv.n_args]);
  if (inv.n_args > command->max_args)
    return aimsctl_usage_error (command, _("unexpected argument “%s”"), inv.args[command->max_args]);
  if ((status = settle_timeout (options)) != AIMSCTL_EXIT_OK)
    return status;

  return command->run (&inv);
}

static int
run (AimsctlOptions  *options,
     char           **argv)
{
  g_autoptr(GOptionContext) context = option_context_new (options, "version", TRUE);
  g_auto(GStrv) args = g_strdupv (argv);
  g_autoptr(GError) error = NULL;
  const AimsctlCommand *command;

  /* Options before the command's name are global; parsing stops at the name. */
  g_option_context_set_strict_posix (context, TRUE);
  if (!g_option_context_parse_strv (context, &args, &error))
    return aimsctl_usage_error (NULL, "%s", error->message);

  if (options->version)
    {
      g_print ("aimsctl (AIMS Desk) %s\n", AIMS_VERSION);
      return AIMSCTL_EXIT_OK;
    }
  if (args[0] == NULL || args[1] == NULL)
    {
      if (!options->help)
        return aimsctl_usage_error (NULL, _("missing COMMAND"));
      print_help ();
      return AIMSCTL_EXIT_OK;
    }
  if (g_str_equal (args[1], "help"))
    return run_help_command (args + 2);
  if ((command = find_command (args[1])) == NULL)
    return aimsctl_usage_error (NULL, _("unknown command “%s”"), args[1]);
  return run_command (command, options, args + 1);
}

int
main (int    argc,
      char **argv)
{
  AimsctlOptions options = {
    .timeout_ms = AIMSCTL_NOT_GIVEN,
    .scale = AIMSCTL_NOT_GIVEN,
    .expect_version = AIMSCTL_NOT_GIVEN,
    .header_row = AIMSCTL_NOT_GIVEN,
  };
  int status;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_set_prgname ("aimsctl");

  status = run (&options, argv);
  options_clear (&options);
  return status;
}
