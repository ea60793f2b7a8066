using System.Net.Http.Headers;
using System.Threading.Channels;
using Caravan.Storage;
using Microsoft.Extensions.Options;

namespace Caravan.Server.Webhooks;

/// <summary>
/// Delivers the webhook outbox: posts each due delivery, signed (<see cref="WebhookSignature"/>), and records the
/// attempt — delivered on a 2xx, otherwise retried with exponential back-off (<see cref="WebhookOptions"/>) until given
/// up. The outbox is in the database, so deliveries pending at a stop are made after the next start. Woken by
/// <see cref="Wake"/> when a delivery is queued, and by the clock when a retry falls due.
/// </summary>
public sealed class WebhookDispatcher(
    IWebhookStore store,
    IHttpClientFactory clients,
    IOptions<WebhookOptions> options,
    TimeProvider clock,
    ILogger<WebhookDispatcher> logger) : BackgroundService
{
    /// <summary>The name of the HTTP client deliveries are posted with.</summary>
    public const string ClientName = "caravan-webhooks";

    private const int BatchSize = 32;

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

    private async Task AttemptAsync(DueDelivery delivery, WebhookOptions settings, CancellationToken stoppingToken)
    {
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
            using var client = clients.CreateClient(ClientName);
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            status = (int)response.StatusCode;
            error = response.IsSuccessStatusCode ? null : $"The receiver answered {status}.";
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            error = $"No answer within {settings.RequestTimeout.TotalSeconds:0} seconds.";
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
}
