-- Platform tables (PostgreSQL). Keep in step with migrations/sqlite.

CREATE TABLE tenants (
    tenant_id uuid NOT NULL PRIMARY KEY,
    slug text NOT NULL,
    name text NOT NULL,
    jurisdiction_id text NOT NULL,
    time_zone text NOT NULL,
    centre_lat double precision NOT NULL,
    centre_lon double precision NOT NULL,
    created_at timestamptz NOT NULL
);
CREATE UNIQUE INDEX tenants_slug ON tenants (slug);
CREATE UNIQUE INDEX tenants_jurisdiction ON tenants (jurisdiction_id);

CREATE TABLE districts (
    tenant_id uuid NOT NULL REFERENCES tenants (tenant_id),
    district_id uuid NOT NULL,
    code text NOT NULL,
    name text NOT NULL,
    centre_lat double precision,
    centre_lon double precision,
    geometry text,
    min_lat double precision,
    min_lon double precision,
    max_lat double precision,
    max_lon double precision,
    PRIMARY KEY (tenant_id, district_id)
);
CREATE UNIQUE INDEX districts_code ON districts (tenant_id, code);

CREATE TABLE users (
    tenant_id uuid NOT NULL REFERENCES tenants (tenant_id),
    user_id uuid NOT NULL PRIMARY KEY,
    login text NOT NULL,
    display_name text NOT NULL,
    password_hash text NOT NULL,
    totp_secret text,
    totp_enabled_at timestamptz,
    totp_last_step bigint,
    active boolean NOT NULL,
    created_at timestamptz NOT NULL,
    password_changed_at timestamptz NOT NULL
);
CREATE UNIQUE INDEX users_login ON users (login);
CREATE INDEX users_tenant ON users (tenant_id, display_name);

CREATE TABLE role_grants (
    tenant_id uuid NOT NULL REFERENCES tenants (tenant_id),
    user_id uuid NOT NULL REFERENCES users (user_id),
    role text NOT NULL,
    granted_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, user_id, role)
);
CREATE INDEX role_grants_user ON role_grants (user_id);

CREATE TABLE sessions (
    tenant_id uuid NOT NULL REFERENCES tenants (tenant_id),
    session_hash bytea NOT NULL PRIMARY KEY,
    user_id uuid NOT NULL REFERENCES users (user_id),
    mfa_ok boolean NOT NULL,
    created_at timestamptz NOT NULL,
    last_seen_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL
);
CREATE INDEX sessions_user ON sessions (tenant_id, user_id);
CREATE INDEX sessions_expiry ON sessions (expires_at);

CREATE TABLE api_tokens (
    tenant_id uuid NOT NULL REFERENCES tenants (tenant_id),
    token_id uuid NOT NULL PRIMARY KEY,
    token_hash bytea NOT NULL,
    user_id uuid NOT NULL REFERENCES users (user_id),
    name text NOT NULL,
    created_at timestamptz NOT NULL,
    last_used_at timestamptz,
    revoked_at timestamptz
);
CREATE UNIQUE INDEX api_tokens_hash ON api_tokens (token_hash);
CREATE INDEX api_tokens_user ON api_tokens (tenant_id, user_id);

CREATE TABLE throttle (
    tenant_id uuid NOT NULL REFERENCES tenants (tenant_id),
    bucket text NOT NULL,
    window_start timestamptz NOT NULL,
    hits bigint NOT NULL,
    PRIMARY KEY (tenant_id, bucket)
);
CREATE INDEX throttle_window ON throttle (window_start);

CREATE TABLE audit_heads (
    tenant_id uuid NOT NULL PRIMARY KEY REFERENCES tenants (tenant_id),
    seq bigint NOT NULL,
    hash bytea NOT NULL
);

CREATE TABLE audit_log (
    tenant_id uuid NOT NULL REFERENCES tenants (tenant_id),
    seq bigint NOT NULL,
    at timestamptz NOT NULL,
    actor_user_id uuid,
    actor_role text,
    action text NOT NULL,
    object_type text NOT NULL,
    object_id text NOT NULL,
    details text NOT NULL,
    prev_hash bytea NOT NULL,
    hash bytea NOT NULL,
    PRIMARY KEY (tenant_id, seq)
);
CREATE INDEX audit_log_object ON audit_log (tenant_id, object_type, object_id);

CREATE TABLE mail_outbox (
    tenant_id uuid NOT NULL REFERENCES tenants (tenant_id),
    mail_id uuid NOT NULL PRIMARY KEY,
    to_address text NOT NULL,
    subject text NOT NULL,
    body_text text NOT NULL,
    created_at timestamptz NOT NULL,
    next_attempt_at timestamptz NOT NULL,
    attempts integer NOT NULL,
    claimed_until timestamptz,
    sent_at timestamptz,
    failed_at timestamptz,
    last_error text
);
CREATE INDEX mail_outbox_due ON mail_outbox (next_attempt_at);
CREATE INDEX mail_outbox_tenant ON mail_outbox (tenant_id, created_at);

CREATE TABLE job_runs (
    job text NOT NULL PRIMARY KEY,
    next_run_at timestamptz NOT NULL,
    last_started_at timestamptz,
    last_instance text
);
