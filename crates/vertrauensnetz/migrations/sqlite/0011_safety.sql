-- Public safety information (issue 10): warnings published as CAP 1.2 with
-- one text per language, imported CAP messages, and safe places with their
-- opening hours.

CREATE TABLE warning_settings (
    tenant_id UUID NOT NULL REFERENCES tenants (tenant_id),
    require_approval BOOLEAN NOT NULL,
    extra_languages TEXT NOT NULL,
    PRIMARY KEY (tenant_id)
);

CREATE TABLE warnings (
    tenant_id UUID NOT NULL REFERENCES tenants (tenant_id),
    warning_id UUID NOT NULL,
    origin TEXT NOT NULL,
    identifier TEXT NOT NULL,
    sender TEXT NOT NULL,
    msg_type TEXT NOT NULL,
    refers_to UUID,
    replaced_by UUID,
    status TEXT NOT NULL,
    category TEXT NOT NULL,
    event TEXT NOT NULL,
    urgency TEXT NOT NULL,
    severity TEXT NOT NULL,
    certainty TEXT NOT NULL,
    onset TIMESTAMP,
    expires TIMESTAMP,
    area_desc TEXT NOT NULL,
    area_kind TEXT NOT NULL,
    area_value TEXT NOT NULL,
    languages TEXT NOT NULL,
    created_by UUID,
    created_at TIMESTAMP NOT NULL,
    approved_by UUID,
    sent_at TIMESTAMP,
    cap_xml TEXT,
    PRIMARY KEY (tenant_id, warning_id)
);
CREATE UNIQUE INDEX warnings_identifier ON warnings (tenant_id, sender, identifier);
CREATE INDEX warnings_public ON warnings (tenant_id, status, sent_at);

CREATE TABLE warning_texts (
    tenant_id UUID NOT NULL REFERENCES tenants (tenant_id),
    warning_id UUID NOT NULL,
    lang TEXT NOT NULL,
    headline TEXT NOT NULL,
    description TEXT NOT NULL,
    instruction TEXT NOT NULL,
    PRIMARY KEY (tenant_id, warning_id, lang),
    FOREIGN KEY (tenant_id, warning_id) REFERENCES warnings (tenant_id, warning_id)
);

CREATE TABLE safe_places (
    tenant_id UUID NOT NULL REFERENCES tenants (tenant_id),
    place_id UUID NOT NULL,
    kind TEXT NOT NULL,
    status TEXT NOT NULL,
    name TEXT NOT NULL,
    address TEXT NOT NULL,
    district_code TEXT,
    lat DOUBLE NOT NULL,
    lon DOUBLE NOT NULL,
    help TEXT NOT NULL,
    languages TEXT NOT NULL,
    step_free BOOLEAN NOT NULL,
    toilet BOOLEAN NOT NULL,
    quiet_room BOOLEAN NOT NULL,
    event_id UUID,
    contact TEXT NOT NULL,
    note TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    decided_by UUID,
    PRIMARY KEY (tenant_id, place_id)
);
CREATE INDEX safe_places_list ON safe_places (tenant_id, status, district_code);

CREATE TABLE safe_place_hours (
    tenant_id UUID NOT NULL REFERENCES tenants (tenant_id),
    place_id UUID NOT NULL,
    weekday INTEGER NOT NULL,
    opens_min INTEGER NOT NULL,
    closes_min INTEGER NOT NULL,
    FOREIGN KEY (tenant_id, place_id) REFERENCES safe_places (tenant_id, place_id)
);
CREATE INDEX safe_place_hours_place ON safe_place_hours (tenant_id, place_id);

CREATE TABLE safe_place_exceptions (
    tenant_id UUID NOT NULL REFERENCES tenants (tenant_id),
    place_id UUID NOT NULL,
    day TEXT NOT NULL,
    opens_min INTEGER,
    closes_min INTEGER,
    note TEXT NOT NULL,
    FOREIGN KEY (tenant_id, place_id) REFERENCES safe_places (tenant_id, place_id)
);
CREATE INDEX safe_place_exceptions_place ON safe_place_exceptions (tenant_id, place_id);

CREATE TABLE safe_place_holidays (
    tenant_id UUID NOT NULL REFERENCES tenants (tenant_id),
    day TEXT NOT NULL,
    name TEXT NOT NULL,
    PRIMARY KEY (tenant_id, day)
);
