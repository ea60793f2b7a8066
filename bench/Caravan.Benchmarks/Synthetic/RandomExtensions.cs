namespace Caravan.Benchmarks.Synthetic;

/// <summary>Draws the generator needs from a seeded <see cref="Random"/>.</summary>
internal static class RandomExtensions
{
    public static double Between(this Random random, double min, double max) => min + (random.NextDouble() * (max - min));

    /// <summary>A standard normal draw (Box–Muller).</summary>
    public static double Gaussian(this Random random)
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>An index drawn with probability proportional to its weight.</summary>
    public static int Weighted(this Random random, IReadOnlyList<double> cumulative)
    {
        var x = random.NextDouble() * cumulative[^1];
        for (var i = 0; i < cumulative.Count; i++)
        {
            if (x < cumulative[i])
            {
                return i;
            }
        }

        return cumulative.Count - 1;
    }

    public static double[] Cumulative(IEnumerable<double> weights)
    {
        var total = 0.0;
        return weights.Select(w => total += w).ToArray();
    }
}
