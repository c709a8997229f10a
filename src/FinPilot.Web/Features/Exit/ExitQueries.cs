using FinPilot.Domain.Common;
using FinPilot.Domain.Exit;
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
