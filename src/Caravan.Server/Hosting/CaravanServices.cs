using System.Text.Json;
using System.Text.Json.Serialization;
using Caravan.Core.Telemetry;
using Caravan.Server.Access;
using Caravan.Server.Demo;
using Caravan.Server.Errors;
using Caravan.Server.Events;
using Caravan.Server.Keys;
using Caravan.Server.Mqtt;
using Caravan.Server.Telemetry;
using Caravan.Storage;
using Caravan.Storage.Sqlite;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Caravan.Server.Hosting;

/// <summary>Registers Caravan's services by concern: storage, access, and the HTTP API.</summary>
public static class CaravanServices
{
    /// <summary>The SQLite database, its single writer, the stores, and the start-up that migrates and starts them.</summary>
    public static IServiceCollection AddCaravanStorage(this IServiceCollection services)
    {
        services.AddOptions<StorageOptions>()
            .BindConfiguration(StorageOptions.SectionName)
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<StorageOptions>>(new OptionsProblems<StorageOptions>(o => o.Problems()));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new SqliteDatabase(sp.GetRequiredService<IOptions<StorageOptions>>().Value));
        services.AddSingleton(sp => new SqliteWriter(
            sp.GetRequiredService<SqliteDatabase>(),
            sp.GetRequiredService<IOptions<StorageOptions>>().Value,
            sp.GetRequiredService<ILogger<SqliteWriter>>()));
        services.AddSingleton<IPartyStore, SqlitePartyStore>();
        services.AddSingleton<IAccessTokenStore, SqliteAccessTokenStore>();
        services.AddSingleton<IShipmentStore, SqliteShipmentStore>();
        services.AddSingleton<IDocumentStore, SqliteDocumentStore>();
        services.AddSingleton<IPartyKeyStore, SqlitePartyKeyStore>();
        services.AddSingleton<IEventStore, SqliteEventStore>();
        services.AddSingleton<IDeviceStore, SqliteDeviceStore>();
        services.AddSingleton<IReadingStore, SqliteReadingStore>();
        services.AddSingleton<IAlertStore, SqliteAlertStore>();
        services.AddSingleton<IWebhookStore, SqliteWebhookStore>();
        services.AddSingleton(sp => new ReadingValidator(sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IngestionMetrics>();
        services.AddSingleton<StoredReadingsFeed>();
        services.AddHostedService<StorageStartup>();
        return services;
    }

    /// <summary>Bearer-token authentication, the admin and party policies, and problem-details 401/403 responses.</summary>
    public static IServiceCollection AddCaravanAccess(this IServiceCollection services)
    {
        services.AddOptions<AccessOptions>()
            .BindConfiguration(AccessOptions.SectionName)
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<AccessOptions>>(new OptionsProblems<AccessOptions>(o => o.Problems()));
        services.AddAuthentication(BearerAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, BearerAuthenticationHandler>(BearerAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(AccessPolicies.Admin, p => p.RequireAuthenticatedUser().AddRequirements(new CallerRequirement(CallerKind.Admin)))
            .AddPolicy(AccessPolicies.Party, p => p.RequireAuthenticatedUser().AddRequirements(new CallerRequirement(CallerKind.Party)))
            .AddPolicy(AccessPolicies.Any, p => p.RequireAuthenticatedUser());
        services.AddSingleton<IAuthorizationHandler, CallerRequirementHandler>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, ProblemAuthorizationResultHandler>();
        services.AddSingleton<ShipmentAccess>();
        return services;
    }

    /// <summary>Problem details for every error, JSON rules, body limits, OpenAPI and the corridor network.</summary>
    public static IServiceCollection AddCaravanApi(this IServiceCollection services)
    {
        services.AddOptions<ServerOptions>()
            .BindConfiguration(ServerOptions.SectionName)
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<ServerOptions>>(new OptionsProblems<ServerOptions>(o => o.Problems()));
        // Ahead of ASP.NET Core's own writer, which declines clients that do not accept JSON: every error is problem+json.
        services.AddSingleton<IProblemDetailsWriter, ProblemJsonWriter>();
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ProblemDetailsDefaults.Customize);
        services.AddExceptionHandler<ApiExceptionHandler>();
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
            o.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        });
        services.Configure<FormOptions>(o => o.MultipartBodyLengthLimit = long.MaxValue);
        services.AddOpenApi(o => o.AddDocumentTransformer<BearerSecurityTransformer>());
        services.AddSingleton<CorridorNetworkProvider>();
        services.AddHostedService<PlannerWarmup>();
        services.AddSingleton<PlatformKeys>();
        services.AddSingleton<ChainEntryFeed>();
        services.AddSingleton<ChainTips>();
        services.AddSingleton<EventRecorder>();
        services.AddSingleton<ChainAudit>();
        services.AddSingleton<ShipmentStatuses>();
        services.AddHostedService<RecordStartup>();
        return services;
    }

    /// <summary>
    /// Telemetry ingestion: the pipeline every path writes through, and MQTT (the embedded broker or the subscriber to
    /// an external one). Call after <see cref="AddCaravanStorage"/>: hosted services stop in reverse order, so MQTT
    /// stops taking messages first, then the pipeline writes what it accepted, then the writer closes.
    /// </summary>
    public static IServiceCollection AddCaravanIngestion(this IServiceCollection services)
    {
        services.AddOptions<IngestionOptions>()
            .BindConfiguration(IngestionOptions.SectionName)
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<IngestionOptions>>(new OptionsProblems<IngestionOptions>(o => o.Problems()));
        services.AddOptions<MqttOptions>()
            .BindConfiguration(MqttOptions.SectionName)
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<MqttOptions>>(new OptionsProblems<MqttOptions>(o => o.Problems()));
        services.AddSingleton<ReadingPipeline>();
        services.AddHostedService(sp => sp.GetRequiredService<ReadingPipeline>());
        services.AddSingleton<TelemetryIntake>();
        services.AddSingleton<EmbeddedMqttBroker>();
        services.AddHostedService(sp => sp.GetRequiredService<EmbeddedMqttBroker>());
        services.AddSingleton<ExternalMqttSubscriber>();
        services.AddHostedService(sp => sp.GetRequiredService<ExternalMqttSubscriber>());
        return services;
    }

    /// <summary>
    /// The demo: its options and the seeder, which runs after <see cref="AddCaravanStorage"/>'s start-up has migrated
    /// the database (hosted services start in registration order, so call this after it).
    /// </summary>
    public static IServiceCollection AddCaravanDemo(this IServiceCollection services)
    {
        services.AddOptions<DemoOptions>()
            .BindConfiguration(DemoOptions.SectionName)
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<DemoOptions>>(new OptionsProblems<DemoOptions>(o => o.Problems()));
        services.AddSingleton<DemoSeeder>();
        services.AddHostedService(sp => sp.GetRequiredService<DemoSeeder>());

        // The demo's moving trackers start after the seeder (registration order), so the demo forwarder exists.
        services.AddOptions<DemoTrackerOptions>().BindConfiguration(DemoTrackerOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DemoTrackerOptions>>(new OptionsProblems<DemoTrackerOptions>(o => o.Problems()));
        services.AddSingleton<DemoTrackers>();
        services.AddHostedService(sp => sp.GetRequiredService<DemoTrackers>());
        return services;
    }
}
