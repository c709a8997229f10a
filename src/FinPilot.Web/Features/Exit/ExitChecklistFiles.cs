using FinPilot.Domain.Applications;
using FinPilot.Domain.Common;
using FinPilot.Domain.Exit;
using FinPilot.Web.Features.Files;
using FinPilot.Web.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FinPilot.Web.Features.Exit;

/// <summary>
/// Evidence files of the customer-protection checklist: the institution attaches one file per item
/// while it self-assesses (through the Files store, by SHA-256, size- and type-checked); whoever may
/// read the exit (the institution, the region's working group, the coordination group) downloads it.
/// </summary>
public sealed class ExitChecklistFiles(ExitQueries queries, ExitService exits, IFileStore files, FileStoreOptions limits)
{
    /// <summary>A checklist item's evidence file is at most this size (or the store's limit, if lower).</summary>
    public const long MaxFileBytes = 10L * 1024 * 1024;

    public long Limit => Math.Min(MaxFileBytes, limits.MaxFileBytes);

    /// <summary>Stores <paramref name="content"/> as the item's file, under the uploader's <paramref name="fileName"/> (made safe).</summary>
    public async Task<Result<ExitCase>> AttachAsync(Guid exitId, ChecklistItemKind kind, Stream content, string? fileName, Guid expected, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var view = await queries.GetAsync(exitId, cancellationToken);
        if (!view.Succeeded)
        {
            return Result<ExitCase>.Fail([.. view.Errors]);
        }

        // Only the institution, while it self-assesses, attaches; the file is stored only after that check.
        if (!view.Value.Allowed.SelfAssess)
        {
            return Problems.Forbidden;
        }

        if (view.Value.Case.Checklist.FirstOrDefault(i => i.Kind == kind) is not { } item)
        {
            return new Error(ExitErrors.ChecklistKindInvalid, "Kind");
        }

        await using var buffer = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        await Uploads.CopyAtMostAsync(content, buffer, Limit + 1, cancellationToken);
        if (buffer.Length > Limit)
        {
            return new Error(ApplicationErrors.FileTooLarge, "File", Limit / (1024 * 1024));
        }

        buffer.Position = 0;
        var type = buffer.Length == 0 ? null : FileTypes.Detect(buffer);
        if (type is null)
        {
            return new Error(ApplicationErrors.FileTypeRefused, "File");
        }

        buffer.Position = 0;
        var stored = await files.PutAsync(buffer, Limit, cancellationToken);
        if (stored is null)
        {
            return new Error(ApplicationErrors.FileTooLarge, "File", Limit / (1024 * 1024));
        }

        return await exits.RecordChecklistFileAsync(exitId, kind, item.Done, item.Evidence, stored.Sha256, NameOf(fileName, kind, stored.Sha256, type), expected, cancellationToken);
    }

    /// <summary>The evidence file of an item, for those who may read the exit.</summary>
    public async Task<Result<(Stream Content, string ContentType, string FileName)>> OpenAsync(Guid exitId, ChecklistItemKind kind, CancellationToken cancellationToken = default)
    {
        var view = await queries.GetAsync(exitId, cancellationToken);
        if (!view.Succeeded)
        {
            return Result<(Stream, string, string)>.Fail([.. view.Errors]);
        }

        if (view.Value.Case.Checklist.FirstOrDefault(i => i.Kind == kind) is not { FileSha256: { } sha } item
            || await files.OpenReadAsync(sha, cancellationToken) is not { } stream)
        {
            return new Error(ExitErrors.NotFound);
        }

        var type = FileTypes.Detect(stream) ?? "application/octet-stream";
        stream.Position = 0;
        return (stream, type, item.FileName ?? NameOf(null, kind, sha, type));
    }

    /// <summary>
    /// The uploader's name made safe (<see cref="Uploads.SafeName"/>), ending in the extension of the type found in the file
    /// (a PDF named "x.exe" is kept as "x.exe.pdf"); a file sent with no name gets one from the item and the SHA-256.
    /// </summary>
    public static string NameOf(string? uploaded, ChecklistItemKind kind, string sha256, string contentType)
    {
        ArgumentNullException.ThrowIfNull(sha256);
        var extension = string.IsNullOrEmpty(contentType) || contentType == "application/octet-stream" ? string.Empty : FileTypes.Extension(contentType);
        if (string.IsNullOrWhiteSpace(uploaded) || Uploads.SafeName(uploaded) is not { } safe || safe == "attachment")
        {
            return $"{kind}-{sha256[..12]}{extension}";
        }

        var own = Path.GetExtension(safe);
        var matches = extension.Length == 0 || string.Equals(own, extension, StringComparison.OrdinalIgnoreCase)
            || (extension == ".jpg" && string.Equals(own, ".jpeg", StringComparison.OrdinalIgnoreCase));
        return Uploads.SafeName(matches ? safe : safe + extension);
    }

}

/// <summary>Where the exit page's plain HTML upload form posts (Blazor's form handling does not stream uploads), and the download.</summary>
public static class ExitChecklistFileEndpoints
{
    public static IEndpointRouteBuilder MapExitChecklistFiles(this IEndpointRouteBuilder app)
    {
        app.MapPost("/pilots/{projectId:guid}/exit/checklist-files", async (Guid projectId, IFormFile? file, [Microsoft.AspNetCore.Mvc.FromForm] string? kind,
            [Microsoft.AspNetCore.Mvc.FromForm] Guid? exitId, [Microsoft.AspNetCore.Mvc.FromForm] Guid? exitVersion, ExitChecklistFiles evidence, CancellationToken ct) =>
        {
            if (file is null || !Enum.TryParse<ChecklistItemKind>(kind, out var k) || exitId is not { } id)
            {
                return Back(projectId, ApplicationErrors.FileTypeRefused.Value);
            }

            await using var content = file.OpenReadStream();
            var result = await evidence.AttachAsync(id, k, content, file.FileName, exitVersion ?? Guid.Empty, ct);
            return Back(projectId, result.Succeeded ? null : result.Errors[0].Code.Value);
        }).RequireAuthorization().ExcludeFromDescription();
        app.MapGet("/exits/{id:guid}/checklist/{kind}/file", async Task<Results<FileStreamHttpResult, ProblemHttpResult>> (Guid id, string kind, ExitChecklistFiles evidence, CancellationToken ct) =>
        {
            if (!Enum.TryParse<ChecklistItemKind>(kind, out var k) || !Enum.IsDefined(k))
            {
                return Problems.NotFound();
            }

            var opened = await evidence.OpenAsync(id, k, ct);
            return opened.Succeeded
                ? TypedResults.File(opened.Value.Content, opened.Value.ContentType, opened.Value.FileName)
                : Problems.From(opened.Errors);
        }).RequireAuthorization().ExcludeFromDescription();
        return app;
    }

    public static string DownloadPath(Guid exitId, ChecklistItemKind kind) => $"exits/{exitId}/checklist/{kind}/file";

    private static RedirectHttpResult Back(Guid projectId, string? error) =>
        TypedResults.Redirect(error is null ? $"/pilots/{projectId}/exit?fileSaved=true#checklist-form-heading" : $"/pilots/{projectId}/exit?fileError={Uri.EscapeDataString(error)}#checklist-form-heading");
}
