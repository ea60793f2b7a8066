using Caravan.Core.Shipments;

namespace Caravan.Server.Demo;

/// <summary>
/// One demo event ready to record: its author, its canonical JSON (RFC 8785) and the author's detached JWS over
/// exactly those bytes — what a party posts to the record.
/// </summary>
/// <param name="Author">The party that wrote and signed it.</param>
/// <param name="EventJson">The event's canonical UTF-8 JSON.</param>
/// <param name="Signature">The detached compact JWS (EdDSA) by the author's key.</param>
public sealed record DemoSignedEvent(PartyId Author, byte[] EventJson, string Signature);
