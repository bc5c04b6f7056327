-- MedAssist schema, version 15: the key that signs audit checkpoints (docs/adr/0005-audit-hash-chain.md, addendum).
--
-- One Ed25519 keyset for the deployment, sealed by the master key (which is never in the database), so that
-- whoever can write this table still cannot sign: a replaced or altered row does not open, and checkpoints
-- signed by a key generated after a deleted row do not verify against the older ones. Deployment-level, not a
-- tenant table: no clinic data, nothing to isolate. The public key is copied out for operators; verification
-- uses the one inside the sealed keyset.

CREATE TABLE audit_signing_key (
    id              smallint PRIMARY KEY CHECK (id = 1),
    sealed_keyset   bytea NOT NULL,
    public_key      bytea NOT NULL CHECK (length(public_key) = 32),
    created_at      timestamptz NOT NULL
);

-- Created once (the first instance to need it wins; the others read it), never changed or removed.
GRANT SELECT, INSERT ON audit_signing_key TO ${app_role};
