using Caravan.Core.Geography;
using Caravan.Core.Shipments;
using Caravan.Core.Telemetry;

namespace Caravan.Core.Alerts;

/// <summary>
/// The reading rules that apply to one shipment: temperature when it was booked with a range, shock always, the door
/// against the geofences of its itinerary's terminals, and route deviation against its itinerary's path (when every
/// terminal of it is known).
/// </summary>
public static class AlertRuleSet
{
    /// <summary>The rules for <paramref name="shipment"/>; <paramref name="geofenceOf"/> gives a terminal's geofence, or null when unknown.</summary>
    public static IReadOnlyList<IReadingRule> For(Shipment shipment, Func<Locode, TerminalGeofence?> geofenceOf, AlertRules rules)
    {
        ArgumentNullException.ThrowIfNull(shipment);
        ArgumentNullException.ThrowIfNull(geofenceOf);
        ArgumentNullException.ThrowIfNull(rules);
        var list = new List<IReadingRule>(4);
        if (shipment.TemperatureRange is { } range)
        {
            list.Add(new TemperatureRule(range, rules.TemperatureBandC, new AlertLatch(rules.TemperatureOpenAfter, rules.TemperatureResolveAfter)));
        }

        list.Add(new ShockRule(rules.ShockThresholdG, AlertRules.ClearFraction, new AlertLatch(TimeSpan.Zero, rules.ShockResolveAfter)));

        var terminals = shipment.Itinerary.Legs.SelectMany(l => new[] { l.From, l.To }).Distinct()
            .Select(geofenceOf).OfType<TerminalGeofence>().ToList();
        list.Add(new DoorRule(terminals, rules.DoorHysteresis, new AlertLatch(rules.DoorOpenAfter, TimeSpan.Zero)));

        if (CorridorPath.Of(shipment.Itinerary, l => geofenceOf(l)?.Centre) is { } path)
        {
            list.Add(new RouteDeviationRule(path, rules.DeviationToleranceKm, AlertRules.ClearFraction, new AlertLatch(rules.DeviationOpenAfter, rules.DeviationResolveAfter)));
        }

        return list;
    }
}
