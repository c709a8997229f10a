using System.Net;
using System.Text.RegularExpressions;
using FinPilot.Domain.Calls;
using FinPilot.Domain.Disclosure;
using FinPilot.Domain.Organisations;
using FinPilot.Domain.Projects;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Applications;
using FinPilot.Web.Features.Disclosure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace FinPilot.Web.Features.Search;

/// <summary>
/// Writes the platform search's read model (<see cref="SearchDocument"/>) from its sources: calls,
/// projects (applications before admission), organisations, public notices and the lines of the
/// public history. One computation (<see cref="Of(Call)"/> and its siblings) serves every save
/// (<see cref="SearchProjector"/>, so the row joins the change's transaction) and the rebuild, so
/// the two cannot drift apart. Nothing is read from the database but the rows to update and, for a
/// project, what its row tells beside the project (<see cref="ProjectFacts"/>: its application's
/// summary and times, its lead organisation's names), so a project's row is written again when its
/// application is saved or its organisation renamed.
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

        // Projects changed, or whose application was saved or whose organisation was renamed; null when deleted.
        var touchedProjects = new Dictionary<Guid, PilotProject?>();
        var applications = new HashSet<Guid>();
        var renamed = new HashSet<Guid>();
        foreach (var entry in db.ChangeTracker.Entries())
        {
            var state = entry.State;
            var touched = state is EntityState.Added or EntityState.Modified or EntityState.Deleted;
            switch (entry.Entity)
            {
                case PilotProject p when touched:
                    touchedProjects[p.Id] = state == EntityState.Deleted ? null : p;
                    continue;
                case ApplicationVersionRecord v when state is EntityState.Added or EntityState.Modified:
                    applications.Add(v.ProjectId);
                    continue;
                case Organisation o when state == EntityState.Modified
                    && (entry.Property(nameof(Organisation.NameZh)).IsModified || entry.Property(nameof(Organisation.NameEn)).IsModified):
                    renamed.Add(o.Id);
                    break;
            }

            var document = entry.Entity switch
            {
                Call c => Of(c),
                Organisation o => Of(o),
                PublicNotice n => Of(n),
                PublicEventRecord e => Of(e),
                _ => null,
            };
            if (document is null)
            {
                continue;
            }

            touched = touched || (entry.Entity is PublicNotice notice && notice.Listings.Any(l => db.Entry(l).State != EntityState.Unchanged));
            if (touched)
            {
                changed.Add((document.TargetId, false, state == EntityState.Deleted ? null : document));
            }
        }

        await AddProjectsAsync(db, touchedProjects, applications, renamed, ct);
        var facts = await ProjectFacts.OfAsync(db, [.. touchedProjects.Values.OfType<PilotProject>()], ct);
        foreach (var (id, project) in touchedProjects)
        {
            changed.Add((id, true, project is null ? null : Of(project, facts.GetValueOrDefault(id) ?? ProjectFacts.None)));
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
        await AddAllAsync(db, db.Projects.AsNoTracking().OrderBy(p => p.Id), p => p.Id, async (batch, token) =>
        {
            var facts = await ProjectFacts.OfAsync(db, batch, token);
            return [.. batch.Select(p => Of(p, facts.GetValueOrDefault(p.Id) ?? ProjectFacts.None))];
        }, ct);
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

    /// <summary>
    /// A project by its title, its application's summary and its lead organisation's names; the
    /// snippet is the organisation and the start of the summary; updated when it last changed: its
    /// latest move, supplement request or answer, confirmation of conditions, or save of its application.
    /// </summary>
    public static SearchDocument Of(PilotProject project, ProjectFacts facts)
    {
        var admitted = project.Stage is ProjectStage.Running or ProjectStage.Rectifying or ProjectStage.Suspended
            or ProjectStage.Exiting or ProjectStage.Exited;
        DateTimeOffset?[] times =
        [
            project.CreatedAt, project.ConditionsConfirmedAt, facts.LastSavedAt,
            .. project.Timeline.Select(e => (DateTimeOffset?)e.At),
            .. project.SupplementRequests.SelectMany(r => new[] { r.RequestedAt, r.ResubmittedAt }),
        ];
        var snippet = string.Join("：", new[] { facts.OrganisationZh, facts.Summary }.Where(t => !string.IsNullOrWhiteSpace(t)));
        return new SearchDocument
        {
            Kind = admitted ? SearchKind.Project : SearchKind.Application,
            TargetId = project.Id,
            Title = project.Title,
            Snippet = Cut(snippet, SearchExcerpt.Length),
            Link = admitted ? $"/supervision/projects/{project.Id}" : $"/screening/{project.Id}",
            UpdatedAt = times.OfType<DateTimeOffset>().Max(),
            Tokens = SearchText.Index(project.Title, facts.Summary, facts.OrganisationZh, facts.OrganisationEn),
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

    private static Task AddAllAsync<T>(
        FinPilotDbContext db, IOrderedQueryable<T> source, Func<T, Guid> key, Func<T, SearchDocument> of, CancellationToken ct)
        where T : class =>
        AddAllAsync(db, source, key, (batch, _) => Task.FromResult<IReadOnlyList<SearchDocument>>([.. batch.Select(of)]), ct);

    private static async Task AddAllAsync<T>(
        FinPilotDbContext db, IOrderedQueryable<T> source, Func<T, Guid> key, Func<List<T>, CancellationToken, Task<IReadOnlyList<SearchDocument>>> of, CancellationToken ct)
        where T : class
    {
        for (var skip = 0; ; skip += RebuildBatch)
        {
            var batch = await source.Skip(skip).Take(RebuildBatch).ToListAsync(ct);
            if (batch.Count == 0)
            {
                return;
            }

            var documents = await of(batch, ct);
            db.SearchDocuments.AddRange(batch.Select((s, i) => Copy(documents[i], new SearchDocument { TargetId = key(s) })));
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

    /// <summary>
    /// Adds to <paramref name="projects"/> those whose application was saved or whose organisation was
    /// renamed in this unit of work: the tracked instance when there is one, else as stored.
    /// </summary>
    private static async Task AddProjectsAsync(
        FinPilotDbContext db, Dictionary<Guid, PilotProject?> projects, HashSet<Guid> applications, HashSet<Guid> renamed, CancellationToken ct)
    {
        var wanted = applications.ToList();
        if (renamed.Count > 0)
        {
            wanted.AddRange(await db.Projects.AsNoTracking().Where(p => renamed.Contains(p.LeadOrganisationId)).Select(p => p.Id).ToListAsync(ct));
        }

        wanted = [.. wanted.Distinct().Where(id => !projects.ContainsKey(id))];
        if (wanted.Count == 0)
        {
            return;
        }

        var tracked = db.ChangeTracker.Entries<PilotProject>().Where(e => wanted.Contains(e.Entity.Id)).ToDictionary(e => e.Entity.Id, e => e.Entity);
        var missing = wanted.Where(id => !tracked.ContainsKey(id)).ToList();
        var stored = missing.Count == 0 ? [] : await db.Projects.AsNoTracking().Where(p => missing.Contains(p.Id)).ToListAsync(ct);
        foreach (var project in tracked.Values.Concat(stored))
        {
            projects[project.Id] = project;
        }
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
