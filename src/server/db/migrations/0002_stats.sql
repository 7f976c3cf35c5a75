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
) WITH (fillfactor = 80); -- room on each page, so the fold's updates stay on the page (HOT: no index write)

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

-- What every case contributes to the figures: THE definition of every rollup metric (documented
-- in src/server/stats/formulas.ts METRICS). Days are China-time local dates. Rows are not merged:
-- a case may hold two equal rows (two submissions alike); every reader sums. A condition on
-- case_id reaches every branch (each branch's case_id is an indexed column), so one case's rows
-- cost a few index look-ups; without one it is the set-based recount used by the rebuild.
CREATE VIEW stats_contributions AS
SELECT p.case_id, p.metric, p.dim, p.org_id, o.path AS org_path, p.day, p.n, p.w
FROM (
  -- submissions (批次 n, 人次 w) at the receiving body on the day received
  SELECT s.case_id, m.metric, m.dim, COALESCE(s.received_org_id, c.registered_org_id) AS org_id, ((s.received_at AT TIME ZONE 'UTC') + interval '8 hours')::date AS day, 1 AS n, s.headcount AS w
  FROM submissions s JOIN cases c ON c.id = s.case_id JOIN categories cat ON cat.id = c.category_id
  CROSS JOIN LATERAL (VALUES
    ('sub', s.channel), ('sub_kind', c.kind), ('sub_cat', c.category_id::text), ('sub_catp', COALESCE(cat.parent_id, cat.id)::text),
    ('sub_area', c.area_code), ('sub_level', COALESCE(s.level_reached, '')),
    ('sub_coll', CASE WHEN s.is_collective THEN '' END), ('sub_rep', CASE WHEN s.is_repeat THEN '' END),
    -- skip-level (越级): received above the competent level (register-case.ts competentLevel) and the one above it
    ('sub_skip', CASE WHEN (CASE s.level_reached WHEN 'national' THEN 0 WHEN 'province' THEN 1 WHEN 'city' THEN 2 WHEN 'county' THEN 3 WHEN 'township' THEN 4 WHEN 'village' THEN 5 END)
      < (CASE WHEN length(c.area_code) = 12 THEN 4 WHEN c.area_code LIKE '%0000' THEN 1 WHEN c.area_code LIKE '%00' THEN 2 ELSE 3 END) - 1 THEN s.level_reached END)
  ) AS m(metric, dim)
  WHERE m.dim IS NOT NULL
  UNION ALL
  -- accepted, at the handling body
  SELECT c.id, 'acc', CASE WHEN c.accept_due IS NULL OR c.accepted_on <= c.accept_due THEN 't' ELSE 'l' END, c.handling_org_id, c.accepted_on, 1, 1
  FROM cases c WHERE c.accepted_on IS NOT NULL AND c.handling_org_id IS NOT NULL
  UNION ALL
  -- declined or diverted, at the body that decided
  SELECT c.id, CASE WHEN c.divert_procedure IS NOT NULL THEN 'div' ELSE 'dec' END,
    CASE WHEN COALESCE(c.concluded_on, c.received_on) <= COALESCE(c.accept_due, c.route_due, COALESCE(c.concluded_on, c.received_on)) THEN 't' ELSE 'l' END,
    c.current_org_id, COALESCE(c.concluded_on, c.received_on), 1, 1
  FROM cases c WHERE c.decline_reason IS NOT NULL AND c.accepted_on IS NULL
  UNION ALL
  -- answered: on time ('o'), within the extension only ('e'), late ('l')
  SELECT c.id, 'ans',
    CASE WHEN c.answer_due IS NULL OR c.answered_on <= c.answer_due
      THEN CASE WHEN c.extension_status = 'approved' AND c.extension_days IS NOT NULL AND c.answered_on > c.answer_due - c.extension_days THEN 'e' ELSE 'o' END
      ELSE 'l' END,
    c.handling_org_id, c.answered_on, 1, 1
  FROM cases c WHERE c.answered_on IS NOT NULL AND c.handling_org_id IS NOT NULL
  UNION ALL
  -- concluded (answer delivered or mediated): first time ('f') or not ('n')
  SELECT c.id, 'concl',
    CASE WHEN NOT c.is_repeat AND c.review_org_id IS NULL AND NOT EXISTS (SELECT 1 FROM cases r WHERE r.repeat_of_case_id = c.id) THEN 'f' ELSE 'n' END,
    c.handling_org_id, c.concluded_on, 1, 1
  FROM cases c WHERE c.answered_on IS NOT NULL AND c.concluded_on IS NOT NULL AND c.handling_org_id IS NOT NULL
  UNION ALL
  SELECT e.case_id, 'ext', CASE e.type WHEN 'request_extension' THEN 'req' WHEN 'approve_extension' THEN 'app' ELSE 'rej' END,
    COALESCE(c.handling_org_id, c.current_org_id), ((e.at AT TIME ZONE 'UTC') + interval '8 hours')::date, 1, 1
  FROM case_events e JOIN cases c ON c.id = e.case_id WHERE e.type IN ('request_extension', 'approve_extension', 'reject_extension')
  UNION ALL
  SELECT v.case_id, 'evb', v.bureau_rating, v.bureau_org_id, ((v.at AT TIME ZONE 'UTC') + interval '8 hours')::date, 1, 1 FROM evaluations v WHERE v.bureau_org_id IS NOT NULL
  UNION ALL
  SELECT v.case_id, 'evh', v.body_rating, v.body_org_id, ((v.at AT TIME ZONE 'UTC') + interval '8 hours')::date, 1, 1 FROM evaluations v WHERE v.body_org_id IS NOT NULL
  UNION ALL
  -- evaluation windows closed unrated: the sweep's event, or a review asked while the window was open and unrated
  SELECT x.case_id, m.metric, '', CASE m.metric WHEN 'exb' THEN c.registered_org_id ELSE COALESCE(c.handling_org_id, c.current_org_id) END, ((x.at AT TIME ZONE 'UTC') + interval '8 hours')::date, 1, 1
  FROM case_events x JOIN cases c ON c.id = x.case_id CROSS JOIN (VALUES ('exb'), ('exh')) AS m(metric)
  WHERE x.type = 'evaluation_expired' OR (x.type IN ('request_review', 'request_re_review') AND NOT EXISTS (
    SELECT 1 FROM case_events v WHERE v.case_id = x.case_id AND v.type IN ('evaluate', 'evaluation_expired') AND v.id < x.id
      AND v.id > (SELECT max(o.id) FROM case_events o WHERE o.case_id = x.case_id AND o.type IN ('deliver', 'mediate', 'decide_review', 'decide_re_review') AND o.id < x.id)))
  UNION ALL
  -- review and re-review, at the reviewing body named by the request
  SELECT e.case_id, CASE WHEN e.type IN ('request_review', 'decide_review') THEN 'rv' ELSE 'rr' END,
    CASE WHEN e.type LIKE 'request%' THEN 'req' WHEN e.data->>'outcome' IN ('changed', 'revoked') THEN 'chg' ELSE 'kept' END,
    CASE WHEN e.type LIKE 'request%' THEN (e.data->>'reviewOrgId')::int
      ELSE (SELECT (r.data->>'reviewOrgId')::int FROM case_events r WHERE r.case_id = e.case_id AND r.type = replace(e.type, 'decide_', 'request_') AND r.id < e.id ORDER BY r.id DESC LIMIT 1) END,
    ((e.at AT TIME ZONE 'UTC') + interval '8 hours')::date, 1, 1
  FROM case_events e WHERE e.type IN ('request_review', 'decide_review', 'request_re_review', 'decide_re_review')
  UNION ALL
  SELECT sn.case_id, 'sv', 'iss', sn.issuer_org_id, ((sn.issued_at AT TIME ZONE 'UTC') + interval '8 hours')::date, 1, 1 FROM supervision_notices sn
  UNION ALL
  SELECT sn.case_id, 'sv', CASE WHEN ((sn.answered_at AT TIME ZONE 'UTC') + interval '8 hours')::date <= sn.due_on THEN 'ans_t' ELSE 'ans_l' END, sn.issuer_org_id, ((sn.answered_at AT TIME ZONE 'UTC') + interval '8 hours')::date, 1, 1
  FROM supervision_notices sn WHERE sn.answered_at IS NOT NULL
  UNION ALL
  SELECT e.case_id, 'ins', e.actor_user_id::text, e.actor_org_id, ((e.at AT TIME ZONE 'UTC') + interval '8 hours')::date, 1, 1
  FROM case_events e WHERE e.type = 'instruct' AND e.actor_org_id IS NOT NULL AND e.actor_user_id IS NOT NULL
  UNION ALL
  SELECT ow.case_id, 'own', ow.leader_user_id::text, u.org_id, ((ow.created_at AT TIME ZONE 'UTC') + interval '8 hours')::date, 1, 1
  FROM case_ownerships ow JOIN users u ON u.id = ow.leader_user_id
  UNION ALL
  -- the case now, dated by the due date of its running clock (open states always have one)
  SELECT c.id, 'open', c.state, c.current_org_id, c.next_due, 1, 1 FROM cases c WHERE c.next_due IS NOT NULL
  UNION ALL
  SELECT c.id, 'unans', '', c.handling_org_id, c.answer_due, 1, 1
  FROM cases c WHERE c.answered_on IS NULL AND c.accepted_on IS NOT NULL AND c.answer_due IS NOT NULL AND c.handling_org_id IS NOT NULL
  UNION ALL
  SELECT c.id, 'undec', '', c.current_org_id, c.next_due, 1, 1 FROM cases c WHERE c.state IN ('registered', 'awaiting_acceptance') AND c.next_due IS NOT NULL
  UNION ALL
  SELECT ow.case_id, 'ownc', ow.leader_user_id::text, u.org_id, ((ow.concluded_at AT TIME ZONE 'UTC') + interval '8 hours')::date, 1, 1
  FROM case_ownerships ow JOIN users u ON u.id = ow.leader_user_id WHERE ow.concluded_at IS NOT NULL
) p JOIN organisations o ON o.id = p.org_id
WHERE p.day IS NOT NULL;

-- Re-applies the facts of some cases (services/apply-case-facts.ts), in the transaction of every
-- change to them: recomputes their contribution rows, compares them with the stored ones per
-- (case, metric, dim, body, day), replaces only the rows of the keys that changed and appends the
-- differences to stats_rollup_deltas. Nothing written here is keyed across cases, so concurrent
-- transactions never wait on each other.
-- Case by case: its plan is made once per connection (index look-ups and nested loops for one
-- case id; a hash join would read every organisation on every call).
CREATE FUNCTION stats_apply_case_facts(ids integer[]) RETURNS void LANGUAGE plpgsql
SET plan_cache_mode = force_generic_plan SET enable_hashjoin = off SET enable_mergejoin = off AS $fn$
DECLARE
  cid integer;
BEGIN
  FOREACH cid IN ARRAY ids LOOP
    WITH cur AS (SELECT case_id, metric, dim, org_id, org_path, day, n, w FROM stats_contributions WHERE case_id = cid),
    old AS (SELECT case_id, metric, dim, org_id, org_path, day, n, w FROM stats_case_contrib WHERE case_id = cid),
    diff AS (
      SELECT x.metric, x.dim, x.org_id, x.org_path, x.day, sum(x.n) AS n, sum(x.w) AS w FROM (
        SELECT cur.metric, cur.dim, cur.org_id, cur.org_path, cur.day, cur.n, cur.w FROM cur
        UNION ALL SELECT old.metric, old.dim, old.org_id, old.org_path, old.day, -old.n, -old.w FROM old) x
      GROUP BY x.metric, x.dim, x.org_id, x.org_path, x.day
      HAVING sum(x.n) <> 0 OR sum(x.w) <> 0),
    del AS (
      DELETE FROM stats_case_contrib s USING diff d
      WHERE s.case_id = cid AND s.metric = d.metric AND s.dim = d.dim AND s.org_id = d.org_id AND s.org_path = d.org_path AND s.day = d.day),
    ins AS (
      INSERT INTO stats_case_contrib (case_id, metric, dim, org_id, org_path, day, n, w)
      SELECT c.case_id, c.metric, c.dim, c.org_id, c.org_path, c.day, c.n, c.w FROM cur c JOIN diff d
        ON c.metric = d.metric AND c.dim = d.dim AND c.org_id = d.org_id AND c.org_path = d.org_path AND c.day = d.day)
    INSERT INTO stats_rollup_deltas (org_id, org_path, day, metric, dim, n, w)
    SELECT d.org_id, d.org_path, d.day, d.metric, d.dim, d.n, d.w FROM diff d;
  END LOOP;
END
$fn$;

-- a later case repeating this one (一次性办结率)
CREATE INDEX stats_cases_repeat_of ON cases(repeat_of_case_id) WHERE repeat_of_case_id IS NOT NULL;
