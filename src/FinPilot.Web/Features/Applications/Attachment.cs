using FinPilot.Domain.Applications;
using FinPilot.Web.Features.Files;

namespace FinPilot.Web.Features.Applications;

/// <summary>A file attached to one version of an application; the bytes live in the file store under <see cref="Sha256"/>.</summary>
public sealed class Attachment
{
    public const int MaxFileNameLength = 200;

    private Attachment()
    {
    }

    public Guid Id { get; private set; }

    public Guid ProjectId { get; private set; }

    public int VersionNumber { get; private set; }

    public string FileName { get; private set; } = string.Empty;

    /// <summary>Detected from the bytes, never taken from the upload's claim.</summary>
    public string ContentType { get; private set; } = string.Empty;

    public long Size { get; private set; }

    public string Sha256 { get; private set; } = string.Empty;

    public DateTimeOffset UploadedAt { get; private set; }

    public string UploadedBy { get; private set; } = string.Empty;

    /// <summary>Which of the call's required materials (申报材料) this file answers, as the call names it; null for a supporting file.</summary>
    public string? Material { get; private set; }

    public static Attachment Create(Guid projectId, int versionNumber, string fileName, string contentType, long size, string sha256, DateTimeOffset now, string by, string? material = null) => new()
    {
        Id = Guid.CreateVersion7(now),
        ProjectId = projectId,
        VersionNumber = versionNumber,
        FileName = Uploads.SafeName(fileName),
        ContentType = contentType,
        Size = size,
        Sha256 = sha256,
        UploadedAt = now,
        UploadedBy = by,
        Material = material,
    };

    /// <summary>The same file carried into the next version (a supplement keeps what it does not replace).</summary>
    public Attachment CarryTo(int versionNumber) => new()
    {
        Id = Guid.CreateVersion7(UploadedAt),
        ProjectId = ProjectId,
        VersionNumber = versionNumber,
        FileName = FileName,
        ContentType = ContentType,
        Size = Size,
        Sha256 = Sha256,
        UploadedAt = UploadedAt,
        UploadedBy = UploadedBy,
        Material = Material,
    };

    /// <summary>What a version comparison needs to know of the file.</summary>
    public AttachmentFact Fact => new(FileName, Sha256, Material);
}
