using BenchmarkDotNet.Running;
using Caravan.Benchmarks.Latency;
using Caravan.Benchmarks.Synthetic;

// `latency`, `generate` and `load` are plain runners (see docs/benchmarks.md); anything else goes to BenchmarkDotNet.
try
{
    return args.FirstOrDefault() switch
    {
        "latency" => LatencyRunner.Run(LatencyOptions.Parse(args[1..]), Console.Out, Console.Error),
        "pareto-worker" => ParetoWorker.Run(args[1..], Console.Out),
        "profile" => ProfileLoop.Run(args[1..], Console.Out),
        "bound-oracle" => BoundOracle.Run(args[1..], Console.Out),
        "load" => LoadCommand.Run(args[1..], Console.Out),
        "generate" => GenerateCommand.Run(LatencyOptions.Parse(args[1..]), Console.Error),
        _ => Switch(args),
    };
}
catch (ArgumentException e)
{
    Console.Error.WriteLine($"caravan-bench: {e.Message}");
    return 2;
}

static int Switch(string[] args)
{
    BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    return 0;
}
