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

        return OfRanges(address);
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

    // The ranges that are not public, by what they are; checked in order (the exact IPv6 addresses before ::/96).
    private static readonly (IPNetwork Range, string Kind)[] NonPublicRanges =
    [
        (IPNetwork.Parse("0.0.0.0/8"), "unspecified"),
        (IPNetwork.Parse("10.0.0.0/8"), "private"),
        (IPNetwork.Parse("100.64.0.0/10"), "private"), // shared address space (RFC 6598)
        (IPNetwork.Parse("127.0.0.0/8"), "loopback"),
        (IPNetwork.Parse("169.254.0.0/16"), "link-local"),
        (IPNetwork.Parse("172.16.0.0/12"), "private"),
        (IPNetwork.Parse("192.0.0.0/24"), "reserved"), // IETF protocol assignments
        (IPNetwork.Parse("192.168.0.0/16"), "private"),
        (IPNetwork.Parse("198.18.0.0/15"), "reserved"), // benchmarking
        (IPNetwork.Parse("224.0.0.0/4"), "multicast"),
        (IPNetwork.Parse("240.0.0.0/4"), "reserved"), // and the broadcast address
        (IPNetwork.Parse("::/128"), "unspecified"),
        (IPNetwork.Parse("::1/128"), "loopback"),
        (IPNetwork.Parse("::/120"), "reserved"),
        (IPNetwork.Parse("ff00::/8"), "multicast"),
        (IPNetwork.Parse("fe80::/10"), "link-local"),
        (IPNetwork.Parse("fec0::/10"), "private"), // site-local (deprecated)
        (IPNetwork.Parse("fc00::/7"), "private"), // unique local
    ];

    // IPv6 forms that carry an IPv4 address: where its four bytes are, and what the form is when that address is
    // public (NAT64 and 6to4 reach it; the deprecated IPv4-compatible form reaches nothing).
    private static readonly (IPNetwork Range, int Offset, string? OtherwiseKind)[] CarryingIPv4 =
    [
        (IPNetwork.Parse("64:ff9b::/96"), 12, null),
        (IPNetwork.Parse("2002::/16"), 2, null),
        (IPNetwork.Parse("::/96"), 12, "reserved"),
    ];

    private static string? OfRanges(IPAddress address)
    {
        foreach (var (range, kind) in NonPublicRanges)
        {
            if (range.Contains(address))
            {
                return kind;
            }
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            foreach (var (range, offset, otherwise) in CarryingIPv4)
            {
                if (range.Contains(address))
                {
                    return OfRanges(new IPAddress(address.GetAddressBytes().AsSpan(offset, 4))) ?? otherwise;
                }
            }
        }

        return null;
    }
}
