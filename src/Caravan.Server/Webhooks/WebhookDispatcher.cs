using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Threading.Channels;
using Caravan.Storage;
using Microsoft.Extensions.Options;

namespace Caravan.Server.Webhooks;

/// <summary>
/// Delivers the webhook outbox: posts each due delivery, signed (<see cref="WebhookSignature"/>), and records the
/// attempt — delivered on a 2xx, otherwise retried with exponential back-off (<see cref="WebhookOptions"/>) until given
/// up. The outbox is in the database, so deliveries pending at a stop are made after the next start. Woken by
/// <see cref="Wake"/> when a delivery is queued, and by the clock when a retry falls due.
/// Unless <see cref="WebhookOptions.AllowPrivateAddresses"/>, a delivery whose receiver's host is or resolves to an
/// address that is not public is refused and not made (failed at once, its reason in the log): checked before each
/// attempt, and again on the addresses each connection is made to, so a name that resolves elsewhere by then (DNS
/// rebinding) or a redirect reaches no private address either.
/// </summary>
public sealed class WebhookDispatcher(
    IWebhookStore store,
    IOptions<WebhookOptions> options,
    TimeProvider clock,
    ILogger<WebhookDispatcher> logger) : BackgroundService
{
    private const int BatchSize = 32;

    private readonly HttpClient _client = CreateClient(options.Value.AllowPrivateAddresses);

    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    /// <summary>Looks at the outbox now: a delivery was queued.</summary>
    public void Wake() => _wake.Writer.TryWrite(true);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var due = await store.DueAsync(clock.GetUtcNow(), BatchSize, stoppingToken).ConfigureAwait(false);
                foreach (var delivery in due)
                {
                    await AttemptAsync(delivery, settings, stoppingToken).ConfigureAwait(false);
                }

                if (due.Count == BatchSize)
                {
                    continue;
                }

                var next = await store.NextAttemptAtAsync(stoppingToken).ConfigureAwait(false);
                var wait = next is { } at ? at - clock.GetUtcNow() : Timeout.InfiniteTimeSpan;
                if (next is null || wait > TimeSpan.Zero)
                {
                    await WaitAsync(wait, stoppingToken).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // The store failed (the disk, the database): log it and look again on the next wake or retry.
                Log.WebhookOutboxFailed(logger, e);
                await WaitAsync(settings.FirstRetryDelay, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    private async Task WaitAsync(TimeSpan wait, CancellationToken stoppingToken)
    {
        using var waking = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var woken = _wake.Reader.WaitToReadAsync(waking.Token).AsTask();
        var delay = Task.Delay(wait, clock, waking.Token);
        await Task.WhenAny(woken, delay).ConfigureAwait(false);
        await waking.CancelAsync().ConfigureAwait(false);
        _wake.Reader.TryRead(out _);
        stoppingToken.ThrowIfCancellationRequested();
    }

    public override void Dispose()
    {
        _client.Dispose();
        base.Dispose();
    }

    private static HttpClient CreateClient(bool allowPrivateAddresses)
    {
        var handler = new SocketsHttpHandler
        {
            // Connections are renewed, so a receiver that moves is reached at its new address, checked again.
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            ConnectCallback = allowPrivateAddresses ? null : ConnectToPublicAsync,
        };
        var client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        client.DefaultRequestHeaders.UserAgent.ParseAdd("Caravan-Webhooks/1");
        return client;
    }

    /// <summary>
    /// Resolves the host once and connects only to those addresses, after checking them: the check and the connection
    /// see the same addresses. A connection to a proxy the operator configured is not checked (the proxy reaches the
    /// receiver, whose host was checked before the attempt).
    /// </summary>
    private static async ValueTask<Stream> ConnectToPublicAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var target = context.DnsEndPoint;
        var addresses = await WebhookAddresses.ResolveAsync(target.Host, cancellationToken).ConfigureAwait(false);
        var toReceiver = string.Equals(target.Host, context.InitialRequestMessage.RequestUri?.IdnHost, StringComparison.OrdinalIgnoreCase);
        if (toReceiver && WebhookAddresses.Refusal(target.Host, addresses) is { } refusal)
        {
            throw new WebhookRefusedException(refusal);
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, target.Port, cancellationToken).ConfigureAwait(false);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private async Task AttemptAsync(DueDelivery delivery, WebhookOptions settings, CancellationToken stoppingToken)
    {
        if (!settings.AllowPrivateAddresses && await WebhookAddresses.RefusalAsync(delivery.Url, stoppingToken).ConfigureAwait(false) is { } refusal)
        {
            await RefuseAsync(delivery, refusal).ConfigureAwait(false);
            return;
        }

        int? status = null;
        string? error = null;
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, delivery.Url) { Content = new ByteArrayContent(delivery.Body) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            request.Headers.Add(WebhookSignature.Header, WebhookSignature.Sign(delivery.Secret, delivery.Body));
            request.Headers.Add(WebhookSignature.EventHeader, delivery.Event);
            request.Headers.Add(WebhookSignature.DeliveryHeader, delivery.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            timeout.CancelAfter(settings.RequestTimeout);
            using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            status = (int)response.StatusCode;
            error = response.IsSuccessStatusCode ? null : $"The receiver answered {status}.";
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            error = $"No answer within {settings.RequestTimeout.TotalSeconds:0} seconds.";
        }
        catch (HttpRequestException e) when (e.InnerException is WebhookRefusedException refused)
        {
            await RefuseAsync(delivery, refused.Message).ConfigureAwait(false);
            return;
        }
        catch (HttpRequestException e)
        {
            error = e.Message;
        }

        var now = clock.GetUtcNow();
        var attempts = delivery.Attempts + 1;
        var delivered = error is null;
        DateTimeOffset? retryAt = delivered || attempts >= settings.MaxAttempts ? null : now + settings.RetryDelay(attempts);
        await store.RecordAttemptAsync(delivery.Id, now, delivered, status, error, retryAt, CancellationToken.None).ConfigureAwait(false);
        if (delivered)
        {
            Log.WebhookDelivered(logger, delivery.Id, delivery.WebhookId, delivery.Event, attempts);
        }
        else if (retryAt is { } at)
        {
            Log.WebhookRetrying(logger, delivery.Id, delivery.WebhookId, attempts, error!, at);
        }
        else
        {
            Log.WebhookGivenUp(logger, delivery.Id, delivery.WebhookId, attempts, error!);
        }
    }

    /// <summary>Records a delivery that was not made because of where it would go: failed at once, since retrying would only be refused again.</summary>
    private async Task RefuseAsync(DueDelivery delivery, string reason)
    {
        var error = "Refused, not sent: " + reason;
        await store.RecordAttemptAsync(delivery.Id, clock.GetUtcNow(), false, null, error, null, CancellationToken.None).ConfigureAwait(false);
        Log.WebhookRefused(logger, delivery.Id, delivery.WebhookId, reason);
    }
}
