-- Documents attached to shipments. The bytes live once per SHA-256 under DATA/documents/ab/cdef...; a row says
-- which shipment holds which content, under what name.
CREATE TABLE documents (
    shipment_id  TEXT    NOT NULL REFERENCES shipments (id),
    sha256       TEXT    NOT NULL CHECK (length(sha256) = 64),
    file_name    TEXT    NOT NULL,
    content_type TEXT    NOT NULL,
    size_bytes   INTEGER NOT NULL CHECK (size_bytes >= 0),
    uploaded_by  TEXT    NOT NULL REFERENCES parties (id),
    uploaded_at  TEXT    NOT NULL,
    PRIMARY KEY (shipment_id, sha256)
) STRICT;
