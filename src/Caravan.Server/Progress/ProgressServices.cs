using Caravan.Server.Hosting;
using Caravan.Storage;
using Caravan.Storage.Sqlite;
using Microsoft.Extensions.Options;

namespace Caravan.Server.Progress;

/// <summary>Registers the progress worker, its options, its state store and the telematics key.</summary>
public static class ProgressServices
{
    /// <summary>
    /// The progress worker and what it needs; call after <see cref="CaravanServices.AddCaravanApi"/>, whose start-up
    /// creates party <c>caravan</c> to which the worker registers its key (hosted services start in registration order).
    /// </summary>
    public static IServiceCollection AddCaravanProgress(this IServiceCollection services)
    {
        services.AddOptions<ProgressOptions>()
            .BindConfiguration(ProgressOptions.SectionName)
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<ProgressOptions>>(new OptionsProblems<ProgressOptions>(o => o.Problems()));
        services.AddSingleton<IProgressStore, SqliteProgressStore>();
        services.AddSingleton<TelematicsKey>();
        services.AddSingleton<ProgressWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<ProgressWorker>());
        return services;
    }
}
