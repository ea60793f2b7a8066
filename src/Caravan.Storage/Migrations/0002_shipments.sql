-- Shipments with their consignment note fields and booked itinerary. There is no status column: status is
-- derived from the shipment's events.
CREATE TABLE shipments (
    id                   TEXT    NOT NULL PRIMARY KEY,
    created_by           TEXT    NOT NULL REFERENCES parties (id),
    created_at           TEXT    NOT NULL,
    consignor            TEXT    NOT NULL REFERENCES parties (id),
    consignee            TEXT    NOT NULL REFERENCES parties (id),
    place_of_taking_over TEXT    NOT NULL,
    place_of_delivery    TEXT    NOT NULL,
    goods_description    TEXT    NOT NULL,
    hs_code              TEXT    NOT NULL,
    number_of_packages   INTEGER NOT NULL CHECK (number_of_packages > 0),
    gross_mass_kg        REAL    NOT NULL CHECK (gross_mass_kg > 0),
    itinerary_id         TEXT    NOT NULL,
    itinerary_json       TEXT    NOT NULL
) STRICT;

-- Who holds which role on which shipment: the access rule ("a party sees only shipments it has a role in") reads this.
CREATE TABLE shipment_parties (
    shipment_id TEXT NOT NULL REFERENCES shipments (id),
    party_id    TEXT NOT NULL REFERENCES parties (id),
    role        TEXT NOT NULL,
    PRIMARY KEY (shipment_id, party_id, role)
) STRICT;

CREATE INDEX shipment_parties_party ON shipment_parties (party_id, shipment_id);

CREATE TABLE shipment_containers (
    shipment_id      TEXT    NOT NULL REFERENCES shipments (id),
    position         INTEGER NOT NULL,
    container_number TEXT    NOT NULL,
    PRIMARY KEY (shipment_id, container_number),
    UNIQUE (shipment_id, position)
) STRICT;

CREATE TABLE container_seals (
    shipment_id      TEXT    NOT NULL,
    container_number TEXT    NOT NULL,
    position         INTEGER NOT NULL,
    seal_number      TEXT    NOT NULL,
    source           TEXT    NOT NULL,
    PRIMARY KEY (shipment_id, container_number, position),
    FOREIGN KEY (shipment_id, container_number) REFERENCES shipment_containers (shipment_id, container_number)
) STRICT;
