using System.Security.Cryptography;
using Caravan.Core.Shipments;
using Microsoft.Data.Sqlite;

namespace Caravan.Storage.Sqlite;

/// <summary>
/// Documents as files named by their SHA-256 under <c>DATA/documents/ab/cdef…</c> and a metadata row per shipment in
/// SQLite. The file is written (to a temporary name, flushed to disk, then moved) before the row, so a row never
/// names missing bytes; identical bytes are kept once however often they are attached.
/// </summary>
public sealed class SqliteDocumentStore : IDocumentStore
{
    private const string Columns = "sha256, file_name, content_type, size_bytes, uploaded_by, uploaded_at";

    private readonly SqliteDatabase _database;
    private readonly SqliteWriter _writer;
    private readonly string _root;

    public SqliteDocumentStore(SqliteDatabase database, SqliteWriter writer)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(writer);
        _database = database;
        _writer = writer;
        _root = Path.Combine(database.DataDirectory, "documents");
    }

    /// <summary>Whether <paramref name="text"/> is a SHA-256 as documents are named: 64 lower-case hex digits.</summary>
    public static bool IsSha256(string? text) =>
        text is { Length: 64 } && text.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f');

    public async Task<DocumentAddResult> AddAsync(ShipmentId shipment, Stream content, long maxBytes, DocumentUpload upload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(upload);
        ArgumentOutOfRangeException.ThrowIfNegative(maxBytes);
        var temporary = Path.Combine(_root, "incoming", $"{Guid.NewGuid():N}.part");
        Directory.CreateDirectory(Path.GetDirectoryName(temporary)!);
        string sha256;
        long size;
        try
        {
            (sha256, size) = await CopyAsync(content, temporary, maxBytes, cancellationToken).ConfigureAwait(false);
            if (size > maxBytes)
            {
                return new DocumentAddResult(DocumentAddOutcome.TooLarge, null);
            }

            var target = ContentPath(sha256);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            if (!File.Exists(target))
            {
                try
                {
                    File.Move(temporary, target);
                }
                catch (IOException) when (File.Exists(target))
                {
                    // Another upload of the same bytes moved its copy first; the content is the same.
                }
            }
        }
        finally
        {
            File.Delete(temporary);
        }

        var document = new ShipmentDocument(sha256, upload.FileName, upload.ContentType, size, upload.UploadedBy, upload.UploadedAt);
        var stored = await _writer.WriteAsync(
            (connection, transaction) =>
            {
                using var insert = connection.Command(
                    transaction,
                    $"INSERT INTO documents (shipment_id, {Columns}) VALUES ($shipment, $sha, $name, $type, $size, $by, $at) ON CONFLICT DO NOTHING",
                    ("$shipment", shipment.Value),
                    ("$sha", sha256),
                    ("$name", upload.FileName),
                    ("$type", upload.ContentType),
                    ("$size", size),
                    ("$by", upload.UploadedBy.Value),
                    ("$at", Sql.Time(upload.UploadedAt)));
                return insert.ExecuteNonQuery() == 1;
            },
            cancellationToken).ConfigureAwait(false);
        if (stored)
        {
            return new DocumentAddResult(DocumentAddOutcome.Attached, document);
        }

        return new DocumentAddResult(DocumentAddOutcome.AlreadyAttached, await FindAsync(shipment, sha256, cancellationToken).ConfigureAwait(false));
    }

    public async Task<ShipmentDocument?> FindAsync(ShipmentId shipment, string sha256, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sha256);
        await using var connection = await _database.OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var select = connection.Command(
            null,
            $"SELECT {Columns} FROM documents WHERE shipment_id = $shipment AND sha256 = $sha",
            ("$shipment", shipment.Value),
            ("$sha", sha256));
        await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? Read(reader) : null;
    }

    public async Task<IReadOnlyList<ShipmentDocument>> ListAsync(ShipmentId shipment, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var select = connection.Command(
            null,
            $"SELECT {Columns} FROM documents WHERE shipment_id = $shipment ORDER BY uploaded_at, rowid",
            ("$shipment", shipment.Value));
        await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var documents = new List<ShipmentDocument>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            documents.Add(Read(reader));
        }

        return documents;
    }

    public Stream? OpenContent(string sha256)
    {
        if (!IsSha256(sha256))
        {
            return null;
        }

        var path = ContentPath(sha256);
        return File.Exists(path)
            ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, useAsync: true)
            : null;
    }

    /// <summary>Where the bytes of <paramref name="sha256"/> are kept: <c>documents/ab/cdef…</c>.</summary>
    public string ContentPath(string sha256) => Path.Combine(_root, sha256[..2], sha256[2..]);

    private static async Task<(string Sha256, long Size)> CopyAsync(Stream content, string path, long maxBytes, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[81920];
        long size = 0;
        await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, buffer.Length, useAsync: true))
        {
            int read;
            while ((read = await content.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
            {
                size += read;
                if (size > maxBytes)
                {
                    return (string.Empty, size);
                }

                hash.AppendData(buffer, 0, read);
                await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
            }

            await file.FlushAsync(cancellationToken).ConfigureAwait(false);
            file.Flush(flushToDisk: true);
        }

        return (Convert.ToHexStringLower(hash.GetHashAndReset()), size);
    }

    private static ShipmentDocument Read(SqliteDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        reader.GetString(2),
        reader.GetInt64(3),
        PartyId.Parse(reader.GetString(4)),
        Sql.ReadTime(reader.GetString(5)));
}
