-- 约访: a leader's appointment day names the matters whose petitioners the leader invites. Each
-- invitation is recorded on the case (its timeline says when and where), and the visit, once
-- received, is recorded as on any reception day (reception_visits), which the figures count.
CREATE TABLE reception_invitations (
  reception_day_id integer NOT NULL REFERENCES reception_days(id),
  case_id integer NOT NULL REFERENCES cases(id),
  invited_by integer NOT NULL REFERENCES users(id),
  invited_at timestamptz NOT NULL,
  PRIMARY KEY (reception_day_id, case_id)
);
CREATE INDEX reception_invitations_case ON reception_invitations(case_id);
