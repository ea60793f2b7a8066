namespace Caravan.Load;

/// <summary>Nearest-rank percentiles of a set of latencies in milliseconds.</summary>
public sealed class Percentiles
{
    private readonly double[] _sorted;

    public Percentiles(IEnumerable<double> values)
    {
        _sorted = [.. values.Order()];
    }

    public int Count => _sorted.Length;

    public double At(double percentile) =>
        _sorted.Length == 0 ? double.NaN : _sorted[Math.Clamp((int)Math.Ceiling(percentile / 100 * _sorted.Length) - 1, 0, _sorted.Length - 1)];
}
