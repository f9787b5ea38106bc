-- Accountability of force and bodycams, the committee's reports, attacks on
-- staff (issue 9). (PostgreSQL.) Keep in step with migrations/sqlite.

-- The tenant's rule set and report settings (one row per tenant; absent
-- means the defaults of src/accountability/rules.rs).
CREATE TABLE acc_settings (
    tenant_id uuid NOT NULL REFERENCES tenants (tenant_id),
    bodycam_baton_drawn boolean NOT NULL,
    bodycam_baton_used boolean NOT NULL,
    bodycam_pepper_spray boolean NOT NULL,
    bodycam_order_to_leave boolean NOT NULL,
    review_required boolean NOT NULL,
    review_hours integer NOT NULL,
    retention_days integer NOT NULL,
    report_public boolean NOT NULL,
    updated_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id)
);

-- Finer designations inside existing roles: supervisors of an agency and
-- the follow-up managers for attacks on staff.
CREATE TABLE acc_designations (
    tenant_id uuid NOT NULL REFERENCES tenants (tenant_id),
    user_id uuid NOT NULL REFERENCES users (user_id),
    designation text NOT NULL,
    agency text NOT NULL,
    designated_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, user_id, designation, agency)
);

CREATE TABLE force_records (
    tenant_id uuid NOT NULL REFERENCES tenants (tenant_id),
    record_id uuid NOT NULL,
    reference text NOT NULL,
    agency text NOT NULL,
    kind text NOT NULL,
    occurred_at timestamptz NOT NULL,
    district text NOT NULL,
    place text NOT NULL,
    circumstances text NOT NULL,
    persons_affected integer NOT NULL,
    persons_injured integer NOT NULL,
    medical_aid boolean NOT NULL,
    own_injuries boolean NOT NULL,
    warning_given boolean NOT NULL,
    order_to_leave boolean NOT NULL,
    bodycam_on boolean NOT NULL,
    witnesses text NOT NULL,
    patrol_ref text NOT NULL,
    stop_receipt text NOT NULL,
    recorded_by uuid NOT NULL,
    recorded_at timestamptz NOT NULL,
    reviewed_by uuid,
    reviewed_at timestamptz,
    review_comment text,
    PRIMARY KEY (tenant_id, record_id)
);
CREATE INDEX force_records_time ON force_records (tenant_id, occurred_at);
CREATE INDEX force_records_author ON force_records (tenant_id, recorded_by);

-- Metadata only: the system never stores video.
CREATE TABLE bodycam_activations (
    tenant_id uuid NOT NULL REFERENCES tenants (tenant_id),
    activation_id uuid NOT NULL,
    agency text NOT NULL,
    started_at timestamptz NOT NULL,
    stopped_at timestamptz,
    reason text NOT NULL,
    note text,
    district text,
    announced boolean NOT NULL,
    evidence boolean NOT NULL,
    recorded_by uuid,
    recorded_at timestamptz NOT NULL,
    delete_due_at timestamptz NOT NULL,
    deleted_at timestamptz,
    PRIMARY KEY (tenant_id, activation_id)
);
CREATE INDEX bodycam_activations_due ON bodycam_activations (deleted_at, delete_due_at);
CREATE INDEX bodycam_activations_time ON bodycam_activations (tenant_id, started_at);

CREATE TABLE attack_reports (
    tenant_id uuid NOT NULL REFERENCES tenants (tenant_id),
    report_id uuid NOT NULL,
    reference text NOT NULL,
    reporter uuid NOT NULL,
    reporter_role text NOT NULL,
    occurred_at timestamptz NOT NULL,
    district text NOT NULL,
    place text NOT NULL,
    situation text NOT NULL,
    kinds text NOT NULL,
    description text NOT NULL,
    injured boolean NOT NULL,
    injuries text NOT NULL,
    witnesses text NOT NULL,
    bodycam boolean NOT NULL,
    created_at timestamptz NOT NULL,
    triage text,
    triage_note text,
    triaged_by uuid,
    triaged_at timestamptz,
    PRIMARY KEY (tenant_id, report_id)
);
CREATE INDEX attack_reports_reporter ON attack_reports (tenant_id, reporter);
CREATE INDEX attack_reports_time ON attack_reports (tenant_id, occurred_at);

CREATE TABLE attack_followups (
    tenant_id uuid NOT NULL REFERENCES tenants (tenant_id),
    report_id uuid NOT NULL,
    step text NOT NULL,
    status text NOT NULL,
    note text NOT NULL,
    updated_by uuid NOT NULL,
    updated_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, report_id, step),
    FOREIGN KEY (tenant_id, report_id) REFERENCES attack_reports (tenant_id, report_id)
);

-- Committee reports announced to the committee (once per tenant and period,
-- by the daily job).
CREATE TABLE acc_report_notices (
    tenant_id uuid NOT NULL REFERENCES tenants (tenant_id),
    period text NOT NULL,
    notified_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, period)
);
