-- Events and registrations (issue: events and consultations).

CREATE TABLE events (
    tenant_id UUID NOT NULL REFERENCES tenants (tenant_id),
    event_id UUID NOT NULL,
    kind TEXT NOT NULL,
    title TEXT NOT NULL,
    description TEXT NOT NULL,
    starts_at TIMESTAMP NOT NULL,
    ends_at TIMESTAMP NOT NULL,
    time_zone TEXT NOT NULL,
    place_name TEXT NOT NULL,
    place_address TEXT NOT NULL,
    audience TEXT NOT NULL,
    status TEXT NOT NULL,
    cancel_reason TEXT,
    registration TEXT NOT NULL,
    registration_opens_at TIMESTAMP,
    registration_closes_at TIMESTAMP,
    capacity INTEGER,
    waitlist BOOLEAN NOT NULL,
    confirmed INTEGER NOT NULL,
    waitlist_seq BIGINT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    created_by UUID,
    PRIMARY KEY (tenant_id, event_id)
);
CREATE INDEX events_start ON events (tenant_id, starts_at);

CREATE TABLE registrations (
    tenant_id UUID NOT NULL REFERENCES tenants (tenant_id),
    registration_id UUID NOT NULL,
    event_id UUID NOT NULL,
    status TEXT NOT NULL,
    name TEXT NOT NULL,
    email TEXT NOT NULL,
    answers TEXT NOT NULL,
    cancel_token_hash BLOB NOT NULL,
    waitlist_seq BIGINT,
    created_at TIMESTAMP NOT NULL,
    confirmed_at TIMESTAMP,
    cancelled_at TIMESTAMP,
    checked_in_at TIMESTAMP,
    PRIMARY KEY (tenant_id, registration_id),
    FOREIGN KEY (tenant_id, event_id) REFERENCES events (tenant_id, event_id)
);
CREATE UNIQUE INDEX registrations_cancel_token ON registrations (tenant_id, cancel_token_hash);
CREATE INDEX registrations_event ON registrations (tenant_id, event_id, status, waitlist_seq);
