using System.CommandLine;
using System.Globalization;
using Caravan.Server;
using Caravan.Server.Demo;
using Caravan.Server.Hosting;
using Caravan.Server.Mqtt;
using Caravan.Server.Progress;
using Caravan.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Caravan.Cli.Commands;

/// <summary>
/// <c>caravan serve</c>: runs the Caravan server — the HTTP API over a SQLite file in <c>--data DIR</c> — built by
/// <see cref="CaravanServer"/>, the same host the tests run. Each flag sets one configuration key; Ctrl-C stops it
/// after the writer has drained its queue.
/// </summary>
public static class ServeCommand
{
    /// <summary>Where the server listens unless <c>--urls</c> says otherwise: loopback only.</summary>
    public const string DefaultUrls = "http://127.0.0.1:5080";

    /// <summary>The data directory unless <c>--data</c> says otherwise.</summary>
    public const string DefaultDataDirectory = "caravan-data";

    public static Command Create(CliConsole console, IDictionary<Command, IReadOnlyList<string>> examples)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(examples);
        var urls = new Option<string>("--urls")
        {
            Description = "Addresses to listen on, separated by ';' (ASP.NET Core 'urls'). Use http://0.0.0.0:5080 to accept connections from other machines.",
            DefaultValueFactory = _ => DefaultUrls,
            HelpName = "URL[;URL]",
        };
        var data = new Option<string>("--data")
        {
            Description = $"Directory for caravan.db and documents/; created when missing (Caravan:Storage:DataDirectory).",
            DefaultValueFactory = _ => "./" + DefaultDataDirectory,
            HelpName = "DIR",
        };
        var network = NetworkOption.Create();
        var maxJson = new Option<long?>("--max-json-bytes")
        {
            Description = "Largest JSON request body in bytes; larger ones get 413 (Caravan:Server:MaxJsonBodyBytes). Default: 65536.",
            HelpName = "BYTES",
        };
        var maxDocument = new Option<long?>("--max-document-bytes")
        {
            Description = "Largest document upload in bytes; larger ones get 413 (Caravan:Server:MaxDocumentBytes). Default: 16777216.",
            HelpName = "BYTES",
        };
        var demo = new Option<bool>("--demo")
        {
            Description = "At the first start on this data directory, seed demo parties (a Xi'an forwarder, KTZ, ASCO, ADY, Georgian Railway, Kazakh customs, a Duisburg consignee) "
                + $"and shipments with signed event histories; print each party's token once and write them to DIR/{DemoOptions.TokensFileName} ({DemoOptions.SectionName}:Enabled).",
        };
        var mqttPort = new Option<string?>("--mqtt-port")
        {
            Description = $"Port of the embedded MQTT broker devices publish telemetry to, or 'off' for none ({MqttOptions.SectionName}:Port, {MqttOptions.SectionName}:Mode). Default: {MqttOptions.DefaultPort}.",
            HelpName = "PORT|off",
        };
        mqttPort.Validators.Add(result =>
        {
            var text = result.GetValueOrDefault<string?>();
            if (text is not null && text != "off" && !(int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is >= 1 and <= 65535))
            {
                result.AddError($"--mqtt-port must be a port from 1 to 65535 or 'off', not '{text}'.");
            }
        });
        var mqttAddress = new Option<string?>("--mqtt-address")
        {
            Description = $"Address the embedded MQTT broker listens on ({MqttOptions.SectionName}:Address). Default: 127.0.0.1; use 0.0.0.0 to accept devices from other machines.",
            HelpName = "IP",
        };
        var etaThreshold = new Option<double?>("--eta-threshold-minutes")
        {
            Description = "How far a shipment's estimated arrival (P50) must move before the platform writes a new EST event (Caravan:Progress:EtaThresholdMinutes). Default: 120.",
            HelpName = "MINUTES",
        };
        var geofenceDwell = new Option<double?>("--geofence-dwell-minutes")
        {
            Description = "How long a tracker must stay on the new side of a terminal's geofence before an arrival or departure counts (Caravan:Progress:MinimumDwellMinutes). "
                + "Default: 10. Radii per terminal kind and per terminal are set under Caravan:Progress (docs/telemetry.md).",
            HelpName = "MINUTES",
        };
        var demoTrackers = new Option<int?>("--demo-trackers")
        {
            Description = $"With --demo: how many simulated shipments with moving trackers to book at each start (default 20; 0 turns them off) ({DemoTrackerOptions.SectionName}:Shipments).",
            HelpName = "N",
        };
        var demoSpeed = new Option<double?>("--demo-speed")
        {
            Description = "With --demo: how many times faster than real time the demo trackers replay the last days before catching up with the clock "
                + $"(default 600: two days in under five minutes; 20000 has platform arrivals and departures in the record within a minute) ({DemoTrackerOptions.SectionName}:Speed).",
            HelpName = "TIMES",
        };
        demoSpeed.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<double?>() is { } speed && !(double.IsFinite(speed) && speed is >= 1 and <= 1_000_000))
            {
                result.AddError($"--demo-speed must be from 1 to 1000000, not {speed.ToString(CultureInfo.InvariantCulture)}.");
            }
        });
        var command = new Command(
            "serve",
            "Run the Caravan server: the HTTP API (reference at /docs, OpenAPI at /openapi/v1.json, health at /healthz) over a SQLite database. "
            + "The operator's admin token is read from the environment variable Caravan__AdminToken (never a flag, so it stays out of process lists); "
            + "without it, one is generated at first start and printed once. Ctrl-C stops the server. "
            + "Devices publish telemetry over MQTT to the embedded broker (user name: device id, password: device token), or, with Caravan__Mqtt__Mode=External and "
            + "Caravan__Mqtt__Broker=HOST:PORT, Caravan reads it from an external broker (docs/telemetry.md). "
            + "Every setting can also come from appsettings.json or CARAVAN-style environment variables (Caravan__Storage__DataDirectory, ...).");
        foreach (var option in new Option[] { urls, data, network, maxJson, maxDocument, mqttPort, mqttAddress, demo, demoTrackers, demoSpeed, etaThreshold, geofenceDwell })
        {
            command.Options.Add(option);
        }

        examples[command] =
        [
            "caravan serve",
            "caravan serve --demo",
            "caravan serve --demo --demo-trackers 5 --demo-speed 20000",
            "caravan serve --urls http://127.0.0.1:8080 --data /var/lib/caravan",
            "caravan serve --urls http://0.0.0.0:5080 --mqtt-address 0.0.0.0 --mqtt-port 1883",
            "caravan serve --mqtt-port off",
            "Caravan__AdminToken=$(openssl rand -base64 32) caravan serve --data ./pilot",
        ];

        command.SetAction(parseResult =>
        {
            var settings = new Dictionary<string, string?>(StringComparer.Ordinal)
            {
                ["urls"] = parseResult.GetRequiredValue(urls),
                [$"{StorageOptions.SectionName}:DataDirectory"] = parseResult.GetRequiredValue(data),
            };
            if (parseResult.GetValue(network) is { } networkDirectory)
            {
                settings[$"{ServerOptions.SectionName}:NetworkDirectory"] = networkDirectory;
            }
            else if (NetworkOption.Locate(null) is { Exists: true } found)
            {
                settings[$"{ServerOptions.SectionName}:NetworkDirectory"] = found.Directory;
            }

            if (parseResult.GetValue(demo))
            {
                settings[$"{DemoOptions.SectionName}:Enabled"] = "true";
            }

            if (parseResult.GetValue(demoTrackers) is { } trackers)
            {
                settings[$"{DemoTrackerOptions.SectionName}:Shipments"] = trackers.ToString(CultureInfo.InvariantCulture);
            }

            if (parseResult.GetValue(demoSpeed) is { } speed)
            {
                settings[$"{DemoTrackerOptions.SectionName}:Speed"] = speed.ToString(CultureInfo.InvariantCulture);
            }

            if (parseResult.GetValue(maxJson) is { } jsonBytes)
            {
                settings[$"{ServerOptions.SectionName}:MaxJsonBodyBytes"] = jsonBytes.ToString(CultureInfo.InvariantCulture);
            }

            if (parseResult.GetValue(maxDocument) is { } documentBytes)
            {
                settings[$"{ServerOptions.SectionName}:MaxDocumentBytes"] = documentBytes.ToString(CultureInfo.InvariantCulture);
            }

            switch (parseResult.GetValue(mqttPort))
            {
                case "off":
                    settings[$"{MqttOptions.SectionName}:Mode"] = nameof(MqttMode.Off);
                    break;
                case { } port:
                    settings[$"{MqttOptions.SectionName}:Port"] = port;
                    break;
            }

            if (parseResult.GetValue(mqttAddress) is { } address)
            {
                settings[$"{MqttOptions.SectionName}:Address"] = address;
            }

            if (parseResult.GetValue(etaThreshold) is { } threshold)
            {
                settings[$"{ProgressOptions.SectionName}:EtaThresholdMinutes"] = threshold.ToString(CultureInfo.InvariantCulture);
            }

            if (parseResult.GetValue(geofenceDwell) is { } dwell)
            {
                settings[$"{ProgressOptions.SectionName}:MinimumDwellMinutes"] = dwell.ToString(CultureInfo.InvariantCulture);
            }

            return Run(console, settings);
        });
        return command;
    }

    private static int Run(CliConsole console, Dictionary<string, string?> settings)
    {
        try
        {
            var app = CaravanServer.CreateBuilder([], settings).BuildCaravan();

            // Settings are checked before the host starts, so a bad one is this one line, not the host's failure log.
            app.Services.GetService<IStartupValidator>()?.Validate();
            app.Run();
            return ExitCodes.Ok;
        }
        catch (OptionsValidationException e)
        {
            return console.Fail(ExitCodes.BadInput, $"invalid setting: {string.Join("; ", e.Failures)}");
        }
        catch (AggregateException e) when (e.InnerExceptions.All(i => i is OptionsValidationException))
        {
            return console.Fail(ExitCodes.BadInput, $"invalid setting: {string.Join("; ", e.InnerExceptions.SelectMany(i => ((OptionsValidationException)i).Failures))}");
        }
        catch (StorageSchemaException e)
        {
            return console.Fail(ExitCodes.BadInput, e.Message);
        }
        catch (IOException e)
        {
            return console.Fail(ExitCodes.BadInput, $"cannot start the server: {e.Message}");
        }
    }
}
