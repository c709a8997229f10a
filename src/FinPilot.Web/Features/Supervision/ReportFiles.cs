using FinPilot.Domain.Applications;
using FinPilot.Domain.Common;
using FinPilot.Domain.Supervision.Reports;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Audit;
using FinPilot.Web.Features.Commands;
using FinPilot.Web.Features.Files;
using FinPilot.Web.Features.Identity;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Features.Supervision;

/// <summary>
/// Files of a periodic report, on the application attachments' rules: checked by content (PDF,
/// DOCX, XLSX, PNG, JPEG), the per-file size limit, stored by hash; every download audited.
/// </summary>
public sealed class ReportFiles(
    PeriodicReportService reports, CurrentUser current, IFileStore files, FileStoreOptions limits, AuditLog audit,
    CommandPipeline commands, TimeProvider clock)
{
    public const int MaxFileNameLength = 200;

    public async Task<Result<ReportFile>> AttachAsync(Guid reportId, string fileName, Stream content, CancellationToken cancellationToken = default)
    {
        var (report, error) = await reports.LoadAsync(reportId, SupervisionOperations.Report, tracked: true, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        if (!report!.IsEditable)
        {
            return new Error(ReportErrors.Frozen, null, report.Status);
        }

        // Detection needs to look inside ZIP containers, so the upload is buffered (it is size-limited first).
        await using var buffer = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        await Uploads.CopyAtMostAsync(content, buffer, limits.MaxFileBytes + 1, cancellationToken);
        if (buffer.Length > limits.MaxFileBytes)
        {
            return new Error(ApplicationErrors.FileTooLarge, "File", limits.MaxFileBytes / (1024 * 1024));
        }

        var type = FileTypes.Detect(buffer);
        if (type is null)
        {
            return new Error(ApplicationErrors.FileTypeRefused, "File");
        }

        buffer.Position = 0;
        var stored = await files.PutAsync(buffer, limits.MaxFileBytes, cancellationToken);
        if (stored is null)
        {
            return new Error(ApplicationErrors.FileTooLarge, "File", limits.MaxFileBytes / (1024 * 1024));
        }

        var now = clock.GetUtcNow();
        var file = new ReportFile(Guid.CreateVersion7(now), Uploads.SafeName(fileName), type, stored.Size, stored.Sha256, now, current.Id!);
        var attached = report.Attach(file, now);
        if (!attached.Succeeded)
        {
            return Result<ReportFile>.Fail([.. attached.Errors]);
        }

        return await commands.SaveAsync(file, ReportErrors.Concurrency, cancellationToken);
    }

    public async Task<Result> RemoveAsync(Guid reportId, Guid fileId, CancellationToken cancellationToken = default)
    {
        var (report, error) = await reports.LoadAsync(reportId, SupervisionOperations.Report, tracked: true, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        var removed = report!.RemoveFile(fileId, clock.GetUtcNow());
        if (!removed.Succeeded)
        {
            return removed;
        }

        return await commands.SaveAsync(ReportErrors.Concurrency, cancellationToken);
    }

    /// <summary>The file for a reader of the report; every download is in the audit trail.</summary>
    public async Task<Result<(ReportFile File, Stream Content)>> OpenAsync(Guid reportId, Guid fileId, CancellationToken cancellationToken = default)
    {
        var (report, error) = await reports.LoadAsync(reportId, SupervisionOperations.Read, tracked: false, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        var file = report!.Files.FirstOrDefault(f => f.Id == fileId);
        var content = file is null ? null : await files.OpenReadAsync(file.Sha256, cancellationToken);
        if (file is null || content is null)
        {
            return new Error(ReportErrors.FileNotFound);
        }

        await audit.WriteAsync(SupervisionActions.ReportFileDownloaded, AuditResource.PeriodicReport, reportId.ToString(), new { file.FileName, file.Sha256 }, cancellationToken: cancellationToken);
        return (file, content);
    }
}
