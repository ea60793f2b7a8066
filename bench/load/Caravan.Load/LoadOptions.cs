using System.Globalization;

namespace Caravan.Load;

/// <summary>
/// What a load run does: against a running server (<see cref="Server"/> and <see cref="AdminToken"/>), or against
/// a <c>caravan serve</c> it starts itself on a temporary data directory (the default).
/// </summary>
public sealed record LoadOptions
{
    public Uri? Server { get; init; }

    public string? AdminToken { get; init; }

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

    public static LoadOptions Parse(IReadOnlyList<string> args)
    {
        var options = new LoadOptions();
        for (var i = 0; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            int Count(string name)
            {
                var text = Value();
                return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
                    ? n
                    : throw new ArgumentException($"{name} must be a positive whole number, not '{text}'");
            }

            options = args[i] switch
            {
                "--server" => options with { Server = new Uri(Value()) },
                "--admin-token" => options with { AdminToken = Value() },
                "--caravan" => options with { CaravanDll = Value() },
                "--shipments" => options with { Shipments = Count("--shipments") },
                "--single-events" => options with { SingleEvents = Count("--single-events") },
                "--batched-events" => options with { BatchedEvents = Count("--batched-events") },
                "--batch" => options with { BatchSize = Count("--batch") },
                "--clients" => options with { Clients = Count("--clients") },
                "--read-clients" => options with { ReadClients = Count("--read-clients") },
                "--read-seconds" => options with { ReadSeconds = Count("--read-seconds") },
                _ => throw new ArgumentException($"unknown option '{args[i]}' (see bench/load/README.md)"),
            };
        }

        if (options.Server is not null && options.AdminToken is null)
        {
            throw new ArgumentException("--server needs --admin-token");
        }

        return options;
    }
}
