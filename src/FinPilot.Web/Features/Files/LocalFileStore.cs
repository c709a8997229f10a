using System.Security.Cryptography;

namespace FinPilot.Web.Features.Files;

/// <summary>Files under <c>root/ab/abcdef…</c>, written to a temporary name and moved into place once whole.</summary>
public sealed class LocalFileStore(string root) : IFileStore
{
    public string Root { get; } = root;

    public async Task<StoredFile?> PutAsync(Stream content, long maxBytes, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(Root);
        var temporary = Path.Combine(Root, $".upload-{Guid.NewGuid():N}");
        try
        {
            long size = 0;
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            await using (var output = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                var buffer = new byte[81920];
                int read;
                while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    size += read;
                    if (size > maxBytes)
                    {
                        return null;
                    }

                    hash.AppendData(buffer, 0, read);
                    await output.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }
            }

            var sha256 = Convert.ToHexStringLower(hash.GetHashAndReset());
            var target = PathOf(sha256);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            if (File.Exists(target))
            {
                return new StoredFile(sha256, size);
            }

            File.Move(temporary, target);
            return new StoredFile(sha256, size);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }

    public Task<Stream?> OpenReadAsync(string sha256, CancellationToken cancellationToken = default)
    {
        if (sha256.Length != 64 || !sha256.All(char.IsAsciiHexDigitLower))
        {
            return Task.FromResult<Stream?>(null);
        }

        var path = PathOf(sha256);
        return Task.FromResult<Stream?>(File.Exists(path) ? File.OpenRead(path) : null);
    }

    private string PathOf(string sha256) => Path.Combine(Root, sha256[..2], sha256);
}
