-- MedAssist schema, version 1: clinics (tenants), consultations and their transcript.
--
-- Every tenant table carries clinic_id (row-level security policies arrive with the identity module).
-- The application role (${app_role}) gets row privileges only; it owns nothing. Transcript rows are
-- append-only for it: clinical records are voided, never edited or deleted.

CREATE TABLE clinic (
    id               uuid PRIMARY KEY,
    slug             text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
    name             text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    emergency_number text NOT NULL CHECK (emergency_number ~ '^[0-9+][0-9 ]{1,19}$'),
    created_at       timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE consultation (
    id                uuid PRIMARY KEY,
    clinic_id         uuid NOT NULL REFERENCES clinic (id),
    status            text NOT NULL CHECK (status IN ('IN_PROGRESS', 'ESCALATED', 'AWAITING_REVIEW', 'IN_REVIEW',
                                                       'REVIEWED', 'ABANDONED')),
    language          text NOT NULL,
    -- SHA-256 of the patient's bearer token; the token itself is never stored.
    access_token_hash bytea NOT NULL UNIQUE,
    consent_version   text,
    consent_given_at  timestamptz,
    consent_declined_at timestamptz,
    disposition       text CHECK (disposition IN ('EMERGENCY', 'URGENT', 'ROUTINE', 'SELF_CARE')),
    engine_version    text NOT NULL,
    created_at        timestamptz NOT NULL,
    last_activity_at  timestamptz NOT NULL,
    closed_at         timestamptz,
    version           bigint NOT NULL DEFAULT 0,
    UNIQUE (id, clinic_id)
);

CREATE INDEX consultation_inactive_idx ON consultation (last_activity_at) WHERE status = 'IN_PROGRESS';
CREATE INDEX consultation_clinic_status_idx ON consultation (clinic_id, status);

CREATE TABLE consultation_message (
    id                uuid PRIMARY KEY,
    clinic_id         uuid NOT NULL,
    consultation_id   uuid NOT NULL,
    seq               integer NOT NULL CHECK (seq > 0),
    author            text NOT NULL CHECK (author IN ('PATIENT', 'ASSISTANT')),
    kind              text NOT NULL CHECK (kind IN ('TEXT', 'QUESTION', 'CONSENT', 'NOTICE', 'OUTCOME')),
    text              text NOT NULL CHECK (length(text) > 0),
    -- Patient messages: the client's idempotency key. Assistant messages: NULL.
    client_message_id uuid,
    -- Assistant messages: the patient message they answer (NULL for the opening messages).
    in_reply_to       uuid REFERENCES consultation_message (id),
    -- The question a patient message answers, or an assistant QUESTION message asks, and its offered answers.
    question_id       text,
    options           jsonb,
    created_at        timestamptz NOT NULL,
    FOREIGN KEY (consultation_id, clinic_id) REFERENCES consultation (id, clinic_id),
    UNIQUE (consultation_id, seq),
    UNIQUE (consultation_id, client_message_id),
    CHECK ((author = 'PATIENT') = (client_message_id IS NOT NULL))
);

CREATE INDEX consultation_message_reply_idx ON consultation_message (in_reply_to) WHERE in_reply_to IS NOT NULL;

-- The outcome of one exchange, so that a retried message gets exactly the first answer back.
CREATE TABLE consultation_turn (
    patient_message_id uuid PRIMARY KEY REFERENCES consultation_message (id),
    clinic_id          uuid NOT NULL,
    consultation_id    uuid NOT NULL,
    status_after       text NOT NULL,
    disposition        text,
    completed_at       timestamptz NOT NULL,
    FOREIGN KEY (consultation_id, clinic_id) REFERENCES consultation (id, clinic_id)
);

-- Spring Modulith's event publication registry (schema v2 for PostgreSQL).
CREATE TABLE event_publication (
    id                     uuid NOT NULL PRIMARY KEY,
    listener_id            text NOT NULL,
    event_type             text NOT NULL,
    serialized_event       text NOT NULL,
    publication_date       timestamptz NOT NULL,
    completion_date        timestamptz,
    status                 text,
    completion_attempts    int,
    last_resubmission_date timestamptz
);
CREATE INDEX event_publication_serialized_event_hash_idx ON event_publication USING hash (serialized_event);
CREATE INDEX event_publication_by_completion_date_idx ON event_publication (completion_date);

GRANT USAGE ON SCHEMA public TO ${app_role};
GRANT SELECT, INSERT, UPDATE ON clinic TO ${app_role};
GRANT SELECT, INSERT, UPDATE ON consultation TO ${app_role};
GRANT SELECT, INSERT ON consultation_message TO ${app_role};
GRANT SELECT, INSERT ON consultation_turn TO ${app_role};
GRANT SELECT, INSERT, UPDATE, DELETE ON event_publication TO ${app_role};
