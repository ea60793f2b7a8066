namespace Caravan.Cli.Simulation;

/// <summary>What a <c>caravan simulate</c> run did, as <c>--format json</c> prints it (docs/cli.md).</summary>
public sealed record SimulationSummary(
    string Server,
    string Transport,
    int Seed,
    double Speed,
    DateTimeOffset SimulatedFrom,
    DateTimeOffset SimulatedTo,
    long ReadingsSent,
    long Duplicates,
    long Failed,
    int Delivered,
    bool Interrupted,
    IReadOnlyList<SimulatedShipmentSummary> Shipments);
