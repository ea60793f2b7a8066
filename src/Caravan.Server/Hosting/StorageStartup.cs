using Caravan.Storage;
using Caravan.Storage.Sqlite;
using Microsoft.Extensions.Options;

namespace Caravan.Server.Hosting;

/// <summary>
/// Opens the database before the server takes requests: applies pending migrations, starts the writer and, when no
/// admin token is configured and none was ever issued, issues one and prints it once to standard output.
/// </summary>
internal sealed class StorageStartup(
    SqliteWriter writer,
    IAccessTokenStore tokens,
    IOptions<AccessOptions> access,
    TimeProvider clock,
    ILogger<StorageStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        writer.Start(clock.GetUtcNow());
        if (!string.IsNullOrWhiteSpace(access.Value.AdminToken) || await tokens.AnyAdminAsync(cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        var issued = await tokens.IssueAsync(null, "generated at first start", clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        Log.AdminTokenGenerated(logger, issued.Info.Id);

        // The token goes to the operator's terminal, never to the log: this is the only time it is shown.
        await Console.Out.WriteLineAsync(
            $"""

            Caravan admin token (shown once; keep it, or set Caravan__AdminToken instead):
                {issued.Token}

            """.AsMemory(),
            cancellationToken).ConfigureAwait(false);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
