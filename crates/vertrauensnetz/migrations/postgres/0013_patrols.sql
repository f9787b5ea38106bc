-- Order partnership: staff, deployment areas, joint patrol plans, committee
-- focus areas, the control centre and the patrol log (issue 8). Keep in
-- step with migrations/sqlite. Days are 'YYYY-MM-DD' text in the
-- tenant's local time on both engines; instants are timestamptz.

CREATE TABLE pat_settings (
    tenant_id uuid NOT NULL REFERENCES tenants (tenant_id),
    min_police integer NOT NULL,
    min_kod integer NOT NULL,
    min_rest_minutes integer NOT NULL,
    max_patrols integer NOT NULL,
    road_factor double precision NOT NULL,
    speed_kmh double precision NOT NULL,
    routing_url text,
    updated_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id)
);

CREATE TABLE pat_areas (
    tenant_id uuid NOT NULL REFERENCES tenants (tenant_id),
    area_id uuid NOT NULL,
    name text NOT NULL,
    position integer NOT NULL,
    required_qualification text,
    PRIMARY KEY (tenant_id, area_id)
);
CREATE UNIQUE INDEX pat_areas_name ON pat_areas (tenant_id, name);

CREATE TABLE pat_area_districts (
    tenant_id uuid NOT NULL REFERENCES tenants (tenant_id),
    district_code text NOT NULL,
    area_id uuid NOT NULL,
    PRIMARY KEY (tenant_id, district_code)
);

-- Staff are known by service number only (no names: data minimisation).
CREATE TABLE pat_staff (
    tenant_id uuid NOT NULL REFERENCES tenants (tenant_id),
    staff_id uuid NOT NULL,
    service_number text NOT NULL,
    agency text NOT NULL,
    languages text NOT NULL,
    max_week_minutes integer NOT NULL,
    bands text NOT NULL,
    active boolean NOT NULL,
    created_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, staff_id)
);
CREATE UNIQUE INDEX pat_staff_number ON pat_staff (tenant_id, service_number);

CREATE TABLE pat_qualifications (
    tenant_id uuid NOT NULL REFERENCES tenants (tenant_id),
    staff_id uuid NOT NULL,
    name text NOT NULL,
    since_day text NOT NULL,
    until_day text,
    PRIMARY KEY (tenant_id, staff_id, name)
);

CREATE TABLE pat_absences (
    tenant_id uuid NOT NULL REFERENCES tenants (tenant_id),
    absence_id uuid NOT NULL,
    staff_id uuid NOT NULL,
    starts_at timestamptz NOT NULL,
    ends_at timestamptz NOT NULL,
    kind text NOT NULL,
    PRIMARY KEY (tenant_id, absence_id)
);
CREATE INDEX pat_absences_staff ON pat_absences (tenant_id, staff_id, starts_at);

CREATE TABLE pat_vehicles (
    tenant_id uuid NOT NULL REFERENCES tenants (tenant_id),
    vehicle_id uuid NOT NULL,
    call_sign text NOT NULL,
    kind text NOT NULL,
    PRIMARY KEY (tenant_id, vehicle_id)
);
CREATE UNIQUE INDEX pat_vehicles_sign ON pat_vehicles (tenant_id, call_sign);

-- Committee focus areas: a new weight is a new version; the old row stays
-- with superseded_at set, so the history can be shown.
CREATE TABLE pat_focus (
    tenant_id uuid NOT NULL REFERENCES tenants (tenant_id),
    focus_id uuid NOT NULL,
    area_id uuid NOT NULL,
    band text NOT NULL,
    version integer NOT NULL,
    weight double precision NOT NULL,
    reason text NOT NULL,
    set_by uuid NOT NULL,
    set_at timestamptz NOT NULL,
    superseded_at timestamptz,
    PRIMARY KEY (tenant_id, focus_id)
);
CREATE UNIQUE INDEX pat_focus_version ON pat_focus (tenant_id, area_id, band, version);

CREATE TABLE pat_plans (
    tenant_id uuid NOT NULL REFERENCES tenants (tenant_id),
    plan_id uuid NOT NULL,
    first_day text NOT NULL,
    last_day text NOT NULL,
    status text NOT NULL,
    objective double precision NOT NULL,
    bound double precision NOT NULL,
    solve_ms bigint NOT NULL,
    created_by uuid NOT NULL,
    created_at timestamptz NOT NULL,
    published_at timestamptz,
    override_reason text,
    PRIMARY KEY (tenant_id, plan_id)
);
CREATE INDEX pat_plans_days ON pat_plans (tenant_id, status, first_day);

-- A shift of one area on one day holding one joint patrol.
CREATE TABLE pat_patrols (
    tenant_id uuid NOT NULL REFERENCES tenants (tenant_id),
    patrol_id uuid NOT NULL,
    plan_id uuid NOT NULL,
    area_id uuid NOT NULL,
    day text NOT NULL,
    band text NOT NULL,
    starts_at timestamptz NOT NULL,
    ends_at timestamptz NOT NULL,
    rank integer NOT NULL,
    demand double precision NOT NULL,
    reasons text NOT NULL,
    PRIMARY KEY (tenant_id, patrol_id)
);
CREATE INDEX pat_patrols_plan ON pat_patrols (tenant_id, plan_id, day);
CREATE INDEX pat_patrols_time ON pat_patrols (tenant_id, starts_at);

CREATE TABLE pat_patrol_members (
    tenant_id uuid NOT NULL REFERENCES tenants (tenant_id),
    patrol_id uuid NOT NULL,
    staff_id uuid NOT NULL,
    PRIMARY KEY (tenant_id, patrol_id, staff_id)
);
CREATE INDEX pat_members_staff ON pat_patrol_members (tenant_id, staff_id);

CREATE TABLE pat_units (
    tenant_id uuid NOT NULL REFERENCES tenants (tenant_id),
    unit_id uuid NOT NULL,
    call_sign text NOT NULL,
    agency text NOT NULL,
    qualifications text NOT NULL,
    lat double precision NOT NULL,
    lon double precision NOT NULL,
    status integer NOT NULL,
    status_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, unit_id)
);
CREATE UNIQUE INDEX pat_units_sign ON pat_units (tenant_id, call_sign);

CREATE TABLE pat_unit_status (
    tenant_id uuid NOT NULL REFERENCES tenants (tenant_id),
    change_id uuid NOT NULL,
    unit_id uuid NOT NULL,
    status integer NOT NULL,
    at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, change_id)
);
CREATE INDEX pat_unit_status_unit ON pat_unit_status (tenant_id, unit_id, at);

CREATE TABLE pat_incidents (
    tenant_id uuid NOT NULL REFERENCES tenants (tenant_id),
    incident_id uuid NOT NULL,
    reference text NOT NULL,
    source text NOT NULL,
    kind text NOT NULL,
    priority integer NOT NULL,
    lat double precision,
    lon double precision,
    address text NOT NULL,
    district_code text,
    area_id uuid,
    description text NOT NULL,
    required_qualification text,
    status text NOT NULL,
    created_at timestamptz NOT NULL,
    closed_at timestamptz,
    PRIMARY KEY (tenant_id, incident_id)
);
CREATE INDEX pat_incidents_status ON pat_incidents (tenant_id, status, created_at);
CREATE INDEX pat_incidents_area ON pat_incidents (tenant_id, created_at, area_id);

CREATE TABLE pat_assignments (
    tenant_id uuid NOT NULL REFERENCES tenants (tenant_id),
    assignment_id uuid NOT NULL,
    incident_id uuid NOT NULL,
    unit_id uuid NOT NULL,
    alerted_at timestamptz NOT NULL,
    en_route_at timestamptz,
    on_scene_at timestamptz,
    cleared_at timestamptz,
    PRIMARY KEY (tenant_id, assignment_id)
);
CREATE INDEX pat_assignments_incident ON pat_assignments (tenant_id, incident_id);
CREATE INDEX pat_assignments_unit ON pat_assignments (tenant_id, unit_id, cleared_at);

CREATE TABLE pat_log (
    tenant_id uuid NOT NULL REFERENCES tenants (tenant_id),
    entry_id uuid NOT NULL,
    patrol_id uuid NOT NULL,
    kind text NOT NULL,
    agency text NOT NULL,
    count integer NOT NULL,
    note text NOT NULL,
    occurred_at timestamptz NOT NULL,
    recorded_by uuid NOT NULL,
    PRIMARY KEY (tenant_id, entry_id)
);
CREATE INDEX pat_log_patrol ON pat_log (tenant_id, patrol_id, occurred_at);
CREATE INDEX pat_log_time ON pat_log (tenant_id, occurred_at);
