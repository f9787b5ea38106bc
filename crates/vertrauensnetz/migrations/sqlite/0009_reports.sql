-- Reports of defects and unsafe places (issue 7): categories per tenant
-- with their names in several languages and their targets, the
-- departments reports are routed to (city offices, contractors, police
-- prevention, the order partnership) and who works in them, the reports
-- with photos, public updates and internal notes, subscriptions, and the
-- keys of Open311 clients.

CREATE TABLE report_departments (
    tenant_id UUID NOT NULL REFERENCES tenants (tenant_id),
    department_id UUID NOT NULL,
    code TEXT NOT NULL,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    email TEXT,
    PRIMARY KEY (tenant_id, department_id)
);
CREATE UNIQUE INDEX report_departments_code ON report_departments (tenant_id, code);

CREATE TABLE report_department_members (
    tenant_id UUID NOT NULL REFERENCES tenants (tenant_id),
    department_id UUID NOT NULL,
    user_id UUID NOT NULL REFERENCES users (user_id),
    PRIMARY KEY (tenant_id, department_id, user_id)
);
CREATE INDEX report_department_members_user ON report_department_members (tenant_id, user_id);

CREATE TABLE report_categories (
    tenant_id UUID NOT NULL REFERENCES tenants (tenant_id),
    category_id UUID NOT NULL,
    code TEXT NOT NULL,
    kind TEXT NOT NULL,
    position INTEGER NOT NULL,
    radius_m INTEGER NOT NULL,
    ack_hours INTEGER NOT NULL,
    resolve_hours INTEGER NOT NULL,
    active BOOLEAN NOT NULL,
    PRIMARY KEY (tenant_id, category_id)
);
CREATE UNIQUE INDEX report_categories_code ON report_categories (tenant_id, code);

CREATE TABLE report_category_names (
    tenant_id UUID NOT NULL REFERENCES tenants (tenant_id),
    category_id UUID NOT NULL,
    lang TEXT NOT NULL,
    name TEXT NOT NULL,
    description TEXT NOT NULL,
    PRIMARY KEY (tenant_id, category_id, lang)
);

CREATE TABLE report_routes (
    tenant_id UUID NOT NULL REFERENCES tenants (tenant_id),
    category_id UUID NOT NULL,
    district_code TEXT NOT NULL,
    department_id UUID NOT NULL,
    PRIMARY KEY (tenant_id, category_id, district_code, department_id)
);

CREATE TABLE reports (
    tenant_id UUID NOT NULL REFERENCES tenants (tenant_id),
    report_id UUID NOT NULL,
    category_id UUID NOT NULL,
    kind TEXT NOT NULL,
    status TEXT NOT NULL,
    status_note TEXT,
    district_code TEXT,
    lat DOUBLE,
    lon DOUBLE,
    address TEXT NOT NULL,
    description TEXT NOT NULL,
    public_description TEXT,
    published BOOLEAN NOT NULL,
    time_of_day TEXT,
    walk BOOLEAN NOT NULL,
    reporter_name TEXT,
    reporter_email TEXT,
    reporter_lang TEXT NOT NULL,
    follow_hash BLOB,
    token TEXT NOT NULL,
    source TEXT NOT NULL,
    duplicate_of UUID,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    acknowledged_at TIMESTAMP,
    closed_at TIMESTAMP,
    ack_due_at TIMESTAMP NOT NULL,
    resolve_due_at TIMESTAMP NOT NULL,
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
    tenant_id UUID NOT NULL REFERENCES tenants (tenant_id),
    category_id UUID NOT NULL,
    status TEXT NOT NULL,
    district_code TEXT NOT NULL,
    n BIGINT NOT NULL,
    PRIMARY KEY (tenant_id, category_id, status, district_code)
);

CREATE TABLE report_assignments (
    tenant_id UUID NOT NULL REFERENCES tenants (tenant_id),
    report_id UUID NOT NULL,
    department_id UUID NOT NULL,
    PRIMARY KEY (tenant_id, report_id, department_id)
);
CREATE INDEX report_assignments_department ON report_assignments (tenant_id, department_id, report_id);

CREATE TABLE report_photos (
    tenant_id UUID NOT NULL REFERENCES tenants (tenant_id),
    photo_id UUID NOT NULL,
    report_id UUID NOT NULL,
    mime TEXT NOT NULL,
    size BIGINT NOT NULL,
    hidden BOOLEAN NOT NULL,
    created_at TIMESTAMP NOT NULL,
    PRIMARY KEY (tenant_id, photo_id)
);
CREATE INDEX report_photos_report ON report_photos (tenant_id, report_id);

CREATE TABLE report_updates (
    tenant_id UUID NOT NULL REFERENCES tenants (tenant_id),
    update_id UUID NOT NULL,
    report_id UUID NOT NULL,
    status TEXT,
    text TEXT NOT NULL,
    internal BOOLEAN NOT NULL,
    author_id UUID,
    created_at TIMESTAMP NOT NULL,
    PRIMARY KEY (tenant_id, update_id)
);
CREATE INDEX report_updates_report ON report_updates (tenant_id, report_id, created_at);
CREATE INDEX report_updates_time ON report_updates (tenant_id, created_at);

CREATE TABLE report_subscriptions (
    tenant_id UUID NOT NULL REFERENCES tenants (tenant_id),
    subscription_id UUID NOT NULL,
    report_id UUID,
    district_code TEXT,
    email TEXT NOT NULL,
    lang TEXT NOT NULL,
    token_hash BLOB NOT NULL,
    created_at TIMESTAMP NOT NULL,
    PRIMARY KEY (tenant_id, subscription_id)
);
CREATE INDEX report_subscriptions_report ON report_subscriptions (tenant_id, report_id);
CREATE INDEX report_subscriptions_district ON report_subscriptions (tenant_id, district_code);
CREATE UNIQUE INDEX report_subscriptions_token ON report_subscriptions (tenant_id, token_hash);

CREATE TABLE open311_clients (
    tenant_id UUID NOT NULL REFERENCES tenants (tenant_id),
    client_id UUID NOT NULL,
    name TEXT NOT NULL,
    key_hash BLOB NOT NULL,
    created_at TIMESTAMP NOT NULL,
    revoked_at TIMESTAMP,
    PRIMARY KEY (tenant_id, client_id)
);
CREATE UNIQUE INDEX open311_clients_key ON open311_clients (key_hash);
