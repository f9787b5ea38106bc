-- Reports of defects and unsafe places (issue 7): categories per tenant
-- with their names in several languages and their targets, the
-- departments reports are routed to (city offices, contractors, police
-- prevention, the order partnership) and who works in them, the reports
-- with photos, public updates and internal notes, subscriptions, and the
-- keys of Open311 clients.

CREATE TABLE report_departments (
    tenant_id uuid NOT NULL REFERENCES tenants (tenant_id),
    department_id uuid NOT NULL,
    code text NOT NULL,
    name text NOT NULL,
    kind text NOT NULL,
    email text,
    PRIMARY KEY (tenant_id, department_id)
);
CREATE UNIQUE INDEX report_departments_code ON report_departments (tenant_id, code);

CREATE TABLE report_department_members (
    tenant_id uuid NOT NULL REFERENCES tenants (tenant_id),
    department_id uuid NOT NULL,
    user_id uuid NOT NULL REFERENCES users (user_id),
    PRIMARY KEY (tenant_id, department_id, user_id)
);
CREATE INDEX report_department_members_user ON report_department_members (tenant_id, user_id);

CREATE TABLE report_categories (
    tenant_id uuid NOT NULL REFERENCES tenants (tenant_id),
    category_id uuid NOT NULL,
    code text NOT NULL,
    kind text NOT NULL,
    position integer NOT NULL,
    radius_m integer NOT NULL,
    ack_hours integer NOT NULL,
    resolve_hours integer NOT NULL,
    active boolean NOT NULL,
    PRIMARY KEY (tenant_id, category_id)
);
CREATE UNIQUE INDEX report_categories_code ON report_categories (tenant_id, code);

CREATE TABLE report_category_names (
    tenant_id uuid NOT NULL REFERENCES tenants (tenant_id),
    category_id uuid NOT NULL,
    lang text NOT NULL,
    name text NOT NULL,
    description text NOT NULL,
    PRIMARY KEY (tenant_id, category_id, lang)
);

CREATE TABLE report_routes (
    tenant_id uuid NOT NULL REFERENCES tenants (tenant_id),
    category_id uuid NOT NULL,
    district_code text NOT NULL,
    department_id uuid NOT NULL,
    PRIMARY KEY (tenant_id, category_id, district_code, department_id)
);

CREATE TABLE reports (
    tenant_id uuid NOT NULL REFERENCES tenants (tenant_id),
    report_id uuid NOT NULL,
    category_id uuid NOT NULL,
    kind text NOT NULL,
    status text NOT NULL,
    status_note text,
    district_code text,
    lat double precision,
    lon double precision,
    address text NOT NULL,
    description text NOT NULL,
    public_description text,
    published boolean NOT NULL,
    time_of_day text,
    walk boolean NOT NULL,
    reporter_name text,
    reporter_email text,
    reporter_lang text NOT NULL,
    follow_hash bytea,
    token text NOT NULL,
    source text NOT NULL,
    duplicate_of uuid,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    acknowledged_at timestamptz,
    closed_at timestamptz,
    ack_due_at timestamptz NOT NULL,
    resolve_due_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, report_id)
);
CREATE INDEX reports_created ON reports (tenant_id, created_at);
CREATE INDEX reports_category_place ON reports (tenant_id, category_id, lat, lon, created_at);
CREATE INDEX reports_status ON reports (tenant_id, status, category_id);
CREATE UNIQUE INDEX reports_follow ON reports (tenant_id, follow_hash);
CREATE UNIQUE INDEX reports_token ON reports (tenant_id, token);
CREATE INDEX reports_due ON reports (tenant_id, status, resolve_due_at, ack_due_at, acknowledged_at);

-- Counts by category, status and district, kept in the transactions that
-- change them, so the statistics page reads a few hundred rows instead of
-- every report.
CREATE TABLE report_counts (
    tenant_id uuid NOT NULL REFERENCES tenants (tenant_id),
    category_id uuid NOT NULL,
    status text NOT NULL,
    district_code text NOT NULL,
    n bigint NOT NULL,
    PRIMARY KEY (tenant_id, category_id, status, district_code)
);

CREATE TABLE report_assignments (
    tenant_id uuid NOT NULL REFERENCES tenants (tenant_id),
    report_id uuid NOT NULL,
    department_id uuid NOT NULL,
    PRIMARY KEY (tenant_id, report_id, department_id)
);
CREATE INDEX report_assignments_department ON report_assignments (tenant_id, department_id, report_id);

CREATE TABLE report_photos (
    tenant_id uuid NOT NULL REFERENCES tenants (tenant_id),
    photo_id uuid NOT NULL,
    report_id uuid NOT NULL,
    mime text NOT NULL,
    size bigint NOT NULL,
    hidden boolean NOT NULL,
    created_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, photo_id)
);
CREATE INDEX report_photos_report ON report_photos (tenant_id, report_id);

CREATE TABLE report_updates (
    tenant_id uuid NOT NULL REFERENCES tenants (tenant_id),
    update_id uuid NOT NULL,
    report_id uuid NOT NULL,
    status text,
    text text NOT NULL,
    internal boolean NOT NULL,
    author_id uuid,
    created_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, update_id)
);
CREATE INDEX report_updates_report ON report_updates (tenant_id, report_id, created_at);
CREATE INDEX report_updates_time ON report_updates (tenant_id, created_at);

CREATE TABLE report_subscriptions (
    tenant_id uuid NOT NULL REFERENCES tenants (tenant_id),
    subscription_id uuid NOT NULL,
    report_id uuid,
    district_code text,
    email text NOT NULL,
    lang text NOT NULL,
    token_hash bytea NOT NULL,
    created_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, subscription_id)
);
CREATE INDEX report_subscriptions_report ON report_subscriptions (tenant_id, report_id);
CREATE INDEX report_subscriptions_district ON report_subscriptions (tenant_id, district_code);
CREATE UNIQUE INDEX report_subscriptions_token ON report_subscriptions (tenant_id, token_hash);

CREATE TABLE open311_clients (
    tenant_id uuid NOT NULL REFERENCES tenants (tenant_id),
    client_id uuid NOT NULL,
    name text NOT NULL,
    key_hash bytea NOT NULL,
    created_at timestamptz NOT NULL,
    revoked_at timestamptz,
    PRIMARY KEY (tenant_id, client_id)
);
CREATE UNIQUE INDEX open311_clients_key ON open311_clients (key_hash);
