using Caravan.Core.Shipments;

namespace Caravan.Storage;

/// <summary>The outcome of attaching a document and, unless it was too large, the attachment as stored.</summary>
public sealed record DocumentAddResult(DocumentAddOutcome Outcome, ShipmentDocument? Document);
