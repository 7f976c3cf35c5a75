-- Staff page through citizen suggestions newest first, filtered by status (研究中 / 已采纳 / 未采纳) as
-- well as by topic (citizen_suggestions_topic): each page is one range of this index.
CREATE INDEX citizen_suggestions_status ON citizen_suggestions(status, id);
