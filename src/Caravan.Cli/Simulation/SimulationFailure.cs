namespace Caravan.Cli.Simulation;

/// <summary>
/// Stops <c>caravan simulate</c> with a one-line message and an exit code: the server refused a request (1), or the
/// server or broker cannot be reached (3). Thrown from deep inside the run's I/O and caught once by the command.
/// </summary>
public sealed class SimulationFailure(int exitCode, string message) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
