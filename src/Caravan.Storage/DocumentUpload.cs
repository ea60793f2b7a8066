using Caravan.Core.Shipments;

namespace Caravan.Storage;

/// <summary>What an uploader says about a document it attaches: its name and media type, who and when.</summary>
public sealed record DocumentUpload(string FileName, string ContentType, PartyId UploadedBy, DateTimeOffset UploadedAt);
