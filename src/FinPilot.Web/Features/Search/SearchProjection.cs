using System.Net;
using System.Text.RegularExpressions;
using FinPilot.Domain.Calls;
using FinPilot.Domain.Disclosure;
using FinPilot.Domain.Organisations;
using FinPilot.Domain.Projects;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Disclosure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace FinPilot.Web.Features.Search;

/// <summary>
/// Writes the platform search's read model (<see cref="SearchDocument"/>) from its sources: calls,
/// projects (applications before admission), organisations, public notices and the lines of the
/// public history. One computation (<see cref="Of(Call)"/> and its siblings) serves every save
/// (<see cref="SearchProjector"/>, so the row joins the change's transaction) and the rebuild, so
/// the two cannot drift apart. Nothing is read from the database but the rows to update.
/// </summary>
public static partial class SearchProjection
{
    /// <summary>How many source rows one pass of <see cref="RebuildAsync"/> reads and writes.</summary>
    public const int RebuildBatch = 500;

    /// <summary>When a source has no time of its own (an organisation).</summary>
    public static readonly DateTimeOffset Timeless = DateTimeOffset.UnixEpoch;

    /// <summary>Brings the rows of the sources changed in this unit of work up to date in the change tracker; the caller saves.</summary>
    public static async Task ProjectAsync(FinPilotDbContext db, CancellationToken ct = default)
    {
        var changed = new List<(Guid Id, bool Projects, SearchDocument? Document)>();
        foreach (var entry in db.ChangeTracker.Entries())
        {
            var state = entry.State;
            var document = entry.Entity switch
            {
                Call c => Of(c),
                PilotProject p => Of(p),
                Organisation o => Of(o),
                PublicNotice n => Of(n),
                PublicEventRecord e => Of(e),
                _ => null,
            };
            if (document is null)
            {
                continue;
            }

            var touched = state is EntityState.Added or EntityState.Modified or EntityState.Deleted
                || (entry.Entity is PublicNotice notice && notice.Listings.Any(l => db.Entry(l).State != EntityState.Unchanged));
            if (touched)
            {
                changed.Add((document.TargetId, entry.Entity is PilotProject, state == EntityState.Deleted ? null : document));
            }
        }

        if (changed.Count == 0)
        {
            return;
        }

        var ids = changed.Select(c => c.Id).Distinct().ToList();
        var rows = await db.SearchDocuments.Where(d => ids.Contains(d.TargetId)).ToListAsync(ct);
        foreach (var (id, projects, document) in changed)
        {
            // A project changes kind at admission: its row is the one of either kind.
            var row = rows.FirstOrDefault(r => r.TargetId == id && (projects ? r.Kind is SearchKind.Application or SearchKind.Project : r.Kind == document?.Kind));
            if (document is null)
            {
                if (row is not null)
                {
                    db.SearchDocuments.Remove(row);
                    rows.Remove(row);
                }

                continue;
            }

            if (row is null)
            {
                row = new SearchDocument { TargetId = id };
                db.SearchDocuments.Add(row);
                rows.Add(row);
            }

            _ = Copy(document, row);
        }
    }

    /// <summary>
    /// Recreates the whole read model from its sources, in one transaction (readers see the old rows
    /// until it commits); answers the number of rows.
    /// </summary>
    public static async Task<int> RebuildAsync(FinPilotDbContext db, CancellationToken ct = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SearchDocuments.ExecuteDeleteAsync(ct);
        await AddAllAsync(db, db.Calls.AsNoTracking().OrderBy(c => c.Id), c => c.Id, Of, ct);
        await AddAllAsync(db, db.Projects.AsNoTracking().OrderBy(p => p.Id), p => p.Id, Of, ct);
        await AddAllAsync(db, db.Organisations.AsNoTracking().OrderBy(o => o.Id), o => o.Id, Of, ct);
        await AddAllAsync(db, db.PublicNotices.AsNoTracking().OrderBy(n => n.Id), n => n.Id, Of, ct);
        await AddAllAsync(db, db.PublicEvents.AsNoTracking().OrderBy(e => e.Id), e => e.Id, Of, ct);
        await transaction.CommitAsync(ct);
        return await db.SearchDocuments.CountAsync(ct);
    }

    public static SearchDocument Of(Call call)
    {
        var body = PlainText(call.BodyHtml);
        var published = call.Status != CallStatus.Draft;
        return new SearchDocument
        {
            Kind = SearchKind.Call,
            TargetId = call.Id,
            Title = call.Title,
            Snippet = Cut(body),
            Link = $"/calls/{call.Id}",
            UpdatedAt = call.UpdatedAt,
            Tokens = SearchText.Index([call.Title, .. call.Directions, body]),
            Public = published,
            RegionId = call.RegionId,
        };
    }

    public static SearchDocument Of(PilotProject project)
    {
        var admitted = project.Stage is ProjectStage.Running or ProjectStage.Rectifying or ProjectStage.Suspended
            or ProjectStage.Exiting or ProjectStage.Exited;
        return new SearchDocument
        {
            Kind = admitted ? SearchKind.Project : SearchKind.Application,
            TargetId = project.Id,
            Title = project.Title,
            Link = admitted ? $"/supervision/projects/{project.Id}" : $"/screening/{project.Id}",
            UpdatedAt = project.CreatedAt,
            Tokens = SearchText.Index(project.Title),
            Public = false,
            RegionId = project.RegionId,
            OrganisationId = project.LeadOrganisationId,
        };
    }

    public static SearchDocument Of(Organisation organisation) => new()
    {
        Kind = SearchKind.Organisation,
        TargetId = organisation.Id,
        Title = organisation.NameZh,
        TitleEn = string.IsNullOrWhiteSpace(organisation.NameEn) ? null : organisation.NameEn,
        Snippet = organisation.CreditCode,
        Link = $"/organisations/{organisation.Id}",
        UpdatedAt = Timeless,
        Tokens = SearchText.Index(organisation.NameZh, organisation.NameEn, organisation.CreditCode),
        Public = false,
        RegionId = organisation.RegionId,
        OrganisationId = organisation.Id,
    };

    public static SearchDocument Of(PublicNotice notice)
    {
        // Withdrawn notices leave the public pages; drafts were never on them.
        var published = notice.PublishedAt is not null && notice.Status != NoticeStatus.Withdrawn;
        var listed = notice.Listings.OrderBy(l => l.Summary.Name, StringComparer.Ordinal).ThenBy(l => l.ProjectId)
            .SelectMany(l => new[] { l.Summary.Name, l.Summary.LeadName }).ToList();
        return new SearchDocument
        {
            Kind = SearchKind.Notice,
            TargetId = notice.Id,
            Title = notice.Title,
            Snippet = Cut(string.Join("；", listed.Where((_, i) => i % 2 == 0)) is { Length: > 0 } names ? names : notice.BodyText),
            Link = published ? $"/notices/{notice.Id}" : $"/notices/manage/{notice.Id}",
            UpdatedAt = notice.WithdrawnAt ?? notice.PublishedAt ?? notice.CreatedAt,
            Tokens = SearchText.Index([notice.Title, notice.BodyText, .. listed]),
            Public = published,
            RegionId = notice.RegionId,
        };
    }

    public static SearchDocument Of(PublicEventRecord e) => new()
    {
        Kind = SearchKind.PublicRecord,
        TargetId = e.Id,
        Title = e.TitleZh,
        TitleEn = string.IsNullOrWhiteSpace(e.TitleEn) ? null : e.TitleEn,
        Link = e.Link,
        UpdatedAt = e.At,
        Tokens = SearchText.Index(e.TitleZh, e.TitleEn),
        Public = true,
        RegionId = e.RegionId,
    };

    private static async Task AddAllAsync<T>(
        FinPilotDbContext db, IOrderedQueryable<T> source, Func<T, Guid> key, Func<T, SearchDocument> of, CancellationToken ct)
        where T : class
    {
        for (var skip = 0; ; skip += RebuildBatch)
        {
            var batch = await source.Skip(skip).Take(RebuildBatch).ToListAsync(ct);
            if (batch.Count == 0)
            {
                return;
            }

            db.SearchDocuments.AddRange(batch.Select(s => Copy(of(s), new SearchDocument { TargetId = key(s) })));
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
    }

    private static SearchDocument Copy(SearchDocument from, SearchDocument to)
    {
        to.Kind = from.Kind;
        to.Title = Cut(from.Title, SearchDocument.MaxTitleLength);
        to.TitleEn = from.TitleEn is null ? null : Cut(from.TitleEn, SearchDocument.MaxTitleLength);
        to.Snippet = Cut(from.Snippet);
        to.Link = Cut(from.Link, SearchDocument.MaxLinkLength);
        to.UpdatedAt = from.UpdatedAt;
        to.Tokens = from.Tokens;
        to.Public = from.Public;
        to.RegionId = from.RegionId;
        to.OrganisationId = from.OrganisationId;
        return to;
    }

    private static string Cut(string text, int max = SearchDocument.MaxSnippetLength) => text.Length <= max ? text : text[..max];

    private static string PlainText(string html) =>
        Spaces().Replace(WebUtility.HtmlDecode(Tags().Replace(html, " ")), " ").Trim();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}

/// <summary>
/// Keeps the platform search's read model in the transaction of every save that changes one of
/// its sources: the rows are written with the change, or not at all.
/// </summary>
public sealed class SearchProjector : SaveChangesInterceptor
{
    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is FinPilotDbContext db)
        {
            await SearchProjection.ProjectAsync(db, cancellationToken);
        }

        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is FinPilotDbContext db)
        {
            SearchProjection.ProjectAsync(db).GetAwaiter().GetResult();
        }

        return result;
    }
}
