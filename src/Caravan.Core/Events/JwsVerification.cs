namespace Caravan.Core.Events;

/// <summary>The outcome of checking a detached JWS: valid, or the kind of failure and a one-line reason.</summary>
public sealed record JwsVerification
{
    private JwsVerification(JwsFailure? failure, string? reason)
    {
        Failure = failure;
        Reason = reason;
    }

    /// <summary>The single valid outcome.</summary>
    public static JwsVerification Valid { get; } = new(null, null);

    /// <summary>Null when valid.</summary>
    public JwsFailure? Failure { get; }

    /// <summary>Null when valid; otherwise one sentence saying what is wrong.</summary>
    public string? Reason { get; }

    public bool IsValid => Failure is null;

    public static JwsVerification Failed(JwsFailure failure, string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return new(failure, reason);
    }

    public override string ToString() => IsValid ? "valid" : $"{Failure}: {Reason}";
}
