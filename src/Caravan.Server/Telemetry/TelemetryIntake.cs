using System.Buffers;
using Caravan.Core.Telemetry;
using Caravan.Storage;

namespace Caravan.Server.Telemetry;

/// <summary>
/// What every ingestion path does with what a device sent: read and validate it, count and log each rejected reading
/// with its reason (<see cref="IngestionMetrics"/>, event 2200), and hand the valid ones to the
/// <see cref="ReadingPipeline"/>, answering once they are durable. The edges (HTTP, OsmAnd, MQTT) only authenticate
/// and translate the outcome into their protocol.
/// </summary>
public sealed class TelemetryIntake(ReadingValidator validator, ReadingPipeline pipeline, IngestionMetrics metrics, ILogger<TelemetryIntake> logger)
{
    /// <summary>The validator every path uses, with the server's clock.</summary>
    public ReadingValidator Validator => validator;

    /// <summary>
    /// Reads the JSON payload (one reading or a batch) of <paramref name="device"/>; every rejected reading is counted
    /// and logged. <paramref name="rejected"/> is how many readings were rejected.
    /// </summary>
    public TelemetryParseResult ParseJson(DeviceId device, ReadOnlySpan<byte> payload, out int rejected)
    {
        var parsed = TelemetryJson.Parse(payload, device, validator);
        rejected = Reject(device, parsed.Problems);
        return parsed;
    }

    /// <summary>As <see cref="ParseJson(DeviceId, ReadOnlySpan{byte}, out int)"/>, for a payload in segments (an MQTT message's).</summary>
    public TelemetryParseResult ParseJson(DeviceId device, in ReadOnlySequence<byte> payload, out int rejected) =>
        payload.IsSingleSegment ? ParseJson(device, payload.FirstSpan, out rejected) : ParseJson(device, payload.ToArray(), out rejected);

    /// <summary>
    /// Validates readings made in process (the demo's virtual trackers) as the parsers validate what devices send: the
    /// valid ones are returned, every rejected one is counted and logged with its field. <paramref name="rejected"/> is
    /// how many were rejected.
    /// </summary>
    public IReadOnlyList<TrackerReading> Validate(DeviceId device, IReadOnlyList<TrackerReading> readings, out int rejected)
    {
        ArgumentNullException.ThrowIfNull(readings);
        var valid = new List<TrackerReading>(readings.Count);
        var problems = new List<TelemetryProblem>();
        for (var i = 0; i < readings.Count; i++)
        {
            var validation = validator.Validate(readings[i]);
            if (validation.Reading is { } ok)
            {
                valid.Add(ok);
            }
            else
            {
                problems.AddRange(validation.Problems.Select(p => p with { Field = $"$[{i}].{p.Field}" }));
            }
        }

        rejected = Reject(device, problems);
        return valid;
    }

    /// <summary>Stores valid readings of <paramref name="device"/> through the pipeline; completes once they are durable.</summary>
    /// <exception cref="IngestionUnavailableException">Nothing was stored: the sender should retry.</exception>
    public async Task<ReadingAppendResult> StoreAsync(DeviceId device, IReadOnlyList<TrackerReading> readings, int rejected, CancellationToken cancellationToken)
    {
        var result = await pipeline.SubmitAsync(readings, cancellationToken).ConfigureAwait(false);
        Log.ReadingsStored(logger, device.Value, result.Stored, result.Duplicates, rejected);
        return result;
    }

    /// <summary>Counts and logs each reading with a problem (a reading counts once, however many of its fields are wrong); answers how many.</summary>
    public int Reject(DeviceId device, IReadOnlyList<TelemetryProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var readings = new HashSet<string>(StringComparer.Ordinal);
        foreach (var problem in problems)
        {
            var dot = problem.Field.IndexOf('.', StringComparison.Ordinal);
            var reading = dot < 0 ? problem.Field : problem.Field[..dot];
            var reason = dot < 0 ? "payload" : problem.Field[(dot + 1)..];
            Log.ReadingRejected(logger, device.Value, problem.Field, reason, problem.Message);
            if (readings.Add(reading))
            {
                metrics.Rejected(reason);
            }
        }

        return readings.Count;
    }

    /// <summary>Counts and logs a submission refused as a whole for <paramref name="reason"/> (<c>device</c>, <c>topic</c>, <c>size</c>).</summary>
    public void Refuse(string device, string field, string reason, string message)
    {
        metrics.Rejected(reason);
        Log.ReadingRejected(logger, device, field, reason, message);
    }
}
