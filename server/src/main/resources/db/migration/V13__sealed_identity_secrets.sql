-- MedAssist schema, version 13: staff TOTP secrets and token-signing private keys sealed under the master key
-- (platform.SecretSealer, implemented by module keys). Rows written before hold plain values (flag false) until
-- the identity module seals them at start-up; reads accept both meanwhile.
ALTER TABLE staff_user ADD COLUMN mfa_secret_sealed boolean NOT NULL DEFAULT false;
ALTER TABLE signing_key ADD COLUMN private_sealed boolean NOT NULL DEFAULT false;
