using Caravan.Core.Alerts;
using Caravan.Core.Shipments;
using static Caravan.Core.Tests.Alerts.AlertRun;

namespace Caravan.Core.Tests.Alerts;

public sealed class TemperatureRuleTests
{
    private static readonly TemperatureRule Rule = new(new TemperatureRange(2, 8), 0.5, new AlertLatch(TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(10)));

    private static IEnumerable<Caravan.Core.Telemetry.TrackerReading> Temperatures(params (double Minutes, double? C)[] points) =>
        points.Select(p => At(p.Minutes) with { TemperatureC = p.C });

    [Fact]
    public void An_excursion_that_lasts_opens_dated_at_its_first_reading_and_resolves_once_back_in_range()
    {
        var (state, changes) = Run(Rule, Temperatures((0, 5), (5, 9.5), (10, 10), (15, 11), (20, 6), (25, 5), (30, 5)));

        Assert.Equal([AlertChange.Open, AlertChange.Resolve], changes.Select(c => c.Change));
        Assert.Equal(Start.AddMinutes(5), changes[0].At);
        Assert.Contains("11.0 °C", changes[0].Detail, StringComparison.Ordinal);
        Assert.Contains("2.0 – 8.0 °C", changes[0].Detail, StringComparison.Ordinal);
        Assert.Equal(Start.AddMinutes(20), changes[1].At);
        Assert.False(state.IsOpen);
    }

    [Fact]
    public void A_short_excursion_opens_nothing()
    {
        var (_, changes) = Run(Rule, Temperatures((0, 5), (3, 9), (8, 8.5), (9, 5), (30, 5)));

        Assert.Empty(changes);
    }

    [Fact]
    public void A_temperature_hovering_at_the_limit_does_not_flap()
    {
        // 7.6 and 7.9 °C are inside the range but within the 0.5 °C band: they neither raise nor clear.
        var (state, changes) = Run(Rule, Temperatures((0, 9), (10, 9), (12, 7.9), (14, 8.1), (16, 7.6), (18, 8.2), (20, 7.9), (60, 7.8), (120, 7.7)));

        Assert.Equal([AlertChange.Open], changes.Select(c => c.Change));
        Assert.True(state.IsOpen);
    }

    [Fact]
    public void Readings_without_a_temperature_or_out_of_order_change_nothing()
    {
        var opened = Run(Rule, Temperatures((0, 12), (10, 12))).State;

        var (state, changes) = Run(Rule, Temperatures((20, null), (40, null), (5, 4), (8, 4)), opened);

        Assert.Empty(changes);
        Assert.True(state.IsOpen);
    }

    [Fact]
    public void A_range_must_be_finite_ordered_and_physical()
    {
        Assert.False(TemperatureRange.TryValidate(8, 2, out var reversed));
        Assert.Contains("below the maximum", reversed, StringComparison.Ordinal);
        Assert.False(TemperatureRange.TryValidate(double.NaN, 2, out _));
        Assert.False(TemperatureRange.TryValidate(-90, 2, out _));
        Assert.True(TemperatureRange.TryValidate(-25, -18, out _));
    }
}
