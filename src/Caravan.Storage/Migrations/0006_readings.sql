-- Tracker readings, one row per (device, fix time): a reading repeated with the same time is a duplicate and is
-- ignored. Times are fixed-width UTC text, so the primary key orders a device's track by time. Optional values are
-- null when the device did not report them.
CREATE TABLE readings (
    device_id        TEXT    NOT NULL,
    time             TEXT    NOT NULL,
    lat              REAL    NOT NULL,
    lon              REAL    NOT NULL,
    speed_kmh        REAL,
    heading_deg      REAL,
    altitude_m       REAL,
    accuracy_m       REAL,
    temperature_c    REAL,
    humidity_percent REAL,
    shock_g          REAL,
    door             TEXT    CHECK (door IN ('open', 'closed')),
    battery_percent  REAL,
    PRIMARY KEY (device_id, time)
) STRICT, WITHOUT ROWID;
