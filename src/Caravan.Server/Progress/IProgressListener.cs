namespace Caravan.Server.Progress;

/// <summary>
/// The seam for rules that react to progress (alerts): register an implementation as a singleton
/// (<c>services.AddSingleton&lt;IProgressListener, MyRules&gt;()</c>) and the <see cref="ProgressWorker"/> calls every
/// one, in registration order, on its own loop after the events are in the chain. A listener should return quickly; an
/// exception it throws is logged and does not stop the worker.
/// </summary>
public interface IProgressListener
{
    /// <summary>A container's stay at a terminal passed its P90 (once per visit).</summary>
    Task DwellPastP90Async(DwellNotice notice, CancellationToken cancellationToken);

    /// <summary>A shipment's destination P50 moved and a new estimate was written.</summary>
    Task EtaMovedAsync(EtaNotice notice, CancellationToken cancellationToken);
}
