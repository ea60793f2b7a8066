using Caravan.Core.Shipments;

namespace Caravan.Storage;

/// <summary>The outcome of registering a key and, when another party holds it, that party.</summary>
public sealed record KeyAddResult(KeyAddOutcome Outcome, PartyId? HeldBy = null);
