using System.Globalization;
using System.Net;
using Caravan.Core.Telemetry;

namespace Caravan.Server.Mqtt;

/// <summary>
/// MQTT ingestion: the embedded broker's address, port and packet limit, or the external broker Caravan subscribes
/// to. Bound from <c>Caravan:Mqtt</c> (<c>CARAVAN__Mqtt__Port</c>, ...); <c>caravan serve --mqtt-port N|off</c> and
/// <c>--mqtt-address</c> map onto it.
/// </summary>
public sealed class MqttOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "Caravan:Mqtt";

    /// <summary>The MQTT port by IANA assignment (unencrypted).</summary>
    public const int DefaultPort = 1883;

    /// <summary>The topic filter of every device's telemetry.</summary>
    public const string TelemetryTopicFilter = "caravan/devices/+/telemetry";

    /// <summary>Embedded (default), External or Off.</summary>
    public MqttMode Mode { get; set; } = MqttMode.Embedded;

    /// <summary>Embedded: the address the broker listens on (default loopback, like the HTTP API; 0.0.0.0 for every interface).</summary>
    public string Address { get; set; } = "127.0.0.1";

    /// <summary>Embedded: the port the broker listens on.</summary>
    public int Port { get; set; } = DefaultPort;

    /// <summary>
    /// Embedded: the largest MQTT packet accepted, in bytes; a larger one closes the connection before it is read.
    /// Default: the largest telemetry payload (256 KiB) plus room for the topic and properties.
    /// </summary>
    public int MaxPacketBytes { get; set; } = TelemetryJson.MaxPayloadBytes + 4096;

    /// <summary>External: the broker as <c>host:port</c> (port 1883 when omitted).</summary>
    public string? Broker { get; set; }

    /// <summary>External: the user name Caravan connects with, if the broker needs one.</summary>
    public string? Username { get; set; }

    /// <summary>External: the password Caravan connects with (set it in the environment, never on a command line).</summary>
    public string? Password { get; set; }

    /// <summary>External: Caravan's client id, which names its persistent session on the broker.</summary>
    public string ClientId { get; set; } = "caravan-ingest";

    /// <summary>External: how long the broker keeps Caravan's session (and queues its messages) while Caravan is away.</summary>
    public TimeSpan SessionExpiry { get; set; } = TimeSpan.FromDays(7);

    /// <summary>The external broker's host and port; only valid when <see cref="Problems"/> is empty.</summary>
    public (string Host, int Port) BrokerEndpoint()
    {
        var text = Broker!.Trim();
        var colon = text.LastIndexOf(':');
        if (colon > 0 && !text.EndsWith(']') && int.TryParse(text[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port))
        {
            return (text[..colon].Trim('[', ']'), port);
        }

        return (text.Trim('[', ']'), DefaultPort);
    }

    /// <summary>What is wrong with these options, one sentence each; empty when they are usable.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        switch (Mode)
        {
            case MqttMode.Embedded:
                if (Port is < 1 or > 65535)
                {
                    problems.Add($"{SectionName}:Port must be from 1 to 65535, not {Port}.");
                }

                if (!IPAddress.TryParse(Address, out _))
                {
                    problems.Add($"{SectionName}:Address must be an IP address (127.0.0.1, 0.0.0.0, ::), not '{Address}'.");
                }

                if (MaxPacketBytes is < 1024 or > 16 * 1024 * 1024)
                {
                    problems.Add($"{SectionName}:MaxPacketBytes must be from 1024 to 16777216, not {MaxPacketBytes}.");
                }

                break;
            case MqttMode.External:
                if (string.IsNullOrWhiteSpace(Broker))
                {
                    problems.Add($"{SectionName}:Broker must name the external broker as host:port when {SectionName}:Mode is External.");
                }
                else if (BrokerEndpoint() is var (host, port) && (host.Length == 0 || port is < 1 or > 65535))
                {
                    problems.Add($"{SectionName}:Broker must be host:port with a port from 1 to 65535, not '{Broker}'.");
                }

                if (string.IsNullOrWhiteSpace(ClientId) || ClientId.Length > 64)
                {
                    problems.Add($"{SectionName}:ClientId must be 1 to 64 characters.");
                }

                if (SessionExpiry < TimeSpan.FromMinutes(1) || SessionExpiry.TotalSeconds > uint.MaxValue)
                {
                    problems.Add($"{SectionName}:SessionExpiry must be at least one minute, not {SessionExpiry}.");
                }

                break;
            case MqttMode.Off:
                break;
            default:
                problems.Add($"{SectionName}:Mode must be Embedded, External or Off.");
                break;
        }

        return problems;
    }
}
