-- [T22] Art 24: a matter that concerns several bodies. The bodies concerned agree who accepts it (the
-- lead, 主办, is the case's current body; the others take part as co-handling bodies, 协办单位, named
-- when the matter is routed); when acceptance is disputed (a receiver objected, Art 23), the common
-- superior of the bodies in dispute designates the accepting body, which may not object again.
ALTER TABLE cases ADD COLUMN co_org_ids integer[] NOT NULL DEFAULT '{}';
ALTER TABLE cases ADD COLUMN co_org_paths text[] NOT NULL DEFAULT '{}';
-- the bodies that objected to receiving the matter (the dispute a designation decides)
ALTER TABLE cases ADD COLUMN objected_org_paths text[] NOT NULL DEFAULT '{}';
-- the body that designated the accepting body (Art 24), once it has
ALTER TABLE cases ADD COLUMN designated_by_org_id integer REFERENCES organisations(id);
-- a co-handling body finds the matters it takes part in
CREATE INDEX cases_co_orgs ON cases USING gin (co_org_ids) WHERE co_org_ids <> '{}';
