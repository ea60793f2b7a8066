using Microsoft.Extensions.Options;

namespace Caravan.Server.Hosting;

/// <summary>Validates an options class by its own list of problems, so a bad setting fails start-up naming the key.</summary>
internal sealed class OptionsProblems<T>(Func<T, IReadOnlyList<string>> problems) : IValidateOptions<T>
    where T : class
{
    public ValidateOptionsResult Validate(string? name, T options)
    {
        var found = problems(options);
        return found.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(found);
    }
}
