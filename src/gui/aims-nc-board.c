/* aims-nc-board.c — nonconformities as cards in one column per state
 *
 * The board is rebuilt whole from the records it is given: there are tens
 * of nonconformities, not thousands, and a rebuild keeps each card's menu
 * in step with the guards.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "aims-nc-board.h"

struct _AimsNcBoard
{
  GtkWidget   parent_instance;

  GtkWidget  *scrolled;
  GtkWidget  *columns_box;
  GtkWidget  *columns[AIMS_NC_N_STATES];   /* the box of cards */
  GtkWidget  *headers[AIMS_NC_N_STATES];
  guint       counts[AIMS_NC_N_STATES];
  GHashTable *cards;                       /* gint64 id → card (borrowed) */
};

G_DEFINE_FINAL_TYPE (AimsNcBoard, aims_nc_board, GTK_TYPE_WIDGET)

enum {
  MOVE_REQUESTED,
  CARD_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
move_clicked_cb (GtkButton *button,
                 gpointer   data)
{
  AimsNcBoard *self = data;
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (button), "nc-id");
  guint target = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "target"));
  GtkWidget *popover = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_POPOVER);

  if (popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (popover));
  g_signal_emit (self, signals[MOVE_REQUESTED], 0, id, target);
}

static void
open_clicked_cb (GtkButton *button,
                 gpointer   data)
{
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (button), "nc-id");

  g_signal_emit (data, signals[CARD_ACTIVATED], 0, id);
}

static void
set_id (GtkWidget *widget,
        gint64     id)
{
  g_object_set_data_full (G_OBJECT (widget), "nc-id", g_memdup2 (&id, sizeof id), g_free);
}

/* The states that may follow the card's own; those refused now are shown
 * greyed out with the guard's words, so a refusal is never silent. */
static GtkWidget *
move_menu (AimsNcBoard *self,
           AimsRecord  *nc,
           GPtrArray   *actions)
{
  g_autoptr(GArray) moves = aims_nc_workflow_moves (nc, actions);
  AimsNcState from = aims_nc_get_state (nc);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *popover = gtk_popover_new ();

  for (guint i = 0; i < moves->len; i++)
    {
      AimsNcMove *move = &g_array_index (moves, AimsNcMove, i);
      g_autofree char *label = NULL;
      GtkWidget *button;

      if (!aims_nc_state_can_follow (from, move->target))
        continue;
      label = move->reason_field != NULL
              /* Translators: a move that asks for the reason first */
              ? g_strdup_printf (_("%s…"), aims_nc_state_label (move->target))
              : g_strdup (aims_nc_state_label (move->target));
      button = gtk_button_new_with_label (label);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_halign (gtk_button_get_child (GTK_BUTTON (button)), GTK_ALIGN_START);
      set_id (button, aims_record_get_id (nc));
      g_object_set_data (G_OBJECT (button), "target", GUINT_TO_POINTER (move->target));
      g_signal_connect (button, "clicked", G_CALLBACK (move_clicked_cb), self);
      gtk_box_append (GTK_BOX (box), button);
      if (!move->allowed)
        {
          GtkWidget *why = gtk_label_new (move->refusal);

          gtk_widget_set_sensitive (button, FALSE);
          gtk_label_set_wrap (GTK_LABEL (why), TRUE);
          gtk_label_set_max_width_chars (GTK_LABEL (why), 32);
          gtk_label_set_xalign (GTK_LABEL (why), 0);
          gtk_widget_set_margin_start (why, 10);
          gtk_widget_set_margin_bottom (why, 4);
          gtk_widget_add_css_class (why, "dim-label");
          gtk_widget_add_css_class (why, "caption");
          gtk_box_append (GTK_BOX (box), why);
          gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                          GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, move->refusal, -1);
        }
    }
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  return popover;
}

static GtkWidget *
label_new (const char *text,
           const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static GtkWidget *
card_new (AimsNcBoard *self,
          AimsRecord  *nc,
          GPtrArray   *actions,
          const GDate *today)
{
  const char *reference = aims_record_get_reference (nc);
  const char *severity = aims_record_get (nc, "severity");
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *open = gtk_button_new ();
  GtkWidget *face = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = label_new (aims_record_get_title (nc), "heading");
  GtkWidget *footer = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *sev = label_new (aims_record_get_display (nc, "severity"), "caption");
  GtkWidget *menu = gtk_menu_button_new ();
  g_autofree char *open_name = g_strdup_printf (_("Open %s: %s"), reference, aims_record_get_title (nc));
  g_autofree char *move_name = g_strdup_printf (_("Move %s to…"), reference);
  guint n_open = 0, n_overdue = 0;

  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "aims-nc-card");
  set_id (card, aims_record_get_id (nc));

  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_lines (GTK_LABEL (title), 3);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (face), label_new (reference, "dim-label"));
  gtk_box_append (GTK_BOX (face), title);
  gtk_button_set_child (GTK_BUTTON (open), face);
  gtk_widget_add_css_class (open, "flat");
  set_id (open, aims_record_get_id (nc));
  gtk_widget_set_tooltip_text (open, _("Open the nonconformity"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (open), GTK_ACCESSIBLE_PROPERTY_LABEL, open_name, -1);
  g_signal_connect (open, "clicked", G_CALLBACK (open_clicked_cb), self);
  gtk_box_append (GTK_BOX (card), open);

  if (severity != NULL)
    {
      g_autofree char *css = g_strdup_printf ("aims-nc-severity-%s", severity);

      gtk_widget_add_css_class (sev, css);
    }
  gtk_widget_set_hexpand (sev, TRUE);
  gtk_box_append (GTK_BOX (footer), sev);

  aims_actions_count (actions, today, &n_open, &n_overdue);
  if (n_overdue > 0)
    {
      g_autofree char *text = g_strdup_printf (ngettext ("%u overdue", "%u overdue", n_overdue), n_overdue);
      GtkWidget *warn = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
      g_autofree char *tip = g_strdup_printf (ngettext ("%u corrective action is overdue",
                                                        "%u corrective actions are overdue", n_overdue),
                                              n_overdue);

      gtk_box_append (GTK_BOX (warn), icon);
      gtk_box_append (GTK_BOX (warn), label_new (text, "caption"));
      gtk_widget_add_css_class (warn, "overdue");
      gtk_widget_set_tooltip_text (warn, tip);
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, tip, -1);
      gtk_box_append (GTK_BOX (footer), warn);
    }

  gtk_menu_button_set_label (GTK_MENU_BUTTON (menu), _("Move to"));
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (menu), move_menu (self, nc, actions));
  gtk_widget_set_tooltip_text (menu, move_name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (menu), GTK_ACCESSIBLE_PROPERTY_LABEL, move_name, -1);
  gtk_widget_add_css_class (menu, "flat");
  gtk_box_append (GTK_BOX (footer), menu);
  gtk_box_append (GTK_BOX (card), footer);
  return card;
}

static void
clear_columns (AimsNcBoard *self)
{
  for (guint s = 0; s < AIMS_NC_N_STATES; s++)
    {
      GtkWidget *child;

      while ((child = gtk_widget_get_first_child (self->columns[s])) != NULL)
        gtk_box_remove (GTK_BOX (self->columns[s]), child);
      self->counts[s] = 0;
    }
  g_hash_table_remove_all (self->cards);
}

void
aims_nc_board_set_records (AimsNcBoard *self,
                           GListModel  *records,
                           GHashTable  *actions_by_nc)
{
  g_autoptr(GDate) today = aims_date_today ();
  guint n;

  g_return_if_fail (AIMS_IS_NC_BOARD (self));

  clear_columns (self);
  n = records != NULL ? g_list_model_get_n_items (records) : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AimsRecord) nc = g_list_model_get_item (records, i);
      GPtrArray *actions = actions_by_nc != NULL
                           ? aims_nc_actions_lookup (actions_by_nc, aims_record_get_id (nc)) : NULL;
      AimsNcState state = aims_nc_get_state (nc);
      GtkWidget *card = card_new (self, nc, actions, today);
      gint64 *key = g_memdup2 (&(gint64) { aims_record_get_id (nc) }, sizeof (gint64));

      gtk_box_append (GTK_BOX (self->columns[state]), card);
      g_hash_table_insert (self->cards, key, card);
      self->counts[state]++;
    }
  for (guint s = 0; s < AIMS_NC_N_STATES; s++)
    {
      g_autofree char *count = g_strdup_printf ("%u", self->counts[s]);

      gtk_label_set_label (GTK_LABEL (self->headers[s]), count);
    }
}

guint
aims_nc_board_get_n_cards (AimsNcBoard *self,
                           AimsNcState  state)
{
  g_return_val_if_fail (AIMS_IS_NC_BOARD (self), 0);
  g_return_val_if_fail (state < AIMS_NC_N_STATES, 0);

  return self->counts[state];
}

GtkWidget *
aims_nc_board_get_card (AimsNcBoard *self,
                        gint64       id)
{
  g_return_val_if_fail (AIMS_IS_NC_BOARD (self), NULL);

  return g_hash_table_lookup (self->cards, &id);
}

static void
aims_nc_board_dispose (GObject *object)
{
  AimsNcBoard *self = AIMS_NC_BOARD (object);

  g_clear_pointer (&self->scrolled, gtk_widget_unparent);
  G_OBJECT_CLASS (aims_nc_board_parent_class)->dispose (object);
}

static void
aims_nc_board_finalize (GObject *object)
{
  g_hash_table_unref (AIMS_NC_BOARD (object)->cards);
  G_OBJECT_CLASS (aims_nc_board_parent_class)->finalize (object);
}

static void
aims_nc_board_class_init (AimsNcBoardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = aims_nc_board_dispose;
  object_class->finalize = aims_nc_board_finalize;

  signals[MOVE_REQUESTED] = g_signal_new ("move-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_UINT);
  signals[CARD_ACTIVATED] = g_signal_new ("card-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "aims-nc-board");
}

static void
aims_nc_board_init (AimsNcBoard *self)
{
  self->cards = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->scrolled = gtk_scrolled_window_new ();
  gtk_widget_set_parent (self->scrolled, GTK_WIDGET (self));
  self->columns_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_set_margin_start (self->columns_box, 12);
  gtk_widget_set_margin_end (self->columns_box, 12);
  gtk_widget_set_margin_top (self->columns_box, 12);
  gtk_widget_set_margin_bottom (self->columns_box, 12);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scrolled), self->columns_box);

  for (guint s = 0; s < AIMS_NC_N_STATES; s++)
    {
      GtkWidget *column = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
      GtkWidget *head = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *title = label_new (aims_nc_state_label (s), "heading");

      gtk_widget_set_size_request (column, 210, -1);
      gtk_widget_add_css_class (column, "aims-nc-column");
      gtk_widget_set_hexpand (title, TRUE);
      gtk_box_append (GTK_BOX (head), title);
      self->headers[s] = label_new ("0", "dim-label");
      gtk_box_append (GTK_BOX (head), self->headers[s]);
      gtk_box_append (GTK_BOX (column), head);
      self->columns[s] = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->columns[s]), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      aims_nc_state_label (s), -1);
      gtk_box_append (GTK_BOX (column), self->columns[s]);
      gtk_box_append (GTK_BOX (self->columns_box), column);
    }
}

GtkWidget *
aims_nc_board_new (void)
{
  return g_object_new (AIMS_TYPE_NC_BOARD, NULL);
}
