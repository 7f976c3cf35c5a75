-- A new submission that looks like a repeat of a matter already final after re-review ([T22] Art 36)
-- is registered like any other and only marked, with repeat_of_case_id naming the final matter: whether
-- it raises the same facts and reasons, and so is declined (不予受理), is for a person to decide.
-- Cases the system used to decline at registration on that ground keep their decline and get the mark.
ALTER TABLE cases ADD COLUMN repeat_of_final boolean NOT NULL DEFAULT false;
UPDATE cases SET repeat_of_final = true
WHERE id IN (SELECT case_id FROM case_events WHERE type = 'decline' AND data->>'code' = 'FINAL_NOT_REACCEPTED');
