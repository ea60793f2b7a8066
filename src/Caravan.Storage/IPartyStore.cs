using Caravan.Core.Shipments;

namespace Caravan.Storage;

/// <summary>The parties registered on the platform.</summary>
public interface IPartyStore
{
    /// <summary>Registers a party; false (and nothing written) when a party with its id exists.</summary>
    Task<bool> CreateAsync(Party party, DateTimeOffset createdAt, CancellationToken cancellationToken);

    Task<Party?> FindAsync(PartyId id, CancellationToken cancellationToken);

    /// <summary>Every party, ordered by id.</summary>
    Task<IReadOnlyList<Party>> ListAsync(CancellationToken cancellationToken);
}
