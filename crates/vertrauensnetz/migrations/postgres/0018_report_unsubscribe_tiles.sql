-- Unsubscribe links in every subscription mail (one token per mail, only
-- its hash stored; kept after unsubscribing so that a second click is
-- answered, not refused), the List-Unsubscribe header of an outgoing mail,
-- and a tenant's tile server for the reports map.
CREATE TABLE report_unsubscribe_tokens (
    tenant_id uuid NOT NULL REFERENCES tenants (tenant_id),
    token_hash bytea NOT NULL,
    subscription_id uuid NOT NULL,
    created_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, token_hash)
);
CREATE INDEX report_unsubscribe_tokens_subscription ON report_unsubscribe_tokens (tenant_id, subscription_id);

ALTER TABLE mail_outbox ADD COLUMN list_unsubscribe text;

CREATE TABLE report_map_settings (
    tenant_id uuid NOT NULL PRIMARY KEY REFERENCES tenants (tenant_id),
    tile_url text NOT NULL,
    attribution text NOT NULL,
    updated_at timestamptz NOT NULL
);
