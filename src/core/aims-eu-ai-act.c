/* aims-eu-ai-act.c — the screening itself: answers in, a proposed class and
 * role with their reasons out, nothing read or written
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "aims-eu-ai-act.h"

static const char *const class_keys[AIMS_EU_N_CLASSES] = {
  "not_assessed", "prohibited", "high", "limited", "minimal",
};

static const char *const class_labels[AIMS_EU_N_CLASSES] = {
  N_("Not assessed"), N_("Prohibited"), N_("High risk"), N_("Limited risk"), N_("Minimal risk"),
};

static const char *const role_keys[AIMS_EU_N_ROLES] = {
  NULL, "provider", "deployer", "importer", "distributor",
};

static const char *const role_labels[AIMS_EU_N_ROLES] = {
  N_("Unknown"), N_("Provider"), N_("Deployer"), N_("Importer"), N_("Distributor"),
};

const char *
aims_eu_class_key (AimsEuClass eu_class)
{
  g_return_val_if_fail (eu_class < AIMS_EU_N_CLASSES, NULL);
  return class_keys[eu_class];
}

const char *
aims_eu_class_label (AimsEuClass eu_class)
{
  g_return_val_if_fail (eu_class < AIMS_EU_N_CLASSES, NULL);
  return _(class_labels[eu_class]);
}

gboolean
aims_eu_class_from_key (const char  *key,
                        AimsEuClass *eu_class)
{
  for (guint i = 0; key != NULL && i < AIMS_EU_N_CLASSES; i++)
    if (g_str_equal (class_keys[i], key))
      {
        *eu_class = i;
        return TRUE;
      }
  return FALSE;
}

const char *
aims_eu_role_key (AimsEuRole role)
{
  g_return_val_if_fail (role < AIMS_EU_N_ROLES, NULL);
  return role_keys[role];
}

const char *
aims_eu_role_label (AimsEuRole role)
{
  g_return_val_if_fail (role < AIMS_EU_N_ROLES, NULL);
  return _(role_labels[role]);
}

gboolean
aims_eu_role_from_key (const char *key,
                       AimsEuRole *role)
{
  for (guint i = 1; key != NULL && i < AIMS_EU_N_ROLES; i++)
    if (g_str_equal (role_keys[i], key))
      {
        *role = i;
        return TRUE;
      }
  return FALSE;
}

/* What each answer's key means, in the words of a reason. */
typedef struct
{
  const char *key;
  const char *words;  /* N_() */
} Meaning;

static const Meaning practices[] = {
  { "manipulation", N_("manipulation people cannot notice, in ways that can seriously harm them") },
  { "vulnerabilities", N_("exploiting people's age, disability or social or economic situation") },
  { "social_scoring", N_("social scoring that leads to unfair treatment") },
  { "crime_prediction", N_("predicting crimes from profiling or personality alone") },
  { "face_scraping", N_("untargeted collection of face images for recognition databases") },
  { "emotion_work_education", N_("inferring emotions at work or in education") },
  { "biometric_categorisation", N_("biometric categorisation by sensitive traits") },
  { "realtime_biometric_id", N_("real-time remote biometric identification in public places for law enforcement") },
  { NULL, NULL }
};

static const Meaning areas[] = {
  { "biometrics", N_("biometrics (Annex III point 1)") },
  { "critical_infrastructure", N_("critical infrastructure (Annex III point 2)") },
  { "education", N_("education and vocational training (Annex III point 3)") },
  { "employment", N_("employment and workers management (Annex III point 4)") },
  { "essential_services", N_("access to essential private and public services (Annex III point 5)") },
  { "law_enforcement", N_("law enforcement (Annex III point 6)") },
  { "migration", N_("migration, asylum and border control (Annex III point 7)") },
  { "justice_democracy", N_("justice and democratic processes (Annex III point 8)") },
  { NULL, NULL }
};

static const Meaning duties[] = {
  { "chatbot", N_("people must be told they are dealing with an AI system") },
  { "synthetic_content", N_("generated content must be marked as such in a machine-readable way") },
  { "emotion_or_biometric", N_("people exposed to emotion recognition or biometric categorisation must be told") },
  { "deep_fake", N_("deep fakes must be disclosed as made by AI") },
  { "public_text", N_("text published to inform the public must be disclosed as made by AI") },
  { NULL, NULL }
};

static const Meaning tasks[] = {
  { "narrow_procedural", N_("a narrow procedural task") },
  { "improves_human_work", N_("improving work a person has completed") },
  { "detects_patterns", N_("spotting patterns without replacing a person's assessment") },
  { "preparatory", N_("preparing an assessment a person makes") },
  { NULL, NULL }
};

/* The meanings of the keys chosen in answer ("a,b"), joined with "; ", or
 * NULL when none of them (or "none") was chosen. */
static char *
chosen_words (const char    *answer,
              const Meaning *meanings)
{
  g_auto(GStrv) keys = answer != NULL ? g_strsplit (answer, ",", -1) : NULL;
  g_autoptr(GString) words = g_string_new (NULL);

  for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
    for (const Meaning *m = meanings; m->key != NULL; m++)
      if (g_str_equal (m->key, keys[i]))
        g_string_append_printf (words, "%s%s", words->len > 0 ? "; " : "", _(m->words));
  return words->len > 0 ? g_string_free (g_steal_pointer (&words), FALSE) : NULL;
}

static void
reason (AimsEuScreening *out,
        char            *text)
{
  g_ptr_array_add (out->reasons, text);
}

/* The class from Annex III: TRUE when decided (high or not), FALSE when an
 * answer it needs is missing. */
static gboolean
screen_annex_iii (const AimsEuScreeningInput *input,
                  AimsEuScreening            *out,
                  gboolean                   *high)
{
  g_autofree char *in_areas = chosen_words (input->annex_iii, areas);
  g_autofree char *narrow = NULL;

  *high = FALSE;
  if (input->annex_iii == NULL)
    {
      g_ptr_array_add (out->missing, (gpointer) AIMS_EU_Q_ANNEX_III);
      return FALSE;
    }
  if (in_areas == NULL)
    return TRUE;
  if (input->exception == NULL || input->profiling == NULL)
    {
      if (input->exception == NULL)
        g_ptr_array_add (out->missing, (gpointer) AIMS_EU_Q_EXCEPTION);
      if (input->profiling == NULL)
        g_ptr_array_add (out->missing, (gpointer) AIMS_EU_Q_PROFILING);
      return FALSE;
    }
  narrow = chosen_words (input->exception, tasks);
  if (narrow != NULL && g_str_equal (input->profiling, "no"))
    {
      reason (out, g_strdup_printf (_("It is used in %s, but only for %s and without profiling people: "
                                      "not high-risk under Article 6(3). Keep this assessment on file."),
                                    in_areas, narrow));
      return TRUE;
    }
  *high = TRUE;
  if (narrow != NULL)
    reason (out, g_strdup_printf (_("It is used in %s and profiles people: high-risk even for a narrow task "
                                    "(Article 6(3))."), in_areas));
  else
    reason (out, g_strdup_printf (_("It is used in %s: high-risk under Article 6(2)."), in_areas));
  return TRUE;
}

static void
screen_class (const AimsEuScreeningInput *input,
              AimsEuScreening            *out)
{
  g_autofree char *banned = chosen_words (input->prohibited, practices);
  g_autofree char *transparency = chosen_words (input->transparency, duties);
  gboolean decided = TRUE, high = FALSE;

  if (banned != NULL)
    {
      out->eu_class = AIMS_EU_CLASS_PROHIBITED;
      reason (out, g_strdup_printf (_("It does what Article 5 prohibits: %s."), banned));
      return;
    }
  if (input->prohibited == NULL)
    {
      g_ptr_array_add (out->missing, (gpointer) AIMS_EU_Q_PROHIBITED);
      decided = FALSE;
    }

  if (g_strcmp0 (input->safety_component, "yes") == 0)
    {
      high = TRUE;
      reason (out, g_strdup (_("It is a safety component of a product that needs a third-party conformity "
                               "check under EU product law: high-risk under Article 6(1).")));
    }
  else if (input->safety_component == NULL)
    {
      g_ptr_array_add (out->missing, (gpointer) AIMS_EU_Q_SAFETY_COMPONENT);
      decided = FALSE;
    }
  {
    gboolean in_annex = FALSE;

    decided &= screen_annex_iii (input, out, &in_annex);
    high |= in_annex;
  }

  if (transparency != NULL)
    reason (out, g_strdup_printf (high ? _("It also has transparency duties under Article 50: %s.")
                                       : _("It has transparency duties under Article 50: %s."),
                                  transparency));
  else if (input->transparency == NULL)
    {
      g_ptr_array_add (out->missing, (gpointer) AIMS_EU_Q_TRANSPARENCY);
      /* A high-risk system stays high-risk whatever its duties. */
      decided &= high;
    }

  if (!decided)
    out->eu_class = AIMS_EU_CLASS_NOT_ASSESSED;
  else if (high)
    out->eu_class = AIMS_EU_CLASS_HIGH;
  else if (transparency != NULL)
    out->eu_class = AIMS_EU_CLASS_LIMITED;
  else
    {
      out->eu_class = AIMS_EU_CLASS_MINIMAL;
      reason (out, g_strdup (_("None of the prohibited practices, high-risk uses or transparency duties "
                               "applies: minimal risk, with voluntary codes of conduct.")));
    }
}

static void
screen_role (const AimsEuScreeningInput *input,
             AimsEuScreening            *out)
{
  AimsEuRole answered = AIMS_EU_ROLE_UNKNOWN;

  if (aims_eu_role_from_key (input->role, &answered))
    {
      if (answered != AIMS_EU_ROLE_PROVIDER && g_strcmp0 (input->modified, "yes") == 0)
        {
          out->role = AIMS_EU_ROLE_PROVIDER;
          reason (out, g_strdup_printf (_("As %s you put your name on it or changed it substantially, which makes "
                                          "you its provider (Article 25)."),
                                        aims_eu_role_label (answered)));
          return;
        }
      out->role = answered;
      reason (out, g_strdup_printf (_("Your organisation’s role, as answered: %s."), aims_eu_role_label (answered)));
      return;
    }

  g_ptr_array_add (out->missing, (gpointer) AIMS_EU_Q_ROLE);
  if (g_strcmp0 (input->sourcing, "in_house") == 0 || g_strcmp0 (input->sourcing, "hybrid") == 0)
    {
      out->role = AIMS_EU_ROLE_PROVIDER;
      reason (out, g_strdup (_("The system is built in-house or adapted by you, so you are likely its provider.")));
    }
  else if (g_strcmp0 (input->sourcing, "third_party") == 0)
    {
      out->role = AIMS_EU_ROLE_DEPLOYER;
      reason (out, g_strdup (_("The system comes from a third party, so you are likely its deployer.")));
    }
}

void
aims_eu_ai_act_screen (const AimsEuScreeningInput *input,
                       AimsEuScreening            *out)
{
  g_return_if_fail (input != NULL && out != NULL);

  out->eu_class = AIMS_EU_CLASS_NOT_ASSESSED;
  out->role = AIMS_EU_ROLE_UNKNOWN;
  out->reasons = g_ptr_array_new_with_free_func (g_free);
  out->missing = g_ptr_array_new ();
  screen_class (input, out);
  screen_role (input, out);
}

void
aims_eu_screening_clear (AimsEuScreening *screening)
{
  g_clear_pointer (&screening->reasons, g_ptr_array_unref);
  g_clear_pointer (&screening->missing, g_ptr_array_unref);
}
