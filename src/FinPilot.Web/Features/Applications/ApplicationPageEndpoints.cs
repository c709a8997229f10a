using Microsoft.AspNetCore.Http.HttpResults;

namespace FinPilot.Web.Features.Applications;

/// <summary>
/// Where the application page's plain HTML forms post files (Blazor's form handling does not
/// stream uploads); each answers with a redirect back to the page, carrying an error code if any.
/// </summary>
public static class ApplicationPageEndpoints
{
    public static IEndpointRouteBuilder MapApplicationPageEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/applications/{id:guid}/attachments").RequireAuthorization().ExcludeFromDescription();
        group.MapPost("/", async (Guid id, IFormFile? file, [Microsoft.AspNetCore.Mvc.FromForm] string? material, AttachmentService attachments, CancellationToken ct) =>
        {
            if (file is null)
            {
                return Back(id, FinPilot.Domain.Applications.ApplicationErrors.FileTypeRefused);
            }

            await using var content = file.OpenReadStream();
            var result = await attachments.AttachAsync(id, file.FileName, content, material, ct);
            return Back(id, result.Succeeded ? null : result.Errors[0].Code);
        }).WithMetadata(new Microsoft.AspNetCore.Mvc.DisableRequestSizeLimitAttribute());
        group.MapPost("/{attachmentId:guid}/remove", async (Guid id, Guid attachmentId, AttachmentService attachments, CancellationToken ct) =>
        {
            var result = await attachments.RemoveAsync(id, attachmentId, ct);
            return Back(id, result.Succeeded ? null : result.Errors[0].Code);
        });
        return app;
    }

    private static RedirectHttpResult Back(Guid id, string? error) =>
        TypedResults.Redirect(error is null ? $"/applications/{id}#attachments-heading" : $"/applications/{id}?attachError={Uri.EscapeDataString(error)}#attachments-heading");
}
