-- MedAssist schema, version 20: each clinic's own guidance documents (module knowledge).
--
-- PostgreSQL is the record; the Lucene index is derived from these rows and the bundled corpus. Every version of
-- a document is kept: a replacement adds a version, a deletion retires the current one (who, when). Each change
-- takes a number from knowledge_change_seq, which every instance polls to pick up changes made on the others.

CREATE SEQUENCE knowledge_change_seq;

CREATE TABLE knowledge_document (
    clinic_id       uuid NOT NULL REFERENCES clinic (id),
    id              text NOT NULL CHECK (id ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(id) <= 100),
    version         integer NOT NULL CHECK (version >= 1),
    title           text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
    media_type      text NOT NULL CHECK (media_type IN ('text/markdown', 'text/plain')),
    -- The document as uploaded (Markdown with front matter, or plain text with its metadata below).
    content         text NOT NULL CHECK (length(content) > 0),
    content_sha256  text NOT NULL,
    -- Metadata of a plain-text upload (Markdown carries its own in the front matter).
    metadata        jsonb NOT NULL DEFAULT '{}',
    -- The version in force: at most one per document, none once deleted.
    current         boolean NOT NULL,
    created_by      uuid NOT NULL,
    created_at      timestamptz NOT NULL,
    retired_by      uuid,
    retired_at      timestamptz,
    change_seq      bigint NOT NULL DEFAULT nextval('knowledge_change_seq'),
    PRIMARY KEY (clinic_id, id, version),
    CHECK (current = (retired_at IS NULL))
);
CREATE UNIQUE INDEX knowledge_document_current_idx ON knowledge_document (clinic_id, id) WHERE current;

DO $$
BEGIN
  EXECUTE 'ALTER TABLE knowledge_document ENABLE ROW LEVEL SECURITY';
  EXECUTE 'ALTER TABLE knowledge_document FORCE ROW LEVEL SECURITY';
  EXECUTE 'CREATE POLICY tenant_isolation ON knowledge_document USING (clinic_id = current_clinic())'
          ' WITH CHECK (clinic_id = current_clinic())';
  EXECUTE 'CREATE POLICY owner_all ON knowledge_document TO CURRENT_USER USING (true) WITH CHECK (true)';
END $$;

-- No DELETE: retired versions stay (what a patient was shown must remain traceable).
GRANT SELECT, INSERT, UPDATE ON knowledge_document TO ${app_role};
-- nextval for changes; SELECT lets every instance read last_value when it polls.
GRANT USAGE, SELECT ON SEQUENCE knowledge_change_seq TO ${app_role};

-- Patients' chat may now carry quoted guideline passages (retrieved, not generated).
ALTER TABLE consultation_message DROP CONSTRAINT consultation_message_kind_check;
ALTER TABLE consultation_message ADD CONSTRAINT consultation_message_kind_check
    CHECK (kind IN ('TEXT', 'QUESTION', 'CONSENT', 'NOTICE', 'OUTCOME', 'INSTRUCTION', 'GUIDANCE'));
