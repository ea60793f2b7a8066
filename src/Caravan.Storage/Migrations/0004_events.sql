-- Parties' registered Ed25519 public keys, by RFC 7638 thumbprint. private_jwk is set only for custodial keys: parties
-- whose keys the server holds (the demo); a party that keeps its own key never sends it.
CREATE TABLE party_keys (
    party_id    TEXT NOT NULL REFERENCES parties (id),
    kid         TEXT NOT NULL,
    public_jwk  TEXT NOT NULL,
    private_jwk TEXT,
    added_at    TEXT NOT NULL,
    PRIMARY KEY (party_id, kid)
) STRICT;

-- The sealed entries of every shipment's chain, append-only. position is the global append order (AUTOINCREMENT
-- never reuses a number, and the single writer commits in order), which GET /v2/events pages by. The columns from
-- event_json through entry_hash are the record; the columns after them are copies of event fields for filtering,
-- outside the record and the hash.
CREATE TABLE events (
    position                     INTEGER PRIMARY KEY AUTOINCREMENT,
    shipment_id                  TEXT    NOT NULL REFERENCES shipments (id),
    sequence                     INTEGER NOT NULL CHECK (sequence >= 1),
    event_id                     TEXT    NOT NULL UNIQUE,
    event_json                   BLOB    NOT NULL,
    author_party_id              TEXT    NOT NULL,
    author_kid                   TEXT    NOT NULL,
    author_signature             TEXT    NOT NULL,
    previous_hash                TEXT    NOT NULL,
    recorded_at                  TEXT    NOT NULL,
    platform_kid                 TEXT    NOT NULL,
    platform_signature           TEXT    NOT NULL,
    entry_hash                   TEXT    NOT NULL,
    event_type                   TEXT    NOT NULL,
    type_code                    TEXT    NOT NULL,
    equipment_reference          TEXT,
    carrier_booking_reference    TEXT,
    transport_document_reference TEXT,
    event_location               TEXT,
    call_location                TEXT,
    event_created_at             TEXT    NOT NULL,
    -- The single writer already serialises appends; this makes a forked chain impossible even if it did not.
    UNIQUE (shipment_id, sequence)
) STRICT;

CREATE INDEX events_shipment_position ON events (shipment_id, position);
CREATE INDEX events_type_code ON events (event_type, type_code, position);
CREATE INDEX events_equipment_reference ON events (equipment_reference, position) WHERE equipment_reference IS NOT NULL;
CREATE INDEX events_carrier_booking_reference ON events (carrier_booking_reference, position) WHERE carrier_booking_reference IS NOT NULL;
CREATE INDEX events_transport_document_reference ON events (transport_document_reference, position) WHERE transport_document_reference IS NOT NULL;
CREATE INDEX events_event_location ON events (event_location, position) WHERE event_location IS NOT NULL;
CREATE INDEX events_call_location ON events (call_location, position) WHERE call_location IS NOT NULL;
CREATE INDEX events_created_at ON events (event_created_at, position);

-- Each chain's length and last hash, written with every append: /verify compares the chain read back against it,
-- which reveals entries removed from the end (no check of the chain alone can).
CREATE TABLE chain_heads (
    shipment_id TEXT    NOT NULL PRIMARY KEY REFERENCES shipments (id),
    sequence    INTEGER NOT NULL,
    entry_hash  TEXT    NOT NULL
) STRICT;
