using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Caravan.Server.Tests;

/// <summary>
/// The real server in-process on a SQLite file in <see cref="DataDirectory"/>, with a known admin token and a fake clock;
/// <paramref name="services"/> may add services (a listener to observe).
/// </summary>
public sealed class CaravanFactory(string dataDirectory, IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    : WebApplicationFactory<Program>
{
    public const string AdminToken = "test-admin-token-0123456789abcdef";

    public string DataDirectory { get; } = dataDirectory;

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Caravan:Storage:DataDirectory", DataDirectory);
        builder.UseSetting("Caravan:AdminToken", AdminToken);

        // No test listens on 1883: suites run in parallel. MQTT tests turn the broker on with a free port.
        builder.UseSetting("Caravan:Mqtt:Mode", "Off");

        // Nor does the retention worker run on its own: tests move the clock by weeks, and its hourly pass would thin
        // their readings mid-test. Retention tests run passes themselves, or turn it on.
        builder.UseSetting("Caravan:Retention:Enabled", "false");

        // Nor is the network loaded ahead of use: most tests never plan, and dozens of servers start in one run.
        builder.UseSetting("Caravan:Server:PreparePlannerOnStart", "false");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(s =>
        {
            s.AddSingleton<TimeProvider>(Clock);
            services?.Invoke(s);
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        SqliteConnection.ClearAllPools();
    }
}
