-- Rescue-service response targets and the transparency dashboard's
-- settings (issue 11, parts 2-4). (SQLite.) Keep in step with
-- migrations/postgres.

-- Per tenant: where the response time starts, the compliance below which
-- a review is due (NRW: 80 %).
CREATE TABLE response_settings (
    tenant_id UUID NOT NULL REFERENCES tenants (tenant_id),
    start_point TEXT NOT NULL,
    threshold_percent INTEGER NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    PRIMARY KEY (tenant_id)
);

-- Targets per district and category; '*' stands for every district or
-- every category, the most specific row applies.
CREATE TABLE response_targets (
    tenant_id UUID NOT NULL REFERENCES tenants (tenant_id),
    district_code TEXT NOT NULL,
    category TEXT NOT NULL,
    target_seconds INTEGER NOT NULL,
    share_percent INTEGER NOT NULL,
    PRIMARY KEY (tenant_id, district_code, category)
);

-- Imported dispatch records. The incident id is the key: importing it
-- again replaces the record instead of counting it twice. The month of
-- the call (tenant's zone) and both response times are kept so that
-- compliance is one grouped query (the index covers it).
CREATE TABLE dispatch_records (
    tenant_id UUID NOT NULL REFERENCES tenants (tenant_id),
    incident_id TEXT NOT NULL,
    district_code TEXT NOT NULL,
    category TEXT NOT NULL,
    called_at TIMESTAMP NOT NULL,
    dispatched_at TIMESTAMP NOT NULL,
    arrived_at TIMESTAMP NOT NULL,
    month TEXT NOT NULL,
    seconds_from_call INTEGER NOT NULL,
    seconds_from_dispatch INTEGER NOT NULL,
    imported_at TIMESTAMP NOT NULL,
    PRIMARY KEY (tenant_id, incident_id)
);
CREATE INDEX dispatch_records_month ON dispatch_records
    (tenant_id, month, district_code, category, seconds_from_call, seconds_from_dispatch);

-- The licence under which the dashboard's figures are published.
CREATE TABLE transparency_settings (
    tenant_id UUID NOT NULL REFERENCES tenants (tenant_id),
    licence_name TEXT NOT NULL,
    licence_url TEXT NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    PRIMARY KEY (tenant_id)
);
