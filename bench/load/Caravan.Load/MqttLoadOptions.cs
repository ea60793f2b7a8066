using System.Globalization;

namespace Caravan.Load;

/// <summary>
/// What an MQTT ingestion run does: how many devices it registers, how many of them connect (one connection each,
/// with its own credentials), the target publish rate, how long it measures after a warm-up, and whether it measures
/// plain Mosquitto as the ceiling in the same run.
/// </summary>
public sealed record MqttLoadOptions
{
    /// <summary>The built CLI (<c>caravan.dll</c>) to start.</summary>
    public string? CaravanDll { get; init; }

    /// <summary>Devices registered with the server (the issue's memory budget is at 100,000).</summary>
    public int Devices { get; init; } = 100_000;

    /// <summary>Devices that connect and publish, one MQTT connection each; at most what the file descriptor limit allows.</summary>
    public int Connections { get; init; } = 10_000;

    /// <summary>Target QoS 1 messages per second, over all connections (open loop: sent on schedule, not after the previous PUBACK).</summary>
    public int Rate { get; init; } = 20_000;

    /// <summary>Readings in each message (the payload may be a batch); 1 is a tracker sending each fix as it comes.</summary>
    public int ReadingsPerMessage { get; init; } = 1;

    public int Seconds { get; init; } = 60;

    /// <summary>Seconds of load before measuring, not reported: the server's code reaches its optimised tier.</summary>
    public int WarmUpSeconds { get; init; } = 10;

    /// <summary>Publishes awaiting their PUBACK beyond which the generator stops sending (and counts what it skipped).</summary>
    public int MaxInFlight { get; init; } = 50_000;

    /// <summary>The Mosquitto broker started as the baseline; null to skip it.</summary>
    public string? Mosquitto { get; init; } = "/usr/sbin/mosquitto";

    public static MqttLoadOptions Parse(IReadOnlyList<string> args)
    {
        var options = new MqttLoadOptions();
        var reader = new ArgumentReader(args);
        while (reader.Next() is { } name)
        {
            options = name switch
            {
                "--caravan" => options with { CaravanDll = reader.Value() },
                "--devices" => options with { Devices = reader.Count() },
                "--connections" => options with { Connections = reader.Count() },
                "--rate" => options with { Rate = reader.Count() },
                "--readings-per-message" => options with { ReadingsPerMessage = reader.Count() },
                "--seconds" => options with { Seconds = reader.Count() },
                "--warm-up" => options with { WarmUpSeconds = reader.Count(allowZero: true) },
                "--max-in-flight" => options with { MaxInFlight = reader.Count() },
                "--mosquitto" => options with { Mosquitto = reader.Value() },
                "--no-mosquitto" => options with { Mosquitto = null },
                _ => throw new ArgumentException($"unknown option '{name}' (see bench/load/README.md)"),
            };
        }

        if (options.Connections > options.Devices)
        {
            throw new ArgumentException($"--connections ({options.Connections}) cannot exceed --devices ({options.Devices}): each connection is one device");
        }

        if (options.ReadingsPerMessage > 1000)
        {
            throw new ArgumentException("--readings-per-message is at most 1000 (the largest telemetry batch)");
        }

        return options;
    }
}

/// <summary>Reads <c>--name value</c> pairs of a command line, with whole-number values checked.</summary>
internal sealed class ArgumentReader(IReadOnlyList<string> args)
{
    private int _index = -1;

    /// <summary>The next option's name; null at the end.</summary>
    public string? Next() => ++_index < args.Count ? args[_index] : null;

    public string Value() => _index + 1 < args.Count ? args[++_index] : throw new ArgumentException($"{args[_index]} needs a value");

    public int Count(bool allowZero = false)
    {
        var name = args[_index];
        var text = Value();
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && (n > 0 || (allowZero && n == 0))
            ? n
            : throw new ArgumentException($"{name} must be a {(allowZero ? "non-negative" : "positive")} whole number, not '{text}'");
    }
}
