using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Caravan.Cli.Commands;

namespace Caravan.Cli.Simulation;

/// <summary>
/// The few calls of the Caravan HTTP API that <c>caravan simulate</c> makes, as a party or as a device. Any answer
/// other than the expected one becomes a <see cref="SimulationFailure"/> naming the call and the server's reason.
/// </summary>
public sealed class CaravanApi(HttpClient http) : IDisposable
{
    /// <summary>JSON as the API writes it: camelCase, enums as strings, nulls left out.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    public Uri BaseAddress => http.BaseAddress!;

    public static CaravanApi Create(Uri server, string partyToken)
    {
        var http = new HttpClient { BaseAddress = server, Timeout = TimeSpan.FromSeconds(60) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", partyToken);
        return new CaravanApi(http);
    }

    /// <summary>Sends a request with the party's token (or <paramref name="bearer"/>) and answers the JSON body of a success.</summary>
    public async Task<JsonNode?> SendAsync(string what, HttpMethod method, string path, object? body, CancellationToken cancellationToken, string? bearer = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (body is not null)
        {
            request.Content = body as HttpContent ?? JsonContent.Create(body, options: Json);
        }

        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        HttpResponseMessage response;
        string text;
        try
        {
            response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new SimulationFailure(EventPostCommand.Unreachable, $"cannot reach {http.BaseAddress}: {e.Message}");
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                var reason = response.StatusCode == HttpStatusCode.Unauthorized && bearer is null
                    ? $"the server refused the party token: {ProblemText.OneLine(text)}"
                    : $"{what}: {(int)response.StatusCode} {ProblemText.OneLine(text)}";
                throw new SimulationFailure(EventPostCommand.Refused, reason);
            }

            return text.Length == 0 ? null : JsonNode.Parse(text);
        }
    }

    public void Dispose() => http.Dispose();
}
