-- Cases whose figures are to be re-applied. A change to a case (or to what hangs on it: a
-- submission, an evaluation, a supervision notice, an ownership) appends its id here in the change's
-- own transaction (services/queue-case-facts.ts); services/settle-figures.ts takes them in batches
-- and runs stats_apply_case_facts over them, one settler at a time (the folder's lock), every second
-- and before every figure is read, so figures are exact whenever they are read. No key: appends
-- never wait on each other, and a case queued twice is applied once.
CREATE TABLE stats_case_queue (
  case_id integer NOT NULL
);
