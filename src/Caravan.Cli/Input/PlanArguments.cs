namespace Caravan.Cli.Input;

/// <summary>The text of <c>caravan plan</c>'s options as typed, before it is checked against the network.</summary>
public sealed record PlanArguments
{
    public required string From { get; init; }

    public required string To { get; init; }

    /// <summary>Null: tomorrow 00:00 UTC.</summary>
    public string? Depart { get; init; }

    public string Window { get; init; } = "7d";

    public string Containers { get; init; } = "1x40HC";

    public IReadOnlyList<string> AvoidCountries { get; init; } = [];

    public IReadOnlyList<string> Avoid { get; init; } = [];

    public IReadOnlyList<string> Modes { get; init; } = [];

    /// <summary>Null: unlimited.</summary>
    public string? MaxTransfers { get; init; }
}
