-- The progress engine's memory per (device, shipment): where the container was last observed along its route, the
-- geofence states, the last ETA written and which dwell notices were raised, as JSON written by the server's
-- ProgressWorker (docs/telemetry.md "Progress"). It is derived data: losing it costs at most repeated observations,
-- which the record keeps once by their derived event ids.
CREATE TABLE progress (
    device_id   TEXT NOT NULL,
    shipment_id TEXT NOT NULL,
    state       TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    PRIMARY KEY (device_id, shipment_id)
) STRICT, WITHOUT ROWID;

-- The shipment's latest estimate is the state saved last for any of its devices.
CREATE INDEX progress_by_shipment ON progress (shipment_id, updated_at);
