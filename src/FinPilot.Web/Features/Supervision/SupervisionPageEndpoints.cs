using FinPilot.Domain.Supervision.Reports;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FinPilot.Web.Features.Supervision;

/// <summary>
/// Where the report page's plain HTML forms post files (Blazor's form handling does not stream
/// uploads); each answers with a redirect back to the report, carrying an error code if any.
/// </summary>
public static class SupervisionPageEndpoints
{
    public static IEndpointRouteBuilder MapSupervisionPageEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/supervision/reports/{id:guid}/files").RequireAuthorization().ExcludeFromDescription();
        group.MapPost("/", async (Guid id, IFormFile? file, ReportFiles files, CancellationToken ct) =>
        {
            if (file is null)
            {
                return Back(id, FinPilot.Domain.Applications.ApplicationErrors.FileTypeRefused);
            }

            await using var content = file.OpenReadStream();
            var result = await files.AttachAsync(id, file.FileName, content, ct);
            return Back(id, result.Succeeded ? null : result.Errors[0].Code);
        }).WithMetadata(new Microsoft.AspNetCore.Mvc.DisableRequestSizeLimitAttribute());
        group.MapPost("/{fileId:guid}/remove", async (Guid id, Guid fileId, ReportFiles files, CancellationToken ct) =>
        {
            var result = await files.RemoveAsync(id, fileId, ct);
            return Back(id, result.Succeeded ? null : result.Errors[0].Code);
        });
        group.MapGet("/{fileId:guid}", async Task<IResult> (Guid id, Guid fileId, ReportFiles files, CancellationToken ct) =>
        {
            var result = await files.OpenAsync(id, fileId, ct);
            return result.Succeeded ? TypedResults.File(result.Value.Content, result.Value.File.ContentType, result.Value.File.FileName) : TypedResults.NotFound();
        });
        return app;
    }

    private static RedirectHttpResult Back(Guid id, string? error) =>
        TypedResults.Redirect(error is null ? $"/supervision/reports/{id}#files" : $"/supervision/reports/{id}?fileError={Uri.EscapeDataString(error)}#files");
}
