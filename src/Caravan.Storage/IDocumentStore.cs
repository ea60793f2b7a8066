using Caravan.Core.Shipments;

namespace Caravan.Storage;

/// <summary>
/// Documents attached to shipments, stored content-addressed: the bytes once per SHA-256, a metadata row per
/// shipment that holds them.
/// </summary>
public interface IDocumentStore
{
    /// <summary>
    /// Reads <paramref name="content"/> to its end (at most <paramref name="maxBytes"/>), keeps the bytes under their
    /// SHA-256 and attaches them to <paramref name="shipment"/>.
    /// </summary>
    Task<DocumentAddResult> AddAsync(ShipmentId shipment, Stream content, long maxBytes, DocumentUpload upload, CancellationToken cancellationToken);

    /// <summary>The attachment of <paramref name="sha256"/> to <paramref name="shipment"/>; null when it is not attached there.</summary>
    Task<ShipmentDocument?> FindAsync(ShipmentId shipment, string sha256, CancellationToken cancellationToken);

    /// <summary>The documents attached to <paramref name="shipment"/>, in the order they were attached.</summary>
    Task<IReadOnlyList<ShipmentDocument>> ListAsync(ShipmentId shipment, CancellationToken cancellationToken);

    /// <summary>Opens the bytes of <paramref name="sha256"/> for reading; null when they are not kept.</summary>
    Stream? OpenContent(string sha256);
}
