-- Independent complaint office (issue 5). Every text, contact detail,
-- message and file name is encrypted (see docs/security.md); the columns
-- left readable are the workflow's: status, dates, category, outcome.

CREATE TABLE complaints (
    tenant_id uuid NOT NULL REFERENCES tenants (tenant_id),
    case_id uuid NOT NULL,
    reference text NOT NULL,
    receipt_lookup bytea NOT NULL,
    receipt_kdf text NOT NULL,
    wrap_salt bytea NOT NULL,
    wrap_kdf text NOT NULL,
    complainant_key bytea NOT NULL,
    body bytea NOT NULL,
    contact_mode text NOT NULL,
    consent text NOT NULL,
    authority text NOT NULL,
    status text NOT NULL,
    outcome text,
    category text,
    assigned_to uuid,
    received_at timestamptz NOT NULL,
    ack_due_at timestamptz NOT NULL,
    feedback_due_at timestamptz NOT NULL,
    acknowledged_at timestamptz,
    first_feedback_at timestamptz,
    closed_at timestamptz,
    ack_reminded_at timestamptz,
    feedback_reminded_at timestamptz,
    forward_key bytea,
    summary bytea,
    forwarded_at timestamptz,
    stat_id uuid NOT NULL,
    PRIMARY KEY (tenant_id, case_id)
);
CREATE UNIQUE INDEX complaints_receipt ON complaints (tenant_id, receipt_lookup);
CREATE INDEX complaints_inbox ON complaints (tenant_id, status, received_at);

CREATE TABLE complaint_key_wraps (
    tenant_id uuid NOT NULL REFERENCES tenants (tenant_id),
    case_id uuid NOT NULL,
    purpose text NOT NULL,
    recipient_key bytea NOT NULL,
    sealed_key bytea NOT NULL,
    PRIMARY KEY (tenant_id, case_id, purpose, recipient_key),
    FOREIGN KEY (tenant_id, case_id) REFERENCES complaints (tenant_id, case_id)
);

CREATE TABLE complaint_messages (
    tenant_id uuid NOT NULL REFERENCES tenants (tenant_id),
    message_id uuid NOT NULL,
    case_id uuid NOT NULL,
    kind text NOT NULL,
    author_user uuid,
    body bytea NOT NULL,
    created_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, message_id),
    FOREIGN KEY (tenant_id, case_id) REFERENCES complaints (tenant_id, case_id)
);
CREATE INDEX complaint_messages_case ON complaint_messages (tenant_id, case_id, created_at);

CREATE TABLE complaint_files (
    tenant_id uuid NOT NULL REFERENCES tenants (tenant_id),
    file_id uuid NOT NULL,
    case_id uuid NOT NULL,
    message_id uuid,
    meta bytea NOT NULL,
    forward_meta bytea,
    size bigint NOT NULL,
    created_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, file_id),
    FOREIGN KEY (tenant_id, case_id) REFERENCES complaints (tenant_id, case_id)
);
CREATE INDEX complaint_files_case ON complaint_files (tenant_id, case_id);

CREATE TABLE complaint_staff_keys (
    tenant_id uuid NOT NULL REFERENCES tenants (tenant_id),
    user_id uuid NOT NULL REFERENCES users (user_id),
    public_key bytea NOT NULL,
    wrapped_secret bytea NOT NULL,
    kdf_salt bytea NOT NULL,
    kdf text NOT NULL,
    created_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, user_id)
);

CREATE TABLE complaint_recovery_keys (
    tenant_id uuid NOT NULL REFERENCES tenants (tenant_id),
    public_key bytea NOT NULL,
    created_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id)
);

CREATE TABLE complaint_unlocks (
    tenant_id uuid NOT NULL REFERENCES tenants (tenant_id),
    token_hash bytea NOT NULL,
    session_hash bytea,
    user_id uuid,
    case_id uuid,
    wrapped_secret bytea NOT NULL,
    expires_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, token_hash)
);

CREATE TABLE complaint_stats (
    tenant_id uuid NOT NULL REFERENCES tenants (tenant_id),
    stat_id uuid NOT NULL,
    received_at timestamptz NOT NULL,
    authority text NOT NULL,
    category text,
    outcome text,
    closed_at timestamptz,
    deleted_at timestamptz,
    PRIMARY KEY (tenant_id, stat_id)
);
CREATE INDEX complaint_stats_received ON complaint_stats (tenant_id, received_at);
