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

    /// <summary>
    /// Find each broker's ceiling instead of publishing at <see cref="Rate"/>: raw connections, closed loop, each
    /// keeping <see cref="Window"/> messages in flight (see <see cref="MqttCeiling"/>).
    /// </summary>
    public bool Ceiling { get; init; }

    /// <summary>QoS 1 messages each connection to Mosquitto keeps in flight in a ceiling run (at most 65,535, the packet ids of MQTT).</summary>
    public int Window { get; init; } = 32;

    /// <summary>
    /// QoS 1 messages each connection to Caravan keeps in flight in a ceiling run. Caravan takes one message of a
    /// connection at a time (its PUBACK waits for the write), so more only wait in socket buffers: latency, no rate.
    /// </summary>
    public int CaravanWindow { get; init; } = 4;

    /// <summary>Print the options and stop.</summary>
    public bool Help { get; init; }

    /// <summary>The Mosquitto broker started as the baseline; null to skip it.</summary>
    public string? Mosquitto { get; init; } = "/usr/sbin/mosquitto";

    /// <summary>Connections of a ceiling run unless <c>--connections</c> says otherwise.</summary>
    public const int CeilingConnections = 1000;

    public const string Usage = """
        usage: caravan-load mqtt [options]

        Starts `caravan serve` (Release build), registers devices and publishes QoS 1 telemetry to its embedded
        broker, then the same load to plain Mosquitto with one subscriber (see bench/load/README.md).

        Fixed rate (the default): MQTTnet clients, open loop.
          --devices N               devices registered (100000)
          --connections N           devices that connect, one connection each (10000)
          --rate N                  target QoS 1 messages/s over all connections (20000)
          --max-in-flight N         unanswered publishes beyond which sends are skipped (50000)

        Ceiling (--ceiling): each broker's maximum, closed loop on raw sockets.
          --ceiling                 every connection keeps --window messages in flight; reports acknowledged
                                    msg/s and readings/s, PUBACK p50/p99, broker's and generator's CPU per
                                    message, and the ratio Caravan / Mosquitto
          --connections N           connections (1000); --devices defaults to the same
          --window N                QoS 1 messages in flight per connection to Mosquitto (32)
          --caravan-window N        the same to Caravan (4): it takes one message of a connection at
                                    a time, so more would only queue

        Both:
          --readings-per-message N  readings in each message (1; at most 1000)
          --seconds N               seconds measured (60)
          --warm-up N               seconds of load before measuring (10)
          --caravan PATH            the caravan.dll to start (the Release build)
          --mosquitto PATH          the Mosquitto to start (/usr/sbin/mosquitto)
          --no-mosquitto            measure Caravan only
          --help                    this text

        """;

    public static MqttLoadOptions Parse(IReadOnlyList<string> args)
    {
        var options = new MqttLoadOptions();
        var reader = new ArgumentReader(args);
        var given = new HashSet<string>();
        while (reader.Next() is { } name)
        {
            given.Add(name);
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
                "--ceiling" => options with { Ceiling = true },
                "--window" => options with { Window = reader.Count() },
                "--caravan-window" => options with { CaravanWindow = reader.Count() },
                "--help" or "-h" => options with { Help = true },
                _ => throw new ArgumentException($"unknown option '{name}' (see bench/load/README.md)"),
            };
        }

        if (options.Ceiling)
        {
            // A ceiling needs a few pipelining connections, not the fleet: every device registered also connects.
            var connections = given.Contains("--connections") ? options.Connections : CeilingConnections;
            options = options with { Connections = connections, Devices = given.Contains("--devices") ? options.Devices : connections };
        }

        if (Math.Max(options.Window, options.CaravanWindow) > ushort.MaxValue)
        {
            throw new ArgumentException($"--window and --caravan-window are at most {ushort.MaxValue} (the packet ids of one MQTT connection)");
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
