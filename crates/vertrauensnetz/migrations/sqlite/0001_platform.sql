-- Platform tables. Column types name the logical type (UUID, TIMESTAMP,
-- BOOLEAN, ...); see platform/db/types.rs for how values are stored.

CREATE TABLE tenants (
    tenant_id UUID NOT NULL PRIMARY KEY,
    slug TEXT NOT NULL,
    name TEXT NOT NULL,
    jurisdiction_id TEXT NOT NULL,
    time_zone TEXT NOT NULL,
    centre_lat DOUBLE NOT NULL,
    centre_lon DOUBLE NOT NULL,
    created_at TIMESTAMP NOT NULL
);
CREATE UNIQUE INDEX tenants_slug ON tenants (slug);
CREATE UNIQUE INDEX tenants_jurisdiction ON tenants (jurisdiction_id);

CREATE TABLE districts (
    tenant_id UUID NOT NULL REFERENCES tenants (tenant_id),
    district_id UUID NOT NULL,
    code TEXT NOT NULL,
    name TEXT NOT NULL,
    centre_lat DOUBLE,
    centre_lon DOUBLE,
    geometry TEXT,
    min_lat DOUBLE,
    min_lon DOUBLE,
    max_lat DOUBLE,
    max_lon DOUBLE,
    PRIMARY KEY (tenant_id, district_id)
);
CREATE UNIQUE INDEX districts_code ON districts (tenant_id, code);

CREATE TABLE users (
    tenant_id UUID NOT NULL REFERENCES tenants (tenant_id),
    user_id UUID NOT NULL PRIMARY KEY,
    login TEXT NOT NULL,
    display_name TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    totp_secret TEXT,
    totp_enabled_at TIMESTAMP,
    totp_last_step BIGINT,
    active BOOLEAN NOT NULL,
    created_at TIMESTAMP NOT NULL,
    password_changed_at TIMESTAMP NOT NULL
);
CREATE UNIQUE INDEX users_login ON users (login);
CREATE INDEX users_tenant ON users (tenant_id, display_name);

CREATE TABLE role_grants (
    tenant_id UUID NOT NULL REFERENCES tenants (tenant_id),
    user_id UUID NOT NULL REFERENCES users (user_id),
    role TEXT NOT NULL,
    granted_at TIMESTAMP NOT NULL,
    PRIMARY KEY (tenant_id, user_id, role)
);
CREATE INDEX role_grants_user ON role_grants (user_id);

CREATE TABLE sessions (
    tenant_id UUID NOT NULL REFERENCES tenants (tenant_id),
    session_hash BLOB NOT NULL PRIMARY KEY,
    user_id UUID NOT NULL REFERENCES users (user_id),
    mfa_ok BOOLEAN NOT NULL,
    created_at TIMESTAMP NOT NULL,
    last_seen_at TIMESTAMP NOT NULL,
    expires_at TIMESTAMP NOT NULL
);
CREATE INDEX sessions_user ON sessions (tenant_id, user_id);
CREATE INDEX sessions_expiry ON sessions (expires_at);

CREATE TABLE api_tokens (
    tenant_id UUID NOT NULL REFERENCES tenants (tenant_id),
    token_id UUID NOT NULL PRIMARY KEY,
    token_hash BLOB NOT NULL,
    user_id UUID NOT NULL REFERENCES users (user_id),
    name TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    last_used_at TIMESTAMP,
    revoked_at TIMESTAMP
);
CREATE UNIQUE INDEX api_tokens_hash ON api_tokens (token_hash);
CREATE INDEX api_tokens_user ON api_tokens (tenant_id, user_id);

CREATE TABLE throttle (
    tenant_id UUID NOT NULL REFERENCES tenants (tenant_id),
    bucket TEXT NOT NULL,
    window_start TIMESTAMP NOT NULL,
    hits BIGINT NOT NULL,
    PRIMARY KEY (tenant_id, bucket)
);
CREATE INDEX throttle_window ON throttle (window_start);

CREATE TABLE audit_heads (
    tenant_id UUID NOT NULL PRIMARY KEY REFERENCES tenants (tenant_id),
    seq BIGINT NOT NULL,
    hash BLOB NOT NULL
);

CREATE TABLE audit_log (
    tenant_id UUID NOT NULL REFERENCES tenants (tenant_id),
    seq BIGINT NOT NULL,
    at TIMESTAMP NOT NULL,
    actor_user_id UUID,
    actor_role TEXT,
    action TEXT NOT NULL,
    object_type TEXT NOT NULL,
    object_id TEXT NOT NULL,
    details TEXT NOT NULL,
    prev_hash BLOB NOT NULL,
    hash BLOB NOT NULL,
    PRIMARY KEY (tenant_id, seq)
);
CREATE INDEX audit_log_object ON audit_log (tenant_id, object_type, object_id);

CREATE TABLE mail_outbox (
    tenant_id UUID NOT NULL REFERENCES tenants (tenant_id),
    mail_id UUID NOT NULL PRIMARY KEY,
    to_address TEXT NOT NULL,
    subject TEXT NOT NULL,
    body_text TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    next_attempt_at TIMESTAMP NOT NULL,
    attempts INTEGER NOT NULL,
    claimed_until TIMESTAMP,
    sent_at TIMESTAMP,
    failed_at TIMESTAMP,
    last_error TEXT
);
CREATE INDEX mail_outbox_due ON mail_outbox (next_attempt_at);
CREATE INDEX mail_outbox_tenant ON mail_outbox (tenant_id, created_at);

CREATE TABLE job_runs (
    job TEXT NOT NULL PRIMARY KEY,
    next_run_at TIMESTAMP NOT NULL,
    last_started_at TIMESTAMP,
    last_instance TEXT
);
