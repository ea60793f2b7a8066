-- Retention of tracker readings (docs/telemetry.md "Retention"). A party's own policy, when the operator set one;
-- parties without a row follow the server's default (Caravan:Retention). delete_after_days null: never deleted.
CREATE TABLE retention_policies (
    party_id           TEXT    NOT NULL PRIMARY KEY REFERENCES parties (id),
    full_rate_days     INTEGER NOT NULL CHECK (full_rate_days >= 1),
    downsample_minutes INTEGER NOT NULL CHECK (downsample_minutes >= 1),
    delete_after_days  INTEGER CHECK (delete_after_days IS NULL OR delete_after_days > full_rate_days),
    updated_at         TEXT    NOT NULL
) STRICT;

-- How far each device's past has been downsampled: readings before downsampled_before are thinned already, so the
-- retention worker never reads them again.
CREATE TABLE retention_marks (
    device_id          TEXT NOT NULL PRIMARY KEY,
    downsampled_before TEXT NOT NULL
) STRICT, WITHOUT ROWID;
