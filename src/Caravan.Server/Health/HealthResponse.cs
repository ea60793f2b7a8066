namespace Caravan.Server.Health;

/// <summary>The body of a healthy <c>/healthz</c>: <c>{"status":"ok"}</c>.</summary>
public sealed record HealthResponse(string Status);
