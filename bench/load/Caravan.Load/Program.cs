using Caravan.Load;

// Load generators for whole-system throughput (see bench/load/README.md and docs/benchmarks.md).
try
{
    return args.FirstOrDefault() switch
    {
        "record" => await new RecordLoad(LoadOptions.Parse(args[1..]), Console.Out).RunAsync(CancellationToken.None),
        "mqtt" => await new MqttLoad(MqttLoadOptions.Parse(args[1..]), Console.Out).RunAsync(CancellationToken.None),
        _ => Usage(),
    };
}
catch (ArgumentException e)
{
    Console.Error.WriteLine($"caravan-load: {e.Message}");
    return 2;
}
catch (InvalidOperationException e)
{
    Console.Error.WriteLine($"caravan-load: {e.Message}");
    return 1;
}

static int Usage()
{
    Console.Error.WriteLine("usage: caravan-load record [--server URL --admin-token TOKEN] [--shipments N] [--single-events N] [--batched-events N] [--batch N] [--clients N] [--read-clients N] [--read-seconds N] [--warm-up N] [--scattered-keys]");
    Console.Error.WriteLine("       caravan-load mqtt [--devices N] [--connections N] [--rate N] [--readings-per-message N] [--seconds N] [--warm-up N] [--max-in-flight N] [--mosquitto PATH | --no-mosquitto]");
    Console.Error.WriteLine("       caravan-load mqtt --ceiling [--connections N] [--window N] [--caravan-window N] [--readings-per-message N] [--seconds N] [--warm-up N] [--mosquitto PATH | --no-mosquitto]");
    Console.Error.WriteLine("       caravan-load mqtt --help");
    return 2;
}
