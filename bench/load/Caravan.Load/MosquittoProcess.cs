using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;

namespace Caravan.Load;

/// <summary>
/// Plain Mosquitto for a baseline: started on a free loopback port with a temporary configuration (anonymous, no
/// persistence, no limit on in-flight or queued messages, so the one subscriber never makes it drop), stopped and
/// its directory deleted afterwards.
/// </summary>
public sealed class MosquittoProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _directory;

    private MosquittoProcess(Process process, int port, string version, string directory)
    {
        _process = process;
        Port = port;
        Version = version;
        _directory = directory;
    }

    public int Port { get; }

    /// <summary>The broker's version, as <c>mosquitto -h</c> prints it.</summary>
    public string Version { get; }

    public int ProcessId => _process.Id;

    public static async Task<MosquittoProcess> StartAsync(string executable, CancellationToken cancellationToken)
    {
        if (!File.Exists(executable))
        {
            throw new ArgumentException($"no Mosquitto at {executable} (apt-get install mosquitto), or pass --mosquitto PATH, or --no-mosquitto");
        }

        var version = await VersionAsync(executable, cancellationToken);
        var port = ServerProcess.FreePort();
        var directory = Directory.CreateTempSubdirectory("caravan-load-mosquitto-").FullName;
        var config = Path.Combine(directory, "mosquitto.conf");
        await File.WriteAllLinesAsync(
            config,
            [
                string.Create(CultureInfo.InvariantCulture, $"listener {port} 127.0.0.1"),
                "allow_anonymous true",
                "persistence false",
                "max_inflight_messages 0",
                "max_queued_messages 0",
                "log_dest stderr",
                "log_type error",
                "log_type warning",
            ],
            cancellationToken);
        var start = new ProcessStartInfo(executable);
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(config);
        var process = ServerProcess.StartChild(start, "mosquitto");
        var broker = new MosquittoProcess(process, port, version, directory);
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromSeconds(10))
        {
            if (process.HasExited)
            {
                await broker.DisposeAsync();
                throw new InvalidOperationException($"mosquitto exited with {process.ExitCode} before listening on port {port}");
            }

            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync("127.0.0.1", port, cancellationToken);
                return broker;
            }
            catch (SocketException)
            {
                await Task.Delay(100, cancellationToken);
            }
        }

        await broker.DisposeAsync();
        throw new InvalidOperationException($"mosquitto did not listen on port {port} within 10 s");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    private static async Task<string> VersionAsync(string executable, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(executable, "-h") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        using var help = Process.Start(start) ?? throw new InvalidOperationException($"could not start {executable}");
        var text = await help.StandardOutput.ReadToEndAsync(cancellationToken) + await help.StandardError.ReadToEndAsync(cancellationToken);
        await help.WaitForExitAsync(cancellationToken);
        var first = text.Split('\n').FirstOrDefault(l => l.Contains("version", StringComparison.OrdinalIgnoreCase)) ?? string.Empty;
        return first.Split(' ', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? "?";
    }
}
