namespace FinPilot.Cli;

/// <summary>Writes a note signer key (PRIVATE+KEY+…) the way a secret should be written.</summary>
internal static class SignerKeyFile
{
    /// <summary>Creates <paramref name="path"/> readable and writable by its owner only, failing
    /// with <see cref="IOException"/> if it exists: an existing key may be the only copy of a log's key.</summary>
    public static void Create(string path, string signerKey)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            // Set at creation, so the key is never readable by others, not even for an instant.
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using var file = new StreamWriter(path, System.Text.Encoding.ASCII, options);
        file.Write(signerKey);
        file.Write('\n');
    }
}
