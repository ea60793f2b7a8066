using Caravan.Server.Access;
using Caravan.Server.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Caravan.Server.Network;

/// <summary>
/// <c>GET /api/network</c>: the server's corridor network as GeoJSON (<see cref="NetworkGeoJson"/>, the same document
/// <c>caravan network export</c> writes), for the dashboard's map and for GIS tools.
/// </summary>
public static class NetworkEndpoints
{
    /// <summary>The media type of GeoJSON (RFC 7946 §12).</summary>
    public const string GeoJsonMediaType = "application/geo+json";

    public static RouteGroupBuilder MapNetworkEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/network").WithTags("Network").RequireAuthorization(AccessPolicies.Any);
        group.MapGet("/", Network).WithName("Network")
            .WithSummary("The corridor network as a GeoJSON FeatureCollection: terminals (Point) and links (LineString).")
            .Produces(StatusCodes.Status200OK, contentType: GeoJsonMediaType);
        return group;
    }

    internal static Results<ContentHttpResult, ProblemHttpResult> Network(CorridorNetworkProvider networks, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var planner = networks.Planner(out var problem);
        if (planner is null)
        {
            return TypedResults.Problem($"The corridor network is unavailable: {problem}.", statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        return TypedResults.Text(NetworkGeoJson.Serialize(NetworkGeoJson.Features(planner.Network)), GeoJsonMediaType);
    }
}
