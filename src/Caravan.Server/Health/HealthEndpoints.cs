using Caravan.Storage.Sqlite;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Caravan.Server.Health;

/// <summary><c>GET /healthz</c>: 200 when the database answers a query, 503 otherwise. Needs no token.</summary>
public static class HealthEndpoints
{
    public static RouteGroupBuilder MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/healthz").WithTags("Health").AllowAnonymous();
        group.MapGet("/", CheckAsync).WithName("Health").WithSummary("Whether the server and its database are up.");
        return group;
    }

    internal static async Task<Results<Ok<HealthResponse>, ProblemHttpResult>> CheckAsync(SqliteDatabase database, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await database.OpenReaderAsync(cancellationToken).ConfigureAwait(false);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT count(*) FROM schema_migrations";
            await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            return TypedResults.Ok(new HealthResponse("ok"));
        }
        catch (Microsoft.Data.Sqlite.SqliteException e)
        {
            return TypedResults.Problem($"The database does not answer: {e.Message}", statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }
}
