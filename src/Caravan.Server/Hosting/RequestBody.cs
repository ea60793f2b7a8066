namespace Caravan.Server.Hosting;

/// <summary>
/// A request's whole body in memory, for the endpoints that parse it at once (events, telemetry). The body-size
/// middleware has already refused a declared length over the endpoint's limit, and given a body sent without one a
/// length (or left it to stream, for the large-body endpoints).
/// </summary>
internal static class RequestBody
{
    /// <summary>
    /// The largest declared length read straight into an array of that size: about a batch's worth, so a length
    /// claimed but never sent reserves little. Within it there is no growing buffer copied at each doubling, and for a
    /// batch of 100 events no array past the large-object heap's threshold.
    /// </summary>
    private const long PresizedBytes = 1 << 20;

    public static async Task<ReadOnlyMemory<byte>> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength is { } length && length <= PresizedBytes)
        {
            var body = new byte[length];
            var read = await request.Body.ReadAtLeastAsync(body, body.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
            return body.AsMemory(0, read);
        }

        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        return buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
    }
}
