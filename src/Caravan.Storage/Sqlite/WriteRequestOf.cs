using Microsoft.Data.Sqlite;

namespace Caravan.Storage.Sqlite;

/// <summary>A <see cref="WriteRequest"/> whose work returns a <typeparamref name="T"/>.</summary>
internal sealed class WriteRequestOf<T> : WriteRequest, IDisposable
{
    private readonly Func<SqliteConnection, SqliteTransaction, T> _work;
    private readonly TaskCompletionSource<T> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenRegistration _registration;
    private T? _result;

    public WriteRequestOf(Func<SqliteConnection, SqliteTransaction, T> work, CancellationToken cancellationToken)
    {
        _work = work;
        if (cancellationToken.CanBeCanceled)
        {
            _registration = cancellationToken.Register(() =>
            {
                if (TryCancel())
                {
                    _completion.TrySetCanceled(cancellationToken);
                }
            });
        }
    }

    public Task<T> Task => _completion.Task;

    public override void Run(SqliteConnection connection, SqliteTransaction transaction) => _result = _work(connection, transaction);

    public override void Complete()
    {
        Dispose();
        _completion.TrySetResult(_result!);
    }

    public override void Fail(Exception exception)
    {
        Dispose();
        _completion.TrySetException(exception);
    }

    public void Dispose() => _registration.Dispose();
}
