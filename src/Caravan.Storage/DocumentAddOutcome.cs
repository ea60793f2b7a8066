namespace Caravan.Storage;

/// <summary>What became of a document upload.</summary>
public enum DocumentAddOutcome
{
    /// <summary>The document is now attached to the shipment.</summary>
    Attached,

    /// <summary>The same bytes were already attached to this shipment; the first attachment stands.</summary>
    AlreadyAttached,

    /// <summary>The content is longer than the limit; nothing was kept.</summary>
    TooLarge,
}
