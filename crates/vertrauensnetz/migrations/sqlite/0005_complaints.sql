-- Independent complaint office (issue 5). Every text, contact detail,
-- message and file name is encrypted (see docs/security.md); the columns
-- left readable are the workflow's: status, dates, category, outcome.

CREATE TABLE complaints (
    tenant_id UUID NOT NULL REFERENCES tenants (tenant_id),
    case_id UUID NOT NULL,
    reference TEXT NOT NULL,
    receipt_lookup BLOB NOT NULL,
    receipt_kdf TEXT NOT NULL,
    wrap_salt BLOB NOT NULL,
    wrap_kdf TEXT NOT NULL,
    complainant_key BLOB NOT NULL,
    body BLOB NOT NULL,
    contact_mode TEXT NOT NULL,
    consent TEXT NOT NULL,
    authority TEXT NOT NULL,
    status TEXT NOT NULL,
    outcome TEXT,
    category TEXT,
    assigned_to UUID,
    received_at TIMESTAMP NOT NULL,
    ack_due_at TIMESTAMP NOT NULL,
    feedback_due_at TIMESTAMP NOT NULL,
    acknowledged_at TIMESTAMP,
    first_feedback_at TIMESTAMP,
    closed_at TIMESTAMP,
    ack_reminded_at TIMESTAMP,
    feedback_reminded_at TIMESTAMP,
    forward_key BLOB,
    summary BLOB,
    forwarded_at TIMESTAMP,
    stat_id UUID NOT NULL,
    PRIMARY KEY (tenant_id, case_id)
);
CREATE UNIQUE INDEX complaints_receipt ON complaints (tenant_id, receipt_lookup);
CREATE INDEX complaints_inbox ON complaints (tenant_id, status, received_at);

CREATE TABLE complaint_key_wraps (
    tenant_id UUID NOT NULL REFERENCES tenants (tenant_id),
    case_id UUID NOT NULL,
    purpose TEXT NOT NULL,
    recipient_key BLOB NOT NULL,
    sealed_key BLOB NOT NULL,
    PRIMARY KEY (tenant_id, case_id, purpose, recipient_key),
    FOREIGN KEY (tenant_id, case_id) REFERENCES complaints (tenant_id, case_id)
);

CREATE TABLE complaint_messages (
    tenant_id UUID NOT NULL REFERENCES tenants (tenant_id),
    message_id UUID NOT NULL,
    case_id UUID NOT NULL,
    kind TEXT NOT NULL,
    author_user UUID,
    body BLOB NOT NULL,
    created_at TIMESTAMP NOT NULL,
    PRIMARY KEY (tenant_id, message_id),
    FOREIGN KEY (tenant_id, case_id) REFERENCES complaints (tenant_id, case_id)
);
CREATE INDEX complaint_messages_case ON complaint_messages (tenant_id, case_id, created_at);

CREATE TABLE complaint_files (
    tenant_id UUID NOT NULL REFERENCES tenants (tenant_id),
    file_id UUID NOT NULL,
    case_id UUID NOT NULL,
    message_id UUID,
    meta BLOB NOT NULL,
    forward_meta BLOB,
    size BIGINT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    PRIMARY KEY (tenant_id, file_id),
    FOREIGN KEY (tenant_id, case_id) REFERENCES complaints (tenant_id, case_id)
);
CREATE INDEX complaint_files_case ON complaint_files (tenant_id, case_id);

CREATE TABLE complaint_staff_keys (
    tenant_id UUID NOT NULL REFERENCES tenants (tenant_id),
    user_id UUID NOT NULL REFERENCES users (user_id),
    public_key BLOB NOT NULL,
    wrapped_secret BLOB NOT NULL,
    kdf_salt BLOB NOT NULL,
    kdf TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    PRIMARY KEY (tenant_id, user_id)
);

CREATE TABLE complaint_recovery_keys (
    tenant_id UUID NOT NULL REFERENCES tenants (tenant_id),
    public_key BLOB NOT NULL,
    created_at TIMESTAMP NOT NULL,
    PRIMARY KEY (tenant_id)
);

CREATE TABLE complaint_unlocks (
    tenant_id UUID NOT NULL REFERENCES tenants (tenant_id),
    token_hash BLOB NOT NULL,
    session_hash BLOB,
    user_id UUID,
    case_id UUID,
    wrapped_secret BLOB NOT NULL,
    expires_at TIMESTAMP NOT NULL,
    PRIMARY KEY (tenant_id, token_hash)
);

CREATE TABLE complaint_stats (
    tenant_id UUID NOT NULL REFERENCES tenants (tenant_id),
    stat_id UUID NOT NULL,
    received_at TIMESTAMP NOT NULL,
    authority TEXT NOT NULL,
    category TEXT,
    outcome TEXT,
    closed_at TIMESTAMP,
    deleted_at TIMESTAMP,
    PRIMARY KEY (tenant_id, stat_id)
);
CREATE INDEX complaint_stats_received ON complaint_stats (tenant_id, received_at);
