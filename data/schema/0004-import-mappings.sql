-- AIMS Desk schema, version 4: imports from spreadsheets. Applied by
-- src/core/aims-migrate.c; written by src/core/aims-import*.c.
--
-- import_batch (version 1) records one import: the file, its SHA-256, who,
-- when, how many rows. It now also says which records it made or changed,
-- so that it can be undone as a whole while they are unchanged since.

ALTER TABLE import_batch ADD COLUMN entity TEXT NOT NULL DEFAULT 'ai_system';
ALTER TABLE import_batch ADD COLUMN undone_by TEXT;

-- One row per record an import inserted or updated. row_version is the
-- version the import left it at: a record at another version was changed
-- since, and the batch can no longer be undone. before_json holds, for an
-- update, the fields it changed as they were before.
CREATE TABLE import_batch_item (
  batch_id    INTEGER NOT NULL REFERENCES import_batch(id),
  entity_id   INTEGER NOT NULL,
  action      TEXT NOT NULL CHECK (action IN ('insert', 'update')),
  row_version INTEGER NOT NULL,
  before_json TEXT,
  PRIMARY KEY (batch_id, entity_id)
) WITHOUT ROWID;

-- A column mapping a user saved, proposed again for a file with the same
-- set of headers (header_key: SHA-256 of the sorted headers).
CREATE TABLE import_mapping (
  id           INTEGER PRIMARY KEY,
  entity       TEXT NOT NULL,
  header_key   TEXT NOT NULL,
  mapping_json TEXT NOT NULL,
  saved_at     TEXT NOT NULL,
  saved_by     TEXT NOT NULL,
  UNIQUE (entity, header_key)
);
