namespace Caravan.Cli.Output;

/// <summary>The links of one mode: how many, their total length in km, and how many are continuous or scheduled.</summary>
public sealed record ModeLinks(string Mode, int Links, double Km, int Continuous, int Scheduled);
