using FinPilot.Domain.Casebooks;
using FinPilot.Domain.Common;
using FinPilot.Web.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FinPilot.Web.Features.Casebooks;

/// <summary>案例集 over HTTP: the public list and casebooks, and the working group's composition (create, select, edit, policy, preview, publish).</summary>
public static class CasebooksApi
{
    /// <summary>A casebook as its composers work on it.</summary>
    public sealed record CasebookDto(
        Guid Id, CasebookScope Scope, int? RegionId, string TitleZh, string? TitleEn, string Period, int Edition, CasebookStatus Status,
        IReadOnlyList<CasebookCase> Cases, IReadOnlyList<string> PublicationErrors, Guid Version)
    {
        public DateTimeOffset? PublishedAt { get; init; }

        public string? PdfSha256 { get; init; }

        public string? DocxSha256 { get; init; }

        /// <summary>The published edition this one supersedes.</summary>
        public Guid? SupersedesId { get; init; }

        public static CasebookDto From(Casebook c)
        {
            ArgumentNullException.ThrowIfNull(c);
            return new(c.Id, c.Scope, c.RegionId, c.TitleZh, c.TitleEn, c.Period, c.Edition, c.Status, c.Cases,
                c.IsPublished ? [] : [.. c.PublicationErrors().Select(ErrorText.Describe)], c.Version)
            {
                PublishedAt = c.PublishedAt,
                PdfSha256 = c.PdfSha256,
                DocxSha256 = c.DocxSha256,
                SupersedesId = c.SupersedesId,
            };
        }
    }

    public sealed record RenameRequest(string? TitleZh, string? TitleEn, string? Period, Guid Version);

    public sealed record SelectRequest(Guid ProjectId, Guid Version);

    public sealed record EditorialRequest
    {
        public string? LessonsZh { get; init; }

        public string? LessonsEn { get; init; }

        public string? PracticesZh { get; init; }

        public string? PracticesEn { get; init; }

        public Guid Version { get; init; }
    }

    public sealed record PolicyRequest(IReadOnlyList<CaseField>? Published, Guid Version);

    public sealed record VersionRequest(Guid Version);

    public static IEndpointRouteBuilder MapCasebooksApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapApiGroup("/casebooks", "Casebooks");
        group.MapGet("/", async (int? page, int? pageSize, CasebookQueries q, CancellationToken ct) => TypedResults.Ok(await q.PublishedAsync(page, pageSize, ct)))
            .AllowAnonymous().WithName("ListCasebooks").WithSummary("Published casebooks, newest first, paged.");
        group.MapGet("/manage", async (int? page, int? pageSize, CasebookQueries q, CancellationToken ct) => TypedResults.Ok(await q.ManagedAsync(page, pageSize, ct)))
            .WithName("ListManagedCasebooks").WithSummary("The casebooks the caller composes: its region's (working group) or the national ones (coordination group, national secretariat), drafts first.");
        group.MapGet("/{id:guid}", (Guid id, CasebookQueries q, CancellationToken ct) => q.GetAsync(id, ct).ToHttp(TypedResults.Ok))
            .AllowAnonymous().WithName("GetCasebook")
            .WithSummary("A published casebook as the public reads it (each fact with its ledger citation); a draft only to its composers (404 to anyone else).");
        group.MapGet("/{id:guid}/draft", (Guid id, CasebookQueries q, CancellationToken ct) => q.DraftAsync(id, ct).ToHttp(c => TypedResults.Ok(CasebookDto.From(c))))
            .WithName("GetCasebookDraft").WithSummary("A casebook as its composers work on it: cases, editorial text, per-field policy, what publication would refuse.");
        group.MapPost("/", async (CasebookDraft draft, CasebookService s, CancellationToken ct) =>
                (await s.CreateAsync(draft, ct)).ToHttp(c => TypedResults.Created($"/api/v1/casebooks/{c.Id}", CasebookDto.From(c))))
            .WithName("CreateCasebook").WithSummary("Starts a draft: Region (the working group of RegionId) or National (coordination group, national secretariat); titles and the batch or period.");
        group.MapPut("/{id:guid}", (Guid id, RenameRequest r, CasebookService s, CancellationToken ct) => Dto(s.RenameAsync(id, r.TitleZh, r.TitleEn, r.Period, r.Version, ct)))
            .WithName("RenameCasebook").WithSummary("Renames a draft.");
        group.MapGet("/{id:guid}/candidates", (Guid id, CasebookQueries q, CancellationToken ct) => q.CandidatesAsync(id, ct).ToHttp(TypedResults.Ok))
            .WithName("ListCasebookCandidates").WithSummary("Exited, tiered pilots the draft could select (its region's; every region's for a national casebook), exemplary first.");
        group.MapPost("/{id:guid}/cases", (Guid id, SelectRequest r, CasebookService s, CancellationToken ct) => Dto(s.SelectAsync(id, r.ProjectId, r.Version, ct)))
            .WithName("SelectCasebookCase").WithSummary("Selects an exited, tiered pilot; cases are kept exemplary first.");
        group.MapDelete("/{id:guid}/cases/{projectId:guid}", (Guid id, Guid projectId, Guid version, CasebookService s, CancellationToken ct) =>
                Dto(s.RemoveAsync(id, projectId, version, ct)))
            .WithName("RemoveCasebookCase").WithSummary("Removes a case from a draft.");
        group.MapPut("/{id:guid}/cases/{projectId:guid}/editorial", (Guid id, Guid projectId, EditorialRequest r, CasebookService s, CancellationToken ct) =>
                Dto(s.WriteEditorialAsync(id, projectId, new CaseEditorial { LessonsZh = r.LessonsZh, LessonsEn = r.LessonsEn, PracticesZh = r.PracticesZh, PracticesEn = r.PracticesEn }, r.Version, ct)))
            .WithName("WriteCasebookEditorial").WithSummary("The working group's text of a case: lessons (经验与启示) and typical practices (典型做法), Chinese required to publish, English optional.");
        group.MapPut("/{id:guid}/cases/{projectId:guid}/policy", (Guid id, Guid projectId, PolicyRequest r, CasebookService s, CancellationToken ct) =>
                Dto(s.SetPolicyAsync(id, projectId, r.Published ?? [], r.Version, ct)))
            .WithName("SetCasebookPolicy").WithSummary("The fields of a case that are public; every other field is not assembled into the public model, the pages or the files.");
        group.MapGet("/{id:guid}/preview", (Guid id, CasebookQueries q, CancellationToken ct) => q.PreviewAsync(id, ct).ToHttp(TypedResults.Ok))
            .WithName("PreviewCasebook").WithSummary("Exactly the public model publication would freeze, for the composers.");
        group.MapPost("/{id:guid}/publish", (Guid id, VersionRequest r, CasebookService s, CancellationToken ct) => Dto(s.PublishAsync(id, r.Version, ct)))
            .WithName("PublishCasebook").WithSummary("Publishes once: makes and stores the PDF and the DOCX and writes the public record with their SHA-256 to the ledger.");
        group.MapPost("/{id:guid}/editions", async (Guid id, VersionRequest r, CasebookService s, CancellationToken ct) =>
                (await s.NewEditionAsync(id, r.Version, ct)).ToHttp(c => TypedResults.Created($"/api/v1/casebooks/{c.Id}", CasebookDto.From(c))))
            .WithName("StartCasebookEdition")
            .WithSummary("Starts a new edition of a published casebook: a draft numbered one higher that supersedes it, copying its cases, editorial text and policy; once per edition.");
        group.MapGet("/{id:guid}/files/{kind}", (Guid id, string kind, CasebookQueries q, CancellationToken ct) => FileAsync(id, kind, q, ct))
            .AllowAnonymous().WithName("GetCasebookFile").WithSummary("A published casebook's file: kind pdf or docx; its bytes never change.");

        // The files' public addresses, beside the casebook's page.
        app.MapGet("/casebooks/{id:guid}/casebook.pdf", (Guid id, CasebookQueries q, CancellationToken ct) => FileAsync(id, "pdf", q, ct)).AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/casebooks/{id:guid}/casebook.docx", (Guid id, CasebookQueries q, CancellationToken ct) => FileAsync(id, "docx", q, ct)).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    private static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> FileAsync(Guid id, string kind, CasebookQueries q, CancellationToken ct)
    {
        var pdf = string.Equals(kind, "pdf", StringComparison.OrdinalIgnoreCase);
        if (!pdf && !string.Equals(kind, "docx", StringComparison.OrdinalIgnoreCase))
        {
            return Problems.NotFound();
        }

        if (await q.FileAsync(id, pdf, ct) is not { } file)
        {
            return Problems.NotFound();
        }

        return TypedResults.Stream(file.Content,
            pdf ? "application/pdf" : "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            pdf ? "casebook.pdf" : "casebook.docx",
            entityTag: new Microsoft.Net.Http.Headers.EntityTagHeaderValue($"\"{file.Sha256}\""));
    }

    private static async Task<Results<Ok<CasebookDto>, ProblemHttpResult>> Dto(Task<Result<Casebook>> act)
    {
        var done = await act;
        return done.Succeeded ? TypedResults.Ok(CasebookDto.From(done.Value)) : Problems.From(done.Errors);
    }
}
