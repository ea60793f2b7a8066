namespace Caravan.Core.Network.Csv;

/// <summary>One data row of a CSV file: its fields and the 1-based line it starts on.</summary>
internal sealed record CsvRecord(int Line, IReadOnlyList<string> Fields);
