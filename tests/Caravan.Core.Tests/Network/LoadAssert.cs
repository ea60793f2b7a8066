using Caravan.Core.Network;

namespace Caravan.Core.Tests.Network;

/// <summary>Assertions on a failed load that print every problem when they fail, so a wrong line or column is easy to see.</summary>
internal static class LoadAssert
{
    /// <summary>
    /// The load failed, no network was returned, and exactly one problem is reported at this file, line and field,
    /// in this column. Other problems that follow from it may be reported too.
    /// </summary>
    public static NetworkProblem Reports(NetworkLoadResult result, string file, int line, int column, string? field)
    {
        Assert.False(result.Succeeded, "the load succeeded");
        Assert.Null(result.Network);
        var matching = result.Problems.Where(p => p.File == file && p.Line == line && p.Field == field).ToList();
        Assert.True(matching.Count == 1, $"expected one problem at {file}:{line} in field {field ?? "(none)"}, got:\n{Describe(result)}");
        Assert.True(matching[0].Column == column, $"expected column {column} for {matching[0]}");
        return matching[0];
    }

    /// <summary>As <see cref="Reports"/>, and that problem is the only one.</summary>
    public static NetworkProblem ReportsOnly(NetworkLoadResult result, string file, int line, int column, string? field)
    {
        var problem = Reports(result, file, line, column, field);
        Assert.True(result.Problems.Count == 1, $"expected only {problem}, got:\n{Describe(result)}");
        return problem;
    }

    public static void Loads(NetworkLoadResult result)
    {
        Assert.True(result.Problems.Count == 0, $"expected no problems, got:\n{Describe(result)}");
        Assert.NotNull(result.Network);
    }

    public static string Describe(NetworkLoadResult result) =>
        result.Problems.Count == 0 ? "(no problems)" : string.Join('\n', result.Problems);
}
