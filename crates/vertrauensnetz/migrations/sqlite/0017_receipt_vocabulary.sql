-- Stop receipts (issue 6): the legal bases each agency may cite are tenant
-- data (a retired basis stays for the receipts that cite it), and a tenant
-- whose legal basis allows it may let officers record the group they
-- perceive (off by default; the basis is named in the settings). The
-- recorded group is never part of the signed receipt.

CREATE TABLE receipt_legal_bases (
    tenant_id UUID NOT NULL REFERENCES tenants (tenant_id),
    agency TEXT NOT NULL,
    code TEXT NOT NULL,
    citation TEXT NOT NULL,
    position INTEGER NOT NULL,
    active BOOLEAN NOT NULL,
    PRIMARY KEY (tenant_id, agency, code)
);

ALTER TABLE receipt_settings ADD COLUMN officer_groups BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE receipt_settings ADD COLUMN officer_groups_basis TEXT NOT NULL DEFAULT '';
ALTER TABLE receipts ADD COLUMN officer_group TEXT;
