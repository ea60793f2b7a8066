namespace Caravan.Core.Alerts;

/// <summary>What an <see cref="AlertLatch"/> step decided: an alert opens, or the open one resolves.</summary>
public enum AlertChange
{
    Open,
    Resolve,
}
