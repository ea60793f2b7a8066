using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Caravan.Server.Tests.Errors;

/// <summary>
/// Every error is application/problem+json with the same fields whatever the client accepts: a browser or curl asking
/// for HTML, text, XML or an image gets the answer a JSON client gets, not a 500, a text page or a detail missing its
/// instance and trace id.
/// </summary>
public sealed class ProblemAcceptTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var error in Requests.Keys)
        {
            foreach (var accept in new[] { "text/html", "text/plain", "application/xml", "image/png" })
            {
                data.Add(error, accept);
            }
        }

        return data;
    }

    private static readonly Dictionary<string, (HttpStatusCode Status, Func<ServerFixture, HttpRequestMessage> Request)> Requests = new(StringComparer.Ordinal)
    {
        ["no token"] = (HttpStatusCode.Unauthorized, _ => new HttpRequestMessage(HttpMethod.Get, "/api/shipments")),
        ["unknown token"] = (HttpStatusCode.Unauthorized, _ => Authorized(new HttpRequestMessage(HttpMethod.Get, "/api/shipments"), "not-a-token")),
        ["party token on an admin endpoint"] = (HttpStatusCode.Forbidden, s => As(s.Forwarder, new HttpRequestMessage(HttpMethod.Get, "/api/parties"))),
        ["admin token on a party endpoint"] = (HttpStatusCode.Forbidden, _ => Authorized(new HttpRequestMessage(HttpMethod.Get, "/api/shipments"), CaravanFactory.AdminToken)),
        ["a body too large"] = (HttpStatusCode.RequestEntityTooLarge, s => As(s.Forwarder, new HttpRequestMessage(HttpMethod.Post, "/api/plan")
        {
            Content = new ByteArrayContent(new byte[5 * 1024 * 1024]) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } },
        })),
        ["an unknown route"] = (HttpStatusCode.NotFound, s => As(s.Forwarder, new HttpRequestMessage(HttpMethod.Get, "/api/no/such/thing"))),
        ["a wrong method"] = (HttpStatusCode.MethodNotAllowed, _ => Authorized(new HttpRequestMessage(HttpMethod.Delete, "/api/parties"), CaravanFactory.AdminToken)),
        ["a body that is not JSON"] = (HttpStatusCode.UnsupportedMediaType, _ => Authorized(new HttpRequestMessage(HttpMethod.Post, "/api/parties")
        {
            Content = new StringContent("{}", Encoding.UTF8, "text/plain"),
        }, CaravanFactory.AdminToken)),
        ["bad fields"] = (HttpStatusCode.BadRequest, s => As(s.Forwarder, new HttpRequestMessage(HttpMethod.Post, "/api/plan")
        {
            Content = Api.Json(new JsonObject { ["from"] = "CNXIY", ["to"] = "ZZZZZ" }),
        })),
        ["malformed JSON"] = (HttpStatusCode.BadRequest, s => As(s.Forwarder, new HttpRequestMessage(HttpMethod.Post, "/api/plan")
        {
            Content = new StringContent("{\"from\": ", Encoding.UTF8, "application/json"),
        })),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task An_error_is_the_same_problem_detail_whatever_the_client_accepts(string error, string accept)
    {
        var (status, request) = Requests[error];
        using var client = server.Factory.CreateClient();

        var asJson = await SendAsync(client, request(server), "application/json", status);
        var asOther = await SendAsync(client, request(server), accept, status);

        Assert.Equal(asJson.ToJsonString(), asOther.ToJsonString());
        Assert.Equal((int)status, asOther["status"]!.GetValue<int>());
        Assert.NotNull(asOther["title"]);
        Assert.StartsWith("/api/", asOther["instance"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    // The problem detail answered, its traceId checked and removed (it differs from request to request).
    private static async Task<JsonObject> SendAsync(HttpClient client, HttpRequestMessage request, string accept, HttpStatusCode status)
    {
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
        var response = await client.SendAsync(request);
        Assert.True(response.StatusCode == status, $"{accept}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        var problem = await Api.ProblemAsync(response);
        Assert.False(string.IsNullOrEmpty(problem["traceId"]?.GetValue<string>()), $"{accept}: no traceId in {problem.ToJsonString()}");
        problem.Remove("traceId");
        return problem;
    }

    private static HttpRequestMessage Authorized(HttpRequestMessage request, string token)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }

    private static HttpRequestMessage As(HttpClient client, HttpRequestMessage request)
    {
        request.Headers.Authorization = client.DefaultRequestHeaders.Authorization;
        return request;
    }
}
