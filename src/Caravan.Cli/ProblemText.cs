using System.Text.Json;
using System.Text.Json.Nodes;

namespace Caravan.Cli;

/// <summary>A server's answer to a refused request, for a one-line CLI message.</summary>
public static class ProblemText
{
    /// <summary>A problem detail on one line: its title, detail and each field error; any other answer as it came.</summary>
    public static string OneLine(string answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        try
        {
            if (JsonNode.Parse(answer) is not JsonObject problem)
            {
                return answer;
            }

            var parts = new List<string>();
            foreach (var name in new[] { "title", "detail" })
            {
                if (problem[name]?.GetValue<string>() is { Length: > 0 } text)
                {
                    parts.Add(text);
                }
            }

            if (problem["errors"] is JsonObject errors)
            {
                parts.AddRange(errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value!.AsArray().Select(m => m!.GetValue<string>()))}"));
            }

            return string.Join(": ", parts);
        }
        catch (JsonException)
        {
            return answer;
        }
    }
}
