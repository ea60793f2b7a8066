using System.Diagnostics.Metrics;
using Caravan.Server.Telemetry;

namespace Caravan.Server.Tests;

/// <summary>Listens to this server's <c>caravan.telemetry.rejected</c> counter and sums it by reason.</summary>
public sealed class RejectionCounter : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly Dictionary<string, long> _byReason = new(StringComparer.Ordinal);

    public RejectionCounter(IMeterFactory scope)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == IngestionMetrics.MeterName && instrument.Name == IngestionMetrics.RejectedName && ReferenceEquals(instrument.Meter.Scope, scope))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "reason")
                {
                    lock (_byReason)
                    {
                        var reason = (string)tag.Value!;
                        _byReason[reason] = _byReason.GetValueOrDefault(reason) + value;
                    }
                }
            }
        });
        _listener.Start();
    }

    public long Of(string reason)
    {
        lock (_byReason)
        {
            return _byReason.GetValueOrDefault(reason);
        }
    }

    public void Dispose() => _listener.Dispose();
}
