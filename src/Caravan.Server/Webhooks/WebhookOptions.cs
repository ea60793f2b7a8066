namespace Caravan.Server.Webhooks;

/// <summary>
/// How webhook deliveries are retried: after a failed attempt n the next waits <see cref="FirstRetryDelay"/> × 2^(n−1),
/// at most <see cref="MaxRetryDelay"/>, until <see cref="MaxAttempts"/> attempts have failed; and whether receivers may
/// be at private addresses (<see cref="AllowPrivateAddresses"/>). Bound from <c>Caravan:Webhooks</c>.
/// </summary>
public sealed class WebhookOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "Caravan:Webhooks";

    /// <summary>The wait after the first failed attempt (default 10 seconds).</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The longest wait between attempts (default 1 hour).</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Attempts before a delivery is given up (default 12: about 5 hours with the defaults).</summary>
    public int MaxAttempts { get; set; } = 12;

    /// <summary>How long one attempt may take before it counts as failed (default 10 seconds).</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Whether webhooks may point at loopback, link-local, private (RFC 1918, fc00::/7, 100.64.0.0/10), unspecified,
    /// multicast or reserved addresses (default false: refused at registration and again at each delivery). Set it
    /// only where the receivers are on the server's private network: it lets any party make the server post to, and
    /// read the answers of, whatever the server can reach there.
    /// </summary>
    public bool AllowPrivateAddresses { get; set; }

    /// <summary>The wait before attempt <paramref name="failed"/> + 1, after <paramref name="failed"/> failed attempts.</summary>
    public TimeSpan RetryDelay(int failed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(failed, 1);
        var factor = Math.Pow(2, Math.Min(failed - 1, 30));
        var delay = FirstRetryDelay.TotalSeconds * factor;
        return delay >= MaxRetryDelay.TotalSeconds ? MaxRetryDelay : TimeSpan.FromSeconds(delay);
    }

    /// <summary>What is wrong with these options, one sentence each; empty when they are usable.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (FirstRetryDelay <= TimeSpan.Zero)
        {
            problems.Add($"{SectionName}:{nameof(FirstRetryDelay)} must be positive.");
        }

        if (MaxRetryDelay < FirstRetryDelay)
        {
            problems.Add($"{SectionName}:{nameof(MaxRetryDelay)} must be at least {nameof(FirstRetryDelay)}.");
        }

        if (MaxAttempts is < 1 or > 100)
        {
            problems.Add($"{SectionName}:{nameof(MaxAttempts)} must be from 1 to 100, not {MaxAttempts}.");
        }

        if (RequestTimeout <= TimeSpan.Zero)
        {
            problems.Add($"{SectionName}:{nameof(RequestTimeout)} must be positive.");
        }

        return problems;
    }
}
