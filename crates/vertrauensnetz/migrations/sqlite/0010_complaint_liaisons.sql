-- Forwarded complaints go to one authority (police or the city's order
-- service); liaison accounts are bound to theirs. Keep in step with
-- migrations/postgres.

ALTER TABLE complaints ADD COLUMN forwarded_to TEXT;
UPDATE complaints SET forwarded_to = authority
 WHERE forwarded_at IS NOT NULL AND authority IN ('police', 'kod');

CREATE TABLE complaint_liaisons (
    tenant_id UUID NOT NULL REFERENCES tenants (tenant_id),
    user_id UUID NOT NULL REFERENCES users (user_id),
    authority TEXT NOT NULL,
    bound_at TIMESTAMP NOT NULL,
    PRIMARY KEY (tenant_id, user_id)
);
CREATE INDEX complaint_liaisons_authority ON complaint_liaisons (tenant_id, authority);
