-- The deadline sweep on a million cases (benchmark W5: 3.5-4.7 s before, about 1.4 s after on a loaded machine). Measured with
-- EXPLAIN (ANALYZE, BUFFERS) on 1M cases, ~85k reminders raised by the first sweep:

-- The foreign key to cases ran one trigger per inserted reminder (2.2 s of the 3.6 s the overdue
-- INSERT took). Cases are never deleted and the sweep takes case_id from cases itself, so the key
-- guarded nothing.
ALTER TABLE reminders DROP CONSTRAINT IF EXISTS reminders_case_id_fkey;

-- reminders_org (org_id, created_at) was read by nothing and took a random-order index write per
-- reminder. The reminders list (GET /reminders) reads the newest first: an index on
-- (created_at, case_id) is written at its right edge only, because each sweep inserts with one
-- created_at, in case_id order.
DROP INDEX IF EXISTS reminders_org;
CREATE INDEX reminders_recent ON reminders (created_at, case_id);

-- The sweep reads every case with a running clock due within 3 days in one range scan of next_due;
-- the clock (from state) and the body were heap fetches per case (or, when the planner preferred it,
-- a full scan of cases_current_org_state). Carrying them in the index makes it an index-only scan.
-- cases_next_due keeps its name, key and predicate, so the queues sorted by due date use it as before.
DROP INDEX IF EXISTS cases_next_due;
CREATE INDEX cases_next_due ON cases (next_due, id) INCLUDE (state, current_org_id) WHERE next_due IS NOT NULL;
