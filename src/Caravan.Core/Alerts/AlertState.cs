namespace Caravan.Core.Alerts;

/// <summary>
/// Where an alert stands: open until a party on the shipment acknowledges it (it is seen and handled) and until the
/// condition resolves. Resolved wins: a resolved alert is resolved whether or not it was acknowledged.
/// </summary>
public enum AlertState
{
    Open,
    Acknowledged,
    Resolved,
}
