using Caravan.Core.Geography;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Caravan.Core.Tests.Geography;

public sealed class GeoPointTests
{
    [Theory]
    [InlineData(0, 0)]
    [InlineData(90, 180)]
    [InlineData(-90, -180)]
    [InlineData(42.159, 41.659)]
    public void Accepts_latitudes_and_longitudes_in_range(double latitude, double longitude)
    {
        var point = new GeoPoint(latitude, longitude);

        Assert.Equal(latitude, point.Latitude);
        Assert.Equal(longitude, point.Longitude);
        Assert.True(GeoPoint.TryCreate(latitude, longitude, out var created));
        Assert.Equal(point, created);
    }

    [Theory]
    [InlineData(90.000001, 0, "latitude")]
    [InlineData(-90.000001, 0, "latitude")]
    [InlineData(double.NaN, 0, "latitude")]
    [InlineData(double.PositiveInfinity, 0, "latitude")]
    [InlineData(0, 180.000001, "longitude")]
    [InlineData(0, -180.000001, "longitude")]
    [InlineData(0, double.NaN, "longitude")]
    [InlineData(0, double.NegativeInfinity, "longitude")]
    public void Rejects_positions_out_of_range(double latitude, double longitude, string parameter)
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => new GeoPoint(latitude, longitude));
        Assert.Equal(parameter, exception.ParamName);
        Assert.False(GeoPoint.TryCreate(latitude, longitude, out var point));
        Assert.Equal(default, point);
    }

    [Fact]
    public void Poti_to_Batumi_is_about_57_km()
    {
        var poti = new GeoPoint(42.159, 41.659);
        var batumi = new GeoPoint(41.650, 41.657);

        Assert.Equal(56.6, poti.DistanceKmTo(batumi), 0.1);
    }

    [Fact]
    public void One_degree_of_longitude_on_the_equator_is_about_111_km() =>
        Assert.Equal(111.19, new GeoPoint(0, 0).DistanceKmTo(new GeoPoint(0, 1)), 0.01);

    [Fact]
    public void One_degree_of_latitude_along_a_meridian_is_about_111_km() =>
        Assert.Equal(111.19, new GeoPoint(45, 30).DistanceKmTo(new GeoPoint(46, 30)), 0.01);

    [Fact]
    public void Antipodes_are_half_the_circumference_apart() =>
        Assert.Equal(Math.PI * GeoPoint.EarthRadiusKm, new GeoPoint(10, 20).DistanceKmTo(new GeoPoint(-10, -160)), 0.001);

    [Fact]
    public void The_antimeridian_is_crossed_the_short_way() =>
        Assert.Equal(2 * 111.19, new GeoPoint(0, 179).DistanceKmTo(new GeoPoint(0, -179)), 0.02);

    [Fact]
    public void ToString_writes_invariant_decimal_degrees() =>
        Assert.Equal("42.159,-41.65", new GeoPoint(42.159, -41.650).ToString());

    [Property]
    public Property Distance_is_symmetric() =>
        Prop.ForAll(Points().ToArbitrary(), Points().ToArbitrary(), (a, b) =>
            Math.Abs(a.DistanceKmTo(b) - b.DistanceKmTo(a)) < 1e-9);

    [Property]
    public Property Distance_to_itself_is_zero() =>
        Prop.ForAll(Points().ToArbitrary(), a => a.DistanceKmTo(a) == 0);

    [Property]
    public Property Distance_is_between_zero_and_half_the_circumference() =>
        Prop.ForAll(Points().ToArbitrary(), Points().ToArbitrary(), (a, b) =>
        {
            var d = a.DistanceKmTo(b);
            return d >= 0 && d <= (Math.PI * GeoPoint.EarthRadiusKm) + 1e-9;
        });

    [Property]
    public Property Distance_obeys_the_triangle_inequality() =>
        Prop.ForAll(Points().ToArbitrary(), Points().ToArbitrary(), Points().ToArbitrary(), (a, b, c) =>
            a.DistanceKmTo(c) <= a.DistanceKmTo(b) + b.DistanceKmTo(c) + 1e-6);

    // Whole micro-degrees over the full range, with the poles, the equator and the antimeridian mixed in.
    private static Gen<GeoPoint> Points() =>
        from latitude in Gen.OneOf(Gen.Choose(-90_000_000, 90_000_000), Gen.Elements(-90_000_000, 0, 90_000_000))
        from longitude in Gen.OneOf(Gen.Choose(-180_000_000, 180_000_000), Gen.Elements(-180_000_000, 0, 180_000_000))
        select new GeoPoint(latitude / 1e6, longitude / 1e6);
}
