using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Caravan.Server.Tests;

/// <summary>
/// ASP.NET Core's per-request messages are off by default (six lines a request at Information otherwise); Caravan's
/// own messages and the host's start-up lines stay; configuration still overrides the defaults.
/// </summary>
public sealed class LoggingDefaultsTests
{
    [Fact]
    public async Task Request_logs_are_off_by_default_and_Caravans_own_messages_are_on()
    {
        await using var services = Services(new Dictionary<string, string?>());
        var loggers = services.Services.GetRequiredService<ILoggerFactory>();

        Assert.False(loggers.CreateLogger("Microsoft.AspNetCore.Hosting.Diagnostics").IsEnabled(LogLevel.Information));
        Assert.False(loggers.CreateLogger("Microsoft.AspNetCore.Routing.EndpointMiddleware").IsEnabled(LogLevel.Information));
        Assert.True(loggers.CreateLogger("Microsoft.AspNetCore.Hosting.Diagnostics").IsEnabled(LogLevel.Warning));
        Assert.True(loggers.CreateLogger("Microsoft.Hosting.Lifetime").IsEnabled(LogLevel.Information));
        Assert.True(loggers.CreateLogger("Caravan.Storage.Sqlite.SqliteWriter").IsEnabled(LogLevel.Information));
    }

    [Fact]
    public async Task Configuration_turns_request_logs_back_on()
    {
        await using var services = Services(new Dictionary<string, string?> { ["Logging:LogLevel:Microsoft.AspNetCore"] = "Information" });

        Assert.True(services.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Microsoft.AspNetCore.Hosting.Diagnostics").IsEnabled(LogLevel.Information));
    }

    // The server's own host, built but not started: its logging is what `caravan serve` runs with.
    private static Microsoft.AspNetCore.Builder.WebApplication Services(IReadOnlyDictionary<string, string?> settings) =>
        CaravanServer.CreateBuilder([], settings).Build();
}
