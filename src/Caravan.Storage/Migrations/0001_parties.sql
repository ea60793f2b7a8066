-- Parties on the platform and the bearer tokens that act for them (or for the operator, when party_id is null).
CREATE TABLE parties (
    id          TEXT    NOT NULL PRIMARY KEY,
    name        TEXT    NOT NULL,
    country     TEXT    NOT NULL,
    kind        TEXT    NOT NULL,
    created_at  TEXT    NOT NULL
) STRICT;

-- A token is kept only as the SHA-256 of its text; the text is shown once, when it is issued.
CREATE TABLE access_tokens (
    id          TEXT    NOT NULL PRIMARY KEY,
    token_hash  BLOB    NOT NULL UNIQUE,
    party_id    TEXT    REFERENCES parties (id),
    is_admin    INTEGER NOT NULL CHECK (is_admin IN (0, 1)),
    label       TEXT    NOT NULL,
    created_at  TEXT    NOT NULL,
    revoked_at  TEXT,
    CHECK ((is_admin = 1 AND party_id IS NULL) OR (is_admin = 0 AND party_id IS NOT NULL))
) STRICT;

CREATE INDEX access_tokens_party ON access_tokens (party_id);
