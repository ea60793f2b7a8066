using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Net.Http.Headers;

namespace Caravan.Server.Dashboard;

/// <summary>
/// The web dashboard (web/, built into <c>wwwroot</c>): its static files, and <c>index.html</c> for every other path
/// a browser asks for that is not the API's (<c>/api</c>, <c>/v2</c>, <c>/docs</c>, <c>/openapi</c>, <c>/healthz</c>),
/// so a dashboard address such as <c>/plan</c> can be opened directly while an unknown API path stays a 404 problem.
/// </summary>
public static class DashboardFiles
{
    /// <summary>Paths under these first segments belong to the API (or are files) and never get the dashboard's page.</summary>
    private static readonly PathString[] ApiPaths = ["/api", "/v2", "/docs", "/openapi", "/healthz", "/assets"];

    /// <summary>The directory the build writes the dashboard to, beside the server's assembly.</summary>
    public static string WebRoot => Path.Combine(AppContext.BaseDirectory, "wwwroot");

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
    /// Answers <c>index.html</c> for a browser's GET (<c>Accept: text/html</c>) that no endpoint matched, outside the
    /// API's paths, so a dashboard address such as <c>/plan</c> opens directly; anything else goes on to the 404
    /// problem. A middleware after routing rather than a fallback endpoint: a catch-all endpoint would take part in
    /// endpoint selection (content-type and method policies) for API paths too.
    /// </summary>
    public static IApplicationBuilder UseDashboardFallback(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var page = app.ApplicationServices.GetRequiredService<IWebHostEnvironment>().WebRootFileProvider;
        return app.Use(async (context, next) =>
        {
            if (context.GetEndpoint() is null && WantsPage(context.Request) && page.GetFileInfo("index.html") is { Exists: true } file)
            {
                context.Response.ContentType = "text/html; charset=utf-8";
                context.Response.Headers[HeaderNames.CacheControl] = "no-cache";
                await context.Response.SendFileAsync(file, context.RequestAborted).ConfigureAwait(false);
                return;
            }

            await next(context).ConfigureAwait(false);
        });
    }

    private static bool WantsPage(HttpRequest request) =>
        (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
        && !ApiPaths.Any(p => request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase))
        && !Path.HasExtension(request.Path.Value)
        && request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase));
}
