namespace Caravan.Core.Simulation;

/// <summary>Derives independent, stable seeds from one (SplitMix64), so the i-th tracker of a run is the same whatever else changes.</summary>
public static class SimulationSeed
{
    public static int Mix(int seed, int index)
    {
        var z = unchecked(((ulong)(uint)seed << 32) ^ (uint)index) + 0x9E3779B97F4A7C15UL;
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        z ^= z >> 31;
        return (int)(z & int.MaxValue);
    }
}
