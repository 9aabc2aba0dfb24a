/* aims-objectives-page.c — the AI objectives and where they stand
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include <glib/gi18n.h>

#include "aims-colour-swatch.h"
#include "aims-objectives-page.h"
#include "aims-pages.h"
#include "aims-record-editor.h"
#include "aims-record-filter.h"

/* A database busy while reading is read again this much later. */
#define RELOAD_RETRY_MS 500

/* The status buttons, in the order a review goes through them; "All"
 * comes first. */
static const AimsObjectiveState state_order[] = {
  AIMS_OBJECTIVE_ON_TRACK,
  AIMS_OBJECTIVE_AT_RISK,
  AIMS_OBJECTIVE_OFF_TRACK,
  AIMS_OBJECTIVE_OVERDUE,
  AIMS_OBJECTIVE_NOT_MEASURED,
  AIMS_OBJECTIVE_NO_TARGET,
};
#define N_TOGGLES (G_N_ELEMENTS (state_order) + 1)

/* What the page knows of one objective. */
typedef struct
{
  AimsRecord          *record;
  GArray              *series;   /* may be NULL: nothing measured */
  AimsObjectiveStatus  status;
  AimsObjectiveCard   *card;     /* owned by the flow box */
} Row;

struct _AimsObjectivesPage
{
  GtkWidget            parent_instance;

  AimsContext         *context;
  GHashTable          *rows;            /* gint64 id → Row */
  GDate                today;
  int                  state_filter;    /* an AimsObjectiveState, or -1 for all */
  char                *search;          /* folded */
  guint                n_shown;
  guint                reload_id;
  guint                updating;

  GtkWidget           *toggles[N_TOGGLES];
  GtkWidget           *toggle_counts[N_TOGGLES];
  AimsObjectiveDetail *detail;

  /* Template widgets */
  AdwHeaderBar        *header_bar;
  GtkStack            *title_stack;
  AdwWindowTitle      *window_title;
  AdwViewSwitcherTitle *switcher_title;
  GtkWidget           *back_button;
  GtkWidget           *cards_button;
  GtkStack            *stack;
  GtkWidget           *cards_view;
  GtkWidget           *search_entry;
  GtkFlowBox          *state_buttons;
  GtkStack            *cards_stack;
  GtkFlowBox          *cards;
  AdwStatusPage       *empty_page;
};

G_DEFINE_FINAL_TYPE (AimsObjectivesPage, aims_objectives_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
row_free (Row *row)
{
  g_clear_object (&row->record);
  g_clear_pointer (&row->series, g_array_unref);
  g_free (row);
}

static AimsDb *
get_db (AimsObjectivesPage *self)
{
  return self->context != NULL ? aims_context_get_db (self->context) : NULL;
}

static AimsObjectiveCard *
card_of_child (GtkFlowBoxChild *child)
{
  return AIMS_OBJECTIVE_CARD (gtk_flow_box_child_get_child (child));
}

/* ── Filtering ───────────────────────────────────────────────────────── */

gboolean
aims_objectives_page_card_shown (AimsObjectivesPage *self,
                                 AimsObjectiveCard  *card)
{
  g_auto(GStrv) words = NULL;

  g_return_val_if_fail (AIMS_IS_OBJECTIVES_PAGE (self), FALSE);
  g_return_val_if_fail (AIMS_IS_OBJECTIVE_CARD (card), FALSE);

  if (self->state_filter >= 0 && (int) aims_objective_card_get_state (card) != self->state_filter)
    return FALSE;
  if (self->search == NULL)
    return TRUE;
  words = g_strsplit_set (self->search, " \t", -1);
  for (guint i = 0; words[i] != NULL; i++)
    if (*words[i] != '\0' && strstr (aims_objective_card_get_search_text (card), words[i]) == NULL)
      return FALSE;
  return TRUE;
}

static gboolean
card_filter_cb (GtkFlowBoxChild *child,
                gpointer         user_data)
{
  return aims_objectives_page_card_shown (user_data, card_of_child (child));
}

static int
card_sort_cb (GtkFlowBoxChild *a,
              GtkFlowBoxChild *b,
              gpointer         user_data)
{
  AimsObjectivesPage *self = user_data;
  gint64 ia = aims_objective_card_get_id (card_of_child (a));
  gint64 ib = aims_objective_card_get_id (card_of_child (b));
  Row *ra = g_hash_table_lookup (self->rows, &ia);
  Row *rb = g_hash_table_lookup (self->rows, &ib);

  if (ra == NULL || rb == NULL)
    return (ia > ib) - (ia < ib);
  return aims_record_compare (ra->record, rb->record, NULL);
}

static void
update_subtitle (AimsObjectivesPage *self)
{
  guint total = g_hash_table_size (self->rows);
  g_autofree char *text = NULL;

  if (get_db (self) == NULL)
    text = NULL;
  else if (self->n_shown == total)
    text = g_strdup_printf (ngettext ("%u objective", "%u objectives", total), total);
  else
    /* Translators: "2 of 6 objectives", when a search or a status hides some */
    text = g_strdup_printf (ngettext ("%u of %u objective", "%u of %u objectives", total), self->n_shown, total);
  adw_window_title_set_subtitle (self->window_title, text);
}

/* The cards shown, the empty state and the count under the title. */
static void
refilter (AimsObjectivesPage *self)
{
  GHashTableIter iter;
  gpointer value;

  gtk_flow_box_invalidate_filter (self->cards);
  self->n_shown = 0;
  g_hash_table_iter_init (&iter, self->rows);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    self->n_shown += aims_objectives_page_card_shown (self, ((Row *) value)->card);

  if (get_db (self) == NULL)
    {
      adw_status_page_set_title (self->empty_page, _("No Database Open"));
      adw_status_page_set_description (self->empty_page, NULL);
    }
  else if (g_hash_table_size (self->rows) == 0)
    {
      adw_status_page_set_title (self->empty_page, _("No Objectives"));
      adw_status_page_set_description (self->empty_page,
                                       _("Set the AI objectives of the organisation, each with the KPI that "
                                         "measures it, its target and how often it is measured."));
    }
  else
    {
      adw_status_page_set_title (self->empty_page, _("No Results"));
      adw_status_page_set_description (self->empty_page, _("No objective matches the search and status."));
    }
  gtk_stack_set_visible_child_name (self->cards_stack, self->n_shown > 0 ? "cards" : "empty");
  update_subtitle (self);
}

static void
search_changed_cb (AimsObjectivesPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  g_clear_pointer (&self->search, g_free);
  if (*text != '\0')
    self->search = aims_record_filter_fold (text);
  refilter (self);
}

static void
stop_search_cb (AimsObjectivesPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

/* ── The status buttons ──────────────────────────────────────────────── */

static void
state_toggled_cb (GtkToggleButton    *toggle,
                  AimsObjectivesPage *self)
{
  if (self->updating > 0 || !gtk_toggle_button_get_active (toggle))
    return;
  self->state_filter = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (toggle), "aims-state"));
  refilter (self);
}

static void
set_state_filter (AimsObjectivesPage *self,
                  int                 state)
{
  for (guint i = 0; i < N_TOGGLES; i++)
    if (GPOINTER_TO_INT (g_object_get_data (G_OBJECT (self->toggles[i]), "aims-state")) == state)
      {
        self->updating++;
        gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->toggles[i]), TRUE);
        gtk_widget_set_visible (self->toggles[i], TRUE);
        self->updating--;
      }
  self->state_filter = state;
  refilter (self);
}

/* "All 6", "● On track 2", …: a status with no objective is left out
 * unless it is the one chosen. */
static void
update_counts (AimsObjectivesPage *self)
{
  guint counts[AIMS_OBJECTIVE_N_STATES] = { 0 };
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->rows);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    counts[((Row *) value)->status.state]++;

  for (guint i = 0; i < N_TOGGLES; i++)
    {
      int state = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (self->toggles[i]), "aims-state"));
      guint count = state < 0 ? g_hash_table_size (self->rows) : counts[state];
      const char *label = state < 0 ? _("All") : aims_objective_state_label (state);
      g_autofree char *text = g_strdup_printf ("%u", count);
      g_autofree char *accessible = NULL;

      gtk_label_set_label (GTK_LABEL (self->toggle_counts[i]), text);
      /* Translators: a status button as a screen reader says it, "At risk: 2 objectives" */
      accessible = g_strdup_printf (ngettext ("%s: %u objective", "%s: %u objectives", count), label, count);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->toggles[i]),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
      gtk_widget_set_visible (gtk_widget_get_parent (self->toggles[i]),
                              state < 0 || count > 0 || state == self->state_filter);
    }
}

static void
build_toggles (AimsObjectivesPage *self)
{
  GtkWidget *group = NULL;

  for (guint i = 0; i < N_TOGGLES; i++)
    {
      int state = i == 0 ? -1 : (int) state_order[i - 1];
      GtkWidget *toggle = gtk_toggle_button_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *label = gtk_label_new (state < 0 ? _("All") : aims_objective_state_label (state));
      GtkWidget *count = gtk_label_new ("0");
      GtkWidget *child;

      if (state >= 0)
        {
          GtkWidget *swatch = aims_colour_swatch_new (10, TRUE);

          aims_colour_swatch_set (swatch, aims_objective_state_colour (state));
          gtk_box_append (GTK_BOX (box), swatch);
        }
      gtk_box_append (GTK_BOX (box), label);
      gtk_widget_add_css_class (count, "numeric");
      gtk_widget_add_css_class (count, "dim-label");
      gtk_box_append (GTK_BOX (box), count);
      gtk_button_set_child (GTK_BUTTON (toggle), box);
      gtk_widget_add_css_class (toggle, "flat");
      gtk_widget_add_css_class (toggle, "aims-state-toggle");
      gtk_widget_set_tooltip_text (toggle, state < 0 ? _("Show every objective")
                                                     : _("Show only the objectives with this status"));
      if (group != NULL)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (toggle), GTK_TOGGLE_BUTTON (group));
      else
        {
          group = toggle;
          gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (toggle), TRUE);
        }
      g_object_set_data (G_OBJECT (toggle), "aims-state", GINT_TO_POINTER (state));
      g_signal_connect (toggle, "toggled", G_CALLBACK (state_toggled_cb), self);

      gtk_flow_box_append (self->state_buttons, toggle);
      /* The buttons take the focus, not the places they sit in. */
      child = gtk_widget_get_parent (toggle);
      gtk_widget_set_focusable (child, FALSE);
      self->toggles[i] = toggle;
      self->toggle_counts[i] = count;
    }
}

/* ── Reading ─────────────────────────────────────────────────────────── */

static void show_cards (AimsObjectivesPage *self);

static gboolean
reload_retry_cb (gpointer user_data)
{
  AimsObjectivesPage *self = user_data;

  self->reload_id = 0;
  aims_objectives_page_reload (self);
  return G_SOURCE_REMOVE;
}

static Row *
open_row (AimsObjectivesPage *self)
{
  AimsRecord *shown = aims_objective_detail_get_objective (self->detail);
  gint64 id;

  if (shown == NULL)
    return NULL;
  id = aims_record_get_id (shown);
  return g_hash_table_lookup (self->rows, &id);
}

static void
clear_cards (AimsObjectivesPage *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->cards))) != NULL)
    gtk_flow_box_remove (self->cards, child);
  g_hash_table_remove_all (self->rows);
}

/* Brings the cards in line with what is stored: a card is updated where it
 * is, so the focus stays on it. */
static void
merge_objectives (AimsObjectivesPage *self,
                  GPtrArray          *objectives,
                  GHashTable         *all_series)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GPtrArray) gone = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer key, value;

  for (guint i = 0; i < objectives->len; i++)
    {
      AimsRecord *objective = g_ptr_array_index (objectives, i);
      gint64 id = aims_record_get_id (objective);
      GArray *series = g_hash_table_lookup (all_series, &id);
      Row *row = g_hash_table_lookup (self->rows, &id);

      if (row == NULL)
        {
          GtkWidget *card = aims_objective_card_new ();

          row = g_new0 (Row, 1);
          row->card = AIMS_OBJECTIVE_CARD (card);
          gtk_actionable_set_action_name (GTK_ACTIONABLE (card), "page.open");
          gtk_actionable_set_action_target (GTK_ACTIONABLE (card), "x", id);
          g_hash_table_insert (self->rows, g_memdup2 (&id, sizeof id), row);
          gtk_flow_box_append (self->cards, card);
          /* The card is the button; the place it sits in takes no focus. */
          gtk_widget_set_focusable (gtk_widget_get_parent (card), FALSE);
        }
      g_set_object (&row->record, objective);
      g_clear_pointer (&row->series, g_array_unref);
      if (series != NULL)
        row->series = g_array_ref (series);
      aims_objective_compute (objective, series, &self->today, &row->status);
      aims_objective_card_update (row->card, objective, series, &row->status, &self->today);
      g_hash_table_add (seen, g_memdup2 (&id, sizeof id));
    }

  g_hash_table_iter_init (&iter, self->rows);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!g_hash_table_contains (seen, key))
      g_ptr_array_add (gone, key);
  for (guint i = 0; i < gone->len; i++)
    {
      Row *row = g_hash_table_lookup (self->rows, gone->pdata[i]);

      gtk_flow_box_remove (self->cards, gtk_widget_get_parent (GTK_WIDGET (row->card)));
      g_hash_table_remove (self->rows, gone->pdata[i]);
    }
  gtk_flow_box_invalidate_sort (self->cards);
}

static void
show_open_objective (AimsObjectivesPage *self)
{
  Row *row = open_row (self);

  if (row == NULL)
    {
      /* Gone (another user, another database): back to the cards. */
      if (aims_objective_detail_get_objective (self->detail) != NULL)
        show_cards (self);
      return;
    }
  aims_objective_detail_show (self->detail, row->record, row->series, &row->status, &self->today);
  adw_view_switcher_title_set_title (self->switcher_title, aims_record_get_title (row->record));
  adw_view_switcher_title_set_subtitle (self->switcher_title, aims_record_get_reference (row->record));
}

void
aims_objectives_page_reload (AimsObjectivesPage *self)
{
  g_autoptr(GPtrArray) objectives = NULL;
  g_autoptr(GHashTable) all_series = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) today = NULL;
  AimsDb *db;

  g_return_if_fail (AIMS_IS_OBJECTIVES_PAGE (self));

  g_clear_handle_id (&self->reload_id, g_source_remove);
  db = get_db (self);
  if (db == NULL)
    {
      clear_cards (self);
      show_cards (self);
    }
  else if ((objectives = aims_store_list (db, aims_entity_objectives (), &error)) == NULL ||
           (all_series = aims_objective_load_all_series (db, &error)) == NULL)
    {
      if (g_error_matches (error, AIMS_DB_ERROR, AIMS_DB_ERROR_BUSY))
        self->reload_id = g_timeout_add (RELOAD_RETRY_MS, reload_retry_cb, self);
      else
        g_message ("Could not read the objectives: %s", error->message);
      return;
    }
  else
    {
      /* Overdue is a matter of the day: read it at every reload. */
      today = aims_date_today ();
      self->today = *today;
      merge_objectives (self, objectives, all_series);
      show_open_objective (self);
    }

  update_counts (self);
  refilter (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.add", db != NULL && !aims_db_is_read_only (db));
}

/* ── Cards and the open objective ────────────────────────────────────── */

static void
update_header (AimsObjectivesPage *self)
{
  gboolean open = aims_objectives_page_is_open (self);

  gtk_stack_set_visible_child_name (self->title_stack, open ? "detail" : "cards");
  gtk_widget_set_visible (self->cards_button, open);
  gtk_widget_set_visible (self->back_button, !open && aims_context_get_folded (self->context));
}

static void
show_cards (AimsObjectivesPage *self)
{
  AimsObjectiveCard *card = NULL;
  AimsRecord *shown = aims_objective_detail_get_objective (self->detail);

  if (shown != NULL)
    {
      aims_objective_detail_flush (self->detail);
      card = aims_objectives_page_get_card (self, aims_record_get_id (shown));
    }
  aims_objective_detail_show (self->detail, NULL, NULL, NULL, NULL);
  gtk_stack_set_visible_child_name (self->stack, "cards");
  update_header (self);
  /* Back where the user left: on the card they had opened. */
  if (card != NULL && gtk_widget_get_mapped (GTK_WIDGET (card)))
    gtk_widget_grab_focus (GTK_WIDGET (card));
}

gboolean
aims_objectives_page_open (AimsObjectivesPage *self,
                           gint64              id)
{
  Row *row;

  g_return_val_if_fail (AIMS_IS_OBJECTIVES_PAGE (self), FALSE);

  if ((row = g_hash_table_lookup (self->rows, &id)) == NULL)
    return FALSE;
  if (aims_objective_detail_get_objective (self->detail) != NULL)
    aims_objective_detail_flush (self->detail);
  aims_objective_detail_show (self->detail, row->record, row->series, &row->status, &self->today);
  adw_view_switcher_title_set_title (self->switcher_title, aims_record_get_title (row->record));
  adw_view_switcher_title_set_subtitle (self->switcher_title, aims_record_get_reference (row->record));
  adw_view_stack_set_visible_child_name (aims_objective_detail_get_view_stack (self->detail), "progress");
  gtk_stack_set_visible_child_name (self->stack, "detail");
  update_header (self);
  return TRUE;
}

/* ── Actions ─────────────────────────────────────────────────────────── */

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  aims_objectives_page_open (AIMS_OBJECTIVES_PAGE (widget), g_variant_get_int64 (parameter));
}

static void
show_cards_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  show_cards (AIMS_OBJECTIVES_PAGE (widget));
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  AimsObjectivesPage *self = AIMS_OBJECTIVES_PAGE (widget);
  g_autoptr(GHashTable) values = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(AimsRecord) objective = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *toast = NULL;
  AimsDb *db = get_db (self);

  if (db == NULL)
    return;
  aims_objective_detail_flush (self->detail);
  g_hash_table_insert (values, (gpointer) "title", (gpointer) _("New objective"));
  g_hash_table_insert (values, (gpointer) "frequency", (gpointer) AIMS_OBJECTIVE_FREQUENCY_QUARTERLY);
  objective = aims_store_insert (db, aims_entity_objectives (), values, aims_context_get_author (self->context),
                                 &error);
  if (objective == NULL)
    {
      GtkRoot *root = gtk_widget_get_root (widget);
      GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                  _("Could Not Add an Objective"), error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  /* So that the new card is there to come back to. */
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  search_changed_cb (self);
  set_state_filter (self, -1);
  aims_context_emit_data_changed (self->context);
  if (aims_objectives_page_open (self, aims_record_get_id (objective)))
    aims_objective_detail_edit_field (self->detail, "title");
  toast = g_strdup_printf (_("Added %s"), aims_record_get_reference (objective));
  aims_page_add_toast (widget, adw_toast_new (toast));
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AimsObjectivesPage *self = AIMS_OBJECTIVES_PAGE (widget);

  if (aims_objectives_page_is_open (self))
    aims_objective_detail_focus_search (self->detail);
  else
    {
      gtk_widget_grab_focus (self->search_entry);
      gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
    }
}

static void
flush_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  aims_objective_detail_flush (AIMS_OBJECTIVES_PAGE (widget)->detail);
}

/* "page.filter": state=KEY shows the cards of that status, anything else
 * all of them; the search is cleared. */
static void
filter_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AimsObjectivesPage *self = AIMS_OBJECTIVES_PAGE (widget);
  g_auto(GStrv) terms = g_strsplit (g_variant_get_string (parameter, NULL), ";", -1);
  int state = -1;

  for (guint t = 0; terms[t] != NULL; t++)
    {
      g_auto(GStrv) pair = g_strsplit (terms[t], "=", 2);

      if (pair[0] == NULL || pair[1] == NULL || !g_str_equal (pair[0], "state"))
        continue;
      for (int s = 0; s < AIMS_OBJECTIVE_N_STATES; s++)
        if (g_str_equal (aims_objective_state_key (s), pair[1]))
          state = s;
    }

  if (aims_objectives_page_is_open (self))
    show_cards (self);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  search_changed_cb (self);
  set_state_filter (self, state);
  update_counts (self);
}

/* ── GObject ─────────────────────────────────────────────────────────── */

static void
db_changed_cb (AimsObjectivesPage *self)
{
  /* Nothing of the database before stays on screen. */
  show_cards (self);
  clear_cards (self);
  aims_objectives_page_reload (self);
}

static void
aims_objectives_page_constructed (GObject *object)
{
  AimsObjectivesPage *self = AIMS_OBJECTIVES_PAGE (object);

  G_OBJECT_CLASS (aims_objectives_page_parent_class)->constructed (object);

  self->detail = AIMS_OBJECTIVE_DETAIL (aims_objective_detail_new (self->context));
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->detail), "detail");
  adw_view_switcher_title_set_stack (self->switcher_title, aims_objective_detail_get_view_stack (self->detail));
  g_object_bind_property (self->switcher_title, "title-visible",
                          aims_objective_detail_get_switcher_bar (self->detail), "reveal",
                          G_BINDING_SYNC_CREATE);

  g_signal_connect_object (self->context, "notify::folded", G_CALLBACK (update_header), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->context, "notify::db", G_CALLBACK (db_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->context, "data-changed", G_CALLBACK (aims_objectives_page_reload), self,
                           G_CONNECT_SWAPPED);
  update_header (self);
  aims_objectives_page_reload (self);
}

static void
aims_objectives_page_dispose (GObject *object)
{
  AimsObjectivesPage *self = AIMS_OBJECTIVES_PAGE (object);

  g_clear_handle_id (&self->reload_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (object), AIMS_TYPE_OBJECTIVES_PAGE);
  self->detail = NULL;
  g_clear_pointer (&self->rows, g_hash_table_unref);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (aims_objectives_page_parent_class)->dispose (object);
}

static void
aims_objectives_page_finalize (GObject *object)
{
  g_free (AIMS_OBJECTIVES_PAGE (object)->search);

  G_OBJECT_CLASS (aims_objectives_page_parent_class)->finalize (object);
}

static void
aims_objectives_page_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, AIMS_OBJECTIVES_PAGE (object)->context);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aims_objectives_page_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_CONTEXT:
      AIMS_OBJECTIVES_PAGE (object)->context = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aims_objectives_page_class_init (AimsObjectivesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = aims_objectives_page_constructed;
  object_class->dispose = aims_objectives_page_dispose;
  object_class->finalize = aims_objectives_page_finalize;
  object_class->get_property = aims_objectives_page_get_property;
  object_class->set_property = aims_objectives_page_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         AIMS_TYPE_CONTEXT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/aimsdesk/AimsDesk/aims-objectives-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AimsObjectivesPage, header_bar);
  gtk_widget_class_bind_template_child (widget_class, AimsObjectivesPage, title_stack);
  gtk_widget_class_bind_template_child (widget_class, AimsObjectivesPage, window_title);
  gtk_widget_class_bind_template_child (widget_class, AimsObjectivesPage, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, AimsObjectivesPage, back_button);
  gtk_widget_class_bind_template_child (widget_class, AimsObjectivesPage, cards_button);
  gtk_widget_class_bind_template_child (widget_class, AimsObjectivesPage, stack);
  gtk_widget_class_bind_template_child (widget_class, AimsObjectivesPage, cards_view);
  gtk_widget_class_bind_template_child (widget_class, AimsObjectivesPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, AimsObjectivesPage, state_buttons);
  gtk_widget_class_bind_template_child (widget_class, AimsObjectivesPage, cards_stack);
  gtk_widget_class_bind_template_child (widget_class, AimsObjectivesPage, cards);
  gtk_widget_class_bind_template_child (widget_class, AimsObjectivesPage, empty_page);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);

  /* See aims-pages.h: the window activates these on the visible page. */
  gtk_widget_class_install_action (widget_class, "page.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "page.flush", NULL, flush_action);
  gtk_widget_class_install_action (widget_class, "page.filter", "s", filter_action);
  gtk_widget_class_install_action (widget_class, "page.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "page.open", "x", open_action);
  gtk_widget_class_install_action (widget_class, "page.show-cards", NULL, show_cards_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "page.search", NULL);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
}

static void
aims_objectives_page_init (AimsObjectivesPage *self)
{
  aims_records_ensure_style ();
  self->rows = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, (GDestroyNotify) row_free);
  self->state_filter = -1;
  g_date_clear (&self->today, 1);
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
  gtk_flow_box_set_filter_func (self->cards, card_filter_cb, self, NULL);
  gtk_flow_box_set_sort_func (self->cards, card_sort_cb, self, NULL);
  build_toggles (self);
  /* Typing among the cards searches them. */
  gtk_search_entry_set_key_capture_widget (GTK_SEARCH_ENTRY (self->search_entry), self->cards_view);
}

GtkWidget *
aims_objectives_page_new (AimsContext *context)
{
  g_return_val_if_fail (AIMS_IS_CONTEXT (context), NULL);

  return g_object_new (AIMS_TYPE_OBJECTIVES_PAGE, "context", context, NULL);
}

GPtrArray *
aims_objectives_page_get_cards (AimsObjectivesPage *self)
{
  GPtrArray *cards;

  g_return_val_if_fail (AIMS_IS_OBJECTIVES_PAGE (self), NULL);

  cards = g_ptr_array_new ();
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->cards));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    g_ptr_array_add (cards, card_of_child (GTK_FLOW_BOX_CHILD (child)));
  return cards;
}

AimsObjectiveCard *
aims_objectives_page_get_card (AimsObjectivesPage *self,
                               gint64              id)
{
  Row *row;

  g_return_val_if_fail (AIMS_IS_OBJECTIVES_PAGE (self), NULL);

  row = g_hash_table_lookup (self->rows, &id);
  return row != NULL ? row->card : NULL;
}

guint
aims_objectives_page_get_n_shown (AimsObjectivesPage *self)
{
  g_return_val_if_fail (AIMS_IS_OBJECTIVES_PAGE (self), 0);

  return self->n_shown;
}

gboolean
aims_objectives_page_is_open (AimsObjectivesPage *self)
{
  g_return_val_if_fail (AIMS_IS_OBJECTIVES_PAGE (self), FALSE);

  return g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "detail") == 0;
}

AimsObjectiveDetail *
aims_objectives_page_get_detail (AimsObjectivesPage *self)
{
  g_return_val_if_fail (AIMS_IS_OBJECTIVES_PAGE (self), NULL);

  return self->detail;
}
