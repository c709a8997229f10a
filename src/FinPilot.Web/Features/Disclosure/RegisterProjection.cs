using FinPilot.Domain.Calendar;
using FinPilot.Domain.Disclosure;
using FinPilot.Domain.Organisations;
using FinPilot.Domain.Projects;
using FinPilot.Domain.Statistics;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Applications;
using FinPilot.Web.Features.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace FinPilot.Web.Features.Disclosure;

/// <summary>
/// Writes the register's read model (<see cref="RegisterPilot"/>) from what is public: a project is
/// in the register once it has a public event and a statement — its latest listing on a published
/// notice that was not withdrawn. The same computation serves every save that adds a public event
/// (<see cref="RegisterProjector"/>, so the row joins the event's transaction) and the rebuild.
/// What is not yet saved (events, notices, projects of the same unit of work) is read from the
/// change tracker, the rest from the database by index.
/// </summary>
public static class RegisterProjection
{
    /// <summary>How many projects one pass of <see cref="RebuildAsync"/> reads and writes.</summary>
    public const int RebuildBatch = 500;

    /// <summary>
    /// The version of the per-pilot facts (<see cref="RegisterPilot.AdmittedAt"/> and the rest) this
    /// build writes; raise it when their computation changes, and the next migration run rebuilds.
    /// </summary>
    public const int FactsVersion = 1;

    /// <summary>The projects with public events added in this unit of work and not yet saved.</summary>
    public static IReadOnlyCollection<Guid> Pending(FinPilotDbContext db)
    {
        // Added entities are known without detecting changes: skip the scan of every tracked entity.
        var detect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            return db.ChangeTracker.Entries<PublicEventRecord>().Where(e => e.State == EntityState.Added).Select(e => e.Entity.ProjectId).ToHashSet();
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = detect;
        }
    }

    /// <summary>Brings the rows of <paramref name="projectIds"/> up to date in the change tracker; the caller saves.</summary>
    public static async Task ProjectAsync(FinPilotDbContext db, IReadOnlyCollection<Guid> projectIds, CancellationToken ct = default)
    {
        if (projectIds.Count == 0)
        {
            return;
        }

        var ids = projectIds.ToList();
        var added = Tracked<PublicEventRecord>(db).Where(e => e.State == EntityState.Added && projectIds.Contains(e.Entity.ProjectId))
            .Select(e => new EventFacts(e.Entity.ProjectId, e.Entity.Kind, e.Entity.At, e.Entity.Record?.SubjectId, e.Entity.Link));
        var stored = await db.PublicEvents.AsNoTracking().Where(e => ids.Contains(e.ProjectId))
            .Select(e => new EventFacts(e.ProjectId, e.Kind, e.At, e.Record != null ? e.Record.SubjectId : null, e.Link))
            .ToListAsync(ct);
        var events = stored.Concat(added).GroupBy(e => e.ProjectId).ToDictionary(g => g.Key, g => g.ToList());

        var statements = await StatementsAsync(db, events.Values.SelectMany(e => e), ct);
        var projects = await ProjectsAsync(db, ids, ct);
        var leadIds = projects.Values.Select(p => p.LeadOrganisationId).Distinct().ToList();
        var leadNamesEn = await db.Organisations.AsNoTracking().Where(o => leadIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.NameEn, ct);
        foreach (var organisation in Tracked<Organisation>(db).Where(o => leadIds.Contains(o.Entity.Id)))
        {
            leadNamesEn[organisation.Entity.Id] = organisation.Entity.NameEn;
        }

        var reference = (await db.ReferenceItems.AsNoTracking().Select(r => new { r.Kind, r.Code, r.NameZh, r.NameEn }).ToListAsync(ct))
            .ToLookup(r => (r.Kind, r.Code), r => new[] { r.NameZh, r.NameEn });
        var rows = await db.RegisterPilots.Include(p => p.Tags).Where(p => ids.Contains(p.ProjectId)).ToDictionaryAsync(p => p.ProjectId, ct);

        foreach (var id in ids)
        {
            var statement = statements.GetValueOrDefault(id);
            if (statement is null || !events.TryGetValue(id, out var timeline) || !projects.TryGetValue(id, out var project))
            {
                if (rows.TryGetValue(id, out var gone))
                {
                    db.RegisterPilots.Remove(gone);
                }

                continue;
            }

            if (!rows.TryGetValue(id, out var row))
            {
                row = new RegisterPilot { ProjectId = id };
                db.RegisterPilots.Add(row);
            }

            var names = (IEnumerable<string?>)[
                statement.Name, statement.LeadName, leadNamesEn.GetValueOrDefault(project.LeadOrganisationId), statement.WhatIsTested, statement.CustomerLimits,
                .. statement.PartnerNames ?? [],
                .. (statement.ScenarioCodes ?? []).SelectMany(code => reference[(ReferenceKind.Scenario, code)].SelectMany(n => n)),
                .. (statement.TechnologyCodes ?? []).SelectMany(code => reference[(ReferenceKind.Technology, code)].SelectMany(n => n))];
            row.RegionId = project.RegionId;
            row.CallId = project.CallId;
            row.LeadOrganisationId = project.LeadOrganisationId;
            row.Category = statement.Category;
            row.Name = statement.Name;
            row.Statement = statement;
            row.ListedAt = timeline.Min(e => e.At);
            row.UpdatedAt = timeline.Max(e => e.At);
            row.SearchText = SearchText.Index(names);
            SetTags(row, [
                .. Tags(RegisterTagKind.Technology, statement.TechnologyCodes),
                .. Tags(RegisterTagKind.Scenario, statement.ScenarioCodes),
                .. Tags(RegisterTagKind.LeadType, statement.LeadType is { } leadType ? [leadType.ToString()] : null)]);
            SetFacts(row, timeline);
        }
    }

    /// <summary>
    /// Recreates the whole read model from the public records, in one transaction (readers see the
    /// old register until it commits); answers the number of rows.
    /// </summary>
    public static async Task<int> RebuildAsync(FinPilotDbContext db, CancellationToken ct = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.RegisterPilotTags.ExecuteDeleteAsync(ct);
        await db.RegisterPilots.ExecuteDeleteAsync(ct);
        // In the order they became public, so the rows' keys keep that order.
        var projectIds = await db.PublicEvents.AsNoTracking().GroupBy(e => e.ProjectId)
            .Select(g => new { ProjectId = g.Key, First = g.Min(e => e.At) })
            .ToListAsync(ct);
        foreach (var batch in projectIds.OrderBy(p => p.First).ThenBy(p => p.ProjectId).Select(p => p.ProjectId).Chunk(RebuildBatch))
        {
            await ProjectAsync(db, batch, ct);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }

        await transaction.CommitAsync(ct);
        return await db.RegisterPilots.CountAsync(ct);
    }

    /// <summary>
    /// Rebuilds the register when a row's facts are older than <see cref="FactsVersion"/> (rows
    /// written before a migration added them); run after migrating. Answers whether it rebuilt.
    /// </summary>
    public static async Task<bool> EnsureFactsAsync(FinPilotDbContext db, CancellationToken ct = default)
    {
        if (!await db.RegisterPilots.AnyAsync(p => p.FactsVersion != FactsVersion, ct))
        {
            return false;
        }

        await RebuildAsync(db, ct);
        return true;
    }

    /// <summary>The facts the live statistics group on, from the project's public events (stored and pending).</summary>
    private static void SetFacts(RegisterPilot row, List<EventFacts> timeline)
    {
        var admissions = timeline.Where(e => e.Kind == PublicEventKind.Admitted).Select(e => e.At).ToList();
        row.AdmittedAt = admissions.Count == 0 ? null : admissions.Min();
        row.AdmittedOn = row.AdmittedAt is { } admitted ? ChinaTime.DateOf(admitted) : null;
        row.LastAdmittedAt = admissions.Count == 0 ? null : admissions.Max();
        row.ExitedAt = timeline.Where(e => e.Kind is PublicEventKind.Exit or PublicEventKind.Termination).Select(e => (DateTimeOffset?)e.At).Min();
        row.Noticed = timeline.Any(e => e.Kind == PublicEventKind.NoticePublished);
        row.Lifecycle = timeline.Where(e => PublicStages.Lifecycle.Contains(e.Kind))
            .OrderBy(e => e.At).ThenBy(e => PublicStages.Precedence(e.Kind))
            .Select(e => (PublicEventKind?)e.Kind).LastOrDefault();
        row.Troubled = PilotIndex.IsTroubled(timeline.Select(e => new PublicEventFact(e.Kind, e.At)));
        row.TierPublished = timeline.Any(e => e.Kind == PublicEventKind.TierAssigned);
        row.FactsVersion = FactsVersion;
        foreach (var tag in row.Tags)
        {
            tag.RegionId = row.RegionId;
            tag.Admitted = row.AdmittedAt is not null;
        }
    }

    private static IEnumerable<EntityEntry<T>> Tracked<T>(FinPilotDbContext db)
        where T : class
    {
        var detect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            return db.ChangeTracker.Entries<T>().ToList();
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = detect;
        }
    }

    /// <summary>Each project's latest listing on a notice that is public and not withdrawn, from the notices its events name.</summary>
    private static async Task<Dictionary<Guid, PublicProjectSummary>> StatementsAsync(FinPilotDbContext db, IEnumerable<EventFacts> events, CancellationToken ct)
    {
        var noticeIds = events.Where(e => e.Kind is PublicEventKind.NoticePublished or PublicEventKind.NoticeWithdrawn)
            .Select(e => NoticeOf(e)).OfType<Guid>().ToHashSet();
        if (noticeIds.Count == 0)
        {
            return [];
        }

        var tracked = Tracked<PublicNotice>(db).Where(n => noticeIds.Contains(n.Entity.Id))
            .Select(n => new NoticeFacts(n.Entity.Id, n.Entity.PublishedAt, n.Entity.Status, n.Entity.Listings.Select(l => l.Summary).ToList()))
            .ToList();
        var toLoad = noticeIds.Except(tracked.Select(n => n.Id)).ToList();
        var loaded = await db.PublicNotices.AsNoTracking().Where(n => toLoad.Contains(n.Id))
            .Select(n => new { n.Id, n.PublishedAt, n.Status, n.Listings })
            .ToListAsync(ct);
        var notices = tracked.Concat(loaded.Select(n => new NoticeFacts(n.Id, n.PublishedAt, n.Status, n.Listings.Select(l => l.Summary).ToList())));
        var latest = new Dictionary<Guid, PublicProjectSummary>();
        foreach (var notice in notices.Where(n => n.PublishedAt != null && n.Status != NoticeStatus.Withdrawn).OrderBy(n => n.PublishedAt).ThenBy(n => n.Id))
        {
            foreach (var summary in notice.Listings)
            {
                latest[summary.ProjectId] = summary;
            }
        }

        return latest;
    }

    /// <summary>The notice a notice's event tells of: its public record's subject, or else the notice page it links to.</summary>
    private static Guid? NoticeOf(EventFacts e) =>
        Guid.TryParse(e.SubjectId, out var id) ? id
        : e.Link.StartsWith("/notices/", StringComparison.Ordinal) && Guid.TryParse(e.Link["/notices/".Length..], out var linked) ? linked
        : null;

    private static async Task<Dictionary<Guid, ProjectFacts>> ProjectsAsync(FinPilotDbContext db, List<Guid> ids, CancellationToken ct)
    {
        var projects = await db.Projects.AsNoTracking().Where(p => ids.Contains(p.Id))
            .Select(p => new ProjectFacts(p.Id, p.RegionId, p.CallId, p.LeadOrganisationId))
            .ToDictionaryAsync(p => p.Id, ct);
        foreach (var project in Tracked<PilotProject>(db).Where(p => ids.Contains(p.Entity.Id)))
        {
            projects[project.Entity.Id] = new ProjectFacts(project.Entity.Id, project.Entity.RegionId, project.Entity.CallId, project.Entity.LeadOrganisationId);
        }

        return projects;
    }

    private static IEnumerable<RegisterPilotTag> Tags(RegisterTagKind kind, IReadOnlyList<string>? codes) =>
        (codes ?? []).Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c.Trim().ToLowerInvariant()).Distinct()
            .Select(code => new RegisterPilotTag { Kind = kind, Code = code });

    private static void SetTags(RegisterPilot row, List<RegisterPilotTag> tags)
    {
        row.Tags.RemoveAll(t => !tags.Any(n => n.Kind == t.Kind && n.Code == t.Code));
        row.Tags.AddRange(tags.Where(n => !row.Tags.Any(t => t.Kind == n.Kind && t.Code == n.Code)));
    }

    private sealed record EventFacts(Guid ProjectId, PublicEventKind Kind, DateTimeOffset At, string? SubjectId, string Link);

    private sealed record NoticeFacts(Guid Id, DateTimeOffset? PublishedAt, NoticeStatus Status, List<PublicProjectSummary> Listings);

    private sealed record ProjectFacts(Guid Id, int RegionId, Guid CallId, Guid LeadOrganisationId);
}

/// <summary>
/// Keeps the register's read model in the transaction of every save that adds a public event: the
/// rows of the projects concerned are written with the event (and its public record), or not at all.
/// </summary>
public sealed class RegisterProjector : SaveChangesInterceptor
{
    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is FinPilotDbContext db)
        {
            await RegisterProjection.ProjectAsync(db, RegisterProjection.Pending(db), cancellationToken);
        }

        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is FinPilotDbContext db)
        {
            RegisterProjection.ProjectAsync(db, RegisterProjection.Pending(db)).GetAwaiter().GetResult();
        }

        return result;
    }
}
