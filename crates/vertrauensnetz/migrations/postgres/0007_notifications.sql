-- In-app notifications (PostgreSQL). Keep in step with migrations/sqlite.

CREATE TABLE notifications (
    tenant_id UUID NOT NULL REFERENCES tenants (tenant_id),
    notification_id UUID NOT NULL,
    user_id UUID NOT NULL REFERENCES users (user_id),
    message TEXT NOT NULL,
    subject TEXT NOT NULL,
    link TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    read_at TIMESTAMPTZ,
    PRIMARY KEY (tenant_id, notification_id)
);
CREATE INDEX notifications_user ON notifications (tenant_id, user_id, created_at);
