/* aims-soa-findings-view.c — the Completeness view of the Controls page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "aims-soa-findings-view.h"

/* A register with thousands of untreated risks lists the first ones: the
 * count says the rest. */
#define MAX_ROWS_PER_KIND 100

struct _AimsSoaFindingsView
{
  GtkWidget   parent_instance;

  GPtrArray  *findings;   /* AimsSoaFinding, or NULL while checking */
  GPtrArray  *rows;       /* AdwActionRow, as shown */

  GtkWidget  *stack;
  GtkWidget  *error_page;
  GtkWidget  *summary;
  GtkWidget  *groups;     /* the box of AdwPreferencesGroup */
};

G_DEFINE_FINAL_TYPE (AimsSoaFindingsView, aims_soa_findings_view, GTK_TYPE_WIDGET)

enum {
  FINDING_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* What each kind asks of the user, in the order of AimsSoaFindingKind. */
static const struct
{
  const char *title;
  const char *description;
  const char *icon_name;
} kinds[AIMS_SOA_N_FINDING_KINDS] = {
  [AIMS_SOA_FINDING_UNDECIDED] = {
    N_("Not Decided"),
    N_("Decide whether each of these controls applies to the organisation, and say why."),
    "dialog-question-symbolic" },
  [AIMS_SOA_FINDING_NO_JUSTIFICATION] = {
    N_("Without a Justification"),
    N_("An auditor asks why each control is included or excluded: a risk treatment, a law, a contract or a policy."),
    "document-edit-symbolic" },
  [AIMS_SOA_FINDING_EXCLUDED_RELIED_ON] = {
    N_("Excluded but Relied On"),
    N_("Risks name these controls in their treatment: keep the control, or change the treatment."),
    "dialog-warning-symbolic" },
  [AIMS_SOA_FINDING_RISK_WITHOUT_CONTROL] = {
    N_("Risks Without a Control"),
    N_("Risks to be mitigated need at least one applicable control: link one in the risk's editor."),
    "dialog-warning-symbolic" },
  [AIMS_SOA_FINDING_NO_OWNER] = {
    N_("Without an Owner"),
    N_("Every applicable control needs someone accountable for it working."),
    "avatar-default-symbolic" },
  [AIMS_SOA_FINDING_NO_EVIDENCE] = {
    N_("Implemented Without Evidence"),
    N_("Name the documents, records or links that show the control is in place."),
    "dialog-warning-symbolic" },
  [AIMS_SOA_FINDING_EVIDENCE_STALE] = {
    N_("Evidence Not Reviewed This Year"),
    N_("Check the evidence again, and set the date it was last reviewed."),
    "alarm-symbolic" },
  [AIMS_SOA_FINDING_CLAUSE_GAP] = {
    N_("Clause Requirements Not in Place"),
    N_("The gaps of the clause checklist, clauses 4 to 10."),
    "view-list-symbolic" },
};

static void
row_activated_cb (AdwActionRow        *row,
                  AimsSoaFindingsView *self)
{
  AimsSoaFinding *finding = g_object_get_data (G_OBJECT (row), "aims-finding");

  if (finding != NULL)
    g_signal_emit (self, signals[FINDING_ACTIVATED], 0, (guint) finding->kind, finding->id);
}

static GtkWidget *
finding_row_new (AimsSoaFindingsView *self,
                 AimsSoaFinding      *finding)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name ("go-next-symbolic");

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), finding->message);
  adw_action_row_set_icon_name (ADW_ACTION_ROW (row), kinds[finding->kind].icon_name);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), icon);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_widget_set_tooltip_text (row, g_str_equal (aims_soa_finding_kind_entity (finding->kind), "risks")
                                    ? _("Show the risks to be mitigated")
                                    : _("Go to it"));
  g_object_set_data (G_OBJECT (row), "aims-finding", finding);
  g_signal_connect (row, "activated", G_CALLBACK (row_activated_cb), self);
  return row;
}

static GtkWidget *
more_row_new (guint n_more)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = g_strdup_printf (ngettext ("And %u more", "And %u more", n_more), n_more);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_add_css_class (row, "dim-label");
  return row;
}

static void
clear_groups (AimsSoaFindingsView *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->groups)) != NULL)
    gtk_box_remove (GTK_BOX (self->groups), child);
  g_ptr_array_set_size (self->rows, 0);
}

static void
show_findings (AimsSoaFindingsView *self)
{
  guint counts[AIMS_SOA_N_FINDING_KINDS] = { 0 };
  GtkWidget *groups[AIMS_SOA_N_FINDING_KINDS] = { NULL };
  g_autofree char *summary = NULL;

  clear_groups (self);
  if (self->findings->len == 0)
    {
      gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "complete");
      return;
    }

  for (guint i = 0; i < self->findings->len; i++)
    counts[((AimsSoaFinding *) g_ptr_array_index (self->findings, i))->kind]++;

  for (guint i = 0; i < self->findings->len; i++)
    {
      AimsSoaFinding *finding = g_ptr_array_index (self->findings, i);
      GtkWidget *group = groups[finding->kind];
      GtkWidget *row;

      if (group == NULL)
        {
          g_autofree char *title = g_strdup_printf ("%s (%u)", _(kinds[finding->kind].title),
                                                    counts[finding->kind]);

          group = groups[finding->kind] = adw_preferences_group_new ();
          adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
          adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                                 _(kinds[finding->kind].description));
          gtk_box_append (GTK_BOX (self->groups), group);
          counts[finding->kind] = 0;   /* from here on: rows made so far */
        }
      if (counts[finding->kind]++ == MAX_ROWS_PER_KIND)
        {
          guint n_more = 1;

          for (guint j = i + 1; j < self->findings->len; j++)
            n_more += ((AimsSoaFinding *) g_ptr_array_index (self->findings, j))->kind == finding->kind;
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), more_row_new (n_more));
        }
      if (counts[finding->kind] > MAX_ROWS_PER_KIND)
        continue;
      row = finding_row_new (self, finding);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
      g_ptr_array_add (self->rows, row);
    }

  summary = g_strdup_printf (ngettext ("%u open point stands between the organisation and a defensible "
                                       "Statement of Applicability. Choose one to go to it.",
                                       "%u open points stand between the organisation and a defensible "
                                       "Statement of Applicability. Choose one to go to it.",
                                       self->findings->len),
                             self->findings->len);
  gtk_label_set_label (GTK_LABEL (self->summary), summary);
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "findings");
}

void
aims_soa_findings_view_set_findings (AimsSoaFindingsView *self,
                                     GPtrArray           *findings)
{
  g_return_if_fail (AIMS_IS_SOA_FINDINGS_VIEW (self));

  if (findings != NULL)
    g_ptr_array_ref (findings);
  g_clear_pointer (&self->findings, g_ptr_array_unref);
  self->findings = findings;

  if (findings != NULL)
    show_findings (self);
  /* While checking again, the findings of the last check stay in view. */
  else if (g_strcmp0 (gtk_stack_get_visible_child_name (GTK_STACK (self->stack)), "findings") != 0)
    gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "checking");
}

void
aims_soa_findings_view_set_error (AimsSoaFindingsView *self,
                                  const char          *message)
{
  g_return_if_fail (AIMS_IS_SOA_FINDINGS_VIEW (self));

  g_clear_pointer (&self->findings, g_ptr_array_unref);
  clear_groups (self);
  adw_status_page_set_description (ADW_STATUS_PAGE (self->error_page), message);
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "error");
}

GPtrArray *
aims_soa_findings_view_get_rows (AimsSoaFindingsView *self)
{
  g_return_val_if_fail (AIMS_IS_SOA_FINDINGS_VIEW (self), NULL);

  return self->rows;
}

/* ── GObject ─────────────────────────────────────────────────────────── */

static GtkWidget *
status_page_new (const char *icon_name,
                 const char *title,
                 const char *description)
{
  GtkWidget *page = adw_status_page_new ();

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (page), icon_name);
  adw_status_page_set_title (ADW_STATUS_PAGE (page), title);
  adw_status_page_set_description (ADW_STATUS_PAGE (page), description);
  return page;
}

static void
aims_soa_findings_view_dispose (GObject *object)
{
  AimsSoaFindingsView *self = AIMS_SOA_FINDINGS_VIEW (object);

  g_clear_pointer (&self->stack, gtk_widget_unparent);
  g_clear_pointer (&self->findings, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (aims_soa_findings_view_parent_class)->dispose (object);
}

static void
aims_soa_findings_view_class_init (AimsSoaFindingsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = aims_soa_findings_view_dispose;

  signals[FINDING_ACTIVATED] =
    g_signal_new ("finding-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_INT64);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
aims_soa_findings_view_init (AimsSoaFindingsView *self)
{
  GtkWidget *scrolled, *clamp, *box;

  self->rows = g_ptr_array_new ();
  self->stack = gtk_stack_new ();
  gtk_widget_set_parent (self->stack, GTK_WIDGET (self));

  gtk_stack_add_named (GTK_STACK (self->stack),
                       status_page_new ("content-loading-symbolic", _("Checking…"),
                                        _("Looking for what the Statement of Applicability still lacks.")),
                       "checking");
  gtk_stack_add_named (GTK_STACK (self->stack),
                       status_page_new ("emblem-ok-symbolic", _("Nothing Stands in the Way"),
                                        _("Every control is decided and justified, every applicable one has "
                                          "an owner and current evidence, every risk to be mitigated has a "
                                          "control, and every clause requirement is in place.")),
                       "complete");
  self->error_page = status_page_new ("dialog-error-symbolic", _("Could Not Check"), NULL);
  gtk_stack_add_named (GTK_STACK (self->stack), self->error_page, "error");

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  clamp = adw_clamp_new ();
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 860);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  gtk_widget_set_margin_top (box, 24);
  gtk_widget_set_margin_bottom (box, 24);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  self->summary = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->summary), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->summary), 0);
  gtk_box_append (GTK_BOX (box), self->summary);
  self->groups = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  gtk_box_append (GTK_BOX (box), self->groups);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_stack_add_named (GTK_STACK (self->stack), scrolled, "findings");

  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "checking");
}

GtkWidget *
aims_soa_findings_view_new (void)
{
  return g_object_new (AIMS_TYPE_SOA_FINDINGS_VIEW, NULL);
}
