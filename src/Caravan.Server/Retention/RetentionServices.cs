using Caravan.Server.Hosting;
using Caravan.Storage;
using Caravan.Storage.Sqlite;
using Microsoft.Extensions.Options;

namespace Caravan.Server.Retention;

/// <summary>Registers retention: its options, its store and the worker that applies it.</summary>
public static class RetentionServices
{
    /// <summary>The retention worker and what it needs; call after <see cref="CaravanServices.AddCaravanStorage"/> (the worker writes through its writer).</summary>
    public static IServiceCollection AddCaravanRetention(this IServiceCollection services)
    {
        services.AddOptions<RetentionOptions>()
            .BindConfiguration(RetentionOptions.SectionName)
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<RetentionOptions>>(new OptionsProblems<RetentionOptions>(o => o.Problems()));
        services.AddSingleton<IRetentionStore, SqliteRetentionStore>();
        services.AddSingleton<RetentionWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<RetentionWorker>());
        return services;
    }
}
