using System.Buffers;

namespace Caravan.Core.Events;

/// <summary>
/// A byte buffer reused by each thread for work done on every event (its canonical JSON, an entry's record), so the
/// bytes written stay out of the garbage collector's way. A buffer grown past 64 KiB by an unusually large value is
/// dropped rather than kept, so a thread holds at most that much.
/// </summary>
internal sealed class PerThreadBuffer(int initialBytes)
{
    private const int KeptBytes = 64 * 1024;

    private readonly ThreadLocal<ArrayBufferWriter<byte>?> _buffers = new();

    /// <summary>This thread's buffer, emptied: what it holds is valid until the next <see cref="Take"/> on the thread.</summary>
    public ArrayBufferWriter<byte> Take()
    {
        var buffer = _buffers.Value;
        if (buffer is null || buffer.Capacity > KeptBytes)
        {
            buffer = new ArrayBufferWriter<byte>(initialBytes);
            _buffers.Value = buffer;
        }
        else
        {
            buffer.ResetWrittenCount();
        }

        return buffer;
    }
}
