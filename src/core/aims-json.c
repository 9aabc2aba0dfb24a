/* aims-json.c — the small JSON writer and reader the core needs
 *
 * The reader is for what the core wrote itself (the risk matrix) but is a
 * complete, strict JSON reader: a damaged value is refused, never guessed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <errno.h>
#include <string.h>

#include <glib/gi18n.h>

#include "aims-db.h"
#include "aims-json.h"

void
aims_json_append_string (GString    *out,
                         const char *value)
{
  g_return_if_fail (out != NULL);

  if (value == NULL)
    {
      g_string_append (out, "null");
      return;
    }

  g_string_append_c (out, '"');
  for (const guchar *p = (const guchar *) value; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '"':  g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        default:
          if (*p < 0x20)
            g_string_append_printf (out, "\\u%04x", *p);
          else
            g_string_append_c (out, (char) *p);
        }
    }
  g_string_append_c (out, '"');
}

/* ── Reader ────────────────────────────────────────────────────────────── */

/* Deeper nesting than this is refused rather than risking the stack. */
#define MAX_DEPTH 64

typedef struct
{
  const char *start;
  const char *p;
  GError    **error;
} Reader;

static GVariant *read_value (Reader *r,
                             guint   depth);

static gboolean
fail (Reader     *r,
      const char *what)
{
  g_set_error (r->error, AIMS_DB_ERROR, AIMS_DB_ERROR_INVALID,
               /* Translators: e.g. "JSON: expected “,” or “]” at offset 17" */
               _("JSON: %s at offset %ld"), what, (long) (r->p - r->start));
  return FALSE;
}

static void
skip_space (Reader *r)
{
  while (*r->p == ' ' || *r->p == '\t' || *r->p == '\n' || *r->p == '\r')
    r->p++;
}

static gboolean
expect_word (Reader     *r,
             const char *word)
{
  gsize len = strlen (word);

  if (strncmp (r->p, word, len) != 0)
    return fail (r, _("unknown word"));
  r->p += len;
  return TRUE;
}

static int
hex_value (char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

/* The four hex digits after "\u"; -1 when they are not. */
static gint32
read_hex4 (Reader *r)
{
  gint32 value = 0;

  for (int i = 0; i < 4; i++)
    {
      int digit = hex_value (r->p[i]);

      if (digit < 0)
        return -1;
      value = value * 16 + digit;
    }
  r->p += 4;
  return value;
}

static gboolean
read_escape (Reader  *r,
             GString *out)
{
  gint32 unit;

  switch (*r->p++)
    {
    case '"':  g_string_append_c (out, '"'); return TRUE;
    case '\\': g_string_append_c (out, '\\'); return TRUE;
    case '/':  g_string_append_c (out, '/'); return TRUE;
    case 'b':  g_string_append_c (out, '\b'); return TRUE;
    case 'f':  g_string_append_c (out, '\f'); return TRUE;
    case 'n':  g_string_append_c (out, '\n'); return TRUE;
    case 'r':  g_string_append_c (out, '\r'); return TRUE;
    case 't':  g_string_append_c (out, '\t'); return TRUE;
    case 'u':
      break;
    default:
      r->p--;
      return fail (r, _("unknown escape in a string"));
    }

  if ((unit = read_hex4 (r)) < 0)
    return fail (r, _("bad \\u escape"));
  if (unit >= 0xdc00 && unit <= 0xdfff)
    return fail (r, _("lone low surrogate"));
  if (unit >= 0xd800 && unit <= 0xdbff)
    {
      gint32 low;

      if (r->p[0] != '\\' || r->p[1] != 'u')
        return fail (r, _("lone high surrogate"));
      r->p += 2;
      low = read_hex4 (r);
      if (low < 0xdc00 || low > 0xdfff)
        return fail (r, _("lone high surrogate"));
      unit = 0x10000 + ((unit - 0xd800) << 10) + (low - 0xdc00);
    }
  if (unit == 0)
    return fail (r, _("NUL in a string"));
  g_string_append_unichar (out, (gunichar) unit);
  return TRUE;
}

/* The string at r->p (its opening quote), as UTF-8; NULL on error. */
static char *
read_string (Reader *r)
{
  g_autoptr(GString) out = g_string_new (NULL);

  r->p++;
  for (;;)
    {
      guchar c = (guchar) *r->p;

      if (c == '\0')
        {
          fail (r, _("unterminated string"));
          return NULL;
        }
      if (c < 0x20)
        {
          fail (r, _("control character in a string"));
          return NULL;
        }
      r->p++;
      if (c == '"')
        break;
      if (c == '\\')
        {
          if (!read_escape (r, out))
            return NULL;
        }
      else
        g_string_append_c (out, (char) c);
    }
  if (!g_utf8_validate (out->str, out->len, NULL))
    {
      fail (r, _("a string is not valid UTF-8"));
      return NULL;
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Skips one or more digits; FALSE when there is none. */
static gboolean
skip_digits (Reader *r)
{
  const char *start = r->p;

  while (g_ascii_isdigit (*r->p))
    r->p++;
  return r->p > start;
}

static GVariant *
read_number (Reader *r)
{
  const char *start = r->p;
  g_autofree char *text = NULL;
  gboolean integer = TRUE;
  gboolean valid;
  gint64 value;
  char *end;

  if (*r->p == '-')
    r->p++;
  /* No leading zeros: "0" alone, or digits from 1. */
  if ((valid = *r->p == '0'))
    r->p++;
  else
    valid = skip_digits (r);
  if (valid && *r->p == '.')
    {
      r->p++;
      valid = skip_digits (r);
      integer = FALSE;
    }
  if (valid && (*r->p == 'e' || *r->p == 'E'))
    {
      r->p++;
      if (*r->p == '+' || *r->p == '-')
        r->p++;
      valid = skip_digits (r);
      integer = FALSE;
    }
  if (!valid)
    {
      fail (r, _("bad number"));
      return NULL;
    }

  text = g_strndup (start, r->p - start);
  if (integer)
    {
      errno = 0;
      value = g_ascii_strtoll (text, &end, 10);
      if (errno == 0)
        return g_variant_new_int64 (value);
    }
  return g_variant_new_double (g_ascii_strtod (text, NULL));
}

/* After an element of an array or object: "," (more) or close (done). */
static gboolean
read_separator (Reader   *r,
                char      close,
                gboolean *done)
{
  skip_space (r);
  if (*r->p == ',')
    {
      r->p++;
      *done = FALSE;
      return TRUE;
    }
  if (*r->p == close)
    {
      r->p++;
      *done = TRUE;
      return TRUE;
    }
  return fail (r, close == ']' ? _("expected “,” or “]”") : _("expected “,” or “}”"));
}

/* After "name" of an object's member: the name, or NULL. */
static char *
read_member_name (Reader *r)
{
  g_autofree char *name = NULL;

  skip_space (r);
  if (*r->p != '"')
    {
      fail (r, _("expected a member name"));
      return NULL;
    }
  if ((name = read_string (r)) == NULL)
    return NULL;
  skip_space (r);
  if (*r->p != ':')
    {
      fail (r, _("expected “:”"));
      return NULL;
    }
  r->p++;
  return g_steal_pointer (&name);
}

/* An array (close ']': av) or an object (close '}': a{sv}). */
static GVariant *
read_container (Reader *r,
                guint   depth,
                char    close)
{
  gboolean object = close == '}';
  g_auto(GVariantBuilder) builder = G_VARIANT_BUILDER_INIT (object ? G_VARIANT_TYPE ("a{sv}")
                                                                   : G_VARIANT_TYPE ("av"));
  gboolean done;

  r->p++;
  skip_space (r);
  if ((done = *r->p == close))
    r->p++;
  while (!done)
    {
      g_autofree char *name = NULL;
      GVariant *element;

      if (object && (name = read_member_name (r)) == NULL)
        return NULL;
      if ((element = read_value (r, depth + 1)) == NULL)
        return NULL;
      if (object)
        g_variant_builder_add (&builder, "{sv}", name, element);
      else
        g_variant_builder_add (&builder, "v", element);
      if (!read_separator (r, close, &done))
        return NULL;
    }
  return g_variant_builder_end (&builder);
}

static GVariant *
read_value (Reader *r,
            guint   depth)
{
  skip_space (r);
  if (depth > MAX_DEPTH)
    {
      fail (r, _("nested too deeply"));
      return NULL;
    }

  switch (*r->p)
    {
    case '{':
      return read_container (r, depth, '}');
    case '[':
      return read_container (r, depth, ']');
    case '"':
      {
        char *text = read_string (r);

        return text != NULL ? g_variant_new_take_string (text) : NULL;
      }
    case 't':
      return expect_word (r, "true") ? g_variant_new_boolean (TRUE) : NULL;
    case 'f':
      return expect_word (r, "false") ? g_variant_new_boolean (FALSE) : NULL;
    case 'n':
      return expect_word (r, "null") ? g_variant_new_maybe (G_VARIANT_TYPE_VARIANT, NULL) : NULL;
    case '\0':
      fail (r, _("unexpected end"));
      return NULL;
    default:
      return read_number (r);
    }
}

GVariant *
aims_json_parse (const char  *text,
                 GError     **error)
{
  Reader r = { text, text, error };
  g_autoptr(GVariant) value = NULL;

  g_return_val_if_fail (text != NULL, NULL);

  if ((value = read_value (&r, 0)) == NULL)
    return NULL;
  g_variant_ref_sink (value);
  skip_space (&r);
  if (*r.p != '\0')
    {
      fail (&r, _("unexpected text after the value"));
      return NULL;
    }
  return g_steal_pointer (&value);
}
