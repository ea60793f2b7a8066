namespace Caravan.Core.Geography;

/// <summary>A country's relation to the Shanghai Cooperation Organisation (Tianjin 2025 categories).</summary>
public enum ScoStatus
{
    None,
    Member,
    Partner,
}
