namespace Caravan.Server.Progress;

/// <summary>
/// A shipment's estimated arrival as <c>GET /api/shipments/{id}</c> shows it: as of which reading, the next terminal
/// where the container changes vehicle (null once arrived) and the destination, each with P50 and P90 (UTC).
/// </summary>
public sealed record EtaResponse(DateTimeOffset AsOf, bool Arrived, TerminalEtaResponse? Next, TerminalEtaResponse Destination)
{
    public static EtaResponse From(EtaSnapshot eta)
    {
        ArgumentNullException.ThrowIfNull(eta);
        var next = eta is { NextTerminal: { } terminal, NextP50: { } p50, NextP90: { } p90 } ? new TerminalEtaResponse(terminal, p50, p90) : null;
        return new EtaResponse(eta.AsOf, eta.Arrived, next, new TerminalEtaResponse(eta.Destination, eta.DestinationP50, eta.DestinationP90));
    }
}
