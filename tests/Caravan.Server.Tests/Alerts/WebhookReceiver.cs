using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Caravan.Server.Tests.Alerts;

/// <summary>
/// A real HTTP receiver on a free loopback port (Kestrel) that records every request it gets and answers 500 to the
/// first <see cref="FailFirst"/>, then 204.
/// </summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _count;

    private WebhookReceiver(WebApplication app, int failFirst)
    {
        _app = app;
        FailFirst = failFirst;
    }

    /// <summary>How many requests, from the first, are answered 500.</summary>
    public int FailFirst { get; set; }

    public Uri Url { get; private set; } = null!;

    public ConcurrentQueue<(IReadOnlyDictionary<string, string> Headers, byte[] Body, int Answer)> Received { get; } = new();

    public static async Task<WebhookReceiver> StartAsync(int failFirst)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new WebhookReceiver(app, failFirst);
        app.MapPost("/hook", receiver.ReceiveAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver.Url = new Uri(address + "/hook");
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task ReceiveAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer);
        var answer = Interlocked.Increment(ref _count) <= FailFirst ? StatusCodes.Status500InternalServerError : StatusCodes.Status204NoContent;
        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        Received.Enqueue((headers, buffer.ToArray(), answer));
        context.Response.StatusCode = answer;
    }
}
