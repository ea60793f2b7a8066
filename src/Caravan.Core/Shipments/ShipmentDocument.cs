namespace Caravan.Core.Shipments;

/// <summary>
/// A document attached to a shipment (a consignment note, an invoice, a certificate), identified by the SHA-256 of
/// its bytes so the same file is kept once and anyone can check that what they hold is what was attached.
/// </summary>
/// <param name="Sha256">The SHA-256 of the content, 64 lower-case hex digits.</param>
/// <param name="FileName">The name the uploader gave it.</param>
/// <param name="ContentType">Its media type, e.g. <c>application/pdf</c>.</param>
/// <param name="SizeBytes">Its length in bytes.</param>
/// <param name="UploadedBy">The party that attached it.</param>
/// <param name="UploadedAt">When it was attached (UTC).</param>
public sealed record ShipmentDocument(string Sha256, string FileName, string ContentType, long SizeBytes, PartyId UploadedBy, DateTimeOffset UploadedAt);
