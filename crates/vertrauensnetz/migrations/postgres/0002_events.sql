-- Events and registrations (PostgreSQL). Keep in step with migrations/sqlite.

CREATE TABLE events (
    tenant_id uuid NOT NULL REFERENCES tenants (tenant_id),
    event_id uuid NOT NULL,
    kind text NOT NULL,
    title text NOT NULL,
    description text NOT NULL,
    starts_at timestamptz NOT NULL,
    ends_at timestamptz NOT NULL,
    time_zone text NOT NULL,
    place_name text NOT NULL,
    place_address text NOT NULL,
    audience text NOT NULL,
    status text NOT NULL,
    cancel_reason text,
    registration text NOT NULL,
    registration_opens_at timestamptz,
    registration_closes_at timestamptz,
    capacity integer,
    waitlist boolean NOT NULL,
    confirmed integer NOT NULL,
    waitlist_seq bigint NOT NULL,
    created_at timestamptz NOT NULL,
    created_by uuid,
    PRIMARY KEY (tenant_id, event_id)
);
CREATE INDEX events_start ON events (tenant_id, starts_at);

CREATE TABLE registrations (
    tenant_id uuid NOT NULL REFERENCES tenants (tenant_id),
    registration_id uuid NOT NULL,
    event_id uuid NOT NULL,
    status text NOT NULL,
    name text NOT NULL,
    email text NOT NULL,
    answers text NOT NULL,
    cancel_token_hash bytea NOT NULL,
    waitlist_seq bigint,
    created_at timestamptz NOT NULL,
    confirmed_at timestamptz,
    cancelled_at timestamptz,
    checked_in_at timestamptz,
    PRIMARY KEY (tenant_id, registration_id),
    FOREIGN KEY (tenant_id, event_id) REFERENCES events (tenant_id, event_id)
);
CREATE UNIQUE INDEX registrations_cancel_token ON registrations (tenant_id, cancel_token_hash);
CREATE INDEX registrations_event ON registrations (tenant_id, event_id, status, waitlist_seq);
