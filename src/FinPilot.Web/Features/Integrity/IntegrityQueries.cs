using FinPilot.Domain.Calendar;
using FinPilot.Domain.Common;
using FinPilot.Domain.Identity;
using FinPilot.Domain.Integrity;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Commands;
using FinPilot.Web.Features.Identity;
using FinPilot.Web.Http;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Features.Integrity;

public sealed record FlagFilter(
    IntegrityRule? Rule = null, IntegrityFlagStatus? Status = null, int? RegionId = null, int? Page = null, int? PageSize = null);

/// <summary>One flag as the lists show it: the person and the record named, the facts as stored (turned into a sentence by the reader).</summary>
public sealed record FlagRow(
    Guid Id, IntegrityRule Rule, IntegrityRecordKind RecordKind, string RecordId, int RegionId, Guid? ProjectId, string? ProjectTitle,
    string? PersonId, string? PersonName, ResponsibleUnitKind Unit, Guid? UnitOrganisationId, IntegrityFacts Facts, IntegrityFlagStatus Status,
    DateTimeOffset RaisedAt, IntegrityConclusion? Conclusion);

/// <summary>A flag with the names around it and what the reader may do with it.</summary>
public sealed record FlagView(
    IntegrityFlag Flag, string? ProjectTitle, string? PersonName, string? RaisedByName, string? OrganisationName, bool CanSupervise, bool CanAnswer);

public sealed record TrailFilter(
    IntegrityRecordKind? RecordKind = null, string? Person = null, DateOnly? From = null, DateOnly? To = null, int? Page = null, int? PageSize = null);

/// <summary>One line of the read or decision records: who, when, what, on which record.</summary>
public sealed record TrailRow(long Id, DateTimeOffset At, string? ActorId, string? ActorName, string Action, string ResourceType, string? ResourceId, int? RegionId);

/// <summary>
/// Reads of integrity flags and of the integrity trail (查阅记录, 决策记录): filtered, newest first,
/// paged in SQL, restricted to what the reader may see (<see cref="IntegrityAccess"/>).
/// </summary>
public sealed class IntegrityQueries(FinPilotDbContext db, CurrentUser current, CommandPipeline commands)
{
    /// <summary>The audit actions that are decisions: who decided each step, from the trail's stable codes.</summary>
    public static readonly IReadOnlyList<string> DecisionActions =
    [
        "screening.accepted", "screening.rejected", "project.admitted", "meeting.resolved", "evaluation.consensus-recorded", "evaluation.sheet-reopened",
        "alert.dismissed", "alert.escalated",
        "correction.issued", "correction.verified", "correction.extended", "correction.revoked",
        "tolerance.recorded", "tolerance.reviewed",
        "disposal.opened", "disposal.level-raised", "disposal.pilot-suspended", "disposal.pilot-resumed", "disposal.termination-proposed", "disposal.closed",
        "plan-change.approved", "plan-change.rejected",
        IntegrityActions.Closed,
    ];

    public async Task<Result<Page<FlagRow>>> ListAsync(FlagFilter filter, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var grants = await current.GrantsAsync(ct);
        var query = Visible(db.IntegrityFlags.AsNoTracking(), grants);
        if (query is null)
        {
            return Result<Page<FlagRow>>.Fail(Problems.Forbidden);
        }

        if (filter.Rule is { } rule)
        {
            query = query.Where(f => f.Rule == rule);
        }

        if (filter.Status is { } status)
        {
            query = query.Where(f => f.Status == status);
        }

        if (filter.RegionId is { } region)
        {
            query = query.Where(f => f.RegionId == region);
        }

        var (number, size) = Page<FlagRow>.Normalise(filter.Page, filter.PageSize);
        var total = await query.CountAsync(ct);
        var rows = await (
            from f in query.OrderByDescending(f => f.RaisedAt).ThenByDescending(f => f.Id).Skip((number - 1) * size).Take(size)
            join p in db.Projects.AsNoTracking() on f.ProjectId equals p.Id into projects
            from p in projects.DefaultIfEmpty()
            join u in db.Users.AsNoTracking() on f.PersonId equals u.Id into people
            from u in people.DefaultIfEmpty()
            select new FlagRow(f.Id, f.Rule, f.RecordKind, f.RecordId, f.RegionId, f.ProjectId, p == null ? null : p.Title, f.PersonId,
                u == null ? null : u.DisplayName, f.Unit, f.UnitOrganisationId, f.Facts, f.Status, f.RaisedAt, f.Conclusion))
            .ToListAsync(ct);
        return new Page<FlagRow>([.. rows.OrderByDescending(r => r.RaisedAt).ThenByDescending(r => r.Id)], number, size, total);
    }

    /// <summary>Every flag the reader may see, for the export (newest first, at most <paramref name="max"/>).</summary>
    public async Task<Result<IReadOnlyList<FlagRow>>> AllAsync(FlagFilter filter, int max, CancellationToken ct = default)
    {
        var page = await ListAsync(filter with { Page = 1, PageSize = Page<FlagRow>.MaxSize }, ct);
        if (!page.Succeeded)
        {
            return Result<IReadOnlyList<FlagRow>>.Fail([.. page.Errors]);
        }

        var rows = new List<FlagRow>(page.Value.Items);
        for (var n = 2; n <= page.Value.PageCount && rows.Count < max; n++)
        {
            rows.AddRange((await ListAsync(filter with { Page = n, PageSize = Page<FlagRow>.MaxSize }, ct)).ValueOrThrow().Items);
        }

        return rows.Take(max).ToList();
    }

    public async Task<Result<FlagView>> GetAsync(Guid id, CancellationToken ct = default)
    {
        var flag = await db.IntegrityFlags.AsNoTracking().SingleOrDefaultAsync(f => f.Id == id, ct);
        if (flag is null || !await commands.AllowsAsync(IntegrityFlagResource.Of(flag), IntegrityOperations.Read))
        {
            return new Error(IntegrityErrors.NotFound);
        }

        var title = flag.ProjectId is { } projectId ? await db.Projects.AsNoTracking().Where(p => p.Id == projectId).Select(p => p.Title).SingleOrDefaultAsync(ct) : null;
        var people = new[] { flag.PersonId, flag.RaisedBy }.OfType<string>().ToList();
        var names = await db.Users.AsNoTracking().Where(u => people.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var organisation = flag.UnitOrganisationId is { } org ? await db.Organisations.AsNoTracking().Where(o => o.Id == org).Select(o => o.NameZh).SingleOrDefaultAsync(ct) : null;
        return new FlagView(
            flag, title, flag.PersonId is { } person ? names.GetValueOrDefault(person) : null,
            flag.RaisedBy == IntegrityFlag.System ? null : names.GetValueOrDefault(flag.RaisedBy), organisation,
            await commands.AllowsAsync(IntegrityFlagResource.Of(flag), IntegrityOperations.Supervise),
            await commands.AllowsAsync(IntegrityFlagResource.Of(flag), IntegrityOperations.Answer));
    }

    /// <summary>查阅记录: who opened which record's detail.</summary>
    public Task<Result<Page<TrailRow>>> ReadsAsync(TrailFilter filter, CancellationToken ct = default) =>
        TrailAsync(filter, [IntegrityActions.RecordRead], ct);

    /// <summary>决策记录: who decided each step.</summary>
    public Task<Result<Page<TrailRow>>> DecisionsAsync(TrailFilter filter, CancellationToken ct = default) =>
        TrailAsync(filter, DecisionActions, ct);

    private async Task<Result<Page<TrailRow>>> TrailAsync(TrailFilter filter, IReadOnlyList<string> actions, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(filter);
        if (!await commands.AllowsAsync(IntegrityTrail.Instance, IntegrityOperations.ReadTrail))
        {
            return Result<Page<TrailRow>>.Fail(Problems.Forbidden);
        }

        var query = db.AuditEntries.AsNoTracking().Where(a => actions.Contains(a.Action));
        if (filter.RecordKind is { } kind)
        {
            if (!ReadAudit.Resources.TryGetValue(kind, out var resource))
            {
                return Result<Page<TrailRow>>.Fail(new Error(IntegrityErrors.ChoiceInvalid, "recordKind"));
            }

            var type = resource.Name;
            query = query.Where(a => a.ResourceType == type);
        }

        if (Text.Clean(filter.Person) is { } person)
        {
            var like = $"%{person.Replace("%", string.Empty, StringComparison.Ordinal)}%";
            query = query.Where(a => a.ActorId == person || (a.ActorName != null && EF.Functions.Like(a.ActorName, like)));
        }

        if (filter.From is { } from)
        {
            var start = ChinaTime.StartOfDay(from);
            query = query.Where(a => a.At >= start);
        }

        if (filter.To is { } to)
        {
            var end = ChinaTime.StartOfDay(to.AddDays(1));
            query = query.Where(a => a.At < end);
        }

        var (number, size) = Page<TrailRow>.Normalise(filter.Page, filter.PageSize);
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(a => a.At).ThenByDescending(a => a.Id).Skip((number - 1) * size).Take(size)
            .Select(a => new TrailRow(a.Id, a.At, a.ActorId, a.ActorName, a.Action, a.ResourceType, a.ResourceId, a.RegionId))
            .ToListAsync(ct);
        return new Page<TrailRow>(rows, number, size, total);
    }

    /// <summary>The flags the reader may see, or null when they may see none: all for officers, admins and the coordination group; the unit's own otherwise.</summary>
    private static IQueryable<IntegrityFlag>? Visible(IQueryable<IntegrityFlag> flags, IReadOnlyList<RoleGrant> grants)
    {
        if (IntegrityAccess.SeesAll(grants))
        {
            return flags;
        }

        var regions = grants.Where(g => g.Role == Role.RegionalWorkingGroup && g.RegionId is not null).Select(g => g.RegionId!.Value).ToList();
        var organisations = grants.Where(g => g.Role == Role.Applicant && g.OrganisationId is not null).Select(g => g.OrganisationId!.Value).ToList();
        if (regions.Count == 0 && organisations.Count == 0)
        {
            return null;
        }

        return flags.Where(f =>
            (f.Unit == ResponsibleUnitKind.WorkingGroup && regions.Contains(f.RegionId))
            || (f.Unit == ResponsibleUnitKind.Organisation && f.PersonId == null && f.UnitOrganisationId != null && organisations.Contains(f.UnitOrganisationId.Value)));
    }
}
