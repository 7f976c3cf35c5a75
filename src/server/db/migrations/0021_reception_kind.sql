-- A leader receives petitioners at the reception place on a set day (定点接访), goes down to a township
-- or village to receive them there (下访), or meets petitioners invited about a matter (约访). All are
-- reception days held by the leader and count in the reception figures; the kind says which.
ALTER TABLE reception_days ADD COLUMN kind text NOT NULL DEFAULT 'fixed' CHECK (kind IN ('fixed', 'field', 'appointment'));
