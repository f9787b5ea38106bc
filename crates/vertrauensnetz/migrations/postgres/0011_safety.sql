-- Public safety information (issue 10): warnings published as CAP 1.2 with
-- one text per language, imported CAP messages, and safe places with their
-- opening hours.

CREATE TABLE warning_settings (
    tenant_id uuid NOT NULL REFERENCES tenants (tenant_id),
    require_approval boolean NOT NULL,
    extra_languages text NOT NULL,
    PRIMARY KEY (tenant_id)
);

CREATE TABLE warnings (
    tenant_id uuid NOT NULL REFERENCES tenants (tenant_id),
    warning_id uuid NOT NULL,
    origin text NOT NULL,
    identifier text NOT NULL,
    sender text NOT NULL,
    msg_type text NOT NULL,
    refers_to uuid,
    replaced_by uuid,
    status text NOT NULL,
    category text NOT NULL,
    event text NOT NULL,
    urgency text NOT NULL,
    severity text NOT NULL,
    certainty text NOT NULL,
    onset timestamptz,
    expires timestamptz,
    area_desc text NOT NULL,
    area_kind text NOT NULL,
    area_value text NOT NULL,
    languages text NOT NULL,
    created_by uuid,
    created_at timestamptz NOT NULL,
    approved_by uuid,
    sent_at timestamptz,
    cap_xml text,
    PRIMARY KEY (tenant_id, warning_id)
);
CREATE UNIQUE INDEX warnings_identifier ON warnings (tenant_id, sender, identifier);
CREATE INDEX warnings_public ON warnings (tenant_id, status, sent_at);

CREATE TABLE warning_texts (
    tenant_id uuid NOT NULL REFERENCES tenants (tenant_id),
    warning_id uuid NOT NULL,
    lang text NOT NULL,
    headline text NOT NULL,
    description text NOT NULL,
    instruction text NOT NULL,
    PRIMARY KEY (tenant_id, warning_id, lang),
    FOREIGN KEY (tenant_id, warning_id) REFERENCES warnings (tenant_id, warning_id)
);

CREATE TABLE safe_places (
    tenant_id uuid NOT NULL REFERENCES tenants (tenant_id),
    place_id uuid NOT NULL,
    kind text NOT NULL,
    status text NOT NULL,
    name text NOT NULL,
    address text NOT NULL,
    district_code text,
    lat double precision NOT NULL,
    lon double precision NOT NULL,
    help text NOT NULL,
    languages text NOT NULL,
    step_free boolean NOT NULL,
    toilet boolean NOT NULL,
    quiet_room boolean NOT NULL,
    event_id uuid,
    contact text NOT NULL,
    note text NOT NULL,
    created_at timestamptz NOT NULL,
    decided_by uuid,
    PRIMARY KEY (tenant_id, place_id)
);
CREATE INDEX safe_places_list ON safe_places (tenant_id, status, district_code);

CREATE TABLE safe_place_hours (
    tenant_id uuid NOT NULL REFERENCES tenants (tenant_id),
    place_id uuid NOT NULL,
    weekday integer NOT NULL,
    opens_min integer NOT NULL,
    closes_min integer NOT NULL,
    FOREIGN KEY (tenant_id, place_id) REFERENCES safe_places (tenant_id, place_id)
);
CREATE INDEX safe_place_hours_place ON safe_place_hours (tenant_id, place_id);

CREATE TABLE safe_place_exceptions (
    tenant_id uuid NOT NULL REFERENCES tenants (tenant_id),
    place_id uuid NOT NULL,
    day text NOT NULL,
    opens_min integer,
    closes_min integer,
    note text NOT NULL,
    FOREIGN KEY (tenant_id, place_id) REFERENCES safe_places (tenant_id, place_id)
);
CREATE INDEX safe_place_exceptions_place ON safe_place_exceptions (tenant_id, place_id);

CREATE TABLE safe_place_holidays (
    tenant_id uuid NOT NULL REFERENCES tenants (tenant_id),
    day text NOT NULL,
    name text NOT NULL,
    PRIMARY KEY (tenant_id, day)
);
