using System.Diagnostics.Metrics;

namespace Caravan.Server.Telemetry;

/// <summary>
/// The ingestion meter <c>Caravan.Ingestion</c>: <c>caravan.telemetry.rejected</c> counts readings refused, tagged
/// with the reason (the field or parameter at fault), so a misbehaving fleet shows up without reading logs.
/// </summary>
public sealed class IngestionMetrics
{
    public const string MeterName = "Caravan.Ingestion";
    public const string RejectedName = "caravan.telemetry.rejected";

    private readonly Counter<long> _rejected;

    public IngestionMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(MeterName);
        _rejected = meter.CreateCounter<long>(RejectedName, "{reading}", "Telemetry readings rejected, by reason.");
    }

    /// <summary>Counts one rejected reading for <paramref name="reason"/>.</summary>
    public void Rejected(string reason) => _rejected.Add(1, new KeyValuePair<string, object?>("reason", reason));
}
