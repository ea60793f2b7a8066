using Caravan.Core.Alerts;
using Caravan.Core.Shipments;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using static Caravan.Core.Tests.Alerts.AlertRun;

namespace Caravan.Core.Tests.Alerts;

/// <summary>
/// No flapping, for any series: a 2–8 °C reefer (band 0.5 °C, 10 minutes to open and to resolve, one reading a
/// minute) whose temperature hovers at a limit never changes an alert it has; and whatever the series, its alert
/// opens and resolves in turn, never twice in a row, and changes at most once per 10 minutes.
/// </summary>
public sealed class AlertLatchProperties
{
    private static readonly TemperatureRule Rule = new(new TemperatureRange(2, 8), 0.5, new AlertLatch(TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(10)));

    [Property(MaxTest = 300)]
    public Property A_temperature_hovering_within_the_band_at_a_limit_never_changes_the_alert() =>
        Prop.ForAll(Series(7.51, 8.0).ToArbitrary(), series =>
        {
            var opened = Run(Rule, Temperatures([9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9])).State;
            var (state, changes) = Run(Rule, Temperatures(series), opened with { LastReadingTime = null });
            return (changes.Count == 0 && state.IsOpen).Label($"changes: {changes.Count}");
        });

    [Property(MaxTest = 300)]
    public Property Whatever_the_series_the_alert_opens_and_resolves_in_turn_at_most_once_per_ten_minutes() =>
        Prop.ForAll(Series(0, 12).ToArbitrary(), series =>
        {
            var (_, changes) = Run(Rule, Temperatures(series));
            var alternates = changes.Select((c, i) => c.Change == (i % 2 == 0 ? AlertChange.Open : AlertChange.Resolve)).All(ok => ok);
            var spaced = changes.Zip(changes.Skip(1)).All(p => p.Second.At - p.First.At >= TimeSpan.FromMinutes(10));
            return (alternates && spaced).Label(string.Join(", ", changes.Select(c => $"{c.Change} {c.At:HH:mm}")));
        });

    private static Gen<double[]> Series(double low, double high) =>
        Gen.Choose(0, 1000).Select(i => low + ((high - low) * i / 1000.0)).ArrayOf().Where(a => a.Length > 0);

    private static IEnumerable<Caravan.Core.Telemetry.TrackerReading> Temperatures(double[] series) =>
        series.Select((c, i) => At(100 + i) with { TemperatureC = c });
}
