namespace Caravan.Server.Errors;

/// <summary>Endpoint metadata: this endpoint takes a document upload, limited by <c>MaxDocumentBytes</c> rather than <c>MaxJsonBodyBytes</c>.</summary>
public sealed class DocumentBody
{
    public static DocumentBody Instance { get; } = new();
}
