-- Events meet the network (PostgreSQL). Keep in step with migrations/sqlite.

CREATE TABLE event_organisers (
    tenant_id UUID NOT NULL REFERENCES tenants (tenant_id),
    event_id UUID NOT NULL,
    organisation_id UUID NOT NULL,
    PRIMARY KEY (tenant_id, event_id, organisation_id),
    FOREIGN KEY (tenant_id, event_id) REFERENCES events (tenant_id, event_id),
    FOREIGN KEY (tenant_id, organisation_id) REFERENCES organisations (tenant_id, organisation_id)
);

CREATE TABLE event_bodies (
    tenant_id UUID NOT NULL REFERENCES tenants (tenant_id),
    event_id UUID NOT NULL,
    body_id UUID NOT NULL,
    PRIMARY KEY (tenant_id, event_id, body_id),
    FOREIGN KEY (tenant_id, event_id) REFERENCES events (tenant_id, event_id),
    FOREIGN KEY (tenant_id, body_id) REFERENCES bodies (tenant_id, body_id)
);

CREATE TABLE agenda_items (
    tenant_id UUID NOT NULL REFERENCES tenants (tenant_id),
    item_id UUID NOT NULL,
    event_id UUID NOT NULL,
    position INTEGER NOT NULL,
    title TEXT NOT NULL,
    presenter TEXT NOT NULL,
    PRIMARY KEY (tenant_id, item_id),
    FOREIGN KEY (tenant_id, event_id) REFERENCES events (tenant_id, event_id)
);
CREATE INDEX agenda_items_event ON agenda_items (tenant_id, event_id, position);

CREATE TABLE minutes (
    tenant_id UUID NOT NULL REFERENCES tenants (tenant_id),
    event_id UUID NOT NULL,
    summary TEXT NOT NULL,
    visibility TEXT NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    updated_by UUID,
    PRIMARY KEY (tenant_id, event_id),
    FOREIGN KEY (tenant_id, event_id) REFERENCES events (tenant_id, event_id)
);

CREATE TABLE minutes_attendance (
    tenant_id UUID NOT NULL REFERENCES tenants (tenant_id),
    event_id UUID NOT NULL,
    organisation_id UUID NOT NULL,
    PRIMARY KEY (tenant_id, event_id, organisation_id),
    FOREIGN KEY (tenant_id, event_id) REFERENCES events (tenant_id, event_id),
    FOREIGN KEY (tenant_id, organisation_id) REFERENCES organisations (tenant_id, organisation_id)
);

CREATE TABLE minutes_decisions (
    tenant_id UUID NOT NULL REFERENCES tenants (tenant_id),
    decision_id UUID NOT NULL,
    event_id UUID NOT NULL,
    position INTEGER NOT NULL,
    text TEXT NOT NULL,
    PRIMARY KEY (tenant_id, decision_id),
    FOREIGN KEY (tenant_id, event_id) REFERENCES events (tenant_id, event_id)
);
CREATE INDEX minutes_decisions_event ON minutes_decisions (tenant_id, event_id, position);

CREATE TABLE consultations (
    tenant_id UUID NOT NULL REFERENCES tenants (tenant_id),
    consultation_id UUID NOT NULL,
    occasion TEXT NOT NULL,
    title TEXT NOT NULL,
    description TEXT NOT NULL,
    occurs_on TEXT NOT NULL,
    area TEXT NOT NULL,
    status TEXT NOT NULL,
    event_id UUID,
    created_at TIMESTAMPTZ NOT NULL,
    created_by UUID,
    PRIMARY KEY (tenant_id, consultation_id)
);
CREATE INDEX consultations_date ON consultations (tenant_id, occurs_on);

CREATE TABLE consultation_bodies (
    tenant_id UUID NOT NULL REFERENCES tenants (tenant_id),
    consultation_id UUID NOT NULL,
    body_id UUID NOT NULL,
    PRIMARY KEY (tenant_id, consultation_id, body_id),
    FOREIGN KEY (tenant_id, consultation_id) REFERENCES consultations (tenant_id, consultation_id),
    FOREIGN KEY (tenant_id, body_id) REFERENCES bodies (tenant_id, body_id)
);

CREATE TABLE consultation_responses (
    tenant_id UUID NOT NULL REFERENCES tenants (tenant_id),
    response_id UUID NOT NULL,
    consultation_id UUID NOT NULL,
    organisation_id UUID,
    user_id UUID NOT NULL REFERENCES users (user_id),
    text TEXT NOT NULL,
    restricted BOOLEAN NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (tenant_id, response_id),
    FOREIGN KEY (tenant_id, consultation_id) REFERENCES consultations (tenant_id, consultation_id)
);
CREATE INDEX consultation_responses_c ON consultation_responses (tenant_id, consultation_id, created_at);

CREATE TABLE consultation_measures (
    tenant_id UUID NOT NULL REFERENCES tenants (tenant_id),
    consultation_id UUID NOT NULL,
    measure_id UUID NOT NULL,
    PRIMARY KEY (tenant_id, consultation_id, measure_id),
    FOREIGN KEY (tenant_id, consultation_id) REFERENCES consultations (tenant_id, consultation_id),
    FOREIGN KEY (tenant_id, measure_id) REFERENCES measures (tenant_id, measure_id)
);
