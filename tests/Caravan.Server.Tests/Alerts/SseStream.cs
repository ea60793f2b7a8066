using System.Net;
using System.Text.Json.Nodes;

namespace Caravan.Server.Tests.Alerts;

/// <summary>A server-sent events stream read over HTTP line by line: events with their data as JSON, and comments.</summary>
internal sealed class SseStream : IDisposable
{
    private readonly HttpResponseMessage _response;
    private readonly StreamReader _reader;

    private SseStream(HttpResponseMessage response, StreamReader reader)
    {
        _response = response;
        _reader = reader;
    }

    /// <summary>Opens <paramref name="path"/> and reads up to the opening comment, after which the stream misses nothing.</summary>
    public static async Task<SseStream> OpenAsync(HttpClient client, string path)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var response = await client.GetAsync(path, HttpCompletionOption.ResponseHeadersRead, limit.Token);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            Assert.Fail($"GET {path}: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        var stream = new SseStream(response, new StreamReader(await response.Content.ReadAsStreamAsync()));
        Assert.Equal(": caravan live feed", await stream.NextCommentAsync());
        return stream;
    }

    /// <summary>The next event (comments skipped): its name and its data.</summary>
    public async Task<(string Event, JsonNode Data)> NextAsync()
    {
        string? name = null;
        string? data = null;
        while (await LineAsync() is { } line)
        {
            if (line.Length == 0 && name is not null)
            {
                return (name, JsonNode.Parse(data!)!);
            }

            if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                name = line[7..];
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                data = line[6..];
            }
        }

        throw new EndOfStreamException("The stream ended.");
    }

    /// <summary>The next comment line, without its colon; events before it are a failure.</summary>
    public async Task<string> NextCommentAsync()
    {
        while (await LineAsync() is { } line)
        {
            if (line.StartsWith(':'))
            {
                return line;
            }

            Assert.True(line.Length == 0, $"Expected a comment, read '{line}'.");
        }

        throw new EndOfStreamException("The stream ended.");
    }

    public void Dispose()
    {
        _reader.Dispose();
        _response.Dispose();
    }

    private async Task<string?> LineAsync()
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        return await _reader.ReadLineAsync(limit.Token);
    }
}
