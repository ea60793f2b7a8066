using Caravan.Server.Alerts;
using Caravan.Server.Dashboard;
using Caravan.Server.Devices;
using Caravan.Server.Documents;
using Caravan.Server.Errors;
using Caravan.Server.Events;
using Caravan.Server.Health;
using Caravan.Server.Hosting;
using Caravan.Server.Keys;
using Caravan.Server.Live;
using Caravan.Server.Network;
using Caravan.Server.Parties;
using Caravan.Server.Planning;
using Caravan.Server.Progress;
using Caravan.Server.Retention;
using Caravan.Server.Shipments;
using Caravan.Server.Telemetry;
using Caravan.Server.Webhooks;
using Microsoft.Extensions.Configuration.Memory;

namespace Caravan.Server;

/// <summary>
/// Builds the Caravan host: the one composition used by <c>Program</c>, by <c>caravan serve</c> and by the tests,
/// so all three run the same server. Settings given here override appsettings, environment and arguments.
/// </summary>
public static class CaravanServer
{
    private static readonly Dictionary<string, string?> LoggingDefaults = new()
    {
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
    };

    /// <summary>A web application builder with every Caravan service registered.</summary>
    /// <param name="args">Command-line arguments in ASP.NET Core form (<c>--urls</c>, <c>--Caravan:Storage:DataDirectory=DIR</c>).</param>
    /// <param name="settings">Configuration keys to set over every other source, e.g. from CLI flags.</param>
    public static WebApplicationBuilder CreateBuilder(string[] args, IReadOnlyDictionary<string, string?>? settings = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            WebRootPath = DashboardFiles.WebRoot,
        });
        // Defaults below every other source, so Logging__LogLevel__… in the environment or a flag still wins: ASP.NET
        // Core's own messages at Warning (six Information lines per request otherwise; start-up and shutdown lines come
        // from Microsoft.Hosting.Lifetime and stay); everything else keeps the default, Information.
        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = LoggingDefaults });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        builder.Services.AddCaravanStorage();
        builder.Services.AddCaravanIngestion();
        builder.Services.AddCaravanAccess();
        builder.Services.AddCaravanApi();
        builder.Services.AddCaravanAlerts();
        builder.Services.AddCaravanDemo();
        builder.Services.AddCaravanProgress();
        builder.Services.AddCaravanRetention();
        return builder;
    }

    /// <summary>Builds the application and maps its middleware and endpoints.</summary>
    public static WebApplication BuildCaravan(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseDashboardFiles();
        app.UseRouting();
        app.UseDashboardFallback();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseMiddleware<BodySizeLimitMiddleware>();
        app.MapOpenApi().AllowAnonymous();
        app.UseSwaggerUI(ui =>
        {
            ui.RoutePrefix = "docs";
            ui.DocumentTitle = "Caravan API";
            ui.SwaggerEndpoint("/openapi/v1.json", "Caravan API v1");
        });
        app.MapHealthEndpoints();
        app.MapPartyEndpoints();
        app.MapRetentionEndpoints();
        app.MapPlanEndpoints();
        app.MapShipmentEndpoints();
        app.MapDocumentEndpoints();
        app.MapKeyEndpoints();
        app.MapEventEndpoints();
        app.MapDcsaEventEndpoints();
        app.MapDeviceEndpoints();
        app.MapTelemetryEndpoints();
        app.MapNetworkEndpoints();
        app.MapAlertEndpoints();
        app.MapWebhookEndpoints();
        app.MapLiveEndpoints();
        return app;
    }
}
