using Caravan.Core.Telemetry;
using static Caravan.Core.Tests.Planning.TestNetwork;
using static Caravan.Core.Tests.Telemetry.ProgressJourney;

namespace Caravan.Core.Tests.Telemetry;

/// <summary>
/// ETA from where the container was last seen, on Beyneu → Aktau → Alat (the ferry sails Fridays 10:00, cut-off 4 h,
/// 20 h crossing; Aktau: handling 2 h, dwell 2 h).
/// </summary>
public sealed class EtaEstimatorTests
{
    private readonly ProgressJourney _journey = new();

    [Fact]
    public void Before_departure_the_estimate_is_the_plan()
    {
        var eta = Estimate([], At("Mon 00:00"));

        Assert.Equal("KZAKT", eta.Next!.Stop.Terminal.Locode.Value);
        Assert.Equal(At("Fri 02:00"), eta.Next.P50);
        Assert.Equal(At("Sat 06:00"), eta.Destination.P50);
        Assert.Equal(At("Sat 06:00"), eta.Destination.P90);
    }

    [Fact]
    public void A_late_departure_carries_its_delay_to_the_next_terminal()
    {
        var (beyneu, aktau) = (_journey.Stop("KZBEY"), _journey.Stop("KZAKT"));
        var late = At("Thu 21:00");
        var eta = Estimate([.. Stay(beyneu, At("Thu 15:00"), 30), .. Stay(beyneu, late, 15, 20_000)], late.AddMinutes(15));

        Assert.Equal(late.AddHours(10), eta.Next!.P50);
        Assert.Equal(aktau, eta.Next.Stop);

        // Ready at Aktau Fri 11:00: Friday's ferry has gone (cut-off 06:00); next Friday's lands Sat 06:00 a week on.
        Assert.Equal(At("Sat 06:00").AddDays(7), eta.Destination.P50);
    }

    [Fact]
    public void The_destination_estimate_moves_a_week_when_the_train_waits_three_extra_days_at_Aktau()
    {
        var aktau = _journey.Stop("KZAKT");
        var arrived = _journey.Journey().TakeWhile(r => r.Time <= At("Fri 02:30")).ToList();
        var onTime = Estimate(arrived, At("Fri 02:30"));

        var waiting = Estimate([.. arrived, .. Stay(aktau, At("Fri 02:31"), 3 * 24 * 60, 200)], At("Mon 02:31").AddDays(7));

        Assert.Equal(At("Sat 06:00"), onTime.Destination.P50);
        Assert.Equal(At("Sat 06:00").AddDays(7), waiting.Destination.P50);
        Assert.Equal("AZALA", waiting.Next!.Stop.Terminal.Locode.Value);
    }

    [Fact]
    public void A_wide_dwell_at_Aktau_puts_P90_a_sailing_later_than_P50()
    {
        var journey = new ProgressJourney(aktauDwellP90Hours: 72);
        var arrived = journey.Journey().TakeWhile(r => r.Time <= At("Fri 02:30")).ToList();
        var step = journey.Tracker.Apply(journey.Tracker.Initial, arrived);

        var eta = new EtaEstimator(journey.Network).Estimate(journey.Route, step.State, At("Fri 02:30"));

        Assert.Equal(At("Sat 06:00"), eta.Destination.P50);
        Assert.Equal(At("Sat 06:00").AddDays(7), eta.Destination.P90);
    }

    [Fact]
    public void After_arrival_the_estimate_is_the_arrival_observed()
    {
        var eta = Estimate(_journey.Journey(), At("Sun 00:00"));

        Assert.True(eta.Arrived);
        Assert.Equal(At("Sat 06:00"), eta.Destination.P50);
        Assert.Equal(At("Sat 06:00"), eta.Destination.P90);
    }

    private EtaEstimate Estimate(IEnumerable<Caravan.Core.Telemetry.TrackerReading> readings, DateTimeOffset now)
    {
        var step = _journey.Tracker.Apply(_journey.Tracker.Initial, readings);
        return new EtaEstimator(_journey.Network).Estimate(_journey.Route, step.State, now);
    }
}
