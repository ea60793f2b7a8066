using System.Net;
using System.Net.Sockets;
using MQTTnet.Adapter;
using MQTTnet.Diagnostics.Logger;
using MQTTnet.Formatter;
using MQTTnet.Implementations;
using MQTTnet.Server;

namespace Caravan.Server.Mqtt;

/// <summary>
/// The embedded broker's TCP listener: MQTTnet's own, less what Caravan does not use (TLS, dual-stack), plus a
/// <see cref="PacketLimitStream"/> on every connection so an oversized packet closes it before it is buffered.
/// </summary>
internal sealed class LimitedTcpServerAdapter(IPEndPoint endpoint, int maxPacketBytes, Action<long, string> tooLarge) : IMqttServerAdapter
{
    private readonly CancellationTokenSource _stop = new();
    private Socket? _listener;
    private MqttServerOptions? _options;
    private IMqttNetLogger? _logger;

    public Func<IMqttChannelAdapter, Task>? ClientHandler { get; set; }

    /// <summary>The port listened on (the one the OS chose when the endpoint's port was 0).</summary>
    public int Port => (_listener?.LocalEndPoint as IPEndPoint)?.Port ?? endpoint.Port;

    public Task StartAsync(MqttServerOptions options, IMqttNetLogger logger)
    {
        _options = options;
        _logger = logger;
        var listener = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            listener.Bind(endpoint);
            listener.Listen(1024);
        }
        catch
        {
            listener.Dispose();
            throw;
        }

        _listener = listener;
        _ = Task.Run(AcceptAsync);
        return Task.CompletedTask;
    }

    public Task StopAsync()
    {
        Stop();
        return Task.CompletedTask;
    }

    /// <summary>Stops listening; connections already accepted end with the broker's. Safe to call more than once.</summary>
    public void Dispose() => Stop();

    private void Stop()
    {
        _stop.Cancel();
        _listener?.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await _listener!.AcceptAsync(_stop.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException)
            {
                return;
            }
            catch (SocketException)
            {
                continue;
            }

            _ = Task.Run(() => HandleAsync(client));
        }
    }

    private async Task HandleAsync(Socket socket)
    {
        var remote = socket.RemoteEndPoint;
        var name = remote?.ToString() ?? "?";
        try
        {
            socket.NoDelay = true;
            var limit = maxPacketBytes - 5; // the fixed header is at most 5 bytes; the limit counts the whole packet
            await using var stream = new PacketLimitStream(new NetworkStream(socket, ownsSocket: true), limit, length => tooLarge(length + 2, name));
            using var channel = new MqttTcpChannel(stream, socket.LocalEndPoint, remote, null);
            var formatter = new MqttPacketFormatterAdapter(new MqttBufferWriter(_options!.WriterBufferSize, _options.WriterBufferSizeMax));
            using var adapter = new MqttChannelAdapter(channel, formatter, _logger!);
            if (ClientHandler is { } handler)
            {
                await handler(adapter).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
        {
            // The connection ended; MQTTnet has already logged what it saw of it.
        }
        finally
        {
            socket.Dispose();
        }
    }
}
