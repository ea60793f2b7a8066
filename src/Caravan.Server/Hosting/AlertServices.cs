using Caravan.Server.Alerts;
using Caravan.Server.Live;
using Caravan.Server.Progress;
using Caravan.Server.Webhooks;
using Microsoft.Extensions.Options;

namespace Caravan.Server.Hosting;

/// <summary>Registers alerts, webhooks and the live feed: their options, stores, the rules' monitor, the dispatcher and the hub.</summary>
public static class AlertServices
{
    /// <summary>
    /// The alert rules (<see cref="AlertMonitor"/>), the <see cref="AlertRaiser"/>, the webhook outbox's
    /// <see cref="WebhookDispatcher"/> and the live feed's <see cref="LiveHub"/> with its <see cref="LiveFollower"/>.
    /// Call after <see cref="CaravanServices.AddCaravanStorage"/>: the followers start after the database is migrated.
    /// </summary>
    public static IServiceCollection AddCaravanAlerts(this IServiceCollection services)
    {
        services.AddOptions<AlertOptions>().BindConfiguration(AlertOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AlertOptions>>(new OptionsProblems<AlertOptions>(o => o.Problems()));
        services.AddOptions<WebhookOptions>().BindConfiguration(WebhookOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<WebhookOptions>>(new OptionsProblems<WebhookOptions>(o => o.Problems()));
        services.AddOptions<LiveOptions>().BindConfiguration(LiveOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<LiveOptions>>(new OptionsProblems<LiveOptions>(o => o.Problems()));

        services.AddSingleton<LiveHub>();
        services.AddSingleton<LivePositions>();
        services.AddSingleton<WebhookDispatcher>();
        services.AddSingleton<AlertRaiser>();
        services.AddSingleton<AlertMonitor>();
        services.AddHostedService(sp => sp.GetRequiredService<WebhookDispatcher>());
        services.AddHostedService(sp => sp.GetRequiredService<AlertMonitor>());
        services.AddHostedService<LiveFollower>();
        services.AddSingleton<ProgressAlerts>();
        services.AddSingleton<IProgressListener>(sp => sp.GetRequiredService<ProgressAlerts>());
        services.AddHostedService(sp => sp.GetRequiredService<ProgressAlerts>());
        return services;
    }
}
