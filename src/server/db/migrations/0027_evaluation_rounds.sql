-- A matter whose answer was revoked (撤销重办, on review or re-review) is answered again, and the petitioner
-- rates the new answer too: one rating per stage per round of handling, not per stage for ever (the old
-- UNIQUE (case_id, stage) refused the second rating with a database error). `round` counts the
-- revocations before the rating; earlier ratings stay, and the figures count each at its date.
ALTER TABLE evaluations ADD COLUMN round smallint NOT NULL DEFAULT 0;
ALTER TABLE evaluations DROP CONSTRAINT evaluations_case_id_stage_key;
ALTER TABLE evaluations ADD CONSTRAINT evaluations_case_stage_round_key UNIQUE (case_id, stage, round);
