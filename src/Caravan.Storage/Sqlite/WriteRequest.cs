using Microsoft.Data.Sqlite;

namespace Caravan.Storage.Sqlite;

/// <summary>
/// One unit of work waiting for the writer. A request is either cancelled while queued (and never runs) or run;
/// its task completes only after the batch it ran in has committed.
/// </summary>
internal abstract class WriteRequest
{
    private const int Queued = 0;
    private const int Running = 1;
    private const int Cancelled = 2;

    private int _state;

    /// <summary>Claims the request for running; false when its caller cancelled it first.</summary>
    public bool TryStart() => Interlocked.CompareExchange(ref _state, Running, Queued) == Queued;

    /// <summary>Runs the work inside the writer's transaction and keeps its result until <see cref="Complete"/>.</summary>
    public abstract void Run(SqliteConnection connection, SqliteTransaction transaction);

    /// <summary>Hands the kept result to the caller: the batch is durable.</summary>
    public abstract void Complete();

    /// <summary>Hands <paramref name="exception"/> to the caller: the work was rolled back.</summary>
    public abstract void Fail(Exception exception);

    protected bool TryCancel() => Interlocked.CompareExchange(ref _state, Cancelled, Queued) == Queued;
}
