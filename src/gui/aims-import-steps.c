/* aims-import-steps.c — what each step of the import window shows
 *
 * Built from the core's file, mapping and report; every change the user
 * makes goes straight back to the core (aims_import_mapping_set_field(),
 * _set_value()), which refuses what cannot be.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "aims-import-assistant-private.h"

/* What the encoding drop-down offers; a file read in another (named on
 * the command line) is added to it. */
static const char *const encodings[] = {
  AIMS_CSV_UTF8, AIMS_CSV_WINDOWS_1252, "UTF-16LE", "UTF-16BE", "ISO-8859-1", "ISO-8859-15", "MACINTOSH", NULL,
};
static const char delimiters[] = { ',', ';', '\t', '|' };

static GtkWidget *
new_page (void)
{
  GtkWidget *page = adw_preferences_page_new ();

  gtk_widget_set_vexpand (page, TRUE);
  return page;
}

/* Replaces what the step's box holds. */
static void
set_step_child (GtkWidget *box,
                GtkWidget *child)
{
  GtkWidget *old;

  while ((old = gtk_widget_get_first_child (box)) != NULL)
    gtk_box_remove (GTK_BOX (box), old);
  gtk_box_append (GTK_BOX (box), child);
}

static GtkWidget *
new_row (const char *title,
         const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  /* Headers and cells are the file's text, not markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return row;
}

static GtkWidget *
new_dropdown (GtkStringList *model,
              guint          selected,
              const char    *accessible_label)
{
  /* The drop-down takes a reference of its own: the model is shared by rows. */
  GtkWidget *dropdown = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (model)), NULL);

  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), selected);
  gtk_widget_set_valign (dropdown, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_label, -1);
  return dropdown;
}

/* ── Step 1: the file ──────────────────────────────────────────────────── */

static void
encoding_changed_cb (AimsImportAssistant *self)
{
  GtkStringObject *item;

  if (self->filling)
    return;
  item = adw_combo_row_get_selected_item (self->encoding_row);
  g_free (self->encoding);
  self->encoding = item != NULL ? g_strdup (gtk_string_object_get_string (item)) : NULL;
  _aims_import_assistant_reload (self);
}

static void
delimiter_changed_cb (AimsImportAssistant *self)
{
  guint selected = adw_combo_row_get_selected (self->delimiter_row);

  if (self->filling || selected >= G_N_ELEMENTS (delimiters))
    return;
  self->delimiter = delimiters[selected];
  _aims_import_assistant_reload (self);
}

static void
header_row_changed_cb (AimsImportAssistant *self)
{
  if (self->filling)
    return;
  self->header_row = (guint) gtk_spin_button_get_value_as_int (self->header_spin);
  _aims_import_assistant_reload (self);
}

static char *
describe_encoding (const AimsCsvSniff *sniff)
{
  if (sniff->bom)
    /* Translators: %s is an encoding, "UTF-8" */
    return g_strdup_printf (_("Read as %s, with a byte-order mark"), sniff->encoding);
  /* Translators: %s is an encoding, "WINDOWS-1252" */
  return g_strdup_printf (_("Read as %s"), sniff->encoding);
}

/* The first rows as the reader found them: title rows dimmed, the header
 * row bold, a row number on the left as a spreadsheet shows it. */
static GtkWidget *
build_preview (const AimsCsvSniff *sniff)
{
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *grid = gtk_grid_new ();

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_AUTOMATIC, GTK_POLICY_NEVER);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 18);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_widget_set_margin_start (grid, 12);
  gtk_widget_set_margin_end (grid, 12);
  gtk_widget_set_margin_top (grid, 12);
  gtk_widget_set_margin_bottom (grid, 12);
  for (guint r = 0; r < sniff->rows->len; r++)
    {
      char **cells = g_ptr_array_index (sniff->rows, r);
      g_autofree char *number = g_strdup_printf ("%u", r + 1);
      GtkWidget *label = gtk_label_new (number);

      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_add_css_class (label, "numeric");
      gtk_label_set_xalign (GTK_LABEL (label), 1.0);
      gtk_grid_attach (GTK_GRID (grid), label, 0, (int) r, 1, 1);
      for (guint c = 0; cells != NULL && cells[c] != NULL && c < sniff->n_columns; c++)
        {
          g_autofree char *text = aims_csv_text_one_line (cells[c]);

          label = gtk_label_new (text);
          gtk_label_set_xalign (GTK_LABEL (label), 0.0);
          gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
          /* At least a few words of each cell, however narrow the view:
           * the view scrolls sideways instead. */
          gtk_label_set_width_chars (GTK_LABEL (label), MIN ((int) g_utf8_strlen (text, -1), 14));
          gtk_label_set_max_width_chars (GTK_LABEL (label), 28);
          gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
          if (*text != '\0')
            gtk_widget_set_tooltip_text (label, text);
          if (r + 1 == sniff->header_row)
            gtk_widget_add_css_class (label, "heading");
          else if (r + 1 < sniff->header_row)
            gtk_widget_add_css_class (label, "dim-label");
          gtk_grid_attach (GTK_GRID (grid), label, (int) c + 1, (int) r, 1, 1);
        }
    }
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), grid);
  gtk_widget_add_css_class (scroller, "card");
  return scroller;
}

static void
choose_clicked_cb (AimsImportAssistant *self)
{
  _aims_import_assistant_choose_file (self);
}

static guint
encoding_index (AimsImportAssistant *self,
                const char          *encoding)
{
  GListModel *model = adw_combo_row_get_model (self->encoding_row);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (model, i);

      if (g_ascii_strcasecmp (gtk_string_object_get_string (item), encoding) == 0)
        return i;
    }
  gtk_string_list_append (GTK_STRING_LIST (model), encoding);
  return n;
}

void
_aims_import_steps_show_file (AimsImportAssistant *self,
                              const char          *error)
{
  const AimsCsvSniff *sniff = self->file != NULL ? aims_import_file_get_sniff (self->file) : NULL;
  gboolean have = sniff != NULL;

  self->filling = TRUE;
  if (self->path != NULL)
    {
      g_autofree char *name = g_path_get_basename (self->path);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->file_row), name);
      adw_action_row_set_subtitle (self->file_row, self->path);
    }
  /* Shown for a file that could not be read too: another encoding or
   * header row may be what reads it. */
  gtk_widget_set_visible (GTK_WIDGET (self->encoding_row), self->path != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->delimiter_row), self->path != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->header_row_row), self->path != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->preview_group), have);
  gtk_label_set_text (self->file_error, error != NULL ? error : "");
  gtk_widget_set_visible (GTK_WIDGET (self->file_error), error != NULL);

  if (have)
    {
      g_autofree char *encoding = describe_encoding (sniff);
      g_autofree char *size = NULL;

      adw_combo_row_set_selected (self->encoding_row, encoding_index (self, sniff->encoding));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->encoding_row), encoding);
      for (guint i = 0; i < G_N_ELEMENTS (delimiters); i++)
        if (delimiters[i] == sniff->delimiter)
          adw_combo_row_set_selected (self->delimiter_row, i);
      gtk_spin_button_set_value (self->header_spin, sniff->header_row);
      /* Translators: "1757 rows below the header, 62 columns" */
      size = g_strdup_printf (_("%u rows below the header, %u columns"),
                              aims_import_file_get_n_rows (self->file), sniff->n_columns);
      adw_preferences_group_set_description (self->preview_group, size);
      if (self->preview != NULL)
        adw_preferences_group_remove (self->preview_group, self->preview);
      self->preview = build_preview (sniff);
      adw_preferences_group_add (self->preview_group, self->preview);
    }
  self->filling = FALSE;
}

static void
undo_batch_clicked_cb (GtkButton           *button,
                       AimsImportAssistant *self)
{
  gint64 *id = g_object_get_data (G_OBJECT (button), "aims-batch-id");

  _aims_import_assistant_undo (self, *id);
}

/* Earlier imports, newest first, each with its Undo while it stands. */
void
_aims_import_steps_build_batches (AimsImportAssistant *self)
{
  AimsDb *db = aims_context_get_db (self->context);
  g_autoptr(GPtrArray) batches = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *list = gtk_list_box_new ();
  guint shown = 0;

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  if (db != NULL && (batches = aims_import_list_batches (db, &error)) == NULL)
    g_warning ("Could not list the import batches: %s", error->message);
  for (guint i = batches != NULL ? batches->len : 0; i-- > 0 && shown < 10;)
    {
      AimsImportBatch *batch = g_ptr_array_index (batches, i);
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, batch->id);
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;
      GtkWidget *row;

      if (batch->entity != aims_entity_systems ())
        continue;
      /* Translators: "Batch 3: inventory.csv" */
      title = g_strdup_printf (_("Batch %s: %s"), number, batch->file_name);
      if (batch->undone_at != NULL)
        /* Translators: "12 records, 2026-11-28T10:00:00Z by Ana; undone 2026-…" */
        subtitle = g_strdup_printf (_("%u records, %s by %s; undone %s by %s"), batch->row_count,
                                    batch->created_at, batch->created_by, batch->undone_at, batch->undone_by);
      else
        subtitle = g_strdup_printf (_("%u records, %s by %s"), batch->row_count, batch->created_at,
                                    batch->created_by);
      row = new_row (title, subtitle);
      if (batch->undone_at == NULL)
        {
          GtkWidget *undo = gtk_button_new_with_mnemonic (_("_Undo"));
          gint64 *id = g_new (gint64, 1);

          *id = batch->id;
          gtk_widget_set_valign (undo, GTK_ALIGN_CENTER);
          g_object_set_data_full (G_OBJECT (undo), "aims-batch-id", id, g_free);
          g_signal_connect (undo, "clicked", G_CALLBACK (undo_batch_clicked_cb), self);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), undo);
        }
      gtk_list_box_append (GTK_LIST_BOX (list), row);
      shown++;
    }
  if (self->batches_list != NULL)
    adw_preferences_group_remove (self->batches_group, self->batches_list);
  self->batches_list = list;
  adw_preferences_group_add (self->batches_group, list);
  gtk_widget_set_visible (GTK_WIDGET (self->batches_group), shown > 0);
}

static void
build_file_step (AimsImportAssistant *self)
{
  GtkWidget *page = new_page ();
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *choose = gtk_button_new_with_mnemonic (_("_Choose File…"));
  g_autoptr(GtkStringList) encoding_model = gtk_string_list_new ((const char *const *) encodings);
  g_autoptr(GtkStringList) delimiter_model = gtk_string_list_new (NULL);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("CSV File"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("A spreadsheet saved as CSV: one AI system a row, with a header row naming the columns."));

  self->file_row = ADW_ACTION_ROW (new_row (_("No file chosen"), NULL));
  gtk_widget_set_valign (choose, GTK_ALIGN_CENTER);
  g_signal_connect_swapped (choose, "clicked", G_CALLBACK (choose_clicked_cb), self);
  adw_action_row_add_suffix (self->file_row, choose);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->file_row));

  self->encoding_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->encoding_row), _("_Encoding"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (self->encoding_row), TRUE);
  adw_combo_row_set_model (self->encoding_row, G_LIST_MODEL (encoding_model));
  g_signal_connect_swapped (self->encoding_row, "notify::selected", G_CALLBACK (encoding_changed_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->encoding_row));

  gtk_string_list_append (delimiter_model, _("Comma"));
  gtk_string_list_append (delimiter_model, _("Semicolon"));
  gtk_string_list_append (delimiter_model, _("Tab"));
  gtk_string_list_append (delimiter_model, _("Vertical bar"));
  self->delimiter_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->delimiter_row), _("_Delimiter"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (self->delimiter_row), TRUE);
  adw_combo_row_set_model (self->delimiter_row, G_LIST_MODEL (delimiter_model));
  g_signal_connect_swapped (self->delimiter_row, "notify::selected", G_CALLBACK (delimiter_changed_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->delimiter_row));

  self->header_row_row = ADW_ACTION_ROW (new_row (_("_Header row"), _("Rows above it are titles and are not read")));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (self->header_row_row), TRUE);
  self->header_spin = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (1, AIMS_CSV_SNIFF_ROWS, 1));
  gtk_widget_set_valign (GTK_WIDGET (self->header_spin), GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->header_spin), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Header row"), -1);
  g_signal_connect_swapped (self->header_spin, "value-changed", G_CALLBACK (header_row_changed_cb), self);
  adw_action_row_add_suffix (self->header_row_row, GTK_WIDGET (self->header_spin));
  adw_action_row_set_activatable_widget (self->header_row_row, GTK_WIDGET (self->header_spin));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->header_row_row));

  self->file_error = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->file_error, TRUE);
  gtk_label_set_xalign (self->file_error, 0.0);
  gtk_label_set_selectable (self->file_error, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->file_error), "error");
  gtk_widget_set_margin_top (GTK_WIDGET (self->file_error), 12);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->file_error));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));

  self->preview_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->preview_group, _("First Rows"));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), self->preview_group);

  self->batches_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->batches_group, _("Earlier Imports"));
  adw_preferences_group_set_description (self->batches_group,
                                         _("An import can be undone as a whole while its AI systems are unchanged since."));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), self->batches_group);

  set_step_child (self->step_boxes[0], page);
  _aims_import_steps_show_file (self, NULL);
  _aims_import_steps_build_batches (self);
}

/* ── Step 2: columns to fields ─────────────────────────────────────────── */

void
_aims_import_steps_show_columns_message (AimsImportAssistant *self,
                                         const char          *message,
                                         gboolean             is_error)
{
  gtk_label_set_text (self->columns_message, message);
  if (is_error)
    gtk_widget_add_css_class (GTK_WIDGET (self->columns_message), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->columns_message), "error");
}

/* The fields a column can go into, in the entity's order; index 0 of the
 * drop-down is "leave out". */
static GPtrArray *
writable_fields (void)
{
  const AimsEntity *entity = aims_entity_systems ();
  GPtrArray *fields = g_ptr_array_new ();

  for (guint i = 0; i < entity->n_fields; i++)
    if (!entity->fields[i].read_only)
      g_ptr_array_add (fields, (gpointer) &entity->fields[i]);
  return fields;
}

static void
column_field_changed_cb (GtkDropDown         *dropdown,
                         GParamSpec          *pspec,
                         AimsImportAssistant *self)
{
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dropdown), "aims-column"));
  guint selected = gtk_drop_down_get_selected (dropdown);
  g_autoptr(GPtrArray) fields = writable_fields ();
  const AimsField *field = selected > 0 && selected <= fields->len ? g_ptr_array_index (fields, selected - 1) : NULL;
  g_autoptr(GError) error = NULL;

  if (self->filling)
    return;
  /* Putting a refused choice back comes here too, after the fact. */
  if (field == aims_import_mapping_get_field (self->mapping, column))
    return;
  if (!aims_import_mapping_set_field (self->mapping, column, field != NULL ? field->name : NULL, &error))
    {
      const AimsField *was = aims_import_mapping_get_field (self->mapping, column);

      _aims_import_steps_show_columns_message (self, error->message, TRUE);
      self->filling = TRUE;
      gtk_drop_down_set_selected (dropdown, 0);
      for (guint i = 0; was != NULL && i < fields->len; i++)
        if (g_ptr_array_index (fields, i) == was)
          gtk_drop_down_set_selected (dropdown, i + 1);
      self->filling = FALSE;
      return;
    }
  _aims_import_steps_show_columns_message (self, "", FALSE);
  g_clear_pointer (&self->report, aims_import_report_free);
}

static void
save_mapping_clicked_cb (AimsImportAssistant *self)
{
  g_autoptr(GError) error = NULL;
  AimsDb *db = aims_context_get_db (self->context);

  if (db == NULL || !aims_import_mapping_save (db, self->mapping, aims_context_get_author (self->context), &error))
    _aims_import_steps_show_columns_message (self, error != NULL ? error->message : _("No database is open."), TRUE);
  else
    _aims_import_steps_show_columns_message (self, _("Mapping saved: it is proposed again for a file with the same columns."),
                                             FALSE);
}

static char *
describe_column (const AimsImportColumn *column)
{
  if (column->n_filled == 0)
    return g_strdup (_("Empty in every row"));
  if (column->values != NULL && column->values->len > 0)
    {
      AimsImportValue *first = g_ptr_array_index (column->values, 0);
      g_autofree char *sample = g_utf8_substring (first->text, 0, MIN (g_utf8_strlen (first->text, -1), 60));

      /* Translators: "1757 rows filled, 12 different values, e.g. “Deployed”" */
      return g_strdup_printf (_("%u rows filled, %u different values, e.g. “%s”"), column->n_filled,
                              column->values->len, sample);
    }
  return g_strdup_printf (_("%u rows filled, free text"), column->n_filled);
}

void
_aims_import_steps_build_columns (AimsImportAssistant *self)
{
  GtkWidget *page = new_page ();
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *save = gtk_button_new_with_mnemonic (_("_Save Mapping"));
  g_autoptr(GPtrArray) fields = writable_fields ();
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);
  guint n = self->mapping != NULL ? aims_import_mapping_get_n_columns (self->mapping) : 0;

  self->columns_page = page;
  gtk_string_list_append (model, _("Leave Out"));
  for (guint i = 0; i < fields->len; i++)
    gtk_string_list_append (model, _(((const AimsField *) g_ptr_array_index (fields, i))->label));

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Columns"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         self->mapping_loaded
                                         ? _("The mapping saved for a file with these columns. Several columns can go into a long text such as Description: each becomes a paragraph headed by its column’s name.")
                                         : _("Proposed from the column names. Several columns can go into a long text such as Description: each becomes a paragraph headed by its column’s name."));
  gtk_widget_set_valign (save, GTK_ALIGN_CENTER);
  g_signal_connect_swapped (save, "clicked", G_CALLBACK (save_mapping_clicked_cb), self);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), save);

  self->columns_message = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->columns_message, TRUE);
  gtk_label_set_xalign (self->columns_message, 0.0);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->columns_message), 6);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->columns_message));

  self->filling = TRUE;
  for (guint c = 0; c < n; c++)
    {
      const AimsImportColumn *column = aims_import_file_get_column (self->file, c);
      const AimsField *field = aims_import_mapping_get_field (self->mapping, c);
      g_autofree char *subtitle = describe_column (column);
      g_autofree char *title = g_strdup_printf ("%u. %s", c + 1, aims_import_mapping_get_header (self->mapping, c));
      g_autofree char *accessible = g_strdup_printf (_("Field for column %s"), title);
      GtkWidget *row = new_row (title, subtitle);
      guint selected = 0;
      GtkWidget *dropdown;

      for (guint i = 0; field != NULL && i < fields->len; i++)
        if (g_ptr_array_index (fields, i) == field)
          selected = i + 1;
      dropdown = new_dropdown (model, selected, accessible);
      g_object_set_data (G_OBJECT (dropdown), "aims-column", GUINT_TO_POINTER (c));
      g_signal_connect (dropdown, "notify::selected", G_CALLBACK (column_field_changed_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), dropdown);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
  self->filling = FALSE;
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
  set_step_child (self->step_boxes[1], page);
}

/* ── Step 3: values of choice fields ───────────────────────────────────── */

static void
value_changed_cb (GtkDropDown         *dropdown,
                  GParamSpec          *pspec,
                  AimsImportAssistant *self)
{
  const AimsField *field = g_object_get_data (G_OBJECT (dropdown), "aims-field");
  const char *text = g_object_get_data (G_OBJECT (dropdown), "aims-text");
  guint selected = gtk_drop_down_get_selected (dropdown);
  g_autoptr(GError) error = NULL;

  if (self->filling)
    return;
  if (!aims_import_mapping_set_value (self->mapping, field->name, text,
                                      selected > 0 ? field->choices[selected - 1].key : "", &error))
    g_warning ("%s", error->message);
  g_clear_pointer (&self->report, aims_import_report_free);
}

static void
add_choice_group (AimsImportAssistant *self,
                  GtkWidget           *page,
                  const AimsField     *field)
{
  GtkWidget *group = adw_preferences_group_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) values = aims_import_list_choice_values (self->file, self->mapping, field->name, &error);
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _(field->label));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
  if (values == NULL)
    {
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), error->message);
      return;
    }
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("Each value found in the file, with how many rows hold it. Values proposed where the meaning is clear; the rest are left unset unless you choose."));
  gtk_string_list_append (model, _("Leave Unset"));
  for (guint i = 0; field->choices[i].key != NULL; i++)
    gtk_string_list_append (model, _(field->choices[i].label));

  for (guint v = 0; v < values->len; v++)
    {
      AimsImportChoiceValue *value = g_ptr_array_index (values, v);
      g_autofree char *subtitle = NULL;
      g_autofree char *title = NULL;
      g_autofree char *accessible = NULL;
      guint selected = 0;
      GtkWidget *row;
      GtkWidget *dropdown;

      for (guint i = 0; value->key != NULL && field->choices[i].key != NULL; i++)
        if (g_str_equal (field->choices[i].key, value->key))
          selected = i + 1;
      if (value->was_set)
        subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u row", "%u rows", value->count), value->count);
      else if (value->key != NULL)
        subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u row, proposed", "%u rows, proposed",
                                                 value->count), value->count);
      else
        subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u row, no choice fits", "%u rows, no choice fits",
                                                 value->count), value->count);
      title = *value->text != '\0' ? g_strdup (value->text) : g_strdup (_("(blank)"));
      /* Translators: "Lifecycle stage for “Deployed”" */
      accessible = g_strdup_printf (_("%s for “%s”"), _(field->label), title);
      row = new_row (title, subtitle);
      dropdown = new_dropdown (model, selected, accessible);
      g_object_set_data (G_OBJECT (dropdown), "aims-field", (gpointer) field);
      g_object_set_data_full (G_OBJECT (dropdown), "aims-text", g_strdup (value->text), g_free);
      g_signal_connect (dropdown, "notify::selected", G_CALLBACK (value_changed_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), dropdown);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
}

void
_aims_import_steps_build_values (AimsImportAssistant *self)
{
  const AimsEntity *entity = aims_entity_systems ();
  GtkWidget *page = new_page ();
  guint groups = 0;

  self->values_page = page;
  self->filling = TRUE;
  for (guint i = 0; i < entity->n_fields; i++)
    {
      const AimsField *field = &entity->fields[i];
      g_autoptr(GArray) columns = NULL;

      if (field->type != AIMS_FIELD_CHOICE || field->read_only)
        continue;
      columns = aims_import_mapping_get_columns (self->mapping, field->name);
      if (columns == NULL || columns->len == 0)
        continue;
      add_choice_group (self, page, field);
      groups++;
    }
  self->filling = FALSE;
  if (groups == 0)
    {
      GtkWidget *status = adw_status_page_new ();

      adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), "object-select-symbolic");
      adw_status_page_set_title (ADW_STATUS_PAGE (status), _("No Values to Map"));
      adw_status_page_set_description (ADW_STATUS_PAGE (status),
                                       _("No column goes into a field with a fixed set of choices."));
      gtk_widget_set_vexpand (status, TRUE);
      page = status;
    }
  set_step_child (self->step_boxes[2], page);
}

/* ── Step 4: the check ─────────────────────────────────────────────────── */

static void
duplicate_changed_cb (GtkDropDown         *dropdown,
                      GParamSpec          *pspec,
                      AimsImportAssistant *self)
{
  gpointer row = g_object_get_data (G_OBJECT (dropdown), "aims-row");

  if (gtk_drop_down_get_selected (dropdown) == 1)
    g_hash_table_add (self->update_rows, row);
  else
    g_hash_table_remove (self->update_rows, row);
}

static void
skip_invalid_toggled_cb (AimsImportAssistant *self)
{
  _aims_import_assistant_update (self);
}

static char *
problem_place (AimsImportAssistant *self,
               AimsImportProblem   *problem)
{
  if (problem->column >= 0 && (guint) problem->column < aims_import_mapping_get_n_columns (self->mapping))
    /* Translators: "Row 12, column “Stage”" */
    return g_strdup_printf (_("Row %u, column “%s”"), problem->row,
                            aims_import_mapping_get_header (self->mapping, (guint) problem->column));
  return g_strdup_printf (_("Row %u"), problem->row);
}

static void
add_problems (AimsImportAssistant *self,
              GtkWidget           *page,
              AimsImportSeverity   severity)
{
  AimsImportReport *report = self->report;
  guint count = severity == AIMS_IMPORT_ERROR ? report->n_errors : report->n_warnings;
  GtkWidget *group;
  guint shown = 0;

  if (count == 0)
    return;
  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group),
                                   severity == AIMS_IMPORT_ERROR ? _("Rows That Cannot Be Imported")
                                                                 : _("Warnings"));
  for (guint i = 0; i < report->problems->len; i++)
    {
      AimsImportProblem *problem = g_ptr_array_index (report->problems, i);
      g_autofree char *place = NULL;
      GtkWidget *row;
      GtkWidget *icon;

      if (problem->severity != severity || problem->kind == AIMS_IMPORT_PROBLEM_DUPLICATE)
        continue;
      if (shown++ >= AIMS_IMPORT_ROWS_SHOWN)
        continue;
      place = problem_place (self, problem);
      row = new_row (place, problem->message);
      icon = gtk_image_new_from_icon_name (severity == AIMS_IMPORT_ERROR ? "dialog-error-symbolic"
                                                                        : "dialog-warning-symbolic");
      gtk_widget_add_css_class (icon, severity == AIMS_IMPORT_ERROR ? "error" : "warning");
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
  if (shown > AIMS_IMPORT_ROWS_SHOWN)
    {
      g_autofree char *more = g_strdup_printf (_("The first %u of %u are listed."), AIMS_IMPORT_ROWS_SHOWN, shown);

      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), more);
    }
  if (shown > 0)
    adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
  else
    g_object_ref_sink (group), g_object_unref (group);
}

static void
add_duplicates (AimsImportAssistant *self,
                GtkWidget           *page)
{
  AimsImportReport *report = self->report;
  GtkWidget *group = adw_preferences_group_new ();
  const char *skip_update[] = { _("Skip"), _("Update"), NULL };
  const char *skip_merge[] = { _("Skip"), _("Merge"), NULL };
  g_autoptr(GtkStringList) existing_model = gtk_string_list_new (skip_update);
  g_autoptr(GtkStringList) earlier_model = gtk_string_list_new (skip_merge);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Duplicates"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("Rows with the name and business unit of an AI system already in the database, or of an earlier row: skip them, or write their filled cells into it."));
  for (guint i = 0; i < report->duplicates->len && i < AIMS_IMPORT_ROWS_SHOWN; i++)
    {
      AimsImportDuplicate *duplicate = g_ptr_array_index (report->duplicates, i);
      g_autofree char *title = g_strdup_printf (_("Row %u: %s"), duplicate->row, duplicate->title);
      g_autofree char *subtitle = NULL;
      g_autofree char *accessible = g_strdup_printf (_("What to do with row %u"), duplicate->row);
      GtkWidget *row;
      GtkWidget *dropdown;

      if (duplicate->existing_reference != NULL)
        /* Translators: "Business unit: HHS. The same as AIS-014" */
        subtitle = g_strdup_printf (_("Business unit: %s. The same as %s"),
                                    duplicate->business_unit != NULL ? duplicate->business_unit : _("none"),
                                    duplicate->existing_reference);
      else
        subtitle = g_strdup_printf (_("Business unit: %s. The same as row %u"),
                                    duplicate->business_unit != NULL ? duplicate->business_unit : _("none"),
                                    duplicate->earlier_row);
      row = new_row (title, subtitle);
      dropdown = new_dropdown (duplicate->existing_reference != NULL ? existing_model : earlier_model,
                               g_hash_table_contains (self->update_rows, GUINT_TO_POINTER (duplicate->row)),
                               accessible);
      g_object_set_data (G_OBJECT (dropdown), "aims-row", GUINT_TO_POINTER (duplicate->row));
      g_signal_connect (dropdown, "notify::selected", G_CALLBACK (duplicate_changed_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), dropdown);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
  if (report->duplicates->len > AIMS_IMPORT_ROWS_SHOWN)
    {
      g_autofree char *more = g_strdup_printf (_("The first %u of %u are listed; the others are skipped."),
                                               AIMS_IMPORT_ROWS_SHOWN, report->duplicates->len);
      GtkWidget *label = gtk_label_new (more);

      gtk_label_set_xalign (GTK_LABEL (label), 0.0);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_set_margin_top (label, 6);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), label);
    }
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
}

void
_aims_import_steps_build_check (AimsImportAssistant *self,
                                const char          *error)
{
  AimsImportReport *report = self->report;
  GtkWidget *page = new_page ();
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *label = gtk_label_new (NULL);
  g_autofree char *text = NULL;

  self->check_page = page;
  /* Kept by the window: the import reads it whether or not it is shown. */
  g_clear_object (&self->skip_invalid_check);
  self->skip_invalid_check = GTK_CHECK_BUTTON (g_object_ref_sink (gtk_check_button_new ()));
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Every Row Checked"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), label);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));

  if (report == NULL)
    {
      gtk_label_set_text (GTK_LABEL (label), error != NULL ? error : _("The check was stopped."));
      gtk_widget_add_css_class (label, "error");
      set_step_child (self->step_boxes[3], page);
      return;
    }

  /* Translators: "1757 rows read: 1700 to add, 3 duplicates, 2 with errors, 40 warnings." */
  text = g_strdup_printf (_("%u rows read: %u to add, %u duplicates, %u with errors, %u warnings. Nothing is written until you import."),
                          report->rows_read, report->inserted, report->duplicates->len, report->n_errors,
                          report->n_warnings);
  gtk_label_set_text (GTK_LABEL (label), text);

  if (report->n_errors > 0)
    {
      g_autofree char *skip = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "_Leave out the %u row that cannot be imported and import the rest",
                                                            "_Leave out the %u rows that cannot be imported and import the rest",
                                                            report->n_errors), report->n_errors);

      gtk_check_button_set_label (self->skip_invalid_check, skip);
      gtk_check_button_set_use_underline (self->skip_invalid_check, TRUE);
      gtk_widget_set_margin_top (GTK_WIDGET (self->skip_invalid_check), 6);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->skip_invalid_check));
      g_signal_connect_swapped (self->skip_invalid_check, "toggled", G_CALLBACK (skip_invalid_toggled_cb), self);
    }

  if (report->duplicates->len > 0)
    add_duplicates (self, page);
  add_problems (self, page, AIMS_IMPORT_ERROR);
  add_problems (self, page, AIMS_IMPORT_WARNING);
  set_step_child (self->step_boxes[3], page);
}

/* ── Step 5: importing, the summary ────────────────────────────────────── */

static void
undo_clicked_cb (AimsImportAssistant *self)
{
  if (self->batch_id > 0)
    _aims_import_assistant_undo (self, self->batch_id);
}

void
_aims_import_steps_show_summary (AimsImportAssistant *self,
                                 AimsImportReport    *report,
                                 const char          *error)
{
  gboolean running = report == NULL && error == NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->import_progress), running);
  gtk_widget_set_visible (self->undo_button, report != NULL && report->batch_id > 0);
  gtk_widget_set_sensitive (self->undo_button, TRUE);
  if (running)
    {
      adw_status_page_set_icon_name (self->summary, "document-import-symbolic");
      adw_status_page_set_title (self->summary, _("Importing…"));
      adw_status_page_set_description (self->summary, _("All the chosen rows are imported, or none."));
      gtk_progress_bar_set_fraction (self->import_progress, 0.0);
    }
  else if (report == NULL)
    {
      adw_status_page_set_icon_name (self->summary, "dialog-error-symbolic");
      adw_status_page_set_title (self->summary, _("Nothing Imported"));
      adw_status_page_set_description (self->summary, error);
    }
  else
    {
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, report->batch_id);
      g_autofree char *text = NULL;

      adw_status_page_set_icon_name (self->summary, "object-select-symbolic");
      adw_status_page_set_title (self->summary, _("Import Complete"));
      /* Translators: "1700 AI systems added, 3 updated, 57 skipped, from inventory.csv: import batch 4." */
      text = g_strdup_printf (_("%u AI systems added, %u updated, %u skipped, from %s: import batch %s."),
                              report->inserted, report->updated, report->skipped, report->file_name, id);
      adw_status_page_set_description (self->summary, text);
    }
}

void
_aims_import_steps_show_undone (AimsImportAssistant *self,
                                const char          *error)
{
  if (gtk_stack_get_visible_child (self->stack) != self->step_boxes[4])
    {
      if (error != NULL)
        _aims_import_steps_show_file (self, error);
      return;
    }
  if (error != NULL)
    {
      adw_status_page_set_title (self->summary, _("Could Not Undo the Import"));
      adw_status_page_set_description (self->summary, error);
      return;
    }
  adw_status_page_set_icon_name (self->summary, "edit-undo-symbolic");
  adw_status_page_set_title (self->summary, _("Import Undone"));
  adw_status_page_set_description (self->summary, _("The AI systems it added are removed and those it updated have their values back."));
  gtk_widget_set_sensitive (self->undo_button, FALSE);
}

static void
build_import_step (AimsImportAssistant *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

  self->summary = ADW_STATUS_PAGE (adw_status_page_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->summary), TRUE);
  self->import_progress = GTK_PROGRESS_BAR (gtk_progress_bar_new ());
  gtk_widget_set_size_request (GTK_WIDGET (self->import_progress), 360, -1);
  gtk_widget_set_halign (GTK_WIDGET (self->import_progress), GTK_ALIGN_CENTER);
  self->undo_button = gtk_button_new_with_mnemonic (_("_Undo Import"));
  gtk_widget_set_halign (self->undo_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (self->undo_button, "pill");
  g_signal_connect_swapped (self->undo_button, "clicked", G_CALLBACK (undo_clicked_cb), self);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->import_progress));
  gtk_box_append (GTK_BOX (box), self->undo_button);
  adw_status_page_set_child (self->summary, box);
  set_step_child (self->step_boxes[4], GTK_WIDGET (self->summary));
}

void
_aims_import_steps_init (AimsImportAssistant *self)
{
  build_file_step (self);
  build_import_step (self);
  self->skip_invalid_check = GTK_CHECK_BUTTON (g_object_ref_sink (gtk_check_button_new ()));
}
