namespace Caravan.Cli.Output;

/// <summary>The timetabled services of one mode: how many, their departures per week and TEU offered per week.</summary>
public sealed record ModeServices(string Mode, int Services, int WeeklyDepartures, int WeeklyCapacityTeu);
