-- [T22] Art 25: a major or urgent matter (重大、紧急信访事项) is reported at once to the government of
-- the body that found it (本级党委和政府); the case keeps when it was last reported and to which body,
-- and leaders and supervisors of that body and above find the open ones in their 重大紧急 queue.
ALTER TABLE cases ADD COLUMN urgent_reported_at timestamptz;
ALTER TABLE cases ADD COLUMN urgent_org_path text;
CREATE INDEX cases_urgent ON cases(urgent_org_path text_pattern_ops) WHERE urgent_reported_at IS NOT NULL;
