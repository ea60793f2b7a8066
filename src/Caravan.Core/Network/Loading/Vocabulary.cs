namespace Caravan.Core.Network.Loading;

/// <summary>The words the CSV files use for enumerations, as documented in docs/data-format.md.</summary>
internal static class Vocabulary
{
    public static readonly IReadOnlyDictionary<string, TerminalKind> TerminalKinds = Words(
        ("rail_terminal", TerminalKind.RailTerminal),
        ("seaport", TerminalKind.Seaport),
        ("ferry_port", TerminalKind.FerryPort),
        ("border_crossing", TerminalKind.BorderCrossing),
        ("dry_port", TerminalKind.DryPort),
        ("inland_hub", TerminalKind.InlandHub),
        ("junction", TerminalKind.Junction));

    public static readonly IReadOnlyDictionary<string, TransportMode> Modes = Words(
        ("rail", TransportMode.Rail),
        ("road", TransportMode.Road),
        ("ferry", TransportMode.Ferry),
        ("sea", TransportMode.Sea));

    public static readonly IReadOnlyDictionary<string, LinkAvailability> Availabilities = Words(
        ("continuous", LinkAvailability.Continuous),
        ("scheduled", LinkAvailability.Scheduled));

    public static readonly IReadOnlyDictionary<string, Energy> Energies = Words(
        ("electric", Energy.Electric),
        ("diesel", Energy.Diesel),
        ("hfo", Energy.HeavyFuelOil),
        ("mdo", Energy.MarineDieselOil),
        ("vlsfo", Energy.VeryLowSulphurFuelOil),
        ("lng", Energy.LiquefiedNaturalGas));

    public static readonly IReadOnlyDictionary<string, LocodeStatus> LocodeStatuses = Words(
        ("verified", LocodeStatus.Verified),
        ("unverified", LocodeStatus.Unverified),
        ("custom", LocodeStatus.Custom));

    public static readonly IReadOnlyDictionary<string, EmissionCategory> EmissionCategories = Words(
        ("transport", EmissionCategory.Transport),
        ("hub", EmissionCategory.Hub));

    public static readonly IReadOnlyDictionary<string, bool> YesNo = Words(("yes", true), ("no", false));

    /// <summary>The CSV word for a value, for messages and exports.</summary>
    public static string WordFor<T>(IReadOnlyDictionary<string, T> vocabulary, T value)
        where T : struct =>
        vocabulary.First(pair => EqualityComparer<T>.Default.Equals(pair.Value, value)).Key;

    private static Dictionary<string, T> Words<T>(params (string Word, T Value)[] words) =>
        words.ToDictionary(w => w.Word, w => w.Value, StringComparer.OrdinalIgnoreCase);
}
