using FinPilot.Domain.Casebooks;
using FinPilot.Domain.Common;
using FinPilot.Domain.Exit;
using FinPilot.Domain.Identity;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Commands;
using FinPilot.Web.Features.Files;
using FinPilot.Web.Features.Identity;
using FinPilot.Web.Http;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Features.Casebooks;

/// <summary>A published casebook in the public list.</summary>
public sealed record CasebookRow(Guid Id, string TitleZh, string? TitleEn, string Period, CasebookScope Scope, string? RegionZh, string? RegionEn, int Edition,
    CasebookStatus Status, DateTimeOffset? PublishedAt, int Cases);

/// <summary>An exited, tiered pilot a casebook could select.</summary>
/// <summary>Another edition of a casebook: its id and number.</summary>
public sealed record EditionLink(Guid Id, int Edition);

/// <summary>The published edition that supersedes a casebook, and the one it supersedes.</summary>
public sealed record CasebookEditions(EditionLink? SupersededBy, EditionLink? Supersedes);

public sealed record CaseCandidate(Guid ProjectId, string Title, int RegionId, ExitTier Tier, DateTimeOffset? ExitedAt)
{
    /// <summary>The region's name in Chinese (from the regions' reference table).</summary>
    public string RegionZh { get; init; } = string.Empty;

    /// <summary>The region's name in English.</summary>
    public string RegionEn { get; init; } = string.Empty;

    /// <summary>The region's name in the reader's language.</summary>
    public string RegionName(bool english) => english && !string.IsNullOrWhiteSpace(RegionEn) ? RegionEn : RegionZh;
}

/// <summary>
/// Reads of casebooks: the public list and a published casebook for anyone (from the model frozen
/// at publication); drafts, candidates and the preview for the casebook's composers only — to
/// anyone else a draft does not exist.
/// </summary>
public sealed class CasebookQueries(FinPilotDbContext db, CurrentUser current, CommandPipeline commands, CaseAssembler assembler, IFileStore files)
{
    public async Task<Page<CasebookRow>> PublishedAsync(int? page, int? pageSize, CancellationToken ct = default)
    {
        var (number, size) = Page<CasebookRow>.Normalise(page, pageSize);
        var query = db.Casebooks.AsNoTracking().Where(c => c.Status == CasebookStatus.Published);
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(c => c.PublishedAt).ThenBy(c => c.Id).Skip((number - 1) * size).Take(size).ToListAsync(ct);
        return new Page<CasebookRow>(await RowsAsync(rows, ct), number, size, total);
    }

    /// <summary>The casebooks the caller composes (drafts first, then published), paged.</summary>
    public async Task<Page<CasebookRow>> ManagedAsync(int? page, int? pageSize, CancellationToken ct = default)
    {
        var (number, size) = Page<CasebookRow>.Normalise(page, pageSize);
        var grants = await current.GrantsAsync(ct);
        var query = db.Casebooks.AsNoTracking();
        if (!grants.IsAdmin())
        {
            var national = CasebookAccess.CanCompose(grants, new CasebookResource(CasebookScope.National, null));
            var regions = grants.Where(g => g.Role == Role.RegionalWorkingGroup && g.RegionId is not null).Select(g => g.RegionId!.Value).Distinct().ToList();
            query = query.Where(c => (c.Scope == CasebookScope.National && national) || (c.RegionId != null && regions.Contains(c.RegionId.Value)));
        }

        var total = await query.CountAsync(ct);
        var rows = await query.OrderBy(c => c.Status).ThenByDescending(c => c.CreatedAt).ThenBy(c => c.Id).Skip((number - 1) * size).Take(size).ToListAsync(ct);
        return new Page<CasebookRow>(await RowsAsync(rows, ct), number, size, total);
    }

    /// <summary>The regions the caller may compose a regional casebook for, and whether it may compose the national one.</summary>
    public async Task<(IReadOnlyList<(int Id, string NameZh, string NameEn)> Regions, bool National)> ComposableAsync(CancellationToken ct = default)
    {
        var grants = await current.GrantsAsync(ct);
        var regions = await db.Regions.AsNoTracking().OrderBy(r => r.Id).Select(r => new { r.Id, r.NameZh, r.NameEn }).ToListAsync(ct);
        return ([.. regions.Where(r => grants.RunsRegion(r.Id)).Select(r => (r.Id, r.NameZh, r.NameEn))],
            CasebookAccess.CanCompose(grants, new CasebookResource(CasebookScope.National, null)));
    }

    /// <summary>A casebook to compose: the aggregate, for its composers only.</summary>
    public async Task<Result<Casebook>> DraftAsync(Guid id, CancellationToken ct = default)
    {
        var casebook = await db.Casebooks.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct);
        return casebook is not null && await commands.AllowsAsync(CasebookResource.Of(casebook), CasebookOperations.Compose)
            ? casebook
            : new Error(CasebookErrors.NotFound);
    }

    /// <summary>What the public reads: a published casebook as frozen at publication (with ledger indexes known now); a draft only to its composers, as the preview.</summary>
    public async Task<Result<CasebookModel>> GetAsync(Guid id, CancellationToken ct = default)
    {
        var found = await db.Casebooks.AsNoTracking().Where(c => c.Id == id)
            .Select(c => new { Casebook = c, Content = EF.Property<string?>(c, CasebookContent.Column) }).SingleOrDefaultAsync(ct);
        if (found is null)
        {
            return new Error(CasebookErrors.NotFound);
        }

        if (found.Casebook.IsPublished && found.Content is { } content)
        {
            return await assembler.CiteAsync(CasebookContent.Read(content), ct);
        }

        return await PreviewAsync(id, ct);
    }

    /// <summary>The preview: the public model assembled now from the record under the draft's policy — exactly what publication would freeze.</summary>
    public async Task<Result<CasebookModel>> PreviewAsync(Guid id, CancellationToken ct = default)
    {
        var draft = await DraftAsync(id, ct);
        if (!draft.Succeeded)
        {
            return Result<CasebookModel>.Fail([.. draft.Errors]);
        }

        return draft.Value.IsPublished ? await GetAsync(id, ct) : await assembler.AssembleAsync(draft.Value, ct);
    }

    /// <summary>Exited, tiered pilots the casebook could still select: of its region, or of every region for the national one; exemplary first.</summary>
    public async Task<Result<IReadOnlyList<CaseCandidate>>> CandidatesAsync(Guid id, CancellationToken ct = default)
    {
        var draft = await DraftAsync(id, ct);
        if (!draft.Succeeded)
        {
            return Result<IReadOnlyList<CaseCandidate>>.Fail([.. draft.Errors]);
        }

        var casebook = draft.Value;
        var selected = casebook.Cases.Select(c => c.ProjectId).ToList();
        var exits = db.ExitCases.AsNoTracking().Where(e => e.Status == ExitStatus.Exited && e.Tier != null && !selected.Contains(e.ProjectId));
        if (casebook.RegionId is { } region)
        {
            exits = exits.Where(e => e.RegionId == region);
        }

        var rows = await (from e in exits
                          join p in db.Projects.AsNoTracking() on e.ProjectId equals p.Id
                          join r in db.Regions.AsNoTracking() on e.RegionId equals r.Id
                          select new { e.ProjectId, p.Title, e.RegionId, e.Tier, e.ExitedAt, r.NameZh, r.NameEn }).Take(200).ToListAsync(ct);
        return Result<IReadOnlyList<CaseCandidate>>.Ok([.. rows.Select(r => new CaseCandidate(r.ProjectId, r.Title, r.RegionId, r.Tier!.Value, r.ExitedAt) { RegionZh = r.NameZh, RegionEn = r.NameEn })
            .OrderBy(r => r.Tier).ThenByDescending(r => r.ExitedAt).ThenBy(r => r.ProjectId)]);
    }

    /// <summary>The pilots' titles, for the composer page (only the casebook's own cases are asked for).</summary>
    public async Task<IReadOnlyDictionary<Guid, string>> TitlesAsync(IReadOnlyCollection<Guid> projectIds, CancellationToken ct = default) =>
        projectIds.Count == 0
            ? new Dictionary<Guid, string>()
            : await db.Projects.AsNoTracking().Where(p => projectIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Title, ct);

    /// <summary>A region's name in the reader's language.</summary>
    /// <summary>
    /// The editions beside a published casebook, for its page: the published edition that supersedes it (its banner) and the
    /// one it supersedes. A draft successor is nobody's business but its composers', so only published ones are named.
    /// </summary>
    public async Task<CasebookEditions> EditionsAsync(Guid id, CancellationToken ct = default)
    {
        var supersedesId = await db.Casebooks.AsNoTracking().Where(c => c.Id == id).Select(c => c.SupersedesId).SingleOrDefaultAsync(ct);
        var successor = await db.Casebooks.AsNoTracking().Where(c => c.SupersedesId == id && c.Status == CasebookStatus.Published)
            .Select(c => new EditionLink(c.Id, c.Edition)).FirstOrDefaultAsync(ct);
        var predecessor = supersedesId is { } previous
            ? await db.Casebooks.AsNoTracking().Where(c => c.Id == previous && c.Status == CasebookStatus.Published).Select(c => new EditionLink(c.Id, c.Edition)).FirstOrDefaultAsync(ct)
            : null;
        return new CasebookEditions(successor, predecessor);
    }

    /// <summary>The draft or published successor of an edition, for its composers (the "new edition" button leads there once it exists).</summary>
    public Task<EditionLink?> SuccessorAsync(Guid id, CancellationToken ct = default) =>
        db.Casebooks.AsNoTracking().Where(c => c.SupersedesId == id).Select(c => new EditionLink(c.Id, c.Edition)).FirstOrDefaultAsync(ct);

    public async Task<string?> RegionNameAsync(int regionId, bool english, CancellationToken ct = default) =>
        await db.Regions.AsNoTracking().Where(r => r.Id == regionId).Select(r => english ? r.NameEn : r.NameZh).SingleOrDefaultAsync(ct);

    /// <summary>A published casebook's stored file; nothing for a draft.</summary>
    public async Task<(Stream Content, string Sha256)?> FileAsync(Guid id, bool pdf, CancellationToken ct = default)
    {
        var hashes = await db.Casebooks.AsNoTracking().Where(c => c.Id == id && c.Status == CasebookStatus.Published)
            .Select(c => new { c.PdfSha256, c.DocxSha256 }).SingleOrDefaultAsync(ct);
        var sha = pdf ? hashes?.PdfSha256 : hashes?.DocxSha256;
        return sha is not null && await files.OpenReadAsync(sha, ct) is { } stream ? (stream, sha) : null;
    }

    private async Task<IReadOnlyList<CasebookRow>> RowsAsync(IReadOnlyList<Casebook> rows, CancellationToken ct)
    {
        var ids = rows.Select(r => r.RegionId).OfType<int>().Distinct().ToList();
        var regions = await db.Regions.AsNoTracking().Where(r => ids.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => (r.NameZh, r.NameEn), ct);
        return [.. rows.Select(c =>
        {
            var region = c.RegionId is { } r && regions.TryGetValue(r, out var name) ? name : default((string NameZh, string NameEn)?);
            return new CasebookRow(c.Id, c.TitleZh, c.TitleEn, c.Period, c.Scope, region?.NameZh, region?.NameEn, c.Edition, c.Status, c.PublishedAt, c.Cases.Count);
        })];
    }
}
