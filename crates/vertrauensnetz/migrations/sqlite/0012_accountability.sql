-- Accountability of force and bodycams, the committee's reports, attacks on
-- staff (issue 9). Keep in step with migrations/postgres.

-- The tenant's rule set and report settings (one row per tenant; absent
-- means the defaults of src/accountability/rules.rs).
CREATE TABLE acc_settings (
    tenant_id UUID NOT NULL REFERENCES tenants (tenant_id),
    bodycam_baton_drawn BOOLEAN NOT NULL,
    bodycam_baton_used BOOLEAN NOT NULL,
    bodycam_pepper_spray BOOLEAN NOT NULL,
    bodycam_order_to_leave BOOLEAN NOT NULL,
    review_required BOOLEAN NOT NULL,
    review_hours INTEGER NOT NULL,
    retention_days INTEGER NOT NULL,
    report_public BOOLEAN NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    PRIMARY KEY (tenant_id)
);

-- Finer designations inside existing roles: supervisors of an agency and
-- the follow-up managers for attacks on staff.
CREATE TABLE acc_designations (
    tenant_id UUID NOT NULL REFERENCES tenants (tenant_id),
    user_id UUID NOT NULL REFERENCES users (user_id),
    designation TEXT NOT NULL,
    agency TEXT NOT NULL,
    designated_at TIMESTAMP NOT NULL,
    PRIMARY KEY (tenant_id, user_id, designation, agency)
);

CREATE TABLE force_records (
    tenant_id UUID NOT NULL REFERENCES tenants (tenant_id),
    record_id UUID NOT NULL,
    reference TEXT NOT NULL,
    agency TEXT NOT NULL,
    kind TEXT NOT NULL,
    occurred_at TIMESTAMP NOT NULL,
    district TEXT NOT NULL,
    place TEXT NOT NULL,
    circumstances TEXT NOT NULL,
    persons_affected INTEGER NOT NULL,
    persons_injured INTEGER NOT NULL,
    medical_aid BOOLEAN NOT NULL,
    own_injuries BOOLEAN NOT NULL,
    warning_given BOOLEAN NOT NULL,
    order_to_leave BOOLEAN NOT NULL,
    bodycam_on BOOLEAN NOT NULL,
    witnesses TEXT NOT NULL,
    patrol_ref TEXT NOT NULL,
    stop_receipt TEXT NOT NULL,
    recorded_by UUID NOT NULL,
    recorded_at TIMESTAMP NOT NULL,
    reviewed_by UUID,
    reviewed_at TIMESTAMP,
    review_comment TEXT,
    PRIMARY KEY (tenant_id, record_id)
);
CREATE INDEX force_records_time ON force_records (tenant_id, occurred_at);
CREATE INDEX force_records_author ON force_records (tenant_id, recorded_by);

-- Metadata only: the system never stores video.
CREATE TABLE bodycam_activations (
    tenant_id UUID NOT NULL REFERENCES tenants (tenant_id),
    activation_id UUID NOT NULL,
    agency TEXT NOT NULL,
    started_at TIMESTAMP NOT NULL,
    stopped_at TIMESTAMP,
    reason TEXT NOT NULL,
    note TEXT,
    district TEXT,
    announced BOOLEAN NOT NULL,
    evidence BOOLEAN NOT NULL,
    recorded_by UUID,
    recorded_at TIMESTAMP NOT NULL,
    delete_due_at TIMESTAMP NOT NULL,
    deleted_at TIMESTAMP,
    PRIMARY KEY (tenant_id, activation_id)
);
CREATE INDEX bodycam_activations_due ON bodycam_activations (deleted_at, delete_due_at);
CREATE INDEX bodycam_activations_time ON bodycam_activations (tenant_id, started_at);

CREATE TABLE attack_reports (
    tenant_id UUID NOT NULL REFERENCES tenants (tenant_id),
    report_id UUID NOT NULL,
    reference TEXT NOT NULL,
    reporter UUID NOT NULL,
    reporter_role TEXT NOT NULL,
    occurred_at TIMESTAMP NOT NULL,
    district TEXT NOT NULL,
    place TEXT NOT NULL,
    situation TEXT NOT NULL,
    kinds TEXT NOT NULL,
    description TEXT NOT NULL,
    injured BOOLEAN NOT NULL,
    injuries TEXT NOT NULL,
    witnesses TEXT NOT NULL,
    bodycam BOOLEAN NOT NULL,
    created_at TIMESTAMP NOT NULL,
    triage TEXT,
    triage_note TEXT,
    triaged_by UUID,
    triaged_at TIMESTAMP,
    PRIMARY KEY (tenant_id, report_id)
);
CREATE INDEX attack_reports_reporter ON attack_reports (tenant_id, reporter);
CREATE INDEX attack_reports_time ON attack_reports (tenant_id, occurred_at);

CREATE TABLE attack_followups (
    tenant_id UUID NOT NULL REFERENCES tenants (tenant_id),
    report_id UUID NOT NULL,
    step TEXT NOT NULL,
    status TEXT NOT NULL,
    note TEXT NOT NULL,
    updated_by UUID NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    PRIMARY KEY (tenant_id, report_id, step),
    FOREIGN KEY (tenant_id, report_id) REFERENCES attack_reports (tenant_id, report_id)
);

-- Committee reports announced to the committee (once per tenant and period,
-- by the daily job).
CREATE TABLE acc_report_notices (
    tenant_id UUID NOT NULL REFERENCES tenants (tenant_id),
    period TEXT NOT NULL,
    notified_at TIMESTAMP NOT NULL,
    PRIMARY KEY (tenant_id, period)
);
