namespace Caravan.Core.Network;

/// <summary>The energy carrier of a transport operation (ISO 14083 energy carrier categories).</summary>
public enum Energy
{
    Electric,
    Diesel,
    HeavyFuelOil,
    MarineDieselOil,
    VeryLowSulphurFuelOil,
    LiquefiedNaturalGas,
}
