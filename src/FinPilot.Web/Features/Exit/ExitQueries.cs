using FinPilot.Domain.Common;
using FinPilot.Domain.Exit;
using FinPilot.Domain.Obligations;
using FinPilot.Domain.Projects;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Commands;
using FinPilot.Web.Features.Identity;
using FinPilot.Web.Features.Supervision;
using FinPilot.Web.Http;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Features.Exit;

public sealed record ExitFilter(int? RegionId = null, ExitStatus? Status = null, ExitMode? Mode = null, int? Page = null, int? PageSize = null);

/// <summary>One exit as the queue shows it.</summary>
public sealed record ExitRow(Guid Id, Guid ProjectId, string ProjectTitle, int RegionId, ExitMode Mode, ExitStatus Status, DateTimeOffset OpenedAt, ExitTier? Tier);

/// <summary>What the caller may do with an exit now; pages show only these.</summary>
public sealed record ExitAllowed
{
    public bool SelfAssess { get; init; }

    public bool Submit { get; init; }

    public bool Answer { get; init; }

    public bool Audit { get; init; }

    public bool StartReview { get; init; }

    public bool AssignReviewers { get; init; }

    public bool Score { get; init; }

    public bool Forward { get; init; }

    public bool Schedule { get; init; }

    public bool DecideTier { get; init; }
}

/// <summary>An exit as the caller may read it: experts see only their own sheet and no summary.</summary>
public sealed record ExitView(ExitCase Case, string ProjectTitle, ExitAllowed Allowed)
{
    public ExitReview? Review { get; init; }

    public ExitReviewSummary? ReviewSummary { get; init; }
}

/// <summary>One step of an exit's path as an obligation: what is owed, by when, and whether it is met.</summary>
public sealed record ExitStepDuty(ObligationKind Kind, DateTimeOffset DueAt, ObligationStatus Status, DateTimeOffset? ClosedAt);

/// <summary>An expert of the pool as the assignment form shows them: conflicted or already seated experts are unavailable.</summary>
public sealed record ExitReviewCandidate(string UserId, string Name, IReadOnlyList<Domain.Evaluation.ConflictReason> Conflicts, bool Seated)
{
    public bool Available => Conflicts.Count == 0 && !Seated;
}

/// <summary>One exit in an expert's list of reviews.</summary>
public sealed record MyExitReviewRow(Guid Id, Guid ProjectId, string ProjectTitle, ExitStatus Status, DateTimeOffset DueAt, DateTimeOffset? SubmittedAt, bool CanScore);

/// <summary>An admitted pilot of the caller's organisation that has no exit yet.</summary>
public sealed record ExitablePilot(Guid ProjectId, string Title);

/// <summary>A pilot's exit and tier in brief, for the casebook and other readers of the record.</summary>
public sealed record ExitSummary(
    Guid ExitId, Guid ProjectId, string ProjectTitle, int RegionId, ExitMode Mode, ExitStatus Status, DateTimeOffset OpenedAt, DateTimeOffset? ExitedAt,
    ExitTier? Tier, TierProposal? Proposal, TierDecision? TierDecision, ExitReviewSummary? ReviewSummary, ExitSelfAssessment? SelfAssessment, string? Resolution);

/// <summary>Reads of exits for pages and the API: restricted to what the caller may see, paged in SQL.</summary>
public sealed class ExitQueries(FinPilotDbContext db, CurrentUser current, CommandPipeline commands)
{
    /// <summary>The exit queue: the coordination group, integrity officers and admins see all; a working group its regions; an institution its own.</summary>
    public async Task<Result<Page<ExitRow>>> ListAsync(ExitFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var visibility = await SupervisedScope.OfAsync(current, cancellationToken);
        if (visibility.Nothing || (filter.RegionId is { } region && !visibility.Allows(region, null)))
        {
            return Result<Page<ExitRow>>.Fail(Problems.Forbidden);
        }

        var query = visibility.Apply(db.ExitCases.AsNoTracking(), filter.RegionId);
        if (filter.Status is { } status)
        {
            query = query.Where(c => c.Status == status);
        }

        if (filter.Mode is { } mode)
        {
            query = query.Where(c => c.Mode == mode);
        }

        var (number, size) = Page<ExitRow>.Normalise(filter.Page, filter.PageSize);
        var total = await query.CountAsync(cancellationToken);
        var rows = await (
            from c in query.OrderByDescending(c => c.OpenedAt).ThenBy(c => c.Id).Skip((number - 1) * size).Take(size)
            join p in db.Projects.AsNoTracking() on c.ProjectId equals p.Id
            select new ExitRow(c.Id, c.ProjectId, p.Title, c.RegionId, c.Mode, c.Status, c.OpenedAt, c.Tier)).ToListAsync(cancellationToken);
        return new Page<ExitRow>([.. rows.OrderByDescending(r => r.OpenedAt).ThenBy(r => r.Id)], number, size, total);
    }

    public async Task<Result<ExitView>> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var exit = await db.ExitCases.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        return exit is null ? new Error(ExitErrors.NotFound) : await ViewAsync(exit, cancellationToken);
    }

    /// <summary>The exit of a pilot, if it has one (the institution's exit page).</summary>
    public async Task<Result<ExitView?>> OfProjectAsync(Guid projectId, CancellationToken cancellationToken = default)
    {
        var project = await db.Projects.AsNoTracking().Where(p => p.Id == projectId)
            .Select(p => new { p.Id, p.RegionId, p.LeadOrganisationId }).SingleOrDefaultAsync(cancellationToken);
        if (project is null)
        {
            return new Error(ExitErrors.ProjectNotFound);
        }

        if (!await commands.AllowsAsync(new ExitScope(project.Id, project.RegionId, project.LeadOrganisationId), ExitOperations.Read))
        {
            return Problems.Forbidden;
        }

        var exit = await db.ExitCases.AsNoTracking().SingleOrDefaultAsync(c => c.ProjectId == projectId, cancellationToken);
        if (exit is null)
        {
            return (ExitView?)null;
        }

        var view = await ViewAsync(exit, cancellationToken);
        return view.Succeeded ? view.Value : Result<ExitView?>.Fail([.. view.Errors]);
    }

    /// <summary>Whether the caller may apply or withdraw for this pilot now (an admitted pilot of its organisation without an exit).</summary>
    public async Task<bool> CanApplyAsync(Guid projectId, CancellationToken cancellationToken = default)
    {
        var project = await db.Projects.AsNoTracking().Where(p => p.Id == projectId)
            .Select(p => new { p.Id, p.RegionId, p.LeadOrganisationId, p.Stage }).SingleOrDefaultAsync(cancellationToken);
        return project is not null && ProjectLifecycle.Admitted.Contains(project.Stage)
            && !await db.ExitCases.AnyAsync(c => c.ProjectId == projectId, cancellationToken)
            && await commands.AllowsAsync(new ExitScope(project.Id, project.RegionId, project.LeadOrganisationId), ExitOperations.Institution);
    }

    /// <summary>
    /// A pilot's exit summary and tier as the record holds them (for the casebook): no authorisation
    /// here, so a caller must publish only what its own policy allows.
    /// </summary>
    public async Task<ExitSummary?> SummaryAsync(Guid projectId, CancellationToken cancellationToken = default)
    {
        var found = await (
            from c in db.ExitCases.AsNoTracking().Where(c => c.ProjectId == projectId)
            join p in db.Projects.AsNoTracking() on c.ProjectId equals p.Id
            select new { c, p.Title }).SingleOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return null;
        }

        var e = found.c;
        return new ExitSummary(e.Id, e.ProjectId, found.Title, e.RegionId, e.Mode, e.Status, e.OpenedAt, e.ExitedAt, e.Tier, e.Proposal, e.TierDecision,
            e.Review?.Summary(), e.SelfAssessment, e.Resolution);
    }

    /// <summary>Failed tiers of earlier pilots led by an organisation (shown when it applies again).</summary>
    public Task<List<ExitRow>> FailedOfOrganisationAsync(Guid organisationId, CancellationToken cancellationToken = default) =>
        (from c in db.ExitCases.AsNoTracking().Where(c => c.OrganisationId == organisationId && c.Tier == ExitTier.Failed)
         join p in db.Projects.AsNoTracking() on c.ProjectId equals p.Id
         select new ExitRow(c.Id, c.ProjectId, p.Title, c.RegionId, c.Mode, c.Status, c.OpenedAt, c.Tier)).ToListAsync(cancellationToken);

    /// <summary>The exit path's obligations of a case (what is owed, by when), oldest first.</summary>
    public async Task<IReadOnlyList<ExitStepDuty>> StepsAsync(ExitCase exit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(exit);
        var prefix = exit.Id.ToString("N");
        var kinds = new[] { ObligationKind.ExitSelfAssessment, ObligationKind.ExitAudit, ObligationKind.ExitAnswer, ObligationKind.ExitExpertReview, ObligationKind.ExitConfirmation };
        var rows = await db.Obligations.AsNoTracking()
            .Where(o => o.ProjectId == exit.ProjectId && kinds.Contains(o.Kind) && o.Subject.StartsWith(prefix) && !o.Subject.Contains(":expert:"))
            .Select(o => new { o.Kind, o.DueAt, o.Status, o.ClosedAt, o.CreatedAt }).ToListAsync(cancellationToken);
        return [.. rows.OrderBy(r => r.CreatedAt).ThenBy(r => r.DueAt).Select(r => new ExitStepDuty(r.Kind, r.DueAt, r.Status, r.ClosedAt))];
    }

    /// <summary>The expert pool for the assignment form: each expert with the conflicts that keep them out (回避) and whether already seated.</summary>
    public async Task<IReadOnlyList<ExitReviewCandidate>> ReviewPoolAsync(ExitView view, Evaluation.ConflictFinder conflicts, CancellationToken cancellationToken = default)
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
        var projectId = view.Case.ProjectId;
        var found = await conflicts.FindAsync(experts.Select(e => e.Id).ToList(), [projectId], cancellationToken);
        var seated = view.Review?.Reviewers.Select(r => r.ExpertUserId).ToHashSet() ?? [];
        return [.. experts
            .Select(e => new ExitReviewCandidate(
                e.Id,
                e.DisplayName,
                [.. (found.GetValueOrDefault(new Domain.Evaluation.Assignment.ExpertPair(projectId, e.Id)) ?? []).Select(c => c.Reason).Distinct()],
                seated.Contains(e.Id)))
            .OrderBy(c => c.Conflicts.Count > 0 || c.Seated).ThenBy(c => c.Name, StringComparer.Ordinal)];
    }

    /// <summary>The display names of the people an exit names (the experts, who audited, who forwarded, who decided the tier).</summary>
    public async Task<IReadOnlyDictionary<string, string>> NamesAsync(ExitView view, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(view);
        var ids = (view.Review?.Reviewers.Select(r => r.ExpertUserId) ?? [])
            .Append(view.Case.AuditedBy).Append(view.Case.ForwardedBy).Append(view.Case.TierDecision?.DecidedBy).OfType<string>().Distinct().ToList();
        return ids.Count == 0 ? new Dictionary<string, string>()
            : await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
    }

    /// <summary>
    /// The exits the calling expert was assigned to review, newest first, paged in SQL over the
    /// expert's review obligations (one per seat, <see cref="ExitReviewService.ExpertSubject"/>).
    /// </summary>
    public async Task<Result<Page<MyExitReviewRow>>> MyReviewsAsync(int? pageNumber, CancellationToken cancellationToken = default)
    {
        if (current.Id is not { } me || !await commands.AllowsAsync(new ExitScope(Guid.Empty, 0, Guid.Empty), ExitOperations.Score))
        {
            return Result<Page<MyExitReviewRow>>.Fail(Problems.Forbidden);
        }

        var suffix = ":expert:" + me;
        var seats = db.Obligations.AsNoTracking().Where(o => o.Kind == ObligationKind.ExitExpertReview && o.Subject.EndsWith(suffix));
        var (number, size) = Page<MyExitReviewRow>.Normalise(pageNumber, null);
        var total = await seats.CountAsync(cancellationToken);
        var rows = await (
            from o in seats.OrderByDescending(o => o.DueAt).ThenBy(o => o.Id).Skip((number - 1) * size).Take(size)
            join p in db.Projects.AsNoTracking() on o.ProjectId equals p.Id
            select new { o.Subject, o.DueAt, p.Title }).ToListAsync(cancellationToken);
        var ids = rows.Select(r => Guid.TryParseExact(r.Subject.Split(':')[0], "N", out var id) ? id : Guid.Empty).ToList();
        var cases = await db.ExitCases.AsNoTracking().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);
        var items = rows.Select((r, i) => (Row: r, Case: cases.GetValueOrDefault(ids[i])))
            .Where(x => x.Case is not null)
            .Select(x => new MyExitReviewRow(x.Case!.Id, x.Case.ProjectId, x.Row.Title, x.Case.Status, x.Row.DueAt, x.Case.Review?.SeatOf(me)?.SubmittedAt,
                x.Case.Status == ExitStatus.ExpertReview && x.Case.Review?.SeatOf(me) is { Submitted: false }))
            .ToList();
        return new Page<MyExitReviewRow>(items, number, size, total);
    }

    /// <summary>The caller's organisations' admitted pilots without an exit: where an institution may apply for completion or withdraw.</summary>
    public async Task<IReadOnlyList<ExitablePilot>> ExitablePilotsAsync(CancellationToken cancellationToken = default)
    {
        var grants = await current.GrantsAsync(cancellationToken);
        var organisations = grants.Where(g => g.Role == Domain.Identity.Role.Applicant && g.OrganisationId is not null)
            .Select(g => g.OrganisationId!.Value).Distinct().ToList();
        if (organisations.Count == 0)
        {
            return [];
        }

        var admitted = ProjectLifecycle.Admitted.ToList();
        return await db.Projects.AsNoTracking()
            .Where(p => organisations.Contains(p.LeadOrganisationId) && admitted.Contains(p.Stage) && !db.ExitCases.Any(c => c.ProjectId == p.Id))
            .OrderBy(p => p.Title).Take(50)
            .Select(p => new ExitablePilot(p.Id, p.Title)).ToListAsync(cancellationToken);
    }

    /// <summary>The names of the pilot's metrics in the reader's language, by code (the self-assessment's metrics summary).</summary>
    public async Task<IReadOnlyDictionary<string, string>> MetricNamesAsync(Guid projectId, bool english, CancellationToken cancellationToken = default)
    {
        var plan = await db.SupervisionPlans.AsNoTracking().Where(p => p.ProjectId == projectId).ToListAsync(cancellationToken);
        return plan.SelectMany(p => p.Terms.Metrics).GroupBy(m => m.Code, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().NameIn(english), StringComparer.Ordinal);
    }

    /// <summary>A pilot's title (for a page the caller was already allowed to read).</summary>
    public Task<string?> PilotTitleAsync(Guid projectId, CancellationToken cancellationToken = default) =>
        db.Projects.AsNoTracking().Where(p => p.Id == projectId).Select(p => p.Title).SingleOrDefaultAsync(cancellationToken);

    private async Task<Result<ExitView>> ViewAsync(ExitCase exit, CancellationToken cancellationToken)
    {
        var scope = ExitScope.Of(exit);
        var seat = current.Id is { } me ? exit.Review?.SeatOf(me) : null;
        var staff = await commands.AllowsAsync(scope, ExitOperations.Read);
        var reviewer = seat is not null && await commands.AllowsAsync(scope, ExitOperations.Score);
        if (!staff && !reviewer)
        {
            return Problems.Forbidden;
        }

        var title = await db.Projects.AsNoTracking().Where(p => p.Id == exit.ProjectId).Select(p => p.Title).SingleAsync(cancellationToken);
        var institution = exit.Status == ExitStatus.SelfAssessment && await commands.AllowsAsync(scope, ExitOperations.Institution);
        var audits = await commands.AllowsAsync(scope, ExitOperations.Audit);
        var inReview = exit.Status == ExitStatus.ExpertReview;
        var confirms = exit.Status == ExitStatus.AwaitingCoordinationGroup && await commands.AllowsAsync(scope, ExitOperations.Confirm);
        var allowed = new ExitAllowed
        {
            SelfAssess = institution,
            Submit = institution,
            Answer = institution && exit.OpenQuestions.Count > 0,
            Audit = audits && exit.Status == ExitStatus.Audit,
            StartReview = audits && inReview && exit.Review is null,
            AssignReviewers = audits && inReview && exit.Review is { IsComplete: false },
            Score = inReview && reviewer && seat is { Submitted: false },
            Forward = audits && inReview && exit.Review is { IsComplete: true },
            Schedule = confirms && exit.AgendaItemId is null,
            DecideTier = confirms,
        };
        if (await commands.AllowsAsync(scope, ExitOperations.ReadReview))
        {
            return new ExitView(exit, title, allowed) { Review = exit.Review, ReviewSummary = exit.Review?.Summary() };
        }

        // An assigned expert sees their own sheet only; the institution sees the review's summary, not who scored what.
        return reviewer
            ? new ExitView(exit, title, allowed) { Review = exit.Review! with { Reviewers = [seat!] } }
            : new ExitView(exit, title, allowed) { ReviewSummary = exit.Review is { IsComplete: true } review ? review.Summary() : null };
    }
}
