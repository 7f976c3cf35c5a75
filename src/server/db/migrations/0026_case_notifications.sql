-- Notices about a matter's steps that wait on someone (services/notify-case-change.ts): an extension asked
-- of the handling body's leaders, the decision on it to whoever asked, an answer sent back or revoked to
-- whoever gave it, a supervision notice to the body it is addressed to, a co-handling opinion to whoever
-- accepted the matter. The notice names the case it tells of; a reception day's notice names none.
ALTER TABLE staff_notifications ADD COLUMN case_id integer REFERENCES cases(id);
