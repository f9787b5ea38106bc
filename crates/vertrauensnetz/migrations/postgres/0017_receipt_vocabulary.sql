-- Stop receipts (issue 6): the legal bases each agency may cite are tenant
-- data (a retired basis stays for the receipts that cite it), and a tenant
-- whose legal basis allows it may let officers record the group they
-- perceive (off by default; the basis is named in the settings). The
-- recorded group is never part of the signed receipt.

CREATE TABLE receipt_legal_bases (
    tenant_id uuid NOT NULL REFERENCES tenants (tenant_id),
    agency text NOT NULL,
    code text NOT NULL,
    citation text NOT NULL,
    position integer NOT NULL,
    active boolean NOT NULL,
    PRIMARY KEY (tenant_id, agency, code)
);

ALTER TABLE receipt_settings ADD COLUMN officer_groups boolean NOT NULL DEFAULT false;
ALTER TABLE receipt_settings ADD COLUMN officer_groups_basis text NOT NULL DEFAULT '';
ALTER TABLE receipts ADD COLUMN officer_group text;
