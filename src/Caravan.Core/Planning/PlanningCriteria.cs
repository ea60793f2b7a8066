namespace Caravan.Core.Planning;

/// <summary>Which criteria the planner optimises; the Pareto set is taken over the ones selected.</summary>
[Flags]
public enum PlanningCriteria
{
    Arrival = 1,
    Cost = 2,
    Co2e = 4,
    All = Arrival | Cost | Co2e,
}
