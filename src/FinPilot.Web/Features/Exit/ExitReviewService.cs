using FinPilot.Domain.Common;
using FinPilot.Domain.Deliberation;
using FinPilot.Domain.Evaluation;
using FinPilot.Domain.Exit;
using FinPilot.Domain.Identity;
using FinPilot.Domain.Obligations;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Calendar;
using FinPilot.Web.Features.Commands;
using FinPilot.Web.Features.Deliberation;
using FinPilot.Web.Features.Evaluation;
using FinPilot.Web.Features.Identity;
using FinPilot.Web.Features.Obligations;
using FinPilot.Web.Http;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FinPilot.Web.Features.Exit;

/// <summary>An expert's sheet on an exit: a score and a comment per criterion, a recommendation and an overall opinion.</summary>
public sealed record ExitSheetInput
{
    public IReadOnlyList<ExitCriterionScore> Scores { get; init; } = [];

    public Recommendation? Recommendation { get; init; }

    public string? Opinion { get; init; }
}

/// <summary>
/// 专家论证 and 结果确认: the exit's expert round (shaped like a plan change's review: the evaluation
/// module's <see cref="ConflictFinder"/> keeps out conflicted experts), the working group's forward
/// with the tier formula's proposal, and the coordination group's agenda item and tier decision.
/// </summary>
public sealed class ExitReviewService(
    FinPilotDbContext db, CurrentUser current, CommandPipeline commands, ObligationBook obligations, WorkingCalendarProvider calendars,
    ConflictFinder conflicts, ExitRecord record, ExitNotices notices, ExitPublicRecords publicRecords, DeliberationService deliberation,
    IOptions<ExitOptions> options, TimeProvider clock)
{
    public static string ReviewSubject(Guid exitId) => $"{exitId:N}:review";

    public static string ExpertSubject(Guid exitId, string expertUserId) => $"{exitId:N}:expert:{expertUserId}";

    public Task<Result<ExitCase>> StartAsync(Guid id, Guid expected, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, expected, ExitOperations.Audit, async exit =>
        {
            var now = clock.GetUtcNow();
            var due = ObligationRules.ExitStepDue(now, await calendars.GetAsync(cancellationToken), options.Value.ExpertReviewWorkingDays);
            return exit.StartReview(options.Value.MinReviewers, due, now, current.Id!);
        }, cancellationToken);

    public Task<Result<ExitCase>> AssignAsync(Guid id, string expertUserId, Guid expected, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, expected, ExitOperations.Audit, async exit =>
        {
            if (string.IsNullOrWhiteSpace(expertUserId)
                || !await db.RoleAssignments.AsNoTracking().AnyAsync(a => a.UserId == expertUserId && a.Role == Role.Expert, cancellationToken))
            {
                return new Error(ExitErrors.ReviewerNotExpert, "expertUserId");
            }

            var found = await conflicts.FindAsync(expertUserId, exit.ProjectId, cancellationToken);
            var now = clock.GetUtcNow();
            var due = exit.Review?.DueAt ?? now;
            var assigned = exit.AssignReviewer(expertUserId, found, due, now, current.Id!);
            if (assigned.Succeeded)
            {
                await obligations.EnsureAsync(ExitService.Draft(exit, ObligationKind.ExitExpertReview, ExpertSubject(exit.Id, expertUserId), due), cancellationToken);
                await notices.ToExpertAsync(exit, expertUserId, due, cancellationToken);
            }

            return assigned;
        }, cancellationToken);

    public Task<Result<ExitCase>> SubmitAsync(Guid id, ExitSheetInput sheet, Guid expected, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, expected, ExitOperations.Score, async exit =>
        {
            ArgumentNullException.ThrowIfNull(sheet);
            var now = clock.GetUtcNow();
            var submitted = exit.SubmitReview(current.Id!, sheet.Scores ?? [], sheet.Recommendation, sheet.Opinion ?? string.Empty, now);
            if (!submitted.Succeeded)
            {
                return submitted;
            }

            await obligations.FulfilAsync(exit.ProjectId, ObligationKind.ExitExpertReview, ExpertSubject(exit.Id, current.Id!), now, current.Id!, cancellationToken);
            if (exit.Review is { IsComplete: true })
            {
                await notices.ToWorkingGroupAsync(exit, Notifications.NotificationKind.ExitReviewCompleted, cancellationToken);
                publicRecords.Step(exit, "Public_ReviewCompleted", now);
            }

            return submitted;
        }, cancellationToken);

    /// <summary>The working group forwards the reviewed exit with its view; the formula proposes the tier from the record, and the group's confirmation is owed.</summary>
    public Task<Result<ExitCase>> ForwardAsync(Guid id, string view, Guid expected, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, expected, ExitOperations.Audit, async exit =>
        {
            var now = clock.GetUtcNow();
            var proposal = TierFormula.Propose(await record.TierInputsAsync(exit, cancellationToken), now);
            var forwarded = exit.Forward(view ?? string.Empty, proposal, now, current.Id!);
            if (!forwarded.Succeeded)
            {
                return forwarded;
            }

            await obligations.FulfilAsync(exit.ProjectId, ObligationKind.ExitExpertReview, ReviewSubject(exit.Id), now, current.Id!, cancellationToken);
            var due = ObligationRules.ExitStepDue(now, await calendars.GetAsync(cancellationToken), options.Value.ConfirmationWorkingDays);
            await obligations.EnsureAsync(ExitService.Draft(exit, ObligationKind.ExitConfirmation, ExitService.CaseSubject(exit.Id), due), cancellationToken);
            await notices.ToCoordinationGroupAsync(exit, cancellationToken);
            publicRecords.Step(exit, "Public_Forwarded", now);
            return forwarded;
        }, cancellationToken);

    /// <summary>The coordination group confirms the proposed tier or overrides it with a reason, before the resolution.</summary>
    public Task<Result<ExitCase>> DecideTierAsync(Guid id, ExitTier tier, string? reason, Guid expected, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, expected, ExitOperations.Confirm, exit => Task.FromResult(exit.DecideTier(tier, reason, clock.GetUtcNow(), current.Id!)), cancellationToken);

    /// <summary>The coordination group puts a forwarded exit on a meeting's agenda as an <see cref="AgendaItemKind.Exit"/> item, with the working group's view and the tier proposal.</summary>
    public async Task<Result<ExitCase>> ScheduleAsync(Guid id, Guid meetingId, CancellationToken cancellationToken = default)
    {
        var exit = await db.ExitCases.SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (exit is null)
        {
            return new Error(ExitErrors.NotFound);
        }

        if (!await commands.AllowsAsync(ExitScope.Of(exit), ExitOperations.Confirm))
        {
            return Problems.Forbidden;
        }

        if (exit.Status != ExitStatus.AwaitingCoordinationGroup || exit.AgendaItemId is not null)
        {
            return exit.AgendaItemId is not null ? new Error(ExitErrors.AlreadyOnAgenda) : new Error(ExitErrors.WrongStep, null, exit.Status);
        }

        var title = await db.Projects.AsNoTracking().Where(p => p.Id == exit.ProjectId).Select(p => p.Title).SingleAsync(cancellationToken);
        var itemTitle = ExitTexts.Format("Agenda_Title", ExitTexts.Chinese, title);
        var view = ExitTexts.Format("Agenda_View", ExitTexts.Chinese, exit.ForwardNote, ExitTexts.Of(exit.Mode, ExitTexts.Chinese),
            ExitTexts.Of(exit.Proposal!.Tier, ExitTexts.Chinese), exit.Proposal.Score, exit.Proposal.FormulaVersion);
        var added = await deliberation.AddAgendaItemAsync(meetingId, AgendaItemKind.Exit, itemTitle, [exit.ProjectId], view, cancellationToken);
        if (!added.Succeeded)
        {
            return Result<ExitCase>.Fail([.. added.Errors]);
        }

        // The meeting is saved; the case now records its item.
        var meeting = await db.Set<Meeting>().AsNoTracking().SingleAsync(m => m.Id == meetingId, cancellationToken);
        var item = meeting.AgendaItems.Last(i => i.Kind == AgendaItemKind.Exit && i.ProjectIds.Contains(exit.ProjectId));
        var put = exit.PutOnAgenda(meetingId, item.Id);
        if (!put.Succeeded)
        {
            return Result<ExitCase>.Fail([.. put.Errors]);
        }

        return await commands.SaveAsync(exit, ExitErrors.Concurrency, cancellationToken);
    }

    private async Task<Result<ExitCase>> ChangeAsync(
        Guid id, Guid expected, OperationAuthorizationRequirement operation, Func<ExitCase, Task<Result>> act, CancellationToken cancellationToken)
    {
        var exit = await db.ExitCases.SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (exit is null)
        {
            return new Error(ExitErrors.NotFound);
        }

        if (!await commands.AllowsAsync(ExitScope.Of(exit), operation))
        {
            return Problems.Forbidden;
        }

        if (exit.Version != expected)
        {
            return new Error(ExitErrors.Concurrency);
        }

        var result = await act(exit);
        if (!result.Succeeded)
        {
            db.ChangeTracker.Clear();
            return Result<ExitCase>.Fail([.. result.Errors]);
        }

        return await commands.SaveAsync(exit, ExitErrors.Concurrency, cancellationToken);
    }
}
