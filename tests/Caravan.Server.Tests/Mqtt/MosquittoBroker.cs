using System.Diagnostics;
using System.Net.Sockets;

namespace Caravan.Server.Tests.Mqtt;

/// <summary>
/// A real Mosquitto (Debian's <c>mosquitto</c>) on a free loopback port with a generated configuration: no anonymous
/// access, a password file with the given users, no persistence on disk, running as the test's user (so it can read
/// its files in the private temp directory). Stopped (its own process only) on dispose.
/// </summary>
public sealed class MosquittoBroker : IAsyncDisposable
{
    private readonly TempDirectory _directory;
    private readonly Process _process;

    private MosquittoBroker(TempDirectory directory, Process process, int port)
    {
        _directory = directory;
        _process = process;
        Port = port;
    }

    public int Port { get; }

    public static async Task<MosquittoBroker> StartAsync(params (string User, string Password)[] users)
    {
        var directory = new TempDirectory();
        var passwords = Path.Combine(directory.Path, "passwords");
        foreach (var (user, password) in users)
        {
            string[] arguments = File.Exists(passwords) ? ["-b", passwords, user, password] : ["-c", "-b", passwords, user, password];
            var (code, output) = await Tool.RunAsync("mosquitto_passwd", arguments);
            Assert.True(code == 0, $"mosquitto_passwd failed: {output}");
        }

        var port = FreePort.Next();
        var config = Path.Combine(directory.Path, "mosquitto.conf");
        await File.WriteAllTextAsync(config, $"""
            listener {port} 127.0.0.1
            user {Environment.UserName}
            allow_anonymous false
            password_file {passwords}
            persistence false
            max_queued_messages 10000
            log_dest stderr
            """);
        var start = new ProcessStartInfo("mosquitto")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(config);
        var process = Process.Start(start) ?? throw new InvalidOperationException("mosquitto did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var broker = new MosquittoBroker(directory, process, port);
        try
        {
            await WaitForPortAsync(port, process);
        }
        catch
        {
            await broker.DisposeAsync();
            throw;
        }

        return broker;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        _directory.Dispose();
    }

    private static async Task WaitForPortAsync(int port, Process process)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            Assert.False(process.HasExited, "mosquitto exited at start.");
            using var client = new TcpClient();
            try
            {
                await client.ConnectAsync("127.0.0.1", port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }

        throw new TimeoutException($"mosquitto did not listen on port {port}.");
    }
}
