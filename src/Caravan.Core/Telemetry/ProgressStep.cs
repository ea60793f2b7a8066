namespace Caravan.Core.Telemetry;

/// <summary>The result of applying readings to a device's progress: the next state and what was observed, in time order.</summary>
public sealed record ProgressStep(ProgressState State, IReadOnlyList<ProgressObservation> Observations);
