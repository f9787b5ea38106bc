-- Stop receipts (issue 6). The officer-visible record (receipts) and the
-- anonymous self-descriptions (receipt_self_descriptions) share no key:
-- a self-description carries no receipt id and only coarse stop facts;
-- receipt_feedback_marks holds an HMAC of the receipt number so each
-- receipt is described at most once (see docs/security.md).

CREATE TABLE receipt_settings (
    tenant_id uuid NOT NULL REFERENCES tenants (tenant_id),
    mode text NOT NULL,
    groups text NOT NULL,
    updated_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id)
);

CREATE TABLE receipt_keys (
    tenant_id uuid NOT NULL REFERENCES tenants (tenant_id),
    kid text NOT NULL,
    public_key bytea NOT NULL,
    sealed_secret bytea NOT NULL,
    created_at timestamptz NOT NULL,
    retired_at timestamptz,
    PRIMARY KEY (tenant_id, kid)
);

CREATE TABLE receipts (
    tenant_id uuid NOT NULL REFERENCES tenants (tenant_id),
    receipt_id uuid NOT NULL,
    number text NOT NULL,
    agency text NOT NULL,
    issued_at timestamptz NOT NULL,
    issued_day text NOT NULL,
    stopped_at timestamptz NOT NULL,
    district text NOT NULL,
    lat double precision,
    lon double precision,
    legal_basis text NOT NULL,
    reason text NOT NULL,
    reason_text text NOT NULL,
    measures text NOT NULL,
    outcome text NOT NULL,
    persons integer NOT NULL,
    service_number text NOT NULL,
    issued_by uuid NOT NULL,
    given boolean NOT NULL,
    kid text NOT NULL,
    cose bytea NOT NULL,
    content_hash bytea NOT NULL,
    audit_seq bigint NOT NULL,
    PRIMARY KEY (tenant_id, receipt_id)
);
CREATE UNIQUE INDEX receipts_number ON receipts (tenant_id, number);
CREATE INDEX receipts_day ON receipts (tenant_id, issued_day);
CREATE INDEX receipts_stopped ON receipts (tenant_id, stopped_at);

CREATE TABLE receipt_feedback_marks (
    tenant_id uuid NOT NULL REFERENCES tenants (tenant_id),
    mark bytea NOT NULL,
    PRIMARY KEY (tenant_id, mark)
);

CREATE TABLE receipt_self_descriptions (
    tenant_id uuid NOT NULL REFERENCES tenants (tenant_id),
    entry_id uuid NOT NULL,
    stop_month text NOT NULL,
    agency text NOT NULL,
    district text NOT NULL,
    tod_min integer NOT NULL,
    dark boolean NOT NULL,
    vod_window boolean NOT NULL,
    searched boolean NOT NULL,
    hit boolean NOT NULL,
    age_band text NOT NULL,
    gender text NOT NULL,
    grp text NOT NULL,
    respectful text NOT NULL,
    explained text NOT NULL,
    PRIMARY KEY (tenant_id, entry_id)
);
CREATE INDEX receipt_self_month ON receipt_self_descriptions (tenant_id, stop_month);

CREATE TABLE receipt_population (
    tenant_id uuid NOT NULL REFERENCES tenants (tenant_id),
    district text NOT NULL,
    grp text NOT NULL,
    residents bigint NOT NULL,
    source text NOT NULL,
    PRIMARY KEY (tenant_id, district, grp)
);

CREATE TABLE receipt_officers (
    tenant_id uuid NOT NULL REFERENCES tenants (tenant_id),
    user_id uuid NOT NULL,
    service_number text NOT NULL,
    PRIMARY KEY (tenant_id, user_id)
);
