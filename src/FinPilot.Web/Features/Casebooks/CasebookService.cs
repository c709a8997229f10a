using FinPilot.Domain.Casebooks;
using FinPilot.Domain.Common;
using FinPilot.Domain.Disclosure;
using FinPilot.Domain.Exit;
using FinPilot.Domain.Identity;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Commands;
using FinPilot.Web.Features.Disclosure;
using FinPilot.Web.Features.Files;
using FinPilot.Web.Features.Identity;
using FinPilot.Web.Features.Notifications;
using FinPilot.Web.Http;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Features.Casebooks;

/// <summary>What a working group sends to start a casebook.</summary>
public sealed record CasebookDraft
{
    public CasebookScope Scope { get; init; } = CasebookScope.Region;

    public int? RegionId { get; init; }

    public string? TitleZh { get; init; }

    public string? TitleEn { get; init; }

    public string? Period { get; init; }
}

/// <summary>The working group's editorial text of one case.</summary>
public sealed record CaseEditorial
{
    public string? LessonsZh { get; init; }

    public string? LessonsEn { get; init; }

    public string? PracticesZh { get; init; }

    public string? PracticesEn { get; init; }
}

/// <summary>
/// 案例集 commands: load → authorise (<see cref="CasebookAccess"/>) → the aggregate → one save. Publication
/// assembles the public model, makes the PDF and the DOCX from it once, stores them, and writes the
/// casebook's public record (the files' SHA-256 in its content) in the same unit of work.
/// </summary>
public sealed class CasebookService(
    FinPilotDbContext db, CurrentUser current, CommandPipeline commands, CaseAssembler assembler, IFileStore files, PublicRecordWriter records, Notifier notifier, TimeProvider clock)
{
    public const long MaxFileBytes = 64L * 1024 * 1024;

    public async Task<Result<Casebook>> CreateAsync(CasebookDraft draft, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var regionId = draft.Scope == CasebookScope.National ? null : draft.RegionId;
        if (draft.Scope == CasebookScope.Region && regionId is { } region && !await db.Regions.AnyAsync(r => r.Id == region, ct))
        {
            return new Error(CasebookErrors.ScopeInvalid, nameof(CasebookDraft.RegionId));
        }

        if (Enum.IsDefined(draft.Scope) && (draft.Scope == CasebookScope.National || regionId is not null)
            && !await commands.AllowsAsync(new CasebookResource(draft.Scope, regionId), CasebookOperations.Compose))
        {
            return Problems.Forbidden;
        }

        var created = Casebook.Create(draft.Scope, regionId, draft.TitleZh ?? string.Empty, draft.TitleEn, draft.Period ?? string.Empty, clock.GetUtcNow(), current.Id!);
        if (!created.Succeeded)
        {
            return created;
        }

        db.Casebooks.Add(created.Value);
        return await commands.SaveAsync(created.Value, CasebookErrors.Concurrency, ct);
    }

    /// <summary>
    /// 新版次: a draft that supersedes a published casebook, copying its cases, editorial text and policy; its composers
    /// only, once per edition (the version read guards against a double click).
    /// </summary>
    public async Task<Result<Casebook>> NewEditionAsync(Guid id, Guid expected, CancellationToken ct = default)
    {
        var previous = await db.Casebooks.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct);
        if (previous is null || !await commands.AllowsAsync(CasebookResource.Of(previous), CasebookOperations.Compose))
        {
            return previous is { IsPublished: true } ? Problems.Forbidden : new Error(CasebookErrors.NotFound);
        }

        if (previous.Version != expected)
        {
            return new Error(CasebookErrors.Concurrency);
        }

        if (await db.Casebooks.AsNoTracking().Where(c => c.SupersedesId == id).Select(c => (int?)c.Edition).FirstOrDefaultAsync(ct) is { } successor)
        {
            return new Error(CasebookErrors.EditionExists, null, successor);
        }

        var created = Casebook.NewEdition(previous, clock.GetUtcNow(), current.Id!);
        if (!created.Succeeded)
        {
            return created;
        }

        db.Casebooks.Add(created.Value);
        return await commands.SaveAsync(created.Value, CasebookErrors.Concurrency, ct);
    }

    public Task<Result<Casebook>> RenameAsync(Guid id, string? titleZh, string? titleEn, string? period, Guid expected, CancellationToken ct = default) =>
        ChangeAsync(id, expected, c => Task.FromResult(c.Rename(titleZh ?? string.Empty, titleEn, period ?? string.Empty)), ct);

    /// <summary>Selects an exited, tiered pilot: of the casebook's region, or of any region for the national one.</summary>
    public Task<Result<Casebook>> SelectAsync(Guid id, Guid projectId, Guid expected, CancellationToken ct = default) =>
        ChangeAsync(id, expected, async c =>
        {
            var exit = await db.ExitCases.AsNoTracking().Where(e => e.ProjectId == projectId)
                .Select(e => new { e.RegionId, e.Status, e.Tier }).SingleOrDefaultAsync(ct);
            if (exit is not { Status: ExitStatus.Exited, Tier: { } tier } || (c.RegionId is { } region && exit.RegionId != region))
            {
                return new Error(CasebookErrors.CaseNotEligible, "ProjectId");
            }

            return c.Select(projectId, tier);
        }, ct);

    public Task<Result<Casebook>> RemoveAsync(Guid id, Guid projectId, Guid expected, CancellationToken ct = default) =>
        ChangeAsync(id, expected, c => Task.FromResult(c.Remove(projectId)), ct);

    public Task<Result<Casebook>> WriteEditorialAsync(Guid id, Guid projectId, CaseEditorial text, Guid expected, CancellationToken ct = default) =>
        ChangeAsync(id, expected, c =>
        {
            ArgumentNullException.ThrowIfNull(text);
            return Task.FromResult(c.WriteEditorial(projectId, text.LessonsZh, text.LessonsEn, text.PracticesZh, text.PracticesEn));
        }, ct);

    public Task<Result<Casebook>> SetPolicyAsync(Guid id, Guid projectId, IReadOnlyCollection<CaseField> published, Guid expected, CancellationToken ct = default) =>
        ChangeAsync(id, expected, c => Task.FromResult(c.SetPolicy(projectId, published ?? [])), ct);

    /// <summary>
    /// Publishes once: the files are made from the public model (exactly what the preview shows),
    /// stored by their SHA-256 and never made again; the public record carries both hashes and the
    /// cases' pilots, and each pilot of a regional casebook gets a line on its public timeline.
    /// </summary>
    public Task<Result<Casebook>> PublishAsync(Guid id, Guid expected, CancellationToken ct = default) =>
        ChangeAsync(id, expected, c => PublishNowAsync(c, current.Id!, ct), ct);

    /// <summary>
    /// Publication itself, on a casebook already loaded and authorised (or seeded): the model, the
    /// files, the aggregate's transition and the public record, all in the caller's unit of work.
    /// </summary>
    internal async Task<Result> PublishNowAsync(Casebook c, string actorUserId, CancellationToken ct)
    {
        if (c.IsPublished)
        {
            return new Error(CasebookErrors.AlreadyPublished);
        }

        if (c.PublicationErrors() is { Count: > 0 } errors)
        {
            return Result.Fail(errors);
        }

        var now = clock.GetUtcNow();
        var model = (await assembler.AssembleAsync(c, ct)) with { Status = CasebookStatus.Published, PublishedAt = now };
        var pdf = CasebookPdf.Render(model, now);
        var docx = CasebookDocx.Render(model, now);
        var storedPdf = await StoreAsync(pdf, ct);
        var storedDocx = await StoreAsync(docx, ct);
        var published = c.Publish(storedPdf.Sha256, storedDocx.Sha256, now, actorUserId);
        if (!published.Succeeded)
        {
            return published;
        }

        db.Entry(c).Property<string?>(CasebookContent.Column).CurrentValue =
            CasebookContent.Write(model with { PdfSha256 = storedPdf.Sha256, DocxSha256 = storedDocx.Sha256 });
        var pilots = await PilotsAsync(c, ct);
        var previous = c.SupersedesId is { } previousId
            ? await db.Casebooks.AsNoTracking().Where(p => p.Id == previousId).Select(p => new SupersededEdition(p.Id, p.Edition, p.PdfSha256, p.DocxSha256)).SingleOrDefaultAsync(ct)
            : null;
        WriteRecord(c, pilots, storedPdf, storedDocx, previous, now);
        await NotifyAsync(c, pilots, ct);
        return Result.Ok();
    }

    /// <summary>The cases' pilots: their titles, regions and lead institutions.</summary>
    private async Task<IReadOnlyList<CasePilot>> PilotsAsync(Casebook c, CancellationToken ct)
    {
        var ids = c.Cases.Select(x => x.ProjectId).ToList();
        var rows = await db.Projects.AsNoTracking().Where(p => ids.Contains(p.Id))
            .Select(p => new CasePilot(p.Id, p.Title, p.RegionId, p.LeadOrganisationId)).ToListAsync(ct);
        return [.. ids.Select(id => rows.Single(r => r.ProjectId == id))];
    }

    /// <summary>
    /// Each case's lead institution hears its pilot is in the casebook; the working group of each region
    /// with a case (of the casebook's region) hears it was published. Every reader in its own language.
    /// </summary>
    private async Task NotifyAsync(Casebook c, IReadOnlyList<CasePilot> pilots, CancellationToken ct)
    {
        var book = new Dictionary<string, string>
        {
            [NotificationValues.Detail] = c.TitleZh,
            [NotificationValues.Detail + NotificationTexts.EnglishSuffix] = c.TitleEn ?? c.TitleZh,
        };
        foreach (var pilot in pilots)
        {
            var institution = await db.UserIdsWithAsync(Role.Applicant, null, pilot.LeadOrganisationId, ct);
            notifier.Enqueue(institution, NotificationKind.CasebookCaseIncluded, CasebookLinks.Case(c.Id, pilot.ProjectId),
                new Dictionary<string, string>(book) { [NotificationValues.Title] = pilot.Title });
        }

        List<int> regions = c.RegionId is { } region ? [region] : [.. pilots.Select(p => p.RegionId).Distinct()];
        var groups = new List<string>();
        foreach (var r in regions)
        {
            groups.AddRange(await db.UserIdsWithAsync(Role.RegionalWorkingGroup, r, null, ct));
        }

        notifier.Enqueue(groups, NotificationKind.CasebookPublished, CasebookLinks.Casebook(c.Id),
            new Dictionary<string, string>(book) { [NotificationValues.Title] = c.TitleZh, [NotificationValues.Title + NotificationTexts.EnglishSuffix] = c.TitleEn ?? c.TitleZh });
    }

    private void WriteRecord(Casebook c, IReadOnlyList<CasePilot> pilots, StoredFile pdf, StoredFile docx, SupersededEdition? previous, DateTimeOffset at)
    {
        var link = CasebookLinks.Casebook(c.Id);
        var record = PublicRecord.Create(CasebookActions.RecordPublished, c.Id.ToString("N"), at, new
        {
            casebookId = c.Id,
            edition = c.Edition,
            scope = c.Scope.ToString(),
            regionId = c.RegionId,
            titleZh = c.TitleZh,
            titleEn = c.TitleEn,
            period = c.Period,
            projectIds = c.Cases.Select(x => x.ProjectId).ToList(),
            pdf = new { sha256 = pdf.Sha256, size = pdf.Size, path = CasebookLinks.Pdf(c.Id) },
            docx = new { sha256 = docx.Sha256, size = docx.Size, path = CasebookLinks.Docx(c.Id) },

            // A new edition names the one it supersedes by its files' hashes, so a reader holding the old PDF finds its successor.
            supersedes = previous is null ? null : new
            {
                casebookId = previous.Id,
                edition = previous.Edition,
                pdfSha256 = previous.PdfSha256,
                docxSha256 = previous.DocxSha256,
                path = CasebookLinks.Casebook(previous.Id),
            },
            at,
        });
        var (zh, en) = PublicEventTexts.Of(CasebooksStrings.ResourceManager, "Public_CaseIncluded", c.TitleZh);
        if (c.RegionId is { } region)
        {
            records.Write(record, region, [.. c.Cases.Select(x => new PublicEvent(x.ProjectId, PublicEventKind.CasebookPublished, at, zh, en, link))]);
        }
        else
        {
            // A national casebook has no region; each pilot's line lies in the pilot's own region.
            records.WriteNational(record, link, [.. pilots.Select(p => (new PublicEvent(p.ProjectId, PublicEventKind.CasebookPublished, at, zh, en, link), p.RegionId))]);
        }
    }

    private async Task<StoredFile> StoreAsync(byte[] bytes, CancellationToken ct)
    {
        using var stream = new MemoryStream(bytes, writable: false);
        return await files.PutAsync(stream, MaxFileBytes, ct) ?? throw new InvalidOperationException("A casebook file over the store's limit.");
    }

    private async Task<Result<Casebook>> ChangeAsync(Guid id, Guid expected, Func<Casebook, Task<Result>> act, CancellationToken ct)
    {
        var casebook = await db.Casebooks.SingleOrDefaultAsync(c => c.Id == id, ct);
        if (casebook is null || !await commands.AllowsAsync(CasebookResource.Of(casebook), CasebookOperations.Compose))
        {
            // A draft is not known to anyone but its composers; a published casebook is public but not theirs to change.
            return casebook is { IsPublished: true } ? Problems.Forbidden : new Error(CasebookErrors.NotFound);
        }

        if (casebook.Version != expected)
        {
            return new Error(CasebookErrors.Concurrency);
        }

        var result = await act(casebook);
        if (!result.Succeeded)
        {
            db.ChangeTracker.Clear();
            return Result<Casebook>.Fail([.. result.Errors]);
        }

        return await commands.SaveAsync(casebook, CasebookErrors.Concurrency, ct);
    }
}

/// <summary>The published edition a new edition supersedes, as its public record names it.</summary>
internal sealed record SupersededEdition(Guid Id, int Edition, string? PdfSha256, string? DocxSha256);

/// <summary>A case's pilot as publication needs it.</summary>
internal sealed record CasePilot(Guid ProjectId, string Title, int RegionId, Guid LeadOrganisationId);

/// <summary>The casebook's public addresses.</summary>
public static class CasebookLinks
{
    public static string Casebook(Guid id) => $"/casebooks/{id}";

    public static string Case(Guid id, Guid projectId) => $"/casebooks/{id}/cases/{projectId}";

    public static string Pdf(Guid id) => $"/casebooks/{id}/casebook.pdf";

    public static string Docx(Guid id) => $"/casebooks/{id}/casebook.docx";
}
