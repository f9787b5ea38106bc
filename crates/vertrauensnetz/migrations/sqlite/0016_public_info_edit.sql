-- Editing warning drafts (issue 10): every edit of a draft raises its
-- revision, and publication is bound to the revision the approver saw;
-- the last editor counts as an author for the second-person rule.

ALTER TABLE warnings ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;
ALTER TABLE warnings ADD COLUMN edited_by UUID;
