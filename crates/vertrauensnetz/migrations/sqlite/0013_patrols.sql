-- Order partnership: staff, deployment areas, joint patrol plans, committee
-- focus areas, the control centre and the patrol log (issue 8). Keep in
-- step with migrations/postgres. Days are 'YYYY-MM-DD' text in the
-- tenant's local time on both engines; instants are TIMESTAMP.

CREATE TABLE pat_settings (
    tenant_id UUID NOT NULL REFERENCES tenants (tenant_id),
    min_police INTEGER NOT NULL,
    min_kod INTEGER NOT NULL,
    min_rest_minutes INTEGER NOT NULL,
    max_patrols INTEGER NOT NULL,
    road_factor DOUBLE NOT NULL,
    speed_kmh DOUBLE NOT NULL,
    routing_url TEXT,
    updated_at TIMESTAMP NOT NULL,
    PRIMARY KEY (tenant_id)
);

CREATE TABLE pat_areas (
    tenant_id UUID NOT NULL REFERENCES tenants (tenant_id),
    area_id UUID NOT NULL,
    name TEXT NOT NULL,
    position INTEGER NOT NULL,
    required_qualification TEXT,
    PRIMARY KEY (tenant_id, area_id)
);
CREATE UNIQUE INDEX pat_areas_name ON pat_areas (tenant_id, name);

CREATE TABLE pat_area_districts (
    tenant_id UUID NOT NULL REFERENCES tenants (tenant_id),
    district_code TEXT NOT NULL,
    area_id UUID NOT NULL,
    PRIMARY KEY (tenant_id, district_code)
);

-- Staff are known by service number only (no names: data minimisation).
CREATE TABLE pat_staff (
    tenant_id UUID NOT NULL REFERENCES tenants (tenant_id),
    staff_id UUID NOT NULL,
    service_number TEXT NOT NULL,
    agency TEXT NOT NULL,
    languages TEXT NOT NULL,
    max_week_minutes INTEGER NOT NULL,
    bands TEXT NOT NULL,
    active BOOLEAN NOT NULL,
    created_at TIMESTAMP NOT NULL,
    PRIMARY KEY (tenant_id, staff_id)
);
CREATE UNIQUE INDEX pat_staff_number ON pat_staff (tenant_id, service_number);

CREATE TABLE pat_qualifications (
    tenant_id UUID NOT NULL REFERENCES tenants (tenant_id),
    staff_id UUID NOT NULL,
    name TEXT NOT NULL,
    since_day TEXT NOT NULL,
    until_day TEXT,
    PRIMARY KEY (tenant_id, staff_id, name)
);

CREATE TABLE pat_absences (
    tenant_id UUID NOT NULL REFERENCES tenants (tenant_id),
    absence_id UUID NOT NULL,
    staff_id UUID NOT NULL,
    starts_at TIMESTAMP NOT NULL,
    ends_at TIMESTAMP NOT NULL,
    kind TEXT NOT NULL,
    PRIMARY KEY (tenant_id, absence_id)
);
CREATE INDEX pat_absences_staff ON pat_absences (tenant_id, staff_id, starts_at);

CREATE TABLE pat_vehicles (
    tenant_id UUID NOT NULL REFERENCES tenants (tenant_id),
    vehicle_id UUID NOT NULL,
    call_sign TEXT NOT NULL,
    kind TEXT NOT NULL,
    PRIMARY KEY (tenant_id, vehicle_id)
);
CREATE UNIQUE INDEX pat_vehicles_sign ON pat_vehicles (tenant_id, call_sign);

-- Committee focus areas: a new weight is a new version; the old row stays
-- with superseded_at set, so the history can be shown.
CREATE TABLE pat_focus (
    tenant_id UUID NOT NULL REFERENCES tenants (tenant_id),
    focus_id UUID NOT NULL,
    area_id UUID NOT NULL,
    band TEXT NOT NULL,
    version INTEGER NOT NULL,
    weight DOUBLE NOT NULL,
    reason TEXT NOT NULL,
    set_by UUID NOT NULL,
    set_at TIMESTAMP NOT NULL,
    superseded_at TIMESTAMP,
    PRIMARY KEY (tenant_id, focus_id)
);
CREATE UNIQUE INDEX pat_focus_version ON pat_focus (tenant_id, area_id, band, version);

CREATE TABLE pat_plans (
    tenant_id UUID NOT NULL REFERENCES tenants (tenant_id),
    plan_id UUID NOT NULL,
    first_day TEXT NOT NULL,
    last_day TEXT NOT NULL,
    status TEXT NOT NULL,
    objective DOUBLE NOT NULL,
    bound DOUBLE NOT NULL,
    solve_ms BIGINT NOT NULL,
    created_by UUID NOT NULL,
    created_at TIMESTAMP NOT NULL,
    published_at TIMESTAMP,
    override_reason TEXT,
    PRIMARY KEY (tenant_id, plan_id)
);
CREATE INDEX pat_plans_days ON pat_plans (tenant_id, status, first_day);

-- A shift of one area on one day holding one joint patrol.
CREATE TABLE pat_patrols (
    tenant_id UUID NOT NULL REFERENCES tenants (tenant_id),
    patrol_id UUID NOT NULL,
    plan_id UUID NOT NULL,
    area_id UUID NOT NULL,
    day TEXT NOT NULL,
    band TEXT NOT NULL,
    starts_at TIMESTAMP NOT NULL,
    ends_at TIMESTAMP NOT NULL,
    rank INTEGER NOT NULL,
    demand DOUBLE NOT NULL,
    reasons TEXT NOT NULL,
    PRIMARY KEY (tenant_id, patrol_id)
);
CREATE INDEX pat_patrols_plan ON pat_patrols (tenant_id, plan_id, day);
CREATE INDEX pat_patrols_time ON pat_patrols (tenant_id, starts_at);

CREATE TABLE pat_patrol_members (
    tenant_id UUID NOT NULL REFERENCES tenants (tenant_id),
    patrol_id UUID NOT NULL,
    staff_id UUID NOT NULL,
    PRIMARY KEY (tenant_id, patrol_id, staff_id)
);
CREATE INDEX pat_members_staff ON pat_patrol_members (tenant_id, staff_id);

CREATE TABLE pat_units (
    tenant_id UUID NOT NULL REFERENCES tenants (tenant_id),
    unit_id UUID NOT NULL,
    call_sign TEXT NOT NULL,
    agency TEXT NOT NULL,
    qualifications TEXT NOT NULL,
    lat DOUBLE NOT NULL,
    lon DOUBLE NOT NULL,
    status INTEGER NOT NULL,
    status_at TIMESTAMP NOT NULL,
    PRIMARY KEY (tenant_id, unit_id)
);
CREATE UNIQUE INDEX pat_units_sign ON pat_units (tenant_id, call_sign);

CREATE TABLE pat_unit_status (
    tenant_id UUID NOT NULL REFERENCES tenants (tenant_id),
    change_id UUID NOT NULL,
    unit_id UUID NOT NULL,
    status INTEGER NOT NULL,
    at TIMESTAMP NOT NULL,
    PRIMARY KEY (tenant_id, change_id)
);
CREATE INDEX pat_unit_status_unit ON pat_unit_status (tenant_id, unit_id, at);

CREATE TABLE pat_incidents (
    tenant_id UUID NOT NULL REFERENCES tenants (tenant_id),
    incident_id UUID NOT NULL,
    reference TEXT NOT NULL,
    source TEXT NOT NULL,
    kind TEXT NOT NULL,
    priority INTEGER NOT NULL,
    lat DOUBLE,
    lon DOUBLE,
    address TEXT NOT NULL,
    district_code TEXT,
    area_id UUID,
    description TEXT NOT NULL,
    required_qualification TEXT,
    status TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    closed_at TIMESTAMP,
    PRIMARY KEY (tenant_id, incident_id)
);
CREATE INDEX pat_incidents_status ON pat_incidents (tenant_id, status, created_at);
CREATE INDEX pat_incidents_area ON pat_incidents (tenant_id, created_at, area_id);

CREATE TABLE pat_assignments (
    tenant_id UUID NOT NULL REFERENCES tenants (tenant_id),
    assignment_id UUID NOT NULL,
    incident_id UUID NOT NULL,
    unit_id UUID NOT NULL,
    alerted_at TIMESTAMP NOT NULL,
    en_route_at TIMESTAMP,
    on_scene_at TIMESTAMP,
    cleared_at TIMESTAMP,
    PRIMARY KEY (tenant_id, assignment_id)
);
CREATE INDEX pat_assignments_incident ON pat_assignments (tenant_id, incident_id);
CREATE INDEX pat_assignments_unit ON pat_assignments (tenant_id, unit_id, cleared_at);

CREATE TABLE pat_log (
    tenant_id UUID NOT NULL REFERENCES tenants (tenant_id),
    entry_id UUID NOT NULL,
    patrol_id UUID NOT NULL,
    kind TEXT NOT NULL,
    agency TEXT NOT NULL,
    count INTEGER NOT NULL,
    note TEXT NOT NULL,
    occurred_at TIMESTAMP NOT NULL,
    recorded_by UUID NOT NULL,
    PRIMARY KEY (tenant_id, entry_id)
);
CREATE INDEX pat_log_patrol ON pat_log (tenant_id, patrol_id, occurred_at);
CREATE INDEX pat_log_time ON pat_log (tenant_id, occurred_at);
