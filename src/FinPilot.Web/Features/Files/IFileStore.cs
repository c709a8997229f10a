namespace FinPilot.Web.Features.Files;

/// <summary>A stored blob: its SHA-256 (lower-case hex) is its name.</summary>
public sealed record StoredFile(string Sha256, long Size);

/// <summary>
/// Content-addressed storage for uploads, kept outside the database. The same bytes are stored
/// once; an S3-compatible store can replace the local one behind this interface.
/// </summary>
public interface IFileStore
{
    /// <summary>Stores the stream, refusing (null) anything over <paramref name="maxBytes"/> without keeping a byte of it.</summary>
    Task<StoredFile?> PutAsync(Stream content, long maxBytes, CancellationToken cancellationToken = default);

    Task<Stream?> OpenReadAsync(string sha256, CancellationToken cancellationToken = default);
}
