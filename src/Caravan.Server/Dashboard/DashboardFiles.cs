using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Net.Http.Headers;

namespace Caravan.Server.Dashboard;

/// <summary>
/// The web dashboard (web/, built into <c>wwwroot</c>): its static files, and <c>index.html</c> for every other path that
/// is not the API's (<c>/api</c>, <c>/v2</c>, <c>/docs</c>, <c>/openapi</c>, <c>/healthz</c>), so a dashboard address
/// such as <c>/plan</c> can be opened directly while an unknown API path still answers a 404 problem.
/// </summary>
public static class DashboardFiles
{
    /// <summary>The directory the build writes the dashboard to, beside the server's assembly.</summary>
    public static string WebRoot => Path.Combine(AppContext.BaseDirectory, "wwwroot");

    /// <summary>Paths under these first segments belong to the API and never get the dashboard's page.</summary>
    internal const string FallbackPattern = "{*path:nonfile:regex(^(?!(api|v2|docs|openapi|healthz)(/|$)))}";

    /// <summary>Serves the dashboard's files: hashed assets cached for good, the page itself always revalidated.</summary>
    public static IApplicationBuilder UseDashboardFiles(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseDefaultFiles();
        app.UseStaticFiles(new StaticFileOptions
        {
            ContentTypeProvider = new FileExtensionContentTypeProvider(),
            OnPrepareResponse = context =>
            {
                var hashed = context.Context.Request.Path.StartsWithSegments("/assets", StringComparison.Ordinal);
                context.Context.Response.Headers[HeaderNames.CacheControl] = hashed ? "public, max-age=31536000, immutable" : "no-cache";
            },
        });
        return app;
    }

    /// <summary>
    /// Maps the fallback to <c>index.html</c> for dashboard paths asked for by a browser (<c>Accept: text/html</c>); any
    /// other unknown path stays a 404 problem. Needs no token: the page asks for one.
    /// </summary>
    public static RouteHandlerBuilder MapDashboardFallback(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.MapFallback(FallbackPattern, Page).AllowAnonymous().ExcludeFromDescription();
    }

    internal static Results<PhysicalFileHttpResult, NotFound> Page(HttpContext context, IWebHostEnvironment environment)
    {
        var page = environment.WebRootFileProvider.GetFileInfo("index.html");
        var wantsPage = context.Request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase));
        if (!wantsPage || !page.Exists || page.PhysicalPath is null)
        {
            return TypedResults.NotFound();
        }

        context.Response.Headers[HeaderNames.CacheControl] = "no-cache";
        return TypedResults.PhysicalFile(page.PhysicalPath, "text/html; charset=utf-8");
    }
}
