-- Stop receipts (issue 6). The officer-visible record (receipts) and the
-- anonymous self-descriptions (receipt_self_descriptions) share no key:
-- a self-description carries no receipt id and only coarse stop facts;
-- receipt_feedback_marks holds an HMAC of the receipt number so each
-- receipt is described at most once (see docs/security.md).

CREATE TABLE receipt_settings (
    tenant_id UUID NOT NULL REFERENCES tenants (tenant_id),
    mode TEXT NOT NULL,
    groups TEXT NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    PRIMARY KEY (tenant_id)
);

CREATE TABLE receipt_keys (
    tenant_id UUID NOT NULL REFERENCES tenants (tenant_id),
    kid TEXT NOT NULL,
    public_key BLOB NOT NULL,
    sealed_secret BLOB NOT NULL,
    created_at TIMESTAMP NOT NULL,
    retired_at TIMESTAMP,
    PRIMARY KEY (tenant_id, kid)
);

CREATE TABLE receipts (
    tenant_id UUID NOT NULL REFERENCES tenants (tenant_id),
    receipt_id UUID NOT NULL,
    number TEXT NOT NULL,
    agency TEXT NOT NULL,
    issued_at TIMESTAMP NOT NULL,
    issued_day TEXT NOT NULL,
    stopped_at TIMESTAMP NOT NULL,
    district TEXT NOT NULL,
    lat DOUBLE,
    lon DOUBLE,
    legal_basis TEXT NOT NULL,
    reason TEXT NOT NULL,
    reason_text TEXT NOT NULL,
    measures TEXT NOT NULL,
    outcome TEXT NOT NULL,
    persons INTEGER NOT NULL,
    service_number TEXT NOT NULL,
    issued_by UUID NOT NULL,
    given BOOLEAN NOT NULL,
    kid TEXT NOT NULL,
    cose BLOB NOT NULL,
    content_hash BLOB NOT NULL,
    audit_seq BIGINT NOT NULL,
    PRIMARY KEY (tenant_id, receipt_id)
);
CREATE UNIQUE INDEX receipts_number ON receipts (tenant_id, number);
CREATE INDEX receipts_day ON receipts (tenant_id, issued_day);
CREATE INDEX receipts_stopped ON receipts (tenant_id, stopped_at);

CREATE TABLE receipt_feedback_marks (
    tenant_id UUID NOT NULL REFERENCES tenants (tenant_id),
    mark BLOB NOT NULL,
    PRIMARY KEY (tenant_id, mark)
);

CREATE TABLE receipt_self_descriptions (
    tenant_id UUID NOT NULL REFERENCES tenants (tenant_id),
    entry_id UUID NOT NULL,
    stop_month TEXT NOT NULL,
    agency TEXT NOT NULL,
    district TEXT NOT NULL,
    tod_min INTEGER NOT NULL,
    dark BOOLEAN NOT NULL,
    vod_window BOOLEAN NOT NULL,
    searched BOOLEAN NOT NULL,
    hit BOOLEAN NOT NULL,
    age_band TEXT NOT NULL,
    gender TEXT NOT NULL,
    grp TEXT NOT NULL,
    respectful TEXT NOT NULL,
    explained TEXT NOT NULL,
    PRIMARY KEY (tenant_id, entry_id)
);
CREATE INDEX receipt_self_month ON receipt_self_descriptions (tenant_id, stop_month);

CREATE TABLE receipt_population (
    tenant_id UUID NOT NULL REFERENCES tenants (tenant_id),
    district TEXT NOT NULL,
    grp TEXT NOT NULL,
    residents BIGINT NOT NULL,
    source TEXT NOT NULL,
    PRIMARY KEY (tenant_id, district, grp)
);

CREATE TABLE receipt_officers (
    tenant_id UUID NOT NULL REFERENCES tenants (tenant_id),
    user_id UUID NOT NULL,
    service_number TEXT NOT NULL,
    PRIMARY KEY (tenant_id, user_id)
);
