-- A body's own open matters, most urgent first (the 我的待办 queue, `mine_open`): one ordered range of
-- this index, stopping after a page. Before, the queue read every open case of the body through
-- cases_current_org_state and sorted them (a township with 500 open matters: ~500 heap pages per
-- page of 20). Partial like cases_next_due: only cases with a running clock (every open state has one).
CREATE INDEX IF NOT EXISTS cases_org_due ON cases (current_org_id, next_due, id) WHERE next_due IS NOT NULL;
