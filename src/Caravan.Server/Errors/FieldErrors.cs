namespace Caravan.Server.Errors;

/// <summary>
/// Validation errors collected while reading a request, keyed by the JSON path of the field at fault
/// (<c>$.consignment.hsCode</c>, <c>$.containers[1].number</c>), as the <c>errors</c> member of a problem detail.
/// </summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    /// <summary>Records that the field at <paramref name="path"/> is wrong, and why.</summary>
    public void Add(string path, string message)
    {
        if (!_errors.TryGetValue(path, out var list))
        {
            _errors[path] = list = [];
        }

        list.Add(message);
    }

    /// <summary>Records that a required field is missing; returns false so a caller can write <c>if (x is null) return errors.Missing(...)</c>.</summary>
    public bool Missing(string path)
    {
        Add(path, "This field is required.");
        return false;
    }

    public Dictionary<string, string[]> ToDictionary() => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);

    /// <summary>The 400 problem detail listing every error.</summary>
    public IResult ToProblem(string detail) => TypedResults.ValidationProblem(ToDictionary(), detail, title: ProblemDetailsDefaults.TitleOf(400));
}
