using FinPilot.Domain.Applications;
using FinPilot.Domain.Common;
using FinPilot.Domain.Projects;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Audit;
using FinPilot.Web.Features.Commands;
using FinPilot.Web.Features.Files;
using FinPilot.Web.Features.Identity;
using FinPilot.Web.Http;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Features.Applications;

/// <summary>Files of an application: checked by content and size, stored by hash, read only by the project's readers.</summary>
public sealed class AttachmentService(
    FinPilotDbContext db, ApplicationService applications, CurrentUser current, IFileStore files, FileStoreOptions limits, AuditLog audit,
    CommandPipeline commands, TimeProvider clock)
{
    /// <summary>Adds a file to the open version, labelled with the call's <paramref name="material"/> it answers (null: a supporting file).</summary>
    public async Task<Result<Attachment>> AttachAsync(Guid projectId, string fileName, Stream content, string? material = null, CancellationToken cancellationToken = default)
    {
        var (project, version, error) = await applications.LoadEditableAsync(projectId, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        material = string.IsNullOrWhiteSpace(material) ? null : material.Trim();
        if (material is not null)
        {
            var required = await db.Calls.AsNoTracking().Where(c => c.Id == project!.CallId).Select(c => c.Materials).SingleAsync(cancellationToken);
            if (!required.Contains(material, StringComparer.Ordinal))
            {
                return new Error(ApplicationErrors.UnknownMaterial, nameof(Attachment.Material), material);
            }
        }

        var used = await db.Attachments.Where(a => a.ProjectId == projectId && a.VersionNumber == version!.Number).SumAsync(a => a.Size, cancellationToken);
        var room = Math.Min(limits.MaxFileBytes, limits.MaxApplicationBytes - used);
        if (room <= 0)
        {
            return new Error(ApplicationErrors.ApplicationTooLarge, "File", limits.MaxApplicationBytes / (1024 * 1024));
        }

        // Detection needs to look inside ZIP containers, so the upload is buffered (it is size-limited first).
        await using var buffer = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        await Uploads.CopyAtMostAsync(content, buffer, room + 1, cancellationToken);
        if (buffer.Length > room)
        {
            return buffer.Length > limits.MaxFileBytes
                ? new Error(ApplicationErrors.FileTooLarge, "File", limits.MaxFileBytes / (1024 * 1024))
                : new Error(ApplicationErrors.ApplicationTooLarge, "File", limits.MaxApplicationBytes / (1024 * 1024));
        }

        var type = FileTypes.Detect(buffer);
        if (type is null)
        {
            return new Error(ApplicationErrors.FileTypeRefused, "File");
        }

        buffer.Position = 0;
        var stored = await files.PutAsync(buffer, room, cancellationToken);
        if (stored is null)
        {
            return new Error(ApplicationErrors.FileTooLarge, "File", limits.MaxFileBytes / (1024 * 1024));
        }

        var attachment = Attachment.Create(projectId, version!.Number, fileName, type, stored.Size, stored.Sha256, clock.GetUtcNow(), current.Id!, material);
        db.Attachments.Add(attachment);
        await commands.SaveAsync(cancellationToken,
            AuditLines.Project(AuditActions.AttachmentAdded, projectId, project!.RegionId, new { attachment.FileName, attachment.Sha256, attachment.Size, attachment.ContentType, attachment.Material }));
        return attachment;
    }

    public async Task<Result> RemoveAsync(Guid projectId, Guid attachmentId, CancellationToken cancellationToken = default)
    {
        var (project, version, error) = await applications.LoadEditableAsync(projectId, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        var attachment = await db.Attachments.SingleOrDefaultAsync(a => a.Id == attachmentId && a.ProjectId == projectId && a.VersionNumber == version!.Number, cancellationToken);
        if (attachment is null)
        {
            return new Error(ApplicationErrors.NotFound);
        }

        db.Attachments.Remove(attachment);
        await commands.SaveAsync(cancellationToken,
            AuditLines.Project(AuditActions.AttachmentRemoved, projectId, project!.RegionId, new { attachment.FileName, attachment.Sha256 }));
        return Result.Ok();
    }

    /// <summary>The file for a reader of the project; every download is in the audit trail.</summary>
    public async Task<Result<(Attachment Attachment, Stream Content)>> OpenAsync(Guid projectId, Guid attachmentId, CancellationToken cancellationToken = default)
    {
        var project = await db.Projects.AsNoTracking().SingleOrDefaultAsync(p => p.Id == projectId, cancellationToken);
        var attachment = await db.Attachments.AsNoTracking().SingleOrDefaultAsync(a => a.Id == attachmentId && a.ProjectId == projectId, cancellationToken);
        if (project is null || attachment is null)
        {
            return new Error(ApplicationErrors.NotFound);
        }

        if (!await commands.AllowsAsync(project, ProjectOperations.View))
        {
            return Problems.Forbidden;
        }

        var content = await files.OpenReadAsync(attachment.Sha256, cancellationToken);
        if (content is null)
        {
            return new Error(ApplicationErrors.NotFound);
        }

        await audit.WriteAsync(AuditLines.Project(AuditActions.AttachmentDownloaded, projectId, null, new { attachment.FileName, attachment.Sha256 }), cancellationToken);
        return (attachment, content);
    }
}
