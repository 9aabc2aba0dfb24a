/* core-fixtures.c — what the core tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <errno.h>
#include <grp.h>
#include <pwd.h>
#include <stdarg.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "core-fixtures.h"

void
fixture_init (int    *argc,
              char ***argv)
{
  g_test_init (argc, argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
}

/* Where fixture_path() puts files: the isolated data folder of the test, or
 * a folder of the unprivileged subprocess's own. */
static char *base_folder;

char *
fixture_path (const char *name)
{
  g_autofree char *path = base_folder != NULL
    ? g_build_filename (base_folder, name, NULL)
    : g_build_filename (g_get_user_data_dir (), "aims-tests", name, NULL);
  g_autofree char *folder = g_path_get_dirname (path);

  g_assert_cmpint (g_mkdir_with_parents (folder, 0755), ==, 0);
  return g_steal_pointer (&path);
}

AimsDb *
fixture_open_db (const char      *path,
                 AimsDbOpenFlags  flags)
{
  g_autoptr(GError) error = NULL;
  AimsDb *db = aims_db_open (path, flags, &error);

  g_assert_no_error (error);
  g_assert_true (AIMS_IS_DB (db));
  return db;
}

AimsDb *
fixture_create_db (const char       *name,
                   AimsDbOpenFlags   extra_flags,
                   char            **out_path)
{
  g_autofree char *path = fixture_path (name);
  AimsDb *db = fixture_open_db (path, AIMS_DB_OPEN_CREATE | extra_flags);

  if (out_path != NULL)
    *out_path = g_steal_pointer (&path);
  return db;
}

char *
fixture_create_demo_file (const char *name)
{
  g_autoptr(GError) error = NULL;
  char *path = NULL;
  AimsDb *db = fixture_create_db (name, AIMS_DB_OPEN_DEFAULT, &path);

  g_assert_true (aims_demo_populate (db, &error));
  g_assert_no_error (error);
  fixture_close_db (&db);
  return path;
}

void
fixture_close_db (AimsDb **db)
{
  gpointer weak = *db;

  g_assert_nonnull (weak);
  g_object_add_weak_pointer (G_OBJECT (weak), &weak);
  g_clear_object (db);
  g_assert_null (weak); /* someone else still held the database open */
}

void
fixture_db_set_up (FixtureDb     *f,
                   gconstpointer  data)
{
  f->db = fixture_create_db ("test.aims", AIMS_DB_OPEN_DEFAULT, NULL);
}

void
fixture_db_tear_down (FixtureDb     *f,
                      gconstpointer  data)
{
  fixture_close_db (&f->db);
}

GBytes *
fixture_read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize len = 0;

  g_assert_true (g_file_get_contents (path, &contents, &len, &error));
  g_assert_no_error (error);
  return g_bytes_new_take (contents, len);
}

void
fixture_write_bytes (const char *path,
                     const void *data,
                     gsize       len)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, data, len, &error));
  g_assert_no_error (error);
}

void
fixture_assert_same_bytes (GBytes     *before,
                           const char *path)
{
  g_autoptr(GBytes) after = fixture_read_bytes (path);
  const guint8 *a = g_bytes_get_data (before, NULL);
  const guint8 *b = g_bytes_get_data (after, NULL);
  gsize n = MIN (g_bytes_get_size (before), g_bytes_get_size (after));

  if (g_bytes_equal (before, after))
    return;
  for (gsize i = 0; i < n; i++)
    if (a[i] != b[i])
      g_error ("%s changed: byte %" G_GSIZE_FORMAT " was 0x%02x, is 0x%02x", path, i, a[i], b[i]);
  g_error ("%s changed: it had %" G_GSIZE_FORMAT " bytes, has %" G_GSIZE_FORMAT, path,
           g_bytes_get_size (before), g_bytes_get_size (after));
}

static gboolean
is_sqlite_side_file (const char *name)
{
  return g_str_has_suffix (name, "-wal") || g_str_has_suffix (name, "-shm") ||
         g_str_has_suffix (name, "-journal");
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char *const *) a, *(const char *const *) b);
}

char *
fixture_list_folder (const char *folder)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = g_dir_open (folder, 0, &error);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  const char *name;

  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (!is_sqlite_side_file (name))
      g_ptr_array_add (names, (gpointer) name);
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

sqlite3 *
fixture_raw_open (const char *path)
{
  sqlite3 *raw = NULL;
  int rc = sqlite3_open_v2 (path, &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);

  if (rc != SQLITE_OK)
    g_error ("sqlite3_open_v2 (%s): %s", path, sqlite3_errstr (rc));
  sqlite3_busy_timeout (raw, 10000);
  return raw;
}

void
fixture_raw_exec (sqlite3    *raw,
                  const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (raw, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("sqlite3_exec (%s): %s", sql, message);
}

void
fixture_raw_exec_file (const char *path,
                       const char *sql)
{
  sqlite3 *raw = fixture_raw_open (path);

  fixture_raw_exec (raw, sql);
  g_assert_cmpint (sqlite3_close (raw), ==, SQLITE_OK);
}

gint64
fixture_raw_query_int (const char *path,
                       const char *sql)
{
  sqlite3 *raw = fixture_raw_open (path);
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (raw, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_close (raw), ==, SQLITE_OK);
  return value;
}

static AimsStatement *
query_first_row (AimsDb     *db,
                 const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AimsStatement) stmt = aims_db_prepare (db, sql, &error);

  g_assert_no_error (error);
  g_assert_nonnull (stmt);
  g_assert_cmpint (aims_statement_step (stmt, &error), ==, AIMS_STEP_ROW);
  g_assert_no_error (error);
  return g_steal_pointer (&stmt);
}

gint64
fixture_query_int (AimsDb     *db,
                   const char *sql)
{
  g_autoptr(AimsStatement) stmt = query_first_row (db, sql);

  return aims_statement_column_int64 (stmt, 0);
}

char *
fixture_query_text (AimsDb     *db,
                    const char *sql)
{
  g_autoptr(AimsStatement) stmt = query_first_row (db, sql);

  return g_strdup (aims_statement_column_text (stmt, 0));
}

gint64
fixture_count_rows (AimsDb     *db,
                    const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", table);

  return fixture_query_int (db, sql);
}

GHashTable *
fixture_values (const char *first_field,
                ...)
{
  GHashTable *values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  va_list args;

  va_start (args, first_field);
  for (const char *field = first_field; field != NULL; field = va_arg (args, const char *))
    g_hash_table_insert (values, g_strdup (field), g_strdup (va_arg (args, const char *)));
  va_end (args);
  return values;
}

AimsRecord *
fixture_insert (AimsDb           *db,
                const AimsEntity *entity,
                GHashTable       *values)
{
  g_autoptr(GError) error = NULL;
  AimsRecord *record = aims_store_insert (db, entity, values, FIXTURE_AUTHOR, &error);

  g_assert_no_error (error);
  g_assert_true (AIMS_IS_RECORD (record));
  return record;
}

AimsRecord *
fixture_add_person (AimsDb     *db,
                    const char *name)
{
  g_autoptr(GHashTable) values = fixture_values ("name", name, "role", "Risk owner", NULL);

  return fixture_insert (db, aims_entity_people (), values);
}

AimsRecord *
fixture_add_system (AimsDb     *db,
                    const char *name,
                    AimsRecord *owner)
{
  g_autoptr(GHashTable) values = fixture_values ("name", name,
                                                 "sourcing", "Third-party",
                                                 "criticality", "high",
                                                 "next_review_date", "2030-06-30",
                                                 NULL);

  if (owner != NULL)
    g_hash_table_insert (values, g_strdup ("owner_id"),
                         g_strdup_printf ("%" G_GINT64_FORMAT, aims_record_get_id (owner)));
  return fixture_insert (db, aims_entity_systems (), values);
}

AimsRecord *
fixture_add_risk (AimsDb     *db,
                  AimsRecord *owner,
                  guint       inherent_likelihood,
                  guint       inherent_impact,
                  guint       residual_likelihood,
                  guint       residual_impact)
{
  static guint n_risks;
  const guint levels[] = { inherent_likelihood, inherent_impact, residual_likelihood, residual_impact };
  const char *const names[] = { "inherent_likelihood", "inherent_impact", "residual_likelihood", "residual_impact" };
  g_autoptr(GHashTable) values = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

  g_hash_table_insert (values, "title", g_strdup_printf ("Risk %u", ++n_risks));
  g_hash_table_insert (values, "owner_id", g_strdup (aims_record_get_reference (owner)));
  for (guint i = 0; i < G_N_ELEMENTS (levels); i++)
    if (levels[i] > 0)
      g_hash_table_insert (values, (gpointer) names[i], g_strdup_printf ("%u", levels[i]));
  return fixture_insert (db, aims_entity_risks (), values);
}

AimsRecord *
fixture_reload (AimsDb     *db,
                AimsRecord *record)
{
  g_autoptr(GError) error = NULL;
  AimsRecord *loaded = aims_store_load (db, aims_record_get_entity (record),
                                        aims_record_get_id (record), &error);

  g_assert_no_error (error);
  g_assert_true (AIMS_IS_RECORD (loaded));
  return loaded;
}

AimsRecord *
fixture_update_field (AimsDb     *db,
                      AimsRecord *record,
                      const char *field,
                      const char *value)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) changes = fixture_values (field, value, NULL);
  AimsRecord *after = aims_store_update (db, aims_record_get_entity (record),
                                         aims_record_get_id (record),
                                         aims_record_get_row_version (record),
                                         changes, FIXTURE_AUTHOR, &error);

  g_assert_no_error (error);
  g_assert_true (AIMS_IS_RECORD (after));
  return after;
}

GError *
fixture_insert_refused (AimsDb           *db,
                        const AimsEntity *entity,
                        GHashTable       *values)
{
  GError *error = NULL;
  g_autoptr(AimsRecord) record = aims_store_insert (db, entity, values, FIXTURE_AUTHOR, &error);

  g_assert_null (record);
  g_assert_nonnull (error);
  return error;
}

GError *
fixture_update_refused (AimsDb     *db,
                        AimsRecord *record,
                        GHashTable *changes)
{
  GError *error = NULL;
  g_autoptr(AimsRecord) after = aims_store_update (db, aims_record_get_entity (record),
                                                   aims_record_get_id (record),
                                                   aims_record_get_row_version (record),
                                                   changes, FIXTURE_AUTHOR, &error);

  g_assert_null (after);
  g_assert_nonnull (error);
  return error;
}

void
fixture_assert_same_fields (AimsRecord *a,
                            AimsRecord *b)
{
  g_autoptr(GPtrArray) differing = aims_record_diff (a, b);

  g_assert_nonnull (differing);
  if (differing->len > 0)
    g_error ("the records differ in %s (and %u more)",
             (const char *) differing->pdata[0], differing->len - 1);
}

void
fixture_assert_error_names_file (const GError *error,
                                 int           code,
                                 const char   *path)
{
  g_autofree char *basename = g_path_get_basename (path);

  g_assert_nonnull (error);
  if (code >= 0)
    g_assert_error (error, AIMS_DB_ERROR, code);
  else
    g_assert_true (error->domain == AIMS_DB_ERROR);
  if (strstr (error->message, basename) == NULL)
    g_error ("the message “%s” does not name the file %s", error->message, basename);
}

void
fixture_assert_error_names_field (const GError     *error,
                                  const AimsEntity *entity,
                                  const char       *field)
{
  const AimsField *f = aims_entity_find_field (entity, field);

  g_assert_nonnull (f);
  g_assert_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_INVALID);
  if (!fixture_contains_nocase (error->message, f->label) &&
      strstr (error->message, f->name) == NULL)
    g_error ("the message “%s” does not name the field %s", error->message, f->label);
}

void
fixture_assert_refused (const GError *error,
                        const char   *words)
{
  g_assert_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_INVALID);
  if (strstr (error->message, words) == NULL)
    g_error ("“%s” does not say “%s”", error->message, words);
}

gboolean
fixture_contains_nocase (const char *haystack,
                         const char *needle)
{
  g_autofree char *h = g_utf8_casefold (haystack, -1);
  g_autofree char *n = g_utf8_casefold (needle, -1);

  return strstr (h, n) != NULL;
}

/* Removes a folder and everything in it, making folders writable first. */
static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_chmod (path, 0700);
      if ((dir = g_dir_open (path, 0, NULL)) != NULL)
        while ((name = g_dir_read_name (dir)) != NULL)
          {
            g_autofree char *child = g_build_filename (path, name, NULL);

            remove_tree (child);
          }
    }
  g_remove (path);
}

static void
remove_base_folder (gpointer data)
{
  remove_tree (base_folder);
  g_clear_pointer (&base_folder, g_free);
}

gboolean
fixture_rerun_unprivileged (void)
{
  g_autoptr(GError) error = NULL;
  struct passwd *nobody;

  if (geteuid () != 0)
    return FALSE;

  nobody = getpwnam ("nobody");
  if (nobody == NULL || nobody->pw_uid == 0)
    {
      g_test_skip ("running as root, which permission bits do not stop, and there is no user “nobody”");
      return TRUE;
    }

  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return TRUE;
    }

  /* The subprocess: become nobody for good, with a folder of its own (the
   * isolated folders of the test belong to root). */
  if (setgroups (0, NULL) != 0 || setgid (nobody->pw_gid) != 0 || setuid (nobody->pw_uid) != 0)
    g_error ("could not become “nobody”: %s", g_strerror (errno));
  g_assert_cmpint (geteuid (), !=, 0);
  base_folder = g_dir_make_tmp ("aims-tests-XXXXXX", &error);
  g_assert_no_error (error);
  g_test_queue_destroy (remove_base_folder, NULL);
  return FALSE;
}
