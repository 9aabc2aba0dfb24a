/* core-fixtures.h — what the core tests share: temporary databases, raw
 * SQLite access behind the core's back, file bytes, and asserting errors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "aims-core.h"

G_BEGIN_DECLS

#define FIXTURE_AUTHOR "Test Author"

/* Runs the test cases with a fresh set of XDG folders each
 * (G_TEST_OPTION_ISOLATE_DIRS), as every core test does. */
void        fixture_init               (int         *argc,
                                        char      ***argv);

/* A path in this test case's own folder; the parent folders of name
 * ("sub/x.aims") are created, the file itself is not. */
char       *fixture_path               (const char  *name);

/* Creates a new AIMS database at fixture_path (name) with
 * AIMS_DB_OPEN_CREATE | extra_flags; asserts it worked. */
AimsDb     *fixture_create_db          (const char  *name,
                                        AimsDbOpenFlags extra_flags,
                                        char       **out_path);
/* Creates, fills with the demo organisation and closes a database. */
char       *fixture_create_demo_file   (const char  *name);
/* Opens an existing database; asserts it worked. */
AimsDb     *fixture_open_db            (const char  *path,
                                        AimsDbOpenFlags flags);
/* Drops the last reference and asserts that the database really was
 * finalised, so the file is closed when this returns. */
void        fixture_close_db           (AimsDb     **db);

/* The file's bytes (g_file_get_contents: only call while no connection has
 * the file open). */
GBytes     *fixture_read_bytes         (const char  *path);
void        fixture_write_bytes        (const char  *path,
                                        const void  *data,
                                        gsize        len);
void        fixture_assert_same_bytes  (GBytes      *before,
                                        const char  *path);
/* The names in a folder, sorted, without SQLite's -wal/-shm/-journal files. */
char       *fixture_list_folder        (const char  *folder);

/* The fixture of tests that need one new, empty database (g_test_add). */
typedef struct
{
  AimsDb *db;
} FixtureDb;

void        fixture_db_set_up          (FixtureDb     *f,
                                        gconstpointer  data);
void        fixture_db_tear_down       (FixtureDb     *f,
                                        gconstpointer  data);

#define FIXTURE_ADD_DB_TEST(path, func) \
  g_test_add ((path), FixtureDb, NULL, fixture_db_set_up, (func), fixture_db_tear_down)

/* A plain SQLite connection, the way another program would use the file. */
sqlite3    *fixture_raw_open           (const char  *path);
void        fixture_raw_exec           (sqlite3     *raw,
                                        const char  *sql);
/* Opens, runs sql, closes. */
void        fixture_raw_exec_file      (const char  *path,
                                        const char  *sql);
gint64      fixture_raw_query_int      (const char  *path,
                                        const char  *sql);

/* One integer or text from a query on the core's own connection. */
gint64      fixture_query_int          (AimsDb      *db,
                                        const char  *sql);
char       *fixture_query_text         (AimsDb      *db,
                                        const char  *sql);
/* Rows of a table (a name from our schema). */
gint64      fixture_count_rows         (AimsDb      *db,
                                        const char  *table);

/* field → value pairs, NULL-terminated, as a user would type them. */
GHashTable *fixture_values             (const char  *first_field,
                                        ...) G_GNUC_NULL_TERMINATED;
AimsRecord *fixture_insert             (AimsDb           *db,
                                        const AimsEntity *entity,
                                        GHashTable       *values);
AimsRecord *fixture_add_person         (AimsDb      *db,
                                        const char  *name);
/* owner may be NULL. */
AimsRecord *fixture_add_system         (AimsDb      *db,
                                        const char  *name,
                                        AimsRecord  *owner);
/* A risk owned by owner, with inherent and residual levels (0: unset) given
 * as numbers on the current matrix; its title is "Risk N". */
AimsRecord *fixture_add_risk           (AimsDb      *db,
                                        AimsRecord  *owner,
                                        guint        inherent_likelihood,
                                        guint        inherent_impact,
                                        guint        residual_likelihood,
                                        guint        residual_impact);
/* Loads record again from db, as stored now; asserts it worked. */
AimsRecord *fixture_reload             (AimsDb      *db,
                                        AimsRecord  *record);
/* Updates one field at the record's row_version; asserts it worked. */
AimsRecord *fixture_update_field       (AimsDb      *db,
                                        AimsRecord  *record,
                                        const char  *field,
                                        const char  *value);

/* An insert of values, or an update of record from its row_version with
 * changes, that must be refused: asserts nothing came back and returns the
 * error for the caller to look at. */
GError     *fixture_insert_refused     (AimsDb           *db,
                                        const AimsEntity *entity,
                                        GHashTable       *values);
GError     *fixture_update_refused     (AimsDb      *db,
                                        AimsRecord  *record,
                                        GHashTable  *changes);

/* No field's stored value differs between a and b. */
void        fixture_assert_same_fields (AimsRecord  *a,
                                        AimsRecord  *b);

/* error is AIMS_DB_ERROR/code (any code when -1) and its message names the
 * file (its basename). */
void        fixture_assert_error_names_file (const GError *error,
                                             int           code,
                                             const char   *path);
/* error is AIMS_DB_ERROR_INVALID and its message names the field, by label
 * or by column name. */
void        fixture_assert_error_names_field (const GError     *error,
                                              const AimsEntity *entity,
                                              const char       *field);
/* error is AIMS_DB_ERROR_INVALID (a write refused by a rule) and its
 * message says words. */
void        fixture_assert_refused     (const GError *error,
                                        const char   *words);
/* haystack contains needle, ignoring case. */
gboolean    fixture_contains_nocase    (const char  *haystack,
                                        const char  *needle);

/* Root ignores permission bits. A test of permissions calls this first and
 * returns when it gives TRUE: run as root, the test then runs again in a
 * subprocess that has dropped to the unprivileged user "nobody" (with its
 * files in a folder of its own), and this asserts that it passed. When
 * privileges cannot be dropped the test is skipped. */
gboolean    fixture_rerun_unprivileged (void);

G_END_DECLS
