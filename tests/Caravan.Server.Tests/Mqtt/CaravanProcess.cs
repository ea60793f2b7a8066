using System.Diagnostics;
using System.Globalization;

namespace Caravan.Server.Tests.Mqtt;

/// <summary>
/// The built <c>caravan serve</c> as a separate process on free ports and a data directory, as an operator runs it;
/// <see cref="Kill"/> sends it SIGKILL, which gives it no chance to flush anything.
/// </summary>
public sealed class CaravanProcess : IAsyncDisposable
{
    private readonly Process _process;

    private CaravanProcess(Process process, int httpPort, int mqttPort)
    {
        _process = process;
        HttpPort = httpPort;
        MqttPort = mqttPort;
    }

    public int HttpPort { get; }

    public int MqttPort { get; }

    public Uri BaseAddress => new($"http://127.0.0.1:{HttpPort.ToString(CultureInfo.InvariantCulture)}");

    public static async Task<CaravanProcess> StartAsync(string dataDirectory, string adminToken)
    {
        var httpPort = FreePort.Next();
        var mqttPort = FreePort.Next();
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { CliPath(), "serve", "--urls", $"http://127.0.0.1:{httpPort}", "--data", dataDirectory, "--mqtt-port", mqttPort.ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["Caravan__AdminToken"] = adminToken;
        start.Environment["Logging__LogLevel__Default"] = "Warning";

        // The retention worker's first pass at start-up would thin readings older than 30 days, which some tests send.
        start.Environment["Caravan__Retention__Enabled"] = "false";
        var process = Process.Start(start) ?? throw new InvalidOperationException("caravan serve did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new CaravanProcess(process, httpPort, mqttPort);
        using var client = new HttpClient { BaseAddress = server.BaseAddress };
        for (var attempt = 0; attempt < 300; attempt++)
        {
            Assert.False(process.HasExited, "caravan serve exited at start.");
            try
            {
                if ((await client.GetAsync("/healthz")).IsSuccessStatusCode)
                {
                    return server;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        await server.DisposeAsync();
        throw new TimeoutException("caravan serve did not answer /healthz within 30 s.");
    }

    /// <summary>SIGKILL, then waits for the process to be gone.</summary>
    public void Kill()
    {
        _process.Kill();
        _process.WaitForExit();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    /// <summary>The CLI built beside this test assembly's configuration (the test project builds it first).</summary>
    private static string CliPath()
    {
        var testDirectory = new DirectoryInfo(AppContext.BaseDirectory);
        var framework = testDirectory.Name;
        var configuration = testDirectory.Parent!.Name;
        var root = testDirectory;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Caravan.slnx")))
        {
            root = root.Parent;
        }

        Assert.NotNull(root);
        var path = Path.Combine(root.FullName, "src", "Caravan.Cli", "bin", configuration, framework, "caravan.dll");
        Assert.True(File.Exists(path), $"The CLI is not built at {path}.");
        return path;
    }
}
