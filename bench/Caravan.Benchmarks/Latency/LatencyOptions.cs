using System.Globalization;

namespace Caravan.Benchmarks.Latency;

/// <summary>The flags of the <c>latency</c> mode: how many queries, which seed, how big a network, where to keep it.</summary>
public sealed record LatencyOptions
{
    public int Queries { get; init; } = 200;

    public int Seed { get; init; } = 1;

    /// <summary>Use the small network (a tenth of the size) for a quick check of the runner itself.</summary>
    public bool Small { get; init; }

    /// <summary>Where to write the CSV files; a fresh temporary directory (deleted afterwards) when null.</summary>
    public string? Directory { get; init; }

    /// <summary>How many of the queries (the first ones) also get a Pareto search.</summary>
    public int ParetoQueries { get; init; } = 20;

    /// <summary>How long one Pareto query may run before it is stopped and counted as timed out.</summary>
    public int TimeoutSeconds { get; init; } = 20;

    /// <summary>How many of the slowest queries to list one by one.</summary>
    public int Slowest { get; init; } = 10;

    public static LatencyOptions Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = new LatencyOptions();
        for (var i = 0; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            options = args[i] switch
            {
                "--queries" => options with { Queries = Positive(Value(), "--queries") },
                "--seed" => options with { Seed = int.Parse(Value(), CultureInfo.InvariantCulture) },
                "--pareto-queries" => options with { ParetoQueries = Positive(Value(), "--pareto-queries") },
                "--timeout" => options with { TimeoutSeconds = Positive(Value(), "--timeout") },
                "--slowest" => options with { Slowest = Positive(Value(), "--slowest") },
                "--dir" => options with { Directory = Value() },
                "--small" => options with { Small = true },
                _ => throw new ArgumentException($"unknown flag '{args[i]}' (use --queries N, --pareto-queries N, --timeout SECONDS, --seed N, --slowest N, --dir PATH, --small)"),
            };
        }

        return options;
    }

    private static int Positive(string text, string flag) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : throw new ArgumentException($"{flag} needs a positive whole number, got '{text}'.");
}
