-- Rescue-service response targets and the transparency dashboard's
-- settings (issue 11, parts 2-4). (PostgreSQL.) Keep in step with
-- migrations/sqlite.

-- Per tenant: where the response time starts, the compliance below which
-- a review is due (NRW: 80 %).
CREATE TABLE response_settings (
    tenant_id uuid NOT NULL REFERENCES tenants (tenant_id),
    start_point text NOT NULL,
    threshold_percent integer NOT NULL,
    updated_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id)
);

-- Targets per district and category; '*' stands for every district or
-- every category, the most specific row applies.
CREATE TABLE response_targets (
    tenant_id uuid NOT NULL REFERENCES tenants (tenant_id),
    district_code text NOT NULL,
    category text NOT NULL,
    target_seconds integer NOT NULL,
    share_percent integer NOT NULL,
    PRIMARY KEY (tenant_id, district_code, category)
);

-- Imported dispatch records. The incident id is the key: importing it
-- again replaces the record instead of counting it twice. The month of
-- the call (tenant's zone) and both response times are kept so that
-- compliance is one grouped query (the index covers it).
CREATE TABLE dispatch_records (
    tenant_id uuid NOT NULL REFERENCES tenants (tenant_id),
    incident_id text NOT NULL,
    district_code text NOT NULL,
    category text NOT NULL,
    called_at timestamptz NOT NULL,
    dispatched_at timestamptz NOT NULL,
    arrived_at timestamptz NOT NULL,
    month text NOT NULL,
    seconds_from_call integer NOT NULL,
    seconds_from_dispatch integer NOT NULL,
    imported_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, incident_id)
);
CREATE INDEX dispatch_records_month ON dispatch_records
    (tenant_id, month, district_code, category, seconds_from_call, seconds_from_dispatch);

-- The licence under which the dashboard's figures are published.
CREATE TABLE transparency_settings (
    tenant_id uuid NOT NULL REFERENCES tenants (tenant_id),
    licence_name text NOT NULL,
    licence_url text NOT NULL,
    updated_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id)
);
