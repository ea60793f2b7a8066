using System.CommandLine;
using System.Globalization;
using System.Runtime.InteropServices;
using Caravan.Cli.Output.Json;
using Caravan.Cli.Simulation;
using Spectre.Console;

namespace Caravan.Cli.Commands;

/// <summary>
/// <c>caravan simulate</c>: books shipments along planned itineraries through a server's API as a forwarder, then
/// drives virtual trackers on their containers — over HTTP, or over MQTT with <c>--mqtt</c> — replaying the recent past
/// faster than real time until it catches up with the clock. Exit 0 done (or stopped with Ctrl-C), 1 refused by the
/// server or broker, 2 bad input, 3 server or broker unreachable.
/// </summary>
public static class SimulateCommand
{
    public static Command Create(TimeProvider clock, CliConsole console, IDictionary<Command, IReadOnlyList<string>> examples)
    {
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(examples);
        var shipments = new Option<int>("--shipments")
        {
            Description = "How many shipments to book, each with its own tracker (1 to 10,000).",
            DefaultValueFactory = _ => 20,
            HelpName = "N",
        };
        var speed = new Option<double>("--speed")
        {
            Description = "Simulated seconds per real second: 3600 replays an hour a second (1 to 1,000,000).",
            DefaultValueFactory = _ => 3600,
            HelpName = "FACTOR",
        };
        var days = new Option<double>("--days")
        {
            Description = "Simulated days replayed, ending now; shipments depart in the first half. The run takes DAYS × 86400 / FACTOR real seconds.",
            DefaultValueFactory = _ => 14,
            HelpName = "DAYS",
        };
        var server = new Option<string?>("--server")
        {
            Description = "The Caravan server's base URL (default: $CARAVAN_SERVER, else http://127.0.0.1:5080).",
            HelpName = "URL",
        };
        var token = new Option<string?>("--token")
        {
            Description = "A forwarder or shipper party's token: it books the shipments and owns the devices (default: $CARAVAN_TOKEN, which keeps it out of process lists).",
            HelpName = "PARTY_TOKEN",
        };
        var mqtt = new Option<string?>("--mqtt")
        {
            Description = "Publish readings to this MQTT broker (QoS 1, user name = device id, password = device token, topic caravan/devices/{id}/telemetry) instead of POST /api/telemetry.",
            HelpName = "HOST:PORT",
        };
        var seed = new Option<int>("--seed")
        {
            Description = "Seed of the lanes, itineraries chosen and every tracker's behaviour: the same seed and server give the same readings.",
            DefaultValueFactory = _ => 1,
            HelpName = "N",
        };
        var follow = new Option<bool>("--follow")
        {
            Description = "After catching up with the clock, keep reporting in real time until every container has been delivered.",
        };
        var format = new Option<string>("--format")
        {
            Description = "The summary at the end: text for people, json for programs (schema in docs/cli.md).",
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong("text", "json");
        var network = NetworkOption.Create();
        var command = new Command(
            "simulate",
            "Book shipments on planned itineraries through a Caravan server as a forwarder, register and bind a tracker to each container, "
            + "and drive the trackers along the corridor: trains and ferries at their timetabled speeds, waits for the Caspian ferries at Aktau and Kuryk, "
            + "border and gauge-change dwell, GPS noise, reefer temperature excursions, silent devices, doors and shocks. "
            + "Readings are stamped with simulated time, which replays the last DAYS faster than real time and catches up with the clock "
            + "(a server refuses readings from the future). Ctrl-C stops it; what was sent stays stored. "
            + "Exit codes: 0 done, 1 refused by the server or broker (a bad token), 2 bad input, 3 server or broker unreachable.");
        foreach (var option in new Option[] { shipments, speed, days, server, token, mqtt, seed, follow, format, network })
        {
            command.Options.Add(option);
        }

        examples[command] =
        [
            "CARAVAN_TOKEN=... caravan simulate --shipments 200 --speed 3600",
            "caravan simulate --server http://127.0.0.1:5080 --token $TOKEN --shipments 20 --days 7 --speed 7200",
            "caravan simulate --token $TOKEN --mqtt 127.0.0.1:1883 --seed 42 --format json",
        ];

        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var arguments = Check(
                console,
                parseResult.GetValue(shipments),
                parseResult.GetValue(speed),
                parseResult.GetValue(days),
                parseResult.GetValue(server) ?? Environment.GetEnvironmentVariable("CARAVAN_SERVER") ?? ServeCommand.DefaultUrls,
                parseResult.GetValue(token) ?? Environment.GetEnvironmentVariable("CARAVAN_TOKEN"),
                parseResult.GetValue(mqtt),
                parseResult.GetValue(seed),
                parseResult.GetValue(follow),
                parseResult.GetRequiredValue(format) == "json",
                out var exitCode);
            if (arguments is null)
            {
                return exitCode;
            }

            var corridorNetwork = NetworkOption.Load(console, NetworkOption.Locate(parseResult.GetValue(network)), out exitCode);
            if (corridorNetwork is null)
            {
                return exitCode;
            }

            // Ctrl-C (SIGINT) and SIGTERM stop the run between sends, and the summary still says what was sent.
            using var interrupt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            using var onInterrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
            using var onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
            SimulationSummary summary;
            try
            {
                summary = await new SimulationRun(console, arguments, corridorNetwork, clock).RunAsync(interrupt.Token).ConfigureAwait(false);
            }
            catch (SimulationFailure e)
            {
                return console.Fail(e.ExitCode, e.Message);
            }
            catch (OperationCanceledException) when (interrupt.IsCancellationRequested)
            {
                return console.Fail(ExitCodes.Interrupted, "interrupted before any shipment was booked");
            }

            Write(console, summary, arguments.Json);
            return summary.Interrupted ? ExitCodes.Interrupted : ExitCodes.Ok;

            void Stop(PosixSignalContext context)
            {
                context.Cancel = true;
                interrupt.Cancel();
            }
        });
        return command;
    }

    private static SimulateArguments? Check(
        CliConsole console, int shipments, double speed, double days, string server, string? token, string? mqtt, int seed, bool follow, bool json, out int exitCode)
    {
        exitCode = ExitCodes.BadInput;
        if (shipments is < 1 or > 10_000)
        {
            console.Fail(exitCode, $"--shipments must be from 1 to 10,000, not {shipments}");
            return null;
        }

        if (!double.IsFinite(speed) || speed is < 1 or > 1_000_000)
        {
            console.Fail(exitCode, $"--speed must be a factor from 1 to 1,000,000, not {speed.ToString(CultureInfo.InvariantCulture)}");
            return null;
        }

        if (!double.IsFinite(days) || days is <= 0 or > 365)
        {
            console.Fail(exitCode, $"--days must be more than 0 and at most 365, not {days.ToString(CultureInfo.InvariantCulture)}");
            return null;
        }

        if (!Uri.TryCreate(server, UriKind.Absolute, out var baseUri) || baseUri.Scheme is not ("http" or "https"))
        {
            console.Fail(exitCode, $"--server must be an http(s) URL, not '{server}'");
            return null;
        }

        if (string.IsNullOrWhiteSpace(token))
        {
            console.Fail(exitCode, "give a forwarder or shipper party's token with --token or $CARAVAN_TOKEN");
            return null;
        }

        (string, int)? broker = null;
        if (mqtt is not null)
        {
            var colon = mqtt.LastIndexOf(':');
            if (colon <= 0 || !int.TryParse(mqtt[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
            {
                console.Fail(exitCode, $"--mqtt must be HOST:PORT (127.0.0.1:1883), not '{mqtt}'");
                return null;
            }

            broker = (mqtt[..colon].Trim('[', ']'), port);
        }

        exitCode = ExitCodes.Ok;
        return new SimulateArguments
        {
            Server = baseUri.AbsoluteUri.EndsWith('/') ? baseUri : new Uri(baseUri.AbsoluteUri + "/"),
            Token = token.Trim(),
            Shipments = shipments,
            Speed = speed,
            Span = TimeSpan.FromDays(days),
            Seed = seed,
            Mqtt = broker,
            Follow = follow,
            Json = json,
        };
    }

    private static void Write(CliConsole console, SimulationSummary summary, bool json)
    {
        if (json)
        {
            console.Output.WriteLine(System.Text.Json.JsonSerializer.Serialize(summary, CliJsonContext.Readable.SimulationSummary));
            return;
        }

        var table = new Table().AddColumns("Shipment", "Device", "Lane", "Corridor", "Departed", "Arrives (late by)");
        foreach (var s in summary.Shipments.Take(20))
        {
            var late = s.Arrival - s.PlannedArrival;
            table.AddRow(
                Markup.Escape(s.Shipment), Markup.Escape(s.Device + (s.Reefer ? " (reefer)" : string.Empty)), $"{s.From} → {s.To}", Markup.Escape(s.Corridor),
                s.Departure.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
                string.Create(CultureInfo.InvariantCulture, $"{s.Arrival:yyyy-MM-dd HH:mm} ({late.TotalHours:+0;-0;0} h)"));
        }

        console.Ansi.Write(table);
        if (summary.Shipments.Count > 20)
        {
            console.Output.WriteLine($"… and {summary.Shipments.Count - 20} more (--format json lists every one).");
        }

        var state = summary.Interrupted ? "Interrupted" : "Done";
        console.Output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{state}: {summary.Shipments.Count} shipments simulated from {summary.SimulatedFrom:yyyy-MM-dd HH:mm}Z to {summary.SimulatedTo:yyyy-MM-dd HH:mm}Z at {summary.Speed:0.#}×; "
            + $"{summary.ReadingsSent:N0} readings sent over {summary.Transport.ToUpperInvariant()} ({summary.Duplicates:N0} duplicates, {summary.Failed:N0} refused); {summary.Delivered} delivered."));
    }
}
