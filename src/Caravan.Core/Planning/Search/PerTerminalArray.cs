namespace Caravan.Core.Planning.Search;

/// <summary>Growth of the per-terminal arrays a search keeps from one query to the next (bags, transfer fronts).</summary>
internal static class PerTerminalArray
{
    /// <summary>
    /// <paramref name="array"/>, holding <paramref name="count"/> items, or a copy twice as large when it is full (four
    /// items when null): a per-terminal array that grows on first use and is kept for the next search.
    /// </summary>
    public static T[] RoomForOneMore<T>(ref T[]? array, int count)
    {
        if (array is null || count == array.Length)
        {
            var bigger = new T[Math.Max(4, count * 2)];
            if (array is not null)
            {
                Array.Copy(array, bigger, count);
            }

            array = bigger;
        }

        return array;
    }
}
