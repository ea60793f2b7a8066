-- Devices that report telemetry, each owned by the party that registered it. A device's HTTP token is kept only as
-- the SHA-256 of its text, in its own table: a device token is never a party token, nor the reverse.
CREATE TABLE devices (
    id          TEXT    NOT NULL PRIMARY KEY,
    owner_id    TEXT    NOT NULL REFERENCES parties (id),
    kind        TEXT    NOT NULL,
    label       TEXT,
    token_hash  BLOB    NOT NULL UNIQUE,
    created_at  TEXT    NOT NULL
) STRICT;

CREATE INDEX devices_owner ON devices (owner_id, id);

-- A device fixed to a container of a shipment for a period [from_at, to_at); to_at is null while it is in force.
CREATE TABLE device_bindings (
    id               INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    device_id        TEXT    NOT NULL REFERENCES devices (id),
    shipment_id      TEXT    NOT NULL,
    container_number TEXT    NOT NULL,
    from_at          TEXT    NOT NULL,
    to_at            TEXT,
    CHECK (to_at IS NULL OR to_at >= from_at),
    FOREIGN KEY (shipment_id, container_number) REFERENCES shipment_containers (shipment_id, container_number)
) STRICT;

-- At most one open binding per device.
CREATE UNIQUE INDEX device_bindings_open ON device_bindings (device_id) WHERE to_at IS NULL;
CREATE INDEX device_bindings_device ON device_bindings (device_id, from_at);
