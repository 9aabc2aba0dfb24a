-- AIMS Desk schema, version 2: the default risk matrix, and indexes for the
-- risk register's filters. Applied by src/core/aims-migrate.c.
--
-- risk_matrix.bands holds a JSON array of
--   {"name": "Low", "min_score": 1, "max_score": 4, "colour": "#33d17a"}
-- from the lowest scores to the highest, covering 1..size*size with no gap or
-- overlap (src/core/aims-risk-matrix.c checks it). The row below is
-- aims_risk_matrix_new_default(); tests/core/test-risk-matrix.c holds them equal.

INSERT OR IGNORE INTO risk_matrix
  (id, updated_at, updated_by, row_version, size, likelihood_labels, impact_labels, bands, appetite_band)
VALUES (
  1,
  strftime('%Y-%m-%dT%H:%M:%SZ', 'now'),
  'AIMS Desk',
  1,
  5,
  '["Rare","Unlikely","Possible","Likely","Almost certain"]',
  '["Negligible","Minor","Moderate","Major","Severe"]',
  '[{"name":"Low","min_score":1,"max_score":4,"colour":"#33d17a"},'
    || '{"name":"Medium","min_score":5,"max_score":9,"colour":"#f6d32d"},'
    || '{"name":"High","min_score":10,"max_score":16,"colour":"#ff7800"},'
    || '{"name":"Critical","min_score":17,"max_score":25,"colour":"#e01b24"}]',
  'Medium'
);

CREATE INDEX risk_owner ON risk(owner_id);
