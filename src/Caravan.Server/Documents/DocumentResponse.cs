using Caravan.Core.Shipments;

namespace Caravan.Server.Documents;

/// <summary>A document attached to a shipment: its SHA-256 (its name in the API), file name, media type, size, who and when.</summary>
public sealed record DocumentResponse(string Sha256, string FileName, string ContentType, long SizeBytes, string UploadedBy, DateTimeOffset UploadedAt, string Href)
{
    public static DocumentResponse From(ShipmentId shipment, ShipmentDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return new DocumentResponse(
            document.Sha256,
            document.FileName,
            document.ContentType,
            document.SizeBytes,
            document.UploadedBy.Value,
            document.UploadedAt,
            $"/api/shipments/{shipment}/documents/{document.Sha256}");
    }
}
