using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;

namespace Caravan.Load;

/// <summary>A <c>caravan serve</c> started for one load run on a free loopback port and a temporary data directory.</summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _dataDirectory;

    private ServerProcess(Process process, Uri url, string adminToken, string dataDirectory)
    {
        _process = process;
        Url = url;
        AdminToken = adminToken;
        _dataDirectory = dataDirectory;
    }

    public Uri Url { get; }

    public string AdminToken { get; }

    /// <summary>The server's process id (<c>dotnet caravan.dll</c> runs the server in its own process), for its memory in /proc.</summary>
    public int ProcessId => _process.Id;

    /// <summary>Starts the server; <paramref name="serveArguments"/> are added to <c>caravan serve</c>'s own (the port, the data directory).</summary>
    public static async Task<ServerProcess> StartAsync(string? caravanDll, CancellationToken cancellationToken, params string[] serveArguments)
    {
        var dll = caravanDll ?? FindCaravanDll();
        var port = FreePort();
        var url = new Uri($"http://127.0.0.1:{port}");
        var data = Directory.CreateTempSubdirectory("caravan-load-").FullName;
        var admin = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var start = new ProcessStartInfo("dotnet");
        foreach (var arg in new[] { dll, "serve", "--urls", url.ToString().TrimEnd('/'), "--data", data }.Concat(serveArguments))
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["Caravan__AdminToken"] = admin;
        start.Environment["Logging__LogLevel__Default"] = "Warning";

        // Configuration files are not reloaded while a run lasts; watching them costs a thread's CPU.
        start.Environment["DOTNET_hostBuilder__reloadConfigOnChange"] = "false";
        var process = StartChild(start, "serve");
        var server = new ServerProcess(process, url, admin, data);
        using var http = new HttpClient { BaseAddress = url };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"caravan serve exited with {process.ExitCode} before answering /healthz");
            }

            try
            {
                using var health = await http.GetAsync(new Uri("/healthz", UriKind.Relative), cancellationToken);
                if (health.IsSuccessStatusCode)
                {
                    return server;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(200, cancellationToken);
        }

        await server.DisposeAsync();
        throw new InvalidOperationException("caravan serve did not answer /healthz within 60 s");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        Directory.Delete(_dataDirectory, recursive: true);
    }

    /// <summary>Starts a process of the run, its standard error shown with <paramref name="prefix"/>, its output discarded.</summary>
    public static Process StartChild(ProcessStartInfo start, string prefix)
    {
        ArgumentNullException.ThrowIfNull(start);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {start.FileName}");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                Console.Error.WriteLine($"{prefix}: {e.Data}");
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>A loopback port free at the moment of asking.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string FindCaravanDll()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "src", "Caravan.Cli", "bin", "Release", "net10.0", "caravan.dll");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new ArgumentException("no Release build of the CLI found; run 'dotnet build -c Release src/Caravan.Cli' or pass --caravan PATH");
    }
}
