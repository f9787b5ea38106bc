-- Events, second part: states with a cancellation reason, translations,
-- topics, place accessibility, registration questions, the self-cancellation
-- deadline, waiting-list offers with a time to confirm, reminders and the
-- bulk-mail opt-out.

ALTER TABLE events ADD COLUMN step_free BOOLEAN;
ALTER TABLE events ADD COLUMN hearing_loop BOOLEAN;
ALTER TABLE events ADD COLUMN interpreters TEXT NOT NULL DEFAULT '';
ALTER TABLE events ADD COLUMN accessibility_note TEXT NOT NULL DEFAULT '';
ALTER TABLE events ADD COLUMN questions TEXT NOT NULL DEFAULT '';
ALTER TABLE events ADD COLUMN cancellation_closes_at TIMESTAMP;
ALTER TABLE events ADD COLUMN offer_hours INTEGER NOT NULL DEFAULT 48;
ALTER TABLE events ADD COLUMN reminded_at TIMESTAMP;
ALTER TABLE events ADD COLUMN updated_at TIMESTAMP;
-- People on the waiting list right now (a new registrant's position), kept
-- in step under the event row's lock instead of counted per registration.
ALTER TABLE events ADD COLUMN waiting INTEGER NOT NULL DEFAULT 0;
UPDATE events SET waiting = (SELECT COUNT(*) FROM registrations r
    WHERE r.tenant_id = events.tenant_id AND r.event_id = events.event_id AND r.status = 'waitlisted');
CREATE INDEX events_status_start ON events (tenant_id, status, starts_at);

CREATE TABLE event_translations (
    tenant_id UUID NOT NULL REFERENCES tenants (tenant_id),
    event_id UUID NOT NULL,
    lang TEXT NOT NULL,
    title TEXT NOT NULL,
    description TEXT NOT NULL,
    PRIMARY KEY (tenant_id, event_id, lang),
    FOREIGN KEY (tenant_id, event_id) REFERENCES events (tenant_id, event_id)
);

CREATE TABLE event_topics (
    tenant_id UUID NOT NULL REFERENCES tenants (tenant_id),
    event_id UUID NOT NULL,
    topic TEXT NOT NULL,
    PRIMARY KEY (tenant_id, event_id, topic),
    FOREIGN KEY (tenant_id, event_id) REFERENCES events (tenant_id, event_id)
);
CREATE INDEX event_topics_topic ON event_topics (tenant_id, topic, event_id);

ALTER TABLE registrations ADD COLUMN lang TEXT NOT NULL DEFAULT 'de';
ALTER TABLE registrations ADD COLUMN offer_expires_at TIMESTAMP;
ALTER TABLE registrations ADD COLUMN offer_token_hash BLOB;
CREATE UNIQUE INDEX registrations_offer_token ON registrations (tenant_id, offer_token_hash);
CREATE INDEX registrations_offers ON registrations (tenant_id, status, offer_expires_at);

CREATE TABLE bulk_mail_optouts (
    tenant_id UUID NOT NULL REFERENCES tenants (tenant_id),
    email TEXT NOT NULL,
    opted_out_at TIMESTAMP NOT NULL,
    PRIMARY KEY (tenant_id, email)
);

CREATE TABLE unsubscribe_tokens (
    tenant_id UUID NOT NULL REFERENCES tenants (tenant_id),
    token_hash BLOB NOT NULL,
    email TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    PRIMARY KEY (tenant_id, token_hash)
);
