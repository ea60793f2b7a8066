using System.Security.Cryptography;
using System.Text;

namespace Caravan.Server.Webhooks;

/// <summary>
/// The signature of a webhook delivery: HMAC-SHA256 keyed with the webhook's secret (its UTF-8 bytes) over the exact
/// body bytes, sent as <c>Caravan-Signature: sha256=</c> and 64 lower-case hex digits. A receiver recomputes it over
/// the body as received and compares in constant time.
/// </summary>
public static class WebhookSignature
{
    /// <summary>The header that carries the signature.</summary>
    public const string Header = "Caravan-Signature";

    /// <summary>The header naming the notification (<c>alert.opened</c>, ...).</summary>
    public const string EventHeader = "Caravan-Event";

    /// <summary>The header with the delivery's id: the same on every retry of one delivery, so receivers can drop repeats.</summary>
    public const string DeliveryHeader = "Caravan-Delivery";

    /// <summary>The header value for <paramref name="body"/> signed with <paramref name="secret"/>.</summary>
    public static string Sign(string secret, ReadOnlySpan<byte> body)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        return "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));
    }

    /// <summary>Whether <paramref name="header"/> is the signature of <paramref name="body"/> with <paramref name="secret"/>.</summary>
    public static bool Verify(string secret, ReadOnlySpan<byte> body, string? header) =>
        header is not null && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(secret, body)), Encoding.ASCII.GetBytes(header));
}
