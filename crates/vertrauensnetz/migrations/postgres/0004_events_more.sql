-- Events, second part (PostgreSQL). Keep in step with migrations/sqlite.

ALTER TABLE events ADD COLUMN step_free boolean;
ALTER TABLE events ADD COLUMN hearing_loop boolean;
ALTER TABLE events ADD COLUMN interpreters text NOT NULL DEFAULT '';
ALTER TABLE events ADD COLUMN accessibility_note text NOT NULL DEFAULT '';
ALTER TABLE events ADD COLUMN questions text NOT NULL DEFAULT '';
ALTER TABLE events ADD COLUMN cancellation_closes_at timestamptz;
ALTER TABLE events ADD COLUMN offer_hours integer NOT NULL DEFAULT 48;
ALTER TABLE events ADD COLUMN reminded_at timestamptz;
ALTER TABLE events ADD COLUMN updated_at timestamptz;
-- People on the waiting list right now (a new registrant's position), kept
-- in step under the event row's lock instead of counted per registration.
ALTER TABLE events ADD COLUMN waiting integer NOT NULL DEFAULT 0;
UPDATE events SET waiting = (SELECT COUNT(*) FROM registrations r
    WHERE r.tenant_id = events.tenant_id AND r.event_id = events.event_id AND r.status = 'waitlisted');
CREATE INDEX events_status_start ON events (tenant_id, status, starts_at);

CREATE TABLE event_translations (
    tenant_id uuid NOT NULL REFERENCES tenants (tenant_id),
    event_id uuid NOT NULL,
    lang text NOT NULL,
    title text NOT NULL,
    description text NOT NULL,
    PRIMARY KEY (tenant_id, event_id, lang),
    FOREIGN KEY (tenant_id, event_id) REFERENCES events (tenant_id, event_id)
);

CREATE TABLE event_topics (
    tenant_id uuid NOT NULL REFERENCES tenants (tenant_id),
    event_id uuid NOT NULL,
    topic text NOT NULL,
    PRIMARY KEY (tenant_id, event_id, topic),
    FOREIGN KEY (tenant_id, event_id) REFERENCES events (tenant_id, event_id)
);
CREATE INDEX event_topics_topic ON event_topics (tenant_id, topic, event_id);

ALTER TABLE registrations ADD COLUMN lang text NOT NULL DEFAULT 'de';
ALTER TABLE registrations ADD COLUMN offer_expires_at timestamptz;
ALTER TABLE registrations ADD COLUMN offer_token_hash bytea;
CREATE UNIQUE INDEX registrations_offer_token ON registrations (tenant_id, offer_token_hash);
CREATE INDEX registrations_offers ON registrations (tenant_id, status, offer_expires_at);

CREATE TABLE bulk_mail_optouts (
    tenant_id uuid NOT NULL REFERENCES tenants (tenant_id),
    email text NOT NULL,
    opted_out_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, email)
);

CREATE TABLE unsubscribe_tokens (
    tenant_id uuid NOT NULL REFERENCES tenants (tenant_id),
    token_hash bytea NOT NULL,
    email text NOT NULL,
    created_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, token_hash)
);
