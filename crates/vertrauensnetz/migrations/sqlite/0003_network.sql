-- Cooperation network (issue: cooperation network): organisations, the
-- agreement, applications to join, bodies, measures, joint press releases;
-- and invitations that let a new account choose its own password.

CREATE TABLE organisations (
    tenant_id UUID NOT NULL REFERENCES tenants (tenant_id),
    organisation_id UUID NOT NULL,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    street TEXT NOT NULL,
    postcode TEXT NOT NULL,
    city TEXT NOT NULL,
    languages TEXT NOT NULL,
    topics TEXT NOT NULL,
    website TEXT NOT NULL,
    description TEXT NOT NULL,
    public_profile BOOLEAN NOT NULL,
    status TEXT NOT NULL,
    partner_since TIMESTAMP,
    logo BLOB,
    logo_type TEXT,
    created_at TIMESTAMP NOT NULL,
    PRIMARY KEY (tenant_id, organisation_id)
);
CREATE INDEX organisations_name ON organisations (tenant_id, name);

CREATE TABLE organisation_contacts (
    tenant_id UUID NOT NULL REFERENCES tenants (tenant_id),
    contact_id UUID NOT NULL,
    organisation_id UUID NOT NULL,
    name TEXT NOT NULL,
    function TEXT NOT NULL,
    email TEXT NOT NULL,
    phone TEXT NOT NULL,
    PRIMARY KEY (tenant_id, contact_id),
    FOREIGN KEY (tenant_id, organisation_id) REFERENCES organisations (tenant_id, organisation_id)
);
CREATE INDEX organisation_contacts_org ON organisation_contacts (tenant_id, organisation_id);

CREATE TABLE organisation_members (
    tenant_id UUID NOT NULL REFERENCES tenants (tenant_id),
    user_id UUID NOT NULL REFERENCES users (user_id),
    organisation_id UUID NOT NULL,
    PRIMARY KEY (tenant_id, user_id),
    FOREIGN KEY (tenant_id, organisation_id) REFERENCES organisations (tenant_id, organisation_id)
);
CREATE INDEX organisation_members_org ON organisation_members (tenant_id, organisation_id);

CREATE TABLE account_invitations (
    tenant_id UUID NOT NULL REFERENCES tenants (tenant_id),
    token_hash BLOB NOT NULL,
    user_id UUID NOT NULL REFERENCES users (user_id),
    created_at TIMESTAMP NOT NULL,
    expires_at TIMESTAMP NOT NULL,
    used_at TIMESTAMP,
    PRIMARY KEY (tenant_id, token_hash)
);

CREATE TABLE agreement_versions (
    tenant_id UUID NOT NULL REFERENCES tenants (tenant_id),
    version INTEGER NOT NULL,
    content TEXT NOT NULL,
    note TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    created_by UUID,
    PRIMARY KEY (tenant_id, version)
);

CREATE TABLE agreement_signatures (
    tenant_id UUID NOT NULL REFERENCES tenants (tenant_id),
    organisation_id UUID NOT NULL,
    version INTEGER NOT NULL,
    signed_on TEXT NOT NULL,
    signed_by TEXT NOT NULL,
    accepted_by UUID,
    created_at TIMESTAMP NOT NULL,
    PRIMARY KEY (tenant_id, organisation_id, version),
    FOREIGN KEY (tenant_id, organisation_id) REFERENCES organisations (tenant_id, organisation_id),
    FOREIGN KEY (tenant_id, version) REFERENCES agreement_versions (tenant_id, version)
);

CREATE TABLE bodies (
    tenant_id UUID NOT NULL REFERENCES tenants (tenant_id),
    body_id UUID NOT NULL,
    kind TEXT NOT NULL,
    name TEXT NOT NULL,
    description TEXT NOT NULL,
    quorum_percent INTEGER NOT NULL,
    majority TEXT NOT NULL,
    reviews_applications BOOLEAN NOT NULL,
    created_at TIMESTAMP NOT NULL,
    PRIMARY KEY (tenant_id, body_id)
);

CREATE TABLE body_members (
    tenant_id UUID NOT NULL REFERENCES tenants (tenant_id),
    member_id UUID NOT NULL,
    body_id UUID NOT NULL,
    user_id UUID REFERENCES users (user_id),
    person_name TEXT NOT NULL,
    organisation_id UUID,
    role TEXT NOT NULL,
    term_from TEXT NOT NULL,
    term_until TEXT,
    PRIMARY KEY (tenant_id, member_id),
    FOREIGN KEY (tenant_id, body_id) REFERENCES bodies (tenant_id, body_id)
);
CREATE INDEX body_members_body ON body_members (tenant_id, body_id);
CREATE INDEX body_members_user ON body_members (tenant_id, user_id);

CREATE TABLE applications (
    tenant_id UUID NOT NULL REFERENCES tenants (tenant_id),
    application_id UUID NOT NULL,
    token_hash BLOB NOT NULL,
    status TEXT NOT NULL,
    lang TEXT NOT NULL,
    org_name TEXT NOT NULL,
    kind TEXT NOT NULL,
    street TEXT NOT NULL,
    postcode TEXT NOT NULL,
    city TEXT NOT NULL,
    contact_name TEXT NOT NULL,
    contact_function TEXT NOT NULL,
    contact_email TEXT NOT NULL,
    contact_phone TEXT NOT NULL,
    website TEXT NOT NULL,
    languages TEXT NOT NULL,
    topics TEXT NOT NULL,
    motivation TEXT NOT NULL,
    statutes BLOB,
    statutes_name TEXT,
    eligible BOOLEAN NOT NULL,
    eligibility_override TEXT,
    body_id UUID,
    decision_reason TEXT,
    decided_at TIMESTAMP,
    organisation_id UUID,
    created_at TIMESTAMP NOT NULL,
    submitted_at TIMESTAMP,
    PRIMARY KEY (tenant_id, application_id)
);
CREATE UNIQUE INDEX applications_token ON applications (tenant_id, token_hash);
CREATE INDEX applications_status ON applications (tenant_id, status, created_at);

CREATE TABLE application_comments (
    tenant_id UUID NOT NULL REFERENCES tenants (tenant_id),
    comment_id UUID NOT NULL,
    application_id UUID NOT NULL,
    author_id UUID NOT NULL REFERENCES users (user_id),
    body TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    PRIMARY KEY (tenant_id, comment_id),
    FOREIGN KEY (tenant_id, application_id) REFERENCES applications (tenant_id, application_id)
);
CREATE INDEX application_comments_app ON application_comments (tenant_id, application_id, created_at);

CREATE TABLE application_votes (
    tenant_id UUID NOT NULL REFERENCES tenants (tenant_id),
    application_id UUID NOT NULL,
    user_id UUID NOT NULL REFERENCES users (user_id),
    vote TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    PRIMARY KEY (tenant_id, application_id, user_id),
    FOREIGN KEY (tenant_id, application_id) REFERENCES applications (tenant_id, application_id)
);

CREATE TABLE goals (
    tenant_id UUID NOT NULL REFERENCES tenants (tenant_id),
    goal_id UUID NOT NULL,
    position INTEGER NOT NULL,
    title TEXT NOT NULL,
    description TEXT NOT NULL,
    PRIMARY KEY (tenant_id, goal_id)
);

CREATE TABLE measures (
    tenant_id UUID NOT NULL REFERENCES tenants (tenant_id),
    measure_id UUID NOT NULL,
    goal_id UUID NOT NULL,
    title TEXT NOT NULL,
    description TEXT NOT NULL,
    topics TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    PRIMARY KEY (tenant_id, measure_id),
    FOREIGN KEY (tenant_id, goal_id) REFERENCES goals (tenant_id, goal_id)
);
CREATE INDEX measures_goal ON measures (tenant_id, goal_id);

CREATE TABLE action_items (
    tenant_id UUID NOT NULL REFERENCES tenants (tenant_id),
    action_id UUID NOT NULL,
    measure_id UUID NOT NULL,
    title TEXT NOT NULL,
    owner_organisation_id UUID,
    responsible TEXT NOT NULL,
    due_on TEXT,
    status TEXT NOT NULL,
    drop_reason TEXT NOT NULL,
    evidence TEXT NOT NULL,
    internal_note TEXT NOT NULL,
    source TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    PRIMARY KEY (tenant_id, action_id),
    FOREIGN KEY (tenant_id, measure_id) REFERENCES measures (tenant_id, measure_id)
);
CREATE INDEX action_items_measure ON action_items (tenant_id, measure_id);
CREATE INDEX action_items_owner ON action_items (tenant_id, owner_organisation_id, status);

CREATE TABLE press_releases (
    tenant_id UUID NOT NULL REFERENCES tenants (tenant_id),
    release_id UUID NOT NULL,
    lang TEXT NOT NULL,
    status TEXT NOT NULL,
    current_version INTEGER NOT NULL,
    published_version INTEGER,
    published_at TIMESTAMP,
    created_at TIMESTAMP NOT NULL,
    created_by UUID,
    PRIMARY KEY (tenant_id, release_id)
);
CREATE INDEX press_releases_published ON press_releases (tenant_id, status, published_at);

CREATE TABLE press_release_versions (
    tenant_id UUID NOT NULL REFERENCES tenants (tenant_id),
    release_id UUID NOT NULL,
    version INTEGER NOT NULL,
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    created_by UUID,
    PRIMARY KEY (tenant_id, release_id, version),
    FOREIGN KEY (tenant_id, release_id) REFERENCES press_releases (tenant_id, release_id)
);

CREATE TABLE press_release_approvers (
    tenant_id UUID NOT NULL REFERENCES tenants (tenant_id),
    release_id UUID NOT NULL,
    organisation_id UUID NOT NULL,
    PRIMARY KEY (tenant_id, release_id, organisation_id),
    FOREIGN KEY (tenant_id, release_id) REFERENCES press_releases (tenant_id, release_id),
    FOREIGN KEY (tenant_id, organisation_id) REFERENCES organisations (tenant_id, organisation_id)
);

CREATE TABLE press_release_decisions (
    tenant_id UUID NOT NULL REFERENCES tenants (tenant_id),
    release_id UUID NOT NULL,
    version INTEGER NOT NULL,
    organisation_id UUID NOT NULL,
    decision TEXT NOT NULL,
    comment TEXT NOT NULL,
    user_id UUID NOT NULL REFERENCES users (user_id),
    created_at TIMESTAMP NOT NULL,
    PRIMARY KEY (tenant_id, release_id, version, organisation_id),
    FOREIGN KEY (tenant_id, release_id, version) REFERENCES press_release_versions (tenant_id, release_id, version)
);
