using System.Text;
using Caravan.Core.Events;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Caravan.Core.Tests.Events;

/// <summary>
/// Changing one byte of one stored field of one entry — and nothing else — is caught at that entry: every
/// field but the entry hash is in the entry's record, so its hash no longer matches; the entry hash itself,
/// the sequence and the link are checked directly. The same holds when writes append several entries and only the
/// last of each carries the platform's signature. (A rewrite that recomputes the hashes is a different attack;
/// see <see cref="ChainTests"/>.)
/// </summary>
public sealed class ChainTamperingProperties
{
    private const int FieldCount = 12;

    [Property(MaxTest = 200)]
    public Property Changing_any_byte_of_any_stored_field_breaks_the_chain_at_that_entry() =>
        Prop.ForAll(Tamperings().ToArbitrary(), t =>
        {
            using var chain = TestChain.Build(t.Length, t.EntriesPerWrite);
            var entries = chain.Entries.ToList();
            var index = t.Entry % t.Length;
            entries[index] = Tamper(entries[index], t.Field, t.Position, t.Mask);

            var result = chain.Verify(entries);
            var all = chain.Verify(entries, all: true);

            return (!result.Intact)
                .Label($"{t}: chain still verifies")
                .And(result.FirstBroken?.Index == index)
                .Label($"{t}: broken at {result.FirstBroken}, expected index {index}")
                .And(all.FirstBroken?.Index == index)
                .Label($"{t}: with every platform signature, broken at {all.FirstBroken}");
        });

    private static Gen<Tampering> Tamperings() =>
        from length in Gen.Choose(1, 5)
        from entry in Gen.Choose(0, 4)
        from field in Gen.Choose(0, FieldCount - 1)
        from position in Gen.Choose(0, 10_000)
        from mask in Gen.Choose(1, 255)
        from entriesPerWrite in Gen.Choose(1, 3)
        select new Tampering(length, entry, field, position, (byte)mask, entriesPerWrite);

    private static ChainEntry Tamper(ChainEntry e, int field, int position, byte mask) => field switch
    {
        0 => e with { Sequence = BitConverter.ToInt64(Flip(BitConverter.GetBytes(e.Sequence), position, mask)) },
        1 => e with { ShipmentId = Flip(e.ShipmentId, position, mask) },
        2 => e with { EventId = new Guid(Flip(e.EventId.ToByteArray(), position, mask)) },
        3 => e with { EventJson = Flip(e.EventJson.ToArray(), position, mask) },
        4 => e with { AuthorPartyId = Flip(e.AuthorPartyId, position, mask) },
        5 => e with { AuthorKid = Flip(e.AuthorKid, position, mask) },
        6 => e with { AuthorSignature = Flip(e.AuthorSignature, position, mask) },
        7 => e with { PreviousHash = Flip(e.PreviousHash, position, mask) },
        // The low seven bytes of the ticks: any change there stays a valid time (within ±228 years).
        8 => e with { RecordedAt = new DateTimeOffset(BitConverter.ToInt64(Flip(BitConverter.GetBytes(e.RecordedAt.UtcTicks), position % 7, mask)), TimeSpan.Zero) },
        9 => e with { PlatformKid = Flip(e.PlatformKid, position, mask) },
        // An entry a later entry of its write follows has no platform signature: giving it one is the change.
        10 => e with { PlatformSignature = e.IsPlatformSigned ? Flip(e.PlatformSignature, position, mask) : new string((char)('a' + (mask % 26)), 1 + (position % 90)) },
        _ => e with { EntryHash = Flip(e.EntryHash, position, mask) },
    };

    private static byte[] Flip(byte[] bytes, int position, byte mask)
    {
        bytes[position % bytes.Length] ^= mask;
        return bytes;
    }

    // A string field is stored as UTF-8; a flipped byte that breaks the encoding reads back as U+FFFD.
    private static string Flip(string text, int position, byte mask) =>
        Encoding.UTF8.GetString(Flip(Encoding.UTF8.GetBytes(text), position, mask));

    private sealed record Tampering(int Length, int Entry, int Field, int Position, byte Mask, int EntriesPerWrite);
}
