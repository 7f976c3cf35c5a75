-- Statistics (统计): per-case contributions and the rollups summed from them.
-- stats_case_contrib holds, for every case, the rows it adds to the figures (one per metric,
-- dimension value, body and day); stats_rollups holds their sums per body (self, or the body
-- with everything below it), per day and per month. The transaction of each state change
-- (services/apply-case-facts.ts) replaces the case's changed contribution rows and appends the
-- difference to stats_rollup_deltas (no key, so concurrent writers never wait on each other);
-- jobs/fold-rollup-deltas.ts moves the deltas into stats_rollups in batches; every figure query
-- reads stats_rollups plus the deltas not yet folded, so figures are exact at any moment.
-- Everything can be rebuilt from the cases (services/rebuild-rollups.ts). The definitions are
-- in src/server/stats/formulas.ts.

CREATE TABLE stats_case_contrib (
  case_id integer NOT NULL,
  metric text NOT NULL,
  dim text NOT NULL DEFAULT '',
  org_id integer NOT NULL,
  org_path text NOT NULL,
  day date NOT NULL,
  n integer NOT NULL,
  w integer NOT NULL
);
-- applying a case's facts reads and replaces its rows
CREATE INDEX stats_case_contrib_case ON stats_case_contrib(case_id);
-- drill-down: the cases behind a figure for a subtree and a period, paged by case id
CREATE INDEX stats_case_contrib_drill ON stats_case_contrib(metric, org_path text_pattern_ops, day, case_id);

CREATE TABLE stats_rollups (
  org_id integer NOT NULL,
  -- true: the body and every body below it; false: the body alone
  tree boolean NOT NULL,
  -- 'd': bucket is a day; 'm': bucket is the first day of a month
  grain char(1) NOT NULL CHECK (grain IN ('d','m')),
  bucket date NOT NULL,
  metric text NOT NULL,
  dim text NOT NULL DEFAULT '',
  n bigint NOT NULL DEFAULT 0,
  w bigint NOT NULL DEFAULT 0,
  -- every figure query is a range scan of this key: (org, tree, metric, grain, bucket between ...)
  PRIMARY KEY (org_id, tree, metric, grain, bucket, dim)
);

-- Changes of contributions not yet folded into stats_rollups: append-only (inserted by request
-- transactions, deleted only by the folder). The body's own row; the fold spreads it over the
-- bodies above it (org_path) and over day and month. No index: it is a short queue, scanned.
CREATE TABLE stats_rollup_deltas (
  org_id integer NOT NULL,
  org_path text NOT NULL,
  day date NOT NULL,
  metric text NOT NULL,
  dim text NOT NULL,
  n integer NOT NULL,
  w integer NOT NULL
);

-- a later case repeating this one (一次性办结率)
CREATE INDEX stats_cases_repeat_of ON cases(repeat_of_case_id) WHERE repeat_of_case_id IS NOT NULL;
