using System.Buffers;

namespace Caravan.Server.Hosting;

/// <summary>
/// A request's whole body in memory, for the endpoints that parse it at once (events, telemetry). The body-size
/// middleware has already refused a declared length over the endpoint's limit, and given a body sent without one a
/// length (or left it to stream, for the large-body endpoints). A body of declared length is read into an array
/// rented from the shared pool and returned when the request is done with it, so a busy append path does not
/// allocate a batch-sized array per request; nothing may keep <see cref="Memory"/> past <see cref="Dispose"/>.
/// </summary>
internal sealed class RequestBody : IDisposable
{
    /// <summary>
    /// The largest declared length read straight into a rented array of that size: about a batch's worth, so a
    /// length claimed but never sent reserves little. Within it there is no growing buffer copied at each doubling.
    /// </summary>
    private const long PresizedBytes = 1 << 20;

    private byte[]? _rented;

    private RequestBody(ReadOnlyMemory<byte> memory, byte[]? rented)
    {
        Memory = memory;
        _rented = rented;
    }

    /// <summary>The body's bytes, valid until the body is disposed.</summary>
    public ReadOnlyMemory<byte> Memory { get; private set; }

    public static async Task<RequestBody> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength is { } length && length <= PresizedBytes)
        {
            var rented = ArrayPool<byte>.Shared.Rent((int)length);
            try
            {
                var read = await request.Body.ReadAtLeastAsync(rented.AsMemory(0, (int)length), (int)length, throwOnEndOfStream: false, cancellationToken)
                    .ConfigureAwait(false);
                return new RequestBody(rented.AsMemory(0, read), rented);
            }
            catch
            {
                ArrayPool<byte>.Shared.Return(rented);
                throw;
            }
        }

        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        return new RequestBody(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), rented: null);
    }

    public void Dispose()
    {
        Memory = default;
        if (_rented is { } rented)
        {
            _rented = null;
            ArrayPool<byte>.Shared.Return(rented);
        }
    }
}
