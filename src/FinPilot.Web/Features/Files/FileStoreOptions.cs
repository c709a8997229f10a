namespace FinPilot.Web.Features.Files;

/// <summary>The <c>Files</c> section: where uploads live and how large they may be.</summary>
public sealed class FileStoreOptions
{
    public const string Section = "Files";

    /// <summary>Directory of the content-addressed store; empty means <c>data/files</c> beside the SQLite file.</summary>
    public string Root { get; set; } = string.Empty;

    public long MaxFileBytes { get; set; } = 20L * 1024 * 1024;

    public long MaxApplicationBytes { get; set; } = 100L * 1024 * 1024;
}
