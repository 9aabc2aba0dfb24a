/* aims-record-list.c — the body of a page that lists records
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "aims-colour-swatch.h"
#include "aims-record-filter.h"
#include "aims-record-list.h"

/* A database busy while reading is read again this much later. */
#define RELOAD_RETRY_MS 500

typedef struct
{
  char                  *field;   /* NULL: the reference */
  AimsRecordColumnFlags  flags;
  AimsRecordColumnFuncs  funcs;   /* all NULL for a plain field column */
  gpointer               data;
  GHashTable            *bound;   /* the GtkListItems showing a record now */
} ColumnInfo;

struct _AimsRecordList
{
  GtkWidget                 parent_instance;

  AimsContext              *context;
  const AimsEntity         *entity;

  GListStore               *store;
  GtkCustomFilter          *filter;
  GtkFilterListModel       *filtered;
  GtkSortListModel         *sorted;
  GtkSingleSelection       *selection;
  GPtrArray                *columns;     /* ColumnInfo */

  AimsRecordFilter          rules;
  AimsRecordMatchFunc       match_func;
  gpointer                  match_data;
  char                     *search_text;
  char                     *stage_filter;
  char                     *class_filter;

  GtkWidget                *paned;
  GtkWidget                *header_slot;
  GtkWidget                *search_entry;
  GtkWidget                *list_header;
  GtkWidget                *list_stack;
  GtkWidget                *column_view;
  GtkWidget                *empty_page;
  GtkWidget                *editor;

  char                     *empty_icon;
  char                     *empty_title;
  char                     *empty_description;
  char                     *no_results_description;

  guint                     n_shown;
  guint                     n_total;
  gboolean                  reloading;
  gboolean                  emitting;
  guint                     reload_id;
};

G_DEFINE_FINAL_TYPE (AimsRecordList, aims_record_list, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_LIST_HEADER,
  PROP_SEARCH_PLACEHOLDER,
  PROP_SELECTED,
  N_PROPS
};

enum {
  COUNTS_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
column_info_free (ColumnInfo *info)
{
  g_free (info->field);
  g_hash_table_unref (info->bound);
  g_free (info);
}

/* ── Filtering, counting, the empty state ────────────────────────────── */

static gboolean
filter_cb (gpointer item,
           gpointer user_data)
{
  AimsRecordList *self = user_data;

  if (self->match_func != NULL && !self->match_func (AIMS_RECORD (item), self->match_data))
    return FALSE;
  return aims_record_filter_matches (&self->rules, AIMS_RECORD (item));
}

static void
update_counts (AimsRecordList *self)
{
  guint n_shown = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  guint n_total = g_list_model_get_n_items (G_LIST_MODEL (self->store));
  gboolean none = n_shown == 0;

  if (n_total == 0)
    {
      adw_status_page_set_icon_name (ADW_STATUS_PAGE (self->empty_page), self->empty_icon);
      adw_status_page_set_title (ADW_STATUS_PAGE (self->empty_page), self->empty_title);
      adw_status_page_set_description (ADW_STATUS_PAGE (self->empty_page), self->empty_description);
    }
  else if (none)
    {
      adw_status_page_set_icon_name (ADW_STATUS_PAGE (self->empty_page), "edit-find-symbolic");
      adw_status_page_set_title (ADW_STATUS_PAGE (self->empty_page), _("No Results"));
      adw_status_page_set_description (ADW_STATUS_PAGE (self->empty_page), self->no_results_description);
    }
  gtk_stack_set_visible_child_name (GTK_STACK (self->list_stack), none ? "empty" : "list");
  if (self->editor != NULL)
    gtk_widget_set_visible (self->editor, !none);

  if (n_shown != self->n_shown || n_total != self->n_total)
    {
      self->n_shown = n_shown;
      self->n_total = n_total;
      g_signal_emit (self, signals[COUNTS_CHANGED], 0);
    }
}

static void
search_changed_cb (AimsRecordList *self)
{
  g_free (self->search_text);
  self->search_text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  self->rules.search_text = self->search_text;
  aims_record_list_refilter (self);
}

static void
stop_search_cb (AimsRecordList *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

/* ── Cells ───────────────────────────────────────────────────────────── */

/* A cell cut short shows its whole text on hover. */
static gboolean
cell_query_tooltip_cb (GtkLabel   *label,
                       int         x,
                       int         y,
                       gboolean    keyboard_mode,
                       GtkTooltip *tooltip)
{
  if (!pango_layout_is_ellipsized (gtk_label_get_layout (label)))
    return FALSE;

  gtk_tooltip_set_text (tooltip, gtk_label_get_label (label));
  return TRUE;
}

/* [swatch] label [warning icon]: the swatch only for a column that has
 * colours, the icon only shown when the cell must stand out. */
static void
cell_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               ColumnInfo               *info)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

  if (info->funcs.swatch != NULL)
    {
      gtk_box_append (GTK_BOX (box), aims_colour_swatch_new (12, TRUE));
    }

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (GTK_LABEL (label), 3);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_set_has_tooltip (label, TRUE);
  g_signal_connect (label, "query-tooltip", G_CALLBACK (cell_query_tooltip_cb), NULL);
  gtk_box_append (GTK_BOX (box), label);

  gtk_widget_add_css_class (icon, "overdue");
  gtk_widget_set_visible (icon, FALSE);
  gtk_box_append (GTK_BOX (box), icon);

  g_object_set_data (G_OBJECT (box), "label", label);
  g_object_set_data (G_OBJECT (box), "icon", icon);
  gtk_list_item_set_child (item, box);
}

/* Why a review date column's cell stands out, or NULL. */
static char *
review_warning (AimsRecord *record)
{
  g_autoptr(GDate) today = aims_date_today ();

  if (aims_record_get_entity (record) == aims_entity_systems () &&
      aims_system_is_review_overdue (record, today))
    return g_strdup (_("Review overdue"));
  return NULL;
}

static void
cell_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              ColumnInfo               *info)
{
  AimsRecord *record = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *label = g_object_get_data (G_OBJECT (box), "label");
  GtkWidget *icon = g_object_get_data (G_OBJECT (box), "icon");
  GtkWidget *swatch = gtk_widget_get_first_child (box);
  gboolean retired = aims_record_get_entity (record) == aims_entity_systems () &&
                     aims_system_is_retired (record);
  g_autofree char *text = NULL;
  g_autofree char *warning = NULL;

  if (info->funcs.text != NULL)
    text = info->funcs.text (record, info->data);
  gtk_label_set_label (GTK_LABEL (label), text != NULL ? text : aims_record_cell_text (record, info->field));

  if (info->funcs.swatch != NULL)
    {
      aims_colour_swatch_set (swatch, info->funcs.swatch (record, info->data));
    }

  /* Retired systems stay on file, dimmed. */
  if (retired)
    gtk_widget_add_css_class (box, "dim-label");
  else
    gtk_widget_remove_css_class (box, "dim-label");

  if (info->funcs.warning != NULL)
    warning = info->funcs.warning (record, info->data);
  else if (info->flags & AIMS_RECORD_COLUMN_REVIEW_DATE)
    warning = review_warning (record);

  /* Not only colour: the warning icon says it too, and names the reason. */
  gtk_widget_set_visible (icon, warning != NULL);
  gtk_widget_set_tooltip_text (icon, warning);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, warning != NULL ? warning : "",
                                  -1);
  if (warning != NULL)
    gtk_widget_add_css_class (label, "overdue");
  else
    gtk_widget_remove_css_class (label, "overdue");
  g_hash_table_add (info->bound, item);
}

static void
cell_unbind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                ColumnInfo               *info)
{
  g_hash_table_remove (info->bound, item);
}

static int
column_compare_cb (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  ColumnInfo *info = user_data;

  if (info->funcs.compare != NULL)
    return info->funcs.compare (AIMS_RECORD ((gpointer) a), AIMS_RECORD ((gpointer) b), info->data);
  return aims_record_compare (AIMS_RECORD ((gpointer) a), AIMS_RECORD ((gpointer) b), info->field);
}

/* ── Selection and reloading ─────────────────────────────────────────── */

static void
scroll_to_position (AimsRecordList *self,
                    guint           position)
{
  /* GTK 4.8 column views have no scroll-to call of their own (it came in 4.12):
   * the list view inside them has an action that does it. */
  for (GtkWidget *child = gtk_widget_get_first_child (self->column_view);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      gtk_widget_activate_action (child, "list.scroll-to-item", "u", position);
}

static void
sync_editor (AimsRecordList *self)
{
  AimsRecord *selected = aims_record_list_get_selected (self);

  aims_record_editor_set_record (AIMS_RECORD_EDITOR (self->editor), selected);
}

static void
selection_changed_cb (AimsRecordList *self)
{
  if (self->reloading)
    return;

  sync_editor (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

static gboolean
records_differ (AimsRecord *a,
                AimsRecord *b)
{
  const AimsEntity *entity = aims_record_get_entity (a);

  if (aims_record_get_row_version (a) != aims_record_get_row_version (b) ||
      g_strcmp0 (aims_record_get_reference (a), aims_record_get_reference (b)) != 0)
    return TRUE;
  /* A person renamed changes what an owner column shows, not the row. */
  for (guint i = 0; i < entity->n_fields; i++)
    if (g_strcmp0 (aims_record_cell_text (a, entity->fields[i].name),
                   aims_record_cell_text (b, entity->fields[i].name)) != 0)
      return TRUE;
  return FALSE;
}

static gboolean
reload_retry_cb (gpointer user_data)
{
  AimsRecordList *self = user_data;

  self->reload_id = 0;
  aims_record_list_reload (self);
  return G_SOURCE_REMOVE;
}

/* Brings the store in line with records, replacing only what changed, so
 * the selection and the scroll position stay. */
static void
merge_records (AimsRecordList *self,
               GPtrArray      *records)
{
  g_autoptr(GHashTable) fresh = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autofree gint64 *ids = g_new (gint64, MAX (records->len, 1));
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->store));

  for (guint i = 0; i < records->len; i++)
    {
      ids[i] = aims_record_get_id (g_ptr_array_index (records, i));
      g_hash_table_insert (fresh, &ids[i], g_ptr_array_index (records, i));
    }

  /* Backwards, so positions before i stay valid. */
  for (guint i = n; i > 0; i--)
    {
      g_autoptr(AimsRecord) old = g_list_model_get_item (G_LIST_MODEL (self->store), i - 1);
      gint64 id = aims_record_get_id (old);
      AimsRecord *record = g_hash_table_lookup (fresh, &id);

      if (record == NULL)
        g_list_store_remove (self->store, i - 1);
      else
        {
          if (records_differ (old, record))
            g_list_store_splice (self->store, i - 1, 1, (gpointer *) &record, 1);
          g_hash_table_remove (fresh, &id);
        }
    }

  /* New records in one splice: one "items-changed" for the filter and sort
   * models to follow, not one per record (a first read of a large register
   * appends them all). */
  {
    g_autoptr(GPtrArray) added = g_ptr_array_new ();

    for (guint i = 0; i < records->len; i++)
      if (g_hash_table_contains (fresh, &ids[i]))
        g_ptr_array_add (added, g_ptr_array_index (records, i));
    if (added->len > 0)
      g_list_store_splice (self->store, g_list_model_get_n_items (G_LIST_MODEL (self->store)), 0,
                           added->pdata, added->len);
  }
}

void
aims_record_list_reload (AimsRecordList *self)
{
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;
  AimsRecord *shown;
  gint64 shown_id = -1;
  AimsDb *db;

  g_return_if_fail (AIMS_IS_RECORD_LIST (self));

  g_clear_handle_id (&self->reload_id, g_source_remove);
  db = self->context != NULL ? aims_context_get_db (self->context) : NULL;

  if (db == NULL)
    {
      aims_record_editor_set_record (AIMS_RECORD_EDITOR (self->editor), NULL);
      self->reloading = TRUE;
      g_list_store_remove_all (self->store);
      self->reloading = FALSE;
      update_counts (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
      return;
    }

  records = aims_store_list (db, self->entity, &error);
  if (records == NULL)
    {
      if (g_error_matches (error, AIMS_DB_ERROR, AIMS_DB_ERROR_BUSY))
        self->reload_id = g_timeout_add (RELOAD_RETRY_MS, reload_retry_cb, self);
      else
        g_message ("Could not list %s: %s", self->entity->name, error->message);
      return;
    }

  shown = aims_record_editor_get_record (AIMS_RECORD_EDITOR (self->editor));
  if (shown != NULL)
    shown_id = aims_record_get_id (shown);

  self->reloading = TRUE;
  merge_records (self, records);
  self->reloading = FALSE;

  if (shown_id < 0 || !aims_record_list_select_id (self, shown_id))
    sync_editor (self);
  else
    {
      /* The same record stays selected: the editor only refreshes. */
      AimsRecord *selected = aims_record_list_get_selected (self);

      if (selected != NULL)
        aims_record_editor_refresh (AIMS_RECORD_EDITOR (self->editor), selected);
    }

  update_counts (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

/* Another database: nothing of the old one stays on screen, even where ids
 * happen to match. (The window flushed pending edits before.) */
static void
db_changed_cb (AimsRecordList *self)
{
  aims_record_editor_set_record (AIMS_RECORD_EDITOR (self->editor), NULL);
  self->reloading = TRUE;
  g_list_store_remove_all (self->store);
  self->reloading = FALSE;
  aims_record_list_reload (self);
}

static void
data_changed_cb (AimsRecordList *self)
{
  /* Our own announcement, for the other pages. */
  if (self->emitting)
    return;
  aims_record_list_reload (self);
}

void
aims_record_list_changed_here (AimsRecordList *self)
{
  g_return_if_fail (AIMS_IS_RECORD_LIST (self));

  aims_record_list_reload (self);
  if (self->context != NULL)
    {
      self->emitting = TRUE;
      aims_context_emit_data_changed (self->context);
      self->emitting = FALSE;
    }
}

static void
editor_saved_cb (AimsRecordList *self,
                 AimsRecord     *record)
{
  aims_record_list_changed_here (self);
}

/* ── GObject ─────────────────────────────────────────────────────────── */

static void
aims_record_list_dispose (GObject *object)
{
  AimsRecordList *self = AIMS_RECORD_LIST (object);

  g_clear_handle_id (&self->reload_id, g_source_remove);
  if (self->editor != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->editor, self);
      aims_record_editor_save_pending (AIMS_RECORD_EDITOR (self->editor));
    }
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  if (self->context != NULL)
    g_signal_handlers_disconnect_by_data (self->context, self);

  g_clear_pointer (&self->paned, gtk_widget_unparent);
  self->editor = NULL;

  g_clear_object (&self->selection);
  g_clear_object (&self->sorted);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->store);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (aims_record_list_parent_class)->dispose (object);
}

static void
aims_record_list_finalize (GObject *object)
{
  AimsRecordList *self = AIMS_RECORD_LIST (object);

  g_clear_pointer (&self->columns, g_ptr_array_unref);
  g_free (self->search_text);
  g_free (self->stage_filter);
  g_free (self->class_filter);
  g_free (self->empty_icon);
  g_free (self->empty_title);
  g_free (self->empty_description);
  g_free (self->no_results_description);

  G_OBJECT_CLASS (aims_record_list_parent_class)->finalize (object);
}

static void
aims_record_list_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  AimsRecordList *self = AIMS_RECORD_LIST (object);

  switch (prop_id)
    {
    case PROP_LIST_HEADER:
      g_value_set_object (value, self->list_header);
      break;

    case PROP_SEARCH_PLACEHOLDER:
      g_object_get_property (G_OBJECT (self->search_entry), "placeholder-text", value);
      break;

    case PROP_SELECTED:
      g_value_set_object (value, aims_record_list_get_selected (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aims_record_list_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  AimsRecordList *self = AIMS_RECORD_LIST (object);

  switch (prop_id)
    {
    case PROP_LIST_HEADER:
      aims_record_list_set_list_header (self, g_value_get_object (value));
      break;

    case PROP_SEARCH_PLACEHOLDER:
      g_object_set_property (G_OBJECT (self->search_entry), "placeholder-text", value);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->search_entry),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, g_value_get_string (value),
                                      -1);
      g_object_notify_by_pspec (object, pspec);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aims_record_list_class_init (AimsRecordListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = aims_record_list_dispose;
  object_class->finalize = aims_record_list_finalize;
  object_class->get_property = aims_record_list_get_property;
  object_class->set_property = aims_record_list_set_property;

  properties[PROP_LIST_HEADER] =
    g_param_spec_object ("list-header", NULL, NULL,
                         GTK_TYPE_WIDGET,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SEARCH_PLACEHOLDER] =
    g_param_spec_string ("search-placeholder", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SELECTED] =
    g_param_spec_object ("selected", NULL, NULL,
                         AIMS_TYPE_RECORD,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[COUNTS_CHANGED] =
    g_signal_new ("counts-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "aimsrecordlist");
}

static void
aims_record_list_init (AimsRecordList *self)
{
  GtkWidget *start, *scrolled;

  aims_records_ensure_style ();
  self->columns = g_ptr_array_new_with_free_func ((GDestroyNotify) column_info_free);
  self->empty_icon = g_strdup ("view-list-symbolic");
  self->empty_title = g_strdup (_("Nothing Here Yet"));

  self->store = g_list_store_new (AIMS_TYPE_RECORD);
  self->filter = gtk_custom_filter_new (filter_cb, self, NULL);
  self->filtered = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->store)),
                                              GTK_FILTER (g_object_ref (self->filter)));
  self->sorted = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (self->filtered)), NULL);
  self->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->sorted)));
  gtk_single_selection_set_autoselect (self->selection, TRUE);
  g_signal_connect_swapped (self->selection, "notify::selected-item",
                            G_CALLBACK (selection_changed_cb), self);
  g_signal_connect_swapped (self->filtered, "items-changed", G_CALLBACK (update_counts), self);

  self->paned = gtk_paned_new (GTK_ORIENTATION_HORIZONTAL);
  gtk_paned_set_resize_start_child (GTK_PANED (self->paned), TRUE);
  gtk_paned_set_shrink_start_child (GTK_PANED (self->paned), FALSE);
  gtk_paned_set_resize_end_child (GTK_PANED (self->paned), FALSE);
  gtk_paned_set_shrink_end_child (GTK_PANED (self->paned), FALSE);
  gtk_widget_set_parent (self->paned, GTK_WIDGET (self));

  start = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_size_request (start, 300, -1);
  self->header_slot = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_margin_top (self->header_slot, 6);
  gtk_widget_set_margin_bottom (self->header_slot, 6);
  gtk_widget_set_margin_start (self->header_slot, 6);
  gtk_widget_set_margin_end (self->header_slot, 6);
  self->search_entry = gtk_search_entry_new ();
  g_signal_connect_swapped (self->search_entry, "search-changed", G_CALLBACK (search_changed_cb), self);
  g_signal_connect_swapped (self->search_entry, "stop-search", G_CALLBACK (stop_search_cb), self);
  gtk_box_append (GTK_BOX (self->header_slot), self->search_entry);
  gtk_box_append (GTK_BOX (start), self->header_slot);

  self->list_stack = gtk_stack_new ();
  gtk_widget_set_vexpand (self->list_stack, TRUE);
  scrolled = gtk_scrolled_window_new ();
  self->column_view = gtk_column_view_new (GTK_SELECTION_MODEL (g_object_ref (self->selection)));
  gtk_column_view_set_show_column_separators (GTK_COLUMN_VIEW (self->column_view), FALSE);
  gtk_widget_add_css_class (self->column_view, "data-table");
  gtk_sort_list_model_set_sorter (self->sorted,
                                  gtk_column_view_get_sorter (GTK_COLUMN_VIEW (self->column_view)));
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), self->column_view);
  gtk_stack_add_named (GTK_STACK (self->list_stack), scrolled, "list");
  self->empty_page = adw_status_page_new ();
  gtk_widget_add_css_class (self->empty_page, "compact");
  gtk_stack_add_named (GTK_STACK (self->list_stack), self->empty_page, "empty");
  gtk_box_append (GTK_BOX (start), self->list_stack);
  gtk_paned_set_start_child (GTK_PANED (self->paned), start);
}

void
aims_record_list_setup (AimsRecordList   *self,
                        AimsContext      *context,
                        const AimsEntity *entity)
{
  g_return_if_fail (AIMS_IS_RECORD_LIST (self));
  g_return_if_fail (AIMS_IS_CONTEXT (context));
  g_return_if_fail (entity != NULL);
  g_return_if_fail (self->entity == NULL);

  self->context = g_object_ref (context);
  self->entity = entity;

  self->editor = aims_record_editor_new (context, entity);
  /* The paned gives the table what the editor does not need; the user
   * drags the handle to give it more. */
  gtk_widget_set_size_request (self->editor, 360, -1);
  g_signal_connect_swapped (self->editor, "saved", G_CALLBACK (editor_saved_cb), self);
  gtk_paned_set_end_child (GTK_PANED (self->paned), self->editor);

  g_signal_connect_object (context, "notify::db", G_CALLBACK (db_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (context, "data-changed", G_CALLBACK (data_changed_cb), self,
                           G_CONNECT_SWAPPED);
  update_counts (self);
}

void
aims_record_list_add_column (AimsRecordList        *self,
                             const char            *field,
                             const char            *title,
                             int                    width,
                             AimsRecordColumnFlags  flags)
{
  aims_record_list_add_custom_column (self, field, title, width, flags, NULL, NULL);
}

void
aims_record_list_add_custom_column (AimsRecordList              *self,
                                    const char                  *field,
                                    const char                  *title,
                                    int                          width,
                                    AimsRecordColumnFlags        flags,
                                    const AimsRecordColumnFuncs *funcs,
                                    gpointer                     data)
{
  g_autoptr(GtkListItemFactory) factory = NULL;
  g_autoptr(GtkColumnViewColumn) column = NULL;
  g_autoptr(GtkSorter) sorter = NULL;
  ColumnInfo *info;

  g_return_if_fail (AIMS_IS_RECORD_LIST (self));
  g_return_if_fail (self->entity != NULL);
  g_return_if_fail (field == NULL || aims_entity_find_field (self->entity, field) != NULL);

  info = g_new0 (ColumnInfo, 1);
  info->field = g_strdup (field);
  info->flags = flags;
  if (funcs != NULL)
    info->funcs = *funcs;
  info->data = data;
  info->bound = g_hash_table_new (NULL, NULL);
  g_ptr_array_add (self->columns, info);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (cell_setup_cb), info);
  g_signal_connect (factory, "bind", G_CALLBACK (cell_bind_cb), info);
  g_signal_connect (factory, "unbind", G_CALLBACK (cell_unbind_cb), info);

  column = gtk_column_view_column_new (title, g_object_ref (factory));
  sorter = GTK_SORTER (gtk_custom_sorter_new (column_compare_cb, info, NULL));
  gtk_column_view_column_set_sorter (column, sorter);
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_column_set_expand (column, (flags & AIMS_RECORD_COLUMN_EXPAND) != 0);
  if (width > 0)
    gtk_column_view_column_set_fixed_width (column, width);
  gtk_column_view_append_column (GTK_COLUMN_VIEW (self->column_view), column);

  /* The first column sorts the list until the user clicks another. */
  if (self->columns->len == 1)
    gtk_column_view_sort_by_column (GTK_COLUMN_VIEW (self->column_view), column, GTK_SORT_ASCENDING);
}

void
aims_record_list_set_filter (AimsRecordList *self,
                             const char     *lifecycle_stage,
                             const char     *eu_ai_act_class,
                             gboolean        show_retired)
{
  g_return_if_fail (AIMS_IS_RECORD_LIST (self));

  g_free (self->stage_filter);
  self->stage_filter = g_strdup (lifecycle_stage);
  g_free (self->class_filter);
  self->class_filter = g_strdup (eu_ai_act_class);
  self->rules.lifecycle_stage = self->stage_filter;
  self->rules.eu_ai_act_class = self->class_filter;
  self->rules.show_retired = show_retired;
  aims_record_list_refilter (self);
}

void
aims_record_list_set_match_func (AimsRecordList      *self,
                                 AimsRecordMatchFunc  func,
                                 gpointer             data)
{
  g_return_if_fail (AIMS_IS_RECORD_LIST (self));

  self->match_func = func;
  self->match_data = data;
  aims_record_list_refilter (self);
}

GListModel *
aims_record_list_get_records (AimsRecordList *self)
{
  g_return_val_if_fail (AIMS_IS_RECORD_LIST (self), NULL);

  return G_LIST_MODEL (self->store);
}

GtkSearchEntry *
aims_record_list_get_search_entry (AimsRecordList *self)
{
  g_return_val_if_fail (AIMS_IS_RECORD_LIST (self), NULL);

  return GTK_SEARCH_ENTRY (self->search_entry);
}

void
aims_record_list_focus_search (AimsRecordList *self)
{
  g_return_if_fail (AIMS_IS_RECORD_LIST (self));

  gtk_widget_grab_focus (self->search_entry);
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}

void
aims_record_list_clear_search (AimsRecordList *self)
{
  g_return_if_fail (AIMS_IS_RECORD_LIST (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  /* Now, not after the entry's delay: the caller wants the list whole. */
  search_changed_cb (self);
}

void
aims_record_list_refilter (AimsRecordList *self)
{
  g_return_if_fail (AIMS_IS_RECORD_LIST (self));

  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_counts (self);
}

void
aims_record_list_redraw (AimsRecordList *self)
{
  g_return_if_fail (AIMS_IS_RECORD_LIST (self));

  for (guint i = 0; i < self->columns->len; i++)
    {
      ColumnInfo *info = g_ptr_array_index (self->columns, i);
      g_autoptr(GPtrArray) items = g_ptr_array_new ();
      GHashTableIter iter;
      gpointer item;

      /* Collected first: binding adds the item to the set again. */
      g_hash_table_iter_init (&iter, info->bound);
      while (g_hash_table_iter_next (&iter, &item, NULL))
        g_ptr_array_add (items, item);
      for (guint j = 0; j < items->len; j++)
        cell_bind_cb (NULL, items->pdata[j], info);
    }
}

void
aims_record_list_set_empty_texts (AimsRecordList *self,
                                  const char     *icon_name,
                                  const char     *title,
                                  const char     *description,
                                  const char     *no_results_description)
{
  g_return_if_fail (AIMS_IS_RECORD_LIST (self));

  g_free (self->empty_icon);
  self->empty_icon = g_strdup (icon_name);
  g_free (self->empty_title);
  self->empty_title = g_strdup (title);
  g_free (self->empty_description);
  self->empty_description = g_strdup (description);
  g_free (self->no_results_description);
  self->no_results_description = g_strdup (no_results_description);
  /* Shown again with the new texts. */
  self->n_total = G_MAXUINT;
  update_counts (self);
}

gboolean
aims_record_list_select_id (AimsRecordList *self,
                            gint64          id)
{
  guint n;

  g_return_val_if_fail (AIMS_IS_RECORD_LIST (self), FALSE);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->selection));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AimsRecord) record = g_list_model_get_item (G_LIST_MODEL (self->selection), i);

      if (aims_record_get_id (record) == id)
        {
          gtk_single_selection_set_selected (self->selection, i);
          scroll_to_position (self, i);
          return TRUE;
        }
    }
  return FALSE;
}

AimsRecord *
aims_record_list_get_selected (AimsRecordList *self)
{
  g_return_val_if_fail (AIMS_IS_RECORD_LIST (self), NULL);

  return gtk_single_selection_get_selected_item (self->selection);
}

guint
aims_record_list_get_n_shown (AimsRecordList *self)
{
  g_return_val_if_fail (AIMS_IS_RECORD_LIST (self), 0);

  return self->n_shown;
}

guint
aims_record_list_get_n_total (AimsRecordList *self)
{
  g_return_val_if_fail (AIMS_IS_RECORD_LIST (self), 0);

  return self->n_total;
}

AimsRecordEditor *
aims_record_list_get_editor (AimsRecordList *self)
{
  g_return_val_if_fail (AIMS_IS_RECORD_LIST (self), NULL);

  return AIMS_RECORD_EDITOR (self->editor);
}

GtkColumnView *
aims_record_list_get_column_view (AimsRecordList *self)
{
  g_return_val_if_fail (AIMS_IS_RECORD_LIST (self), NULL);

  return GTK_COLUMN_VIEW (self->column_view);
}

GtkWidget *
aims_record_list_get_list_header (AimsRecordList *self)
{
  g_return_val_if_fail (AIMS_IS_RECORD_LIST (self), NULL);

  return self->list_header;
}

void
aims_record_list_set_list_header (AimsRecordList *self,
                                  GtkWidget      *header)
{
  g_return_if_fail (AIMS_IS_RECORD_LIST (self));
  g_return_if_fail (header == NULL || GTK_IS_WIDGET (header));

  if (self->list_header == header)
    return;
  if (self->list_header != NULL)
    gtk_box_remove (GTK_BOX (self->header_slot), self->list_header);
  self->list_header = header;
  if (header != NULL)
    gtk_box_append (GTK_BOX (self->header_slot), header);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LIST_HEADER]);
}

void
aims_record_list_show_error (AimsRecordList *self,
                             const char     *heading,
                             const char     *message)
{
  GtkRoot *root;
  GtkWidget *dialog;

  g_return_if_fail (AIMS_IS_RECORD_LIST (self));

  root = gtk_widget_get_root (GTK_WIDGET (self));
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading, message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Selects a record just written by this page, and starts editing its title. */
static void
select_new_record (AimsRecordList *self,
                   AimsRecord     *record)
{
  aims_record_list_changed_here (self);
  if (aims_record_list_select_id (self, aims_record_get_id (record)))
    aims_record_editor_focus_field (AIMS_RECORD_EDITOR (self->editor), self->entity->title_field);
}

AimsRecord *
aims_record_list_insert (AimsRecordList  *self,
                         GHashTable      *values,
                         GError         **error)
{
  AimsRecord *record;
  AimsDb *db;

  g_return_val_if_fail (AIMS_IS_RECORD_LIST (self), NULL);
  g_return_val_if_fail (values != NULL, NULL);

  db = self->context != NULL ? aims_context_get_db (self->context) : NULL;
  g_return_val_if_fail (db != NULL, NULL);

  /* What is typed in the record shown now is written first. */
  aims_record_editor_save_pending (AIMS_RECORD_EDITOR (self->editor));
  record = aims_store_insert (db, self->entity, values, aims_context_get_author (self->context), error);
  if (record != NULL)
    select_new_record (self, record);
  return record;
}

AimsRecord *
aims_record_list_duplicate_selected (AimsRecordList  *self,
                                     GError         **error)
{
  AimsRecord *selected;
  AimsRecord *record;
  AimsDb *db;

  g_return_val_if_fail (AIMS_IS_RECORD_LIST (self), NULL);

  db = self->context != NULL ? aims_context_get_db (self->context) : NULL;
  selected = aims_record_list_get_selected (self);
  g_return_val_if_fail (db != NULL && selected != NULL, NULL);

  /* The copy has what the user typed, not what was stored before it. */
  aims_record_editor_save_pending (AIMS_RECORD_EDITOR (self->editor));
  record = aims_store_duplicate (db, self->entity, aims_record_get_id (selected),
                                 aims_context_get_author (self->context), error);
  if (record != NULL)
    select_new_record (self, record);
  return record;
}

void
aims_record_list_flush (AimsRecordList *self)
{
  g_return_if_fail (AIMS_IS_RECORD_LIST (self));

  if (self->editor != NULL)
    aims_record_editor_flush (AIMS_RECORD_EDITOR (self->editor));
}
