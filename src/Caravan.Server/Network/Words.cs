using System.Globalization;
using System.Text;
using Caravan.Core.Network;

namespace Caravan.Server.Network;

/// <summary>How enumerations and numbers are written for people and in JSON: the words of the CSV files.</summary>
public static class Words
{
    /// <summary>An enumeration value in snake_case, as the CSV files write it: RailTerminal → rail_terminal.</summary>
    public static string Of<T>(T value)
        where T : struct, Enum
    {
        var name = value.ToString();
        var builder = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                builder.Append('_');
            }

            builder.Append(char.ToLowerInvariant(name[i]));
        }

        return builder.ToString();
    }

    /// <summary>The width in millimetres of a single gauge, or null (not rail, or no single gauge).</summary>
    public static int? GaugeMillimetres(RailGauges gauge) => RailGauge.ToMillimetres(gauge) is var mm and > 0 ? mm : null;

    public static string Number(double value, int decimals) =>
        value.ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}
