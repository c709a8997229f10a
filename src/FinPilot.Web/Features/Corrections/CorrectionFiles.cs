using FinPilot.Domain.Applications;
using FinPilot.Domain.Common;
using FinPilot.Domain.Corrections;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Audit;
using FinPilot.Web.Features.Commands;
using FinPilot.Web.Features.Files;
using FinPilot.Web.Features.Identity;
using FinPilot.Web.Http;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Features.Corrections;

/// <summary>
/// Files of the institution's evidence for a correction order, on the application attachments' rules:
/// checked by content (PDF, DOCX, XLSX, PNG, JPEG), the per-file size limit, stored by hash. The
/// institution attaches them while the evidence is owed; the order's readers (the working group
/// first) download them, every download audited.
/// </summary>
public sealed class CorrectionFiles(
    FinPilotDbContext db, CurrentUser current, IFileStore files, FileStoreOptions limits, AuditLog audit, CommandPipeline commands, TimeProvider clock)
{
    public const int MaxFileNameLength = 200;

    public async Task<Result<CorrectionFile>> AttachAsync(Guid orderId, string fileName, Stream content, CancellationToken ct = default)
    {
        var (order, error) = await LoadAsync(orderId, CorrectionOperations.Answer, tracked: true, ct);
        if (error is not null)
        {
            return error;
        }

        if (order!.Status != CorrectionStatus.AwaitingEvidence)
        {
            db.ChangeTracker.Clear();
            return new Error(CorrectionErrors.WrongStatus, null, order.Status);
        }

        // Detection looks inside ZIP containers, so the upload is buffered (and size-limited first).
        await using var buffer = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        await Uploads.CopyAtMostAsync(content, buffer, limits.MaxFileBytes + 1, ct);
        if (buffer.Length > limits.MaxFileBytes)
        {
            db.ChangeTracker.Clear();
            return new Error(ApplicationErrors.FileTooLarge, "File", limits.MaxFileBytes / (1024 * 1024));
        }

        var type = FileTypes.Detect(buffer);
        if (type is null)
        {
            db.ChangeTracker.Clear();
            return new Error(ApplicationErrors.FileTypeRefused, "File");
        }

        buffer.Position = 0;
        var stored = await files.PutAsync(buffer, limits.MaxFileBytes, ct);
        if (stored is null)
        {
            db.ChangeTracker.Clear();
            return new Error(ApplicationErrors.FileTooLarge, "File", limits.MaxFileBytes / (1024 * 1024));
        }

        var now = clock.GetUtcNow();
        var file = new CorrectionFile(Guid.CreateVersion7(now), Uploads.SafeName(fileName), type, stored.Size, stored.Sha256, now, current.Id!, order.Round);
        var attached = order.AttachFile(file, now);
        if (!attached.Succeeded)
        {
            db.ChangeTracker.Clear();
            return Result<CorrectionFile>.Fail([.. attached.Errors]);
        }

        return await commands.SaveAsync(file, CorrectionErrors.Concurrency, ct);
    }

    public async Task<Result> RemoveAsync(Guid orderId, Guid fileId, CancellationToken ct = default)
    {
        var (order, error) = await LoadAsync(orderId, CorrectionOperations.Answer, tracked: true, ct);
        if (error is not null)
        {
            return error;
        }

        var removed = order!.RemoveFile(fileId, clock.GetUtcNow());
        if (!removed.Succeeded)
        {
            db.ChangeTracker.Clear();
            return removed;
        }

        return await commands.SaveAsync(CorrectionErrors.Concurrency, ct);
    }

    /// <summary>The file for a reader of the order; every download is in the audit trail.</summary>
    public async Task<Result<(CorrectionFile File, Stream Content)>> OpenAsync(Guid orderId, Guid fileId, CancellationToken ct = default)
    {
        var (order, error) = await LoadAsync(orderId, CorrectionOperations.Read, tracked: false, ct);
        if (error is not null)
        {
            return error;
        }

        var file = order!.Files.FirstOrDefault(f => f.Id == fileId);
        var content = file is null ? null : await files.OpenReadAsync(file.Sha256, ct);
        if (file is null || content is null)
        {
            return new Error(CorrectionErrors.FileNotFound);
        }

        await audit.WriteAsync(CorrectionActions.FileDownloaded, AuditResource.CorrectionOrder, orderId.ToString(), new { file.FileName, file.Sha256 }, cancellationToken: ct);
        return (file, content);
    }

    private async Task<(CorrectionOrder? Order, Error? Error)> LoadAsync(Guid orderId, OperationAuthorizationRequirement operation, bool tracked, CancellationToken ct)
    {
        var query = tracked ? db.CorrectionOrders : db.CorrectionOrders.AsNoTracking();
        var order = await query.SingleOrDefaultAsync(o => o.Id == orderId, ct);
        if (order is null)
        {
            return (null, new Error(CorrectionErrors.NotFound));
        }

        if (!await commands.AllowsAsync(CorrectionProject.Of(order), operation))
        {
            db.ChangeTracker.Clear();
            return (null, Problems.Forbidden);
        }

        return (order, null);
    }
}
