using System.Net;
using System.Net.Sockets;

namespace Caravan.Server.Webhooks;

/// <summary>
/// Which addresses a webhook may be delivered to. Unless <see cref="WebhookOptions.AllowPrivateAddresses"/> is set,
/// only public ones: a party must not make the server post to, and report the answers of, what only the server can
/// reach — its own loopback services, a cloud metadata service (169.254.169.254), hosts of the private network.
/// </summary>
public static class WebhookAddresses
{
    /// <summary>What kind of address that is not public <paramref name="address"/> is ("loopback", "private", …); null when public.</summary>
    public static string? NonPublicKind(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
        {
            return NonPublicKind(address.MapToIPv4());
        }

        Span<byte> bytes = stackalloc byte[16];
        if (!address.TryWriteBytes(bytes, out var length))
        {
            return "unreadable";
        }

        return length == 4 ? OfIPv4(bytes[..4]) : OfIPv6(bytes);
    }

    /// <summary>
    /// Why <paramref name="url"/> may not be delivered to: its host is, or resolves to, an address that is not public
    /// (the first such, named). Null when every address it resolves to is public, or when it does not resolve (the
    /// delivery then fails as any unreachable receiver does).
    /// </summary>
    public static async Task<string?> RefusalAsync(Uri url, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        IPAddress[] addresses;
        try
        {
            addresses = await ResolveAsync(url.IdnHost, cancellationToken).ConfigureAwait(false);
        }
        catch (SocketException)
        {
            return null;
        }

        return Refusal(url.IdnHost, addresses);
    }

    /// <summary>Why <paramref name="host"/>, resolved to <paramref name="addresses"/>, may not be delivered to; null when all are public.</summary>
    public static string? Refusal(string host, IReadOnlyList<IPAddress> addresses)
    {
        ArgumentNullException.ThrowIfNull(addresses);
        foreach (var address in addresses)
        {
            if (NonPublicKind(address) is { } kind)
            {
                var what = IPAddress.TryParse(host, out _) ? $"{address} is" : $"{host} resolves to {address},";
                var article = kind[0] is 'a' or 'e' or 'i' or 'o' or 'u' ? "an" : "a";
                return $"{what} {article} {kind} address; webhooks are delivered to public addresses only.";
            }
        }

        return null;
    }

    /// <summary>The addresses of <paramref name="host"/>: itself when it is an IP address, else from DNS.</summary>
    internal static async Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken)
    {
        var bare = host.StartsWith('[') && host.EndsWith(']') ? host[1..^1] : host;
        return IPAddress.TryParse(bare, out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(bare, cancellationToken).ConfigureAwait(false);
    }

    private static string? OfIPv4(ReadOnlySpan<byte> a) => a[0] switch
    {
        0 => "unspecified",
        10 => "private",
        100 when (a[1] & 0xC0) == 64 => "private", // 100.64.0.0/10, shared address space (RFC 6598)
        127 => "loopback",
        169 when a[1] == 254 => "link-local",
        172 when (a[1] & 0xF0) == 16 => "private",
        192 when a[1] == 168 => "private",
        192 when a[1] == 0 && a[2] == 0 => "reserved", // 192.0.0.0/24, IETF protocol assignments
        198 when (a[1] & 0xFE) == 18 => "reserved", // 198.18.0.0/15, benchmarking
        >= 224 and < 240 => "multicast",
        >= 240 => "reserved", // 240.0.0.0/4 and the broadcast address
        _ => null,
    };

    private static string? OfIPv6(ReadOnlySpan<byte> a)
    {
        if (a[..15].IndexOfAnyExcept((byte)0) < 0)
        {
            return a[15] switch
            {
                0 => "unspecified",
                1 => "loopback",
                _ => "reserved",
            };
        }

        if (a[..12].IndexOfAnyExcept((byte)0) < 0)
        {
            return OfIPv4(a[12..]) ?? "reserved"; // ::a.b.c.d, IPv4-compatible (deprecated)
        }

        if (a[0] == 0x00 && a[1] == 0x64 && a[2] == 0xFF && a[3] == 0x9B && a[4..12].IndexOfAnyExcept((byte)0) < 0)
        {
            return OfIPv4(a[12..]); // 64:ff9b::/96, NAT64 of an IPv4 address
        }

        if (a[0] == 0x20 && a[1] == 0x02)
        {
            return OfIPv4(a[2..6]); // 2002::/16, 6to4 of an IPv4 address
        }

        return a[0] switch
        {
            0xFF => "multicast",
            0xFE when (a[1] & 0xC0) == 0x80 => "link-local",
            0xFE when (a[1] & 0xC0) == 0xC0 => "private", // fec0::/10, site-local (deprecated)
            0xFC or 0xFD => "private", // fc00::/7, unique local
            _ => null,
        };
    }
}
