using FinPilot.Domain.Common;
using FinPilot.Domain.PlanChanges;
using FinPilot.Domain.Supervision;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Commands;
using FinPilot.Web.Features.Identity;
using FinPilot.Web.Features.Supervision;
using FinPilot.Web.Http;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Features.PlanChanges;

public sealed record PlanChangeFilter(Guid? ProjectId = null, int? RegionId = null, PlanChangeStatus? Status = null, int? Page = null, int? PageSize = null);

/// <summary>One change as the lists show it.</summary>
public sealed record PlanChangeRow(
    Guid Id, Guid ProjectId, string ProjectTitle, int RegionId, ChangeRoute Route, PlanChangeStatus Status, IReadOnlyList<PlanField> ChangedFields,
    DateOnly EffectiveOn, DateTimeOffset RequestedAt, DateTimeOffset? DecidedAt, DateTimeOffset? AppliedAt);

/// <summary>What the caller may do with a change now; pages show only these.</summary>
public sealed record PlanChangeAllowed(bool Withdraw, bool Decide, bool Schedule)
{
    /// <summary>Start the expert review of a major change.</summary>
    public bool StartReview { get; init; }

    /// <summary>Assign experts to the review under way.</summary>
    public bool AssignReviewers { get; init; }

    /// <summary>Submit one's own sheet (an assigned expert who has not yet scored).</summary>
    public bool Score { get; init; }

    /// <summary>Forward the complete review to the coordination group.</summary>
    public bool Forward { get; init; }
}

/// <summary>
/// A change as the caller may read it. <paramref name="Review"/> is the expert review with every
/// sheet for staff, and with only the caller's own sheet for an assigned expert (experts score
/// without seeing each other's sheets); <paramref name="ReviewSummary"/> is withheld from experts.
/// </summary>
public sealed record PlanChangeView(PlanChange Change, string ProjectTitle, PlanChangeAllowed Allowed)
{
    public ExpertReview? Review { get; init; }

    public ReviewSummary? ReviewSummary { get; init; }

    /// <summary>The names of the partners and technologies the current and proposed parameters name.</summary>
    public PlanNames Names { get; init; } = PlanNames.None;
}

/// <summary>An expert of the pool for a change's review: available, or kept out by conflicts, or already assigned.</summary>
public sealed record ReviewCandidate(string UserId, string Name, IReadOnlyList<Domain.Evaluation.ConflictReason> Conflicts, bool Seated)
{
    public bool Available => Conflicts.Count == 0 && !Seated;
}

/// <summary>One change in an expert's list of reviews: its deadline, whether the sheet is in, and whether it can be scored now.</summary>
public sealed record MyReviewRow(Guid Id, Guid ProjectId, string ProjectTitle, PlanChangeStatus Status, DateTimeOffset DueAt, DateTimeOffset? SubmittedAt, bool CanScore);

/// <summary>One revision of the plan's test parameters, as the register's history shows it.</summary>
public sealed record ParameterRevision(int Revision, TestParameters Parameters, DateTimeOffset ConfirmedAt, string Reason);

/// <summary>A pilot's parameters in force, their history, its changes and whether the caller may ask for one.</summary>
public sealed record PilotPlanView(
    Guid ProjectId, string ProjectTitle, int RegionId, TestParameters? Current, int Revision, IReadOnlyList<ParameterRevision> History, bool CanRequest,
    bool HasOpenChange)
{
    /// <summary>The plan's active metrics in code order.</summary>
    public IReadOnlyList<MetricDefinition> CurrentMetrics { get; init; } = [];

    /// <summary>The names of the partners and technologies the parameters (now and in the history) name.</summary>
    public PlanNames Names { get; init; } = PlanNames.None;
}

/// <summary>Reads of plan changes for pages and the API: restricted to what the caller may see, paged in SQL.</summary>
public sealed class PlanChangeQueries(FinPilotDbContext db, CurrentUser current, CommandPipeline commands)
{
    public async Task<Result<Page<PlanChangeRow>>> ListAsync(PlanChangeFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var visibility = await SupervisedScope.OfAsync(current, cancellationToken);
        if (visibility.Nothing || (filter.RegionId is { } region && !visibility.Allows(region, null)))
        {
            return Result<Page<PlanChangeRow>>.Fail(Problems.Forbidden);
        }

        var query = visibility.Apply(db.PlanChanges.AsNoTracking(), filter.RegionId, null, filter.ProjectId);
        if (filter.Status is { } status)
        {
            query = query.Where(c => c.Status == status);
        }

        var (number, size) = Page<PlanChangeRow>.Normalise(filter.Page, filter.PageSize);
        var total = await query.CountAsync(cancellationToken);
        var rows = await (
            from c in query.OrderByDescending(c => c.RequestedAt).ThenBy(c => c.Id).Skip((number - 1) * size).Take(size)
            join p in db.Projects.AsNoTracking() on c.ProjectId equals p.Id
            select new { c, p.Title }).ToListAsync(cancellationToken);
        var page = rows.OrderByDescending(r => r.c.RequestedAt).ThenBy(r => r.c.Id)
            .Select(r => new PlanChangeRow(r.c.Id, r.c.ProjectId, r.Title, r.c.RegionId, r.c.Route, r.c.Status, r.c.ChangedFields, r.c.EffectiveOn,
                r.c.RequestedAt, r.c.DecidedAt, r.c.AppliedAt))
            .ToList();
        return new Page<PlanChangeRow>(page, number, size, total);
    }

    /// <summary>One change with its project's title and what the caller may do with it.</summary>
    public async Task<Result<PlanChangeView>> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var change = await db.PlanChanges.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (change is null)
        {
            return new Error(PlanChangeErrors.NotFound);
        }

        var scope = PlanChangeScope.Of(change);
        var seat = current.Id is { } me ? change.Review?.SeatOf(me) : null;
        var staff = await commands.AllowsAsync(scope, PlanChangeOperations.Read);
        var reviewer = seat is not null && await commands.AllowsAsync(scope, PlanChangeOperations.Score);
        if (!staff && !reviewer)
        {
            return Problems.Forbidden;
        }

        var title = await db.Projects.AsNoTracking().Where(p => p.Id == change.ProjectId).Select(p => p.Title).SingleAsync(cancellationToken);
        var inReview = change.Status == PlanChangeStatus.AwaitingExpertReview;
        var runsReview = inReview && await commands.AllowsAsync(scope, PlanChangeOperations.RunReview);
        var allowed = new PlanChangeAllowed(
            Withdraw: change.IsOpen && change.AgendaItemId is null && await commands.AllowsAsync(scope, PlanChangeOperations.Request),
            Decide: change.Status == PlanChangeStatus.AwaitingWorkingGroup && await commands.AllowsAsync(scope, PlanChangeOperations.DecideMinor),
            Schedule: change.Status == PlanChangeStatus.AwaitingCoordinationGroup && change.AgendaItemId is null
                && await commands.AllowsAsync(scope, PlanChangeOperations.Schedule))
        {
            StartReview = runsReview && change.Review is null,
            AssignReviewers = runsReview && change.Review is { IsComplete: false },
            Score = inReview && reviewer && seat is { Submitted: false },
            Forward = inReview && change.Review is { IsComplete: true } && await commands.AllowsAsync(scope, PlanChangeOperations.Forward),
        };
        var names = await NamesAsync([change.Current, change.Proposed], cancellationToken);
        return staff
            ? new PlanChangeView(change, title, allowed) { Review = change.Review, ReviewSummary = change.Review?.Summary(), Names = names }
            : new PlanChangeView(change, title, allowed) { Review = change.Review! with { Reviewers = [seat!] }, Names = names };
    }

    /// <summary>
    /// The expert pool as the working group assigns from it for this change: every expert, with the
    /// conflicts that keep one out (回避, from <see cref="Evaluation.ConflictFinder"/>) and whether one sits already.
    /// Empty unless the caller may assign reviewers now.
    /// </summary>
    public async Task<IReadOnlyList<ReviewCandidate>> ReviewPoolAsync(PlanChangeView view, Evaluation.ConflictFinder conflicts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(conflicts);
        if (!view.Allowed.AssignReviewers)
        {
            return [];
        }

        var experts = await (
            from a in db.RoleAssignments.AsNoTracking()
            join u in db.Users.AsNoTracking() on a.UserId equals u.Id
            where a.Role == Domain.Identity.Role.Expert && !u.Disabled
            select new { u.Id, u.DisplayName }).Distinct().ToListAsync(cancellationToken);
        var found = await conflicts.FindAsync(experts.Select(e => e.Id).ToList(), [view.Change.ProjectId], cancellationToken);
        var seated = view.Review?.Reviewers.Select(r => r.ExpertUserId).ToHashSet() ?? [];
        return [.. experts
            .Select(e => new ReviewCandidate(
                e.Id,
                e.DisplayName,
                [.. (found.GetValueOrDefault(new Domain.Evaluation.Assignment.ExpertPair(view.Change.ProjectId, e.Id)) ?? []).Select(c => c.Reason).Distinct()],
                seated.Contains(e.Id)))
            .OrderBy(c => c.Conflicts.Count > 0 || c.Seated).ThenBy(c => c.Name, StringComparer.Ordinal)];
    }

    /// <summary>The names of the people a change's review names (the experts and who started it).</summary>
    public async Task<IReadOnlyDictionary<string, string>> ReviewNamesAsync(ExpertReview? review, CancellationToken cancellationToken = default)
    {
        if (review is null)
        {
            return new Dictionary<string, string>();
        }

        var ids = review.Reviewers.Select(r => r.ExpertUserId).Append(review.StartedBy).Distinct().ToList();
        return await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
    }

    /// <summary>
    /// The changes the calling expert was assigned to review, newest first, paged in SQL over the
    /// expert's review obligations (one per seat, <see cref="PlanChangeReviewService.ExpertSubject"/>).
    /// </summary>
    public async Task<Result<Page<MyReviewRow>>> MyReviewsAsync(int? pageNumber, CancellationToken cancellationToken = default)
    {
        if (current.Id is not { } me || !await commands.AllowsAsync(new PlanChangeScope(Guid.Empty, 0, Guid.Empty), PlanChangeOperations.Score))
        {
            return Result<Page<MyReviewRow>>.Fail(Problems.Forbidden);
        }

        var suffix = ":expert:" + me;
        var seats = db.Obligations.AsNoTracking().Where(o => o.Kind == Domain.Obligations.ObligationKind.PlanChangeReview && o.Subject.EndsWith(suffix));
        var (number, size) = Page<MyReviewRow>.Normalise(pageNumber, null);
        var total = await seats.CountAsync(cancellationToken);
        var rows = await (
            from o in seats.OrderByDescending(o => o.DueAt).ThenBy(o => o.Id).Skip((number - 1) * size).Take(size)
            join p in db.Projects.AsNoTracking() on o.ProjectId equals p.Id
            select new { o.Subject, o.DueAt, o.Status, p.Title }).ToListAsync(cancellationToken);
        var ids = rows.Select(r => Guid.TryParse(r.Subject.Split(':')[0], out var id) ? id : Guid.Empty).ToList();
        var changes = await db.PlanChanges.AsNoTracking().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);
        var items = rows.Select((r, i) => (Row: r, Change: changes.GetValueOrDefault(ids[i])))
            .Where(x => x.Change is not null)
            .Select(x => new MyReviewRow(x.Change!.Id, x.Change.ProjectId, x.Row.Title, x.Change.Status, x.Row.DueAt,
                x.Change.Review?.SeatOf(me)?.SubmittedAt, x.Change.Status == PlanChangeStatus.AwaitingExpertReview && x.Change.Review?.SeatOf(me) is { Submitted: false }))
            .ToList();
        return new Page<MyReviewRow>(items, number, size, total);
    }

    /// <summary>The pilot's parameters in force and every revision of them, oldest first (the register's history).</summary>
    public async Task<Result<PilotPlanView>> PilotAsync(Guid projectId, CancellationToken cancellationToken = default)
    {
        var project = await db.Projects.AsNoTracking().Where(p => p.Id == projectId)
            .Select(p => new { p.Id, p.Title, p.RegionId, p.LeadOrganisationId }).SingleOrDefaultAsync(cancellationToken);
        if (project is null)
        {
            return new Error(PlanChangeErrors.PlanNotFound);
        }

        var scope = new PlanChangeScope(project.Id, project.RegionId, project.LeadOrganisationId);
        if (!await commands.AllowsAsync(scope, PlanChangeOperations.Read))
        {
            return Problems.Forbidden;
        }

        var plan = await db.SupervisionPlans.AsNoTracking().SingleOrDefaultAsync(p => p.ProjectId == projectId, cancellationToken);
        var history = plan is null ? [] : (await db.SupervisionPlanRevisions.AsNoTracking().Where(r => r.PlanId == plan.Id).OrderBy(r => r.Revision).ToListAsync(cancellationToken))
            .Select(r => new ParameterRevision(r.Revision, r.Terms.Parameters, r.ConfirmedAt, r.Reason)).ToList();
        var open = await db.PlanChanges.AnyAsync(c => c.ProjectId == projectId && PlanChange.OpenStatuses.Contains(c.Status), cancellationToken);
        return new PilotPlanView(project.Id, project.Title, project.RegionId, plan is { InForce: true } ? plan.Terms.Parameters : null, plan?.Revision ?? 0,
            history, plan is { InForce: true } && !open && await commands.AllowsAsync(scope, PlanChangeOperations.Request), open)
        {
            CurrentMetrics = plan is null ? [] : PlanChangeRouting.InOrder(plan.Terms.ActiveMetrics()),
            Names = await NamesAsync(plan is null ? [.. history.Select(h => h.Parameters)] : [.. history.Select(h => h.Parameters), plan.Terms.Parameters], cancellationToken),
        };
    }

    /// <summary>The technologies of the reference list (active ones), in its order, for the proposal form.</summary>
    public async Task<IReadOnlyList<(string Code, string Name)>> TechnologyChoicesAsync(CancellationToken cancellationToken = default)
    {
        var english = !System.Globalization.CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.Ordinal);
        var items = await db.ReferenceItems.AsNoTracking().Where(r => r.Kind == Applications.ReferenceKind.Technology && r.Active)
            .OrderBy(r => r.SortOrder).ThenBy(r => r.Code).Select(r => new { r.Code, r.NameZh, r.NameEn }).ToListAsync(cancellationToken);
        return [.. items.Select(i => (i.Code, english && i.NameEn.Length > 0 ? i.NameEn : i.NameZh))];
    }

    /// <summary>Organisations by unified social credit code (for the form's partners to add); the codes not found are left out.</summary>
    public async Task<IReadOnlyDictionary<string, Guid>> OrganisationsByCreditCodeAsync(IReadOnlyList<string> codes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(codes);
        var wanted = codes.Select(c => c.Trim().ToUpperInvariant()).Where(c => c.Length > 0).Distinct().Take(Domain.Supervision.TestParameters.MaxPartners).ToList();
        return wanted.Count == 0 ? new Dictionary<string, Guid>()
            : await db.Organisations.AsNoTracking().Where(o => wanted.Contains(o.CreditCode)).ToDictionaryAsync(o => o.CreditCode, o => o.Id, cancellationToken);
    }

    /// <summary>The names of every partner and technology the parameters name: two lookups by key.</summary>
    public async Task<PlanNames> NamesAsync(IReadOnlyList<TestParameters> parameters, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var ids = parameters.SelectMany(p => p.PartnerOrganisationIds).Distinct().ToList();
        var codes = parameters.SelectMany(p => p.TechnologyCodes).Distinct().ToList();
        var organisations = ids.Count == 0 ? new Dictionary<Guid, (string, string)>()
            : (await db.Organisations.AsNoTracking().Where(o => ids.Contains(o.Id)).Select(o => new { o.Id, o.NameZh, o.NameEn }).ToListAsync(cancellationToken))
                .ToDictionary(o => o.Id, o => (o.NameZh, o.NameEn));
        var technologies = codes.Count == 0 ? new Dictionary<string, (string, string)>(StringComparer.Ordinal)
            : (await db.ReferenceItems.AsNoTracking().Where(r => r.Kind == Applications.ReferenceKind.Technology && codes.Contains(r.Code))
                .Select(r => new { r.Code, r.NameZh, r.NameEn }).ToListAsync(cancellationToken)).DistinctBy(r => r.Code).ToDictionary(r => r.Code, r => (r.NameZh, r.NameEn), StringComparer.Ordinal);
        return new PlanNames(organisations, technologies);
    }
}
