namespace Caravan.Core.Planning;

/// <summary>How much work a search did: labels created and settled (expanded).</summary>
public sealed record SearchStatistics(int LabelsCreated, int LabelsSettled);
