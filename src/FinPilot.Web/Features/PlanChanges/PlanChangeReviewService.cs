using FinPilot.Domain.Common;
using FinPilot.Domain.Evaluation;
using FinPilot.Domain.Identity;
using FinPilot.Domain.Obligations;
using FinPilot.Domain.PlanChanges;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Calendar;
using FinPilot.Web.Features.Commands;
using FinPilot.Web.Features.Evaluation;
using FinPilot.Web.Features.Identity;
using FinPilot.Web.Features.Obligations;
using FinPilot.Web.Http;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FinPilot.Web.Features.PlanChanges;

/// <summary>An expert's sheet on a change: a score and a comment per criterion, a recommendation and an overall opinion.</summary>
public sealed record ReviewSheetInput
{
    public IReadOnlyList<CriterionScore> Scores { get; init; } = [];

    public Recommendation? Recommendation { get; init; }

    public string? Opinion { get; init; }
}

/// <summary>
/// 变更专家评审: the small expert round a major change passes before the coordination group. The
/// region's working group (or the secretariat) starts it and assigns experts from the pool — the
/// evaluation module's <see cref="ConflictFinder"/> keeps out anyone with a conflict — each expert
/// scores once on the change rubric, and the working group forwards the complete review to the
/// coordination group. The review and each expert's sheet are <see cref="ObligationKind.PlanChangeReview"/> obligations.
/// </summary>
public sealed class PlanChangeReviewService(
    FinPilotDbContext db, CurrentUser current, CommandPipeline commands, ObligationBook obligations, WorkingCalendarProvider calendars,
    ConflictFinder conflicts, PlanChangeNotices notices, IOptions<PlanChangeOptions> options, TimeProvider clock)
{
    /// <summary>The subject of the review's own obligation (the working group's, until it forwards).</summary>
    public static string ReviewSubject(Guid changeId) => $"{changeId}:review";

    /// <summary>The subject of one expert's obligation to score.</summary>
    public static string ExpertSubject(Guid changeId, string expertUserId) => $"{changeId}:expert:{expertUserId}";

    public Task<Result<PlanChange>> StartAsync(Guid id, Guid expected, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, expected, PlanChangeOperations.RunReview, async change =>
        {
            var now = clock.GetUtcNow();
            var due = ObligationRules.PlanChangeReviewDue(now, await calendars.GetAsync(cancellationToken), options.Value.ExpertReviewWorkingDays);
            var started = change.StartReview(options.Value.MinReviewers, due, now, current.Id!);
            if (started.Succeeded)
            {
                await obligations.EnsureAsync(new ObligationDraft(change.ProjectId, change.RegionId, change.OrganisationId, ObligationKind.PlanChangeReview,
                    ReviewSubject(change.Id), due), cancellationToken);
            }

            return started;
        }, cancellationToken);

    /// <summary>Assigns an expert of the pool with no conflict with the pilot's lead or partners; the expert owes a sheet by the review's deadline.</summary>
    public Task<Result<PlanChange>> AssignAsync(Guid id, string expertUserId, Guid expected, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, expected, PlanChangeOperations.RunReview, async change =>
        {
            if (string.IsNullOrWhiteSpace(expertUserId)
                || !await db.RoleAssignments.AsNoTracking().AnyAsync(a => a.UserId == expertUserId && a.Role == Role.Expert, cancellationToken))
            {
                return new Error(PlanChangeErrors.ReviewerNotExpert, "expertUserId");
            }

            var found = await conflicts.FindAsync(expertUserId, change.ProjectId, cancellationToken);
            var now = clock.GetUtcNow();
            var due = change.Review?.DueAt ?? now;
            var assigned = change.AssignReviewer(expertUserId, found, due, now, current.Id!);
            if (assigned.Succeeded)
            {
                await obligations.EnsureAsync(new ObligationDraft(change.ProjectId, change.RegionId, change.OrganisationId, ObligationKind.PlanChangeReview,
                    ExpertSubject(change.Id, expertUserId), due), cancellationToken);
                await notices.ReviewerAssignedAsync(change, expertUserId, due, cancellationToken);
            }

            return assigned;
        }, cancellationToken);

    /// <summary>The assigned expert submits the sheet; the last sheet completes the review and tells the working group.</summary>
    public Task<Result<PlanChange>> SubmitAsync(Guid id, ReviewSheetInput sheet, Guid expected, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, expected, PlanChangeOperations.Score, async change =>
        {
            ArgumentNullException.ThrowIfNull(sheet);
            var now = clock.GetUtcNow();
            var submitted = change.SubmitReview(current.Id!, sheet.Scores ?? [], sheet.Recommendation, sheet.Opinion ?? string.Empty, now);
            if (!submitted.Succeeded)
            {
                return submitted;
            }

            await obligations.FulfilAsync(change.ProjectId, ObligationKind.PlanChangeReview, ExpertSubject(change.Id, current.Id!), now, current.Id!, cancellationToken);
            if (change.Review is { IsComplete: true })
            {
                await notices.ReviewCompletedAsync(change, cancellationToken);
            }

            return submitted;
        }, cancellationToken);

    /// <summary>The working group forwards the reviewed change, with its view, to the coordination group.</summary>
    public Task<Result<PlanChange>> ForwardAsync(Guid id, string view, Guid expected, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, expected, PlanChangeOperations.Forward, async change =>
        {
            var now = clock.GetUtcNow();
            var forwarded = change.Forward(view ?? string.Empty, now, current.Id!);
            if (forwarded.Succeeded)
            {
                await obligations.FulfilAsync(change.ProjectId, ObligationKind.PlanChangeReview, ReviewSubject(change.Id), now, current.Id!, cancellationToken);
                await notices.ForwardedAsync(change, cancellationToken);
            }

            return forwarded;
        }, cancellationToken);

    /// <summary>Waives the review's obligations still open (the change was withdrawn), in the caller's unit of work.</summary>
    public async Task WaiveOpenAsync(PlanChange change, DateTimeOffset at, string by, string reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (change.Review is not { } review)
        {
            return;
        }

        await obligations.WaiveAsync(change.ProjectId, ObligationKind.PlanChangeReview, ReviewSubject(change.Id), at, by, reason, cancellationToken);
        foreach (var seat in review.Reviewers.Where(r => !r.Submitted))
        {
            await obligations.WaiveAsync(change.ProjectId, ObligationKind.PlanChangeReview, ExpertSubject(change.Id, seat.ExpertUserId), at, by, reason, cancellationToken);
        }
    }

    /// <summary>The review's summary as the coordination group's agenda item carries it (Chinese, the record's language).</summary>
    public static string SummaryText(PlanChange change, System.Globalization.CultureInfo language)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (change.Review is not { } review)
        {
            return string.Empty;
        }

        var s = review.Summary();
        string Average(ChangeCriterion c) => s.Averages.Single(a => a.Criterion == c).Average.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture);
        var template = PlanChangesStrings.ResourceManager.GetString(nameof(PlanChangesStrings.Review_Summary), language)!;
        return string.Format(language, System.Text.CompositeFormat.Parse(template), s.Submitted, Average(ChangeCriterion.Necessity), Average(ChangeCriterion.RiskControl),
            Average(ChangeCriterion.ConsumerProtection), Average(ChangeCriterion.Feasibility), s.Recommend, s.WithConditions, s.DoNotRecommend);
    }

    private async Task<Result<PlanChange>> ChangeAsync(
        Guid id, Guid expected, OperationAuthorizationRequirement operation, Func<PlanChange, Task<Result>> act, CancellationToken cancellationToken)
    {
        var change = await db.PlanChanges.SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (change is null)
        {
            return new Error(PlanChangeErrors.NotFound);
        }

        if (!await commands.AllowsAsync(PlanChangeScope.Of(change), operation))
        {
            return Problems.Forbidden;
        }

        if (change.Version != expected)
        {
            return new Error(PlanChangeErrors.Concurrency);
        }

        var result = await act(change);
        if (!result.Succeeded)
        {
            db.ChangeTracker.Clear();
            return Result<PlanChange>.Fail([.. result.Errors]);
        }

        return await commands.SaveAsync(change, PlanChangeErrors.Concurrency, cancellationToken);
    }
}
