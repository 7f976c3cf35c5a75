-- A citizen suggestion goes to the petition bureau of the area it concerns, chosen on the portal as an
-- online petition's area is (register-case.ts findBureauForArea), so staff read and decide only the
-- suggestions of their own area and below instead of every suggestion in the deployment. Suggestions
-- sent before go to the topmost petition bureau (whose staff could read them all anyway).
ALTER TABLE citizen_suggestions ADD COLUMN area_code text;
ALTER TABLE citizen_suggestions ADD COLUMN org_id integer REFERENCES organisations(id);
ALTER TABLE citizen_suggestions ADD COLUMN org_path text;
UPDATE citizen_suggestions s SET org_id = b.id, org_path = b.path
FROM (SELECT id, path FROM organisations WHERE kind = 'petition_bureau' ORDER BY length(path), id LIMIT 1) b
WHERE s.org_id IS NULL;
