using System.Collections.Concurrent;

namespace Caravan.Storage.Sqlite;

/// <summary>
/// Rows that never change once written (a party, a booked shipment and its parties' roles), kept in memory after the
/// first read so a hot path — every append to a chain reads its shipment and author — does not read them again. Only
/// rows found are kept: a row not there yet may be written later. Bounded: past <see cref="MostEntries"/> it starts
/// afresh.
/// </summary>
internal sealed class ImmutableRowCache<TKey, TValue>
    where TKey : notnull
    where TValue : class
{
    public const int MostEntries = 100_000;

    private readonly ConcurrentDictionary<TKey, TValue> _rows = new();

    public async Task<TValue?> GetOrReadAsync(TKey key, Func<Task<TValue?>> read)
    {
        if (_rows.TryGetValue(key, out var known))
        {
            return known;
        }

        var found = await read().ConfigureAwait(false);
        if (found is not null)
        {
            if (_rows.Count >= MostEntries)
            {
                _rows.Clear();
            }

            _rows[key] = found;
        }

        return found;
    }
}
