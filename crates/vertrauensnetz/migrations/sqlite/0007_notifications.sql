-- In-app notifications: what a signed-in person should look at (issue:
-- events and consultations, "notifications"). The text is a Fluent message
-- id rendered in the reader's language, with one argument.

CREATE TABLE notifications (
    tenant_id UUID NOT NULL REFERENCES tenants (tenant_id),
    notification_id UUID NOT NULL,
    user_id UUID NOT NULL REFERENCES users (user_id),
    message TEXT NOT NULL,
    subject TEXT NOT NULL,
    link TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    read_at TIMESTAMP,
    PRIMARY KEY (tenant_id, notification_id)
);
CREATE INDEX notifications_user ON notifications (tenant_id, user_id, created_at);
