namespace Caravan.Server.Retention;

/// <summary>A party's own retention policy as the operator sets it: whole days and minutes; <c>deleteAfterDays</c> null or absent keeps readings for good.</summary>
public sealed record RetentionBody(int? FullRateDays, int? DownsampleMinutes, int? DeleteAfterDays);
