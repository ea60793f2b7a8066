using System.Collections.Concurrent;

namespace Caravan.Server.Live;

/// <summary>
/// The newest position of every bound device since the server started, as the live feed last had it: what
/// <c>GET /api/live/positions</c> answers, so a live map opened (or reconnected) now shows every container at once
/// instead of waiting for each device's next reading. Written by the <see cref="LiveFollower"/> only.
/// </summary>
public sealed class LivePositions
{
    private readonly ConcurrentDictionary<string, LivePosition> _latest = new(StringComparer.Ordinal);

    /// <summary>How many devices have a position.</summary>
    public int Count => _latest.Count;

    /// <summary>Keeps <paramref name="position"/> as its device's newest (the follower sends only newer ones).</summary>
    public void Set(LivePosition position)
    {
        ArgumentNullException.ThrowIfNull(position);
        _latest[position.Device] = position;
    }

    /// <summary>Every device's newest position, by device id.</summary>
    public IReadOnlyList<LivePosition> All() => [.. _latest.Values.OrderBy(p => p.Device, StringComparer.Ordinal)];
}
