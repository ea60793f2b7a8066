namespace Caravan.Load;

/// <summary>
/// What a load run does: against a running server (<see cref="Server"/> and <see cref="AdminToken"/>), or against
/// a <c>caravan serve</c> it starts itself on a temporary data directory (the default).
/// </summary>
public sealed record LoadOptions
{
    public Uri? Server { get; init; }

    public string? AdminToken { get; init; }

    /// <summary>The process id of the server given by <see cref="Server"/>, to read its CPU time in /proc.</summary>
    public int? ServerProcessId { get; init; }

    /// <summary>The built CLI (<c>caravan.dll</c>) to start when no server is given.</summary>
    public string? CaravanDll { get; init; }

    /// <summary>Shipments the events are spread over (chains are per shipment).</summary>
    public int Shipments { get; init; } = 64;

    /// <summary>Events posted one per request.</summary>
    public int SingleEvents { get; init; } = 10_000;

    /// <summary>Events posted in batches.</summary>
    public int BatchedEvents { get; init; } = 100_000;

    public int BatchSize { get; init; } = 100;

    /// <summary>Concurrent HTTP clients for the append phases.</summary>
    public int Clients { get; init; } = 32;

    /// <summary>Concurrent clients reading <c>GET /v2/events</c>.</summary>
    public int ReadClients { get; init; } = 64;

    public int ReadSeconds { get; init; } = 15;

    /// <summary>
    /// Seconds of unreported appends (single and batched, alternately) before anything is timed, long enough for the
    /// server's JIT to finish moving its hot code to the optimised tier.
    /// </summary>
    public int WarmUpSeconds { get; init; } = 20;

    /// <summary>
    /// Booking references cycling over 1,000 values and creation times interleaving the shipments (the shape of the
    /// runs before 2026-12-02) and random (version 4) eventIDs, instead of one booking reference per shipment, creation
    /// times in posting order and time-ordered (version 7) eventIDs.
    /// </summary>
    public bool ScatteredKeys { get; init; }

    public static LoadOptions Parse(IReadOnlyList<string> args)
    {
        var options = new LoadOptions();
        var reader = new ArgumentReader(args);
        while (reader.Next() is { } name)
        {
            options = name switch
            {
                "--server" => options with { Server = new Uri(reader.Value()) },
                "--admin-token" => options with { AdminToken = reader.Value() },
                "--server-pid" => options with { ServerProcessId = reader.Count() },
                "--caravan" => options with { CaravanDll = reader.Value() },
                "--shipments" => options with { Shipments = reader.Count() },
                "--single-events" => options with { SingleEvents = reader.Count() },
                "--batched-events" => options with { BatchedEvents = reader.Count() },
                "--batch" => options with { BatchSize = reader.Count() },
                "--clients" => options with { Clients = reader.Count() },
                "--read-clients" => options with { ReadClients = reader.Count() },
                "--read-seconds" => options with { ReadSeconds = reader.Count() },
                "--warm-up" => options with { WarmUpSeconds = reader.Count(allowZero: true) },
                "--scattered-keys" => options with { ScatteredKeys = true },
                _ => throw new ArgumentException($"unknown option '{name}' (see bench/load/README.md)"),
            };
        }

        if (options.Server is not null && options.AdminToken is null)
        {
            throw new ArgumentException("--server needs --admin-token");
        }

        return options;
    }
}
