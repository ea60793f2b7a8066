namespace Caravan.Core.Geography;

/// <summary>A WGS84 position in decimal degrees: latitude in [-90, 90], longitude in [-180, 180].</summary>
public readonly record struct GeoPoint
{
    /// <summary>Mean Earth radius in kilometres (IUGG).</summary>
    public const double EarthRadiusKm = 6371.0088;

    public GeoPoint(double latitude, double longitude)
    {
        if (!double.IsFinite(latitude) || latitude is < -90 or > 90)
        {
            throw new ArgumentOutOfRangeException(nameof(latitude), latitude, "Latitude must be a finite number of degrees in [-90, 90].");
        }

        if (!double.IsFinite(longitude) || longitude is < -180 or > 180)
        {
            throw new ArgumentOutOfRangeException(nameof(longitude), longitude, "Longitude must be a finite number of degrees in [-180, 180].");
        }

        Latitude = latitude;
        Longitude = longitude;
    }

    /// <summary>Degrees north (negative: south).</summary>
    public double Latitude { get; }

    /// <summary>Degrees east (negative: west).</summary>
    public double Longitude { get; }

    public static bool TryCreate(double latitude, double longitude, out GeoPoint point)
    {
        point = default;
        if (!double.IsFinite(latitude) || latitude is < -90 or > 90 || !double.IsFinite(longitude) || longitude is < -180 or > 180)
        {
            return false;
        }

        point = new GeoPoint(latitude, longitude);
        return true;
    }

    /// <summary>Great-circle distance in kilometres (haversine formula).</summary>
    public double DistanceKmTo(GeoPoint other)
    {
        var lat1 = double.DegreesToRadians(Latitude);
        var lat2 = double.DegreesToRadians(other.Latitude);
        var dLat = lat2 - lat1;
        var dLon = double.DegreesToRadians(other.Longitude - Longitude);
        var a = Math.Pow(Math.Sin(dLat / 2), 2) + (Math.Cos(lat1) * Math.Cos(lat2) * Math.Pow(Math.Sin(dLon / 2), 2));
        return 2 * EarthRadiusKm * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }

    public override string ToString() =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Latitude:0.#####},{Longitude:0.#####}");
}
