-- A reception day (领导接待日) can be moved or called off until it begins, as long as no visit is
-- recorded on it. A cancelled day stays on the calendar with who cancelled it, when and why; it takes
-- no visits, frees its leader's hours and is not a day held in the figures. `version` guards a change
-- against another made meanwhile.
ALTER TABLE reception_days
  ADD COLUMN version integer NOT NULL DEFAULT 1,
  ADD COLUMN updated_at timestamptz,
  ADD COLUMN cancelled_at timestamptz,
  ADD COLUMN cancelled_by integer REFERENCES users(id),
  ADD COLUMN cancel_reason text,
  ADD CONSTRAINT reception_days_cancel_recorded CHECK (
    (cancelled_at IS NULL AND cancelled_by IS NULL AND cancel_reason IS NULL)
    OR (cancelled_at IS NOT NULL AND cancelled_by IS NOT NULL AND cancel_reason IS NOT NULL)
  );

-- a leader's slot is taken by the days still on, not by the cancelled ones
ALTER TABLE reception_days DROP CONSTRAINT reception_days_leader_user_id_day_starts_at_key;
CREATE UNIQUE INDEX reception_days_leader_slot ON reception_days (leader_user_id, day, starts_at) WHERE cancelled_at IS NULL;
