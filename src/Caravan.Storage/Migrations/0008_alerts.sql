-- The temperature range a reefer shipment is booked with (both null when none): the temperature alert judges it.
ALTER TABLE shipments ADD COLUMN temperature_min_c REAL;
ALTER TABLE shipments ADD COLUMN temperature_max_c REAL;

-- Alerts of shipments. The subject says what the alert is about within the shipment: a device id for telemetry
-- rules, a terminal's LOCODE for dwell, '' for the shipment as a whole. At most one unresolved alert per (shipment,
-- kind, subject), so a rule that fires again while its alert is open opens nothing new.
CREATE TABLE alerts (
    id              INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    shipment_id     TEXT    NOT NULL REFERENCES shipments (id),
    kind            TEXT    NOT NULL,
    subject         TEXT    NOT NULL,
    opened_at       TEXT    NOT NULL,
    detail          TEXT    NOT NULL,
    acknowledged_at TEXT,
    acknowledged_by TEXT    REFERENCES parties (id),
    resolved_at     TEXT,
    resolve_detail  TEXT,
    CHECK ((acknowledged_at IS NULL) = (acknowledged_by IS NULL)),
    CHECK ((resolved_at IS NULL) = (resolve_detail IS NULL))
) STRICT;

CREATE UNIQUE INDEX alerts_unresolved ON alerts (shipment_id, kind, subject) WHERE resolved_at IS NULL;
CREATE INDEX alerts_shipment ON alerts (shipment_id, id);

-- A device's own silence timeout; devices without a row use the configured default.
CREATE TABLE device_silence_timeouts (
    device_id       TEXT    NOT NULL PRIMARY KEY REFERENCES devices (id),
    timeout_seconds INTEGER NOT NULL CHECK (timeout_seconds > 0)
) STRICT;

-- Webhooks of parties. The secret is kept as given: the server needs it to sign each delivery (HMAC-SHA256).
CREATE TABLE webhooks (
    id         TEXT NOT NULL PRIMARY KEY,
    party_id   TEXT NOT NULL REFERENCES parties (id),
    url        TEXT NOT NULL,
    secret     TEXT NOT NULL,
    created_at TEXT NOT NULL
) STRICT;

CREATE INDEX webhooks_party ON webhooks (party_id, created_at);

-- The outbox: one row per (webhook, notification), written in the same transaction as the alert change it reports,
-- so a notification is never lost to a crash between the two. next_attempt_at is null once the delivery is done
-- (delivered_at set) or given up (failed_at set).
CREATE TABLE webhook_deliveries (
    id              INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    webhook_id      TEXT    NOT NULL REFERENCES webhooks (id) ON DELETE CASCADE,
    event           TEXT    NOT NULL,
    body            BLOB    NOT NULL,
    created_at      TEXT    NOT NULL,
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT,
    delivered_at    TEXT,
    failed_at       TEXT,
    last_status     INTEGER,
    last_error      TEXT
) STRICT;

CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE next_attempt_at IS NOT NULL;
CREATE INDEX webhook_deliveries_webhook ON webhook_deliveries (webhook_id, id);
