namespace Caravan.Server.Mqtt;

/// <summary>
/// A connection's stream that follows MQTT framing as it is read and fails as soon as a fixed header announces a
/// packet longer than the limit, before its body is read: MQTTnet's broker has no incoming size limit and would
/// otherwise buffer any packet up to MQTT's 256 MB, authenticated or not (a CONNECT comes before authentication).
/// </summary>
internal sealed class PacketLimitStream(Stream inner, int maxRemainingLength, Action<long> tooLarge) : Stream
{
    private State _state = State.Header;
    private long _length;
    private int _shift;
    private long _remaining;

    private enum State
    {
        Header,
        Length,
        Body,
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        Follow(buffer.Span[..read]);
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count)
    {
        var read = inner.Read(buffer, offset, count);
        Follow(buffer.AsSpan(offset, read));
        return read;
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) => inner.WriteAsync(buffer, cancellationToken);

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => inner.WriteAsync(buffer, offset, count, cancellationToken);

    public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);

    public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

    public override void Flush() => inner.Flush();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    public override ValueTask DisposeAsync() => inner.DisposeAsync();

    private void Follow(ReadOnlySpan<byte> bytes)
    {
        var i = 0;
        while (i < bytes.Length)
        {
            switch (_state)
            {
                case State.Header:
                    _state = State.Length;
                    _length = 0;
                    _shift = 0;
                    i++;
                    break;
                case State.Length:
                    // MQTT 3.1.1 §2.2.3 / 5.0 §1.5.5: the remaining length, 7 bits per byte, least significant first.
                    var b = bytes[i++];
                    _length |= (long)(b & 0x7F) << _shift;
                    _shift += 7;
                    if (_length > maxRemainingLength)
                    {
                        tooLarge(_length);
                        throw new IOException($"An MQTT packet announced {_length} bytes; at most {maxRemainingLength} are accepted.");
                    }

                    if ((b & 0x80) == 0)
                    {
                        _remaining = _length;
                        _state = _remaining == 0 ? State.Header : State.Body;
                    }
                    else if (_shift >= 28)
                    {
                        throw new IOException("An MQTT packet's remaining length is malformed.");
                    }

                    break;
                case State.Body:
                    var skip = (int)Math.Min(_remaining, bytes.Length - i);
                    i += skip;
                    _remaining -= skip;
                    if (_remaining == 0)
                    {
                        _state = State.Header;
                    }

                    break;
            }
        }
    }
}
