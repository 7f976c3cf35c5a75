-- 办结率 as the bureaus report it: of the matters accepted (受理/立案) in the period, the share concluded
-- since ("立案96件，已办结93件，办结率为96.9%"). Until now it was the period's conclusions over the
-- period's acceptances, which went above 100% whenever earlier matters were concluded. The view gains
-- 'accc': a matter accepted and concluded, dated by its acceptance at the handling body; a matter that
-- concludes later moves into it when its facts are settled (queue-case-facts.ts). Otherwise the view is
-- 0025's. The matters already concluded are queued so that their figures gain it.
CREATE OR REPLACE VIEW stats_contributions AS
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
  -- accepted and since concluded (answer delivered or mediated): the 办结 of the matters accepted, counted
  -- at the handling body on the day of acceptance, so 办结率 = these / accepted stays within 100%
  SELECT c.id, 'accc', '', c.handling_org_id, c.accepted_on, 1, 1
  FROM cases c WHERE c.accepted_on IS NOT NULL AND c.handling_org_id IS NOT NULL AND c.answered_on IS NOT NULL AND c.concluded_on IS NOT NULL
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
  SELECT e.case_id, CASE WHEN e.type IN ('request_review', 'decide_review', 'redo') THEN 'rv' ELSE 'rr' END,
    CASE WHEN e.type LIKE 'request%' THEN 'req' WHEN e.data->>'outcome' IN ('changed', 'revoked') THEN 'chg' ELSE 'kept' END,
    CASE WHEN e.type LIKE 'request%' THEN (e.data->>'reviewOrgId')::int
      ELSE (SELECT (r.data->>'reviewOrgId')::int FROM case_events r WHERE r.case_id = e.case_id
        AND r.type = CASE e.type WHEN 'redo' THEN 'request_review' WHEN 'redo_re_review' THEN 'request_re_review' ELSE replace(e.type, 'decide_', 'request_') END AND r.id < e.id ORDER BY r.id DESC LIMIT 1) END,
    ((e.at AT TIME ZONE 'UTC') + interval '8 hours')::date, 1, 1
  FROM case_events e WHERE e.type IN ('request_review', 'decide_review', 'redo', 'request_re_review', 'decide_re_review', 'redo_re_review')
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

INSERT INTO stats_case_queue (case_id)
SELECT c.id FROM cases c
WHERE c.accepted_on IS NOT NULL AND c.handling_org_id IS NOT NULL AND c.answered_on IS NOT NULL AND c.concluded_on IS NOT NULL;
