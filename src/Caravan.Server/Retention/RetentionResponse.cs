using Caravan.Core.Telemetry;

namespace Caravan.Server.Retention;

/// <summary>The retention policy in force for a party, and whether it is the server's default (<c>isDefault</c>) or its own.</summary>
public sealed record RetentionResponse(string Party, int FullRateDays, int DownsampleMinutes, int? DeleteAfterDays, bool IsDefault)
{
    public static RetentionResponse From(string party, RetentionPolicy policy, bool isDefault) =>
        new(party, policy.FullRateDays, policy.DownsampleMinutes, policy.DeleteAfterDays, isDefault);
}
