namespace Caravan.Storage;

/// <summary>What acknowledging an alert did: acknowledged it now, found it acknowledged before (the first stands), or found no such alert.</summary>
public enum AcknowledgeOutcome
{
    Acknowledged,
    AlreadyAcknowledged,
    NotFound,
}
