namespace Caravan.Benchmarks.Synthetic;

/// <summary>
/// Generates a deterministic (seeded) Eurasia-like freight network at continental scale — terminals clustered
/// in countries, gauge regions with gauge-break borders, rail and road between neighbours, ferry and sea lines,
/// block trains and shuttles with weekly timetables — to measure the planner and loader at a size the default
/// corridor network never reaches.
/// </summary>
public static class ContinentalNetworkGenerator
{
    public static ContinentalNetwork Generate(ContinentalNetworkOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var random = new Random(options.Seed);
        var regions = SyntheticRegion.Eurasia;
        var drafts = TerminalLayout.Place(options, regions, random);
        var links = new LinkLayout(drafts, regions, random).Build(options);
        var services = new TimetableLayout(drafts, links, random).Build(options);
        return new ContinentalNetwork(
            options,
            drafts.Select(d => d.ToTerminal()).ToArray(),
            links,
            services,
            SyntheticReference.Corridors(),
            SyntheticReference.Countries(regions),
            SyntheticReference.EmissionFactors(),
            SyntheticReference.ContainerTypes());
    }
}
