namespace Caravan.Server.Demo;

/// <summary>Where a demo shipment stands at the moment the demo is seeded: each tells one part of the corridor's story.</summary>
public enum DemoStage
{
    /// <summary>Arrived and received by the consignee.</summary>
    Delivered,

    /// <summary>Discharged at Aktau or Kuryk days ago, waiting for the Caspian ferry.</summary>
    WaitingForFerry,

    /// <summary>Held by customs at the Kazakh border (HOLD, no RELS yet).</summary>
    HeldByCustoms,

    /// <summary>On the Baku–Tbilisi–Kars railway between Alat and Akhalkalaki.</summary>
    InTransitBakuTbilisiKars,

    /// <summary>On KTZ's rails across Kazakhstan towards the Caspian.</summary>
    InTransitKazakhstan,

    /// <summary>Booked and confirmed; the train has not left yet.</summary>
    Booked,
}
