namespace Caravan.Cli.Simulation;

/// <summary>The checked options of one <c>caravan simulate</c> run.</summary>
public sealed record SimulateArguments
{
    public required Uri Server { get; init; }

    public required string Token { get; init; }

    public required int Shipments { get; init; }

    /// <summary>Simulated seconds per real second.</summary>
    public required double Speed { get; init; }

    /// <summary>How much simulated time is replayed; shipments depart in its first half.</summary>
    public required TimeSpan Span { get; init; }

    public required int Seed { get; init; }

    /// <summary>The MQTT broker to publish to; null to post over HTTP.</summary>
    public (string Host, int Port)? Mqtt { get; init; }

    /// <summary>Whether to keep reporting in real time after catching up, until every tracker has delivered.</summary>
    public bool Follow { get; init; }

    public bool Json { get; init; }
}
