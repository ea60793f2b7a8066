using System.Security.Cryptography;
using Caravan.Core.Shipments;

namespace Caravan.Server.Shipments;

/// <summary>New shipment ids: <c>CRV-</c> and ten random Crockford base32 characters (50 bits; no I, L, O or U to misread).</summary>
public static class ShipmentIds
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    public static ShipmentId New()
    {
        Span<char> chars = stackalloc char[10];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }

        return ShipmentId.Parse("CRV-" + new string(chars));
    }
}
