using Caravan.Core.Geography;
using Caravan.Core.Shipments;
using Caravan.Storage;

namespace Caravan.Server.Keys;

/// <summary>
/// Runs after the storage start-up: makes sure the platform party <c>caravan</c> exists and its public key is
/// registered to it, so entries it authors (automatic events) verify like any party's.
/// </summary>
internal sealed class RecordStartup(PlatformKeys platform, IPartyStore parties, IPartyKeyStore keys, TimeProvider clock) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // "XX" is the ISO 3166 code left for user assignment: the platform belongs to no country.
        var party = new Party(PlatformKeys.PartyId, "Caravan platform", CountryCode.Parse("XX"), PartyKind.Platform);
        await parties.CreateAsync(party, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        var added = await keys.AddAsync(PlatformKeys.PartyId, platform.Public, null, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        if (added.Outcome == KeyAddOutcome.HeldByAnotherParty)
        {
            throw new InvalidOperationException(
                $"The platform key {platform.Public.Kid} ({platform.FilePath}) is registered to party '{added.HeldBy}', not to '{PlatformKeys.PartyId}'; entries sealed with it would be credited to that party.");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
