namespace Caravan.Load.Tests;

public sealed class MqttLoadOptionsTests
{
    [Fact]
    public void A_ceiling_run_connects_every_device_it_registers_a_thousand_by_default()
    {
        var options = MqttLoadOptions.Parse(["--ceiling"]);

        Assert.True(options.Ceiling);
        Assert.Equal((1000, 1000, 32, 4), (options.Connections, options.Devices, options.Window, options.CaravanWindow));
    }

    [Fact]
    public void A_ceiling_run_keeps_the_connections_and_devices_it_is_given()
    {
        var options = MqttLoadOptions.Parse(["--connections", "200", "--window", "8", "--ceiling", "--devices", "5000", "--caravan-window", "2"]);

        Assert.Equal((200, 5000, 8, 2), (options.Connections, options.Devices, options.Window, options.CaravanWindow));
    }

    [Fact]
    public void The_fixed_rate_run_keeps_its_defaults()
    {
        var options = MqttLoadOptions.Parse([]);

        Assert.False(options.Ceiling);
        Assert.Equal((10_000, 100_000, 20_000), (options.Connections, options.Devices, options.Rate));
    }

    [Fact]
    public void A_window_beyond_the_packet_ids_of_a_connection_is_refused() =>
        Assert.Throws<ArgumentException>(() => MqttLoadOptions.Parse(["--ceiling", "--window", "70000"]));
}
