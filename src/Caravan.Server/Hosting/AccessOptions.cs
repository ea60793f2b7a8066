namespace Caravan.Server.Hosting;

/// <summary>
/// The operator's access: <c>Caravan:AdminToken</c>, the admin bearer token. When it is not set and no admin token
/// was ever issued, one is generated at first start and printed once.
/// </summary>
public sealed class AccessOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "Caravan";

    /// <summary>The shortest admin token accepted from configuration.</summary>
    public const int MinAdminTokenLength = 24;

    /// <summary>The operator's bearer token, or null to use a generated one.</summary>
    public string? AdminToken { get; set; }

    /// <summary>What is wrong with these options, one sentence each; empty when they are usable.</summary>
    public IReadOnlyList<string> Problems() =>
        AdminToken is { } token && token.Trim().Length < MinAdminTokenLength
            ? [$"Caravan:AdminToken must be at least {MinAdminTokenLength} characters; generate one with 'openssl rand -base64 32'."]
            : [];
}
