using Caravan.Core.Events;
using Caravan.Core.Shipments;
using Caravan.Server.Keys;
using Caravan.Storage;

namespace Caravan.Server.Events;

/// <summary>
/// Checks a stored chain and exports it: verification from the stored bytes with every signature checked (the
/// platform's on every entry, so a rewrite is named where it happened) and the chain's length and last hash compared
/// with the head recorded at the last append; and the bundle of entries, the authors' keys and the platform's key.
/// </summary>
public sealed class ChainAudit(IEventStore events, IPartyKeyStore keys, PlatformKeys platform)
{
    public async Task<VerifyResponse> VerifyAsync(ShipmentId shipment, CancellationToken cancellationToken)
    {
        var (entries, head) = await events.ReadChainAsync(shipment, cancellationToken).ConfigureAwait(false);
        var authorKeys = await KeysAsync(entries, cancellationToken).ConfigureAwait(false);
        var verification = ChainVerifier.Verify(
            entries, (party, kid) => authorKeys.GetValueOrDefault((party, kid))?.Key, platform.Public, verifyAllPlatformSignatures: true);
        if (verification.FirstBroken is { } broken)
        {
            return new VerifyResponse(false, verification.EntriesChecked, new ChainBreakResponse(broken.Sequence, broken.EventId, broken.Reason));
        }

        var sealedCount = head?.Sequence ?? 0;
        if (entries.Count != sealedCount)
        {
            return new VerifyResponse(false, entries.Count, new ChainBreakResponse(
                Math.Min(entries.Count, sealedCount) + 1,
                null,
                $"the store holds {entries.Count} entries but {sealedCount} were sealed: entries were removed or added outside the chain"));
        }

        if (head is not null && entries[^1].EntryHash != head.EntryHash)
        {
            var last = entries[^1];
            return new VerifyResponse(false, entries.Count - 1, new ChainBreakResponse(
                last.Sequence, last.EventId, "the last entry's hash is not the one recorded when it was sealed: the chain's end was replaced"));
        }

        return new VerifyResponse(true, entries.Count, null);
    }

    public async Task<EventBundle> BundleAsync(ShipmentId shipment, CancellationToken cancellationToken)
    {
        var entries = await events.ListAsync(shipment, cancellationToken).ConfigureAwait(false);
        var authorKeys = await KeysAsync(entries, cancellationToken).ConfigureAwait(false);
        var used = entries.Select(e => (e.AuthorPartyId, e.AuthorKid)).Distinct()
            .Where(authorKeys.ContainsKey)
            .Select(k => authorKeys[k])
            .ToList();
        return new EventBundle(shipment.Value, entries, used, platform.Public);
    }

    private async Task<Dictionary<(string Party, string Kid), BundleKey>> KeysAsync(IReadOnlyList<ChainEntry> entries, CancellationToken cancellationToken)
    {
        var found = new Dictionary<(string Party, string Kid), BundleKey>();
        foreach (var author in entries.Select(e => e.AuthorPartyId).Distinct(StringComparer.Ordinal))
        {
            if (!PartyId.TryParse(author, out var party))
            {
                continue;
            }

            foreach (var key in await keys.ListAsync(party, cancellationToken).ConfigureAwait(false))
            {
                found[(author, key.Kid)] = new BundleKey(author, key.Key);
            }
        }

        return found;
    }
}
