-- [T22] Art 29: a suggestion may be adopted in part (部分采纳) as well as in full or not at all.
ALTER TABLE citizen_suggestions DROP CONSTRAINT citizen_suggestions_status_check;
ALTER TABLE citizen_suggestions ADD CONSTRAINT citizen_suggestions_status_check
  CHECK (status IN ('received', 'adopted', 'partly_adopted', 'not_adopted'));
