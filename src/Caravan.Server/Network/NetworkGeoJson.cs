using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Caravan.Core.Network;
using NetTopologySuite;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;

namespace Caravan.Server.Network;

/// <summary>
/// The network as an RFC 7946 GeoJSON FeatureCollection (WGS84, longitude first) for QGIS and MapLibre:
/// terminals as Points, links as straight LineStrings between their ends; <c>featureType</c> tells them apart.
/// Shared by <c>caravan network export</c> and <c>GET /api/network</c>, so the file and the web map agree.
/// </summary>
public static class NetworkGeoJson
{
    private static readonly GeometryFactory Geometry = NtsGeometryServices.Instance.CreateGeometryFactory(4326);

    public static FeatureCollection Features(CorridorNetwork network)
    {
        ArgumentNullException.ThrowIfNull(network);
        var collection = new FeatureCollection();
        var calling = network.Services
            .SelectMany(s => s.Stops.Select(stop => (stop.Locode, s.Name)))
            .ToLookup(c => c.Locode, c => c.Name);
        foreach (var t in network.Terminals)
        {
            collection.Add(new Feature(Geometry.CreatePoint(Position(t)), new AttributesTable
            {
                { "featureType", "terminal" },
                { "locode", t.Locode.Value },
                { "name", t.Name },
                { "country", t.Country.Value },
                { "kind", Words.Of(t.Kind) },
                { "gauges", RailGauge.Millimetres(t.Gauges).ToArray() },
                { "dwellP50Hours", t.DwellP50Hours },
                { "dwellP90Hours", t.DwellP90Hours },
                { "handlingHours", t.HandlingHours },
                { "handlingUsd", t.HandlingUsd },
                { "locodeStatus", Words.Of(t.LocodeStatus) },
                { "services", calling[t.Locode].Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray() },
            }));
        }

        foreach (var l in network.Links)
        {
            var from = network.FindTerminal(l.From)!;
            var to = network.FindTerminal(l.To)!;
            collection.Add(new Feature(Geometry.CreateLineString([Position(from), Position(to)]), new AttributesTable
            {
                { "featureType", "link" },
                { "id", l.Id },
                { "from", l.From.Value },
                { "to", l.To.Value },
                { "mode", Words.Of(l.Mode) },
                { "gauge", l.Mode == TransportMode.Rail ? Words.GaugeMillimetres(l.Gauge) : null },
                { "distanceKm", l.DistanceKm },
                { "corridor", l.CorridorId },
                { "availability", Words.Of(l.Availability) },
                { "operator", l.Operator },
                { "bidirectional", l.Bidirectional },
            }));
        }

        return collection;
    }

    public static string Serialize(FeatureCollection features)
    {
        var options = new JsonSerializerOptions
        {
            WriteIndented = false,
            Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        };
        options.Converters.Add(new GeoJsonConverterFactory(Geometry));
        return JsonSerializer.Serialize(features, options);
    }

    private static Coordinate Position(Terminal t) => new(t.Position.Longitude, t.Position.Latitude);
}
